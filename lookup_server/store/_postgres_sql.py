"""SQL text of the PostgreSQL engine (lookup_server.store.postgres), kept apart from its logic.

Ordering by text uses ``COLLATE "C"`` (code point order, as SQLite and Python sort), so
both engines return candidates in the same order whatever the database's collation.
Loads COPY rows into ``ON COMMIT DROP`` temp tables and upsert set-wise from there.
"""

from __future__ import annotations

from lookup_server.store._common import outcome_sql

#: pg_notify channel; the payload is the new data version, sent when a load commits.
NOTIFY_CHANNEL = "notice_lookup_changes"
#: pg_advisory_xact_lock key serialising migrations ("notice-lookup" as a number).
MIGRATION_LOCK_KEY = 0x6E6F7469636500

# ------------------------------------------------------------------------ reads

# The hot path: data state, listed documents with the number (any issuing country)
# and up to $3 candidate notices, in one statement and hence one snapshot. One
# candidate more than the limit is fetched to tell whether the list was truncated.
# OFFSET 0 keeps the notice fetch a per-candidate index lookup whatever the statistics
# say (without it, a freshly loaded table can get a hash join over every notice).
LOOKUP = """
SELECT s.version, s.as_of,
       (SELECT coalesce(json_agg(json_build_array(
                   d.issuing_country, d.number, d.status, d.document_type, d.reported_by,
                   d.reported_on, d.expires_on, d.record_id)
                   ORDER BY d.issuing_country COLLATE "C"), '[]')::text
        FROM documents AS d
        WHERE d.number = $1::text AND d.status <> 'cancelled') AS documents,
       c.ids, c.versions, c.docs, c.fetched
FROM data_state AS s
CROSS JOIN LATERAL (
    SELECT array_agg(x.notice_id ORDER BY x.rank) FILTER (WHERE x.rank <= $3::int) AS ids,
           array_agg(x.version ORDER BY x.rank) FILTER (WHERE x.rank <= $3::int) AS versions,
           array_agg(x.doc ORDER BY x.rank) FILTER (WHERE x.rank <= $3::int) AS docs,
           count(*) AS fetched
    FROM (
        SELECT m.notice_id, m.rank, n.version, n.doc::text AS doc
        FROM (
            SELECT k.notice_id,
                   row_number() OVER (
                       ORDER BY sum(w.weight) DESC, k.notice_id COLLATE "C"
                   ) AS rank
            FROM (
                -- weight of a key: ln(1 + df_max / df), df = notices having it
                SELECT q.key,
                       ln(1.0 + max(q.df) OVER () / q.df)
                           * CASE WHEN q.key LIKE 'd:%' THEN 0.25 ELSE 1.0 END AS weight,
                       q.key LIKE 'y:%' AS rank_only
                FROM (
                    SELECT key, count(*)::float8 AS df
                    FROM notice_keys WHERE key = ANY($2::text[]) GROUP BY key
                ) AS q
            ) AS w
            -- LATERAL + OFFSET 0: one index range read per key. The planner cannot
            -- tell that w has a few dozen rows and otherwise hash-joins the whole
            -- table (measured: 310 ms instead of 8 ms for a 47-key name).
            CROSS JOIN LATERAL (
                SELECT k.notice_id FROM notice_keys AS k WHERE k.key = w.key OFFSET 0
            ) AS k
            GROUP BY k.notice_id
            HAVING bool_or(NOT w.rank_only)
            ORDER BY rank
            LIMIT $3::int + 1
        ) AS m
        JOIN LATERAL (
            SELECT n.version, n.doc FROM notices AS n
            WHERE n.id = m.notice_id AND n.status = 'active'
            OFFSET 0
        ) AS n ON true
    ) AS x
) AS c
WHERE s.id = 1
"""

STATE = "SELECT version, as_of FROM data_state WHERE id = 1"
KEY_SCHEME = "SELECT key_scheme FROM data_state WHERE id = 1"
GET_NOTICE = """
SELECT s.version, s.as_of, (SELECT n.doc::text FROM notices AS n WHERE n.id = $1) AS doc
FROM data_state AS s WHERE s.id = 1
"""
CHANGES_SINCE = """
SELECT version, kind, key, at FROM changes WHERE version > $1 ORDER BY version LIMIT $2
"""

