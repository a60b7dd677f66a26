"""A server span and a latency record for every NoticeLookup RPC.

:class:`TelemetryInterceptor` wraps each NoticeLookup method (health checks and
reflection are left alone): it continues a W3C trace context that arrives in the call's
metadata (``traceparent``, ``tracestate``: a terminal's trace goes on here), opens a
SERVER span named ``noticelookup.v1.NoticeLookup/CheckTraveler`` with the semantic
conventions' ``rpc.*`` attributes, records ``notice_lookup.rpc.duration`` by method,
status, verdict and answering source, and logs one line per call at debug level.
The request is never looked at: no name or document number reaches a span, a metric
or a log line.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import grpc
from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from observability import instruments

log = logging.getLogger("notice_lookup.rpc")

_PROPAGATOR = TraceContextTextMapPropagator()
_OBSERVED_PREFIX = "/noticelookup."


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


class TelemetryInterceptor(grpc.aio.ServerInterceptor):  # type: ignore[misc]
    def __init__(self) -> None:
        self._wrapped: dict[str, grpc.RpcMethodHandler] = {}

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[grpc.RpcMethodHandler]],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler:
        method: str = handler_call_details.method
        wrapped = self._wrapped.get(method)
        if wrapped is not None:
            return wrapped
        handler = await continuation(handler_call_details)
        if (
            handler is None
            or not method.startswith(_OBSERVED_PREFIX)
            or handler.unary_unary is None
        ):
            return handler
        wrapped = grpc.unary_unary_rpc_method_handler(
            _observed(method, handler.unary_unary),
            request_deserializer=handler.request_deserializer,
            response_serializer=handler.response_serializer,
        )
        self._wrapped[method] = wrapped
        return wrapped


def _observed(
    method: str, inner: Callable[[Any, grpc.aio.ServicerContext], Awaitable[Any]]
) -> Callable[[Any, grpc.aio.ServicerContext], Awaitable[Any]]:
    service, _, name = method[1:].rpartition("/")
    span_name = method[1:]
    attributes = {"rpc.system": "grpc", "rpc.service": service, "rpc.method": name}
    tracer = instruments.tracer

    async def observed(request: Any, context: grpc.aio.ServicerContext) -> Any:
        metadata = context.invocation_metadata() or ()
        carrier = {key: value for key, value in metadata if isinstance(value, str)}
        parent = _PROPAGATOR.extract(carrier) if "traceparent" in carrier else None
        started = time.perf_counter()
        verdict = source = ""
        failed = False
        with tracer.start_as_current_span(
            span_name,
            context=parent or otel_context.Context(),
            kind=trace.SpanKind.SERVER,
            attributes=attributes,
            record_exception=False,
            set_status_on_exception=False,
        ) as span:
            try:
                response = await inner(request, context)
            except BaseException:
                failed = True
                raise
            else:
                verdict = _VERDICTS.get(getattr(response, "verdict", 0), "")
                if response.HasField("provenance"):
                    source = _SOURCES.get(response.provenance.source, "")
                if span.is_recording():
                    span.set_attribute("notice_lookup.verdict", verdict)
                    span.set_attribute("notice_lookup.source", source)
                    check_id = getattr(response, "check_id", "")
                    if check_id:
                        span.set_attribute("notice_lookup.check_id", check_id)
                return response
            finally:
                code = _code_of(context, failed)
                elapsed_ms = (time.perf_counter() - started) * 1000
                span.set_attribute("rpc.grpc.status_code", code.value[0])
                if code is not _OK:
                    span.set_status(trace.StatusCode.ERROR, code.name)
                instruments.rpc_duration.record(
                    elapsed_ms,
                    {
                        "rpc.method": name,
                        "rpc.grpc.status_code": code.name,
                        "verdict": verdict,
                        "source": source,
                    },
                )
                if log.isEnabledFor(logging.DEBUG):
                    log.debug(
                        "%s %s %s %s %.2f ms",
                        name,
                        code.name,
                        verdict or "-",
                        source or "-",
                        elapsed_ms,
                        extra={
                            "rpc_method": name,
                            "status": code.name,
                            "verdict": verdict,
                            "source": source,
                            "duration_ms": round(elapsed_ms, 3),
                        },
                    )

    return observed
