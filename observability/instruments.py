"""The spans and metrics the service emits: one place names them all.

Instrumented code uses :data:`tracer` and the instruments below through the global
OpenTelemetry API: until :func:`observability.setup.setup_telemetry` sets real
providers (and in tests that set none) they are no-ops.

Privacy: nothing here takes a name, a document number or a date of birth. Span and
metric attributes are method names, verdicts, sources, backend names, breaker states,
counts and scores; the check id (random) is the correlation key.
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Callable, Iterable
from typing import Any

from opentelemetry import metrics, trace
from opentelemetry.metrics import CallbackOptions, Observation

from observability.latency import LatencyHistogram

SCOPE = "notice-lookup"

tracer = trace.get_tracer(SCOPE)
_NO_SPAN = contextlib.nullcontext(trace.INVALID_SPAN)


def child_span(
    name: str, attributes: dict[str, Any] | None = None
) -> contextlib.AbstractContextManager[trace.Span]:
    """A span under the current one, or nothing when the current span records nothing
    (a call the sampler left out costs a context lookup here, not a span). Every span
    of the service below the RPC's own is opened this way."""
    if not trace.get_current_span().is_recording():
        return _NO_SPAN
    return tracer.start_as_current_span(name, attributes=attributes)


_meter = metrics.get_meter(SCOPE)

#: Server-side latency of each RPC for Prometheus (cheap: observability.latency),
#: labels rpc_method, status, verdict, source; registered by setup when the
#: Prometheus exporter is on.
rpc_latency = LatencyHistogram(
    "notice_lookup_rpc_latency_milliseconds",
    "Latency of each RPC as the server saw it, by method, status, verdict and source",
    ["rpc_method", "status", "verdict", "source"],
)
#: The same through the SDK, for OTLP and console exporters (recorded only then).
rpc_duration = _meter.create_histogram(
    "notice_lookup.rpc.duration",
    unit="ms",
    description="Latency of each RPC as the server saw it",
)


class Tally:
    """A counter for the hot path: a dict increment per event (a fraction of a
    microsecond), reported by an observable counter at collection time. The SDK's own
    counter cleans and hashes the attributes on every add (15-20 us on this machine),
    which on a cached check would cost more than the check."""

    def __init__(self) -> None:
        self.counts: dict[tuple[tuple[str, str], ...], int] = {}

    def add(self, key: tuple[tuple[str, str], ...], amount: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + amount

    def observe(self, _: CallbackOptions) -> Iterable[Observation]:
        return [Observation(value, dict(key)) for key, value in list(self.counts.items())]


def _tally(name: str, description: str) -> Tally:
    tally = Tally()
    _meter.create_observable_counter(name, callbacks=[tally.observe], description=description)
    return tally


#: Calls refused with RESOURCE_EXHAUSTED (too many in flight).
rpc_shed = _tally("notice_lookup.rpc.shed", "Calls refused because too many were in flight")
#: Cache lookups by tier (in-process, redis) and result (hit, miss, stale).
cache_lookups = _tally("notice_lookup.cache.lookups", "Cache lookups by tier and result")
#: Attempts on a backend by backend name and outcome (ok, failed, skipped).
backend_attempts = _tally(
    "notice_lookup.backend.attempts", "Reads tried on each backend, by outcome"
)
#: Breaker transitions by breaker name, from and to state (rare: the SDK counter).
breaker_transitions = _meter.create_counter(
    "notice_lookup.breaker.transitions", description="Circuit breaker state changes"
)
failover_retries = _tally("notice_lookup.failover.retries", "Retried passes over the backends")
failover_retries_refused = _tally(
    "notice_lookup.failover.retries_refused", "Retries the retry budget refused"
)
failover_hedges = _tally("notice_lookup.failover.hedges", "Reads also sent to a replica (hedged)")
NO_ATTRIBUTES: tuple[tuple[str, str], ...] = ()
#: Seconds from a change's commit to this process seeing it in the change feed.
feed_delay = _meter.create_histogram(
    "notice_lookup.feed.delay", unit="s", description="Change-feed delay as seen by the cache"
)

_BREAKER_STATE = {"closed": 0, "half-open": 1, "open": 2}

# Live objects the observable gauges read (weakly: tests build many).
_breakers: weakref.WeakSet[Any] = weakref.WeakSet()
_gauge_sources: list[weakref.ref[Any]] = []


def breaker_changed(name: str, old: str, new: str) -> None:
    breaker_transitions.add(1, {"breaker": name, "from": old, "to": new})


def watch_breaker(breaker: Any) -> None:
    """Report ``breaker.state`` (0 closed, 1 half-open, 2 open) under its name."""
    _breakers.add(breaker)


def watch(source: Any) -> None:
    """An object with ``gauges() -> Iterable[(name, value, attributes)]``."""
    _gauge_sources.append(weakref.ref(source))


def _breaker_states(_: CallbackOptions) -> Iterable[Observation]:
    for breaker in list(_breakers):
        yield Observation(_BREAKER_STATE.get(breaker.state, -1), {"breaker": breaker.name})


def _gauge(name: str) -> Callable[[CallbackOptions], Iterable[Observation]]:
    def read(_: CallbackOptions) -> Iterable[Observation]:
        for ref in list(_gauge_sources):
            source = ref()
            if source is None:
                _gauge_sources.remove(ref)
                continue
            for gauge, value, attributes in source.gauges():
                if gauge == name and value is not None:
                    yield Observation(value, attributes)

    return read


_meter.create_observable_gauge(
    "notice_lookup.breaker.state",
    callbacks=[_breaker_states],
    description="Circuit breaker state: 0 closed, 1 half-open, 2 open",
)
#: Gauges read from the watched sources (``watch``): name, unit, description.
_SOURCE_GAUGES = (
    ("replica.lag", "s", "How far each replica is behind the primary (WAL position)"),
    ("data.version", "", "Data version the process last saw in the change feed"),
    ("data.age", "s", "Seconds since the data the process serves was last written"),
    ("local_copy.age", "s", "Seconds since the local copy was last confirmed current"),
)
for _name, _unit, _description in _SOURCE_GAUGES:
    _meter.create_observable_gauge(
        f"notice_lookup.{_name}",
        callbacks=[_gauge(_name)],
        unit=_unit,
        description=_description,
    )
