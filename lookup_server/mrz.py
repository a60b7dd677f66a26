"""Machine readable zones (ICAO Doc 9303 parts 3 to 7): parsing, check digits, formatting.

This module owns everything about the MRZ of a travel document:

* :func:`parse_mrz` reads the lines a border terminal scanned (TD1 identity cards, TD2,
  TD3 passports, MRV-A and MRV-B visas), verifies every check digit and returns an
  :class:`MrzResult`, which :meth:`MrzResult.to_query` turns into the
  :class:`~lookup_server.model.TravellerQuery` the checker works on. Every problem with
  the lines is raised as :class:`~lookup_server.errors.MrzError` naming the line, the MRZ
  field and a reason code; nothing else ever escapes the parser.
* :func:`check_digit` is the 7-3-1 check digit of Doc 9303 Part 3.
* :func:`mrz_name` transliterates a name into the MRZ character set (Part 3, section 6),
  and :func:`format_td1`, :func:`format_td2`, :func:`format_td3`, :func:`format_mrva` and
  :func:`format_mrvb` write MRZ lines, for the synthetic data generator and the tests.

Positions in error descriptions are 1-based, as Doc 9303 counts them; the line index in
``MrzError.field`` (``mrz.lines[1]``) is 0-based, as the request's list is.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, NoReturn

from anyascii import anyascii

from lookup_server.countries import normalize_country
from lookup_server.documents import normalize_document_number
from lookup_server.errors import MrzError
from lookup_server.model import DocumentKey, MrzFormat, PartialDate, Sex, TravellerQuery

__all__ = [
    "MrzResult",
    "check_digit",
    "format_mrva",
    "format_mrvb",
    "format_td1",
    "format_td2",
    "format_td3",
    "mrz_name",
    "parse_mrz",
]

FILLER: Final = "<"

# Reason codes carried by MrzError.reason.
MRZ_FORMAT: Final = "MRZ_FORMAT"
MRZ_CHARACTER: Final = "MRZ_CHARACTER"
MRZ_CHECK_DIGIT: Final = "MRZ_CHECK_DIGIT"
MRZ_DATE: Final = "MRZ_DATE"
MRZ_COUNTRY: Final = "MRZ_COUNTRY"
MRZ_SEX: Final = "MRZ_SEX"

# Lines longer than this (before stripping whitespace) are rejected before any other
# work, so a caller cannot make the parser chew on megabytes.
_MAX_RAW_LINE: Final = 44 + 20

_ACCEPTED: Final = (
    "accepted: 3 lines of 30 characters (TD1), 2 lines of 36 (TD2, MRV-B visa) "
    "or 2 lines of 44 (TD3 passport, MRV-A visa)"
)

_CHAR_VALUES: Final[dict[str, int]] = {
    **{str(d): d for d in range(10)},
    **{chr(ord("A") + i): 10 + i for i in range(26)},
    FILLER: 0,
}
_WEIGHTS: Final = (7, 3, 1)
_MRZ_CHARS: Final = frozenset(_CHAR_VALUES)
_INPUT_CHARS: Final = _MRZ_CHARS | frozenset("abcdefghijklmnopqrstuvwxyz")
_DIGITS: Final = frozenset("0123456789")


def check_digit(data: str) -> str:
    """The Doc 9303 check digit of ``data`` (A-Z, 0-9 and ``<`` only), as one character.

    Weights 7, 3, 1 repeating; digits count their value, ``A``..``Z`` 10..35, ``<`` 0.
    Raises ValueError on any other character.
    """
    total = 0
    for index, char in enumerate(data):
        value = _CHAR_VALUES.get(char)
        if value is None:
            raise ValueError(f"character {char!r} is not in the MRZ character set")
        total += value * _WEIGHTS[index % 3]
    return str(total % 10)


# --------------------------------------------------------------------------- layouts


@dataclass(frozen=True, slots=True)
class _Span:
    """Where one MRZ field lies: line index, start and end (exclusive), 0-based."""

    name: str
    line: int
    start: int
    end: int


def _line2_common() -> tuple[_Span, ...]:
    # The second line of TD2, TD3 and both visas starts the same way.
    return (
        _Span("document_number", 1, 0, 10),
        _Span("nationality", 1, 10, 13),
        _Span("date_of_birth", 1, 13, 20),
        _Span("sex", 1, 20, 21),
        _Span("date_of_expiry", 1, 21, 28),
    )


def _line1_common(width: int) -> tuple[_Span, ...]:
    return (
        _Span("document_code", 0, 0, 2),
        _Span("issuing_state", 0, 2, 5),
        _Span("name", 0, 5, width),
    )


_LAYOUTS: Final[dict[MrzFormat, tuple[_Span, ...]]] = {
    MrzFormat.TD1: (
        _Span("document_code", 0, 0, 2),
        _Span("issuing_state", 0, 2, 5),
        _Span("document_number", 0, 5, 15),
        _Span("optional_data", 0, 15, 30),
        _Span("date_of_birth", 1, 0, 7),
        _Span("sex", 1, 7, 8),
        _Span("date_of_expiry", 1, 8, 15),
        _Span("nationality", 1, 15, 18),
        _Span("optional_data", 1, 18, 29),
        _Span("composite", 1, 29, 30),
        _Span("name", 2, 0, 30),
    ),
    MrzFormat.TD2: (
        *_line1_common(36),
        *_line2_common(),
        _Span("optional_data", 1, 28, 35),
        _Span("composite", 1, 35, 36),
    ),
    MrzFormat.MRVB: (
        *_line1_common(36),
        *_line2_common(),
        _Span("optional_data", 1, 28, 36),
    ),
    MrzFormat.TD3: (
        *_line1_common(44),
        *_line2_common(),
        _Span("personal_number", 1, 28, 43),
        _Span("composite", 1, 43, 44),
    ),
    MrzFormat.MRVA: (
        *_line1_common(44),
        *_line2_common(),
        _Span("optional_data", 1, 28, 44),
    ),
}


def _field_at(fmt: MrzFormat, line: int, position: int) -> str:
    for span in _LAYOUTS[fmt]:
        if span.line == line and span.start <= position < span.end:
            return span.name
    return ""


def _format_from_shape(lengths: Sequence[int], first_char: str) -> MrzFormat | None:
    visa = first_char == "V"
    if len(lengths) == 3 and all(n == 30 for n in lengths):
        return MrzFormat.TD1
    if len(lengths) == 2 and all(n == 44 for n in lengths):
        return MrzFormat.MRVA if visa else MrzFormat.TD3
    if len(lengths) == 2 and all(n == 36 for n in lengths):
        return MrzFormat.MRVB if visa else MrzFormat.TD2
    return None


# --------------------------------------------------------------------------- result


@dataclass(frozen=True, slots=True)
class MrzResult:
    """The fields of a parsed MRZ, fillers removed, countries as alpha-3 codes."""

    format: MrzFormat
    document_code: str
    issuing_state: str
    document_number: str
    surname: str
    given_names: str
    nationality: str
    date_of_birth: PartialDate
    sex: Sex
    date_of_expiry: PartialDate
    optional_data: str
    personal_number: str
    name_truncated: bool

    def to_query(self) -> TravellerQuery:
        """The traveller to check: document key, names, dates, sex and nationality."""
        return TravellerQuery(
            document=DocumentKey(
                self.issuing_state, normalize_document_number(self.document_number)
            ),
            surname=self.surname,
            given_names=self.given_names,
            date_of_birth=self.date_of_birth,
            sex=self.sex,
            nationality=self.nationality,
            document_type=self.document_code,
            date_of_expiry=self.date_of_expiry,
            mrz_format=self.format,
            name_truncated=self.name_truncated,
        )


# --------------------------------------------------------------------------- parsing


def parse_mrz(
    lines: Sequence[str],
    *,
    today: dt.date | None = None,
    field_prefix: str = "mrz.lines",
    allow_unknown_countries: bool = False,
) -> MrzResult:
    """Parse and verify the MRZ ``lines``; raise :class:`MrzError` on any problem.

    Each line is stripped of surrounding whitespace and upper-cased first. ``today``
    decides the century of two-digit years (default: the current date).
    ``allow_unknown_countries`` keeps a well-formed three-letter code that is not an
    ICAO/ISO code as it is (ICAO's specimen state ``UTO``) instead of rejecting it.
    """
    reader = _Reader(
        field_prefix=field_prefix,
        today=today if today is not None else dt.date.today(),
        allow_unknown_countries=allow_unknown_countries,
    )
    return reader.read(lines)


class _Reader:
    def __init__(self, *, field_prefix: str, today: dt.date, allow_unknown_countries: bool):
        self.prefix = field_prefix
        self.today = today
        self.allow_unknown_countries = allow_unknown_countries
        self.lines: list[str] = []
        self.format = MrzFormat.TD3

    # ----------------------------------------------------------------- errors

    def fail(self, line: int | None, mrz_field: str, reason: str, description: str) -> NoReturn:
        field = self.prefix if line is None else f"{self.prefix}[{line}]"
        raise MrzError(field, description, mrz_field=mrz_field, reason=reason)

    @staticmethod
    def where(line: int, start: int, end: int | None = None) -> str:
        """``line 2, position 20`` or ``line 2, positions 14-19`` (1-based)."""
        if end is None or end - start <= 1:
            return f"line {line + 1}, position {start + 1}"
        return f"line {line + 1}, positions {start + 1}-{end}"

    # ----------------------------------------------------------------- shape

    def read(self, raw_lines: Sequence[str]) -> MrzResult:
        if isinstance(raw_lines, str):
            self.fail(
                None,
                "",
                MRZ_FORMAT,
                "expected a list of MRZ lines, received one string; split it into lines",
            )
        count = len(raw_lines)
        if count not in (2, 3):
            self.fail(
                None,
                "",
                MRZ_FORMAT,
                f"received {count} line{'' if count == 1 else 's'}; {_ACCEPTED}",
            )
        for index, raw in enumerate(raw_lines):
            if len(raw) > _MAX_RAW_LINE:
                self.fail(
                    index,
                    "",
                    MRZ_FORMAT,
                    f"line {index + 1} is {len(raw)} characters long, far more than an MRZ "
                    f"line; {_ACCEPTED}",
                )
        stripped = [raw.strip() for raw in raw_lines]
        first_char = stripped[0][:1].upper()
        shape = _format_from_shape([len(s) for s in stripped], first_char)
        for index, line in enumerate(stripped):
            for position, char in enumerate(line):
                if char not in _INPUT_CHARS:
                    mrz_field = _field_at(shape, index, position) if shape else ""
                    self.fail(
                        index,
                        mrz_field,
                        MRZ_CHARACTER,
                        f"{self.where(index, position)}: character {char!r} "
                        f"(U+{ord(char):04X}) is not allowed; an MRZ holds only A-Z, 0-9 and <",
                    )
        if shape is None:
            self.fail_shape(stripped)
        self.lines = [s.upper() for s in stripped]
        self.format = shape
        if shape is MrzFormat.TD1:
            return self.read_td1()
        return self.read_two_line()

    def fail_shape(self, lines: Sequence[str]) -> NoReturn:
        lengths = [len(s) for s in lines]
        received = f"received {len(lines)} lines of {_join_numbers(lengths)} characters"
        culprit: int | None = None
        expected = 0
        if len(lines) == 3:
            culprit = next(i for i, n in enumerate(lengths) if n != 30)
            expected = 30
        elif lengths[0] in (36, 44):
            culprit, expected = 1, lengths[0]
        elif lengths[1] in (36, 44):
            culprit, expected = 0, lengths[1]
        if culprit is None:
            self.fail(None, "", MRZ_FORMAT, f"{received}; {_ACCEPTED}")
        self.fail(
            culprit,
            "",
            MRZ_FORMAT,
            f"{received}: line {culprit + 1} has {lengths[culprit]} characters where "
            f"{expected} are expected; {_ACCEPTED}",
        )

    # ----------------------------------------------------------------- formats

    def read_two_line(self) -> MrzResult:
        fmt = self.format
        width = len(self.lines[0])
        document_code = self.document_code()
        issuing_state = self.country(0, 2, "issuing_state")
        surname, given_names, truncated = self.name(0, 5, width)

        line2 = self.lines[1]
        overflow_span = (28, 35) if fmt is MrzFormat.TD2 else None
        document_number, overflow_length = self.document_number(1, 0, overflow_span)
        date_of_birth = self.date(1, 13, "date_of_birth")
        sex = self.sex(1, 20)
        date_of_expiry = self.date(1, 21, "date_of_expiry")
        nationality = self.country(1, 10, "nationality")

        personal_number = ""
        optional_data = ""
        if fmt is MrzFormat.TD3:
            personal_number = self.personal_number()
            self.composite(line2[0:10] + line2[13:20] + line2[21:43], 1, 43)
        elif fmt is MrzFormat.TD2:
            optional_data = line2[28 + overflow_length : 35].strip(FILLER)
            self.composite(line2[0:10] + line2[13:20] + line2[21:35], 1, 35)
        else:  # visas carry no composite check digit
            optional_data = line2[28:].strip(FILLER)

        return MrzResult(
            format=fmt,
            document_code=document_code,
            issuing_state=issuing_state,
            document_number=document_number,
            surname=surname,
            given_names=given_names,
            nationality=nationality,
            date_of_birth=date_of_birth,
            sex=sex,
            date_of_expiry=date_of_expiry,
            optional_data=optional_data,
            personal_number=personal_number,
            name_truncated=truncated,
        )

    def read_td1(self) -> MrzResult:
        line1, line2 = self.lines[0], self.lines[1]
        document_code = self.document_code()
        issuing_state = self.country(0, 2, "issuing_state")
        surname, given_names, truncated = self.name(2, 0, 30)
        document_number, overflow_length = self.document_number(0, 5, (15, 30))
        date_of_birth = self.date(1, 0, "date_of_birth")
        sex = self.sex(1, 7)
        date_of_expiry = self.date(1, 8, "date_of_expiry")
        nationality = self.country(1, 15, "nationality")
        self.composite(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29], 1, 29)
        optional_parts = (
            line1[15 + overflow_length : 30].strip(FILLER),
            line2[18:29].strip(FILLER),
        )
        return MrzResult(
            format=MrzFormat.TD1,
            document_code=document_code,
            issuing_state=issuing_state,
            document_number=document_number,
            surname=surname,
            given_names=given_names,
            nationality=nationality,
            date_of_birth=date_of_birth,
            sex=sex,
            date_of_expiry=date_of_expiry,
            optional_data=" ".join(part for part in optional_parts if part),
            personal_number="",
            name_truncated=truncated,
        )

    # ----------------------------------------------------------------- fields

    def document_code(self) -> str:
        raw = self.lines[0][0:2]
        if not raw[0].isalpha() or raw[1] in _DIGITS:
            self.fail(
                0,
                "document_code",
                MRZ_FORMAT,
                f"document code ({self.where(0, 0, 2)}) is {raw!r}: it must be a letter "
                "(P passport; I, A or C identity and other documents; V visa) optionally "
                "followed by a second letter",
            )
        return raw.rstrip(FILLER)

    def country(self, line: int, start: int, mrz_field: str) -> str:
        raw = self.lines[line][start : start + 3]
        label = mrz_field.replace("_", " ")
        if raw.isalpha() or raw == "D<<":
            try:
                return normalize_country(raw)
            except ValueError:
                if self.allow_unknown_countries and raw.isalpha():
                    return raw
        self.fail(
            line,
            mrz_field,
            MRZ_COUNTRY,
            f"{label} ({self.where(line, start, start + 3)}) is {raw!r}, which is not an "
            "ICAO 9303 country or organisation code",
        )

    def name(self, line: int, start: int, end: int) -> tuple[str, str, bool]:
        raw = self.lines[line][start:end]
        for offset, char in enumerate(raw):
            if char in _DIGITS:
                self.fail(
                    line,
                    "name",
                    MRZ_CHARACTER,
                    f"name ({self.where(line, start + offset)}) holds the digit {char!r}; "
                    "an MRZ name has only letters and <, so the zone was probably misread",
                )
        primary, _, secondary = raw.partition("<<")
        surname = " ".join(part for part in primary.split(FILLER) if part)
        given_names = " ".join(part for part in secondary.split(FILLER) if part)
        return surname, given_names, raw[-1] != FILLER

    def verify(self, data: str, line: int, position: int, mrz_field: str) -> None:
        """Compare the check digit at ``position`` with the one computed over ``data``."""
        expected = check_digit(data)
        found = self.lines[line][position]
        label = (
            "composite check digit" if mrz_field == "composite" else (f"check digit of {mrz_field}")
        )
        if found not in _DIGITS:
            self.fail(
                line,
                mrz_field,
                MRZ_CHECK_DIGIT,
                f"{label} ({self.where(line, position)}) is {found!r}, not a digit; "
                f"expected {expected}",
            )
        if found != expected:
            self.fail(
                line,
                mrz_field,
                MRZ_CHECK_DIGIT,
                f"{label} ({self.where(line, position)}) is {found}, expected {expected}: "
                "the zone was misread or altered",
            )

    def document_number(
        self, line: int, start: int, overflow_span: tuple[int, int] | None
    ) -> tuple[str, int]:
        """The full document number and the length of its overflow (incl. check digit).

        ``overflow_span`` is the optional data field that can hold the rest of a number
        longer than 9 characters (TD1 and TD2), None where the format has no such rule.
        """
        text = self.lines[line]
        head = text[start : start + 9]
        digit_at = start + 9
        if overflow_span is None or text[digit_at] != FILLER:
            self.verify(head, line, digit_at, "document_number")
            number = head.replace(FILLER, "")
            overflow_length = 0
        else:
            first, end = overflow_span
            overflow = text[first:end].split(FILLER, 1)[0]
            if not overflow:
                self.fail(
                    line,
                    "document_number",
                    MRZ_CHECK_DIGIT,
                    f"check digit of document_number ({self.where(line, digit_at)}) is '<', "
                    "which announces a number longer than 9 characters continued in the "
                    f"optional data, but the optional data ({self.where(line, first)}) "
                    "starts with '<'",
                )
            overflow_length = len(overflow)
            self.verify(head + overflow[:-1], line, first + overflow_length - 1, "document_number")
            number = (head + overflow[:-1]).replace(FILLER, "")
        if not number:
            self.fail(
                line,
                "document_number",
                MRZ_FORMAT,
                f"document number ({self.where(line, start, start + 9)}) is empty",
            )
        return number, overflow_length

    def date(self, line: int, start: int, mrz_field: str) -> PartialDate:
        raw = self.lines[line][start : start + 6]
        self.verify(raw, line, start + 6, mrz_field)
        where = self.where(line, start, start + 6)
        label = mrz_field.replace("_", " ")
        parts: list[int | None] = []
        for k in range(3):
            part = raw[2 * k : 2 * k + 2]
            if part in ("<<", "XX"):
                parts.append(None)
            elif part[0] in _DIGITS and part[1] in _DIGITS:
                parts.append(int(part))
            else:
                self.fail(
                    line,
                    mrz_field,
                    MRZ_DATE,
                    f"{label} ({where}) is {raw!r}: expected YYMMDD, each part two digits "
                    "or << when unknown",
                )
        yy, month, day = parts
        if month is not None and not 1 <= month <= 12:
            self.fail(line, mrz_field, MRZ_DATE, f"{label} ({where}) has month {month:02d}")
        if day is not None and not 1 <= day <= 31:
            self.fail(line, mrz_field, MRZ_DATE, f"{label} ({where}) has day {day:02d}")
        year = None if yy is None else self.century(yy, month, day, mrz_field)
        if month is not None and day is not None:
            # A leap year stands in for an unknown year, so 29 February passes.
            last = calendar.monthrange(2000 if year is None else year, month)[1]
            if day > last:
                in_year = "" if year is None else f" {year}"
                self.fail(
                    line,
                    mrz_field,
                    MRZ_DATE,
                    f"{label} ({where}) is day {day} of {calendar.month_name[month]}{in_year}, "
                    "which does not exist",
                )
        return PartialDate(year, month, day)

    def century(self, yy: int, month: int | None, day: int | None, mrz_field: str) -> int:
        """Four-digit year. Unknown month/day count as the earliest possible (0)."""
        candidate = (2000 + yy, month or 0, day or 0)
        today = (self.today.year, self.today.month, self.today.day)
        if mrz_field == "date_of_birth":
            # Nobody is born in the future.
            return 2000 + yy if candidate <= today else 1900 + yy
        # An expiry more than 50 years ahead is a document that expired last century.
        limit = (self.today.year + 50, self.today.month, self.today.day)
        return 1900 + yy if candidate > limit else 2000 + yy

    def sex(self, line: int, position: int) -> Sex:
        char = self.lines[line][position]
        if char == "M":
            return Sex.MALE
        if char == "F":
            return Sex.FEMALE
        if char in ("<", "X"):
            return Sex.UNSPECIFIED
        self.fail(
            line,
            "sex",
            MRZ_SEX,
            f"sex ({self.where(line, position)}) is {char!r}; expected M, F, X or <",
        )

    def personal_number(self) -> str:
        text = self.lines[1]
        raw = text[28:42]
        if raw == FILLER * 14 and text[42] in ("<", "0"):
            return ""
        self.verify(raw, 1, 42, "personal_number")
        return raw.strip(FILLER)

    def composite(self, data: str, line: int, position: int) -> None:
        self.verify(data, line, position, "composite")


def _join_numbers(numbers: Sequence[int]) -> str:
    texts = [str(n) for n in numbers]
    if len(texts) <= 1:
        return "".join(texts)
    return ", ".join(texts[:-1]) + " and " + texts[-1]


# --------------------------------------------------------------------------- names

# Doc 9303 Part 3, section 6: the recommended transliterations of Latin letters that are
# not simply a base letter with a diacritic. Everything else with a diacritic loses it.
ICAO_LATIN_SPECIAL: Final[dict[str, str]] = {
    "Ä": "AE",
    "Å": "AA",
    "Æ": "AE",
    "Ð": "D",
    "Đ": "D",
    "Ħ": "H",
    "Ĳ": "IJ",
    "\u0131": "I",  # dotless i
    "ĸ": "K",
    "Ŀ": "L",
    "Ł": "L",
    "Ŋ": "N",
    "Ñ": "N",
    "Ö": "OE",
    "Ø": "OE",
    "Œ": "OE",
    "ß": "SS",
    "ẞ": "SS",
    "Þ": "TH",
    "Ŧ": "T",
    "Ü": "UE",
}
# Become a filler: they separate name components.
_SEPARATORS: Final = frozenset(" \t\n-\u2010\u2011\u2012\u2013\u2014\u00a0")
_LETTER: Final = re.compile(r"[A-Z]+")
_FILLER_RUN: Final = re.compile(r"<+")


def mrz_name(text: str) -> str:
    """``text`` in the MRZ character set: ``"Müller-Lüdenscheidt"`` -> ``MUELLER<LUEDENSCHEIDT``.

    Latin letters follow Doc 9303 Part 3 section 6 (``Ä`` AE, ``Ø`` OE, ``ß`` SS,
    ``Þ`` TH, other diacritics dropped); other scripts go through ``anyascii``. Spaces and
    hyphens separate components (one ``<``); apostrophes and other punctuation are
    omitted (9303: ``D'ARTAGNAN`` -> ``DARTAGNAN``), and so are digits.
    """
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char in _SEPARATORS or char.isspace():
            out.append(FILLER)
            continue
        upper = char.upper()
        special = ICAO_LATIN_SPECIAL.get(upper) or ICAO_LATIN_SPECIAL.get(char)
        if special is not None:
            out.append(special)
            continue
        base = "".join(
            c for c in unicodedata.normalize("NFD", upper) if not unicodedata.combining(c)
        )
        if base and _LETTER.fullmatch(base):
            out.append(base)
            continue
        if char.isascii():
            continue  # punctuation and digits
        latin = str(anyascii(char)).upper()
        out.append("".join(c if "A" <= c <= "Z" else FILLER if c == " " else "" for c in latin))
    return _FILLER_RUN.sub(FILLER, "".join(out)).strip(FILLER)


def _name_field(surname: str, given_names: str, width: int) -> str:
    primary = mrz_name(surname)
    secondary = mrz_name(given_names)
    text = f"{primary}<<{secondary}" if secondary else primary
    return text[:width].ljust(width, FILLER)


# --------------------------------------------------------------------------- formatting

_CODE: Final = re.compile(r"[A-Z][A-Z<]?")
_FREE: Final = re.compile(r"[A-Z0-9<]*")
_THREE_LETTERS: Final = re.compile(r"[A-Z]{3}")


def _render_code(code: str) -> str:
    text = code.strip().upper()
    if not _CODE.fullmatch(text):
        raise ValueError(f"document code {code!r} must be one or two letters")
    return text.ljust(2, FILLER)


def _render_country(code: str, allow_unknown: bool) -> str:
    text = code.strip().upper()
    try:
        alpha3 = normalize_country(text)
    except ValueError:
        if not (allow_unknown and _THREE_LETTERS.fullmatch(text)):
            raise
        alpha3 = text
    return "D<<" if alpha3 == "DEU" else alpha3


def _render_date(date: PartialDate) -> str:
    parts = (
        None if date.year is None else date.year % 100,
        date.month,
        date.day,
    )
    return "".join("<<" if part is None else f"{part:02d}" for part in parts)


def _render_sex(sex: Sex) -> str:
    return "<" if sex is Sex.UNSPECIFIED else sex.value


def _render_free(text: str, width: int, what: str) -> str:
    value = text.strip().upper()
    if not _FREE.fullmatch(value):
        raise ValueError(f"{what} {text!r} may hold only A-Z, 0-9 and <")
    if len(value) > width:
        raise ValueError(f"{what} {text!r} is longer than {width} characters")
    return value.ljust(width, FILLER)


def _dated(date: PartialDate) -> str:
    rendered = _render_date(date)
    return rendered + check_digit(rendered)


def _number_with_overflow(number: str, optional_data: str, width: int) -> tuple[str, str]:
    """(number field with check digit, optional data field) for TD1 and TD2."""
    optional = optional_data.strip().upper()
    if len(number) <= 9:
        return number.ljust(9, FILLER) + check_digit(number.ljust(9, FILLER)), _render_free(
            optional, width, "optional data"
        )
    overflow = number[9:] + check_digit(number)
    combined = f"{overflow}<{optional}" if optional else overflow
    if len(combined) > width:
        raise ValueError(
            f"document number {number!r} and optional data {optional_data!r} do not fit in "
            f"the {width} characters of the optional data field"
        )
    return number[:9] + FILLER, _render_free(combined, width, "optional data")


def format_td3(
    *,
    issuing_state: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    date_of_birth: PartialDate,
    sex: Sex,
    date_of_expiry: PartialDate,
    document_code: str = "P",
    personal_number: str = "",
    allow_unknown_countries: bool = False,
) -> tuple[str, str]:
    """The two 44-character lines of a TD3 (passport) MRZ. Raises ValueError on bad input."""
    code = _render_code(document_code)
    if code.startswith("V"):
        raise ValueError("document code V is a visa: use format_mrva")
    number = normalize_document_number(document_number)
    if len(number) > 9:
        raise ValueError(f"document number {number!r} is longer than the 9 characters of TD3")
    line1 = (
        code
        + _render_country(issuing_state, allow_unknown_countries)
        + _name_field(surname, given_names, 39)
    )
    personal = _render_free(personal_number, 14, "personal number")
    personal_digit = check_digit(personal) if personal != FILLER * 14 else FILLER
    body = (
        number.ljust(9, FILLER)
        + check_digit(number.ljust(9, FILLER))
        + _render_country(nationality, allow_unknown_countries)
        + _dated(date_of_birth)
        + _render_sex(sex)
        + _dated(date_of_expiry)
        + personal
        + personal_digit
    )
    line2 = body + check_digit(body[0:10] + body[13:20] + body[21:43])
    return line1, line2


def format_td2(
    *,
    issuing_state: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    date_of_birth: PartialDate,
    sex: Sex,
    date_of_expiry: PartialDate,
    document_code: str = "I",
    optional_data: str = "",
    allow_unknown_countries: bool = False,
) -> tuple[str, str]:
    """The two 36-character lines of a TD2 MRZ; numbers over 9 characters overflow."""
    code = _render_code(document_code)
    if code.startswith("V"):
        raise ValueError("document code V is a visa: use format_mrvb")
    number = normalize_document_number(document_number)
    number_field, optional = _number_with_overflow(number, optional_data, 7)
    line1 = (
        code
        + _render_country(issuing_state, allow_unknown_countries)
        + _name_field(surname, given_names, 31)
    )
    body = (
        number_field
        + _render_country(nationality, allow_unknown_countries)
        + _dated(date_of_birth)
        + _render_sex(sex)
        + _dated(date_of_expiry)
        + optional
    )
    line2 = body + check_digit(body[0:10] + body[13:20] + body[21:35])
    return line1, line2


def format_td1(
    *,
    issuing_state: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    date_of_birth: PartialDate,
    sex: Sex,
    date_of_expiry: PartialDate,
    document_code: str = "I",
    optional_data1: str = "",
    optional_data2: str = "",
    allow_unknown_countries: bool = False,
) -> tuple[str, str, str]:
    """The three 30-character lines of a TD1 (identity card) MRZ; long numbers overflow."""
    number = normalize_document_number(document_number)
    number_field, optional1 = _number_with_overflow(number, optional_data1, 15)
    line1 = (
        _render_code(document_code)
        + _render_country(issuing_state, allow_unknown_countries)
        + number_field
        + optional1
    )
    body = (
        _dated(date_of_birth)
        + _render_sex(sex)
        + _dated(date_of_expiry)
        + _render_country(nationality, allow_unknown_countries)
        + _render_free(optional_data2, 11, "optional data 2")
    )
    line2 = body + check_digit(line1[5:30] + body[0:7] + body[8:15] + body[18:29])
    return line1, line2, _name_field(surname, given_names, 30)


def _format_visa(
    *,
    width: int,
    issuing_state: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    date_of_birth: PartialDate,
    sex: Sex,
    date_of_expiry: PartialDate,
    document_code: str,
    optional_data: str,
    allow_unknown_countries: bool,
) -> tuple[str, str]:
    code = _render_code(document_code)
    if not code.startswith("V"):
        raise ValueError(f"a visa's document code starts with V, not {document_code!r}")
    number = normalize_document_number(document_number)
    if len(number) > 9:
        raise ValueError(f"document number {number!r} is longer than the 9 characters of a visa")
    line1 = (
        code
        + _render_country(issuing_state, allow_unknown_countries)
        + _name_field(surname, given_names, width - 5)
    )
    line2 = (
        number.ljust(9, FILLER)
        + check_digit(number.ljust(9, FILLER))
        + _render_country(nationality, allow_unknown_countries)
        + _dated(date_of_birth)
        + _render_sex(sex)
        + _dated(date_of_expiry)
        + _render_free(optional_data, width - 28, "optional data")
    )
    return line1, line2


def format_mrva(
    *,
    issuing_state: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    date_of_birth: PartialDate,
    sex: Sex,
    date_of_expiry: PartialDate,
    document_code: str = "V",
    optional_data: str = "",
    allow_unknown_countries: bool = False,
) -> tuple[str, str]:
    """The two 44-character lines of an MRV-A visa (16 characters of optional data)."""
    return _format_visa(
        width=44,
        issuing_state=issuing_state,
        surname=surname,
        given_names=given_names,
        document_number=document_number,
        nationality=nationality,
        date_of_birth=date_of_birth,
        sex=sex,
        date_of_expiry=date_of_expiry,
        document_code=document_code,
        optional_data=optional_data,
        allow_unknown_countries=allow_unknown_countries,
    )


def format_mrvb(
    *,
    issuing_state: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    date_of_birth: PartialDate,
    sex: Sex,
    date_of_expiry: PartialDate,
    document_code: str = "V",
    optional_data: str = "",
    allow_unknown_countries: bool = False,
) -> tuple[str, str]:
    """The two 36-character lines of an MRV-B visa (8 characters of optional data)."""
    return _format_visa(
        width=36,
        issuing_state=issuing_state,
        surname=surname,
        given_names=given_names,
        document_number=document_number,
        nationality=nationality,
        date_of_birth=date_of_birth,
        sex=sex,
        date_of_expiry=date_of_expiry,
        document_code=document_code,
        optional_data=optional_data,
        allow_unknown_countries=allow_unknown_countries,
    )
