"""The NoticeLookup servicer: protobuf in, domain call, protobuf out.

Thin by design. What every call shares (admission under a bounded number of calls in
flight, the deadline budget, mapping domain errors to status codes) lives in
:class:`CallGuard`; the checks live in :mod:`lookup_server.checker`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

import grpc

from cache.checker import CachedChecker
from lookup_server import deadline, errors
from lookup_server.api import convert
from lookup_server.api.cached_answers import CachedAnswers, EncodedAnswer, serialize_response
from lookup_server.api.status import to_status
from lookup_server.checker import Checks
from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.generated.noticelookup.v1 import lookup_pb2_grpc as pb_grpc
from observability import instruments
from observability.grpc_server import RpcObserver

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class CallLimits:
    #: Calls admitted at once; more are refused with RESOURCE_EXHAUSTED, not queued.
    max_in_flight: int = 256
    #: Budget when the caller set no deadline.
    default_deadline_s: float = 2.0
    #: Upper bound on any call's budget, whatever the caller asked.
    max_deadline_s: float = 10.0


class CallGuard:
    """Admission, deadline and error mapping shared by every RPC."""

    def __init__(self, limits: CallLimits, observer: RpcObserver | None = None) -> None:
        self.limits = limits
        self.observer = observer
        self.in_flight = 0
        self.shed = 0

    def budget(self, context: grpc.aio.ServicerContext) -> float:
        remaining = context.time_remaining()
        if remaining is None:
            return self.limits.default_deadline_s
        return max(0.0, min(float(remaining), self.limits.max_deadline_s))

    def run(
        self,
        context: grpc.aio.ServicerContext,
        call: Callable[[], Awaitable[T]],
        method: str = "",
        *,
        timed: bool = True,
    ) -> Awaitable[T]:
        """Run ``call`` under the guard (and the RPC observer, when there is one).

        The call's budget is set for the layers below (:mod:`lookup_server.deadline`).
        ``timed``: the guard times the whole call out at that budget; a call that times
        only its own slow part (``async with deadline.bounded()``) passes False."""
        if self.observer is not None:
            observed: Awaitable[T] = self.observer.observe(
                method, context, lambda: self._guarded(context, call, timed)
            )
            return observed
        # The guarded coroutine itself, not one awaiting it: a layer less for every
        # call to pass through each time it waits and resumes.
        return self._guarded(context, call, timed)

    async def _guarded(
        self, context: grpc.aio.ServicerContext, call: Callable[[], Awaitable[T]], timed: bool
    ) -> T:
        if self.in_flight >= self.limits.max_in_flight:
            self.shed += 1
            instruments.rpc_shed.add(instruments.NO_ATTRIBUTES)
            await context.abort_with_status(
                to_status(
                    errors.Overloaded(f"{self.in_flight} calls in flight; retry on another server")
                )
            )
        self.in_flight += 1
        failure: errors.NoticeLookupError
        budget = self.budget(context)
        try:
            with deadline.within(budget):
                if not timed:
                    return await call()
                async with asyncio.timeout(budget):
                    return await call()
        except TimeoutError:
            failure = errors.DeadlineExceeded("deadline exceeded before an answer was ready")
        except errors.NoticeLookupError as exc:
            failure = exc
            if isinstance(exc, errors.StoreError):
                log.warning("store error: %s", exc)
        finally:
            self.in_flight -= 1
        await context.abort_with_status(to_status(failure))
        raise AssertionError("abort_with_status returned")  # pragma: no cover


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class NoticeLookupService(pb_grpc.NoticeLookupServicer):
    """The servicer. CheckTraveler and CheckDocument take their requests as bytes (see
    :func:`add_to_server`): the parsed query is remembered per request bytes, and a
    cached all-clear is answered with bytes encoded once per traveller or document
    (:mod:`lookup_server.api.cached_answers`)."""

    def __init__(
        self, checker: Checks, guard: CallGuard, clock: Callable[[], dt.datetime] = _now
    ) -> None:
        self.checker = checker
        self.guard = guard
        self.clock = clock
        self._answers = CachedAnswers(checker) if isinstance(checker, CachedChecker) else None

    async def CheckTraveler(  # type: ignore[override]  # bytes in, see add_to_server
        self, request: bytes, context: grpc.aio.ServicerContext
    ) -> pb.CheckTravelerResponse | EncodedAnswer:
        # Timed in its slow part only: a cached answer needs no timer (an in-process
        # hit never waits, a Redis read has its own timeout), and arming one cost a
        # cached check about 5% of its CPU.
        async def call() -> pb.CheckTravelerResponse | EncodedAnswer:
            now = self.clock()
            query = convert.traveller_query_from_wire(request, today=now.date())
            answers = self._answers
            if answers is not None:
                hit = await answers.checker.lookup(query)
                if hit is not None:
                    return answers.encode(query, hit, self.clock())
                async with deadline.bounded():
                    result = await answers.checker.compute(query)
            else:
                async with deadline.bounded():
                    result = await self.checker.check_traveller(query)
            return convert.check_traveler_response(result, self.clock())

        return await self.guard.run(context, call, "CheckTraveler", timed=False)

    async def CheckDocument(  # type: ignore[override]  # bytes in, see add_to_server
        self, request: bytes, context: grpc.aio.ServicerContext
    ) -> pb.CheckDocumentResponse | EncodedAnswer:
        # As CheckTraveler: the request remembered by its bytes, a cached all-clear
        # answered with bytes encoded once, and only the slow part timed.
        async def call() -> pb.CheckDocumentResponse | EncodedAnswer:
            query = convert.document_query_from_wire(request)
            answers = self._answers
            if answers is not None:
                hit = await answers.checker.lookup(query)
                if hit is not None:
                    return answers.encode_document(query, hit, self.clock())
                async with deadline.bounded():
                    result = await answers.checker.compute(query)
            else:  # (a document check is a traveller check without a name)
                async with deadline.bounded():
                    result = await self.checker.check_traveller(query)
            return convert.check_document_response(result, self.clock())

        return await self.guard.run(context, call, "CheckDocument", timed=False)

    async def GetNotice(
        self, request: pb.GetNoticeRequest, context: grpc.aio.ServicerContext
    ) -> pb.GetNoticeResponse:
        async def call() -> pb.GetNoticeResponse:
            answer = await self.checker.get_notice(convert.notice_id(request))
            return convert.get_notice_response(answer, self.clock())

        return await self.guard.run(context, call, "GetNotice")


def add_to_server(service: NoticeLookupService, server: grpc.aio.Server) -> None:
    """Register ``service`` as the generated ``add_NoticeLookupServicer_to_server`` does,
    except that CheckTraveler and CheckDocument get their requests as bytes (parsed by
    the service, which remembers parsed requests) and may answer with already encoded
    bytes."""
    handlers = {
        "CheckTraveler": grpc.unary_unary_rpc_method_handler(
            service.CheckTraveler,
            request_deserializer=None,
            response_serializer=serialize_response,
        ),
        "CheckDocument": grpc.unary_unary_rpc_method_handler(
            service.CheckDocument,
            request_deserializer=None,
            response_serializer=serialize_response,
        ),
        "GetNotice": grpc.unary_unary_rpc_method_handler(
            service.GetNotice,
            request_deserializer=pb.GetNoticeRequest.FromString,
            response_serializer=pb.GetNoticeResponse.SerializeToString,
        ),
    }
    generated = pb.DESCRIPTOR.services_by_name["NoticeLookup"]
    missing = {m.name for m in generated.methods} - handlers.keys()
    if missing:  # a method added to the .proto must be registered here too
        raise RuntimeError(f"NoticeLookup methods not registered: {sorted(missing)}")
    server.add_generic_rpc_handlers(
        (grpc.method_handlers_generic_handler(generated.full_name, handlers),)
    )
    server.add_registered_method_handlers(generated.full_name, handlers)
