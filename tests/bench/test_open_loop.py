"""bench.open_loop's rates and sweeps, sent by the paced client to a real gRPC server."""

from __future__ import annotations

import threading

import grpc

from bench.open_loop import run_rate, sweep
from tests.bench.peer import ANSWER, METHOD


def test_a_rate_reports_every_answer(server) -> None:  # type: ignore[no-untyped-def]
    address, received, _ = server
    result = run_rate(address, METHOD, [b"check"], rate=200, seconds=1, channels=2)
    assert result.sent == result.count == 200
    assert result.failures == {}
    assert 0 < result.p50_ms <= result.p99_ms <= result.max_ms
    assert 100 < result.achieved_rate <= 210
    assert len(received) == 202  # and one unrecorded call per connection first


def test_answers_later_than_the_timeout_are_failures(server) -> None:  # type: ignore[no-untyped-def]
    address, _, behaviour = server
    release = threading.Event()

    def slow(request: bytes, context: grpc.ServicerContext) -> bytes:
        if request == b"slow":
            release.wait(timeout=10)
        return ANSWER

    behaviour[0] = slow
    try:
        result = run_rate(address, METHOD, [b"fast", b"slow"], 40, 0.5, channels=1, timeout_s=0.3)
    finally:
        release.set()
    # Priming sends "fast"; then the schedule alternates "fast" and "slow".
    assert result.count == 10
    assert sum(result.failures.values()) == 10
    assert set(result.failures) <= {"DEADLINE_EXCEEDED", "NO_ANSWER"}


def test_a_sweep_within_budget_reports_its_highest_rate(server) -> None:  # type: ignore[no-untyped-def]
    address, _, _ = server
    found = sweep(address, METHOD, [b"x"], [40, 20], 0.25, budget_ms=1000, channels=1, settle_s=0)
    assert [r.offered_rate for r in found.results] == [20, 40]
    assert found.knee == 40
    assert not found.stopped_early


def test_a_sweep_stops_after_two_rates_over_budget(server) -> None:  # type: ignore[no-untyped-def]
    address, _, behaviour = server

    def slow(request: bytes, context: grpc.ServicerContext) -> bytes:
        threading.Event().wait(0.05)  # every answer over the 20 ms budget
        return ANSWER

    behaviour[0] = slow
    found = sweep(address, METHOD, [b"x"], [20, 40, 80], 0.25, budget_ms=20, channels=1, settle_s=0)
    assert found.knee is None
    assert [r.offered_rate for r in found.results] == [20, 40]
    assert found.stopped_early
    assert found.skipped_rates == [80]
