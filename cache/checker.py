"""The cached checker: the checker's interface, with all-clears served from the cache.

A check goes: keyed hash of the query -> in-process tier -> Redis -> the checker (the
store). A cached entry is served only when the change feed vouches that nothing since
its version touched this query (:meth:`ChangeFollower.still_clear`); otherwise it is a
miss. Concurrent misses for the same query in one process share one computation
(single flight), so a burst of identical checks costs one store read. Only CLEAR
answers from a current, non-degraded source are cached; everything else goes to the
store every time.

Why answers and not store reads: an all-clear answer carries no personal data (safe in
Redis) and a hit skips scoring too, which is most of a name check's work.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass

from opentelemetry import trace

from cache.entry import ClearEntry, EntrySealer
from cache.feed import ChangeFollower
from cache.local import LocalTier
from cache.redis_tier import RedisTier
from lookup_server.checker import Checker, NoticeAnswer, new_check_id
from lookup_server.matching.keys import query_keys
from lookup_server.model import (
    Action,
    CheckResult,
    DataState,
    DocumentCheck,
    Provenance,
    Source,
    TravellerQuery,
    Verdict,
)
from observability import instruments

log = logging.getLogger(__name__)


@dataclass(slots=True)
class CacheStats:
    local_hits: int = 0
    redis_hits: int = 0
    misses: int = 0
    #: Entries found but not served because the feed could not vouch for them.
    stale: int = 0
    #: Callers that waited for another caller's computation of the same query.
    coalesced: int = 0
    computed: int = 0

    @property
    def hit_ratio(self) -> float:
        served = self.local_hits + self.redis_hits
        total = served + self.misses
        return served / total if total else 0.0


@dataclass(frozen=True, slots=True)
class CachedHit:
    """A cached all-clear found for a query: the entry, the tier that held it, and the
    data it holds for (the feed's version once the feed has vouched for it)."""

    entry: ClearEntry
    source: Source
    state: DataState


_LOOKUP_KEYS = {
    (tier, result): (("tier", tier), ("result", result))
    for tier in ("in-process", "redis")
    for result in ("hit", "miss", "stale")
}


def _looked_up(tier: str, result: str) -> None:
    """The in-process lookup: a counter and a span event, not a span of its own (it
    takes a microsecond; a span would cost ten times the lookup)."""
    instruments.cache_lookups.add(_LOOKUP_KEYS[tier, result])
    span = trace.get_current_span()
    if span.is_recording():
        span.add_event("cache.in_process", {"notice_lookup.cache.result": result})


class CachedChecker:
    """Same calls as :class:`~lookup_server.checker.Checker`; wraps one."""

    def __init__(
        self,
        inner: Checker,
        sealer: EntrySealer,
        follower: ChangeFollower,
        local: LocalTier,
        shared: RedisTier | None = None,
    ) -> None:
        self.inner = inner
        self.sealer = sealer
        self.follower = follower
        self.local = local
        self.shared = shared
        self.stats = CacheStats()
        self._flights: dict[bytes, asyncio.Task[CheckResult]] = {}

    async def close(self) -> None:
        stats = self.stats
        shared = self.shared
        log.info(
            "cache: %d in-process hits, %d Redis hits, %d misses (%d not vouched for by "
            "the change feed, %d waited for another check), hit ratio %.3f%s",
            stats.local_hits,
            stats.redis_hits,
            stats.misses,
            stats.stale,
            stats.coalesced,
            stats.hit_ratio,
            ""
            if shared is None
            else f"; Redis: {shared.reads} reads, {shared.write_batches} write pipelines, "
            f"{shared.errors} errors, {shared.rejected} values rejected, "
            f"{shared.dropped_writes} writes dropped",
        )
        await self.follower.close()
        if shared is not None:
            await shared.close()

    # ------------------------------------------------------------------ checks

    async def get_notice(self, notice_id: str) -> NoticeAnswer:
        return await self.inner.get_notice(notice_id)

    async def check_traveller(self, query: TravellerQuery) -> CheckResult:
        hit = await self.lookup(query)
        if hit is not None:
            return self.answer(query, hit)
        return await self.compute(query)

    async def lookup(self, query: TravellerQuery) -> CachedHit | None:
        """The cached all-clear for ``query`` that the feed vouches for, in-process tier
        first, then Redis (whose reads have a timeout of their own); None on a miss.

        The API encodes hits straight into response bytes (see
        ``lookup_server.api.cached_answers``); :meth:`answer` makes a check result."""
        key = self.sealer.key(query)
        entry = self.local.get(key)
        if entry is not None:
            if self._still_clear(entry, query):
                self.stats.local_hits += 1
                _looked_up("in-process", "hit")
                return self._hit(entry, Source.CACHE_IN_PROCESS)
            self.local.discard(key)
            self.stats.stale += 1
            _looked_up("in-process", "stale")
            return None
        _looked_up("in-process", "miss")
        if self.shared is None:
            return None
        with instruments.child_span("cache.redis", attributes={"db.system": "redis"}) as span:
            entry = await self.shared.get(key)
            outcome = "miss"
            if entry is not None:
                outcome = "hit" if self._still_clear(entry, query) else "stale"
            span.set_attribute("notice_lookup.cache.result", outcome)
        instruments.cache_lookups.add(_LOOKUP_KEYS["redis", outcome])
        if entry is not None and outcome == "hit":
            self.stats.redis_hits += 1
            self.local.put(key, entry)
            return self._hit(entry, Source.CACHE_REDIS)
        if outcome == "stale":
            self.stats.stale += 1
        return None

    async def compute(self, query: TravellerQuery) -> CheckResult:
        """The answer from the store, after :meth:`lookup` missed; cached when CLEAR.

        Single flight: the first miss computes, concurrent misses for the same query
        wait for it. Shielded: a caller that gives up (its deadline) does not cancel
        the computation that the others wait for."""
        self.stats.misses += 1
        key = self.sealer.key(query)
        task = self._flights.get(key)
        if task is None:
            task = asyncio.ensure_future(self._compute(key, query))
            self._flights[key] = task
            task.add_done_callback(self._landed(key))
            return await asyncio.shield(task)
        self.stats.coalesced += 1
        result = await asyncio.shield(task)
        return dataclasses.replace(result, traveller=query, check_id=new_check_id())

    def answer(self, query: TravellerQuery, hit: CachedHit) -> CheckResult:
        """The check result of a cached all-clear for ``query``."""
        entry = hit.entry
        return CheckResult(
            verdict=Verdict.CLEAR,
            document=(
                DocumentCheck(status=None, findings=(), verdict=Verdict.CLEAR)
                if query.document is not None
                else None
            ),
            matches=(),
            provenance=Provenance(source=hit.source, backend=entry.backend, state=hit.state),
            action=self.clear_action,
            traveller=query,
            check_id=new_check_id(),
            candidates_considered=entry.candidates_considered,
            candidates_truncated=entry.candidates_truncated,
        )

    @property
    def clear_action(self) -> Action:
        """The routine procedure, the action of every all-clear."""
        return self.inner.procedures.clear

    # ------------------------------------------------------------------ parts

    def _landed(self, key: bytes) -> Callable[[asyncio.Task[CheckResult]], None]:
        def done(task: asyncio.Task[CheckResult]) -> None:
            self._flights.pop(key, None)
            if not task.cancelled():
                task.exception()  # retrieved: the callers who gave up do not log it

        return done

    def _still_clear(self, entry: ClearEntry, query: TravellerQuery) -> bool:
        number = query.document.number if query.document else None
        return self.follower.still_clear(
            entry.version, number, lambda: query_keys(query) if query.has_name else ()
        )

    async def _compute(self, key: bytes, query: TravellerQuery) -> CheckResult:
        self.stats.computed += 1
        result = await self.inner.check_traveller(query)
        provenance = result.provenance
        if result.verdict is Verdict.CLEAR and not provenance.degraded:
            entry = ClearEntry(
                version=provenance.state.version,
                as_of=provenance.state.as_of,
                backend=provenance.backend,
                candidates_considered=result.candidates_considered,
                candidates_truncated=result.candidates_truncated,
            )
            self.local.put(key, entry)
            if self.shared is not None:
                self.shared.put(key, entry)
        return result

    def _hit(self, entry: ClearEntry, source: Source) -> CachedHit:
        # The answer says which data it holds for: the feed's version when the feed
        # has vouched for the entry past the version it was computed at.
        follower = self.follower
        state = follower.state if follower.version > entry.version else entry.state
        return CachedHit(entry, source, state)
