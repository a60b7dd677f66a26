-- notice-lookup schema, version 1 (PostgreSQL).
-- Applied by lookup_server.store._migrate inside one transaction under an advisory lock;
-- the runner records the version in schema_migrations itself.

-- Stolen and lost travel documents. The primary key starts with the number, so a
-- lookup by number alone is an index scan that finds every issuing country.
CREATE TABLE documents (
    number          text        NOT NULL,
    issuing_country text        NOT NULL,
    document_type   text        NOT NULL DEFAULT '',
    status          text        NOT NULL,
    reported_by     text        NOT NULL DEFAULT '',
    reported_on     date,
    expires_on      date,
    record_id       text        NOT NULL DEFAULT '',
    version         bigint      NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (number, issuing_country)
);

-- Notices: indexed columns beside the whole notice as JSON (lookup_server.store.codec).
CREATE TABLE notices (
    id         text        PRIMARY KEY,
    type       text        NOT NULL,
    status     text        NOT NULL CHECK (status IN ('active', 'cancelled')),
    source     text        NOT NULL DEFAULT '',
    doc        jsonb       NOT NULL,
    version    bigint      NOT NULL,
    updated_at timestamptz NOT NULL
);
-- Snapshot loads cancel the active notices of one source that a file no longer lists.
CREATE INDEX notices_active_source ON notices (source) WHERE status = 'active';

-- Blocking keys of ACTIVE notices only; a cancelled notice has none.
CREATE TABLE notice_keys (
    key       text NOT NULL,
    notice_id text NOT NULL REFERENCES notices (id),
    PRIMARY KEY (key, notice_id)
);
CREATE INDEX notice_keys_notice_id ON notice_keys (notice_id);

-- The change feed: one row per record version. key is a notice id or COUNTRY:NUMBER.
CREATE TABLE changes (
    version bigint      PRIMARY KEY,
    kind    text        NOT NULL CHECK (kind IN ('notice', 'document')),
    key     text        NOT NULL,
    at      timestamptz NOT NULL
);

-- The data version (max version ever assigned) and the blocking-key scheme. One row;
-- loads lock it (SELECT ... FOR UPDATE) so that they run one at a time.
CREATE TABLE data_state (
    id         integer     PRIMARY KEY CHECK (id = 1),
    version    bigint      NOT NULL DEFAULT 0,
    as_of      timestamptz,
    key_scheme text
);
INSERT INTO data_state (id, version) VALUES (1, 0);
