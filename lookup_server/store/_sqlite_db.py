"""Connections, threads and error conversion of the SQLite engine.

:class:`SqliteDatabase` owns one SQLite file's connections: a small pool of reader
threads, each with its own read-only connection (opened on first use), and one writer
thread with the only writer connection, used for migrations and loads. It runs
callables there inside a read transaction (one snapshot) or a ``BEGIN IMMEDIATE``
write transaction, and turns ``sqlite3`` errors into ``StoreError`` subclasses. The
store logic (SQL, counting) lives in ``lookup_server.store.sqlite``.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from lookup_server.errors import ConfigError, StoreError, StoreTimeout, StoreUnavailable
from lookup_server.store import _sqlite_sql as q

_T = TypeVar("_T")

# Primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF).
_BUSY, _LOCKED = 5, 6
_UNAVAILABLE_CODES = frozenset({10, 13, 14})  # IOERR, FULL, CANTOPEN

#: A write callable: gets the writer connection and the "caller gave up" flag.
WriteFn = Callable[[sqlite3.Connection, threading.Event], _T]


class LoadAbandoned(Exception):
    """The awaiting task was cancelled: the writer thread rolls the load back."""


def check_cancel(cancel: threading.Event) -> None:
    """Raise LoadAbandoned (rolling the write back) once the caller was cancelled."""
    if cancel.is_set():
        raise LoadAbandoned


def path_from_url(url: str) -> Path:
    """``sqlite:///relative/file.db`` (relative to the cwd) or ``sqlite:////abs/file.db``."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        raise ConfigError(f"SQLite URL must look like sqlite:///path/to/file.db, got {url!r}")
    path = url[len(prefix) :].split("?", 1)[0]
    if not path or path == ":memory:":
        raise ConfigError(f"SQLite URL needs a file path (in-memory is not supported): {url!r}")
    return Path(path)


def now_text() -> str:
    """Timestamps are stored as ISO 8601 text in UTC."""
    return dt.datetime.now(dt.UTC).isoformat()


