"""The in-process tier: a bounded LRU of all-clear entries with a short time to live.

Single-threaded by design (one event loop per process), so no lock. The time to live
bounds how long an entry lives in memory; correctness does not rest on it: every hit is
checked against the change feed before it is served (see ``cache.feed``).

Expired entries are dropped when looked up, and a few at each put from the least
recently used end, so the tier holds about the entries of the last ``ttl_s`` seconds
rather than ``max_entries`` mostly expired ones: less memory, and fewer objects for the
garbage collector's full collections to walk (see ``lookup_server.runtime``).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from cache.entry import ClearEntry

#: Expired entries dropped at most at each put: more than one, so that they go faster
#: than new ones come; few, so that a put stays cheap.
PURGED_PER_PUT = 2


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
        entries = self._entries
        now = self._clock()
        entries[key] = (now + self.ttl_s, entry)
        entries.move_to_end(key)
        for _ in range(PURGED_PER_PUT):
            expires, _entry = next(iter(entries.values()))
            if expires > now:
                break
            entries.popitem(last=False)
        while len(entries) > self.max_entries:
            entries.popitem(last=False)

    def discard(self, key: bytes) -> None:
        self._entries.pop(key, None)

    def clear(self) -> None:
        self._entries.clear()
