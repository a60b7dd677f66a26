"""Server behaviour: health, reflection for generic clients, deadlines, load shedding,
graceful drain."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable

import grpc
import pytest
from google.protobuf import descriptor_pool, message_factory
from google.protobuf.descriptor_pb2 import FileDescriptorProto
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.model import DataState, DocumentRecord
from lookup_server.store.base import (
    Change,
    KeyFunction,
    LoadReport,
    LookupRequest,
    LookupResult,
    NoticeRead,
    Store,
    StoredNotice,
)
from lookup_server.store.factory import open_store
from tests.api.conftest import (
    Harness,
    SettingsFactory,
    load_fixture_data,
    start_harness,
    stop_harness,
)
from tests.waiting import wait_until


class GatedStore(Store):
    """A real store whose lookups wait for a gate: a backend that hangs, on demand."""

    def __init__(self, inner: Store) -> None:
        self.inner = inner
        self.name = inner.name
        self.source = inner.source
        self.gate = asyncio.Event()
        self.gate.set()
        self.waiting = 0

    async def lookup(self, request: LookupRequest) -> LookupResult:
        self.waiting += 1
        try:
            await self.gate.wait()
        finally:
            self.waiting -= 1
        return await self.inner.lookup(request)

    async def get_notice(self, notice_id: str) -> NoticeRead:
        return await self.inner.get_notice(notice_id)

    async def state(self) -> DataState:
        return await self.inner.state()

    async def changes_since(self, version: int, limit: int = 1000) -> list[Change]:
        return await self.inner.changes_since(version, limit)

    async def key_scheme(self) -> str | None:
        return await self.inner.key_scheme()

    async def load_documents(self, rows: Iterable[DocumentRecord]) -> LoadReport:
        return await self.inner.load_documents(rows)

    async def load_notices(
        self, rows: Iterable[StoredNotice], *, key_scheme: str, snapshot_source: str | None = None
    ) -> LoadReport:
        return await self.inner.load_notices(
            rows, key_scheme=key_scheme, snapshot_source=snapshot_source
        )

    async def rekey_notices(self, keys_of: KeyFunction, key_scheme: str) -> int:
        return await self.inner.rekey_notices(keys_of, key_scheme)

    async def close(self) -> None:
        await self.inner.close()


@pytest.fixture
async def gated(
    sqlite_url: str, make_settings: SettingsFactory
) -> AsyncIterator[tuple[Harness, GatedStore]]:
    store = GatedStore(await open_store(sqlite_url))
    await load_fixture_data(store)
    harness = await start_harness(
        store,
        make_settings(
            database_url=sqlite_url,
            server={"max_in_flight": 2, "default_deadline_s": 0.5, "shutdown_grace_s": 5},
        ),
    )
    try:
        yield harness, store
    finally:
        store.gate.set()
        await stop_harness(harness)


DOCUMENT = pb.CheckDocumentRequest(document_number="A1234567", issuing_country="IDN")
OTHER_DOCUMENT = pb.CheckDocumentRequest(document_number="SPECI2014", issuing_country="NLD")


async def test_health_is_serving(harness: Harness) -> None:
    health = health_pb2_grpc.HealthStub(harness.channel)
    for service in ("", "noticelookup.v1.NoticeLookup"):
        reply = await health.Check(health_pb2.HealthCheckRequest(service=service))
        assert reply.status == health_pb2.HealthCheckResponse.SERVING


async def test_generic_client_uses_reflection_to_call_check_document(harness: Harness) -> None:
    """What grpcurl does: list services, fetch descriptors, build the request, call."""
    stub = reflection_pb2_grpc.ServerReflectionStub(harness.channel)

    async def ask(
        request: reflection_pb2.ServerReflectionRequest,
    ) -> reflection_pb2.ServerReflectionResponse:
        async for reply in stub.ServerReflectionInfo(iter([request])):
            return reply
        raise AssertionError("no reflection reply")

    listed = await ask(reflection_pb2.ServerReflectionRequest(list_services=""))
    names = {s.name for s in listed.list_services_response.service}
    assert "noticelookup.v1.NoticeLookup" in names

    files = await ask(
        reflection_pb2.ServerReflectionRequest(
            file_containing_symbol="noticelookup.v1.NoticeLookup"
        )
    )
    pool = descriptor_pool.DescriptorPool()
    protos = [
        FileDescriptorProto.FromString(b)
        for b in files.file_descriptor_response.file_descriptor_proto
    ]
    pending = {p.name: p for p in protos}
    for dependency in ("google/protobuf/timestamp.proto", "google/protobuf/duration.proto"):
        if dependency not in pending:
            extra = await ask(reflection_pb2.ServerReflectionRequest(file_by_filename=dependency))
            for raw in extra.file_descriptor_response.file_descriptor_proto:
                proto = FileDescriptorProto.FromString(raw)
                pending[proto.name] = proto
    while pending:  # add files once their dependencies are in the pool
        for name, proto in list(pending.items()):
            if all(dep not in pending for dep in proto.dependency):
                pool.Add(proto)
                del pending[name]
    service = pool.FindServiceByName("noticelookup.v1.NoticeLookup")
    method = service.methods_by_name["CheckDocument"]
    request_cls = message_factory.GetMessageClass(method.input_type)
    response_cls = message_factory.GetMessageClass(method.output_type)
    request = request_cls(document_number="A1234567", issuing_country="IDN")
    call = harness.channel.unary_unary(
        "/noticelookup.v1.NoticeLookup/CheckDocument",
        request_serializer=lambda m: m.SerializeToString(),
        response_deserializer=response_cls.FromString,
    )
    reply = await call(request)
    assert (
        method.output_type.fields_by_name["verdict"].enum_type.values_by_number[reply.verdict].name
        == "VERDICT_HIT"
    )


async def test_deadline_is_honoured_when_the_store_hangs(gated: tuple[Harness, GatedStore]) -> None:
    harness, store = gated
    store.gate.clear()
    loop = asyncio.get_running_loop()
    started = loop.time()
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await harness.stub.CheckDocument(DOCUMENT, timeout=0.3)
    assert caught.value.code() is grpc.StatusCode.DEADLINE_EXCEEDED
    assert loop.time() - started < 2.0


async def test_server_side_default_deadline_applies_when_caller_sets_none(
    gated: tuple[Harness, GatedStore],
) -> None:
    harness, store = gated
    store.gate.clear()
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await harness.stub.CheckDocument(DOCUMENT)  # no deadline: server budget is 0.5 s
    assert caught.value.code() is grpc.StatusCode.DEADLINE_EXCEEDED
    assert "deadline" in (caught.value.details() or "")


async def test_server_side_default_deadline_applies_to_a_traveller_check(
    gated: tuple[Harness, GatedStore],
) -> None:
    # CheckTraveler times only its store part (its cache lookup needs no timer): the
    # server's budget must still end a check that waits on the store.
    harness, store = gated
    store.gate.clear()
    request = pb.CheckTravelerRequest(
        fields=pb.TravelerFields(surname="LINDQVIST", given_names="ASTRID", nationality="SWE")
    )
    loop = asyncio.get_running_loop()
    started = loop.time()
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        # No deadline: the server's budget is 0.5 s (the test's own bound is 5 s).
        await asyncio.wait_for(harness.stub.CheckTraveler(request), 5)
    assert caught.value.code() is grpc.StatusCode.DEADLINE_EXCEEDED
    assert "deadline" in (caught.value.details() or "")
    assert loop.time() - started < 2.0


async def test_calls_beyond_the_in_flight_limit_are_shed(gated: tuple[Harness, GatedStore]) -> None:
    harness, store = gated
    store.gate.clear()
    # Two different documents: identical checks would share one store read (single flight).
    waiting = [
        asyncio.ensure_future(harness.stub.CheckDocument(request, timeout=5))
        for request in (DOCUMENT, OTHER_DOCUMENT)
    ]
    await wait_until(lambda: store.waiting == 2)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await harness.stub.CheckDocument(DOCUMENT, timeout=5)
    assert caught.value.code() is grpc.StatusCode.RESOURCE_EXHAUSTED
    store.gate.set()
    replies = await asyncio.gather(*waiting)
    assert all(r.verdict == pb.VERDICT_HIT for r in replies)
    assert harness.running.service.guard.shed == 1


async def test_stop_drains_calls_in_flight(gated: tuple[Harness, GatedStore]) -> None:
    harness, store = gated
    store.gate.clear()
    in_flight = asyncio.ensure_future(harness.stub.CheckDocument(DOCUMENT, timeout=5))
    await wait_until(lambda: store.waiting == 1)
    await harness.running.set_serving(False)
    stopping = asyncio.create_task(harness.running.server.stop(5))
    await asyncio.sleep(0)
    store.gate.set()
    reply = await in_flight
    await stopping
    assert reply.verdict == pb.VERDICT_HIT
