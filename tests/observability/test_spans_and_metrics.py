"""Spans and metrics of a real server (gRPC on a loopback port, SQLite store), captured
in memory by the session's providers (tests/conftest.py ``telemetry``), and the
Prometheus endpoint scraped over real HTTP."""

from __future__ import annotations

import asyncio
import urllib.request
from collections.abc import AsyncIterator

import grpc
import pytest
from opentelemetry.trace import SpanKind
from prometheus_client.parser import text_string_to_metric_families

from failover.breaker import AsyncBreaker
from lookup_server.api.server import RunningServer, create_server
from lookup_server.app import App, build_app
from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.generated.noticelookup.v1 import lookup_pb2_grpc as pb_grpc
from lookup_server.settings import load_settings
from lookup_server.store.factory import open_store
from observability.grpc_server import RpcObserver
from tests.api.conftest import load_fixture_data
from tests.cache.test_cached_checker import TRAVELLER_FIELDS
from tests.conftest import Captured

CHECK = "noticelookup.v1.NoticeLookup/CheckTraveler"


class Server:
    def __init__(self, app: App, running: RunningServer) -> None:
        self.app = app
        self.running = running
        self.channel = grpc.aio.insecure_channel(f"127.0.0.1:{running.port}")
        self.stub = pb_grpc.NoticeLookupStub(self.channel)


@pytest.fixture
async def server(sqlite_url: str, telemetry: Captured) -> AsyncIterator[Server]:
    store = await open_store(sqlite_url)
    await load_fixture_data(store)
    settings = load_settings(database_url=sqlite_url, listen="127.0.0.1:0")
    app = await build_app(settings, store=store)
    running = await create_server(
        app, settings, observer=RpcObserver(prometheus=True, sdk_histogram=True)
    )
    served = Server(app, running)
    try:
        yield served
    finally:
        await served.channel.close()
        await running.server.stop(None)
        await app.close()


def request() -> pb.CheckTravelerRequest:
    return pb.CheckTravelerRequest(fields=TRAVELLER_FIELDS)


async def test_one_check_yields_the_span_tree(server: Server, telemetry: Captured) -> None:
    reply = await server.stub.CheckTraveler(request(), timeout=5)
    assert reply.verdict == pb.VERDICT_CLEAR
    spans = {s.name: s for s in telemetry.finished()}
    root = spans[CHECK]
    assert root.kind is SpanKind.SERVER
    assert root.parent is None
    expected = {
        "rpc.system": "grpc",
        "rpc.service": "noticelookup.v1.NoticeLookup",
        "rpc.method": "CheckTraveler",
        "rpc.grpc.status_code": 0,
        "notice_lookup.verdict": "CLEAR",
        "notice_lookup.source": "PRIMARY",
        "notice_lookup.check_id": reply.check_id,
    }
    assert {k: (root.attributes or {}).get(k) for k in expected} == expected
    lookup, match = spans["store.lookup"], spans["match"]
    for child in (lookup, match):
        assert child.parent is not None
        assert child.parent.span_id == root.context.span_id
        assert child.context.trace_id == root.context.trace_id
    assert (match.attributes or {})["notice_lookup.match.candidates"] >= 0
    events = [e.name for e in root.events]
    assert events == ["cache.in_process"]  # looked up, missed, then computed

    telemetry.spans.clear()
    await server.stub.CheckTraveler(request(), timeout=5)  # now a cache hit
    (again,) = telemetry.finished()  # no store, no matching: the root span alone
    assert (again.attributes or {})["notice_lookup.source"] == "CACHE_IN_PROCESS"
    assert [dict(e.attributes or {}) for e in again.events] == [
        {"notice_lookup.cache.result": "hit"}
    ]


