"""Providers and exporters, from settings and the standard OpenTelemetry variables.

One call, :func:`setup_telemetry`, once per process, after any fork (``serve`` calls it
before building the server): it sets the global tracer and meter providers that the
instrumented code reaches through ``opentelemetry.trace`` / ``opentelemetry.metrics``
(:mod:`observability.instruments`). Before it runs, or with every exporter off, the
API's no-op providers make instrumentation nearly free.

What operators can set, the standard variables first (they win over the settings
file, as with any instrumented service):

* ``OTEL_SERVICE_NAME``, ``OTEL_RESOURCE_ATTRIBUTES``: the resource (the SDK reads them);
* ``OTEL_TRACES_EXPORTER``: ``otlp``, ``console``, ``none`` (and ``jsonl``, ours: one
  JSON span per line to ``telemetry.traces_file``); else ``telemetry.traces_exporter``;
* ``OTEL_TRACES_SAMPLER`` / ``OTEL_TRACES_SAMPLER_ARG``: the SDK's samplers; else
  parent-based with ratio ``telemetry.sample_ratio``;
* ``OTEL_METRICS_EXPORTER``: ``otlp``, ``prometheus``, ``console``, ``none``, several
  comma-separated; else ``telemetry.metrics_exporters``;
* ``OTEL_EXPORTER_OTLP_ENDPOINT`` (and the ``_TRACES_`` / ``_METRICS_`` variants,
  headers, certificates): read by the OTLP exporters themselves;
* the Prometheus endpoint listens on ``telemetry.prometheus_listen``.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from opentelemetry import metrics, trace
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import (
    ConsoleMetricExporter,
    MetricReader,
    PeriodicExportingMetricReader,
)
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    ConsoleSpanExporter,
    SpanExporter,
    SpanExportResult,
)
from opentelemetry.sdk.trace.sampling import ALWAYS_ON, ParentBased, Sampler

from lookup_server.errors import ConfigError
from lookup_server.settings import TelemetrySettings, split_host_port
from observability import instruments
from observability.grpc_server import RpcObserver

log = logging.getLogger(__name__)

TRACE_EXPORTERS = ("none", "console", "otlp", "jsonl")
METRIC_EXPORTERS = ("none", "console", "otlp", "prometheus")


class JsonLinesSpanExporter(SpanExporter):
    """One JSON object per finished span, appended to a file: traces for the embedded
    default, readable with ``jq`` and nothing else installed."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._handle: IO[str] = path.open("a", encoding="utf-8")
        self._lock = threading.Lock()

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        lines = "".join(
            json.dumps(json.loads(s.to_json()), separators=(",", ":")) + "\n" for s in spans
        )
        with self._lock:
            self._handle.write(lines)
            self._handle.flush()
        return SpanExportResult.SUCCESS

    def shutdown(self) -> None:
        with self._lock:
            self._handle.close()


@dataclass
class Telemetry:
    tracer_provider: TracerProvider | None
    meter_provider: MeterProvider | None
    #: Where Prometheus can scrape (host, port), when that exporter is on.
    prometheus_address: tuple[str, int] | None = None
    #: The ratio of our parent-based sampler (None: a sampler from the environment).
    root_ratio: float | None = None
    #: Metric readers other than Prometheus (they need the SDK's own histogram).
    sdk_readers: int = 0
    _closers: list[Any] = field(default_factory=list)

    def observer(self) -> RpcObserver | None:
        """The RPC observer matching these providers (None: nothing to record)."""
        if self.tracer_provider is None and self.meter_provider is None:
            return None
        return RpcObserver(
            tracing=self.tracer_provider is not None,
            root_ratio=self.root_ratio,
            prometheus=self.prometheus_address is not None,
            sdk_histogram=self.sdk_readers > 0,
        )

    def shutdown(self) -> None:
        """Flush and stop the exporters (at server stop)."""
        if self.tracer_provider is not None:
            self.tracer_provider.shutdown()
        if self.meter_provider is not None:
            self.meter_provider.shutdown()
        for closer in self._closers:
            closer()


