"""Builders and checks shared by the store tests (records, notices, failing iterables)."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from lookup_server.errors import LoadError
from lookup_server.model import (
    DataState,
    DocumentKey,
    DocumentRecord,
    DocumentStatus,
    Notice,
    NoticeStatus,
    NoticeType,
    PartialDate,
    PersonName,
    Sex,
)
from lookup_server.store import Change, LookupRequest, Store, StoredNotice


def doc(
    number: str,
    country: str = "FRA",
    status: DocumentStatus = DocumentStatus.STOLEN_BLANK,
    **fields: Any,
) -> DocumentRecord:
    return DocumentRecord(key=DocumentKey(country, number), status=status, **fields)


def notice(
    notice_id: str,
    *,
    status: NoticeStatus = NoticeStatus.ACTIVE,
    source: str = "test",
    surname: str = "DOE",
    **fields: Any,
) -> Notice:
    return Notice(
        notice_id=notice_id,
        type=NoticeType.RED,
        status=status,
        names=(PersonName(surname=surname, given_names="JOHN"),),
        source=source,
        **fields,
    )


def stored(notice_id: str, keys: Iterable[str], **fields: Any) -> StoredNotice:
    return StoredNotice(notice=notice(notice_id, **fields), keys=frozenset(keys))


def full_notice(notice_id: str = "2024/1234") -> Notice:
    """A notice with every field set, to check that nothing is lost on the way."""
    return Notice(
        notice_id=notice_id,
        type=NoticeType.YELLOW,
        status=NoticeStatus.ACTIVE,
        names=(
            PersonName("ÖZTÜRK", "AYŞE", script="Latn"),
            PersonName("أوزتورك", "عائشة", script="Arab"),
        ),
        dates_of_birth=(PartialDate(1980, 5, 12), PartialDate(1981, None, None)),
        sex=Sex.FEMALE,
        nationalities=("TUR", "DEU"),
        issuing_country="TUR",
        charges=("missing person",),
        source="interpol-public",
        published_on=dt.date(2024, 2, 29),
        updated_at=dt.datetime(2024, 3, 1, 12, 30, tzinfo=dt.UTC),
    )


def failing(rows: Iterable[object], after: int, error: BaseException) -> Iterator[object]:
    """Yields the first ``after`` rows of ``rows``, then raises ``error``."""
    for count, row in enumerate(rows):
        if count == after:
            raise error
        yield row
    raise error


def load_error() -> LoadError:
    return LoadError("test.csv", 7, "number", "not a document number")


@dataclass(frozen=True)
class Snapshot:
    """Everything a test can see of a store, to compare before and after an operation."""

    state: DataState
    key_scheme: str | None
    changes: list[Change]
    documents: dict[str, tuple[DocumentRecord, ...]]
    candidates: tuple[Notice, ...]
    notices: dict[str, Notice | None]


async def snapshot(
    store: Store, numbers: Iterable[str], keys: Iterable[str], notice_ids: Iterable[str] = ()
) -> Snapshot:
    result = await store.lookup(LookupRequest(None, tuple(keys), candidate_limit=10_000))
    return Snapshot(
        state=await store.state(),
        key_scheme=await store.key_scheme(),
        changes=await store.changes_since(0, 1_000_000),
        documents={
            n: (await store.lookup(LookupRequest(n))).documents for n in sorted(set(numbers))
        },
        candidates=result.candidates,
        notices={i: (await store.get_notice(i)).notice for i in notice_ids},
    )


async def assert_lookups_see_one_snapshot(store: Store, rounds: int = 40, readers: int = 4) -> int:
    """While loads update two records per round, every lookup sees one version of both.

    Round ``i`` sets record_id ``r<i>`` on FRA:SNAP and DEU:SNAP (two versions). A
    lookup that saw data version V must see ``r<(V - base) / 2>`` on both records.
    Returns the number of lookups checked.
    """
    first = [doc("SNAP", c, record_id="r0") for c in ("FRA", "DEU")]
    base = (await store.load_documents(first)).version_after
    done = asyncio.Event()
    checked = 0

    async def writer() -> None:
        try:
            for i in range(1, rounds + 1):
                rows = [doc("SNAP", c, record_id=f"r{i}") for c in ("FRA", "DEU")]
                report = await store.load_documents(rows)
                assert report.version_after == base + 2 * i
        finally:
            done.set()

    async def reader() -> None:
        nonlocal checked
        while not done.is_set():
            result = await store.lookup(LookupRequest("SNAP"))
            version = result.state.version
            assert (version - base) % 2 == 0, f"saw half a load (version {version})"
            expected = f"r{(version - base) // 2}"
            assert [d.record_id for d in result.documents] == [expected, expected]
            assert result.provenance.state == result.state
            checked += 1

    await asyncio.gather(writer(), *(reader() for _ in range(readers)))
    return checked


async def execute_raw(url: str, sql: str) -> None:
    """Run ``sql`` on the database behind a store URL, around the store (for tampering)."""
    if url.startswith("sqlite:"):
        import sqlite3

        from lookup_server.store.sqlite import path_from_url

        def run() -> None:
            conn = sqlite3.connect(path_from_url(url), isolation_level=None)
            try:
                conn.execute(sql)
            finally:
                conn.close()

        await asyncio.to_thread(run)
        return
    import asyncpg

    conn = await asyncpg.connect(url)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()
