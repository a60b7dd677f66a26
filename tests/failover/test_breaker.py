"""The asyncio adapter over pybreaker: trips on failures, one trial when half-open,
caller cancellations and excluded errors do not count."""

from __future__ import annotations

import asyncio

import pytest

from failover.breaker import AsyncBreaker, BreakerOpen
from tests.waiting import wait_until


class Boom(Exception):
    pass


class BadRequest(Exception):
    pass


async def _fail(breaker: AsyncBreaker, exc: Exception | None = None) -> None:
    with pytest.raises(type(exc) if exc else Boom):
        async with breaker.calling():
            raise exc or Boom


async def _succeed(breaker: AsyncBreaker) -> None:
    async with breaker.calling():
        pass


async def test_opens_after_consecutive_failures_and_refuses_calls() -> None:
    changes: list[tuple[str, str]] = []
    breaker = AsyncBreaker(
        "db", fail_max=3, reset_timeout=60, listeners=[lambda _n, a, b: changes.append((a, b))]
    )
    await _fail(breaker)
    await _fail(breaker)
    assert breaker.state == "closed"
    await _fail(breaker)
    assert breaker.state == "open"
    assert changes == [("closed", "open")]
    with pytest.raises(BreakerOpen):
        await _succeed(breaker)


async def test_a_success_resets_the_failure_count() -> None:
    breaker = AsyncBreaker("db", fail_max=2, reset_timeout=60)
    await _fail(breaker)
    await _succeed(breaker)
    await _fail(breaker)
    assert breaker.state == "closed"


async def test_half_open_lets_one_trial_through_and_closes_on_success() -> None:
    breaker = AsyncBreaker("db", fail_max=1, reset_timeout=0.05)
    await _fail(breaker)
    assert breaker.state == "open"
    await wait_until(breaker._reopen_due)
    release = asyncio.Event()

    async def trial() -> None:
        async with breaker.calling():
            await release.wait()

    task = asyncio.create_task(trial())
    await wait_until(lambda: breaker.state == "half-open")
    with pytest.raises(BreakerOpen):  # a second caller waits for the trial's verdict
        await _succeed(breaker)
    release.set()
    await task
    assert breaker.state == "closed"
    await _succeed(breaker)


async def test_failed_trial_opens_again() -> None:
    breaker = AsyncBreaker("db", fail_max=1, reset_timeout=0.05)
    await _fail(breaker)
    await wait_until(breaker._reopen_due)
    with pytest.raises(Boom):
        async with breaker.calling():
            raise Boom
    assert breaker.state == "open"
    with pytest.raises(BreakerOpen):
        await _succeed(breaker)


async def test_caller_cancellation_is_not_a_backend_failure() -> None:
    breaker = AsyncBreaker("db", fail_max=1, reset_timeout=60)

    async def slow() -> None:
        async with breaker.calling():
            await asyncio.sleep(10)

    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.05):  # the caller's deadline, outside the breaker
            await slow()
    assert breaker.state == "closed"
    assert breaker.failures == 0


async def test_backend_timeout_inside_the_breaker_counts() -> None:
    breaker = AsyncBreaker("db", fail_max=1, reset_timeout=60)
    with pytest.raises(TimeoutError):
        async with breaker.calling(), asyncio.timeout(0.01):
            await asyncio.sleep(10)
    assert breaker.state == "open"


async def test_excluded_errors_do_not_count() -> None:
    breaker = AsyncBreaker("db", fail_max=1, reset_timeout=60, exclude=[BadRequest])
    await _fail(breaker, BadRequest())
    assert breaker.state == "closed"


async def test_a_cancelled_trial_frees_the_trial_slot() -> None:
    breaker = AsyncBreaker("db", fail_max=1, reset_timeout=0.05)
    await _fail(breaker)
    await wait_until(breaker._reopen_due)

    async def trial() -> None:
        async with breaker.calling():
            await asyncio.sleep(10)

    task = asyncio.create_task(trial())
    await wait_until(lambda: breaker.state == "half-open")
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await _succeed(breaker)  # the slot is free again: this call is the trial
    assert breaker.state == "closed"