# Rows by key, cancelled ones included: what a local copy needs to follow the feed.
NOTICES_BY_ID = "SELECT doc::text FROM notices WHERE id = ANY($1::text[])"
DOCUMENTS_BY_KEY = """
SELECT d.issuing_country, d.number, d.status, d.document_type, d.reported_by,
       d.reported_on, d.expires_on, d.record_id
FROM documents AS d
JOIN unnest($1::text[], $2::text[]) AS k(country, number)
  ON d.issuing_country = k.country AND d.number = k.number
"""
# Where this server is in the WAL: the primary's write position, a replica's replayed
# position (compared by LSN: on an idle primary the replay timestamp only ages).
REPLICATION_POSITION = """
SELECT pg_is_in_recovery(),
       CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END
           - '0/0'::pg_lsn,
       CASE WHEN pg_is_in_recovery() THEN pg_last_xact_replay_timestamp() END
"""

HAS_MIGRATIONS_TABLE = "SELECT to_regclass('schema_migrations') IS NOT NULL"
APPLIED_MIGRATIONS = "SELECT version FROM schema_migrations"
RECORD_MIGRATION = "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)"
MIGRATION_LOCK = "SELECT pg_advisory_xact_lock($1)"

# ------------------------------------------------------------------------ writes

# Serialises loads: every load locks the single data_state row first.
LOCK_STATE = "SELECT version, key_scheme FROM data_state WHERE id = 1 FOR UPDATE"
# Taken after the lock, so that as_of never goes backwards between two loads.
# A load commits synchronously whatever the server default: a load reported as done
# must survive a crash, and VACUUM cannot mark pages all-visible (so index-only reads
# of notice_keys keep visiting the heap) until the commit record is flushed.
LOAD_SETUP = """
SELECT clock_timestamp(), set_config('work_mem', $1, true),
       set_config('synchronous_commit', 'on', true)
"""
SET_VERSION = "UPDATE data_state SET version = $1, as_of = $2 WHERE id = 1"
SET_KEY_SCHEME = "UPDATE data_state SET key_scheme = $1 WHERE id = 1"
NOTIFY = "SELECT pg_notify($1, $2)"

STAGE_DOCUMENTS = """
CREATE TEMP TABLE stage_documents (
    seq bigint, number text, issuing_country text, document_type text, status text,
    reported_by text, reported_on date, expires_on date, record_id text
) ON COMMIT DROP
"""

# Dedupe (last row of a key wins), keep the rows that differ from the stored ones,
# number them in file order, upsert, log them; returns the counts.
# Only constants are interpolated into this f-string.
APPLY_DOCUMENTS = f"""
WITH incoming AS (
    SELECT DISTINCT ON (number, issuing_country) *
    FROM stage_documents
    ORDER BY number, issuing_country, seq DESC
), changed AS (
    SELECT i.*, {outcome_sql("i", "d")} AS outcome
    FROM incoming AS i
    LEFT JOIN documents AS d
           ON d.number = i.number AND d.issuing_country = i.issuing_country
    WHERE d.number IS NULL
       OR (d.document_type, d.status, d.reported_by, d.reported_on, d.expires_on, d.record_id)
          IS DISTINCT FROM
          (i.document_type, i.status, i.reported_by, i.reported_on, i.expires_on, i.record_id)
), numbered AS (
    SELECT c.*, $1::bigint + row_number() OVER (ORDER BY c.seq) AS version
    FROM changed AS c
), upserted AS (
    INSERT INTO documents (
        number, issuing_country, document_type, status, reported_by, reported_on,
        expires_on, record_id, version, updated_at
    )
    SELECT number, issuing_country, document_type, status, reported_by, reported_on,
           expires_on, record_id, version, $2::timestamptz
    FROM numbered
    ON CONFLICT (number, issuing_country) DO UPDATE SET
        document_type = EXCLUDED.document_type, status = EXCLUDED.status,
        reported_by = EXCLUDED.reported_by, reported_on = EXCLUDED.reported_on,
        expires_on = EXCLUDED.expires_on, record_id = EXCLUDED.record_id,
        version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
), logged AS (
    INSERT INTO changes (version, kind, key, at)
    SELECT version, 'document', issuing_country || ':' || number, $2::timestamptz
    FROM numbered
)
SELECT (SELECT count(*) FROM incoming) AS distinct_rows,
       (SELECT coalesce(json_object_agg(outcome, n), '{{}}')::text
        FROM (SELECT outcome, count(*) AS n FROM numbered GROUP BY outcome) AS o) AS outcomes
"""  # noqa: S608