async def test_an_incoming_traceparent_is_continued(server: Server, telemetry: Captured) -> None:
    trace_id = "4bf92f3577b34da6a3ce929d0e0e4736"
    parent_id = "00f067aa0ba902b7"
    await server.stub.CheckTraveler(
        request(), timeout=5, metadata=(("traceparent", f"00-{trace_id}-{parent_id}-01"),)
    )
    (root,) = [s for s in telemetry.finished() if s.name == CHECK]
    assert format(root.context.trace_id, "032x") == trace_id
    assert root.parent is not None
    assert format(root.parent.span_id, "016x") == parent_id
    assert root.parent.is_remote


async def test_a_failed_call_has_an_error_status_and_health_checks_no_span(
    server: Server, telemetry: Captured
) -> None:
    bad = pb.CheckTravelerRequest(mrz=pb.MachineReadableZone(lines=["P<NOR", "X"]))
    with pytest.raises(grpc.RpcError) as failure:
        await server.stub.CheckTraveler(bad, timeout=5)
    assert failure.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    (root,) = telemetry.finished()
    assert (root.attributes or {})[
        "rpc.grpc.status_code"
    ] == grpc.StatusCode.INVALID_ARGUMENT.value[0]
    assert not root.status.is_ok

    from grpc_health.v1 import health_pb2, health_pb2_grpc

    await health_pb2_grpc.HealthStub(server.channel).Check(health_pb2.HealthCheckRequest())
    assert len(telemetry.finished()) == 1  # the health check made none


async def test_latency_cache_and_breaker_metrics(server: Server, telemetry: Captured) -> None:
    before = telemetry.metric_points("notice_lookup.cache.lookups")
    hits_before = sum(v for a, v in before if a == {"tier": "in-process", "result": "hit"})
    await server.stub.CheckTraveler(request(), timeout=5)
    await server.stub.CheckTraveler(request(), timeout=5)
    lookups = telemetry.metric_points("notice_lookup.cache.lookups")
    hits = sum(v for a, v in lookups if a == {"tier": "in-process", "result": "hit"})
    assert hits == hits_before + 1
    durations = telemetry.metric_points("notice_lookup.rpc.duration")
    assert any(
        a.get("rpc.method") == "CheckTraveler" and a.get("source") == "CACHE_IN_PROCESS"
        for a, _ in durations
    )

    breaker = AsyncBreaker("metrics-test", fail_max=1, reset_timeout=60)
    breaker.record_failure(RuntimeError("down"))
    assert breaker.state == "open"
    transitions = telemetry.metric_points("notice_lookup.breaker.transitions")
    assert ({"breaker": "metrics-test", "from": "closed", "to": "open"}, 1.0) in transitions
    states = telemetry.metric_points("notice_lookup.breaker.state")
    assert ({"breaker": "metrics-test"}, 2.0) in states


async def test_the_prometheus_endpoint_serves_the_metrics_over_http(
    server: Server, telemetry: Captured
) -> None:
    await server.stub.CheckTraveler(request(), timeout=5)
    breaker = AsyncBreaker("scraped", fail_max=3, reset_timeout=60)  # alive while scraped
    host, port = telemetry.prometheus

    def scrape() -> tuple[int, str]:
        url = f"http://{host}:{port}/metrics"
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status), response.read().decode()

    status, text = await asyncio.to_thread(scrape)
    assert status == 200
    families = {f.name: f for f in text_string_to_metric_families(text)}
    latency = families["notice_lookup_rpc_latency_milliseconds"]
    assert latency.type == "histogram"
    counts = [
        s.value
        for s in latency.samples
        if s.name.endswith("_count") and s.labels["rpc_method"] == "CheckTraveler"
    ]
    assert sum(counts) >= 1
    buckets = [s for s in latency.samples if s.name.endswith("_bucket")]
    assert {s.labels["le"] for s in buckets} >= {"1.0", "2000.0", "+Inf"}
    # the names docs/operations.md's alert rules use
    assert "notice_lookup_cache_lookups" in families
    assert "notice_lookup_data_version" in families
    assert families["notice_lookup_data_age_seconds"].type == "gauge"
    states = families["notice_lookup_breaker_state"]
    assert ("scraped", 0.0) in [(x.labels.get("breaker"), x.value) for x in states.samples]
    assert breaker.state == "closed"
