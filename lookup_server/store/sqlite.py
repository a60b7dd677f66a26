"""The SQLite store: a single-file database for a booth, a laptop or a small site.

Owns :class:`SqliteStore`: the Store API on one SQLite file in WAL mode. Reads run in
one read transaction (one snapshot) on a small pool of reader threads; loads run on
the single writer thread inside ``BEGIN IMMEDIATE`` (serialised, also across
processes, so versions follow commit order), staging rows in TEMP tables chunk by chunk
and upserting set-wise. Threads, connections and the conversion of ``sqlite3`` errors
to ``StoreError`` live in ``_sqlite_db``; the SQL text in ``_sqlite_sql``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from lookup_server.model import DataState, DocumentRecord, NoticeStatus, Provenance, Source
from lookup_server.store import _common, _migrate
from lookup_server.store import _sqlite_sql as q
from lookup_server.store._sqlite_db import (
    SqliteDatabase,
    check_cancel,
    now_text,
    path_from_url,
    timestamp,
)
from lookup_server.store.base import (
    Change,
    KeyFunction,
    LoadReport,
    LookupRequest,
    LookupResult,
    NoticeRead,
    Store,
    StoredNotice,
)
from lookup_server.store.codec import notice_from_json, notice_to_json

__all__ = ["SqliteStore", "path_from_url"]

_T = TypeVar("_T")


class SqliteStore(Store):
    """Store on one SQLite file. Open with :meth:`open` (or ``factory.open_store``)."""

    def __init__(
        self,
        db: SqliteDatabase,
        *,
        name: str,
        source: Source,
        chunk_size: int,
        notice_cache_size: int,
    ) -> None:
        self.name = name
        self.source = source
        self.path = db.path
        self._db = db
        self._chunk = chunk_size
        self._notices = _common.NoticeCache(notice_cache_size)

    @classmethod
    async def open(
        cls,
        path: str | Path,
        *,
        name: str = "sqlite",
        source: Source = Source.PRIMARY,
        create: bool = True,
        read_threads: int = 4,
        busy_timeout: float = 5.0,
        write_timeout: float = 60.0,
        chunk_size: int = _common.DEFAULT_CHUNK_ROWS,
        notice_cache_size: int = _common.DEFAULT_NOTICE_CACHE,
    ) -> SqliteStore:
        """Open the file (``create``: make it and its directory when missing).

        ``read_threads`` threads answer reads, each with its own connection.
        ``busy_timeout`` bounds how long a read waits for a lock (rare in WAL mode),
        ``write_timeout`` how long a load waits for another process's load.
        ``notice_cache_size`` decoded candidate notices are kept (0: none).
        """
        db = SqliteDatabase(
            Path(path),
            name=name,
            create=create,
            read_threads=read_threads,
            busy_timeout=busy_timeout,
            write_timeout=write_timeout,
        )
        try:
            await db.open()
        except BaseException:
            await db.close()
            raise
        return cls(
            db,
            name=name,
            source=source,
            chunk_size=chunk_size,
            notice_cache_size=notice_cache_size,
        )

    def _provenance(self, version: int, as_of: str | None) -> Provenance:
        state = DataState(version=version, as_of=timestamp(as_of))
        return Provenance(source=self.source, backend=self.name, state=state)

    # ------------------------------------------------------------ schema

    async def migrate(self) -> int:
        """Apply pending migrations in one write transaction; returns how many."""

        def apply(conn: sqlite3.Connection, _: threading.Event) -> int:
            with self._db.sql():
                conn.execute(_migrate.CREATE_MIGRATIONS_TABLE["sqlite"])
                applied = [row[0] for row in conn.execute(q.APPLIED_MIGRATIONS)]
                todo = _migrate.pending("sqlite", self.name, applied)
                for migration in todo:
                    for statement in _migrate.split_statements(migration.sql):
                        conn.execute(statement)
                    record = (migration.version, migration.name, now_text())
                    conn.execute(q.RECORD_MIGRATION, record)
            return len(todo)

        return await self._db.write(apply)

    async def check_schema(self) -> None:
        """SchemaMismatch unless the database has exactly the schema this code needs."""

        def applied(conn: sqlite3.Connection) -> list[int] | None:
            if conn.execute(q.HAS_MIGRATIONS_TABLE).fetchone() is None:
                return None
            return [row[0] for row in conn.execute(q.APPLIED_MIGRATIONS)]

        _migrate.require_current(self.name, await self._db.read(applied))

    # ------------------------------------------------------------ reads

    async def lookup(self, request: LookupRequest) -> LookupResult:
        limit = max(request.candidate_limit, 0)
        keys = json.dumps(list(request.name_keys))

        def read(conn: sqlite3.Connection) -> tuple[Any, ...]:
            version, as_of = conn.execute(q.STATE).fetchone()
            documents: list[Any] = []
            if request.document_number is not None:
                documents = conn.execute(
                    q.DOCUMENTS_BY_NUMBER, (request.document_number,)
                ).fetchall()
            candidates: list[Any] = []
            if request.name_keys:
                candidates = conn.execute(q.CANDIDATES, (keys, limit + 1)).fetchall()
            return version, as_of, documents, candidates

        version, as_of, documents, candidates = await self._db.read(read)
        # Decoded here, on the event loop thread, which owns the notice cache.
        self._notices.seen_version(version)
        ids, versions, docs = zip(*candidates[:limit], strict=True) if candidates else ((),) * 3
        return LookupResult(
            state=DataState(version=version, as_of=timestamp(as_of)),
            documents=tuple(_common.document_from_row(row) for row in documents),
            candidates=self._notices.decode_all(ids, versions, docs),
            candidates_truncated=len(candidates) > limit,
            provenance=self._provenance(version, as_of),
        )

    async def get_notice(self, notice_id: str) -> NoticeRead:
        def read(conn: sqlite3.Connection) -> NoticeRead:
            version, as_of = conn.execute(q.STATE).fetchone()
            row = conn.execute(q.NOTICE_DOC, (notice_id,)).fetchone()
            notice = notice_from_json(row[0]) if row else None
            return NoticeRead(notice=notice, provenance=self._provenance(version, as_of))

        return await self._db.read(read)

    async def state(self) -> DataState:
        def read(conn: sqlite3.Connection) -> DataState:
            version, as_of = conn.execute(q.STATE).fetchone()
            return DataState(version=version, as_of=timestamp(as_of))

        return await self._db.read(read)

    async def changes_since(self, version: int, limit: int = 1000) -> list[Change]:
        def read(conn: sqlite3.Connection) -> list[Change]:
            rows = conn.execute(q.CHANGES_SINCE, (version, limit)).fetchall()
            return [_common.change_from_values(v, k, key, _at(at)) for v, k, key, at in rows]

        return await self._db.read(read)

    async def key_scheme(self) -> str | None:
        def read(conn: sqlite3.Connection) -> str | None:
            scheme: str | None = conn.execute(q.KEY_SCHEME).fetchone()[0]
            return scheme

        return await self._db.read(read)

    # ------------------------------------------------------------ writes

    def _stage(
        self,
        conn: sqlite3.Connection,
        rows: Iterable[_T],
        sql: str,
        convert: Callable[[int, _T], tuple[object, ...]],
        cancel: threading.Event,
    ) -> int:
        """Stage ``rows`` chunk by chunk; returns how many were read."""
        iterator = iter(rows)
        read = 0
        while chunk := _common.pull_chunk(iterator, read, self._chunk, convert):
            check_cancel(cancel)
            with self._db.sql():
                conn.executemany(sql, chunk)
            read += len(chunk)
        return read

    def _locked_state(self, conn: sqlite3.Connection) -> tuple[int, str | None]:
        with self._db.sql():
            version, scheme = conn.execute(q.LOCKED_STATE).fetchone()
            for statement in q.CLEAR_TEMP:
                conn.execute(statement)
        return version, scheme

    def _finish(
        self, conn: sqlite3.Connection, outcomes_sql: str, now: str, **counts: int
    ) -> LoadReport:
        """Count outcomes, move the data version, clear the staging tables."""
        with self._db.sql():
            outcomes = dict(conn.execute(outcomes_sql).fetchall())
            report = _common.make_report(outcomes=outcomes, **counts)
            if report.version_after != report.version_before:
                conn.execute(q.SET_VERSION, (report.version_after, now))
            for statement in q.CLEAR_TEMP:
                conn.execute(statement)
        return report

    async def load_documents(self, rows: Iterable[DocumentRecord]) -> LoadReport:
        def convert(seq: int, record: DocumentRecord) -> tuple[object, ...]:
            values = _common.document_values(record)
            iso = [v.isoformat() if isinstance(v, dt.date) else v for v in values]
            return (seq, *iso)

        def load(conn: sqlite3.Connection, cancel: threading.Event) -> LoadReport:
            before, _ = self._locked_state(conn)
            read = self._stage(conn, rows, q.STAGE_DOCUMENT, convert, cancel)
            now = now_text()
            with self._db.sql():
                distinct = conn.execute(q.COUNT_STAGED_DOCUMENTS).fetchone()[0]
                conn.execute(q.DIFF_DOCUMENTS, {"base": before})
                for statement in q.APPLY_DOCUMENTS:
                    conn.execute(statement, {"now": now})
            return self._finish(
                conn,
                q.DOCUMENT_OUTCOMES,
                now,
                rows_read=read,
                distinct=distinct,
                version_before=before,
            )

        return await self._db.write(load)

    async def load_notices(
        self,
        rows: Iterable[StoredNotice],
        *,
        key_scheme: str,
        snapshot_source: str | None = None,
    ) -> LoadReport:
        def convert(seq: int, stored: StoredNotice) -> tuple[object, ...]:
            nid, ntype, status, source, doc, keys = _common.notice_values(stored)
            return (seq, nid, ntype, status, source, doc, json.dumps(keys))

        def load(conn: sqlite3.Connection, cancel: threading.Event) -> LoadReport:
            before, scheme = self._locked_state(conn)
            self._check_key_scheme(conn, scheme, key_scheme)
            read = self._stage(conn, rows, q.STAGE_NOTICE, convert, cancel)
            now = now_text()
            with self._db.sql():
                distinct = conn.execute(q.COUNT_STAGED_NOTICES).fetchone()[0]
                conn.execute(q.DIFF_NOTICES, {"base": before})
                if snapshot_source is not None:
                    self._sweep(conn, snapshot_source, before)
                for statement in q.APPLY_NOTICES:
                    conn.execute(statement, {"now": now})
            return self._finish(
                conn,
                q.NOTICE_OUTCOMES,
                now,
                rows_read=read,
                distinct=distinct,
                version_before=before,
            )

        return await self._db.write(load)

    def _check_key_scheme(self, conn: sqlite3.Connection, stored: str | None, new: str) -> None:
        if stored is not None and stored != new:
            raise _common.key_scheme_mismatch(self.name, stored, new)
        if stored is None:
            with self._db.sql():
                conn.execute(q.SET_KEY_SCHEME, (new,))

    def _sweep(self, conn: sqlite3.Connection, source: str, before: int) -> None:
        """Cancel the active notices of ``source`` that the snapshot does not list."""
        base = before + conn.execute(q.COUNT_NOTICE_DIFF).fetchone()[0]
        swept = []
        rows = conn.execute(q.SWEEP_CANDIDATES, (source,)).fetchall()
        for offset, (nid, ntype, nsource, doc) in enumerate(rows, start=1):
            notice = dataclasses.replace(notice_from_json(doc), status=NoticeStatus.CANCELLED)
            cancelled = notice_to_json(notice)
            swept.append(
                (nid, ntype, "cancelled", nsource, cancelled, "[]", base + offset, _common.SWEPT)
            )
        conn.executemany(q.ADD_NOTICE_DIFF, swept)

    async def rekey_notices(self, keys_of: KeyFunction, key_scheme: str) -> int:
        def rekey(conn: sqlite3.Connection, cancel: threading.Event) -> int:
            before, _ = self._locked_state(conn)
            with self._db.sql():
                cursor = conn.execute(q.ACTIVE_NOTICES)
            count = 0
            while True:
                with self._db.sql():
                    chunk = cursor.fetchmany(self._chunk)
                if not chunk:
                    break
                check_cancel(cancel)
                staged = []
                for nid, ntype, source, doc in chunk:
                    count += 1
                    keys = json.dumps(sorted(keys_of(notice_from_json(doc))))
                    staged.append(
                        (nid, ntype, "active", source, doc, keys, before + count, "rekey")
                    )
                with self._db.sql():
                    conn.executemany(q.ADD_NOTICE_DIFF, staged)
            now = now_text()
            with self._db.sql():
                for statement in q.APPLY_NOTICES:
                    conn.execute(statement, {"now": now})
                conn.execute(q.SET_KEY_SCHEME, (key_scheme,))
                if count:
                    conn.execute(q.SET_VERSION, (before + count, now))
                for statement in q.CLEAR_TEMP:
                    conn.execute(statement)
            return count

        return await self._db.write(rekey)

    # ------------------------------------------------------------ lifecycle

    async def close(self) -> None:
        await self._db.close()


def _at(text: str) -> dt.datetime:
    at = timestamp(text)
    assert at is not None
    return at
