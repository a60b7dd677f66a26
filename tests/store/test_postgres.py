"""PostgreSQL-only behaviour: outages, timeouts, NOTIFY, snapshots, bulk loads, error mapping."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Any

import asyncpg
import pytest

from lookup_server.errors import StoreError, StoreTimeout, StoreUnavailable
from lookup_server.model import DocumentStatus
from lookup_server.store import LookupRequest, open_store
from lookup_server.store._postgres_errors import driver_errors
from lookup_server.store.postgres import NOTIFY_CHANNEL, PostgresStore
from tests.lab.ports import free_port
from tests.lab.postgres import PgCluster, running_cluster
from tests.store.helpers import assert_lookups_see_one_snapshot, doc, stored

pytestmark = pytest.mark.postgres

# Short timeouts so that outage tests finish quickly; every wait below is bounded.
FAST: dict[str, Any] = {
    "command_timeout": 1.0,
    "connect_timeout": 1.0,
    "acquire_timeout": 2.0,
    "min_size": 1,
}


@pytest.fixture(scope="module")
def own_cluster(pg_cluster: PgCluster) -> Iterator[PgCluster]:
    """A server of this module's own, which tests may stop and pause (not the shared one)."""
    with running_cluster("outage", bin_dir=pg_cluster.bin_dir, databases=("outage",)) as cluster:
        yield cluster


@pytest.fixture
def outage_cluster(own_cluster: PgCluster) -> Iterator[PgCluster]:
    """``own_cluster``, running when the test starts and put back to running afterwards."""
    if not own_cluster.running:
        own_cluster.start()
    yield own_cluster
    if own_cluster.paused:
        own_cluster.resume()
    if not own_cluster.running:
        own_cluster.start()


async def test_stopped_server_gives_store_unavailable_quickly(outage_cluster: PgCluster) -> None:
    store = await open_store(outage_cluster.dsn("outage"), **FAST)
    try:
        await store.load_documents([doc("X1")])
        assert len((await store.lookup(LookupRequest("X1"))).documents) == 1
        outage_cluster.stop("immediate")
        started = time.monotonic()
        async with asyncio.timeout(15):
            with pytest.raises(StoreUnavailable):
                await store.lookup(LookupRequest("X1"))
            with pytest.raises(StoreUnavailable):
                await store.state()
        assert time.monotonic() - started < 10
        # Back up: the same store answers again (the pool reconnects by itself). The
        # lab runs with synchronous_commit=off, so an immediate stop may lose the load.
        outage_cluster.start()
        async with asyncio.timeout(15):
            while True:
                try:
                    result = await store.lookup(LookupRequest("X1"))
                    break
                except StoreUnavailable:
                    await asyncio.sleep(0.05)
        assert result.state.version in {0, 1}
    finally:
        await store.close()


async def test_opening_a_store_on_a_dead_port_fails_fast() -> None:
    started = time.monotonic()
    with pytest.raises(StoreUnavailable):
        await open_store(f"postgresql://postgres@127.0.0.1:{free_port()}/x", **FAST)
    assert time.monotonic() - started < 5


async def test_hung_server_gives_store_timeout(outage_cluster: PgCluster) -> None:
    store = await open_store(outage_cluster.dsn("outage"), **FAST)
    try:
        await store.state()
        outage_cluster.pause()
        try:
            started = time.monotonic()
            async with asyncio.timeout(15):
                with pytest.raises((StoreTimeout, StoreUnavailable)):
                    await store.lookup(LookupRequest("X1"))
            assert time.monotonic() - started < 5
        finally:
            outage_cluster.resume()
        async with asyncio.timeout(30):
            while True:
                try:
                    await store.state()
                    break
                except (StoreTimeout, StoreUnavailable):
                    await asyncio.sleep(0.05)
    finally:
        await store.close()


async def test_load_notifies_listeners_on_commit(pg_url: str) -> None:
    store = await open_store(pg_url)
    listener = await asyncpg.connect(pg_url)
    payloads: asyncio.Queue[str] = asyncio.Queue()
    try:
        await listener.add_listener(NOTIFY_CHANNEL, lambda *args: payloads.put_nowait(args[3]))
        first = await store.load_documents([doc("X1"), doc("X2")])
        assert await asyncio.wait_for(payloads.get(), 10) == str(first.version_after) == "2"
        await store.load_documents([doc("X1")])  # unchanged: no version, no notification
        second = await store.load_documents([doc("X3")])
        assert await asyncio.wait_for(payloads.get(), 10) == str(second.version_after) == "3"
        assert payloads.empty()
    finally:
        await listener.close()
        await store.close()


async def test_lookup_is_one_consistent_snapshot(pg_url: str) -> None:
    store = await open_store(pg_url, max_size=6)
    try:
        assert await assert_lookups_see_one_snapshot(store, rounds=60, readers=5) > 60
    finally:
        await store.close()


