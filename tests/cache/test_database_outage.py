"""The cache when the database dies: a cached all-clear is served only while the
change feed can vouch for it, then checks go to the store (and fail loudly rather
than answer from an unverifiable cache); when the database returns, the cache is
used again. Runs on a PostgreSQL server of this module's own, which it stops."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from lookup_server.app import App, build_app
from lookup_server.errors import StoreError
from lookup_server.model import Source, Verdict
from lookup_server.settings import load_settings
from lookup_server.store.factory import open_store
from tests.api.conftest import load_fixture_data
from tests.cache.test_cached_checker import TRAVELLER
from tests.lab.postgres import PgCluster, running_cluster
from tests.waiting import wait_until

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def cluster(pg_cluster: PgCluster) -> Iterator[PgCluster]:
    with running_cluster("cache-outage", bin_dir=pg_cluster.bin_dir, databases=("outage",)) as own:
        yield own


@pytest.fixture
async def app(cluster: PgCluster) -> AsyncIterator[App]:
    url = cluster.dsn("outage")
    store = await open_store(url, command_timeout=1.0, connect_timeout=1.0, acquire_timeout=2.0)
    await load_fixture_data(store)
    built = await build_app(
        load_settings(
            database_url=url,
            listen="127.0.0.1:0",
            cache={"feed_poll_s": 0.1, "feed_stale_after_s": 0.5, "local_ttl_s": 300},
        ),
        store=store,
    )
    try:
        yield built
    finally:
        await built.close()


async def test_no_cached_clear_outlives_the_feed_and_the_cache_returns_with_the_database(
    app: App, cluster: PgCluster
) -> None:
    assert (await app.checker.check_traveller(TRAVELLER)).provenance.source is Source.PRIMARY
    cached = await app.checker.check_traveller(TRAVELLER)
    assert cached.provenance.source is Source.CACHE_IN_PROCESS

    cluster.stop("immediate")
    outcomes: list[str] = []

    async def refused() -> bool:
        try:
            answer = await app.checker.check_traveller(TRAVELLER)
        except StoreError:
            outcomes.append("store error")
            return True
        outcomes.append(answer.provenance.source.value)
        assert answer.verdict is Verdict.CLEAR
        return False

    # The feed goes silent after 0.5 s; the entry itself would live 300 s.
    await wait_until(refused, timeout_s=10, what="a check refused from the cache")
    assert set(outcomes) <= {"cache-in-process", "store error"}

    cluster.start()

    async def fresh_then_cached() -> bool:
        try:
            answer = await app.checker.check_traveller(TRAVELLER)
        except StoreError:
            return False
        return answer.provenance.source is Source.CACHE_IN_PROCESS

    await wait_until(fresh_then_cached, timeout_s=30, what="the cache in use again")
