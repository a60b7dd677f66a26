"""The hot read path to Redis: GETs pipelined over one connection of our own.

A Redis hit must cost little more than an in-process hit, and redis-py's per-command
machinery (command packing, a stream reader, response callbacks, a lock per command)
costs more CPU than the rest of a cached check. Measured on the development machine
(a bare grpc.aio echo server that does one GET per call, h2load, 3 rounds): with
redis-py's single-connection client it kept 0.72 of the echo's throughput; with this
reader 0.95. So reads bypass it:

- redis-py opens the connection (its URL handling, TLS, AUTH, SELECT and Sentinel
  master discovery stay the single source of truth); then this module takes over the
  connection's transport with a small protocol of its own;
- every GET is written at once and replies are matched to requests in order (Redis
  answers in order on a connection), so concurrent reads pipeline with no batching
  delay and no task per read;
- a watchdog fails the connection when its oldest read has waited ``timeout_s``
  (a hung Redis), which fails every read on it; the next read reconnects;
- taking the transport over uses redis-py's private attributes: should another
  redis-py release build its connections otherwise, reads go through redis-py's own
  client instead (slower, still correct) and a warning says so.

Only the replies a GET (or the handshake) can produce are accepted (RESP2 bulk
strings, nulls, simple strings and errors) and values are bounded in size: anything
else is a protocol error and drops the connection, so a lying or broken Redis costs
misses, never a stuck read. Values are verified by the caller (:mod:`cache.entry`).
"""

from __future__ import annotations

import asyncio
import collections
import logging
from collections.abc import Awaitable
from typing import Any

import redis.asyncio as redis

log = logging.getLogger(__name__)

#: Values above this size are not ours (a sealed entry is about a hundred bytes).
MAX_VALUE_BYTES = 64 * 1024


def _get_command(key: bytes) -> bytes:
    return b"*2\r\n$3\r\nGET\r\n$%d\r\n%s\r\n" % (len(key), key)


class ReadFailed(Exception):
    """The read got no answer from Redis (connection trouble, timeout, bad reply)."""


class ReplyError(Exception):
    """Redis answered with an error reply."""


class _Pipe(asyncio.Protocol):
    """One connection's reads: written in order, answered in order."""

    def __init__(self, loop: asyncio.AbstractEventLoop, timeout_s: float) -> None:
        self._loop = loop
        self._timeout_s = timeout_s
        self._transport: asyncio.Transport | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._waiting: collections.deque[tuple[asyncio.Future[Any], float]] = collections.deque()
        self._buffer = bytearray()
        self._watchdog: asyncio.TimerHandle | None = None
        self.failure: ReadFailed | None = None

    def attach(self, writer: asyncio.StreamWriter) -> None:
        # The stream writer stays referenced: when collected, it closes a transport
        # that is still open.
        self._writer = writer
        transport: asyncio.Transport = writer.transport  # type: ignore[assignment]
        self._transport = transport
        transport.set_protocol(self)

    @property
    def usable(self) -> bool:
        return self.failure is None and self._transport is not None

    def request(self, *parts: bytes) -> asyncio.Future[Any]:
        """Send one command; the future gets its reply (bytes, None, True for +OK)."""
        return self.send(
            b"*%d\r\n" % len(parts)
            + b"".join(b"$%d\r\n%s\r\n" % (len(part), part) for part in parts)
        )

    def send(self, command: bytes) -> asyncio.Future[Any]:
        """Send one command already in RESP; the future gets its reply."""
        assert self._transport is not None
        future: asyncio.Future[Any] = self._loop.create_future()
        if self.failure is not None:
            future.set_exception(self.failure)
            return future
        self._transport.write(command)
        now = self._loop.time()
        self._waiting.append((future, now))
        if self._watchdog is None:
            self._watchdog = self._loop.call_at(now + self._timeout_s, self._watch)
        return future

    def _watch(self) -> None:
        self._watchdog = None
        if not self._waiting:
            return
        due = self._waiting[0][1] + self._timeout_s
        if self._loop.time() >= due:
            self.fail(ReadFailed(f"no reply within {self._timeout_s}s"))
        else:
            self._watchdog = self._loop.call_at(due, self._watch)

    # ---------------------------------------------------------------- protocol

    def data_received(self, data: bytes) -> None:
        buffer = self._buffer
        buffer += data
        pos, size = 0, len(buffer)
        waiting = self._waiting
        while pos < size:
            end = buffer.find(b"\r\n", pos)
            if end < 0:
                break
            kind = buffer[pos]
            value: Any
            if kind == 0x24:  # $: bulk string, or $-1 for a missing key
                try:
                    length = int(buffer[pos + 1 : end])
                except ValueError:
                    return self.fail(ReadFailed("malformed reply from Redis"))
                if length > MAX_VALUE_BYTES:
                    return self.fail(ReadFailed(f"a {length}-byte value is not a cache entry"))
                if length < 0:
                    value, following = None, end + 2
                else:
                    following = end + 2 + length + 2
                    if size < following:
                        break
                    value = bytes(buffer[end + 2 : end + 2 + length])
            elif kind == 0x2B:  # +OK
                value, following = True, end + 2
            elif kind == 0x2D:  # -ERR ...
                message = buffer[pos + 1 : end].decode("utf-8", "replace")
                value, following = ReplyError(message), end + 2
            else:
                return self.fail(ReadFailed(f"unexpected reply type {chr(kind)!r} from Redis"))
            if not waiting:
                return self.fail(ReadFailed("a reply nobody asked for"))
            future, _ = waiting.popleft()
            if not future.done():  # its caller may have given up
                if isinstance(value, ReplyError):
                    future.set_exception(value)
                else:
                    future.set_result(value)
            pos = following
        if pos:
            del buffer[:pos]
        if len(buffer) > MAX_VALUE_BYTES + 64:
            self.fail(ReadFailed("oversized reply from Redis"))

    def connection_lost(self, exc: Exception | None) -> None:
        self.fail(ReadFailed(f"connection lost: {exc!r}" if exc else "connection closed"))

    def eof_received(self) -> bool:
        self.fail(ReadFailed("Redis closed the connection"))
        return False

    def fail(self, failure: ReadFailed) -> None:
        """Drop the connection: every read on it fails with ``failure``."""
        if self.failure is None:
            self.failure = failure
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None
        waiting, self._waiting = self._waiting, collections.deque()
        for future, _ in waiting:
            if not future.done():
                future.set_exception(self.failure)
        if self._transport is not None:
            self._transport.abort()


