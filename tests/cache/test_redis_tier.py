"""The Redis tier against a real redis-server that the test kills, hangs and restarts:
every failure is a quick miss, the breaker stops the calls, and the tier recovers."""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import time
from collections.abc import AsyncIterator

import pytest
import redis.asyncio as redis

from cache.entry import ClearEntry, EntrySealer
from cache.redis_tier import RedisTier, connect, parse_sentinel_url
from failover.breaker import AsyncBreaker
from lookup_server.errors import ConfigError
from lookup_server.model import DocumentKey, TravellerQuery
from tests.lab.redis import RedisServer
from tests.waiting import wait_until

SEALER = EntrySealer(b"s" * 32, "cfg")
ENTRY = ClearEntry(7, dt.datetime(2026, 11, 29, tzinfo=dt.UTC), "primary", 3, False)
TIMEOUT_S = 0.1


def query(n: int) -> TravellerQuery:
    return TravellerQuery(document=DocumentKey("NOR", f"NO{n:07d}"))


@pytest.fixture
async def tier(redis_server: RedisServer) -> AsyncIterator[RedisTier]:
    client, _ = connect(redis_server.url, timeout_s=TIMEOUT_S)
    built = RedisTier(
        client,
        SEALER,
        ttl_s=60,
        timeout_s=TIMEOUT_S,
        breaker=AsyncBreaker("redis", fail_max=3, reset_timeout=0.3),
    )
    try:
        yield built
    finally:
        await built.close()


async def put_and_wait(tier: RedisTier, key: bytes) -> None:
    tier.put(key, ENTRY)
    await wait_until(lambda: not tier.writes_pending)


async def test_round_trip_and_values_hold_no_query_data(
    tier: RedisTier, redis_server: RedisServer
) -> None:
    key = SEALER.key(query(1))
    assert await tier.get(key) is None
    await put_and_wait(tier, key)
    assert await tier.get(key) == ENTRY
    raw = redis.Redis.from_url(redis_server.url)
    try:
        keys = await raw.keys("*")
        assert keys == [key]
        value = await raw.get(key)
        assert b"NO0000001" not in keys[0]
        assert value is not None
        assert b"NO0000001" not in value
        ttl = await raw.pttl(key)
        assert 0 < ttl <= 60_000
    finally:
        await raw.aclose()


async def test_a_lying_redis_gives_a_miss(tier: RedisTier, redis_server: RedisServer) -> None:
    key, other = SEALER.key(query(1)), SEALER.key(query(2))
    await put_and_wait(tier, key)
    raw = redis.Redis.from_url(redis_server.url)
    try:
        good = await raw.get(key)
        assert good is not None
        await raw.set(other, good)  # a valid value under another key
        await raw.set(key, good[:-1] + bytes([good[-1] ^ 0xFF]))  # corrupted
    finally:
        await raw.aclose()
    assert await tier.get(key) is None
    assert await tier.get(other) is None
    assert tier.rejected == 2
    assert tier.breaker.state == "closed"  # a bad value is not a Redis outage


async def test_killed_redis_is_a_fast_miss_then_the_breaker_opens_and_recovers(
    tier: RedisTier, redis_server: RedisServer
) -> None:
    key = SEALER.key(query(1))
    await put_and_wait(tier, key)
    redis_server.kill()
    for _ in range(3):
        started = time.monotonic()
        assert await tier.get(key) is None
        assert time.monotonic() - started < 1.0
    assert tier.breaker.state == "open"
    started = time.monotonic()
    assert await tier.get(key) is None  # refused by the breaker, Redis not asked
    assert time.monotonic() - started < 0.05
    redis_server.start()  # empty again: nothing is kept on disk
    await put_and_wait(tier, key)  # may be dropped while the breaker is open

    async def recovered() -> bool:
        if await tier.get(key) is not None:
            return True
        tier.put(key, ENTRY)
        return False

    deadline = time.monotonic() + 10
    while not await recovered():
        assert time.monotonic() < deadline, "the tier did not recover"
        await asyncio.sleep(0.05)
    assert tier.breaker.state == "closed"


async def test_hung_redis_costs_at_most_the_command_timeout(
    tier: RedisTier, redis_server: RedisServer
) -> None:
    key = SEALER.key(query(1))
    await put_and_wait(tier, key)
    with redis_server.paused():
        for _ in range(5):
            started = time.monotonic()
            assert await tier.get(key) is None
            assert time.monotonic() - started < TIMEOUT_S + 0.5
        assert tier.breaker.state == "open"
    deadline = time.monotonic() + 10
    while await tier.get(key) != ENTRY:
        assert time.monotonic() < deadline, "the tier did not recover after SIGCONT"
        await asyncio.sleep(0.05)


