"""The in-process tier: a bounded LRU of all-clear entries with a short time to live.

Single-threaded by design (one event loop per process), so no lock. The time to live
bounds how long an entry lives in memory; correctness does not rest on it: every hit is
checked against the change feed before it is served (see ``cache.feed``).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from cache.entry import ClearEntry


class LocalTier:
    def __init__(
        self,
        max_entries: int,
        ttl_s: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_entries = max_entries
        self.ttl_s = ttl_s
        self._clock = clock
        self._entries: OrderedDict[bytes, tuple[float, ClearEntry]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: bytes) -> ClearEntry | None:
        found = self._entries.get(key)
        if found is None:
            return None
        expires, entry = found
        if expires <= self._clock():
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return entry

    def put(self, key: bytes, entry: ClearEntry) -> None:
        if self.max_entries <= 0:
            return
        self._entries[key] = (self._clock() + self.ttl_s, entry)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def discard(self, key: bytes) -> None:
        self._entries.pop(key, None)

    def clear(self) -> None:
        self._entries.clear()
