"""What `notice-lookup serve` exports, seen from outside the process: OTLP spans over a
real gRPC connection to a receiver this test runs, and the privacy of everything
exported (spans, metrics, logs) during a run of real checks."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from concurrent import futures
from pathlib import Path

import grpc
import pytest
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2, trace_service_pb2_grpc

from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.generated.noticelookup.v1 import lookup_pb2_grpc as pb_grpc
from lookup_server.store.factory import open_store
from tests.api.conftest import load_fixture_data
from tests.cache.test_cached_checker import TRAVELLER_FIELDS
from tests.lab.ports import free_port
from tests.test_cli import CLI, _wait_serving

RED_FIELDS = pb.TravelerFields(
    document_number="B7654321",
    issuing_country="IRQ",
    document_type="P",
    surname="AL-RASHID",
    given_names="MUHAMMAD YUSUF",
    date_of_birth=pb.PartialDate(year=1975, month=3, day=9),
    sex=pb.SEX_MALE,
    nationality="IRQ",
)
#: What must never leave the process in clear text.
SECRETS = (
    "NO4711222", "HAUGEN", "INGRID", "1986-04-17", "19860417", "860417",
    "B7654321", "RASHID", "MUHAMMAD", "YUSUF", "1975-03-09", "750309",
    "A1234567", "SUPRIYADI",
)  # fmt: skip


@pytest.fixture
def database(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'notices.db'}"

    async def load() -> None:
        store = await open_store(url)
        try:
            await load_fixture_data(store)
        finally:
            await store.close()

    asyncio.run(load())
    return url


class Receiver(trace_service_pb2_grpc.TraceServiceServicer):
    """An OTLP trace receiver: keeps every export request."""

    def __init__(self) -> None:
        self.requests: list[trace_service_pb2.ExportTraceServiceRequest] = []
        self.lock = threading.Lock()

    def Export(
        self, request: trace_service_pb2.ExportTraceServiceRequest, context: object
    ) -> trace_service_pb2.ExportTraceServiceResponse:
        with self.lock:
            self.requests.append(request)
        return trace_service_pb2.ExportTraceServiceResponse()

    def spans(self) -> list[tuple[str, str, str]]:
        """(service.name, span name, trace id hex) of every span received."""
        out = []
        with self.lock:
            for request in self.requests:
                for resource_spans in request.resource_spans:
                    service = next(
                        (
                            a.value.string_value
                            for a in resource_spans.resource.attributes
                            if a.key == "service.name"
                        ),
                        "",
                    )
                    for scope in resource_spans.scope_spans:
                        for span in scope.spans:
                            out.append((service, span.name, span.trace_id.hex()))
        return out


@pytest.fixture
def receiver() -> Iterator[tuple[Receiver, int]]:
    servicer = Receiver()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    trace_service_pb2_grpc.add_TraceServiceServicer_to_server(servicer, server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    try:
        yield servicer, port
    finally:
        server.stop(None)


def serve(database: str, env: dict[str, str]) -> tuple[subprocess.Popen[str], str]:
    address = f"127.0.0.1:{free_port()}"
    process = subprocess.Popen(
        [CLI, "serve", "--listen", address, "--database-url", database],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_serving(address, process)
    return process, address


def stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    return stderr


def test_spans_reach_an_otlp_receiver_over_grpc_in_the_terminals_trace(
    database: str, receiver: tuple[Receiver, int]
) -> None:
    servicer, port = receiver
    process, address = serve(
        database,
        {
            "OTEL_TRACES_EXPORTER": "otlp",
            "OTEL_EXPORTER_OTLP_ENDPOINT": f"http://127.0.0.1:{port}",
            "OTEL_EXPORTER_OTLP_INSECURE": "true",
            "OTEL_TRACES_SAMPLER": "parentbased_always_off",  # only the terminal decides
            "OTEL_BSP_SCHEDULE_DELAY": "100",
            "OTEL_SERVICE_NAME": "booth-lookup-test",
        },
    )
    trace_id = "0af7651916cd43dd8448eb211c80319c"
    try:
        with grpc.insecure_channel(address) as channel:
            stub = pb_grpc.NoticeLookupStub(channel)
            stub.CheckTraveler(pb.CheckTravelerRequest(fields=TRAVELLER_FIELDS), timeout=5)
            stub.CheckTraveler(  # sampled by the terminal: exported
                pb.CheckTravelerRequest(fields=TRAVELLER_FIELDS),
                timeout=5,
                metadata=(("traceparent", f"00-{trace_id}-b7ad6b7169203331-01"),),
            )
        deadline = time.monotonic() + 15
        while not any(t == trace_id for _, _, t in servicer.spans()):
            assert time.monotonic() < deadline, "no span reached the receiver"
            time.sleep(0.05)
    finally:
        stop(process)
    spans = servicer.spans()
    assert ("booth-lookup-test", "noticelookup.v1.NoticeLookup/CheckTraveler", trace_id) in spans
    assert {t for _, _, t in spans} == {trace_id}  # the unsampled check exported nothing


def test_nothing_exported_holds_a_name_a_document_number_or_a_birth_date(
    database: str, tmp_path: Path
) -> None:
    traces = tmp_path / "traces.jsonl"
    metrics_port = free_port()
    process, address = serve(
        database,
        {
            "NOTICE_LOOKUP_LOG_LEVEL": "debug",
            "NOTICE_LOOKUP_TELEMETRY__LOG_FORMAT": "json",
            "NOTICE_LOOKUP_TELEMETRY__TRACES_EXPORTER": "jsonl",
            "NOTICE_LOOKUP_TELEMETRY__TRACES_FILE": str(traces),
            "NOTICE_LOOKUP_TELEMETRY__SAMPLE_RATIO": "1.0",
            "NOTICE_LOOKUP_TELEMETRY__METRICS_EXPORTERS": "prometheus",
            "NOTICE_LOOKUP_TELEMETRY__PROMETHEUS_LISTEN": f"127.0.0.1:{metrics_port}",
        },
    )
    try:
        with grpc.insecure_channel(address) as channel:
            stub = pb_grpc.NoticeLookupStub(channel)
            clear = stub.CheckTraveler(pb.CheckTravelerRequest(fields=TRAVELLER_FIELDS), timeout=5)
            stub.CheckTraveler(pb.CheckTravelerRequest(fields=TRAVELLER_FIELDS), timeout=5)
            hit = stub.CheckTraveler(pb.CheckTravelerRequest(fields=RED_FIELDS), timeout=5)
            stolen = stub.CheckDocument(
                pb.CheckDocumentRequest(issuing_country="IDN", document_number="A1234567"),
                timeout=5,
            )
            stub.GetNotice(pb.GetNoticeRequest(notice_id="2024/1001"), timeout=5)
            with pytest.raises(grpc.RpcError):  # bad input, with a name in it
                stub.CheckTraveler(
                    pb.CheckTravelerRequest(
                        mrz=pb.MachineReadableZone(lines=["P<IRQAL<RASHID<<MUHAMMAD", "X"])
                    ),
                    timeout=5,
                )
        url = f"http://127.0.0.1:{metrics_port}/metrics"
        with urllib.request.urlopen(url, timeout=5) as response:
            metrics_text = response.read().decode()
    finally:
        logs = stop(process)
    assert (clear.verdict, hit.verdict, stolen.verdict) == (
        pb.VERDICT_CLEAR,
        pb.VERDICT_HIT,
        pb.VERDICT_HIT,
    )
    spans = [json.loads(line) for line in traces.read_text().splitlines()]
    # Not vacuous: every call was traced, logged and measured.
    assert sum(s["name"].endswith("/CheckTraveler") for s in spans) == 4
    check_lines = [json.loads(line) for line in logs.splitlines() if '"rpc_method"' in line]
    assert len(check_lines) == 6
    assert all("trace_id" in line for line in check_lines)
    assert "notice_lookup_rpc_latency_milliseconds_count" in metrics_text
    exported = {"spans": traces.read_text(), "logs": logs, "metrics": metrics_text}
    leaks = [
        (where, secret)
        for where, text in exported.items()
        for secret in SECRETS
        if secret.lower() in text.lower()
    ]
    assert leaks == []
