"""Mutual TLS: a terminal with a certificate from the terminals' CA gets answers; a
client without one, or with a certificate from another CA, is refused."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest

from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.generated.noticelookup.v1 import lookup_pb2_grpc as pb_grpc
from lookup_server.store.factory import open_store
from tests.api.conftest import SettingsFactory, load_fixture_data, start_harness, stop_harness
from tests.lab.pki import make_ca, make_leaf


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("pki")
    make_ca(directory, "server-ca")
    make_ca(directory, "terminals-ca")
    make_ca(directory, "rogue-ca")
    make_leaf(directory, "server", "server-ca", server=True)
    make_leaf(directory, "booth-7", "terminals-ca", server=False)
    make_leaf(directory, "rogue", "rogue-ca", server=False)
    return directory


@pytest.fixture
async def tls_address(
    pki: Path, sqlite_url: str, make_settings: SettingsFactory
) -> AsyncIterator[str]:
    store = await open_store(sqlite_url)
    await load_fixture_data(store)
    settings = make_settings(
        database_url=sqlite_url,
        tls={
            "cert_file": pki / "server.pem",
            "key_file": pki / "server.key",
            "client_ca_file": pki / "terminals-ca.pem",
        },
    )
    harness = await start_harness(store, settings)
    try:
        yield harness.address
    finally:
        await stop_harness(harness)


def _channel(pki: Path, address: str, client: str | None) -> grpc.aio.Channel:
    key = (pki / f"{client}.key").read_bytes() if client else None
    chain = (pki / f"{client}.pem").read_bytes() if client else None
    credentials = grpc.ssl_channel_credentials((pki / "server-ca.pem").read_bytes(), key, chain)
    return grpc.aio.secure_channel(address, credentials)


REQUEST = pb.CheckDocumentRequest(document_number="A1234567", issuing_country="IDN")


async def test_terminal_with_a_certificate_is_answered(pki: Path, tls_address: str) -> None:
    async with _channel(pki, tls_address, "booth-7") as channel:
        reply = await pb_grpc.NoticeLookupStub(channel).CheckDocument(REQUEST, timeout=5)
    assert reply.verdict == pb.VERDICT_HIT


@pytest.mark.parametrize("client", [None, "rogue"], ids=["no-certificate", "other-ca"])
async def test_client_without_a_trusted_certificate_is_refused(
    pki: Path, tls_address: str, client: str | None
) -> None:
    async with _channel(pki, tls_address, client) as channel:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await pb_grpc.NoticeLookupStub(channel).CheckDocument(REQUEST, timeout=5)
    assert caught.value.code() is grpc.StatusCode.UNAVAILABLE


async def test_plaintext_client_is_refused(tls_address: str) -> None:
    async with grpc.aio.insecure_channel(tls_address) as channel:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await pb_grpc.NoticeLookupStub(channel).CheckDocument(REQUEST, timeout=5)
    assert caught.value.code() is grpc.StatusCode.UNAVAILABLE
