"""Engine-independent pieces of the stores: row shapes, chunking, load counting, caching.

Both engines stage loads the same way: rows are pulled from the caller's iterable in
chunks (bounded memory for million-row files), each staged row carries a sequence
number (the last row of a key wins, and versions follow file order), and the upsert
labels every changed record with an *outcome* that this module turns into a
:class:`LoadReport`. Both decode candidate notices through :class:`NoticeCache`, and
redact URLs with :func:`redact_url`. Nothing here talks to a database.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from lookup_server.errors import SchemaMismatch
from lookup_server.model import DocumentKey, DocumentRecord, DocumentStatus, Notice, NoticeStatus
from lookup_server.store.base import Change, ChangeKind, LoadReport, StoredNotice
from lookup_server.store.codec import notice_from_json, notice_to_json

#: Decoded notices kept per store (see NoticeCache); 0 disables the cache.
DEFAULT_NOTICE_CACHE = 100_000  # decoded notices kept per store: a full list of ~50k-100k
#: Rows staged per round trip / executemany; bounds the memory a load holds.
DEFAULT_CHUNK_ROWS = 10_000

#: Outcome labels of changed records (see :func:`outcome_sql`).
INSERTED = "inserted"
UPDATED = "updated"
CANCELLED = "cancelled"
#: An active notice cancelled because a snapshot load of its source no longer lists it.
SWEPT = "swept"

#: Columns of a staged document row, after its sequence number.
DOCUMENT_COLUMNS = (
    "number",
    "issuing_country",
    "document_type",
    "status",
    "reported_by",
    "reported_on",
    "expires_on",
    "record_id",
)
#: Columns of a staged notice row, after its sequence number.
NOTICE_COLUMNS = ("id", "type", "status", "source", "doc", "keys")

_T = TypeVar("_T")
_R = TypeVar("_R")

DocumentValues = tuple[str, str, str, str, str, dt.date | None, dt.date | None, str]
NoticeValues = tuple[str, str, str, str, str, list[str]]


def outcome_sql(new: str, old: str) -> str:
    """SQL (both dialects) labelling a changed row; ``old`` columns are NULL when new.

    A row counts as *cancelled* when it becomes cancelled in this load (new, or stored
    with another status); otherwise as *inserted* or *updated*. Both tables have a
    NOT NULL status, so a NULL ``old.status`` means "not stored before".
    """
    return (
        f"CASE WHEN {new}.status = 'cancelled'"
        f" AND ({old}.status IS NULL OR {old}.status <> 'cancelled') THEN '{CANCELLED}'"
        f" WHEN {old}.status IS NULL THEN '{INSERTED}' ELSE '{UPDATED}' END"
    )


def document_values(record: DocumentRecord) -> DocumentValues:
    return (
        record.key.number,
        record.key.issuing_country,
        record.document_type,
        record.status.value,
        record.reported_by,
        record.reported_on,
        record.expires_on,
        record.record_id,
    )


def notice_values(stored: StoredNotice) -> NoticeValues:
    """A notice as staged: its JSON and its keys, sorted (none when cancelled)."""
    notice = stored.notice
    keys = sorted(stored.keys) if notice.status is NoticeStatus.ACTIVE else []
    return (
        notice.notice_id,
        notice.type.value,
        notice.status.value,
        notice.source,
        notice_to_json(notice),
        keys,
    )


def pull_chunk(
    rows: Iterator[_T], first_seq: int, size: int, convert: Callable[[int, _T], _R]
) -> list[_R]:
    """The next ``size`` rows (fewer at the end) converted with their sequence numbers.

    Sequence numbers start at ``first_seq``. Exceptions from ``rows`` propagate as they
    are: the caller rolls back and lets the very same exception object reach its caller.
    """
    return [
        convert(seq, row)
        for seq, row in zip(itertools.count(first_seq), itertools.islice(rows, size))
    ]


def key_scheme_mismatch(backend: str, stored: str, new: str) -> SchemaMismatch:
    return SchemaMismatch(
        backend,
        f"stored blocking keys use scheme {stored!r} but this load uses {new!r}: "
        "rekey the notices first",
    )


def make_report(
    *, rows_read: int, distinct: int, outcomes: Mapping[str, int], version_before: int
) -> LoadReport:
    """Counts of a load from the outcome of each changed record.

    ``distinct`` is the number of distinct keys read; those that did not change are
    ``unchanged``. ``cancelled`` includes notices swept by a snapshot load.
    """
    inserted = outcomes.get(INSERTED, 0)
    updated = outcomes.get(UPDATED, 0)
    cancelled = outcomes.get(CANCELLED, 0)
    swept = outcomes.get(SWEPT, 0)
    changed = inserted + updated + cancelled
    return LoadReport(
        rows_read=rows_read,
        inserted=inserted,
        updated=updated,
        unchanged=distinct - changed,
        cancelled=cancelled + swept,
        version_before=version_before,
        version_after=version_before + changed + swept,
    )


def _date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def document_from_row(row: Sequence[Any]) -> DocumentRecord:
    """A stored document as a record.

    ``row`` is (issuing_country, number, status, document_type, reported_by,
    reported_on, expires_on, record_id), dates as ``date`` or ISO text.
    """
    country, number, status, document_type, reported_by, reported_on, expires_on, record_id = row
    return DocumentRecord(
        key=DocumentKey(issuing_country=country, number=number),
        status=DocumentStatus(status),
        document_type=document_type,
        reported_by=reported_by,
        reported_on=_date(reported_on),
        expires_on=_date(expires_on),
        record_id=record_id,
    )


def change_from_values(version: int, kind: str, key: str, at: dt.datetime) -> Change:
    return Change(version=version, kind=ChangeKind(kind), key=key, at=at)


class NoticeCache:
    """Decoded candidate notices by (id, version), least recently used out first.

    Decoding a notice's JSON costs ~10 us, which for 200 candidates would dominate a
    lookup. A stored notice never changes without taking a new version, so a decoded
    notice can be reused as long as the version matches. Only the event loop thread
    uses it. :meth:`seen_version` empties it when the data version goes backwards (the
    database was rebuilt), the one case where an (id, version) pair could be reused.
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[tuple[str, int], Notice] = OrderedDict()
        self._max_version = 0

    def seen_version(self, version: int) -> None:
        if version < self._max_version:
            self._items.clear()
        self._max_version = version

    def decode(self, notice_id: str, version: int, doc: str) -> Notice:
        key = (notice_id, version)
        notice = self._items.get(key)
        if notice is not None:
            self._items.move_to_end(key)
            return notice
        notice = notice_from_json(doc)
        if self._size > 0:
            self._items[key] = notice
            if len(self._items) > self._size:
                self._items.popitem(last=False)
        return notice

    def decode_all(
        self, ids: Sequence[str], versions: Sequence[int], docs: Sequence[str]
    ) -> tuple[Notice, ...]:
        return tuple(map(self.decode, ids, versions, docs))


_PASSWORD_PARAM = re.compile(r"(?i)(^|&)(password|passfile)=[^&]*")


def redact_url(url: str) -> str:
    """``url`` with any password replaced by ``***``, safe for messages and logs."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparsable URL>"
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        if ":" in userinfo:
            netloc = f"{userinfo.split(':', 1)[0]}:***@{host}"
    query = _PASSWORD_PARAM.sub(lambda m: f"{m[1]}{m[2]}=***", parts.query)
    return urlunsplit(parts._replace(netloc=netloc, query=query))
