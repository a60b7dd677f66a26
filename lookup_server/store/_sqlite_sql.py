"""SQL text of the SQLite engine (lookup_server.store.sqlite), kept apart from its logic.

Loads stage rows in TEMP tables of the writer connection. Staging tables have the
record key as primary key and are filled with INSERT OR REPLACE, so the last row of a
key wins and carries the latest sequence number; ``*_diff`` tables hold the records
that change, each with its new version and its outcome label.
"""

from __future__ import annotations

from lookup_server.store._common import outcome_sql

# ------------------------------------------------------------------------ reads

STATE = "SELECT version, as_of FROM data_state WHERE id = 1"
KEY_SCHEME = "SELECT key_scheme FROM data_state WHERE id = 1"

DOCUMENTS_BY_NUMBER = """
SELECT issuing_country, number, status, document_type, reported_by, reported_on,
       expires_on, record_id
FROM documents
WHERE number = ? AND status <> 'cancelled'
ORDER BY issuing_country
"""

# Candidates: notices sharing the most keys first, then by id; one row more than the
# limit tells whether the list was truncated. Only active notices have keys.
CANDIDATES = """
SELECT n.id, n.version, n.doc
FROM (
    SELECT k.notice_id, sum(w.weight) AS shared
    FROM notice_keys AS k
    JOIN (
        -- weight of a key: ln(1 + df_max / df), df = notices having it
        SELECT q.key,
               ln(1.0 + max(q.df) OVER () / q.df)
                   * CASE WHEN q.key LIKE 'd:%' THEN 0.25 ELSE 1.0 END AS weight,
               q.key LIKE 'y:%' AS rank_only
        FROM (
            SELECT key, CAST(count(*) AS REAL) AS df
            FROM notice_keys
            WHERE key IN (SELECT value FROM json_each(?))
            GROUP BY key
        ) AS q
    ) AS w ON w.key = k.key
    GROUP BY k.notice_id
    HAVING max(NOT w.rank_only)
    ORDER BY shared DESC, k.notice_id
    LIMIT ?
) AS m
JOIN notices AS n ON n.id = m.notice_id AND n.status = 'active'
ORDER BY m.shared DESC, m.notice_id
"""

NOTICE_DOC = "SELECT doc FROM notices WHERE id = ?"

CHANGES_SINCE = """
SELECT version, kind, key, at FROM changes WHERE version > ? ORDER BY version LIMIT ?
"""

APPLIED_MIGRATIONS = "SELECT version FROM schema_migrations"
HAS_MIGRATIONS_TABLE = (
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
)
RECORD_MIGRATION = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"

# ------------------------------------------------------------------------ writes

LOCKED_STATE = "SELECT version, key_scheme FROM data_state WHERE id = 1"
SET_VERSION = "UPDATE data_state SET version = ?, as_of = ? WHERE id = 1"
SET_KEY_SCHEME = "UPDATE data_state SET key_scheme = ? WHERE id = 1"

TEMP_TABLES = (
    """
    CREATE TEMP TABLE IF NOT EXISTS stage_documents (
        number TEXT NOT NULL, issuing_country TEXT NOT NULL, document_type TEXT NOT NULL,
        status TEXT NOT NULL, reported_by TEXT NOT NULL, reported_on TEXT, expires_on TEXT,
        record_id TEXT NOT NULL, seq INTEGER NOT NULL,
        PRIMARY KEY (number, issuing_country)
    ) WITHOUT ROWID
    """,
    """
    CREATE TEMP TABLE IF NOT EXISTS document_diff (
        number TEXT NOT NULL, issuing_country TEXT NOT NULL, document_type TEXT NOT NULL,
        status TEXT NOT NULL, reported_by TEXT NOT NULL, reported_on TEXT, expires_on TEXT,
        record_id TEXT NOT NULL, version INTEGER NOT NULL, outcome TEXT NOT NULL
    )
    """,
    """
    CREATE TEMP TABLE IF NOT EXISTS stage_notices (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, status TEXT NOT NULL, source TEXT NOT NULL,
        doc TEXT NOT NULL, keys TEXT NOT NULL, seq INTEGER NOT NULL
    )
    """,
    """
    CREATE TEMP TABLE IF NOT EXISTS notice_diff (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, status TEXT NOT NULL, source TEXT NOT NULL,
        doc TEXT NOT NULL, keys TEXT NOT NULL, version INTEGER NOT NULL, outcome TEXT NOT NULL
    )
    """,
)
CLEAR_TEMP = (
    "DELETE FROM temp.stage_documents",
    "DELETE FROM temp.document_diff",
    "DELETE FROM temp.stage_notices",
    "DELETE FROM temp.notice_diff",
)