STAGE_NOTICES = """
CREATE TEMP TABLE stage_notices (
    seq bigint, id text, type text, status text, source text, doc jsonb, keys text[]
) ON COMMIT DROP
"""

# Notices that change: a column, the JSON or the set of keys differs (staged keys are
# sorted in code point order and empty for a cancelled notice).
NOTICE_DIFF_TABLE = """
CREATE TEMP TABLE notice_diff (
    id text, type text, status text, source text, doc jsonb, keys text[], outcome text,
    version bigint
) ON COMMIT DROP
"""
# Only constants are interpolated into this f-string.
NOTICE_DIFF = f"""
WITH incoming AS (
    SELECT DISTINCT ON (id) * FROM stage_notices ORDER BY id, seq DESC
), changed AS (
    SELECT i.*, {outcome_sql("i", "n")} AS outcome
    FROM incoming AS i
    LEFT JOIN notices AS n ON n.id = i.id
    WHERE n.id IS NULL
       OR (n.type, n.status, n.source) IS DISTINCT FROM (i.type, i.status, i.source)
       OR n.doc <> i.doc
       OR i.keys <> ARRAY(SELECT k.key FROM notice_keys AS k
                          WHERE k.notice_id = i.id ORDER BY k.key COLLATE "C")
)
INSERT INTO notice_diff (id, type, status, source, doc, keys, outcome, version)
SELECT c.id, c.type, c.status, c.source, c.doc, c.keys, c.outcome,
       $1::bigint + row_number() OVER (ORDER BY c.seq)
FROM changed AS c
"""  # noqa: S608
COUNT_STAGED_NOTICES = "SELECT count(DISTINCT id) FROM stage_notices"

# Snapshot loads: active notices of the source that the load does not list.
SWEEP_NOTICES = """
INSERT INTO notice_diff (id, type, status, source, doc, keys, outcome, version)
SELECT n.id, n.type, 'cancelled', n.source, jsonb_set(n.doc, '{status}', '"cancelled"'),
       '{}'::text[], 'swept',
       $1::bigint + (SELECT count(*) FROM notice_diff)
                  + row_number() OVER (ORDER BY n.id COLLATE "C")
FROM notices AS n
WHERE n.source = $2 AND n.status = 'active'
  AND NOT EXISTS (SELECT 1 FROM stage_notices AS s WHERE s.id = n.id)
"""

APPLY_NOTICES = (
    """
    INSERT INTO notices (id, type, status, source, doc, version, updated_at)
    SELECT id, type, status, source, doc, version, $1::timestamptz FROM notice_diff
    ON CONFLICT (id) DO UPDATE SET
        type = EXCLUDED.type, status = EXCLUDED.status, source = EXCLUDED.source,
        doc = EXCLUDED.doc, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
    """,
    "DELETE FROM notice_keys AS k USING notice_diff AS d WHERE k.notice_id = d.id",
    """
    INSERT INTO notice_keys (key, notice_id)
    SELECT unnest(d.keys), d.id FROM notice_diff AS d WHERE d.status = 'active'
    """,
    """
    INSERT INTO changes (version, kind, key, at)
    SELECT version, 'notice', id, $1::timestamptz FROM notice_diff
    """,
)
NOTICE_OUTCOMES = "SELECT outcome, count(*) FROM notice_diff GROUP BY outcome"

# Rekeying: new keys of every active notice, staged with their new versions.
STAGE_REKEY = """
CREATE TEMP TABLE rekey (id text, keys text[], version bigint) ON COMMIT DROP
"""
ACTIVE_NOTICES = """
SELECT id, doc::text FROM notices WHERE status = 'active' ORDER BY id COLLATE "C"
"""
APPLY_REKEY = (
    """
    UPDATE notices AS n SET version = r.version, updated_at = $1::timestamptz
    FROM rekey AS r WHERE n.id = r.id
    """,
    "DELETE FROM notice_keys AS k USING rekey AS r WHERE k.notice_id = r.id",
    "INSERT INTO notice_keys (key, notice_id) SELECT DISTINCT unnest(r.keys), r.id FROM rekey AS r",
    """
    INSERT INTO changes (version, kind, key, at)
    SELECT version, 'notice', id, $1::timestamptz FROM rekey
    """,
)