async def test_writes_are_dropped_not_queued_while_redis_is_away(
    tier: RedisTier, redis_server: RedisServer
) -> None:
    redis_server.kill()
    for n in range(1000):
        tier.put(SEALER.key(query(n)), ENTRY)
    assert tier.writes_pending <= 256
    await wait_until(lambda: not tier.writes_pending)
    assert tier.dropped_writes > 0


def test_sentinel_urls_are_parsed() -> None:
    assert parse_sentinel_url("redis+sentinel://:pw@10.0.0.1:26379,[::1]:26380/cache/2") == (
        [("10.0.0.1", 26379), ("::1", 26380)],
        "cache",
        2,
        "pw",
    )
    with pytest.raises(ConfigError, match="HOST:PORT"):
        parse_sentinel_url("redis+sentinel://host/cache")
    with pytest.raises(ConfigError, match="SERVICE"):
        parse_sentinel_url("redis+sentinel://host:26379/")


async def test_a_sentinel_url_finds_the_master(redis_server: RedisServer) -> None:
    sentinel = RedisServer(
        sentinel_config=(
            f"sentinel monitor cache 127.0.0.1 {redis_server.port} 1",
            "sentinel down-after-milliseconds cache 5000",
        )
    )
    try:
        sentinel.start()
        client, sentinels = connect(
            f"redis+sentinel://127.0.0.1:{sentinel.port}/cache", timeout_s=1.0
        )
        tier = RedisTier(
            client,
            SEALER,
            ttl_s=60,
            timeout_s=1.0,
            breaker=AsyncBreaker("redis", fail_max=3, reset_timeout=1),
            also_close=sentinels,
        )
        try:
            key = SEALER.key(query(9))
            await put_and_wait(tier, key)
            assert await tier.get(key) == ENTRY
        finally:
            await tier.close()
    finally:
        sentinel.destroy()


async def test_concurrent_gets_are_pipelined_on_one_connection(
    tier: RedisTier, redis_server: RedisServer
) -> None:
    keys = [SEALER.key(query(n)) for n in range(200)]
    for key in keys[:100]:
        tier.put(key, ENTRY)
    await wait_until(lambda: not tier.writes_pending)
    reads_before = tier.reads
    found = await asyncio.gather(*(tier.get(key) for key in keys))
    assert found == [ENTRY] * 100 + [None] * 100
    assert tier.reads == reads_before + 200
    raw = redis.Redis.from_url(redis_server.url)
    try:
        clients = await raw.client_list()
    finally:
        await raw.aclose()
    assert sum(1 for c in clients if c["cmd"] == "get") == 1  # all on one connection


async def test_a_caller_that_gives_up_does_not_spoil_the_others_reads(
    tier: RedisTier, redis_server: RedisServer
) -> None:
    key = SEALER.key(query(1))
    await put_and_wait(tier, key)
    with redis_server.paused():
        impatient = asyncio.create_task(tier.get(key))
        patient = asyncio.create_task(tier.get(key))
        await asyncio.sleep(0)
        impatient.cancel()
        assert await patient is None  # Redis hung: the read times out, a miss
        with pytest.raises(asyncio.CancelledError):
            await impatient

    assert await tier.get(key) == ENTRY


async def test_waves_of_overlapping_gets_all_complete(tier: RedisTier) -> None:
    keys = [SEALER.key(query(n)) for n in range(40)]
    for key in keys[::2]:
        tier.put(key, ENTRY)
    await wait_until(lambda: not tier.writes_pending)
    rng = random.Random(3)

    async def late_get(key: bytes) -> ClearEntry | None:
        for _ in range(rng.randrange(4)):
            await asyncio.sleep(0)  # arrive in a later turn, while reads are in flight
        return await tier.get(key)

    reads_before = tier.reads
    gets = 0
    for _ in range(100):
        wave = rng.sample(range(40), rng.randrange(1, 40))
        gets += len(wave)
        async with asyncio.timeout(5):
            found = await asyncio.gather(*(late_get(keys[n]) for n in wave))
        assert found == [ENTRY if n % 2 == 0 else None for n in wave]
    assert tier.reads - reads_before == gets
    assert tier.errors == 0


async def test_a_burst_of_writes_is_pipelined_without_errors(tier: RedisTier) -> None:
    keys = [SEALER.key(query(n)) for n in range(250)]
    for key in keys:  # a burst of misses, all written at once
        tier.put(key, ENTRY)
    await wait_until(lambda: not tier.writes_pending)
    assert tier.errors == 0
    assert tier.dropped_writes == 0
    assert tier.breaker.state == "closed"
    assert tier.write_batches <= 3  # the first write alone, then the rest together
    assert await asyncio.gather(*(tier.get(key) for key in keys)) == [ENTRY] * 250
