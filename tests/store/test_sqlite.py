"""SQLite-only behaviour: locking, WAL reads during a load, snapshots, closed stores."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Iterator

import pytest

from lookup_server.errors import StoreTimeout, StoreUnavailable
from lookup_server.store import LookupRequest, open_store
from lookup_server.store.sqlite import SqliteStore, path_from_url
from tests.store.helpers import assert_lookups_see_one_snapshot, doc


async def test_wal_mode_and_foreign_keys(sqlite_url: str) -> None:
    store = await open_store(sqlite_url)
    await store.close()
    conn = sqlite3.connect(path_from_url(sqlite_url))
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


async def test_write_lock_held_elsewhere_gives_store_timeout(sqlite_url: str) -> None:
    store = await open_store(sqlite_url, write_timeout=0.2)
    other = sqlite3.connect(path_from_url(sqlite_url), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreTimeout, match="locked"):
            await store.load_documents([doc("X1")])
        other.execute("ROLLBACK")
        assert (await store.load_documents([doc("X1")])).version_after == 1
    finally:
        other.close()
        await store.close()


async def test_reads_are_answered_while_a_load_runs(sqlite_url: str) -> None:
    store = await open_store(sqlite_url)
    try:
        await store.load_documents([doc("X1")])
        staged, release = threading.Event(), threading.Event()

        def rows() -> Iterator[object]:
            for i in range(12_000):
                yield doc(f"L{i:06d}")
            staged.set()
            release.wait(timeout=30)

        load = asyncio.create_task(store.load_documents(rows()))  # type: ignore[arg-type]
        try:
            assert await asyncio.to_thread(staged.wait, 30)
            async with asyncio.timeout(5):  # the write lock is held, reads go on
                result = await store.lookup(LookupRequest("X1"))
            assert result.state.version == 1
        finally:
            release.set()
        assert (await load).inserted == 12_000
    finally:
        await store.close()


async def test_lookup_is_one_consistent_snapshot(sqlite_url: str) -> None:
    store = await open_store(sqlite_url)
    try:
        assert await assert_lookups_see_one_snapshot(store, rounds=60, readers=4) > 60
    finally:
        await store.close()


async def test_closed_store_raises_store_unavailable(sqlite_url: str) -> None:
    store = await open_store(sqlite_url)
    await store.close()
    await store.close()  # idempotent
    with pytest.raises(StoreUnavailable, match="closed"):
        await store.lookup(LookupRequest("X1"))
    with pytest.raises(StoreUnavailable, match="closed"):
        await store.load_documents([doc("X1")])


async def test_engine_options_reach_the_store(sqlite_url: str) -> None:
    store = await open_store(sqlite_url, name="booth-7", read_threads=2, chunk_size=3)
    try:
        assert isinstance(store, SqliteStore)
        assert store.name == "booth-7"
        report = await store.load_documents(doc(f"X{i}") for i in range(10))
        assert (report.rows_read, report.inserted) == (10, 10)
        assert (await store.lookup(LookupRequest("X9"))).provenance.backend == "booth-7"
    finally:
        await store.close()


@pytest.mark.parametrize("url", ["sqlite://relative.db", "sqlite:///", "sqlite:///:memory:"])
def test_bad_sqlite_urls(url: str) -> None:
    from lookup_server.errors import ConfigError

    with pytest.raises(ConfigError):
        path_from_url(url)
