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
    # One connection, reads pipelined over it (RedisTier batches them into MGETs): no
    # pool to acquire from and release to on every command, which cost redis-py more
    # than the command itself.
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
        self._reading: set[asyncio.Task[None]] = set()
        self._batch: list[tuple[bytes, asyncio.Future[bytes | None]]] = []
        self._max_batch = 256
        self._reads_in_flight = 0  # one MGET at a time: the others' gets wait and batch
        self._flush_scheduled = False
        #: MGET commands sent (each serves every get that waited for the one before).
        self.reads = 0
        self.errors = 0
        self.rejected = 0
        self.dropped_writes = 0
        #: Pipelines of writes sent (each carries every write that waited for the last).
        self.write_batches = 0

    async def get(self, key: bytes) -> ClearEntry | None:
        """The entry under ``key``; None on a miss, a bad value or any Redis trouble.

        Reads are pipelined: one MGET is in flight at a time; the gets that come
        while it is (and the gets of one event-loop turn) go together as the next
        MGET. At low load a get goes out at once; under load each check pays a fraction
        of a round trip and of redis-py's per-command cost, which is most of the cost of
        a Redis hit (the way ioredis auto-pipelines). A caller that gives up does not
        cancel the others' read.
        """
        future: asyncio.Future[bytes | None] = asyncio.get_running_loop().create_future()
        self._batch.append((key, future))
        self._maybe_flush()
        value = await future
        if value is None:
            return None
        entry = self._sealer.open_entry(key, value)
        if entry is None:
            self.rejected += 1
            log.warning("redis cache: a value failed verification and was ignored")
        return entry

    def _maybe_flush(self) -> None:
        if self._batch and not self._flush_scheduled and self._reads_in_flight == 0:
            self._flush_scheduled = True
            asyncio.get_running_loop().call_soon(self._flush)

    def _flush(self) -> None:
        self._flush_scheduled = False
        if not self._batch or self._reads_in_flight:
            return
        batch = self._batch[: self._max_batch]
        del self._batch[: self._max_batch]
        self.reads += 1
        self._reads_in_flight += 1
        task = asyncio.create_task(self._mget(batch))
        self._reading.add(task)
        task.add_done_callback(self._reading.discard)

    async def _mget(self, batch: list[tuple[bytes, asyncio.Future[bytes | None]]]) -> None:
        values: list[Any] = [None] * len(batch)
        try:
            async with self.breaker.calling(), asyncio.timeout(self._timeout_s):
                values = await self._client.mget([key for key, _ in batch])
        except BreakerOpen:
            pass
        except (redis.RedisError, OSError, TimeoutError) as exc:
            self._failed("mget", exc)
        finally:
            self._reads_in_flight -= 1
            for (_, future), value in zip(batch, values, strict=True):
                if not future.done():
                    future.set_result(value if isinstance(value, bytes) else None)
            self._maybe_flush()  # the gets that waited for this read: the next MGET

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
        tasks = [*self._writing, *self._reading]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        batch, self._batch = self._batch, []
        for _, future in batch:  # gets still waiting: misses
            if not future.done():
                future.set_result(None)
        for client in (self._client, *self._also_close):
            try:
                async with asyncio.timeout(self._timeout_s * 10):
                    await client.aclose()
            except (redis.RedisError, OSError, TimeoutError) as exc:
                log.debug("redis cache: close failed: %r", exc)
