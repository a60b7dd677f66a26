"""A circuit breaker for asyncio code, on pybreaker's state machine.

pybreaker's ``call_async`` needs Tornado, and its decorator on an ``async def`` only
times the creation of the coroutine, so it never trips. :class:`AsyncBreaker` keeps
pybreaker's states, counters and listeners and drives them from around an awaited
call::

    async with breaker.calling():
        await redis.get(key)

* closed: calls pass; ``fail_max`` consecutive failures open the breaker;
* open: calls are refused at once with :class:`BreakerOpen` for ``reset_timeout``
  seconds;
* half-open: ONE trial call passes (others are refused meanwhile); its success closes
  the breaker, its failure opens it again.

A failure is an ``Exception`` raised inside the block (a timeout of the backend
included). A caller's cancellation, which is how asyncio delivers the caller's own
deadline, is not the backend's fault and is not counted; neither are exceptions listed
in ``exclude`` (a bad request, say).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator, Callable, Iterable

import pybreaker

from observability import instruments

log = logging.getLogger(__name__)

#: Called on every state change with (breaker name, old state, new state); states are
#: pybreaker's names: "closed", "open", "half-open".
StateListener = Callable[[str, str, str], None]


class BreakerOpen(Exception):
    """The breaker refused the call without trying the backend."""

    def __init__(self, name: str) -> None:
        super().__init__(f"circuit breaker {name!r} is open")
        self.name = name


class _Relay(pybreaker.CircuitBreakerListener):
    def __init__(self, owner: AsyncBreaker) -> None:
        self._owner = owner

    def state_change(
        self,
        cb: pybreaker.CircuitBreaker,
        old_state: pybreaker.CircuitBreakerState | None,
        new_state: pybreaker.CircuitBreakerState,
    ) -> None:
        old = old_state.name if old_state is not None else "none"
        self._owner._changed(old, new_state.name)


def _record_failure(exc: BaseException) -> None:
    raise exc


def _record_success() -> None:
    return None


class AsyncBreaker:
    def __init__(
        self,
        name: str,
        *,
        fail_max: int = 3,
        reset_timeout: float = 2.0,
        exclude: Iterable[type[BaseException]] = (),
        listeners: Iterable[StateListener] = (),
    ) -> None:
        self.name = name
        self._exclude = tuple(exclude)
        self._listeners: list[StateListener] = list(listeners)
        self._trial_running = False
        self._cb = pybreaker.CircuitBreaker(
            fail_max=fail_max,
            reset_timeout=reset_timeout,
            name=name,
            listeners=[_Relay(self)],
        )
        instruments.watch_breaker(self)

    # ------------------------------------------------------------------ state

    @property
    def state(self) -> str:
        """ "closed", "open" or "half-open"."""
        return str(self._cb.current_state)

    @property
    def failures(self) -> int:
        return int(self._cb.fail_counter)

    def add_listener(self, listener: StateListener) -> None:
        self._listeners.append(listener)

    def _changed(self, old: str, new: str) -> None:
        level = logging.WARNING if new == pybreaker.STATE_OPEN else logging.INFO
        log.log(level, "breaker %s: %s -> %s", self.name, old, new)
        instruments.breaker_changed(self.name, old, new)
        for listener in self._listeners:
            try:
                listener(self.name, old, new)
            except Exception:
                log.exception("breaker %s: state listener failed", self.name)

    def _reopen_due(self) -> bool:
        opened_at = self._cb._state_storage.opened_at
        if opened_at is None:
            return True
        elapsed = dt.datetime.now(dt.UTC) - opened_at
        return elapsed >= dt.timedelta(seconds=self._cb.reset_timeout)

    # ------------------------------------------------------------------ calls

    def would_allow(self) -> bool:
        """Whether a call now could go through (open: only once the reset time has
        passed). Changes nothing: for health reports, which must not use up a trial."""
        return self._cb.current_state != pybreaker.STATE_OPEN or self._reopen_due()

    def allow(self) -> bool:
        """Whether a call may go to the backend now (and, half-open, claim the trial)."""
        state = self._cb.current_state
        if state == pybreaker.STATE_CLOSED:
            return True
        if state == pybreaker.STATE_OPEN:
            if not self._reopen_due():
                return False
            self._cb.half_open()
        if self._trial_running:
            return False
        self._trial_running = True
        return True

    @contextlib.asynccontextmanager
    async def calling(self) -> AsyncIterator[None]:
        """Run the block under the breaker; raises BreakerOpen when it is open."""
        if not self.allow():
            raise BreakerOpen(self.name)
        trial = self._trial_running
        try:
            yield
        except BaseException as exc:
            if isinstance(exc, Exception) and not isinstance(exc, self._exclude):
                self.record_failure(exc)
            elif trial:
                self.release_trial()
            raise
        else:
            self.record_success()

    @property
    def trial_running(self) -> bool:
        """Half-open, and the one trial call is out (after ``allow``: this caller's)."""
        return self._trial_running

    def release_trial(self) -> None:
        """The trial call ended with no verdict (its caller gave up): the next may try."""
        self._trial_running = False

    def record_failure(self, exc: BaseException) -> None:
        self._trial_running = False
        with contextlib.suppress(BaseException):
            self._cb.call(_record_failure, exc)

    def record_success(self) -> None:
        self._trial_running = False
        if self._cb.current_state == pybreaker.STATE_CLOSED and not self._cb.fail_counter:
            return  # nothing to record: the hot path of a healthy backend
        with contextlib.suppress(pybreaker.CircuitBreakerError):
            self._cb.call(_record_success)
