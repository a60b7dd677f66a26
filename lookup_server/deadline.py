"""The deadline of the call being served, for the layers below the servicer.

The servicer knows the caller's deadline (``context.time_remaining()``, capped, or a
default when the caller set none); the failover store, several layers down, must fit
its attempts, retries and hedges inside it. A context variable carries it there
without threading a parameter through the checker and the cache.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

_deadline: ContextVar[float | None] = ContextVar("notice_lookup_deadline", default=None)


@contextlib.contextmanager
def within(budget_s: float) -> Iterator[None]:
    """Calls made in this block have ``budget_s`` seconds from now."""
    token = _deadline.set(asyncio.get_running_loop().time() + budget_s)
    try:
        yield
    finally:
        _deadline.reset(token)


def remaining(default_s: float) -> float:
    """Seconds left for the current call; ``default_s`` outside any call's budget."""
    deadline = _deadline.get()
    if deadline is None:
        return default_s
    return max(0.0, deadline - asyncio.get_running_loop().time())


def bounded() -> asyncio.Timeout:
    """``async with deadline.bounded():`` times out at the current call's deadline
    (never, outside any call's budget)."""
    return asyncio.timeout_at(_deadline.get())
