"""Stolen and lost travel document loader: CSV and JSON Lines to :class:`DocumentRecord`.

:func:`read_documents` reads one file lazily, record by record, so that a list of
millions of documents is never held in memory; a store consumes the iterator inside one
transaction, so a :class:`~lookup_server.errors.LoadError` raised halfway through rolls
the whole load back.

Both formats have the same fields (``docs/data-formats.md`` has examples):

==================  ========  ===============================================
field               required  value
==================  ========  ===============================================
document_number     yes       the number; separators (space ``-`` ``/`` ``.``) dropped
issuing_country     yes       ISO alpha-2, alpha-3 or ICAO code (``D`` = Germany)
status              yes       see :data:`STATUS_WORDS`
document_type       no        ICAO document code: ``P``, ``PD``, ``I``, ``ID``...
reported_by         no        reporting authority, free text
reported_on         no        ``YYYY-MM-DD``, not in the future
expires_on          no        ``YYYY-MM-DD``
record_id           no        the record's id in the source system
==================  ========  ===============================================

Line numbers in errors are physical lines of the file: the line where the CSV record
starts (a quoted field may span lines), or the JSON Lines line.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import NoReturn

from lookup_server.documents import document_key
from lookup_server.errors import LoadError
from lookup_server.loading._values import (
    check_text,
    describe_type,
    iter_lines,
    parse_country,
    parse_date,
)
from lookup_server.model import DocumentKey, DocumentRecord, DocumentStatus

__all__ = ["COLUMNS", "REQUIRED_COLUMNS", "STATUS_WORDS", "parse_status", "read_documents"]

#: Every column (CSV) or key (JSON Lines) of a document record, in the usual order.
COLUMNS: tuple[str, ...] = (
    "document_number",
    "issuing_country",
    "document_type",
    "status",
    "reported_by",
    "reported_on",
    "expires_on",
    "record_id",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("document_number", "issuing_country", "status")

#: Accepted status words (lower case, ``-`` separated) and the status each one means.
#: Case is ignored and ``_`` or a space may replace ``-``.
STATUS_WORDS: Mapping[str, DocumentStatus] = {
    "stolen-blank": DocumentStatus.STOLEN_BLANK,
    "stolen-from-bearer": DocumentStatus.STOLEN_FROM_BEARER,
    "stolen": DocumentStatus.STOLEN_FROM_BEARER,
    "lost": DocumentStatus.LOST,
    "revoked": DocumentStatus.REVOKED,
    "invalidated": DocumentStatus.INVALIDATED,
    "cancelled": DocumentStatus.CANCELLED,
    "recovered": DocumentStatus.CANCELLED,
    "withdrawn": DocumentStatus.CANCELLED,
}

_SEPARATOR_RUN = re.compile(r"[-_ ]+")
_DOCUMENT_TYPE = re.compile(r"[A-Z][A-Z0-9]?")
_MAX_AUTHORITY = 200
_MAX_RECORD_ID = 100


def parse_status(text: str) -> DocumentStatus:
    """A status word (:data:`STATUS_WORDS`) -> DocumentStatus; ValueError listing the words."""
    word = text.strip().lower()
    status = STATUS_WORDS.get(word)
    if status is None:
        word = _SEPARATOR_RUN.sub("-", word)
        status = STATUS_WORDS.get(word)
    if status is None:
        raise ValueError(
            f"status {text.strip()!r} is not one of {', '.join(STATUS_WORDS)} "
            "(case is ignored; '_' or a space may replace '-')"
        )
    return status


def read_documents(path: Path) -> Iterator[DocumentRecord]:
    """Yield the records of ``path`` (``.csv``, or ``.jsonl``/``.ndjson``), lazily.

    Raises :class:`LoadError` naming the line and field of the first bad value. Nothing
    is read before the first ``next()``.
    """
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _read_jsonl(path)
    elif suffix == ".csv":
        yield from _read_csv(path)
    else:
        raise LoadError(
            str(path), None, None, f"unknown file type {suffix!r}: expected .csv or .jsonl"
        )


class _Record:
    """Builds one record from its raw field values; errors name the line and field."""

    def __init__(self, source: str, line: int) -> None:
        self.source = source
        self.line = line

    def fail(self, field: str | None, problem: str) -> NoReturn:
        raise LoadError(self.source, self.line, field, problem)

    def build(self, values: Mapping[str, str]) -> DocumentRecord:
        get = {name: value.strip() for name, value in values.items()}.get
        for name in REQUIRED_COLUMNS:
            if not get(name):
                self.fail(name, f"{name} is empty")
        key = self._key(get("issuing_country", ""), get("document_number", ""))
        try:
            status = parse_status(get("status", ""))
        except ValueError as exc:
            self.fail("status", str(exc))
        raw_type = get("document_type", "")
        document_type = raw_type.upper().rstrip("<")
        if document_type and not _DOCUMENT_TYPE.fullmatch(document_type):
            self.fail(
                "document_type",
                f"document type {raw_type!r} is not an ICAO document code "
                "(one letter, optionally a second letter or digit: P, PD, I, ID, AC)",
            )
        return DocumentRecord(
            key=key,
            status=status,
            document_type=document_type,
            reported_by=self._text("reported_by", get("reported_by", ""), _MAX_AUTHORITY),
            reported_on=self._date("reported_on", get("reported_on", ""), not_after_today=True),
            expires_on=self._date("expires_on", get("expires_on", ""), not_after_today=False),
            record_id=self._text("record_id", get("record_id", ""), _MAX_RECORD_ID),
        )

    def _key(self, issuing_country: str, number: str) -> DocumentKey:
        try:
            country = parse_country(issuing_country)
        except ValueError as exc:
            self.fail("issuing_country", str(exc))
        try:
            return document_key(country, number)
        except ValueError as exc:
            self.fail("document_number", f"{exc} ({number!r})")

    def _text(self, field: str, value: str, max_length: int) -> str:
        try:
            return check_text(value, max_length=max_length)
        except ValueError as exc:
            self.fail(field, f"{field} {exc}")

    def _date(self, field: str, value: str, *, not_after_today: bool) -> dt.date | None:
        if not value:
            return None
        try:
            return parse_date(value, not_after_today=not_after_today)
        except ValueError as exc:
            self.fail(field, str(exc))


# --------------------------------------------------------------------------- CSV


class _LineFeed:
    """Feeds decoded physical lines to :func:`csv.reader` and counts them."""

    def __init__(self, path: Path) -> None:
        self.lines = iter_lines(path)
        self.count = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        number, text = next(self.lines)
        self.count = number
        return text


def _read_header(source: str, row: list[str]) -> list[str]:
    names = [cell.strip().lower() for cell in row]
    seen: set[str] = set()
    for index, name in enumerate(names, 1):
        if not name:
            raise LoadError(source, 1, None, f"column {index} of the header row has no name")
        if name not in COLUMNS:
            raise LoadError(
                source,
                1,
                name,
                f"unknown column {name!r} (allowed: {', '.join(COLUMNS)})",
            )
        if name in seen:
            raise LoadError(source, 1, name, f"column {name!r} appears twice in the header row")
        seen.add(name)
    for name in REQUIRED_COLUMNS:
        if name not in seen:
            raise LoadError(
                source, 1, name, f"the header row has no column {name!r}, which is required"
            )
    return names


def _read_csv(path: Path) -> Iterator[DocumentRecord]:
    source = str(path)
    feed = _LineFeed(path)
    reader = csv.reader(feed, strict=True)
    header: list[str] | None = None
    while True:
        start = feed.count + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise LoadError(source, start, None, f"malformed CSV: {exc}") from None
        if header is None:
            if start != 1 or not row:
                raise LoadError(source, 1, None, "the first line must be the header row")
            header = _read_header(source, row)
            continue
        if not any(cell.strip() for cell in row):
            continue  # a blank line
        if len(row) != len(header):
            raise LoadError(
                source,
                start,
                None,
                f"the record has {len(row)} fields, the header row has {len(header)}",
            )
        yield _Record(source, start).build(dict(zip(header, row, strict=True)))
    if header is None:
        raise LoadError(source, 1, None, "the file is empty: a header row is required")


# --------------------------------------------------------------------------- JSON Lines


def _read_jsonl(path: Path) -> Iterator[DocumentRecord]:
    source = str(path)
    for number, line in iter_lines(path):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise LoadError(
                source, number, None, f"malformed JSON: {exc.msg} (column {exc.colno})"
            ) from None
        except (ValueError, RecursionError) as exc:
            problem = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
            raise LoadError(source, number, None, f"malformed JSON: {problem}") from None
        record = _Record(source, number)
        if not isinstance(value, dict):
            record.fail(None, f"a line must hold a JSON object, not {describe_type(value)}")
        values: dict[str, str] = {}
        for key, raw in value.items():
            if key not in COLUMNS:
                record.fail(key, f"unknown key {key!r} (allowed: {', '.join(COLUMNS)})")
            if raw is None:
                continue
            if not isinstance(raw, str):
                hint = " (write numbers as strings: a number loses leading zeros)"
                record.fail(
                    key,
                    f"{key} must be a string, not {describe_type(raw)}"
                    + (hint if isinstance(raw, int | float) and not isinstance(raw, bool) else ""),
                )
            values[key] = raw
        yield record.build(values)
