"""Redis dies or hangs under a steady stream of checks: no check fails, each answers
within its deadline, and the Redis tier is used again once Redis is back.

The server runs in-process over the throwaway PostgreSQL with the in-process tier
switched off, so that every repeat check goes to Redis.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import grpc
import pytest

from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.settings import load_settings
from lookup_server.store.factory import open_store
from tests.api.conftest import Harness, load_fixture_data, start_harness, stop_harness
from tests.lab.redis import RedisServer

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

DEADLINE_S = 1.0
WORKERS = 4


def traveller(n: int) -> pb.CheckTravelerRequest:
    return pb.CheckTravelerRequest(
        fields=pb.TravelerFields(
            document_number=f"NO{n:07d}",
            issuing_country="NOR",
            surname="HAUGEN",
            given_names=f"INGRID {chr(65 + n % 26)}",
            date_of_birth=pb.PartialDate(year=1950 + n % 50, month=1 + n % 12, day=1 + n % 28),
            sex=pb.SEX_FEMALE,
            nationality="NOR",
        )
    )


@dataclass
class Stream:
    """Checks in a loop over a small set of travellers, recording every outcome."""

    harness: Harness
    sources: Counter[int] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    slowest_s: float = 0.0
    count: int = 0
    _stop: asyncio.Event = field(default_factory=asyncio.Event)

    async def _worker(self, offset: int) -> None:
        n = offset
        while not self._stop.is_set():
            started = time.monotonic()
            try:
                answer = await self.harness.stub.CheckTraveler(
                    traveller(n % 40), timeout=DEADLINE_S
                )
            except grpc.aio.AioRpcError as exc:
                self.failures.append(f"{exc.code().name}: {exc.details()}")
            else:
                self.sources[answer.provenance.source] += 1
                assert answer.verdict == pb.VERDICT_CLEAR
            self.slowest_s = max(self.slowest_s, time.monotonic() - started)
            self.count += 1
            n += WORKERS

    async def run_until(
        self, condition: Callable[[], Awaitable[bool] | bool], timeout_s: float = 30.0
    ) -> None:
        self._stop.clear()
        workers = [asyncio.create_task(self._worker(i)) for i in range(WORKERS)]
        try:
            deadline = time.monotonic() + timeout_s
            while True:
                met = condition()
                if not isinstance(met, bool):
                    met = await met
                if met:
                    break
                assert time.monotonic() < deadline, "condition not reached in time"
                await asyncio.sleep(0.02)
        finally:
            self._stop.set()
            await asyncio.gather(*workers)

    def reset(self) -> None:
        self.sources.clear()
        self.count = 0


@pytest.fixture
async def stream(
    pg_url: str, redis_server: RedisServer, secret_file: Path
) -> AsyncIterator[Stream]:
    store = await open_store(pg_url)
    await load_fixture_data(store)
    settings = load_settings(
        database_url=pg_url,
        listen="127.0.0.1:0",
        redis_url=redis_server.url,
        cache={
            "local_entries": 0,
            "secret_file": secret_file,
            "redis_timeout_s": 0.1,
            "breaker_reset_s": 0.5,
        },
    )
    harness = await start_harness(store, settings)
    try:
        yield Stream(harness)
    finally:
        await stop_harness(harness)


def redis_hits(stream: Stream) -> int:
    return stream.sources[pb.SOURCE_CACHE_REDIS]


def breaker(stream: Stream) -> str:
    assert stream.harness.app.cache is not None
    assert stream.harness.app.cache.shared is not None
    return stream.harness.app.cache.shared.breaker.state


@pytest.mark.parametrize("fault", ["kill", "hang"])
async def test_checks_go_on_while_redis_is_away_and_use_it_again_after(
    stream: Stream, redis_server: RedisServer, fault: str
) -> None:
    await stream.run_until(lambda: redis_hits(stream) >= 50)  # warm: Redis answers repeats

    if fault == "kill":
        redis_server.kill()
    else:
        redis_server.pause()
    stream.reset()
    await stream.run_until(lambda: breaker(stream) == "open" and stream.count >= 200)
    assert redis_hits(stream) <= WORKERS  # only replies already on their way
    away = stream.count

    if fault == "kill":
        redis_server.start()  # empty: entries are written again on the next misses
    else:
        redis_server.resume()
    stream.reset()
    await stream.run_until(lambda: redis_hits(stream) >= 50)
    assert breaker(stream) == "closed"

    assert stream.failures == []
    assert stream.slowest_s < DEADLINE_S
    assert away >= 200