STAGE_DOCUMENT = """
INSERT OR REPLACE INTO temp.stage_documents (
    seq, number, issuing_country, document_type, status, reported_by, reported_on,
    expires_on, record_id
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
COUNT_STAGED_DOCUMENTS = "SELECT count(*) FROM temp.stage_documents"

# Only constants are interpolated into this f-string.
DIFF_DOCUMENTS = f"""
INSERT INTO temp.document_diff
SELECT s.number, s.issuing_country, s.document_type, s.status, s.reported_by, s.reported_on,
       s.expires_on, s.record_id, :base + row_number() OVER (ORDER BY s.seq),
       {outcome_sql("s", "d")}
FROM temp.stage_documents AS s
LEFT JOIN main.documents AS d
       ON d.number = s.number AND d.issuing_country = s.issuing_country
WHERE d.number IS NULL
   OR d.document_type IS NOT s.document_type OR d.status IS NOT s.status
   OR d.reported_by IS NOT s.reported_by OR d.reported_on IS NOT s.reported_on
   OR d.expires_on IS NOT s.expires_on OR d.record_id IS NOT s.record_id
"""  # noqa: S608

APPLY_DOCUMENTS = (
    """
    INSERT INTO main.documents (
        number, issuing_country, document_type, status, reported_by, reported_on,
        expires_on, record_id, version, updated_at
    )
    SELECT number, issuing_country, document_type, status, reported_by, reported_on,
           expires_on, record_id, version, :now
    FROM temp.document_diff WHERE true
    ON CONFLICT (number, issuing_country) DO UPDATE SET
        document_type = excluded.document_type, status = excluded.status,
        reported_by = excluded.reported_by, reported_on = excluded.reported_on,
        expires_on = excluded.expires_on, record_id = excluded.record_id,
        version = excluded.version, updated_at = excluded.updated_at
    """,
    """
    INSERT INTO main.changes (version, kind, key, at)
    SELECT version, 'document', issuing_country || ':' || number, :now
    FROM temp.document_diff
    """,
)
DOCUMENT_OUTCOMES = "SELECT outcome, count(*) FROM temp.document_diff GROUP BY outcome"

STAGE_NOTICE = """
INSERT OR REPLACE INTO temp.stage_notices (seq, id, type, status, source, doc, keys)
VALUES (?, ?, ?, ?, ?, ?, ?)
"""
COUNT_STAGED_NOTICES = "SELECT count(*) FROM temp.stage_notices"

# A notice changes when a column, its JSON or its set of keys differs. Staged keys are
# a JSON array of distinct keys (empty for a cancelled notice).
# Only constants are interpolated into this f-string.
DIFF_NOTICES = f"""
INSERT INTO temp.notice_diff
SELECT s.id, s.type, s.status, s.source, s.doc, s.keys,
       :base + row_number() OVER (ORDER BY s.seq), {outcome_sql("s", "n")}
FROM temp.stage_notices AS s
LEFT JOIN main.notices AS n ON n.id = s.id
WHERE n.id IS NULL
   OR n.type IS NOT s.type OR n.status IS NOT s.status OR n.source IS NOT s.source
   OR n.doc IS NOT s.doc
   OR (SELECT count(*) FROM main.notice_keys AS k WHERE k.notice_id = s.id)
      <> json_array_length(s.keys)
   OR EXISTS (
        SELECT 1 FROM main.notice_keys AS k
        WHERE k.notice_id = s.id AND k.key NOT IN (SELECT value FROM json_each(s.keys))
   )
"""  # noqa: S608
COUNT_NOTICE_DIFF = "SELECT count(*) FROM temp.notice_diff"

# Active notices of a snapshot's source that the snapshot does not list.
SWEEP_CANDIDATES = """
SELECT id, type, source, doc FROM main.notices
WHERE source = ? AND status = 'active' AND id NOT IN (SELECT id FROM temp.stage_notices)
ORDER BY id
"""
ADD_NOTICE_DIFF = """
INSERT INTO temp.notice_diff (id, type, status, source, doc, keys, version, outcome)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
"""

APPLY_NOTICES = (
    """
    INSERT INTO main.notices (id, type, status, source, doc, version, updated_at)
    SELECT id, type, status, source, doc, version, :now FROM temp.notice_diff WHERE true
    ON CONFLICT (id) DO UPDATE SET
        type = excluded.type, status = excluded.status, source = excluded.source,
        doc = excluded.doc, version = excluded.version, updated_at = excluded.updated_at
    """,
    "DELETE FROM main.notice_keys WHERE notice_id IN (SELECT id FROM temp.notice_diff)",
    """
    INSERT INTO main.notice_keys (key, notice_id)
    SELECT j.value, d.id FROM temp.notice_diff AS d, json_each(d.keys) AS j
    WHERE d.status = 'active'
    """,
    """
    INSERT INTO main.changes (version, kind, key, at)
    SELECT version, 'notice', id, :now FROM temp.notice_diff
    """,
)
NOTICE_OUTCOMES = "SELECT outcome, count(*) FROM temp.notice_diff GROUP BY outcome"

ACTIVE_NOTICES = (
    "SELECT id, type, source, doc FROM main.notices WHERE status = 'active' ORDER BY id"
)
