"""The shared tier: sealed all-clear entries in Redis, which may fail at any moment.

Redis is an accelerator here, never a dependency: every command runs under a short
timeout and a circuit breaker, with no retries (redis-py's defaults, a 5 s socket
timeout and several retries, would turn a hung Redis into a stalled border), and any
failure is a miss. Writes go in the background, bounded in number, so a slow Redis
never slows an answer. When the breaker is open, checks skip Redis entirely; its
half-open trial lets one command through to find out whether Redis is back.

URLs: ``redis://``, ``rediss://`` (TLS) and ``unix://`` as redis-py reads them, and
``redis+sentinel://[:password@]host:port[,host:port...]/service_name[/db]`` for a
Redis watched by Sentinel, whose current master is asked of the sentinels.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any
from urllib.parse import unquote, urlsplit

import redis.asyncio as redis
from redis.asyncio.retry import Retry
from redis.asyncio.sentinel import Sentinel
from redis.backoff import NoBackoff

from cache.entry import ClearEntry, EntrySealer
from cache.redis_reader import PipelinedReader, ReadFailed, ReplyError
from failover.breaker import AsyncBreaker, BreakerOpen
from lookup_server.errors import ConfigError
from lookup_server.settings import REDIS_URL_SCHEMES, check_url_scheme

log = logging.getLogger(__name__)

SENTINEL_SCHEME = "redis+sentinel"


def parse_sentinel_url(url: str) -> tuple[list[tuple[str, int]], str, int, str | None]:
    """(sentinels, service name, db, password) of a ``redis+sentinel://`` URL."""
    parts = urlsplit(url)
    hosts_part = parts.netloc.rpartition("@")[2]
    password = unquote(parts.password) if parts.password else None
    sentinels: list[tuple[str, int]] = []
    for item in hosts_part.split(","):
        host, sep, port = item.rpartition(":")
        if not sep or not host or not port.isdigit():
            raise ConfigError(f"redis url: sentinel {item!r} is not HOST:PORT")
        sentinels.append((host.strip("[]"), int(port)))
    path = [p for p in parts.path.split("/") if p]
    if not path or len(path) > 2 or (len(path) == 2 and not path[1].isdigit()):
        raise ConfigError("redis url: expected redis+sentinel://HOST:PORT[,...]/SERVICE[/DB]")
    return sentinels, path[0], int(path[1]) if len(path) == 2 else 0, password


def connect(
    url: str, *, timeout_s: float, max_connections: int = 64
) -> tuple[redis.Redis, list[redis.Redis]]:
    """A fail-fast client (``timeout_s`` per connect and per command, no retries), and
    the clients to close with it (a Sentinel's connections to its sentinels)."""
    options: dict[str, Any] = {
        "socket_timeout": timeout_s,
        "socket_connect_timeout": timeout_s,
        "retry": Retry(NoBackoff(), 0),
        "retry_on_timeout": False,
        "health_check_interval": 0,
        "protocol": 2,  # the reads' parser (cache.redis_reader) speaks RESP2 only
    }
    if url.startswith(SENTINEL_SCHEME + "://"):
        sentinels, service, db, password = parse_sentinel_url(url)
        sentinel = Sentinel(  # type: ignore[no-untyped-call]
            sentinels,
            sentinel_kwargs={"socket_timeout": timeout_s, "socket_connect_timeout": timeout_s},
            password=password,
            db=db,
            **options,
        )
        master: redis.Redis = sentinel.master_for(service, max_connections=max_connections)
        return master, list(sentinel.sentinels)
    try:
        check_url_scheme(url, REDIS_URL_SCHEMES)
    except ValueError as exc:
        raise ConfigError(f"redis url {exc}") from exc
    # Writes: one connection, no pool to acquire from and release to on every command
    # (reads take a connection of their own from the same pool: cache.redis_reader).
    single: redis.Redis = redis.Redis.from_url(url, single_connection_client=True, **options)
    return single, []


