"""The change follower on a real store: what it vouches for while it indexes a batch,
after it, and when the store has gone quiet."""

from __future__ import annotations

import asyncio
from typing import Any

from cache.feed import ChangeFollower
from lookup_server.matching.keys import notice_keys
from lookup_server.model import DocumentKey, DocumentRecord, DocumentStatus
from lookup_server.store.base import NoticeRead, Store
from tests.cache.test_cached_checker import load_notices, red_notice


class GatedStore:
    """Delegates to a real store; notice reads wait for ``gate``."""

    def __init__(self, inner: Store) -> None:
        self._inner = inner
        self.gate = asyncio.Event()
        self.waiting = asyncio.Event()

    async def get_notice(self, notice_id: str) -> NoticeRead:
        self.waiting.set()
        await self.gate.wait()
        return await self._inner.get_notice(notice_id)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def no_keys() -> tuple[str, ...]:
    return ()


async def test_nothing_older_than_a_batch_is_vouched_for_while_it_is_indexed(
    store: Store,
) -> None:
    gated = GatedStore(store)
    follower = ChangeFollower(gated, notice_keys, poll_interval_s=60)  # type: ignore[arg-type]
    await follower.start()
    try:
        start = follower.version
        assert follower.still_clear(start, "NO1", no_keys)
        notice = red_notice("2026/5", "HAUGEN", "INGRID")
        await load_notices(store, notice)
        indexing = asyncio.create_task(follower.catch_up())
        await asyncio.wait_for(gated.waiting.wait(), 10)
        # The batch is known but not indexed: even an unrelated query is not vouched for.
        assert not follower.still_clear(start, "NO1", no_keys)
        gated.gate.set()
        await asyncio.wait_for(indexing, 10)
        keys = sorted(notice_keys(notice))
        assert follower.still_clear(start, "NO1", no_keys)  # unrelated: vouched again
        assert not follower.still_clear(start, None, lambda: keys)  # shares its keys
        assert follower.still_clear(follower.version, None, lambda: keys)  # computed after
    finally:
        await follower.close()


async def test_documents_invalidate_by_number_under_any_country(store: Store) -> None:
    follower = ChangeFollower(store, notice_keys, poll_interval_s=60)
    await follower.start()
    try:
        start = follower.version
        await store.load_documents(
            [DocumentRecord(DocumentKey("SWE", "NO4711222"), DocumentStatus.LOST, "P", "SWE")]
        )
        await follower.catch_up()
        assert not follower.still_clear(start, "NO4711222", no_keys)
        assert follower.still_clear(start, "NO4711223", no_keys)
    finally:
        await follower.close()


async def test_a_silent_store_is_not_vouched_for(store: Store) -> None:
    now = [0.0]
    follower = ChangeFollower(
        store, notice_keys, poll_interval_s=60, stale_after_s=2.0, clock=lambda: now[0]
    )
    await follower.start()
    try:
        assert follower.still_clear(follower.version, None, no_keys)
        now[0] = 2.5  # no word from the store for longer than stale_after_s
        assert not follower.still_clear(follower.version, None, no_keys)
        await follower.catch_up()  # heard again
        assert follower.still_clear(follower.version, None, no_keys)
    finally:
        await follower.close()
