"""Routing and the retry budget, as pure logic (the backends are never called here;
failover against real servers is in test_failover.py)."""

from __future__ import annotations

import time

from failover.store import FailoverPolicy, FailoverStore, RetryBudget
from lookup_server.model import Source
from lookup_server.store.base import Store


class Named(Store):  # only the name is used by routing
    def __init__(self, name: str) -> None:
        self.name = name

    async def lookup(self, request):  # type: ignore[no-untyped-def]
        raise AssertionError("not called")

    get_notice = state = changes_since = key_scheme = lookup  # type: ignore[assignment]
    load_documents = load_notices = rekey_notices = close = lookup  # type: ignore[assignment]


def failover(*replicas: str, bound: float = 5.0) -> FailoverStore:
    return FailoverStore(
        Named("primary"),
        [Named(r) for r in replicas],
        policy=FailoverPolicy(max_replica_lag_s=bound),
    )


def names(store: FailoverStore) -> list[str]:
    return [b.name for b in store.route()]


def test_primary_first_then_replicas_freshest_first() -> None:
    store = failover("a", "b", "c")
    lags = {"a": 3.0, "b": 0.5, "c": None}
    for replica in store.replicas:
        replica.lag_s = lags[replica.name]
    # within the bound by lag, then unknown lag
    assert names(store) == ["primary", "b", "a", "c"]


def test_a_replica_beyond_the_lag_bound_goes_after_the_others() -> None:
    store = failover("stale", "fresh", bound=5.0)
    store.replicas[0].lag_s = 60.0
    store.replicas[1].lag_s = 1.0
    assert names(store) == ["primary", "fresh", "stale"]
    store.replicas[1].lag_s = None  # unknown still beats known to be far behind
    assert names(store) == ["primary", "fresh", "stale"]


def test_a_lagging_replica_is_still_used_when_it_is_the_only_one() -> None:
    store = failover("stale")
    store.replicas[0].lag_s = 600.0
    assert names(store) == ["primary", "stale"]
    assert store.replicas[0].role is Source.REPLICA


def test_serving_while_any_breaker_is_not_open() -> None:
    store = failover("a")
    assert store.serving()
    for backend in store.databases:
        for _ in range(FailoverPolicy().breaker_fail_max):
            backend.breaker.record_failure(RuntimeError("down"))
        assert backend.breaker.state == "open"
    assert not store.serving()


def test_serving_again_once_a_breaker_may_try_the_backend() -> None:
    store = FailoverStore(Named("primary"), policy=FailoverPolicy(breaker_reset_s=0.05))
    for _ in range(FailoverPolicy().breaker_fail_max):
        store.primary.breaker.record_failure(RuntimeError("down"))
    assert not store.serving()
    deadline = time.monotonic() + 5
    while not store.serving() and time.monotonic() < deadline:
        time.sleep(0.01)  # bounded poll: the reset time passes
    assert store.serving()
    assert store.primary.breaker.state == "open"  # nothing was used up by asking


def test_retry_budget_earns_a_fraction_per_call_and_refuses_when_spent() -> None:
    budget = RetryBudget(ratio=0.25, maximum=2.0)
    assert budget.spend()
    assert budget.spend()
    assert not budget.spend()  # the burst is spent
    for _ in range(3):
        budget.earn()
    assert not budget.spend()  # 0.75 tokens: not yet
    budget.earn()
    assert budget.spend()
    assert (budget.spent, budget.refused) == (3, 2)


def test_retry_budget_caps_retries_at_its_ratio_of_calls() -> None:
    calls = 1000
    budget = RetryBudget(ratio=0.2, maximum=5.0)
    retries = 0
    for _ in range(calls):
        budget.earn()
        while budget.spend():  # a caller that would retry forever
            retries += 1
    assert retries <= 0.2 * calls + 5
