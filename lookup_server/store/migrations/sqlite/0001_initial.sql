-- notice-lookup schema, version 1 (SQLite).
-- Applied by lookup_server.store._migrate inside one BEGIN IMMEDIATE transaction; the
-- runner records the version in schema_migrations itself. Dates are ISO 8601 text
-- (YYYY-MM-DD), timestamps ISO 8601 text with a UTC offset.

-- Stolen and lost travel documents. The primary key starts with the number, so a
-- lookup by number alone is an index search that finds every issuing country.
CREATE TABLE documents (
    number          TEXT    NOT NULL,
    issuing_country TEXT    NOT NULL,
    document_type   TEXT    NOT NULL DEFAULT '',
    status          TEXT    NOT NULL,
    reported_by     TEXT    NOT NULL DEFAULT '',
    reported_on     TEXT,
    expires_on      TEXT,
    record_id       TEXT    NOT NULL DEFAULT '',
    version         INTEGER NOT NULL,
    updated_at      TEXT    NOT NULL,
    PRIMARY KEY (number, issuing_country)
) WITHOUT ROWID;

-- Notices: indexed columns beside the whole notice as canonical JSON text
-- (lookup_server.store.codec.notice_to_json).
CREATE TABLE notices (
    id         TEXT    PRIMARY KEY,
    type       TEXT    NOT NULL,
    status     TEXT    NOT NULL CHECK (status IN ('active', 'cancelled')),
    source     TEXT    NOT NULL DEFAULT '',
    doc        TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    updated_at TEXT    NOT NULL
);
-- Snapshot loads cancel the active notices of one source that a file no longer lists.
CREATE INDEX notices_active_source ON notices (source) WHERE status = 'active';

-- Blocking keys of ACTIVE notices only; a cancelled notice has none.
CREATE TABLE notice_keys (
    key       TEXT NOT NULL,
    notice_id TEXT NOT NULL REFERENCES notices (id),
    PRIMARY KEY (key, notice_id)
) WITHOUT ROWID;
CREATE INDEX notice_keys_notice_id ON notice_keys (notice_id);

-- The change feed: one row per record version. key is a notice id or COUNTRY:NUMBER.
CREATE TABLE changes (
    version INTEGER PRIMARY KEY,
    kind    TEXT    NOT NULL CHECK (kind IN ('notice', 'document')),
    key     TEXT    NOT NULL,
    at      TEXT    NOT NULL
);

-- The data version (max version ever assigned) and the blocking-key scheme. One row.
CREATE TABLE data_state (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    version    INTEGER NOT NULL DEFAULT 0,
    as_of      TEXT,
    key_scheme TEXT
);
INSERT INTO data_state (id, version) VALUES (1, 0);
