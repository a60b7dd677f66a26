"""The cached checker over a real store (SQLite and PostgreSQL): all-clears are served
from the cache until the change feed says a change touched the query; then the store
answers again. Single flight: a burst of identical checks costs one store read."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import pytest

from cache.checker import CachedChecker
from lookup_server.app import App, build_app
from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.matching.keys import KEY_SCHEME, notice_keys
from lookup_server.model import (
    DocumentKey,
    DocumentRecord,
    DocumentStatus,
    Notice,
    NoticeStatus,
    NoticeType,
    PartialDate,
    PersonName,
    Sex,
    Source,
    TravellerQuery,
    Verdict,
)
from lookup_server.settings import load_settings
from lookup_server.store.base import LookupRequest, LookupResult, Store, StoredNotice
from tests.api.conftest import load_fixture_data, start_harness, stop_harness
from tests.waiting import wait_until

TRAVELLER = TravellerQuery(
    document=DocumentKey("NOR", "NO4711222"),
    document_type="P",
    surname="HAUGEN",
    given_names="INGRID MARIE",
    date_of_birth=PartialDate(1986, 4, 17),
    sex=Sex.FEMALE,
    nationality="NOR",
)

#: TRAVELLER as a terminal sends it.
TRAVELLER_FIELDS = pb.TravelerFields(
    document_number="NO4711222",
    issuing_country="NOR",
    document_type="P",
    surname="HAUGEN",
    given_names="INGRID MARIE",
    date_of_birth=pb.PartialDate(year=1986, month=4, day=17),
    sex=pb.SEX_FEMALE,
    nationality="NOR",
)


def red_notice(notice_id: str, surname: str, given: str, **kw: Any) -> Notice:
    return Notice(
        notice_id=notice_id,
        type=NoticeType.RED,
        status=kw.get("status", NoticeStatus.ACTIVE),
        names=(PersonName(surname, given),),
        dates_of_birth=(kw.get("dob", PartialDate(1986, 4, 17)),),
        sex=Sex.FEMALE,
        nationalities=("NOR",),
        source="test",
    )


async def load_notices(store: Store, *notices: Notice) -> None:
    await store.load_notices(
        [StoredNotice(n, notice_keys(n)) for n in notices], key_scheme=KEY_SCHEME
    )


async def caught_up(app: App) -> None:
    """Wait (bounded) until the follower has indexed everything the store holds."""
    assert app.cache is not None
    target = (await app.store.state()).version
    await wait_until(lambda: app.cache is not None and app.cache.follower.version >= target)


class CountingStore:
    """Delegates to a real store and counts the hot-path reads."""

    def __init__(self, inner: Store) -> None:
        self._inner = inner
        self.lookups = 0

    async def lookup(self, request: LookupRequest) -> LookupResult:
        self.lookups += 1
        return await self._inner.lookup(request)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@pytest.fixture
async def app(store: Store, store_url: str) -> AsyncIterator[App]:
    await load_fixture_data(store)
    built = await build_app(
        load_settings(database_url=store_url, listen="127.0.0.1:0"),
        store=CountingStore(store),  # type: ignore[arg-type]
    )
    try:
        yield built
    finally:
        await built.close()


def cached(app: App) -> CachedChecker:
    assert isinstance(app.checker, CachedChecker)
    return app.checker


async def test_clear_is_served_from_the_in_process_tier(app: App) -> None:
    first = await app.checker.check_traveller(TRAVELLER)
    assert first.verdict is Verdict.CLEAR
    assert first.provenance.source is Source.PRIMARY
    second = await app.checker.check_traveller(TRAVELLER)
    assert second.verdict is Verdict.CLEAR
    assert second.provenance.source is Source.CACHE_IN_PROCESS
    assert second.provenance.state.version == first.provenance.state.version
    assert second.check_id != first.check_id
    assert app.store.lookups == 1  # type: ignore[attr-defined]


async def test_a_new_red_notice_for_the_person_is_a_hit_at_once(app: App) -> None:
    assert (await app.checker.check_traveller(TRAVELLER)).verdict is Verdict.CLEAR
    await load_notices(app.store, red_notice("2026/77", "HAUGEN", "INGRID"))
    await caught_up(app)
    after = await app.checker.check_traveller(TRAVELLER)
    assert after.verdict is Verdict.HIT
    assert after.provenance.source is Source.PRIMARY
    assert cached(app).stats.stale == 1


async def test_a_misspelt_notice_reached_through_a_fuzzy_key_also_invalidates(app: App) -> None:
    assert (await app.checker.check_traveller(TRAVELLER)).verdict is Verdict.CLEAR
    await load_notices(app.store, red_notice("2026/78", "HAUGNE", "INGRID MARIE"))  # typo
    await caught_up(app)
    assert (await app.checker.check_traveller(TRAVELLER)).verdict is not Verdict.CLEAR


async def test_an_unrelated_change_keeps_the_entry(app: App) -> None:
    await app.checker.check_traveller(TRAVELLER)
    await load_notices(app.store, red_notice("2026/79", "OKONKWO", "CHIDI"))
    await app.store.load_documents(
        [DocumentRecord(DocumentKey("NOR", "NO0000001"), DocumentStatus.LOST, "P", "NOR")]
    )
    await caught_up(app)
    again = await app.checker.check_traveller(TRAVELLER)
    assert again.provenance.source is Source.CACHE_IN_PROCESS
    assert again.provenance.state.version == (await app.store.state()).version


async def test_a_stolen_document_record_is_a_hit_at_once(app: App) -> None:
    assert (await app.checker.check_traveller(TRAVELLER)).verdict is Verdict.CLEAR
    await app.store.load_documents(
        [
            DocumentRecord(
                DocumentKey("NOR", "NO4711222"),
                DocumentStatus.STOLEN_FROM_BEARER,
                "P",
                "NOR/Politiet",
                reported_on=dt.date(2026, 11, 1),
            )
        ]
    )
    await caught_up(app)
    after = await app.checker.check_traveller(TRAVELLER)
    assert after.verdict is Verdict.HIT
    assert after.document is not None
    assert after.document.status is DocumentStatus.STOLEN_FROM_BEARER


async def test_same_number_under_another_country_also_invalidates(app: App) -> None:
    await app.checker.check_traveller(TRAVELLER)
    await app.store.load_documents(
        [DocumentRecord(DocumentKey("SWE", "NO4711222"), DocumentStatus.LOST, "P", "SWE")]
    )
    await caught_up(app)
    assert (await app.checker.check_traveller(TRAVELLER)).verdict is Verdict.POSSIBLE_MATCH


async def test_hits_are_never_cached_so_a_cancellation_takes_effect_at_once(app: App) -> None:
    query = TravellerQuery(
        document=None,
        surname="AL RASHID",
        given_names="MUHAMMAD YUSUF",
        date_of_birth=PartialDate(1975, 3, 9),
        sex=Sex.MALE,
    )
    assert (await app.checker.check_traveller(query)).verdict is Verdict.HIT
    assert (await app.checker.check_traveller(query)).provenance.source is Source.PRIMARY
    notice = (await app.store.get_notice("2024/1001")).notice
    assert notice is not None
    cancelled = dataclasses.replace(notice, status=NoticeStatus.CANCELLED)
    await load_notices(app.store, cancelled)
    after = await app.checker.check_traveller(query)
    assert after.verdict is Verdict.CLEAR


async def test_entries_are_not_served_when_the_feed_is_silent(app: App) -> None:
    await app.checker.check_traveller(TRAVELLER)
    follower = cached(app).follower
    follower.stale_after_s = 0.0  # the follower cannot vouch for anything any more
    await wait_until(lambda: not follower.current)
    again = await app.checker.check_traveller(TRAVELLER)
    assert again.provenance.source is Source.PRIMARY


async def test_a_batch_too_large_to_index_drops_older_entries(app: App) -> None:
    await app.checker.check_traveller(TRAVELLER)
    follower = cached(app).follower
    follower.max_batch = 2
    await load_notices(app.store, *[red_notice(f"2026/9{i}", "ZULU", f"NAME{i}") for i in range(5)])
    await caught_up(app)
    assert follower.resets >= 1
    again = await app.checker.check_traveller(TRAVELLER)
    assert again.provenance.source is Source.PRIMARY
    third = await app.checker.check_traveller(TRAVELLER)
    assert third.provenance.source is Source.CACHE_IN_PROCESS


async def test_concurrent_identical_misses_make_one_store_read(app: App) -> None:
    results = await asyncio.gather(*(app.checker.check_traveller(TRAVELLER) for _ in range(200)))
    assert {r.verdict for r in results} == {Verdict.CLEAR}
    assert len({r.check_id for r in results}) == 200
    assert app.store.lookups == 1  # type: ignore[attr-defined]
    assert cached(app).stats.coalesced == 199


async def test_200_concurrent_grpc_checks_on_a_cold_key_read_the_store_once(
    store: Store, store_url: str
) -> None:
    await load_fixture_data(store)
    counting = CountingStore(store)
    harness = await start_harness(
        counting,  # type: ignore[arg-type]
        load_settings(database_url=store_url, listen="127.0.0.1:0"),
    )
    try:
        request = pb.CheckTravelerRequest(fields=TRAVELLER_FIELDS)
        answers = await asyncio.gather(
            *(harness.stub.CheckTraveler(request, timeout=30) for _ in range(200))
        )
        assert {a.verdict for a in answers} == {pb.VERDICT_CLEAR}
        assert counting.lookups == 1
    finally:
        await stop_harness(harness)
