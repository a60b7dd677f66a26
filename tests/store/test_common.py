"""Engine-independent helpers: the decoded-notice cache, chunking, load counting."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from lookup_server.store._common import (
    CANCELLED,
    INSERTED,
    SWEPT,
    UPDATED,
    NoticeCache,
    make_report,
    pull_chunk,
)
from lookup_server.store.codec import notice_to_json
from tests.store.helpers import load_error, notice


def test_notice_cache_reuses_decodes_per_version_and_evicts_oldest() -> None:
    cache = NoticeCache(size=2)
    doc1, doc2, doc3 = (notice_to_json(notice(f"N{i}")) for i in (1, 2, 3))
    first = cache.decode("N1", 1, doc1)
    assert cache.decode("N1", 1, doc1) is first
    assert cache.decode("N1", 2, doc1) is not first  # a new version is decoded again
    cache.decode("N2", 3, doc2)
    cache.decode("N3", 4, doc3)  # evicts ("N1", 1) and ("N1", 2)
    assert cache.decode("N1", 1, doc1) is not first


def test_notice_cache_is_emptied_when_the_data_version_goes_back() -> None:
    cache = NoticeCache(size=10)
    doc = notice_to_json(notice("N1"))
    cache.seen_version(5)
    first = cache.decode("N1", 5, doc)
    cache.seen_version(6)
    assert cache.decode("N1", 5, doc) is first
    cache.seen_version(2)  # another database history: (id, version) means something else
    assert cache.decode("N1", 5, doc) is not first


def test_disabled_notice_cache_still_decodes() -> None:
    cache = NoticeCache(size=0)
    doc = notice_to_json(notice("N1"))
    assert cache.decode("N1", 1, doc) == notice("N1")
    assert cache.decode("N1", 1, doc) is not cache.decode("N1", 1, doc)


def test_pull_chunk_numbers_rows_and_lets_errors_through() -> None:
    rows = iter("abcde")
    assert pull_chunk(rows, 0, 2, lambda seq, r: (seq, r)) == [(0, "a"), (1, "b")]
    assert pull_chunk(rows, 2, 5, lambda seq, r: (seq, r)) == [(2, "c"), (3, "d"), (4, "e")]
    assert pull_chunk(rows, 5, 5, lambda seq, r: (seq, r)) == []
    error = load_error()

    def failing() -> Iterator[int]:
        yield 1
        raise error

    with pytest.raises(type(error)) as raised:
        pull_chunk(failing(), 0, 10, lambda seq, r: r)
    assert raised.value is error


def test_make_report() -> None:
    outcomes = {INSERTED: 3, UPDATED: 2, CANCELLED: 1, SWEPT: 4}
    report = make_report(rows_read=12, distinct=10, outcomes=outcomes, version_before=7)
    assert (report.inserted, report.updated, report.unchanged) == (3, 2, 4)
    assert report.cancelled == 5
    assert (report.version_before, report.version_after) == (7, 17)
    assert report.rows_read == 12
