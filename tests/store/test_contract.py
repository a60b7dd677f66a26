"""The Store contract: every test runs against SQLite and PostgreSQL (the ``store`` fixture).

Behaviour must be identical on both engines: a difference is a bug in one of them.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from collections.abc import Iterator

import pytest

from lookup_server.errors import LoadError, SchemaMismatch
from lookup_server.model import DocumentKey, DocumentStatus, NoticeStatus, Source
from lookup_server.store import ChangeKind, LookupRequest, Store, StoredNotice, open_store
from tests.store.helpers import (
    doc,
    failing,
    full_notice,
    load_error,
    notice,
    snapshot,
    stored,
)

# ---------------------------------------------------------------- empty store


async def test_empty_store(store: Store) -> None:
    state = await store.state()
    assert state.version == 0
    assert state.as_of is None
    assert await store.key_scheme() is None
    assert await store.changes_since(0) == []
    result = await store.lookup(LookupRequest("X123", ("k1", "k2")))
    assert result.documents == ()
    assert result.candidates == ()
    assert result.candidates_truncated is False
    assert result.state == state
    assert result.provenance.backend == store.name
    assert result.provenance.source is Source.PRIMARY
    assert result.provenance.state == state


async def test_get_unknown_notice(store: Store) -> None:
    read = await store.get_notice("nope")
    assert read.notice is None
    assert read.provenance.backend == store.name
    assert read.provenance.state.version == 0


# ---------------------------------------------------------------- documents


async def test_lookup_by_number_returns_every_issuing_country(store: Store) -> None:
    rows = [
        doc("X123", "FRA", DocumentStatus.LOST),
        doc("X123", "DEU", DocumentStatus.STOLEN_FROM_BEARER),
        doc("X123", "ITA", DocumentStatus.REVOKED),
        doc("Y999", "FRA"),
    ]
    report = await store.load_documents(rows)
    assert (report.rows_read, report.inserted, report.updated) == (4, 4, 0)
    assert (report.unchanged, report.cancelled) == (0, 0)
    assert (report.version_before, report.version_after) == (0, 4)

    result = await store.lookup(LookupRequest("X123"))
    assert [d.key.issuing_country for d in result.documents] == ["DEU", "FRA", "ITA"]
    assert {d.key.number for d in result.documents} == {"X123"}
    assert result.state.version == 4
    assert result.state.as_of is not None
    assert (await store.lookup(LookupRequest("NOPE"))).documents == ()
    assert (await store.lookup(LookupRequest(None))).documents == ()


async def test_document_fields_round_trip(store: Store) -> None:
    import datetime as dt

    record = doc(
        "P1234567",
        "GBR",
        DocumentStatus.STOLEN_BLANK,
        document_type="P",
        reported_by="GBR-NCB",
        reported_on=dt.date(2023, 1, 31),
        expires_on=dt.date(2033, 1, 30),
        record_id="sltd-42",
    )
    await store.load_documents([record, doc("P1234567", "IRL")])
    found = (await store.lookup(LookupRequest("P1234567"))).documents
    assert record in found
    assert doc("P1234567", "IRL") in found


async def test_cancelled_documents_are_not_returned(store: Store) -> None:
    await store.load_documents(
        [doc("X1", "FRA"), doc("X1", "DEU"), doc("X1", "ITA", DocumentStatus.CANCELLED)]
    )
    assert [d.key.issuing_country for d in (await store.lookup(LookupRequest("X1"))).documents] == [
        "DEU",
        "FRA",
    ]
    report = await store.load_documents([doc("X1", "FRA", DocumentStatus.CANCELLED)])
    assert (report.cancelled, report.updated, report.inserted) == (1, 0, 0)
    assert [d.key for d in (await store.lookup(LookupRequest("X1"))).documents] == [
        DocumentKey("DEU", "X1")
    ]


async def test_update_bumps_version_and_unchanged_rows_do_not(store: Store) -> None:
    rows = [doc(f"N{i}", "FRA") for i in range(5)]
    first = await store.load_documents(rows)
    state = await store.state()

    again = await store.load_documents(rows)
    assert (again.unchanged, again.inserted, again.updated) == (5, 0, 0)
    assert again.version_before == again.version_after == first.version_after
    assert await store.state() == state  # as_of did not move either
    assert len(await store.changes_since(0)) == 5

    changed = [*rows[:4], doc("N4", "FRA", DocumentStatus.LOST)]
    report = await store.load_documents(changed)
    assert (report.unchanged, report.updated, report.inserted) == (4, 1, 0)
    assert report.version_after == first.version_after + 1
    latest = await store.changes_since(first.version_after)
    assert [(c.version, c.kind, c.key) for c in latest] == [(6, ChangeKind.DOCUMENT, "FRA:N4")]
    after = await store.state()
    assert after.version == 6
    assert state.as_of is not None
    assert after.as_of is not None
    assert after.as_of >= state.as_of
    [found] = (await store.lookup(LookupRequest("N4"))).documents
    assert found.status is DocumentStatus.LOST


async def test_versions_are_contiguous_with_one_change_per_changed_record(store: Store) -> None:
    await store.load_documents([doc("A"), doc("B"), doc("C", "DEU")])
    await store.load_notices([stored("N1", ["k"]), stored("N2", ["k"])], key_scheme="s1")
    await store.load_documents([doc("A"), doc("B", status=DocumentStatus.LOST), doc("D")])
    changes = await store.changes_since(0)
    assert [c.version for c in changes] == list(range(1, 8))
    assert [(c.kind.value, c.key) for c in changes] == [
        ("document", "FRA:A"),
        ("document", "FRA:B"),
        ("document", "DEU:C"),
        ("notice", "N1"),
        ("notice", "N2"),
        ("document", "FRA:B"),
        ("document", "FRA:D"),
    ]
    assert (await store.state()).version == 7
    ats = [c.at for c in changes]
    assert ats == sorted(ats)


async def test_changes_since_pages(store: Store) -> None:
    await store.load_documents([doc(f"D{i:02d}") for i in range(25)])
    pages, version = [], 0
    while page := await store.changes_since(version, limit=10):
        pages.append([c.version for c in page])
        version = page[-1].version
    assert pages == [list(range(1, 11)), list(range(11, 21)), list(range(21, 26))]
    assert await store.changes_since(25) == []
    assert [c.version for c in await store.changes_since(23)] == [24, 25]


async def test_duplicate_key_in_one_load_last_row_wins(store: Store) -> None:
    rows = [
        doc("X1", status=DocumentStatus.LOST),
        doc("X2"),
        doc("X1", status=DocumentStatus.REVOKED),
    ]
    report = await store.load_documents(rows)
    assert (report.rows_read, report.inserted, report.version_after) == (3, 2, 2)
    [found] = (await store.lookup(LookupRequest("X1"))).documents
    assert found.status is DocumentStatus.REVOKED
    assert [c.key for c in await store.changes_since(0)] == ["FRA:X2", "FRA:X1"]

    notices = [stored("N1", ["a"], surname="FIRST"), stored("N1", ["b"], surname="LAST")]
    report = await store.load_notices(notices, key_scheme="s1")
    assert (report.rows_read, report.inserted) == (2, 1)
    read = await store.get_notice("N1")
    assert read.notice is not None
    assert read.notice.names[0].surname == "LAST"
    assert (await store.lookup(LookupRequest(None, ("a",)))).candidates == ()
    assert len((await store.lookup(LookupRequest(None, ("b",)))).candidates) == 1


# ---------------------------------------------------------------- atomicity


@pytest.mark.parametrize("after", [1, 25_000], ids=["after-1-row", "after-2-chunks"])
async def test_failing_document_load_writes_nothing(store: Store, after: int) -> None:
    await store.load_documents([doc("KEEP"), doc("R0000001", "DEU")])
    before = await snapshot(store, ["KEEP", "R0000001", "R0000002"], ["k"])
    error = load_error()
    rows = (doc(f"R{i:07d}", "DEU", DocumentStatus.LOST) for i in range(1, 30_000))
    with pytest.raises(LoadError) as raised:
        await store.load_documents(failing(rows, after, error))  # type: ignore[arg-type]
    assert raised.value is error
    assert await snapshot(store, ["KEEP", "R0000001", "R0000002"], ["k"]) == before
    # The store still works and the versions continue where they were.
    report = await store.load_documents([doc("NEW")])
    assert report.version_after == before.state.version + 1


async def test_failing_notice_load_writes_nothing(store: Store) -> None:
    await store.load_notices([stored("N1", ["k"]), stored("N2", ["k"])], key_scheme="s1")
    before = await snapshot(store, [], ["k", "z"], ["N1", "N2", "N3"])
    error = RuntimeError("parser exploded")
    rows = [
        stored("N1", ["z"]),
        StoredNotice(notice("N2", status=NoticeStatus.CANCELLED), frozenset()),
        stored("N3", ["k"]),
    ]
    with pytest.raises(RuntimeError) as raised:
        await store.load_notices(failing(rows, 3, error), key_scheme="s1", snapshot_source="test")  # type: ignore[arg-type]
    assert raised.value is error
    assert await snapshot(store, [], ["k", "z"], ["N1", "N2", "N3"]) == before


async def test_cancelled_load_writes_nothing(store: Store) -> None:
    await store.load_documents([doc("KEEP")])
    before = await snapshot(store, ["KEEP", "C0000001"], [])
    blocked, release = threading.Event(), threading.Event()

    def rows() -> Iterator[object]:
        for i in range(15_000):  # more than one chunk is staged before the block
            yield doc(f"C{i:07d}")
        blocked.set()
        release.wait(timeout=30)

    task = asyncio.create_task(store.load_documents(rows()))  # type: ignore[arg-type]
    try:
        assert await asyncio.to_thread(blocked.wait, 30)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    finally:
        release.set()
    await store.load_documents([])  # queued behind the abandoned load, if any
    assert await snapshot(store, ["KEEP", "C0000001"], []) == before


# ---------------------------------------------------------------- notices


async def test_candidates_ordered_by_weight_of_shared_keys_then_id(store: Store) -> None:
    await store.load_notices(
        [
            stored("N-one", ["a"]),
            stored("N-three", ["a", "b", "c"]),
            stored("N-two-b", ["b", "c"]),
            stored("N-two-a", ["a", "b", "x"]),
            stored("N-none", ["x", "y"]),
        ],
        key_scheme="s1",
    )
    # df: a 3, b 3, c 2 -> weights ln 2, ln 2, ln 2.5: sharing the rarer c ranks higher.
    result = await store.lookup(LookupRequest(None, ("a", "b", "c")))
    assert [n.notice_id for n in result.candidates] == ["N-three", "N-two-b", "N-two-a", "N-one"]
    assert result.candidates_truncated is False
    assert (await store.lookup(LookupRequest(None, ()))).candidates == ()


async def test_rank_only_keys_order_but_never_select(store: Store) -> None:
    await store.load_notices(
        [
            stored("N-year", ["y:1980", "x"]),
            stored("N-name", ["a"]),
            stored("N-name-year", ["a", "y:1980"]),
        ],
        key_scheme="s1",
    )
    result = await store.lookup(LookupRequest(None, ("a", "y:1980")))
    assert [n.notice_id for n in result.candidates] == ["N-name-year", "N-name"]


async def test_candidate_limit_and_truncation(store: Store) -> None:
    await store.load_notices([stored(f"N{i}", ["k"]) for i in range(5)], key_scheme="s1")
    limited = await store.lookup(LookupRequest(None, ("k",), candidate_limit=3))
    assert [n.notice_id for n in limited.candidates] == ["N0", "N1", "N2"]
    assert limited.candidates_truncated is True
    exact = await store.lookup(LookupRequest(None, ("k",), candidate_limit=5))
    assert len(exact.candidates) == 5
    assert exact.candidates_truncated is False


async def test_notice_round_trips_exactly(store: Store) -> None:
    full = full_notice()
    await store.load_notices([StoredNotice(full, frozenset({"oztürk"}))], key_scheme="s1")
    assert (await store.get_notice(full.notice_id)).notice == full
    assert (await store.lookup(LookupRequest(None, ("oztürk",)))).candidates == (full,)
    again = await store.load_notices([StoredNotice(full, frozenset({"oztürk"}))], key_scheme="s1")
    assert (again.unchanged, again.version_after) == (1, again.version_before)


async def test_changed_keys_alone_update_a_notice(store: Store) -> None:
    await store.load_notices([stored("N1", ["a", "b"])], key_scheme="s1")
    report = await store.load_notices([stored("N1", ["b", "c"])], key_scheme="s1")
    assert (report.updated, report.unchanged, report.version_after) == (1, 0, 2)
    assert (await store.lookup(LookupRequest(None, ("a",)))).candidates == ()
    assert len((await store.lookup(LookupRequest(None, ("c",)))).candidates) == 1


async def test_cancelled_notice_stops_matching_but_stays_readable(store: Store) -> None:
    await store.load_notices([stored("N1", ["k"]), stored("N2", ["k"])], key_scheme="s1")
    cancelled = StoredNotice(notice("N1", status=NoticeStatus.CANCELLED), frozenset({"k"}))
    report = await store.load_notices([cancelled], key_scheme="s1")
    assert (report.cancelled, report.updated, report.inserted) == (1, 0, 0)
    result = await store.lookup(LookupRequest(None, ("k",)))
    assert [n.notice_id for n in result.candidates] == ["N2"]
    read = await store.get_notice("N1")
    assert read.notice is not None
    assert read.notice.status is NoticeStatus.CANCELLED
    assert read.provenance.state.version == report.version_after
    again = await store.load_notices([cancelled], key_scheme="s1")
    assert (again.unchanged, again.cancelled) == (1, 0)


async def test_snapshot_load_cancels_absent_notices_of_its_source_only(store: Store) -> None:
    await store.load_notices(
        [
            stored("A1", ["k"], source="src-a"),
            stored("A2", ["k"], source="src-a"),
            stored("A3", ["k"], source="src-a"),
            stored("B1", ["k"], source="src-b"),
        ],
        key_scheme="s1",
    )
    report = await store.load_notices(
        [stored("A1", ["k"], source="src-a"), stored("A4", ["k"], source="src-a")],
        key_scheme="s1",
        snapshot_source="src-a",
    )
    assert (report.rows_read, report.inserted, report.unchanged, report.cancelled) == (2, 1, 1, 2)
    assert (report.version_before, report.version_after) == (4, 7)
    result = await store.lookup(LookupRequest(None, ("k",)))
    assert [n.notice_id for n in result.candidates] == ["A1", "A4", "B1"]
    for gone in ("A2", "A3"):
        read = await store.get_notice(gone)
        assert read.notice == dataclasses.replace(
            notice(gone, source="src-a"), status=NoticeStatus.CANCELLED
        )
    assert [c.key for c in await store.changes_since(4)] == ["A4", "A2", "A3"]


async def test_key_scheme_mismatch_raises_and_writes_nothing(store: Store) -> None:
    await store.load_notices([stored("N1", ["k"])], key_scheme="scheme-1")
    assert await store.key_scheme() == "scheme-1"
    before = await snapshot(store, [], ["k"], ["N1", "N2"])
    with pytest.raises(SchemaMismatch, match="scheme-1"):
        await store.load_notices([stored("N2", ["k"])], key_scheme="scheme-2")
    assert await snapshot(store, [], ["k"], ["N1", "N2"]) == before


async def test_rekey_notices(store: Store) -> None:
    await store.load_notices(
        [
            stored("N1", ["old-1"]),
            stored("N2", ["old-2"]),
            StoredNotice(notice("N3", status=NoticeStatus.CANCELLED), frozenset()),
        ],
        key_scheme="v1",
    )
    before = await store.state()

    def keys_of(n: object) -> frozenset[str]:
        assert getattr(n, "status", None) is NoticeStatus.ACTIVE
        return frozenset({f"new-{n.notice_id}", "shared"})  # type: ignore[attr-defined]

    assert await store.rekey_notices(keys_of, "v2") == 2
    assert await store.key_scheme() == "v2"
    assert (await store.lookup(LookupRequest(None, ("old-1", "old-2")))).candidates == ()
    shared = await store.lookup(LookupRequest(None, ("shared", "new-N2")))
    assert [n.notice_id for n in shared.candidates] == ["N2", "N1"]
    changes = await store.changes_since(before.version)
    assert [(c.version, c.key) for c in changes] == [(4, "N1"), (5, "N2")]
    assert (await store.state()).version == 5
    report = await store.load_notices([stored("N1", ["new-N1", "shared"])], key_scheme="v2")
    assert report.unchanged == 1
    with pytest.raises(SchemaMismatch):
        await store.load_notices([], key_scheme="v1")


async def test_failing_rekey_writes_nothing(store: Store) -> None:
    await store.load_notices([stored("N1", ["a"]), stored("N2", ["b"])], key_scheme="v1")
    before = await snapshot(store, [], ["a", "b"], ["N1", "N2"])
    error = ValueError("matcher bug")

    def keys_of(n: object) -> frozenset[str]:
        raise error

    with pytest.raises(ValueError, match="matcher bug") as raised:
        await store.rekey_notices(keys_of, "v2")
    assert raised.value is error
    assert await snapshot(store, [], ["a", "b"], ["N1", "N2"]) == before


# ---------------------------------------------------------------- concurrency, schema


async def test_concurrent_loads_from_two_stores_are_serialised(
    store: Store, store_url: str
) -> None:
    other = await open_store(store_url, name="other")
    try:
        first = [doc(f"C{i:05d}", "AAA") for i in range(12_000)]
        second = [doc(f"C{i:05d}", "AAA", DocumentStatus.LOST) for i in range(6_000, 18_000)]
        a, b = await asyncio.gather(store.load_documents(first), other.load_documents(second))
    finally:
        await other.close()
    earlier, later = sorted([a, b], key=lambda r: r.version_before)
    assert earlier.version_before == 0
    assert later.version_before == earlier.version_after
    final = (await store.state()).version
    assert final == later.version_after
    changes = await store.changes_since(0, limit=100_000)
    assert [c.version for c in changes] == list(range(1, final + 1))
    assert final == sum(r.inserted + r.updated + r.cancelled for r in (a, b))
    assert (a.inserted, b.inserted + b.updated) == (12_000, 12_000) or (
        b.inserted,
        a.inserted + a.updated,
    ) == (12_000, 12_000)
    [last] = (await store.lookup(LookupRequest("C09000"))).documents
    assert last.status is (DocumentStatus.LOST if a is earlier else DocumentStatus.STOLEN_BLANK)


async def test_migration_is_idempotent(store: Store, store_url: str) -> None:
    await store.load_documents([doc("X1")])
    again = await open_store(store_url)
    try:
        assert (await again.state()).version == 1
    finally:
        await again.close()
    checked = await open_store(store_url, migrate=False)
    try:
        assert (await checked.lookup(LookupRequest("X1"))).documents == (doc("X1"),)
    finally:
        await checked.close()


async def test_two_processes_migrating_at_once(store_url: str) -> None:
    stores = await asyncio.gather(*(open_store(store_url) for _ in range(3)))
    try:
        for opened in stores:
            assert (await opened.state()).version == 0
    finally:
        for opened in stores:
            await opened.close()


async def test_a_changed_notice_is_never_served_from_a_stale_decode(store: Store) -> None:
    await store.load_notices([stored("N1", ["k"], surname="OLD")], key_scheme="s1")
    request = LookupRequest(None, ("k",))
    assert (await store.lookup(request)).candidates[0].names[0].surname == "OLD"
    assert (await store.lookup(request)).candidates[0].names[0].surname == "OLD"
    await store.load_notices([stored("N1", ["k"], surname="NEW")], key_scheme="s1")
    assert (await store.lookup(request)).candidates[0].names[0].surname == "NEW"


async def test_fuzzy_keys_count_a_quarter(store: Store) -> None:
    await store.load_notices(
        [
            stored("N-fuzzy", ["d:1", "d:2", "d:3"]),
            stored("N-exact", ["t:1"]),
        ],
        key_scheme="s1",
    )
    # every key has df 1: weight ln 2 each, fuzzy ones a quarter: 3/4 ln 2 < ln 2
    result = await store.lookup(LookupRequest(None, ("d:1", "d:2", "d:3", "t:1")))
    assert [n.notice_id for n in result.candidates] == ["N-exact", "N-fuzzy"]