def _choice(env: str, configured: str, allowed: Sequence[str]) -> list[str]:
    raw = os.environ.get(env) or configured
    chosen = [part.strip().lower() for part in raw.split(",") if part.strip()]
    unknown = [c for c in chosen if c not in allowed]
    if unknown:
        source = env if os.environ.get(env) else "telemetry settings"
        raise ConfigError(f"{source}: unknown exporter {unknown[0]!r}; one of {', '.join(allowed)}")
    return [c for c in chosen if c != "none"]


def _sampler(settings: TelemetrySettings) -> Sampler | None:
    """None: the SDK builds the sampler from OTEL_TRACES_SAMPLER(_ARG). Otherwise
    parent-based, and new traces are sampled at ``sample_ratio`` by the server
    RPC observer, which then skips the SDK altogether for the calls it does not sample
    (the SDK's own unsampled span costs about 20 us a call); spans opened outside any
    RPC are new traces and always sampled."""
    if os.environ.get("OTEL_TRACES_SAMPLER"):
        return None
    return ParentBased(ALWAYS_ON)


def _register_once(collector: Any) -> None:
    from prometheus_client import REGISTRY  # noqa: PLC0415

    if collector not in getattr(REGISTRY, "_collector_to_names", {}):
        REGISTRY.register(collector)


def setup_telemetry(
    settings: TelemetrySettings,
    *,
    span_processors: Sequence[SpanProcessor] = (),
    metric_readers: Sequence[MetricReader] = (),
    set_global: bool = True,
) -> Telemetry:
    """Build the providers; ``span_processors`` / ``metric_readers`` are added to the
    configured ones (tests pass in-memory ones). Sets them as the global providers."""
    resource = Resource.create({"service.name": settings.service_name}).merge(
        Resource.create()  # OTEL_SERVICE_NAME / OTEL_RESOURCE_ATTRIBUTES win
    )
    telemetry = Telemetry(None, None)

    processors = list(span_processors)
    for name in _choice("OTEL_TRACES_EXPORTER", settings.traces_exporter, TRACE_EXPORTERS):
        exporter: SpanExporter
        if name == "otlp":
            from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import (  # noqa: PLC0415
                OTLPSpanExporter,
            )

            exporter = OTLPSpanExporter()
        elif name == "console":
            exporter = ConsoleSpanExporter()
        else:
            exporter = JsonLinesSpanExporter(settings.traces_file)
        processors.append(BatchSpanProcessor(exporter))
    if processors:
        sampler = _sampler(settings)
        telemetry.root_ratio = settings.sample_ratio if sampler is not None else None
        tracer_provider = TracerProvider(resource=resource, sampler=sampler)
        for processor in processors:
            tracer_provider.add_span_processor(processor)
        telemetry.tracer_provider = tracer_provider

    readers = list(metric_readers)
    telemetry.sdk_readers = len(readers)
    for name in _choice("OTEL_METRICS_EXPORTER", settings.metrics_exporters, METRIC_EXPORTERS):
        if name == "prometheus":
            from opentelemetry.exporter.prometheus import PrometheusMetricReader  # noqa: PLC0415
            from prometheus_client import start_http_server  # noqa: PLC0415

            host, port = split_host_port(settings.prometheus_listen)
            try:
                server, _thread = start_http_server(port, addr=host)
            except OSError as exc:
                raise ConfigError(
                    f"telemetry.prometheus_listen {settings.prometheus_listen}: {exc.strerror}"
                ) from exc
            telemetry.prometheus_address = (host, server.server_address[1])
            telemetry._closers.append(server.shutdown)
            readers.append(PrometheusMetricReader())
            _register_once(instruments.rpc_latency)
        elif name == "otlp":
            from opentelemetry.exporter.otlp.proto.grpc.metric_exporter import (  # noqa: PLC0415
                OTLPMetricExporter,
            )

            readers.append(PeriodicExportingMetricReader(OTLPMetricExporter()))
            telemetry.sdk_readers += 1
        else:
            readers.append(PeriodicExportingMetricReader(ConsoleMetricExporter()))
            telemetry.sdk_readers += 1
    if readers:
        telemetry.meter_provider = MeterProvider(resource=resource, metric_readers=readers)

    if set_global:
        if telemetry.tracer_provider is not None:
            trace.set_tracer_provider(telemetry.tracer_provider)
        if telemetry.meter_provider is not None:
            metrics.set_meter_provider(telemetry.meter_provider)
    return telemetry
