"""One store over several: the primary, streaming replicas, and the local copy.

:class:`FailoverStore` has the store interface, so the checker cannot tell which
backend answered except through provenance. A read goes:

1. to the primary, unless its breaker is open;
2. on failure (or an open breaker), to the replicas, freshest first: a replica whose
   measured lag is beyond ``max_replica_lag_s`` goes after those within it;
3. when no database answers, to the local copy (an SQLite file kept current from the
   change feed, :mod:`failover.local_copy`), and the answer says degraded, with the
   copy's age;
4. when nothing answers, ``StoreUnavailable`` at once, with every backend's reason
   (gRPC ``UNAVAILABLE``), never a hang.

Every attempt has a timeout (``attempt_timeout_s``, never beyond the call's deadline:
:mod:`lookup_server.deadline`), and every backend a circuit breaker
(:class:`failover.breaker.AsyncBreaker`) that opens on consecutive failures or
timeouts and lets one trial call through after ``breaker_reset_s``; a caller's own
cancellation is never counted against a backend. When a whole pass over the backends
fails with transient errors, tenacity retries the pass with full-jitter backoff,
inside the deadline and within a retry budget (retries earn ``retry_budget_ratio``
per first attempt, so retries cannot multiply load during an outage).

Writes (loads) go to the primary only: they must not land on a replica or the copy.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import dataclasses
import datetime as dt
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from opentelemetry import trace
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    stop_after_attempt,
    stop_before_delay,
    wait_random_exponential,
)

from failover.breaker import AsyncBreaker, StateListener
from failover.local_copy import LocalCopy
from lookup_server import deadline
from lookup_server.errors import StoreError, StoreTimeout, StoreUnavailable
from lookup_server.model import DataState, Provenance, Source
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
from lookup_server.store.postgres import PostgresStore
from observability import instruments

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class FailoverPolicy:
    #: One attempt on one backend takes at most this long (and never beyond the call).
    attempt_timeout_s: float = 0.5
    #: Budget of a read made outside any call (the change follower, the CLI).
    default_budget_s: float = 2.0
    breaker_fail_max: int = 3
    breaker_reset_s: float = 2.0
    #: Passes over the backends per read (1: no retry).
    retry_attempts: int = 3
    retry_backoff_s: float = 0.02
    retry_backoff_max_s: float = 0.25
    #: Retry tokens earned per first attempt; a retry spends one.
    retry_budget_ratio: float = 0.2
    #: Tokens held at most (and at start): a burst of retries the budget allows.
    retry_budget_max: float = 20.0
    #: A replica this far behind the primary goes after the fresher ones.
    max_replica_lag_s: float = 5.0
    #: Seconds between lag measurements.
    lag_interval_s: float = 1.0
    #: Hedged reads: when the primary has not answered within its recent p95 (at
    #: least ``hedge_min_s``), the same read goes to a replica; the first answer wins.
    hedge: bool = False
    hedge_min_s: float = 0.005


class RetryBudget:
    """Token bucket: every first attempt earns ``ratio`` tokens, a retry spends one."""

    def __init__(self, ratio: float, maximum: float) -> None:
        self.ratio = ratio
        self.maximum = maximum
        self.tokens = maximum
        self.spent = 0
        self.refused = 0

    def earn(self) -> None:
        self.tokens = min(self.maximum, self.tokens + self.ratio)

    def spend(self) -> bool:
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            self.spent += 1
            return True
        self.refused += 1
        return False


@dataclass(eq=False)
class Backend:
    """A store with its breaker and, for replicas, its measured lag."""

    store: Store
    role: Source
    breaker: AsyncBreaker
    lag_s: float | None = None
    lag_bytes: int | None = None
    answered: int = 0
    failed: int = 0
    #: Latencies of recent successful attempts (seconds), for the hedging delay.
    recent: collections.deque[float] = field(
        default_factory=lambda: collections.deque(maxlen=256), repr=False
    )
    _p95: float | None = field(default=None, repr=False)
    _since_p95: int = field(default=0, repr=False)

    def observe(self, seconds: float) -> None:
        self.recent.append(seconds)
        self._since_p95 += 1

    def p95(self) -> float | None:
        """p95 of the recent attempts (recomputed every 32 new ones); None below 20."""
        if len(self.recent) < 20:
            return None
        if self._p95 is None or self._since_p95 >= 32:
            ordered = sorted(self.recent)
            self._p95 = ordered[int(0.95 * (len(ordered) - 1))]
            self._since_p95 = 0
        return self._p95

    @property
    def name(self) -> str:
        return self.store.name

    def count(self, outcome: str) -> None:
        instruments.backend_attempts.add((("backend", self.name), ("outcome", outcome)))

    @property
    def db_system(self) -> str:
        return "postgresql" if isinstance(self.store, PostgresStore) else "sqlite"


class _Skipped(Exception):
    """A backend not tried (breaker open, copy empty, no time left)."""

    def __init__(self, *reasons: str, deadline: bool = False, hedged: bool = False) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = list(reasons)
        self.deadline = deadline
        #: Raised by a hedged read that also tried the replica.
        self.hedged = hedged


class _Failed(Exception):
    """A backend tried and failed (counted against its breaker)."""

    def __init__(self, *reasons: str, transient: bool, hedged: bool = False) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = list(reasons)
        self.transient = transient
        self.hedged = hedged


class AllBackendsFailed(StoreUnavailable):
    """No backend answered; the message gives each one's reason."""

    #: Every backend failed in a way worth retrying (not, e.g., a query error).
    all_transient = True

    @classmethod
    def of(cls, reasons: Sequence[str], *, transient: bool) -> AllBackendsFailed:
        failure = cls("failover", "no backend answered: " + "; ".join(reasons))
        failure.all_transient = transient
        return failure