class RedisTier:
    def __init__(
        self,
        client: redis.Redis,
        sealer: EntrySealer,
        *,
        ttl_s: float,
        timeout_s: float,
        breaker: AsyncBreaker,
        max_pending_writes: int = 256,
        also_close: list[redis.Redis] | None = None,
    ) -> None:
        self._client = client
        self._also_close = also_close or []
        self._sealer = sealer
        self._ttl_ms = max(1, int(ttl_s * 1000))
        self._timeout_s = timeout_s
        self.breaker = breaker
        self._max_pending = max_pending_writes
        self._writes: list[tuple[bytes, bytes]] = []
        self._writing: dict[asyncio.Task[None], list[tuple[bytes, bytes]]] = {}
        self._reader = PipelinedReader(client, timeout_s=timeout_s)
        self.errors = 0
        self.rejected = 0
        self.dropped_writes = 0
        #: Pipelines of writes sent (each carries every write that waited for the last).
        self.write_batches = 0

    async def get(self, key: bytes) -> ClearEntry | None:
        """The entry under ``key``; None on a miss, a bad value or any Redis trouble.

        Reads go over :class:`~cache.redis_reader.PipelinedReader`: written at once,
        pipelined with the other checks' reads on one connection. A caller that gives
        up (its deadline) is not counted against Redis.
        """
        breaker = self.breaker
        if not breaker.allow():
            return None
        trial = breaker.trial_running
        try:
            value = await self._reader.get(key)
        except (ReadFailed, ReplyError) as exc:
            breaker.record_failure(exc)
            self._failed("get", exc)
            return None
        except BaseException:
            if trial:
                breaker.release_trial()
            raise
        breaker.record_success()
        if value is None:
            return None
        entry = self._sealer.open_entry(key, value)
        if entry is None:
            self.rejected += 1
            log.warning("redis cache: a value failed verification and was ignored")
        return entry

    @property
    def reads(self) -> int:
        """GET commands sent."""
        return self._reader.reads

    def put(self, key: bytes, entry: ClearEntry) -> None:
        """Store ``entry`` in the background.

        Writes are pipelined like reads, on a connection of their own (a burst of misses
        must not queue ahead of the reads that serve hits): one pipeline in flight, the
        writes that come meanwhile go in the next. Beyond ``max_pending_writes`` waiting,
        or while the breaker is open, a write is dropped: a later miss writes it again.
        """
        if self.writes_pending >= self._max_pending or self.breaker.state == "open":
            self.dropped_writes += 1
            return
        self._writes.append((key, self._sealer.seal(key, entry)))
        self._maybe_write()

    @property
    def writes_pending(self) -> int:
        return len(self._writes) + sum(len(batch) for batch in self._writing.values())

    def _maybe_write(self) -> None:
        if not self._writes or self._writing:
            return
        batch, self._writes = self._writes, []
        self.write_batches += 1
        task = asyncio.create_task(self._put(batch))
        self._writing[task] = batch
        task.add_done_callback(self._wrote)

    def _wrote(self, task: asyncio.Task[None]) -> None:
        self._writing.pop(task, None)
        if not task.cancelled():
            self._maybe_write()

    async def _put(self, batch: list[tuple[bytes, bytes]]) -> None:
        try:
            async with (
                self.breaker.calling(),
                asyncio.timeout(self._timeout_s),
                self._client.pipeline(transaction=False) as pipe,
            ):
                for key, value in batch:
                    pipe.set(key, value, px=self._ttl_ms)
                await pipe.execute()
        except BreakerOpen:
            self.dropped_writes += len(batch)
        except (redis.RedisError, OSError, TimeoutError) as exc:
            self.dropped_writes += len(batch)
            self._failed("set", exc)

    def _failed(self, what: str, exc: BaseException) -> None:
        self.errors += 1
        log.debug("redis cache: %s failed: %r", what, exc)

    async def close(self) -> None:
        tasks = list(self._writing)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        await self._reader.close()  # reads still waiting: misses
        for client in (self._client, *self._also_close):
            try:
                async with asyncio.timeout(self._timeout_s * 10):
                    await client.aclose()
            except (redis.RedisError, OSError, TimeoutError) as exc:
                log.debug("redis cache: close failed: %r", exc)
