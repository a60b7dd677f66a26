"""Value parsers shared by the loaders: dates, countries, free text and file reading.

Every parser here raises ``ValueError`` with a message meant for the person who wrote
the file (``month 13 is not a month``); the loaders turn it into a
:class:`~lookup_server.errors.LoadError` that adds the file, the line and the field.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from lookup_server.countries import normalize_country
from lookup_server.errors import LoadError
from lookup_server.model import PartialDate

#: Earliest year accepted in a date of birth. Older dates are typing errors.
EARLIEST_BIRTH_YEAR = 1880

_BOM = b"\xef\xbb\xbf"
_CONTROL = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_DATE_SHAPE = re.compile(
    r"(?P<y>[0-9Xx]{4})(?:(?P<sep>[-/])(?P<m>[0-9Xx]{2})(?:(?P=sep)(?P<d>[0-9Xx]{2}))?)?"
)
_FULL_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_MONTHS = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def _part(text: str | None) -> int | None:
    """A date part: None when absent or unknown (``XX``), else its value."""
    if text is None or set(text.upper()) == {"X"}:
        return None
    if not text.isdigit():
        raise ValueError("mixes digits and X")
    return int(text)


def parse_partial_date(text: str) -> PartialDate:
    """A date of birth: ``1980-05-12``, ``1980-05``, ``1980``, ``1980-XX-12``.

    ``/`` may replace ``-`` (INTERPOL writes ``1980/05/12``). Unknown parts are written
    ``XX``/``XXXX``. A date in the future or before :data:`EARLIEST_BIRTH_YEAR` is wrong.
    """
    value = text.strip()
    match = _DATE_SHAPE.fullmatch(value)
    if match is None:
        raise ValueError(
            f"{text!r} is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY, "
            "unknown parts as XX, e.g. 1980-XX-12)"
        )
    try:
        year, month, day = _part(match["y"]), _part(match["m"]), _part(match["d"])
    except ValueError:
        raise ValueError(
            f"{text!r}: a part of a date is either all digits or all X (e.g. 1980-XX-12)"
        ) from None
    if year is None and month is None and day is None:
        raise ValueError(f"{text!r} has no known part; leave the date out instead")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{text!r}: month {month} is not a month")
    if day is not None and not 1 <= day <= 31:
        raise ValueError(f"{text!r}: day {day} is not a day of any month")
    if year is not None:
        if year < EARLIEST_BIRTH_YEAR:
            raise ValueError(f"{text!r}: year {year} is before {EARLIEST_BIRTH_YEAR}")
        if month is not None and day is not None:
            last = calendar.monthrange(year, month)[1]
            if day > last:
                raise ValueError(f"{text!r}: {_MONTHS[month]} {year} has {last} days, not {day}")
            if dt.date(year, month, day) > _today():
                raise ValueError(f"{text!r} is in the future")
        elif year > _today().year:
            raise ValueError(f"{text!r} is in the future")
    elif month is not None and day is not None and day > calendar.monthrange(2000, month)[1]:
        raise ValueError(f"{text!r}: {_MONTHS[month]} has no day {day}")
    return PartialDate(year, month, day)


def parse_date(text: str, *, not_after_today: bool = False) -> dt.date:
    """A complete calendar date ``YYYY-MM-DD``."""
    date = _calendar_date(text.strip())
    # One day of slack: a file written in a time zone ahead of UTC.
    if not_after_today and date > _today() + dt.timedelta(days=1):
        raise ValueError(f"{text!r} is in the future")
    return date


@functools.lru_cache(maxsize=8192)
def _calendar_date(value: str) -> dt.date:
    """``YYYY-MM-DD`` -> date (cached: a list of a million records has few distinct dates)."""
    match = _FULL_DATE.fullmatch(value)
    if match is None:
        raise ValueError(f"{value!r} is not a date (expected YYYY-MM-DD)")
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        raise ValueError(f"{value!r}: month {month} is not a month")
    if year < 1:
        raise ValueError(f"{value!r}: year 0 does not exist")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise ValueError(f"{value!r}: {_MONTHS[month]} {year} has {last} days, not {day}")
    return dt.date(year, month, day)


def parse_country(text: str) -> str:
    """ISO alpha-2, alpha-3 or ICAO code -> alpha-3 (``normalize_country``)."""
    if not text.strip():
        raise ValueError("country code is empty")
    return normalize_country(text)


def check_text(text: str, *, max_length: int) -> str:
    """Free text (names, authorities, charges): stripped, no control characters.

    Zero-width joiners (used in Persian and Indic names) are allowed.
    """
    value = text.strip()
    if len(value) > max_length:
        raise ValueError(f"is {len(value)} characters long, at most {max_length} are allowed")
    if value.isprintable():  # fast path: no Cc, Cf, Cs, Co, Cn (nor non-ASCII spaces)
        return value
    for char in value:
        if unicodedata.category(char) in _CONTROL and char not in "\u200c\u200d":
            raise ValueError(f"contains the control character U+{ord(char):04X}")
    return value


def describe_type(value: object) -> str:
    """``a number``, ``null``... for messages about a JSON value of the wrong type."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def read_text(path: Path) -> str:
    """The whole file as text (UTF-8, a BOM tolerated); LoadError when unreadable."""
    data = read_bytes(path)
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise LoadError(
            str(path), line, None, f"not UTF-8: byte 0x{data[exc.start]:02X} cannot be decoded"
        ) from None


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise LoadError(
            str(path), None, None, f"cannot read the file: {exc.strerror or exc}"
        ) from None


def iter_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) for each physical line, line ending kept; decoded as UTF-8.

    Lines are split on ``\\n`` only (as :mod:`csv` and JSON Lines expect), read
    lazily. A BOM at the start of the file is dropped.
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise LoadError(
            str(path), None, None, f"cannot open the file: {exc.strerror or exc}"
        ) from None
    with handle:
        number = 0
        while True:
            try:
                raw = handle.readline()
            except OSError as exc:
                raise LoadError(
                    str(path), number + 1, None, f"cannot read the file: {exc.strerror or exc}"
                ) from None
            if not raw:
                return
            number += 1
            if number == 1 and raw.startswith(_BOM):
                raw = raw[len(_BOM) :]
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise LoadError(
                    str(path),
                    number,
                    None,
                    f"not UTF-8: byte 0x{raw[exc.start]:02X} at position {exc.start + 1} "
                    "cannot be decoded",
                ) from None
            yield number, text