class FailoverStore(Store):
    name = "failover"
    source = Source.PRIMARY

    def __init__(
        self,
        primary: Store,
        replicas: Sequence[Store] = (),
        local_copy: LocalCopy | None = None,
        *,
        policy: FailoverPolicy | None = None,
        listeners: Iterable[StateListener] = (),
    ) -> None:
        self.policy = policy or FailoverPolicy()
        p = self.policy

        def backend(store: Store, role: Source) -> Backend:
            breaker = AsyncBreaker(
                store.name,
                fail_max=p.breaker_fail_max,
                reset_timeout=p.breaker_reset_s,
                listeners=listeners,
            )
            return Backend(store, role, breaker)

        self.primary = backend(primary, Source.PRIMARY)
        self.replicas = [backend(r, Source.REPLICA) for r in replicas]
        self.local_copy = local_copy
        self.copy_backend = (
            backend(local_copy.store, Source.LOCAL_COPY) if local_copy is not None else None
        )
        self.retry_budget = RetryBudget(p.retry_budget_ratio, p.retry_budget_max)
        #: Reads that went to a replica as well because the primary was slow.
        self.hedges = 0
        self._losers: set[asyncio.Task[Any]] = set()
        instruments.watch(self)
        self._tasks: list[asyncio.Task[None]] = []

    def gauges(self) -> list[tuple[str, float | None, dict[str, str]]]:
        """For the metrics (observability.instruments.watch)."""
        out: list[tuple[str, float | None, dict[str, str]]] = [
            ("replica.lag", r.lag_s, {"backend": r.name}) for r in self.replicas
        ]
        if self.local_copy is not None:
            out.append(("local_copy.age", self.local_copy.age_s(), {}))
        return out

    @property
    def databases(self) -> list[Backend]:
        return [self.primary, *self.replicas]

    @property
    def backends(self) -> list[Backend]:
        return [*self.databases, *([self.copy_backend] if self.copy_backend else [])]

    async def start(self) -> None:
        """Start measuring replica lag and keeping the local copy current."""
        if self.replicas:
            self._tasks.append(asyncio.create_task(self._measure_lag(), name="replica-lag"))
        if self.local_copy is not None:
            self._tasks.append(
                asyncio.create_task(
                    self.local_copy.follow(self._copy_sources), name="local-copy-sync"
                )
            )

    # ------------------------------------------------------------ routing

    def route(self) -> list[Backend]:
        """The order in which a read tries the backends now."""
        bound = self.policy.max_replica_lag_s

        def freshness(replica: Backend) -> tuple[int, float]:
            if replica.lag_s is None:
                return (1, 0.0)  # unknown (primary down, or not measured yet)
            return (0 if replica.lag_s <= bound else 2, replica.lag_s)

        order = [self.primary, *sorted(self.replicas, key=freshness)]
        if self.copy_backend is not None:
            order.append(self.copy_backend)
        return order

    def serving(self) -> bool:
        """Whether some path can answer now (health: SERVING / NOT_SERVING)."""
        if self.local_copy is not None and self.local_copy.ready:
            return True
        # An open breaker whose reset time has passed counts: its next call is a trial
        # (else, with load balancers sending nothing to a NOT_SERVING server, no call
        # would ever find out that the database is back).
        return any(b.breaker.would_allow() for b in self.databases)

    async def _read(
        self,
        call: Callable[[Store], Awaitable[T]],
        *,
        databases_only: bool = False,
    ) -> tuple[Backend, T]:
        loop = asyncio.get_running_loop()
        budget = deadline.remaining(self.policy.default_budget_s)
        end = loop.time() + budget
        self.retry_budget.earn()

        def worth_retrying(state: RetryCallState) -> bool:
            outcome = state.outcome
            if outcome is None or not outcome.failed:
                return False
            exc = outcome.exception()
            if not (isinstance(exc, AllBackendsFailed) and exc.all_transient):
                return False
            if loop.time() >= end:
                return False
            if not self.retry_budget.spend():
                instruments.failover_retries_refused.add(instruments.NO_ATTRIBUTES)
                return False
            return True

        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.policy.retry_attempts) | stop_before_delay(budget),
            wait=wait_random_exponential(
                multiplier=self.policy.retry_backoff_s, max=self.policy.retry_backoff_max_s
            ),
            retry=worth_retrying,
            reraise=True,
        )
        async for attempt in retrying:
            with attempt:
                number = attempt.retry_state.attempt_number
                if number > 1:
                    instruments.failover_retries.add(instruments.NO_ATTRIBUTES)
                return await self._pass(call, end, databases_only=databases_only, number=number)
        raise AssertionError("unreachable: tenacity reraises")  # pragma: no cover

    async def _pass(
        self,
        call: Callable[[Store], Awaitable[T]],
        end: float,
        *,
        databases_only: bool,
        number: int = 1,
    ) -> tuple[Backend, T]:
        order = self.databases if databases_only else self.route()
        reasons: list[str] = []
        attempted = False
        transient = True
        tried: set[int] = set()
        for n, backend in enumerate(order):
            if id(backend) in tried:
                continue
            partner = None
            if self.policy.hedge and backend is self.primary:
                partner = next((b for b in order[n + 1 :] if b.role is Source.REPLICA), None)
            try:
                if partner is not None:
                    return await self._hedged(backend, partner, call, end, number)
                return backend, await self._attempt(backend, call, end, number)
            except (_Skipped, _Failed) as outcome:
                if partner is not None and outcome.hedged:
                    tried.add(id(partner))  # the hedge already tried it
                if isinstance(outcome, _Skipped):
                    reasons.extend(outcome.reasons)
                    if outcome.deadline:
                        break
                    continue
                attempted = True
                reasons.extend(outcome.reasons)
                transient = transient and outcome.transient
        # Nothing attempted (every breaker open, the copy empty): a retry cannot help.
        raise AllBackendsFailed.of(reasons, transient=transient and attempted)

    async def _attempt(
        self,
        backend: Backend,
        call: Callable[[Store], Awaitable[T]],
        end: float,
        number: int = 1,
        *,
        hedge: bool = False,
    ) -> T:
        """One call on one backend, under its breaker and a timeout, in a span of its
        own; raises _Skipped (not tried) or _Failed (tried, failed, counted against
        its breaker)."""
        with instruments.child_span(
            "store.attempt",
            attributes={
                "db.system": backend.db_system,
                "notice_lookup.backend": backend.name,
                "notice_lookup.backend.role": backend.role.value,
                "notice_lookup.breaker.state": backend.breaker.state,
                "notice_lookup.attempt": number,
                "notice_lookup.hedge": hedge,
            },
        ) as span:
            try:
                result = await self._attempt_in_span(backend, call, end)
            except _Skipped:
                span.set_attribute("notice_lookup.outcome", "skipped")
                instruments.backend_attempts.add(
                    (("backend", backend.name), ("outcome", "skipped"))
                )
                raise
            except _Failed as failed:
                span.set_attribute("notice_lookup.outcome", "failed")
                span.set_status(trace.StatusCode.ERROR, "; ".join(failed.reasons))
                backend.count("failed")
                raise
            except BaseException:
                span.set_attribute("notice_lookup.outcome", "cancelled")
                raise
            span.set_attribute("notice_lookup.outcome", "ok")
            backend.count("ok")
            return result

    async def _attempt_in_span(
        self, backend: Backend, call: Callable[[Store], Awaitable[T]], end: float
    ) -> T:
        if backend.role is Source.LOCAL_COPY and (
            self.local_copy is None or not self.local_copy.ready
        ):
            raise _Skipped(f"{backend.name}: not synced yet")
        loop = asyncio.get_running_loop()
        left = end - loop.time()
        if left <= 0:
            raise _Skipped("deadline reached", deadline=True)
        breaker = backend.breaker
        if not breaker.allow():
            raise _Skipped(f"{backend.name}: breaker open")
        trial = breaker.trial_running
        started = loop.time()
        try:
            async with asyncio.timeout(min(self.policy.attempt_timeout_s, left)):
                result = await call(backend.store)
        except (StoreError, TimeoutError) as exc:
            failure = (
                StoreTimeout(backend.name, "no answer in time")
                if isinstance(exc, TimeoutError)
                else exc
            )
            breaker.record_failure(failure)
            backend.failed += 1
            log.warning("failover: %s", failure)
            if isinstance(failure, StoreUnavailable) and isinstance(backend.store, PostgresStore):
                await backend.store.expire_connections()  # its pooled ones are dead
            raise _Failed(str(failure), transient=getattr(failure, "transient", False)) from exc
        except BaseException:
            if trial:
                breaker.release_trial()  # the caller gave up: no verdict on the backend
            raise
        breaker.record_success()
        backend.answered += 1
        backend.observe(loop.time() - started)
        return result

    async def _hedged(
        self,
        primary: Backend,
        replica: Backend,
        call: Callable[[Store], Awaitable[T]],
        end: float,
        number: int = 1,
    ) -> tuple[Backend, T]:
        """The primary, and the replica too if the primary is slower than its recent
        p95: the first answer wins, the other attempt is cancelled (a cancelled
        attempt counts against no breaker)."""
        attempts: dict[asyncio.Task[T], Backend] = {
            asyncio.ensure_future(self._attempt(primary, call, end, number)): primary
        }
        loop = asyncio.get_running_loop()
        delay = max(self.policy.hedge_min_s, primary.p95() or self.policy.attempt_timeout_s)
        reasons: list[str] = []
        transient = True
        tried = False
        try:
            done, _ = await asyncio.wait(attempts, timeout=min(delay, end - loop.time()))
            if not done:
                self.hedges += 1
                instruments.failover_hedges.add(instruments.NO_ATTRIBUTES)
                second = self._attempt(replica, call, end, number, hedge=True)
                attempts[asyncio.ensure_future(second)] = replica
            pending = set(attempts)
            while pending:
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    failure = task.exception()
                    if failure is None:
                        return attempts[task], task.result()
                    if isinstance(failure, _Failed):
                        tried = True
                        transient = transient and failure.transient
                    if isinstance(failure, _Skipped | _Failed):
                        reasons.extend(failure.reasons)
                    else:
                        raise failure
            hedged = len(attempts) > 1
            if not tried:
                raise _Skipped(*reasons, hedged=hedged)
            raise _Failed(*reasons, transient=transient, hedged=hedged)
        finally:
            # Losers are cancelled, not awaited: a cancelled asyncpg query on a hung
            # server can take until its own timeout to wind down.
            for task in attempts:
                if not task.done():
                    task.cancel()
                    self._losers.add(task)
                    task.add_done_callback(self._loser_done)

    def _loser_done(self, task: asyncio.Task[Any]) -> None:
        self._losers.discard(task)
        if not task.cancelled():
            task.exception()  # retrieved: a loser's failure is not news

    def _provenance(self, backend: Backend, provenance: Provenance) -> Provenance:
        if backend.role is Source.REPLICA:
            return dataclasses.replace(provenance, replica_lag_s=backend.lag_s)
        if backend.role is Source.LOCAL_COPY and self.local_copy is not None:
            copy = self.local_copy
            age = copy.age_s()
            return dataclasses.replace(
                provenance,
                state=copy.synced_state,
                degraded=True,
                degraded_reason=(
                    "no database answered; local copy "
                    + (f"last confirmed current {age:.0f} s ago" if age is not None else "")
                ),
            )
        return provenance

    # ------------------------------------------------------------ reads

    async def lookup(self, request: LookupRequest) -> LookupResult:
        backend, result = await self._read(lambda s: s.lookup(request))
        if backend.role is Source.PRIMARY:
            return result
        provenance = self._provenance(backend, result.provenance)
        return dataclasses.replace(result, state=provenance.state, provenance=provenance)

    async def get_notice(self, notice_id: str) -> NoticeRead:
        backend, read = await self._read(lambda s: s.get_notice(notice_id))
        if backend.role is Source.PRIMARY:
            return read
        return dataclasses.replace(read, provenance=self._provenance(backend, read.provenance))

    async def state(self) -> DataState:
        # Databases only: the local copy numbers its own versions.
        _, state = await self._read(lambda s: s.state(), databases_only=True)
        return state

    async def changes_since(self, version: int, limit: int = 1000) -> list[Change]:
        _, changes = await self._read(
            lambda s: s.changes_since(version, limit), databases_only=True
        )
        return changes

    async def wait_for_change(self, max_wait_s: float) -> None:
        await self.primary.store.wait_for_change(max_wait_s)

    async def key_scheme(self) -> str | None:
        _, scheme = await self._read(lambda s: s.key_scheme(), databases_only=True)
        return scheme

    # ------------------------------------------------------------ writes: primary only

    async def load_documents(self, rows: Iterable[Any]) -> LoadReport:
        return await self.primary.store.load_documents(rows)

    async def load_notices(
        self,
        rows: Iterable[StoredNotice],
        *,
        key_scheme: str,
        snapshot_source: str | None = None,
    ) -> LoadReport:
        return await self.primary.store.load_notices(
            rows, key_scheme=key_scheme, snapshot_source=snapshot_source
        )

    async def rekey_notices(self, keys_of: KeyFunction, key_scheme: str) -> int:
        return await self.primary.store.rekey_notices(keys_of, key_scheme)

    # ------------------------------------------------------------ background

    def _copy_sources(self) -> list[Store]:
        """The databases the local copy may follow now, in routing order."""
        return [b.store for b in self.route() if b.role is not Source.LOCAL_COPY]

    async def _measure_lag(self) -> None:
        while True:
            with contextlib.suppress(Exception):
                await self.measure_lag()
            await asyncio.sleep(self.policy.lag_interval_s)

    async def measure_lag(self) -> None:
        """Measure every replica's lag behind the primary, by WAL position (LSN)."""
        primary_lsn: int | None = None
        timeout = self.policy.attempt_timeout_s
        if isinstance(self.primary.store, PostgresStore) and self.primary.breaker.state != "open":
            try:
                async with asyncio.timeout(timeout):
                    primary_lsn = (await self.primary.store.replication_position()).lsn
            except (StoreError, TimeoutError):
                primary_lsn = None
        now = dt.datetime.now(dt.UTC)
        for replica in self.replicas:
            store = replica.store
            if not isinstance(store, PostgresStore):
                continue
            try:
                async with asyncio.timeout(timeout):
                    position = await store.replication_position()
            except (StoreError, TimeoutError):
                continue  # unreachable now: its breaker decides about it
            if primary_lsn is None or position.lsn is None:
                continue  # nothing to compare with: the last measurement stands
            behind = max(0, primary_lsn - position.lsn)
            replica.lag_bytes = behind
            if behind == 0:
                replica.lag_s = 0.0
            elif position.replayed_at is not None:
                replica.lag_s = max(0.0, (now - position.replayed_at).total_seconds())
            else:
                replica.lag_s = None

    async def close(self) -> None:
        for task in [*self._tasks, *self._losers]:
            task.cancel()
        await asyncio.gather(*self._tasks, *self._losers, return_exceptions=True)
        self._tasks.clear()
        for backend in self.backends:
            with contextlib.suppress(Exception):
                await backend.store.close()
