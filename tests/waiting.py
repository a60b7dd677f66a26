"""Waiting for a condition in async tests: polled, bounded, never a fixed sleep."""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Awaitable, Callable


async def wait_until(
    condition: Callable[[], object | Awaitable[object]],
    timeout_s: float = 10.0,
    what: str = "condition",
) -> None:
    """Return once ``condition()`` (or what it awaits to) is true; fail after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while True:
        met = condition()
        if inspect.isawaitable(met):
            met = await met
        if met:
            return
        assert time.monotonic() < deadline, f"{what} not reached in {timeout_s}s"
        await asyncio.sleep(0.01)
