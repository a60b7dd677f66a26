"""A server span and a latency record for every NoticeLookup RPC.

:class:`RpcObserver` wraps each NoticeLookup call (health checks and reflection are
not NoticeLookup calls, so they are left alone). It continues a W3C trace context
that arrives in the call's metadata (``traceparent``, ``tracestate``: a terminal's
trace goes on here), opens a SERVER span named
``noticelookup.v1.NoticeLookup/CheckTraveler`` with the semantic conventions'
``rpc.*`` attributes, records the call's latency by method, status, verdict and
answering source, and logs one line per call at debug level. The request is never
looked at: no name or document number reaches a span, a metric or a log line.
"""

from __future__ import annotations

import contextlib
import logging
import random
import time
from collections.abc import Awaitable, Callable
from typing import Any

import grpc
from google.protobuf.message import Message
from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from observability import instruments

log = logging.getLogger("notice_lookup.rpc")

_PROPAGATOR = TraceContextTextMapPropagator()
_NOT_SAMPLED = contextlib.nullcontext(trace.INVALID_SPAN)
SERVICE = pb.DESCRIPTOR.services_by_name["NoticeLookup"].full_name


def _names(enum: str, prefix: str) -> dict[int, str]:
    values = pb.DESCRIPTOR.enum_types_by_name[enum].values
    return {v.number: v.name.removeprefix(prefix) for v in values}


_VERDICTS = _names("Verdict", "VERDICT_")
_SOURCES = _names("Source", "SOURCE_")
_OK = grpc.StatusCode.OK


def _code_of(context: grpc.aio.ServicerContext, failed: bool) -> grpc.StatusCode:
    code = context.code()
    if isinstance(code, grpc.StatusCode):
        return code
    if isinstance(code, int):
        for status in grpc.StatusCode:
            if status.value[0] == code:
                return status
    return grpc.StatusCode.UNKNOWN if failed else _OK


class RpcObserver:
    """``tracing``: open spans at all (a tracer provider is set). ``root_ratio``: the
    ratio of the parent-based sampler in use, which lets a call without an incoming
    trace context skip the SDK when it is not sampled (None: always ask the SDK, as
    with a sampler from OTEL_TRACES_SAMPLER). ``prometheus``: record the cheap latency
    histogram; ``sdk_histogram``: the SDK's too (for OTLP and console readers).

    Called by the servicer's :class:`~lookup_server.api.service.CallGuard` around each
    NoticeLookup call, not as a grpc interceptor: an interceptor adds grpc's
    interception machinery and a coroutine layer to every call, which measured about
    half of telemetry's cost on a cached check."""

    def __init__(
        self,
        *,
        tracing: bool = True,
        root_ratio: float | None = None,
        prometheus: bool = True,
        sdk_histogram: bool = True,
    ) -> None:
        self.tracing = tracing
        self.root_ratio = root_ratio
        self.prometheus = prometheus
        self.sdk_histogram = sdk_histogram
        self._attributes: dict[str, dict[str, str]] = {}

    async def observe(
        self, method: str, context: grpc.aio.ServicerContext, call: Callable[[], Awaitable[Any]]
    ) -> Any:
        started = time.perf_counter()
        verdict = source = ""
        failed = False
        scope = self._span(method, context) if self.tracing else _NOT_SAMPLED
        with scope as span:
            try:
                response = await call()
            except BaseException:
                failed = True
                raise
            else:
                verdict, source, check_id = _summary(response)
                if span.is_recording():
                    span.set_attribute("notice_lookup.verdict", verdict)
                    span.set_attribute("notice_lookup.source", source)
                    if check_id:
                        span.set_attribute("notice_lookup.check_id", check_id)
                return response
            finally:
                self._record(
                    method,
                    context,
                    span,
                    started=started,
                    failed=failed,
                    verdict=verdict,
                    source=source,
                )

    def _span(
        self, method: str, context: grpc.aio.ServicerContext
    ) -> contextlib.AbstractContextManager[trace.Span]:
        carrier = {
            key: value
            for key, value in context.invocation_metadata() or ()
            if key in ("traceparent", "tracestate") and isinstance(value, str)
        }
        if carrier or self.root_ratio is None or random.random() < self.root_ratio:
            attributes = self._attributes.get(method)
            if attributes is None:
                attributes = {"rpc.system": "grpc", "rpc.service": SERVICE, "rpc.method": method}
                self._attributes[method] = attributes
            return instruments.tracer.start_as_current_span(
                f"{SERVICE}/{method}",
                context=_PROPAGATOR.extract(carrier) if carrier else otel_context.Context(),
                kind=trace.SpanKind.SERVER,
                attributes=attributes,
                record_exception=False,
                set_status_on_exception=False,
            )
        return _NOT_SAMPLED  # no SDK work, and no child spans (instruments.child_span)

    def _record(
        self,
        method: str,
        context: grpc.aio.ServicerContext,
        span: trace.Span,
        *,
        started: float,
        failed: bool,
        verdict: str,
        source: str,
    ) -> None:
        code = _code_of(context, failed)
        elapsed_ms = (time.perf_counter() - started) * 1000
        if span.is_recording():
            span.set_attribute("rpc.grpc.status_code", code.value[0])
            if code is not _OK:
                span.set_status(trace.StatusCode.ERROR, code.name)
        if self.prometheus:
            instruments.rpc_latency.observe((method, code.name, verdict, source), elapsed_ms)
        if self.sdk_histogram:
            instruments.rpc_duration.record(
                elapsed_ms,
                {
                    "rpc.method": method,
                    "rpc.grpc.status_code": code.name,
                    "verdict": verdict,
                    "source": source,
                },
            )
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                "%s %s %s %s %.2f ms",
                method,
                code.name,
                verdict or "-",
                source or "-",
                elapsed_ms,
                extra={
                    "rpc_method": method,
                    "status": code.name,
                    "verdict": verdict,
                    "source": source,
                    "duration_ms": round(elapsed_ms, 3),
                },
            )


def _summary(response: Any) -> tuple[str, str, str]:
    """Verdict, source and check id of a response: a message, or an answer the service
    encoded ahead (lookup_server.api.cached_answers.EncodedAnswer)."""
    if isinstance(response, Message):
        message: Any = response
        source = ""
        if message.HasField("provenance"):
            source = _SOURCES.get(message.provenance.source, "")
        verdict = _VERDICTS.get(getattr(message, "verdict", 0), "")
        return verdict, source, getattr(message, "check_id", "")
    return _VERDICTS.get(response.verdict, ""), _SOURCES.get(response.source, ""), response.check_id
