"""Redis over TLS (``rediss://``): the shared tier works through an encrypted connection.

The read path takes over the transport that redis-py opened (cache.redis_reader); over
TLS that transport is the TLS layer's, so this is tested against a real redis-server
that only answers TLS on the port used, with the test's own CA.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.settings import load_settings
from lookup_server.store.factory import open_store
from tests.api.conftest import load_fixture_data, start_harness, stop_harness
from tests.lab.pki import make_ca, make_leaf
from tests.lab.ports import free_port
from tests.lab.redis import RedisNotFound, RedisServer
from tests.waiting import wait_until

REQUEST = pb.CheckTravelerRequest(
    fields=pb.TravelerFields(surname="LINDQVIST", given_names="ASTRID", nationality="SWE")
)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("redis-pki")
    make_ca(directory, "redis-ca")
    make_leaf(directory, "redis", "redis-ca", server=True)
    return directory


@pytest.fixture
def tls_redis(pki: Path) -> Iterator[tuple[RedisServer, int]]:
    """A redis-server answering TLS on its own port (plain TCP too, for readiness)."""
    tls_port = free_port()
    try:
        server = RedisServer(
            extra_args=(
                "--tls-port", str(tls_port),
                "--tls-cert-file", str(pki / "redis.pem"),
                "--tls-key-file", str(pki / "redis.key"),
                "--tls-ca-cert-file", str(pki / "redis-ca.pem"),
                "--tls-auth-clients", "no",
            )
        )  # fmt: skip
    except RedisNotFound as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        server.start()
        yield server, tls_port
    finally:
        server.destroy()


def _plaintext_ping_fails(port: int) -> bool:
    with socket.create_connection(("127.0.0.1", port), timeout=2) as sock:
        sock.sendall(b"PING\r\n")
        try:
            return not sock.recv(16).startswith(b"+PONG")
        except OSError:
            return True


async def test_checks_are_served_from_redis_over_tls(
    tls_redis: tuple[RedisServer, int], pki: Path, sqlite_url: str, secret_file: Path
) -> None:
    _, tls_port = tls_redis
    assert _plaintext_ping_fails(tls_port)  # the port used speaks TLS only
    store = await open_store(sqlite_url)
    await load_fixture_data(store)
    settings = load_settings(
        database_url=sqlite_url,
        listen="127.0.0.1:0",
        redis_url=f"rediss://127.0.0.1:{tls_port}/0?ssl_ca_certs={pki / 'redis-ca.pem'}",
        cache={"local_entries": 0, "secret_file": secret_file},
    )
    harness = await start_harness(store, settings)
    try:
        first = await harness.stub.CheckTraveler(REQUEST, timeout=5)
        assert first.verdict == pb.VERDICT_CLEAR
        assert first.provenance.source == pb.SOURCE_PRIMARY
        cache = harness.app.cache
        assert cache is not None
        assert cache.shared is not None
        shared = cache.shared
        await wait_until(lambda: shared.writes_pending == 0, timeout_s=10, what="the write")
        assert shared.dropped_writes == 0
        second = await harness.stub.CheckTraveler(REQUEST, timeout=5)
        assert second.provenance.source == pb.SOURCE_CACHE_REDIS
        assert second.verdict == pb.VERDICT_CLEAR
        assert shared.errors == 0
        assert shared.rejected == 0
        assert shared.reads >= 2
    finally:
        await stop_harness(harness)
