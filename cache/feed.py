"""Following the change feed, so that no cached all-clear outlives the data behind it.

Each server process runs one :class:`ChangeFollower`. It waits for the store's change
signal (PostgreSQL ``LISTEN``; polling every ``poll_interval_s`` as the safety net, and
the only means on SQLite), reads the feed entries since the version it knows, and
indexes what they touched:

* a document record: its normalised number;
* a notice: every blocking key under which a name check would now find it (computed
  from the notice as stored, with the same key function the loader used).

A cached CLEAR computed at version ``v`` is still right at the known version ``V`` when
no change in ``(v, V]`` touched its document number or one of its name keys: only such
a change can bring a new candidate into that check (a name check's candidates are the
notices sharing a key; the document check reads by number). Cancellations and removed
names cannot turn a CLEAR into a match, but they are indexed like any change.

When a batch is too large to index (a full reload), or the index outgrows its bound,
the follower raises its *floor*: entries computed before it are misses. While it is
indexing a batch, entries older than the batch are misses too, and when it has not
heard from the store for ``stale_after_s``, every entry is a miss: an entry is only
served when the follower can vouch for it.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import time
from collections.abc import Callable, Iterable

from lookup_server.errors import NoticeLookupError
from lookup_server.model import DataState
from lookup_server.store.base import ChangeKind, KeyFunction, Store
from observability import instruments

log = logging.getLogger(__name__)

#: Keys that only rank candidates and never make one (see ``Store.lookup``).
_RANK_ONLY_PREFIX = "y:"


class ChangeFollower:
    def __init__(
        self,
        store: Store,
        keys_of: KeyFunction,
        *,
        poll_interval_s: float = 0.25,
        stale_after_s: float = 2.0,
        max_batch: int = 500,
        max_indexed: int = 200_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self._keys_of = keys_of
        self.poll_interval_s = poll_interval_s
        self.stale_after_s = stale_after_s
        self.max_batch = max_batch
        self.max_indexed = max_indexed
        self._clock = clock
        #: Every change up to this version is indexed.
        self.version = 0
        self.as_of: dt.datetime | None = None
        #: Entries computed before this version cannot be vouched for.
        self.floor = 0
        #: While a batch is being indexed: its newest version (entries below are misses).
        self._indexing_to = 0
        self._documents: dict[str, int] = {}
        self._keys: dict[str, int] = {}
        self._heard_at = float("-inf")
        self._task: asyncio.Task[None] | None = None
        self.resets = 0

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        """Read the current version (the floor: older entries are unknown) and follow."""
        state = await self.store.state()
        self.version = self.floor = state.version
        self.as_of = state.as_of
        self._heard_at = self._clock()
        self._task = asyncio.create_task(self._run(), name="change-follower")

    async def close(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    # ------------------------------------------------------------------ queries

    @property
    def current(self) -> bool:
        """Whether the follower has heard from the store recently enough to vouch."""
        return self._clock() - self._heard_at <= self.stale_after_s

    def gauges(self) -> list[tuple[str, float | None, dict[str, str]]]:
        """For the metrics (observability.instruments.watch)."""
        age = (dt.datetime.now(dt.UTC) - self.as_of).total_seconds() if self.as_of else None
        return [("data.version", self.version, {}), ("data.age", age, {})]

    @property
    def state(self) -> DataState:
        return DataState(self.version, self.as_of)

    def still_clear(
        self,
        computed_at: int,
        document_number: str | None,
        name_keys: Callable[[], Iterable[str]],
    ) -> bool:
        """Whether a CLEAR computed at version ``computed_at`` holds at :attr:`version`.

        ``name_keys`` gives the query's blocking keys; it is only called when changes
        since ``computed_at`` have to be looked at.
        """
        if not self.current:
            return False
        if computed_at < self.floor or computed_at < self._indexing_to:
            return False
        if computed_at >= self.version:
            return True  # computed on data at least as new as the feed we know
        if document_number is not None and self._documents.get(document_number, 0) > computed_at:
            return False
        changed = self._keys
        return not any(
            changed.get(key, 0) > computed_at
            for key in name_keys()
            if not key.startswith(_RANK_ONLY_PREFIX)
        )

    # ------------------------------------------------------------------ following

    async def _run(self) -> None:
        failing = False
        while True:
            await self.store.wait_for_change(self.poll_interval_s)
            try:
                await self.catch_up()
            except NoticeLookupError as exc:
                if not failing:  # once per outage, not at every poll
                    log.warning(
                        "change feed: cannot read from %s (cached answers are not served "
                        "after %.1f s without word): %s",
                        self.store.name,
                        self.stale_after_s,
                        exc,
                    )
                failing = True
            except Exception:
                log.exception("change feed: unexpected error")
            else:
                if failing:
                    log.info("change feed: %s answers again", self.store.name)
                failing = False

    async def catch_up(self) -> None:
        """Index every change since :attr:`version` (tests call this directly)."""
        state = await self.store.state()
        if state.version <= self.version:
            self._heard(state)
            return
        self._indexing_to = state.version
        try:
            await self._index_until(state)
        finally:
            self._indexing_to = 0

    async def _index_until(self, state: DataState) -> None:
        while self.version < state.version:
            changes = await self.store.changes_since(self.version, limit=self.max_batch + 1)
            if not changes:
                break
            if len(changes) > self.max_batch:
                self._reset(state, f"{len(changes)}+ changes in one batch")
                return
            for change in changes:
                if change.kind is ChangeKind.DOCUMENT:
                    self._documents[change.key.partition(":")[2]] = change.version
                else:
                    read = await self.store.get_notice(change.key)
                    if read.notice is not None and read.notice.is_active:
                        for key in self._keys_of(read.notice):
                            self._keys[key] = change.version
                self.version = change.version
            instruments.feed_delay.record(
                max(0.0, (dt.datetime.now(dt.UTC) - changes[-1].at).total_seconds())
            )
            if len(self._keys) + len(self._documents) > self.max_indexed:
                self._reset(state, "index bound reached")
                return
        self._heard(state)

    def _reset(self, state: DataState, why: str) -> None:
        log.info("change feed: cache entries before version %d dropped (%s)", state.version, why)
        self._keys.clear()
        self._documents.clear()
        self.version = self.floor = state.version
        self.resets += 1
        self._heard(state)

    def _heard(self, state: DataState) -> None:
        if state.version >= self.version:
            self.version = state.version
            self.as_of = state.as_of
        self._heard_at = self._clock()
