"""The pipelined reader's protocol handling against a scripted server on loopback.

A real Redis never sends the replies these tests script (split at every byte, of the
wrong type, oversized, unasked for); a broken proxy or a hostile host in its place
might. Each must end as a failed read that reconnects, never as a stuck read or a
wrong value. (Against a real Redis the reader is tested in test_redis_tier.py and the
fault tests; here too, for the fallback through redis-py.)
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import pytest

from cache import redis_reader
from cache.redis_reader import MAX_VALUE_BYTES, PipelinedReader, ReadFailed, ReplyError
from cache.redis_tier import connect
from tests.lab.redis import RedisServer
from tests.waiting import wait_until

#: What the scripted server answers to a GET of a key (any other command: +OK).
Script = Callable[[bytes], bytes]


class ScriptedRedis:
    def __init__(self, script: Script) -> None:
        self.script = script
        self.connections = 0
        self.chunk = 0  # > 0: write replies in pieces of this many bytes
        self._server: asyncio.Server | None = None

    async def start(self) -> int:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port: int = self._server.sockets[0].getsockname()[1]
        return port

    async def close(self) -> None:
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                header = await reader.readline()
                if not header:
                    return
                parts = []
                for _ in range(int(header[1:])):
                    size = int((await reader.readline())[1:])
                    parts.append((await reader.readexactly(size + 2))[:-2])
                reply = self.script(parts[1]) if parts[0].upper() == b"GET" else b"+OK\r\n"
                if self.chunk:
                    for i in range(0, len(reply), self.chunk):
                        writer.write(reply[i : i + self.chunk])
                        await writer.drain()
                        await asyncio.sleep(0)
                else:
                    writer.write(reply)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            return
        finally:
            writer.close()


def bulk(value: bytes) -> bytes:
    return b"$%d\r\n%s\r\n" % (len(value), value)


@pytest.fixture
async def scripted() -> AsyncIterator[tuple[ScriptedRedis, PipelinedReader]]:
    server = ScriptedRedis(lambda key: bulk(b"value-of-" + key))
    port = await server.start()
    client, _ = connect(f"redis://127.0.0.1:{port}/0", timeout_s=0.2)
    reader = PipelinedReader(client, timeout_s=0.2)
    try:
        yield server, reader
    finally:
        await reader.close()
        await client.aclose()
        await server.close()


async def test_replies_split_at_every_byte_are_matched_in_order(
    scripted: tuple[ScriptedRedis, PipelinedReader],
) -> None:
    server, reader = scripted
    server.chunk = 1
    keys = [b"k%d" % n for n in range(30)]
    assert await asyncio.gather(*(reader.get(k) for k in keys)) == [b"value-of-" + k for k in keys]


async def test_a_missing_key_is_none(scripted: tuple[ScriptedRedis, PipelinedReader]) -> None:
    server, reader = scripted
    server.script = lambda key: b"$-1\r\n"
    assert await reader.get(b"k") is None


@pytest.mark.parametrize(
    "reply",
    [
        b"*1\r\n$1\r\nx\r\n",  # an array: not what a GET returns
        b"$abc\r\n",  # a malformed length
        b"$%d\r\n" % (MAX_VALUE_BYTES + 1),  # a value too big to be an entry
        bulk(b"v") + bulk(b"unasked"),  # a reply nobody asked for
    ],
)
async def test_a_bad_reply_fails_the_read_and_the_next_read_reconnects(
    scripted: tuple[ScriptedRedis, PipelinedReader], reply: bytes
) -> None:
    server, reader = scripted
    server.script = lambda key: reply
    if reply.startswith(b"$1\r\nv"):  # the first reply is fine; the extra one is not
        assert await reader.get(b"k") == b"v"
        await wait_until(lambda: not reader.connected)  # the unasked reply dropped it
    else:
        with pytest.raises(ReadFailed):
            async with asyncio.timeout(1):
                await reader.get(b"k")
    server.script = lambda key: bulk(b"good")
    async with asyncio.timeout(1):
        assert await reader.get(b"k") == b"good"
    assert server.connections == 2


async def test_an_error_reply_fails_only_its_read(
    scripted: tuple[ScriptedRedis, PipelinedReader],
) -> None:
    server, reader = scripted
    server.script = lambda key: b"-WRONGTYPE not a string\r\n" if key == b"bad" else bulk(key)
    bad, good = await asyncio.gather(
        reader.get(b"bad"), reader.get(b"good"), return_exceptions=True
    )
    assert isinstance(bad, ReplyError)
    assert good == b"good"
    assert server.connections == 1


async def test_a_server_that_never_answers_times_out_every_waiting_read(
    scripted: tuple[ScriptedRedis, PipelinedReader],
) -> None:
    server, reader = scripted
    assert await reader.get(b"warm") == b"value-of-warm"
    server.script = lambda key: b""  # silence
    loop = asyncio.get_running_loop()
    started = loop.time()
    results = await asyncio.gather(
        *(reader.get(b"k%d" % n) for n in range(20)), return_exceptions=True
    )
    assert all(isinstance(r, ReadFailed) for r in results)
    assert loop.time() - started < 2.0  # the 0.2 s watchdog, not a hang


async def test_a_refused_connection_is_a_failed_read() -> None:
    probe = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    port = probe.sockets[0].getsockname()[1]
    probe.close()
    await probe.wait_closed()  # nothing listens on the port now
    client, _ = connect(f"redis://127.0.0.1:{port}/0", timeout_s=0.2)
    reader = PipelinedReader(client, timeout_s=0.2)
    try:
        with pytest.raises(ReadFailed):
            await reader.get(b"k")
    finally:
        await reader.close()
        await client.aclose()


# ------------------------------------------------- another redis-py release (fallback)


def test_a_connection_built_otherwise_is_not_taken_over() -> None:
    class Elsewise:  # a connection of a redis-py whose internals are named otherwise
        _stream = None

    with pytest.raises(redis_reader._Unsupported):
        redis_reader.take_transport(Elsewise())


async def test_reads_go_through_redis_py_when_its_connections_are_not_as_expected(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def built_otherwise(connection: object) -> asyncio.StreamWriter:
        raise redis_reader._Unsupported("a connection without the expected stream pair")

    monkeypatch.setattr(redis_reader, "take_transport", built_otherwise)
    client, _ = connect(redis_server.url, timeout_s=0.5)
    reader = PipelinedReader(client, timeout_s=0.5)
    try:
        await client.set(b"k", b"v")
        assert await reader.get(b"k") == b"v"
        assert reader.fallback
        assert "reads go through redis-py" in caplog.text
        assert await asyncio.gather(reader.get(b"k"), reader.get(b"missing")) == [b"v", None]
        assert reader.reads == 3
        assert reader.connects == 0
        redis_server.kill()
        with pytest.raises(ReadFailed):  # and failures are still failed reads
            await reader.get(b"k")
    finally:
        await reader.close()
        await client.aclose()