def timestamp(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def _code(exc: sqlite3.Error) -> int:
    return (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


class _ReaderLocal(threading.local):
    conn: sqlite3.Connection | None = None


class SqliteDatabase:
    """The threads and connections of one SQLite file (see the module docstring)."""

    def __init__(
        self,
        path: Path,
        *,
        name: str,
        create: bool,
        read_threads: int,
        busy_timeout: float,
        write_timeout: float,
    ) -> None:
        self.name = name
        self.path = path
        self._create = create
        self._busy_ms = int(busy_timeout * 1000)
        self._write_busy_ms = int(write_timeout * 1000)
        self._readers = ThreadPoolExecutor(read_threads, thread_name_prefix=f"{name}-read")
        self._writer_pool = ThreadPoolExecutor(1, thread_name_prefix=f"{name}-write")
        self._local = _ReaderLocal()
        self._conns: list[sqlite3.Connection] = []
        self._conns_lock = threading.Lock()
        self._writer: sqlite3.Connection | None = None
        self._closed = False

    # ------------------------------------------------------------ errors

    def error(self, exc: sqlite3.Error) -> StoreError:
        code = _code(exc)
        if code in (_BUSY, _LOCKED):
            return StoreTimeout(self.name, f"database is locked: {exc}")
        if code in _UNAVAILABLE_CODES:
            return StoreUnavailable(self.name, f"{exc} ({self.path})")
        if isinstance(exc, sqlite3.ProgrammingError) and "closed" in str(exc):
            return StoreUnavailable(self.name, f"store is closed: {exc}")
        return StoreError(self.name, f"sqlite error: {exc}")

    @contextlib.contextmanager
    def sql(self) -> Iterator[None]:
        """Converts sqlite3 errors raised inside the block (and nothing else)."""
        try:
            yield
        except sqlite3.Error as exc:
            raise self.error(exc) from exc

    def check_open(self) -> None:
        if self._closed:
            raise StoreUnavailable(self.name, "store is closed")

    # ------------------------------------------------------------ connections

    def _connect(self, *, writer: bool) -> sqlite3.Connection:
        mode = "rwc" if writer and self._create else "rw"
        uri = f"file:{quote(str(self.path))}?mode={mode}"
        busy_ms = self._write_busy_ms if writer else self._busy_ms
        with self.sql():
            conn = sqlite3.connect(
                uri, uri=True, isolation_level=None, check_same_thread=False, timeout=busy_ms / 1000
            )
        with self._conns_lock:
            self._conns.append(conn)
        with self.sql():
            conn.execute(f"PRAGMA busy_timeout = {busy_ms}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
            if writer:
                self._enable_wal(conn)
                for statement in q.TEMP_TABLES:
                    conn.execute(statement)
            else:
                conn.execute("PRAGMA query_only = ON")
        return conn

    def _enable_wal(self, conn: sqlite3.Connection) -> None:
        """Switch the file to WAL mode (persistent) unless it is in WAL mode already.

        The switch needs the file to itself and SQLite does not wait for that with the
        busy handler, so when several processes create the file at once this retries
        with a short backoff, for at most the write timeout.
        """
        deadline = time.monotonic() + self._write_busy_ms / 1000
        delay = 0.002
        while True:
            try:
                if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    conn.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError as exc:
                if _code(exc) not in (_BUSY, _LOCKED) or time.monotonic() > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.1)
            else:
                return

    async def open(self) -> None:
        """Open the writer connection (``create``: make the file and its directory)."""
        await asyncio.get_running_loop().run_in_executor(self._writer_pool, self._open_writer)

    def _open_writer(self) -> None:
        if self._create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif not self.path.exists():
            raise StoreUnavailable(self.name, f"database file {self.path} does not exist")
        self._writer = self._connect(writer=True)

    # ------------------------------------------------------------ running work

    async def read(self, fn: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run ``fn`` on a reader thread, in one read transaction (one snapshot)."""
        self.check_open()
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._readers, self._read_tx, fn)

    def _read_tx(self, fn: Callable[[sqlite3.Connection], _T]) -> _T:
        conn = self._local.conn
        if conn is None:
            conn = self._local.conn = self._connect(writer=False)
        with self.sql():
            conn.execute("BEGIN")
            try:
                return fn(conn)
            finally:
                conn.execute("COMMIT")

    async def write(self, fn: WriteFn[_T]) -> _T:
        """Run ``fn`` on the writer thread inside BEGIN IMMEDIATE ... COMMIT.

        Anything ``fn`` raises rolls back and propagates unchanged. If the awaiting task
        is cancelled, the writer thread rolls back at ``fn``'s next :func:`check_cancel`
        (or before COMMIT) instead of finishing the write.
        """
        self.check_open()
        cancel = threading.Event()
        loop = asyncio.get_running_loop()
        work = functools.partial(self._write_tx, fn, cancel)
        try:
            return await loop.run_in_executor(self._writer_pool, work)
        except asyncio.CancelledError:
            cancel.set()
            raise

    def _write_tx(self, fn: WriteFn[_T], cancel: threading.Event) -> _T:
        conn = self._writer
        if conn is None:
            raise StoreUnavailable(self.name, "store is closed")
        with self.sql():
            conn.execute("BEGIN IMMEDIATE")
        try:
            result = fn(conn, cancel)
            check_cancel(cancel)
            with self.sql():
                conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise
        return result

    async def close(self) -> None:
        """Wait for running work (a load commits or rolls back), close every connection."""
        if self._closed:
            return
        self._closed = True
        await asyncio.to_thread(self._shutdown)

    def _shutdown(self) -> None:
        self._readers.shutdown(wait=True, cancel_futures=True)
        self._writer_pool.shutdown(wait=True, cancel_futures=True)
        with self._conns_lock:
            conns, self._conns = self._conns, []
        for conn in conns:
            conn.close()
        self._writer = None
