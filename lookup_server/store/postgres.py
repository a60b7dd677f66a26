"""The PostgreSQL store: the shared primary (and its streaming replicas) of a site.

Owns :class:`PostgresStore`: an asyncpg pool behind the async Store API. The hot-path
``lookup`` is ONE statement (one round trip, one snapshot). Loads run in one
transaction that first locks the ``data_state`` row (loads are serialised; versions
follow commit order), COPY rows into temp tables chunk by chunk and upsert set-wise;
the commit delivers ``NOTIFY notice_lookup_changes, '<version>'``. Every asyncpg
error is converted here into a ``StoreError`` subclass; cancellation passes through.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import asyncpg

from lookup_server.errors import StoreUnavailable
from lookup_server.model import (
    DataState,
    DocumentKey,
    DocumentRecord,
    Notice,
    Provenance,
    Source,
)
from lookup_server.store import _common, _migrate
from lookup_server.store import _postgres_sql as q
from lookup_server.store._postgres_errors import (
    DRIVER_ERRORS,
    POOL_HAS_RESET,
    driver_errors,
    no_reset,
)
from lookup_server.store._postgres_sql import NOTIFY_CHANNEL
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
from lookup_server.store.codec import notice_from_json

__all__ = ["NOTIFY_CHANNEL", "PostgresStore"]

log = logging.getLogger(__name__)
#: Seconds between attempts to open the LISTEN connection after one failed.
LISTEN_RETRY_S = 5.0
#: Changed rows from which a load vacuums and analyses the tables it wrote.
SETTLE_AFTER_CHANGES = 1000

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class ReplicationPosition:
    is_replica: bool
    #: WAL position in bytes: written (primary) or replayed (replica); None if unknown.
    lsn: int | None
    #: When the last replayed transaction committed on the primary (replicas only).
    replayed_at: dt.datetime | None


class PostgresStore(Store):
    """Store on a PostgreSQL database. Open with :meth:`open` (or ``factory.open_store``)."""

    def __init__(
        self,
        pool: asyncpg.Pool,
        *,
        name: str,
        source: Source,
        acquire_timeout: float,
        load_timeout: float,
        chunk_size: int,
        load_work_mem: str,
        notice_cache_size: int,
        dsn: str | None = None,
        connect_timeout: float = 5.0,
    ) -> None:
        self.name = name
        self._dsn = dsn
        self._connect_timeout = connect_timeout
        self._listener: asyncpg.Connection | None = None
        self._listening: asyncio.Task[None] | None = None
        self._listen_again_at = 0.0
        self._changed = asyncio.Event()
        self.source = source
        self._pool = pool
        self._acquire_timeout = acquire_timeout
        self._load_timeout = load_timeout
        self._chunk = chunk_size
        self._work_mem = load_work_mem
        self._notices = _common.NoticeCache(notice_cache_size)
        self._close_timeout = 10.0
        self._closed = False

    @classmethod
    async def open(
        cls,
        dsn: str,
        *,
        name: str = "postgres",
        source: Source = Source.PRIMARY,
        min_size: int = 2,
        max_size: int = 10,
        command_timeout: float = 5.0,
        connect_timeout: float = 5.0,
        acquire_timeout: float = 5.0,
        load_timeout: float = 3600.0,
        max_inactive_connection_lifetime: float = 300.0,
        statement_cache_size: int = 100,
        chunk_size: int = _common.DEFAULT_CHUNK_ROWS,
        load_work_mem: str = "256MB",
        application_name: str = "notice-lookup",
        notice_cache_size: int = _common.DEFAULT_NOTICE_CACHE,
    ) -> PostgresStore:
        """Create the pool (``min_size`` connections are opened now).

        ``command_timeout`` bounds each read statement, ``load_timeout`` each statement
        of a load, ``acquire_timeout`` the wait for a free (or new) connection.
        ``notice_cache_size`` decoded candidate notices are kept (0: none).
        """
        options: dict[str, Any] = {}
        if POOL_HAS_RESET:
            options["reset"] = no_reset
        with driver_errors(name, "connect"):
            pool = await asyncpg.create_pool(
                dsn,
                min_size=min_size,
                max_size=max_size,
                command_timeout=command_timeout,
                timeout=connect_timeout,
                max_inactive_connection_lifetime=max_inactive_connection_lifetime,
                statement_cache_size=statement_cache_size,
                server_settings={
                    "application_name": application_name,
                    # The candidate read's cost estimate passes jit_above_cost for long
                    # names, and JIT-compiling it took 270 ms for a 10 ms query.
                    "jit": "off",
                },
                **options,
            )
        return cls(
            pool,
            name=name,
            source=source,
            acquire_timeout=acquire_timeout,
            load_timeout=load_timeout,
            chunk_size=chunk_size,
            load_work_mem=load_work_mem,
            notice_cache_size=notice_cache_size,
            dsn=dsn,
            connect_timeout=connect_timeout,
        )

    # ------------------------------------------------------------ plumbing

    def _errors(self, what: str) -> contextlib.AbstractContextManager[None]:
        return driver_errors(self.name, what)

    def _check_open(self) -> None:
        if self._closed:
            raise StoreUnavailable(self.name, "store is closed")

    @contextlib.asynccontextmanager
    async def _connection(self) -> AsyncIterator[asyncpg.Connection]:
        self._check_open()
        with self._errors("acquire"):
            conn = await self._pool.acquire(timeout=self._acquire_timeout)
        try:
            yield conn
        except BaseException:
            with contextlib.suppress(*DRIVER_ERRORS):
                await self._pool.release(conn)
            raise
        with self._errors("release"):
            await self._pool.release(conn)

    def _provenance(self, version: int, as_of: Any) -> Provenance:
        state = DataState(version=version, as_of=as_of)
        return Provenance(source=self.source, backend=self.name, state=state)

    # ------------------------------------------------------------ schema

    async def migrate(self) -> int:
        """Apply pending migrations under an advisory lock; returns how many."""
        async with self._connection() as conn:
            with self._errors("migrate"):
                async with conn.transaction():
                    await conn.execute(q.MIGRATION_LOCK, q.MIGRATION_LOCK_KEY)
                    await conn.execute(_migrate.CREATE_MIGRATIONS_TABLE["postgres"])
                    applied = [r[0] for r in await conn.fetch(q.APPLIED_MIGRATIONS)]
                    todo = _migrate.pending("postgres", self.name, applied)
                    for migration in todo:
                        await conn.execute(migration.sql)
                        await conn.execute(q.RECORD_MIGRATION, migration.version, migration.name)
        return len(todo)

    async def check_schema(self) -> None:
        """SchemaMismatch unless the database has exactly the schema this code needs."""
        async with self._connection() as conn:
            with self._errors("check schema"):
                applied: list[int] | None = None
                if await conn.fetchval(q.HAS_MIGRATIONS_TABLE):
                    applied = [r[0] for r in await conn.fetch(q.APPLIED_MIGRATIONS)]
        _migrate.require_current(self.name, applied)

    # ------------------------------------------------------------ reads

    async def lookup(self, request: LookupRequest) -> LookupResult:
        limit = max(request.candidate_limit, 0)
        async with self._connection() as conn:
            with self._errors("lookup"):
                row = await conn.fetchrow(
                    q.LOOKUP, request.document_number, list(request.name_keys), limit
                )
        version, as_of, documents, ids, versions, docs, fetched = row
        self._notices.seen_version(version)
        return LookupResult(
            state=DataState(version=version, as_of=as_of),
            documents=tuple(_common.document_from_row(d) for d in json.loads(documents)),
            candidates=self._notices.decode_all(ids or (), versions or (), docs or ()),
            candidates_truncated=fetched > limit,
            provenance=self._provenance(version, as_of),
        )

    async def get_notice(self, notice_id: str) -> NoticeRead:
        async with self._connection() as conn:
            with self._errors("get_notice"):
                version, as_of, doc = await conn.fetchrow(q.GET_NOTICE, notice_id)
        notice = notice_from_json(doc) if doc is not None else None
        return NoticeRead(notice=notice, provenance=self._provenance(version, as_of))

    async def state(self) -> DataState:
        async with self._connection() as conn:
            with self._errors("state"):
                version, as_of = await conn.fetchrow(q.STATE)
        return DataState(version=version, as_of=as_of)

    async def changes_since(self, version: int, limit: int = 1000) -> list[Change]:
        async with self._connection() as conn:
            with self._errors("changes_since"):
                rows = await conn.fetch(q.CHANGES_SINCE, version, limit)
        return [_common.change_from_values(*row) for row in rows]

    async def records(
        self, notice_ids: Sequence[str], document_keys: Sequence[DocumentKey]
    ) -> tuple[list[Notice], list[DocumentRecord]]:
        """The stored notices and document records with these keys, cancelled ones too
        (a local copy applies them as they are). Unknown keys are left out."""
        async with self._connection() as conn:
            with self._errors("records"):
                docs = await conn.fetch(q.NOTICES_BY_ID, list(notice_ids)) if notice_ids else []
                rows = (
                    await conn.fetch(
                        q.DOCUMENTS_BY_KEY,
                        [k.issuing_country for k in document_keys],
                        [k.number for k in document_keys],
                    )
                    if document_keys
                    else []
                )
        return (
            [notice_from_json(row[0]) for row in docs],
            [_common.document_from_row(tuple(row)) for row in rows],
        )

    async def replication_position(self) -> ReplicationPosition:
        """Whether this server replays WAL from another, and how far it has got."""
        async with self._connection() as conn:
            with self._errors("replication_position"):
                in_recovery, lsn, replayed_at = await conn.fetchrow(q.REPLICATION_POSITION)
        return ReplicationPosition(
            is_replica=bool(in_recovery),
            lsn=int(lsn) if lsn is not None else None,
            replayed_at=replayed_at,
        )

    async def expire_connections(self) -> None:
        """Replace every pooled connection before its next use (after the server went
        away: its idle connections are dead, and would each fail one call)."""
        await self._pool.expire_connections()

    async def wait_for_change(self, max_wait_s: float) -> None:
        """Wait for a load's NOTIFY (on a connection of its own), at most ``max_wait_s``.

        When the listening connection cannot be opened or has died, this degrades to
        polling and tries to listen again on the next call.
        """
        due = time.monotonic() >= self._listen_again_at
        if self._dsn is not None and not self._closed and self._listening is None and due:
            listener = self._listener
            if listener is None or listener.is_closed():
                # Connect in a task of its own: cancelling a waiter (a follower that
                # stops) must not cancel asyncpg mid-handshake, which leaks the socket.
                self._listening = asyncio.create_task(self._listen(), name="pg-listen")
                self._listening.add_done_callback(self._listened)
        try:
            async with asyncio.timeout(max_wait_s):
                await self._changed.wait()
        except TimeoutError:
            pass
        self._changed.clear()

    async def _listen(self) -> None:
        self._listener = None
        try:
            async with asyncio.timeout(self._connect_timeout):
                conn = await asyncpg.connect(self._dsn, timeout=self._connect_timeout)
                await conn.add_listener(NOTIFY_CHANNEL, self._on_notify)
        except (TimeoutError, *DRIVER_ERRORS) as exc:
            # Try again later, not at every poll: the database may be down for a while.
            self._listen_again_at = time.monotonic() + LISTEN_RETRY_S
            log.warning(
                "%s: cannot listen for changes (polling meanwhile, retry in %.0f s): %s",
                self.name,
                LISTEN_RETRY_S,
                exc,
            )
            return
        if self._closed:
            conn.terminate()
            return
        conn.add_termination_listener(lambda _conn: self._changed.set())
        self._listener = conn
        self._changed.set()  # changes made while nobody listened: look once now

    def _listened(self, _task: asyncio.Task[None]) -> None:
        self._listening = None

    def _on_notify(self, *_args: object) -> None:
        self._changed.set()

    async def key_scheme(self) -> str | None:
        async with self._connection() as conn:
            with self._errors("key_scheme"):
                scheme: str | None = await conn.fetchval(q.KEY_SCHEME)
        return scheme

    # ------------------------------------------------------------ writes

    async def _write(
        self,
        what: str,
        body: Callable[[asyncpg.Connection, int, str | None, Any], Awaitable[_T]],
        tables: tuple[str, ...] = (),
    ) -> _T:
        """Run ``body(conn, version, key_scheme, now)`` in a transaction holding the lock.

        Whatever ``body`` raises (a driver error already converted, or the caller's
        iterable's own exception) rolls everything back and propagates unchanged.
        After a large change, ``tables`` are vacuumed and analysed (see _settle).
        """
        async with self._connection() as conn:
            tx = conn.transaction()
            with self._errors(what):
                await tx.start()
            try:
                with self._errors(what):
                    version, scheme = await conn.fetchrow(q.LOCK_STATE, timeout=self._load_timeout)
                    now, _, _ = await conn.fetchrow(q.LOAD_SETUP, self._work_mem)
                result = await body(conn, version, scheme, now)
            except BaseException:
                with contextlib.suppress(*DRIVER_ERRORS):
                    await tx.rollback()
                raise
            with self._errors(what):
                await tx.commit()
            if isinstance(result, LoadReport):
                await self._settle(conn, result.version_after - result.version_before, tables)
            elif isinstance(result, int):
                await self._settle(conn, result, tables)
        return result

    async def _settle(
        self, conn: asyncpg.Connection, changed: int, tables: tuple[str, ...]
    ) -> None:
        """VACUUM (ANALYZE) after a large load, before checks meet the new rows.

        Freshly inserted rows are not yet all-visible, so every index-only read of
        notice_keys (the candidate read) visits the heap, and the planner works from
        stale statistics:
        right after loading 50,000 notices, checks took 300 ms instead of 10 ms until
        autovacuum caught up. The load's data is committed already; a failure here
        is logged, not raised.
        """
        if changed < SETTLE_AFTER_CHANGES or not tables:
            return
        try:
            # One statement per table, index-read tables first: vacuuming several in
            # one statement left the later ones without all-visible pages.
            for table in tables:
                await conn.execute(f"VACUUM (ANALYZE) {table}", timeout=self._load_timeout)
        except DRIVER_ERRORS as exc:
            log.warning("%s: VACUUM ANALYZE after load failed: %s", self.name, exc)

    async def _sql(self, conn: asyncpg.Connection, what: str, sql: str, *args: Any) -> Any:
        with self._errors(what):
            return await conn.fetch(sql, *args, timeout=self._load_timeout)

    async def _stage(
        self,
        conn: asyncpg.Connection,
        table: str,
        columns: tuple[str, ...],
        rows: Iterable[_T],
        convert: Callable[[int, _T], tuple[object, ...]],
    ) -> int:
        """COPY ``rows`` into ``table`` chunk by chunk; returns how many were read.

        Chunks are pulled (and converted) on a worker thread so that parsing a large
        file never stalls the event loop; exceptions from ``rows`` are not converted.
        """
        iterator = iter(rows)
        read = 0
        while chunk := await asyncio.to_thread(
            _common.pull_chunk, iterator, read, self._chunk, convert
        ):
            with self._errors("load"):
                await conn.copy_records_to_table(
                    table, records=chunk, columns=("seq", *columns), timeout=self._load_timeout
                )
            read += len(chunk)
        return read

    async def _bump(self, conn: asyncpg.Connection, before: int, after: int, now: Any) -> None:
        """Move the data version; NOTIFY listeners (delivered when the load commits)."""
        if after != before:
            await self._sql(conn, "load", q.SET_VERSION, after, now)
            await self._sql(conn, "load", q.NOTIFY, NOTIFY_CHANNEL, str(after))

    async def _finish(self, conn: asyncpg.Connection, report: LoadReport, now: Any) -> LoadReport:
        await self._bump(conn, report.version_before, report.version_after, now)
        return report

    async def load_documents(self, rows: Iterable[DocumentRecord]) -> LoadReport:
        def convert(seq: int, record: DocumentRecord) -> tuple[object, ...]:
            return (seq, *_common.document_values(record))

        async def body(
            conn: asyncpg.Connection, before: int, _: str | None, now: Any
        ) -> LoadReport:
            await self._sql(conn, "load", q.STAGE_DOCUMENTS)
            read = await self._stage(
                conn, "stage_documents", _common.DOCUMENT_COLUMNS, rows, convert
            )
            [(distinct, outcomes)] = await self._sql(conn, "load", q.APPLY_DOCUMENTS, before, now)
            report = _common.make_report(
                rows_read=read,
                distinct=distinct,
                outcomes=json.loads(outcomes),
                version_before=before,
            )
            return await self._finish(conn, report, now)

        return await self._write("load_documents", body, ("documents",))

    async def load_notices(
        self,
        rows: Iterable[StoredNotice],
        *,
        key_scheme: str,
        snapshot_source: str | None = None,
    ) -> LoadReport:
        def convert(seq: int, stored: StoredNotice) -> tuple[object, ...]:
            return (seq, *_common.notice_values(stored))

        async def body(
            conn: asyncpg.Connection, before: int, scheme: str | None, now: Any
        ) -> LoadReport:
            if scheme is not None and scheme != key_scheme:
                raise _common.key_scheme_mismatch(self.name, scheme, key_scheme)
            if scheme is None:
                await self._sql(conn, "load", q.SET_KEY_SCHEME, key_scheme)
            await self._sql(conn, "load", q.STAGE_NOTICES)
            await self._sql(conn, "load", q.NOTICE_DIFF_TABLE)
            read = await self._stage(conn, "stage_notices", _common.NOTICE_COLUMNS, rows, convert)
            [(distinct,)] = await self._sql(conn, "load", q.COUNT_STAGED_NOTICES)
            await self._sql(conn, "load", q.NOTICE_DIFF, before)
            if snapshot_source is not None:
                await self._sql(conn, "load", q.SWEEP_NOTICES, before, snapshot_source)
            for sql in q.APPLY_NOTICES:
                await self._sql(conn, "load", sql, *((now,) if "$1" in sql else ()))
            outcomes = dict(await self._sql(conn, "load", q.NOTICE_OUTCOMES))
            report = _common.make_report(
                rows_read=read, distinct=distinct, outcomes=outcomes, version_before=before
            )
            return await self._finish(conn, report, now)

        return await self._write("load_notices", body, ("notice_keys", "notices"))

    async def rekey_notices(self, keys_of: KeyFunction, key_scheme: str) -> int:
        def new_keys(chunk: list[Any], first_version: int) -> list[tuple[object, ...]]:
            return [
                (nid, sorted(keys_of(notice_from_json(doc))), first_version + i)
                for i, (nid, doc) in enumerate(chunk)
            ]

        async def body(conn: asyncpg.Connection, before: int, _: str | None, now: Any) -> int:
            await self._sql(conn, "rekey", q.STAGE_REKEY)
            with self._errors("rekey"):
                cursor = await conn.cursor(q.ACTIVE_NOTICES)
            count = 0
            while True:
                with self._errors("rekey"):
                    chunk = await cursor.fetch(self._chunk, timeout=self._load_timeout)
                if not chunk:
                    break
                staged = await asyncio.to_thread(new_keys, chunk, before + count + 1)
                with self._errors("rekey"):
                    await conn.copy_records_to_table(
                        "rekey", records=staged, timeout=self._load_timeout
                    )
                count += len(chunk)
            for sql in q.APPLY_REKEY:
                await self._sql(conn, "rekey", sql, *((now,) if "$1" in sql else ()))
            await self._sql(conn, "rekey", q.SET_KEY_SCHEME, key_scheme)
            await self._bump(conn, before, before + count, now)
            return count

        return await self._write("rekey_notices", body, ("notice_keys", "notices"))

    # ------------------------------------------------------------ lifecycle

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._listening is not None:
            with contextlib.suppress(Exception):
                await self._listening  # bounded by the connect timeout
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.terminate()
        try:
            async with asyncio.timeout(self._close_timeout):
                await self._pool.close()
        except (TimeoutError, *DRIVER_ERRORS):
            # Connections still busy or the server is gone: drop them without goodbye.
            self._pool.terminate()