class _Unsupported(Exception):
    """redis-py's connection is not built as this module expects (another release)."""


def take_transport(connection: Any) -> asyncio.StreamWriter:
    """The stream writer (and with it the transport) of a connected redis-py asyncio
    connection, detached from redis-py, which would otherwise close it when the
    connection object is collected.

    These are redis-py's private attributes (``_reader``, ``_writer``; tested with
    the release in constraints.txt): when they are not what this expects,
    :class:`_Unsupported`, and reads go through redis-py instead.
    """
    reader = getattr(connection, "_reader", None)
    writer = getattr(connection, "_writer", None)
    buffered = getattr(reader, "_buffer", None)
    if not isinstance(writer, asyncio.StreamWriter) or not isinstance(buffered, bytearray):
        raise _Unsupported(f"a {type(connection).__name__} without the expected stream pair")
    if buffered:  # a reply nobody read: not this connection's to take over
        raise redis.ConnectionError("redis-py connection holds unread data")
    connection._reader = connection._writer = None
    return writer


class PipelinedReader:
    """GETs for one Redis, on one connection opened by ``client``'s connection pool.

    ``get`` raises :class:`ReadFailed` on any trouble (the caller counts it against
    its breaker); a caller's cancellation leaves the connection usable.
    """

    def __init__(self, client: redis.Redis, *, timeout_s: float) -> None:
        self._client = client
        self._timeout_s = timeout_s
        self._pipe: _Pipe | None = None
        self._connecting: asyncio.Task[_Pipe] | None = None
        #: GET commands sent.
        self.reads = 0
        self.connects = 0
        #: Reads go through redis-py's client (its connections are not as expected).
        self.fallback = False

    @property
    def connected(self) -> bool:
        return self._pipe is not None and self._pipe.usable

    def get(self, key: bytes) -> Awaitable[bytes | None]:
        """``await reader.get(key)``: the value, None for a missing key. Connected, the
        read is the reply's future itself (no coroutine around it)."""
        pipe = self._pipe
        if pipe is None or not pipe.usable:
            return self._get_after_connecting(key)
        self.reads += 1
        return pipe.send(_get_command(key))

    async def _get_after_connecting(self, key: bytes) -> bytes | None:
        if self.fallback:
            return await self._get_through_redis_py(key)
        try:
            pipe = await self._connected()
        except _Unsupported as exc:
            log.warning(
                "redis cache: %s; reads go through redis-py from now on (slower, still "
                "correct): check the redis package against cache/redis_reader.py",
                exc,
            )
            self.fallback = True
            return await self._get_through_redis_py(key)
        self.reads += 1
        value: bytes | None = await pipe.send(_get_command(key))
        return value

    async def _get_through_redis_py(self, key: bytes) -> bytes | None:
        """A GET by redis-py's own client: the way reads go when its connections are
        not built as this module expects (another redis-py release)."""
        self.reads += 1
        try:
            async with asyncio.timeout(self._timeout_s):
                value = await self._client.get(key)
        except (redis.RedisError, OSError, TimeoutError) as exc:
            raise ReadFailed(f"GET failed: {exc!r}") from exc
        if value is not None and (not isinstance(value, bytes) or len(value) > MAX_VALUE_BYTES):
            raise ReadFailed("a value that is not a cache entry")
        return value

    async def _connected(self) -> _Pipe:
        # One connection attempt at a time; concurrent reads wait for it. Shielded: a
        # read that gives up does not cancel the connection the others wait for.
        if self._connecting is None:
            self._connecting = asyncio.ensure_future(self._connect())
            self._connecting.add_done_callback(self._connect_done)
        try:
            return await asyncio.shield(self._connecting)
        except _Unsupported:
            raise
        except (redis.RedisError, OSError, TimeoutError) as exc:
            raise ReadFailed(f"cannot connect: {exc!r}") from exc

    def _connect_done(self, task: asyncio.Task[_Pipe]) -> None:
        self._connecting = None
        if not task.cancelled() and task.exception() is None:
            self._pipe = task.result()

    async def _connect(self) -> _Pipe:
        if self._pipe is not None:
            self._pipe.fail(ReadFailed("replaced"))
            self._pipe = None
        connection = self._client.connection_pool.make_connection()  # type: ignore[no-untyped-call]
        async with asyncio.timeout(self._timeout_s * 2):
            await connection.connect()
        # redis-py has opened the socket and run its handshake (TLS, AUTH, SELECT).
        try:
            writer = take_transport(connection)
        except BaseException:
            await connection.disconnect()
            raise
        pipe = _Pipe(asyncio.get_running_loop(), self._timeout_s)
        pipe.attach(writer)
        self.connects += 1
        return pipe

    async def close(self) -> None:
        if self._connecting is not None:
            self._connecting.cancel()
            await asyncio.gather(self._connecting, return_exceptions=True)
        if self._pipe is not None:
            self._pipe.fail(ReadFailed("reader closed"))
            self._pipe = None
