"""Waiting for a condition in async tests: polled, bounded, never a fixed sleep."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


async def wait_until(
    condition: Callable[[], object], timeout_s: float = 10.0, what: str = "condition"
) -> None:
    """Return once ``condition()`` is true; fail the test after ``timeout_s`` seconds."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"{what} not reached in {timeout_s}s"
        await asyncio.sleep(0.01)