async def test_lookup_is_a_single_statement(pg_url: str) -> None:
    store = await open_store(pg_url, min_size=1, max_size=1)
    assert isinstance(store, PostgresStore)
    statements: list[str] = []
    try:
        await store.load_documents([doc("X1")])
        await store.load_notices([stored("N1", ["a"])], key_scheme="s")
        request = LookupRequest("X1", ("a", "b"))
        await store.lookup(request)  # the first one also introspects result types
        async with store._pool.acquire() as conn:  # the pool's only connection
            conn.add_query_logger(lambda record: statements.append(record.query))
        result = await store.lookup(request)
        assert len(result.candidates) == 1
        assert len(statements) == 1
    finally:
        await store.close()


@pytest.mark.slow
async def test_bulk_load_of_200k_documents(pg_url: str, record_property: object) -> None:
    store = await open_store(pg_url)
    try:
        rows = (doc(f"B{i:08d}", ("FRA", "DEU", "ITA")[i % 3]) for i in range(200_000))
        started = time.monotonic()
        report = await store.load_documents(rows)
        elapsed = time.monotonic() - started
        print(f"\n200,000 documents loaded into PostgreSQL in {elapsed:.1f} s")
        assert (report.rows_read, report.inserted, report.version_after) == (200_000,) * 3
        assert elapsed < 60
        found = await store.lookup(LookupRequest("B00123456"))
        assert [d.key.issuing_country for d in found.documents] == ["FRA"]
        again = (doc(f"B{i:08d}", ("FRA", "DEU", "ITA")[i % 3]) for i in range(200_000))
        report = await store.load_documents(again)
        assert (report.unchanged, report.version_after) == (200_000, 200_000)
    finally:
        await store.close()


# ---------------------------------------------------------------- error mapping


@pytest.mark.parametrize(
    ("driver_error", "expected"),
    [
        (asyncpg.QueryCanceledError("canceling statement due to statement timeout"), StoreTimeout),
        (TimeoutError(), StoreTimeout),
        (asyncpg.ConnectionDoesNotExistError("connection was closed"), StoreUnavailable),
        (asyncpg.CannotConnectNowError("the database system is starting up"), StoreUnavailable),
        (asyncpg.AdminShutdownError("terminating connection"), StoreUnavailable),
        (asyncpg.SerializationError("could not serialize access"), StoreUnavailable),
        (asyncpg.InterfaceError("connection is closed"), StoreUnavailable),
        (ConnectionRefusedError(111, "Connection refused"), StoreUnavailable),
        (asyncpg.UniqueViolationError("duplicate key"), StoreError),
        (asyncpg.InterfaceError("cannot perform operation: another operation"), StoreError),
    ],
)
def test_driver_errors_are_converted(driver_error: BaseException, expected: type) -> None:
    with pytest.raises(StoreError) as raised, driver_errors("pg", "lookup"):
        raise driver_error
    assert type(raised.value) is expected
    assert raised.value.__cause__ is driver_error
    assert raised.value.backend == "pg"


@pytest.mark.parametrize("other", [asyncio.CancelledError(), ValueError("mine"), KeyError("k")])
def test_other_exceptions_pass_through(other: BaseException) -> None:
    with pytest.raises(type(other)) as raised, driver_errors("pg", "lookup"):
        raise other
    assert raised.value is other


async def test_closed_store_raises_store_unavailable(pg_url: str) -> None:
    store = await open_store(pg_url)
    await store.close()
    await store.close()  # idempotent
    with pytest.raises(StoreUnavailable):
        await store.lookup(LookupRequest("X1"))
    with pytest.raises(StoreUnavailable):
        await store.load_documents([doc("X1", status=DocumentStatus.LOST)])


async def test_large_load_leaves_tables_vacuumed_and_analysed(pg_url: str) -> None:
    """After a large load, index-only reads of the keys must not visit the heap."""
    store = await open_store(pg_url)
    try:
        await store.load_notices(
            (stored(f"N{i:05d}", [f"k{i % 50}", f"j{i}"]) for i in range(3000)), key_scheme="s1"
        )
    finally:
        await store.close()
    conn = await asyncpg.connect(pg_url)
    try:
        rows = await conn.fetch(
            "SELECT relname, relpages, relallvisible FROM pg_class "
            "WHERE relname IN ('notices', 'notice_keys')"
        )
        analysed = await conn.fetchval(
            "SELECT count(*) FROM pg_stat_user_tables "
            "WHERE relname IN ('notices', 'notice_keys') AND last_analyze IS NOT NULL"
        )
    finally:
        await conn.close()
    pages = {r["relname"]: (r["relallvisible"], r["relpages"]) for r in rows}
    # notice_keys is read index-only by every name check: all its pages must be
    # all-visible. notices is read through its heap anyway; analysed is enough.
    assert pages["notice_keys"][0] == pages["notice_keys"][1] > 0
    assert analysed == 2
