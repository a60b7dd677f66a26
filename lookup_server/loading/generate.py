"""Synthetic data: notices, a stolen and lost document list, and travellers with expected answers.

:func:`generate_dataset` writes three files into a directory:

``notices.json``
    An INTERPOL public notices API list page (one notice per line inside
    ``_embedded.notices``), read by :func:`lookup_server.loading.notices.read_notices`.
    About 70 % Red notices, then Yellow, Blue, Green, UN Special notices, and a few
    Orange notices and diffusions. Names come from many naming cultures (see
    :mod:`lookup_server.loading._names`): invented combinations of common names.
``documents.csv``
    A stolen and lost travel document list, read by
    :func:`lookup_server.loading.documents.read_documents`: document numbers in the
    format of each issuing country, a realistic status mix, reporting authorities,
    report dates within ten years of :data:`REFERENCE_DATE`. Rows are written as they
    are made, so a list of millions of documents takes little memory.
``truth.jsonl``
    Travellers with the answer a correct checker gives (``HIT``, ``CLEAR``), the reason
    and, for notice subjects, the notice id and what was changed in the name. The first
    four are a clear traveller, a traveller carrying a listed stolen or lost passport, a
    Red notice subject whose name is spelt differently (``MUHAMMAD`` -> ``MOHAMMED``)
    and a notice subject written exactly, for demonstrations.

The same seed gives byte-identical files: everything random comes from
:class:`random.Random` instances seeded from ``seed``, and no date depends on the clock.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import functools
import json
import random
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry

from lookup_server.loading._names import (
    CHARGE_TRANSLATIONS,
    CHARGES,
    CULTURES,
    ONE_WAY_SPELLINGS,
    SPELLING_GROUPS,
    SURNAME_PARTICLES,
    Culture,
)
from lookup_server.loading.documents import COLUMNS
from lookup_server.model import DocumentStatus, NoticeType, PartialDate, Sex
from lookup_server.mrz import format_td3

__all__ = ["REFERENCE_DATE", "GenerateReport", "generate_dataset", "main"]

#: "Today" of the synthetic data: ages, report dates and expiry dates are relative to it.
REFERENCE_DATE = dt.date(2026, 1, 1)

NOTICES_FILE = "notices.json"
DOCUMENTS_FILE = "documents.csv"
TRUTH_FILE = "truth.jsonl"

_API = "https://ws-public.interpol.int/notices/v1"
_MAX_NOTICES = 990_000  # entity id serials are unique below this count
_BATCH = 10_000


@dataclass(frozen=True, slots=True)
class GenerateReport:
    """What :func:`generate_dataset` wrote."""

    out_dir: Path
    notices_path: Path
    documents_path: Path
    truth_path: Path
    seed: int
    notices: int
    documents: int
    travellers: int
    notices_by_type: dict[str, int] = field(default_factory=dict)
    documents_by_status: dict[str, int] = field(default_factory=dict)
    travellers_by_reason: dict[str, int] = field(default_factory=dict)


# --------------------------------------------------------------------------- document numbers

_CLASSES = {"#": "0123456789", "@": "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}


def _alphabets(pattern: str) -> tuple[str, ...]:
    """``"[CFG]#@"`` -> one alphabet per position; ``#`` digit, ``@`` letter, ``[A-Z0-9]``."""
    out: list[str] = []
    pos = 0
    while pos < len(pattern):
        char = pattern[pos]
        if char == "[":
            end = pattern.index("]", pos)
            spec = pattern[pos + 1 : end]
            chars: list[str] = []
            index = 0
            while index < len(spec):
                if index + 2 < len(spec) and spec[index + 1] == "-":
                    chars += [chr(c) for c in range(ord(spec[index]), ord(spec[index + 2]) + 1)]
                    index += 3
                else:
                    chars.append(spec[index])
                    index += 1
            out.append("".join(chars))
            pos = end + 1
        else:
            out.append(_CLASSES.get(char, char))
            pos += 1
    return tuple(out)


class _NumberSpace:
    """Unique document numbers of one format, in a scrambled order.

    The i-th listed number is the mixed-radix spelling of ``permute(i)``, where
    ``permute`` is a keyed bijection of ``[0, size)`` (xorshift-multiply on the next
    power of two, with cycle walking). Listed numbers count up from 0 and numbers for
    travellers' unlisted documents count down from ``size - 1``, so the two never meet
    and no number repeats, without remembering any.
    """

    def __init__(self, pattern: str, key: int) -> None:
        self.alphabets = _alphabets(pattern)
        self.radices = tuple(len(a) for a in self.alphabets)
        size = 1
        for radix in self.radices:
            size *= radix
        self.size = size
        self.bits = max(2, (size - 1).bit_length())
        self.mask = (1 << self.bits) - 1
        self.shift = max(1, self.bits // 2)
        self.key = key & self.mask
        self.listed = 0
        self.reserved = 0

    def _mix(self, value: int) -> int:
        mask, shift = self.mask, self.shift
        value = (value + self.key) & mask
        value ^= value >> shift
        value = (value * 0x9E3779B97F4A7C15) & mask
        value ^= value >> shift
        value = (value * 0xBF58476D1CE4E5B9) & mask
        value ^= value >> shift
        return value

    def _spell(self, index: int) -> str:
        value = self._mix(index)
        while value >= self.size:
            value = self._mix(value)
        chars: list[str] = []
        for alphabet, radix in zip(reversed(self.alphabets), reversed(self.radices), strict=True):
            value, digit = divmod(value, radix)
            chars.append(alphabet[digit])
        return "".join(reversed(chars))

    def take_listed(self) -> str:
        if self.listed + self.reserved >= self.size // 2:
            raise ValueError(f"too many documents for the number format of {self.alphabets}")
        self.listed += 1
        return self._spell(self.listed - 1)

    def take_unlisted(self) -> str:
        if self.listed + self.reserved >= self.size // 2:
            raise ValueError(f"too many documents for the number format of {self.alphabets}")
        self.reserved += 1
        return self._spell(self.size - self.reserved)


#: Passport number formats per issuing country, with relative frequency.
_NUMBER_FORMATS: dict[str, tuple[tuple[str, int], ...]] = {
    "IDN": (("[ABCE]#######", 8), ("X######", 2)),
    "DEU": (("[CFGHJK]" + "[0-9CFGHJKLMNPRTVWXYZ]" * 8, 1),),
    "GBR": (("[1-5]########", 1),),
    "USA": (("[1-9]########", 7), ("A########", 3)),
    "FRA": (("##@@#####", 1),),
    "NLD": (("[A-NP-Z][A-NP-Z]" + "[A-NP-Z0-9]" * 6 + "#", 1),),
    "ESP": (("@@@######", 1),),
    "ITA": (("@@#######", 1),),
    "RUS": (("[67]########", 1),),
    "UKR": (("@@######", 1),),
    "CHN": (("E########", 7), ("E@#######", 3)),
    "IND": (("@#######", 1),),
    "TUR": (("U########", 1),),
    "MYS": (("[AHK]########", 1),),
    "VNM": (("[BCN]#######", 1),),
    "PHL": (("P#######@", 1),),
    "POL": (("@@#######", 1),),
    "GRC": (("@@#######", 1),),
    "MEX": (("[GN]########", 1),),
    "NGA": (("[AB]########", 1),),
    "EGY": (("@########", 1),),
    "IRN": (("[A-Z]########", 1),),
    "SAU": (("@#######", 1),),
    "AUS": (("[NPR]@#######", 1),),
    "CAN": (("@@######", 1),),
    "BRA": (("@@######", 1),),
    "COL": (("@@######", 1),),
}
_DEFAULT_FORMAT: tuple[tuple[str, int], ...] = (("@@#######", 1),)

#: Issuing countries of listed documents and their share of the list.
_DOCUMENT_COUNTRIES: tuple[tuple[str, int], ...] = (
    ("IDN", 12), ("DEU", 8), ("GBR", 8), ("USA", 8), ("FRA", 7), ("CHN", 6), ("IND", 6),
    ("ESP", 5), ("ITA", 5), ("RUS", 5), ("NLD", 4), ("TUR", 4), ("MYS", 4), ("UKR", 3),
    ("VNM", 3), ("PHL", 3), ("POL", 3), ("GRC", 2), ("MEX", 2), ("NGA", 2), ("EGY", 2),
    ("AUS", 2), ("CAN", 2), ("BRA", 2), ("IRN", 1), ("SAU", 1), ("COL", 1),
)  # fmt: skip

_AUTHORITIES: dict[str, tuple[str, ...]] = {
    "IDN": ("Direktorat Jenderal Imigrasi", "Kepolisian Negara Republik Indonesia"),
    "DEU": ("Bundeskriminalamt", "Bundespolizei"),
    "GBR": ("HM Passport Office", "National Crime Agency"),
    "USA": ("U.S. Department of State, Passport Services",),
    "FRA": ("Ministère de l'Intérieur", "Police nationale, DCPJ"),
    "NLD": ("Koninklijke Marechaussee", "Rijksdienst voor Identiteitsgegevens"),
    "ESP": ("Policía Nacional",),
    "ITA": ("Polizia di Stato",),
    "RUS": ("Главное управление по вопросам миграции МВД России",),
    "UKR": ("State Migration Service of Ukraine",),
    "CHN": ("National Immigration Administration",),
    "IND": ("Ministry of External Affairs, Passport Seva",),
    "TUR": ("Emniyet Genel Müdürlüğü",),
    "MYS": ("Jabatan Imigresen Malaysia",),
    "VNM": ("Cục Quản lý xuất nhập cảnh",),
    "PHL": ("Department of Foreign Affairs",),
    "POL": ("Komenda Główna Policji",),
    "GRC": ("Hellenic Police",),
    "MEX": ("Secretaría de Relaciones Exteriores",),
    "NGA": ("Nigeria Immigration Service",),
    "EGY": ("Passports, Emigration and Nationality Administration",),
    "AUS": ("Australian Passport Office",),
    "CAN": ("Passport Program, IRCC",),
}

_STATUS_MIX: tuple[tuple[DocumentStatus, int], ...] = (
    (DocumentStatus.LOST, 550),
    (DocumentStatus.STOLEN_FROM_BEARER, 250),
    (DocumentStatus.STOLEN_BLANK, 80),
    (DocumentStatus.REVOKED, 60),
    (DocumentStatus.INVALIDATED, 50),
    (DocumentStatus.CANCELLED, 10),
)
_LISTED_STATUSES = tuple(s for s, _ in _STATUS_MIX if s.is_listed)
_DOCUMENT_TYPES: tuple[tuple[str, int], ...] = (("P", 90), ("I", 8), ("PD", 1), ("PS", 1))

_NOTICE_TYPES: tuple[tuple[NoticeType, int], ...] = (
    (NoticeType.RED, 70),
    (NoticeType.YELLOW, 12),
    (NoticeType.BLUE, 7),
    (NoticeType.GREEN, 4),
    (NoticeType.UN_SPECIAL, 4),
    (NoticeType.DIFFUSION, 2),
    (NoticeType.ORANGE, 1),
)
_HREF_SEGMENT: dict[NoticeType, str] = {
    NoticeType.RED: "red",
    NoticeType.YELLOW: "yellow",
    NoticeType.BLUE: "blue",
    NoticeType.GREEN: "green",
    NoticeType.UN_SPECIAL: "un/persons",
    NoticeType.DIFFUSION: "diffusion",
    NoticeType.ORANGE: "orange",
    NoticeType.BLACK: "black",
    NoticeType.PURPLE: "purple",
}
_WANTED = (NoticeType.RED, NoticeType.DIFFUSION)

#: Nationalities for the few notice subjects whose nationality is not their culture's.
_OTHER_NATIONALITIES = (
    "GBR", "USA", "FRA", "DEU", "NLD", "BEL", "SWE", "AUS", "CAN", "ITA", "ESP", "BRA",
    "ZAF", "KEN", "THA", "PHL", "PAK", "BGD", "LKA", "SGP",
)  # fmt: skip
_WARRANT_COUNTRIES = (
    "DEU", "FRA", "USA", "GBR", "IDN", "AUS", "NLD", "ESP", "ITA", "TUR", "BRA", "MYS",
    "THA", "ARE", "IND",
)  # fmt: skip


@functools.cache
def _alpha2(alpha3: str) -> str:
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        raise ValueError(f"no alpha-2 code for {alpha3}")
    return str(country.alpha_2)


# --------------------------------------------------------------------------- names


@dataclass(frozen=True, slots=True)
class _Person:
    """A generated person: the name as the notice writes it, and how it is built."""

    culture: Culture
    sex: Sex
    surname: str  # upper case, with diacritics
    given_names: str
    date_of_birth: dt.date
    given_raw: str = ""  # given names with syllable marks ("XIAO|MING"), if any
    surname_parts: tuple[str, ...] = ()  # Spanish: paternal and maternal surnames
    middle_first: bool = False  # the droppable middle name is the first given token
    mononym: bool = False
    title_case: bool = False  # the notice writes "Nguyễn", not "NGUYỄN"

    def written(self) -> tuple[str, str]:
        """(surname, given names) as the notice writes them."""
        if self.title_case:
            return _title(self.surname), _title(self.given_names)
        return self.surname, self.given_names


_TITLE_CULTURES = frozenset({"vietnamese", "german", "french", "polish", "spanish", "dutch"})
_LOWER_PARTICLES = frozenset(
    {"AL", "EL", "BIN", "BINTI", "VAN", "DER", "DEN", "DE", "LA", "LOS", "DEL", "VON"}
)


def _title(text: str) -> str:
    """``VAN DER BERG`` -> ``van der Berg``, ``JEAN-PIERRE`` -> ``Jean-Pierre``."""
    words = []
    for word in text.split(" "):
        if word in _LOWER_PARTICLES:
            words.append(word.lower())
            continue
        pieces = [p[:1] + p[1:].lower() for p in word.split("-")]
        if len(pieces) == 2 and pieces[0].upper() in ("AL", "EL"):
            pieces[0] = pieces[0].lower()
        words.append("-".join(pieces))
    return " ".join(words)


def _gendered(entry: str, sex: Sex) -> str:
    male, _, female = entry.partition(":")
    return female if female and sex is Sex.FEMALE else male


def _render_syllables(raw: str, rng: random.Random, culture: Culture) -> str:
    if "|" not in raw:
        return raw
    if culture.key == "chinese":
        roll = rng.random()
        return raw.replace("|", "" if roll < 0.75 else "-" if roll < 0.9 else " ")
    return raw.replace("|", "")


def _make_person(
    rng: random.Random, culture: Culture, sex: Sex, dob: dt.date, *, clear: bool
) -> _Person:
    male = sex is Sex.MALE
    given_pool = culture.male if male else culture.female
    surnames = culture.clear_surnames if clear else culture.surnames
    title_case = not clear and culture.key in _TITLE_CULTURES and rng.random() < 0.1
    style = culture.style

    if style == "indonesian":
        mononyms = (
            culture.clear_mononyms
            if clear
            else (culture.male_mononyms if male else culture.female_mononyms)
        )
        if rng.random() < 0.35:
            return _Person(culture, sex, rng.choice(mononyms), "", dob, mononym=True)
        pool = (
            surnames
            if male
            else (culture.clear_female_surnames if clear else culture.female_surnames)
        )
        return _Person(culture, sex, rng.choice(pool), rng.choice(given_pool), dob)
    if style == "balinese":
        pool = (
            surnames
            if male
            else (culture.clear_female_surnames if clear else culture.female_surnames)
        )
        return _Person(
            culture, sex, rng.choice(pool), rng.choice(given_pool), dob, middle_first=True
        )
    if style == "malay":
        father = rng.choice(surnames)
        surname = ("BIN " if male else "BINTI ") + father
        return _Person(culture, sex, surname, rng.choice(given_pool), dob)
    if style == "spanish":
        first = rng.choice(surnames)
        parts: tuple[str, ...] = (first,)
        if rng.random() < 0.85:
            second = rng.choice(surnames)
            while second == first:
                second = rng.choice(surnames)
            parts = (first, second)
        return _Person(
            culture,
            sex,
            " ".join(parts),
            rng.choice(given_pool),
            dob,
            surname_parts=parts,
            title_case=title_case,
        )

    given_raw = rng.choice(given_pool)
    middles = culture.male_middle if male else culture.female_middle
    middle_first = style == "vietnamese"
    if middles and rng.random() < culture.middle_share:
        middle = rng.choice(middles)
        if middle != given_raw:
            given_raw = f"{middle} {given_raw}" if middle_first else f"{given_raw} {middle}"
    given = _render_syllables(given_raw, rng, culture)
    surname = _gendered(rng.choice(surnames), sex)
    return _Person(
        culture,
        sex,
        surname,
        given,
        dob,
        given_raw=given_raw if "|" in given_raw else "",
        middle_first=middle_first,
        title_case=title_case,
    )


# --------------------------------------------------------------------------- variants

_SPECIAL_FOLD = str.maketrans(
    {
        "ß": "SS",
        "Đ": "D",
        "đ": "d",
        "Ł": "L",
        "ł": "l",
        "\u0131": "i",
        "Ø": "O",
        "ø": "o",
        "Æ": "AE",
    }
)
_UMLAUTS = str.maketrans({"Ä": "AE", "Ö": "OE", "Ü": "UE", "ß": "SS", "ẞ": "SS"})
_VOWELS = "AEIOU"
_NEIGHBOURS = {
    "A": "E", "E": "A", "I": "Y", "O": "U", "U": "O", "Y": "I", "B": "P", "P": "B",
    "D": "T", "T": "D", "G": "K", "K": "C", "C": "K", "S": "Z", "Z": "S", "M": "N",
    "N": "M", "V": "W", "W": "V", "F": "V", "L": "R", "R": "L", "H": "J", "J": "H",
    "Q": "K", "X": "KS",
}  # fmt: skip
_ALTERNATIVES: dict[str, tuple[str, ...]] = {
    token: tuple(t for t in group if t != token) for group in SPELLING_GROUPS for token in group
} | ONE_WAY_SPELLINGS
_OLD_SPELLING = re.compile(r"(?<=[BCDGHJKLMNPRSTWY])U|(?<=[AEIOU])Y(?=[AEIOU])|C(?=[AEIOU])")
_OLD_SPELLING_CULTURES = frozenset({"indonesian", "balinese"})

#: Kinds of spelling change and how often each is picked when it applies.
_VARIANT_WEIGHTS: dict[str, int] = {
    "transliteration": 5,
    "diacritics": 3,
    "umlaut": 2,
    "order": 1,
    "middle": 2,
    "second-surname": 2,
    "typo": 2,
    "particle": 2,
    "syllables": 2,
    "hyphen": 1,
    "old-spelling": 3,
    "mononym": 1,
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _replace_token(text: str, old: str, new: str) -> str:
    return re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, text, count=1)


def _typo(rng: random.Random, token: str) -> str:
    position = rng.randrange(1, len(token) - 1)
    char = token[position]
    operation = rng.randrange(4)
    if operation == 0 and char in _NEIGHBOURS:
        return token[:position] + _NEIGHBOURS[char] + token[position + 1 :]
    if operation == 1:
        return token[:position] + token[position + 1 :]
    if operation == 2 and token[position] != token[position + 1]:
        return token[:position] + token[position + 1] + token[position] + token[position + 2 :]
    return token[:position] + char + token[position:]


def _variant_options(rng: random.Random, person: _Person) -> list[tuple[str, str, str, str]]:
    """Every applicable single change: (kind, surname, given names, description).

    Works on the upper-case name; :func:`_make_variant` writes the result in the
    notice's case.
    """
    surname, given = person.surname, person.given_names
    options: list[tuple[str, str, str, str]] = []

    def add(kind: str, new_surname: str, new_given: str, description: str) -> None:
        if (new_surname, new_given) != (surname, given) and (new_surname or new_given):
            options.append((kind, new_surname, new_given, description))

    for field_name, text in (("surname", surname), ("given", given)):
        for token in re.split(r"[ \-]", text):
            for alternative in _ALTERNATIVES.get(token, ()):
                new = _replace_token(text, token, alternative)
                description = f"transliteration {token}->{alternative}"
                if field_name == "surname":
                    add("transliteration", new, given, description)
                else:
                    add("transliteration", surname, new, description)
    full = f"{surname} {given}".strip()
    if not full.isascii():
        new_surname, new_given = _fold(surname), _fold(given)
        add(
            "diacritics",
            new_surname,
            new_given,
            f"diacritics dropped {full}->{f'{new_surname} {new_given}'.strip()}",
        )
        if person.culture.key == "german":
            new_surname, new_given = surname.translate(_UMLAUTS), given.translate(_UMLAUTS)
            add(
                "umlaut",
                new_surname,
                new_given,
                f"umlaut written with E {full}->{f'{new_surname} {new_given}'.strip()}",
            )
    if surname and given:
        add("order", given, surname, "surname and given names swapped")
    given_tokens = given.split(" ")
    if len(given_tokens) >= 2:
        index = 0 if person.middle_first else len(given_tokens) - 1
        dropped = given_tokens[index]
        rest = " ".join(given_tokens[:index] + given_tokens[index + 1 :])
        add("middle", surname, rest, f"middle name {dropped} dropped")
    if len(person.surname_parts) == 2:
        add(
            "second-surname",
            person.surname_parts[0],
            given,
            f"second surname {person.surname_parts[1]} dropped",
        )
    for particle in SURNAME_PARTICLES:
        if surname.startswith(particle) and len(surname) > len(particle):
            rest = surname[len(particle) :]
            glued = particle.replace(" ", "").replace("-", "") + rest
            add("particle", glued, given, f"particle glued {surname}->{glued}")
            add("particle", rest, given, f"particle dropped {surname}->{rest}")
            break
    if person.given_raw:
        for joiner in ("", " ", "-"):
            new = person.given_raw.replace("|", joiner)
            add("syllables", surname, new, f"syllables written differently {given}->{new}")
    if "-" in given:
        new = given.replace("-", " ")
        add("hyphen", surname, new, f"hyphen dropped {given}->{new}")
    if person.culture.key in _OLD_SPELLING_CULTURES:
        for field_name, text in (("surname", surname), ("given", given)):
            match = _OLD_SPELLING.search(text)
            if match is None:
                continue
            old = {"U": "OE", "Y": "J", "C": "TJ"}[match.group()]
            new = text[: match.start()] + old + text[match.end() :]
            description = f"old spelling {text}->{new}"
            if field_name == "surname":
                add("old-spelling", new, given, description)
            else:
                add("old-spelling", surname, new, description)
    if person.mononym:
        add("mononym", "", surname, "mononym written as given name")
        add("mononym", surname, surname, "mononym repeated in given names")
    long_tokens = [
        (field_name, token)
        for field_name, text in (("surname", surname), ("given", given))
        for token in re.split(r"[ \-]", text)
        if len(token) >= 5 and token.isascii() and token.isalpha()
    ]
    if long_tokens:
        field_name, token = rng.choice(long_tokens)
        new_token = _typo(rng, token)
        if new_token != token:
            description = f"typo {token}->{new_token}"
            if field_name == "surname":
                add("typo", _replace_token(surname, token, new_token), given, description)
            else:
                add("typo", surname, _replace_token(given, token, new_token), description)
    return options


def _make_variant(
    rng: random.Random, person: _Person, kinds: Sequence[str] = ()
) -> tuple[str, str, str] | None:
    """(surname, given names, description) of one spelling change, or None."""
    options = _variant_options(rng, person)
    if kinds:
        options = [o for o in options if o[0] in kinds]
    if not options:
        return None
    weights = [_VARIANT_WEIGHTS[o[0]] for o in options]
    _, surname, given, description = rng.choices(options, weights=weights)[0]
    if person.title_case:
        surname, given = _title(surname), _title(given)
    return surname, given, description


# --------------------------------------------------------------------------- notices


@dataclass(frozen=True, slots=True)
class _NoticeRow:
    notice_id: str
    type: NoticeType
    person: _Person
    nationalities: tuple[str, ...]
    year_only: bool


def _pick(rng: random.Random, table: Sequence[tuple[Any, int]]) -> Any:
    return rng.choices([v for v, _ in table], weights=[w for _, w in table])[0]


def _birth_date(rng: random.Random) -> dt.date:
    age_days = rng.randrange(18 * 365 + 5, 80 * 365)
    return REFERENCE_DATE - dt.timedelta(days=age_days)


def _notice_sex(rng: random.Random, notice_type: NoticeType) -> Sex:
    male_share = (
        0.85 if notice_type in _WANTED else 0.45 if notice_type is NoticeType.YELLOW else 0.75
    )
    return Sex.MALE if rng.random() < male_share else Sex.FEMALE


def _demo_person(rng: random.Random) -> _Person:
    """The first notice: a Red notice subject named MUHAMMAD, the name of many spellings.

    The other parts of the name have one spelling only, so that the demonstration
    traveller's transliteration variant is always of MUHAMMAD.
    """
    culture = next(c for c in CULTURES if c.key == "arabic")
    return _Person(
        culture,
        Sex.MALE,
        rng.choice(("AL-HASHIMI", "AL-TAMIMI", "AL-OBEIDI", "AL-ZUBAIDI")),
        "MUHAMMAD " + rng.choice(("ZIAD", "BILAL", "NABIL", "RAMI")),
        _birth_date(rng),
    )


def _make_notices(rng: random.Random, count: int) -> list[_NoticeRow]:
    cultures = list(CULTURES)
    culture_weights = [c.weight for c in cultures]
    types = [t for t, _ in _NOTICE_TYPES]
    type_weights = [w for _, w in _NOTICE_TYPES]
    rows: list[_NoticeRow] = []
    for index in range(count):
        notice_type = NoticeType.RED if index == 0 else rng.choices(types, type_weights)[0]
        if index == 0:
            person = _demo_person(rng)
        else:
            culture = rng.choices(cultures, culture_weights)[0]
            person = _make_person(
                rng, culture, _notice_sex(rng, notice_type), _birth_date(rng), clear=False
            )
        if rng.random() < 0.9:
            nationality = _pick(rng, person.culture.nationalities)
        else:
            nationality = rng.choice(_OTHER_NATIONALITIES)
        nationalities: tuple[str, ...] = (nationality,)
        if rng.random() < 0.06:
            other = rng.choice(_OTHER_NATIONALITIES)
            if other != nationality:
                nationalities += (other,)
        year = rng.randint(
            min(
                REFERENCE_DATE.year - 1,
                max(REFERENCE_DATE.year - 20, person.date_of_birth.year + 16),
            ),
            REFERENCE_DATE.year - 1,
        )
        serial = 10_000 + (index * 7919 + 4243) % _MAX_NOTICES
        rows.append(
            _NoticeRow(
                notice_id=f"{year}/{serial}",
                type=notice_type,
                person=person,
                nationalities=nationalities,
                year_only=index > 0 and rng.random() < 0.05,
            )
        )
    return rows


def _notice_item(rng: random.Random, row: _NoticeRow) -> dict[str, Any]:
    person = row.person
    surname, given = row.person.written()
    dob = person.date_of_birth
    path = f"{_API}/{_HREF_SEGMENT[row.type]}/{row.notice_id.replace('/', '-')}"
    item: dict[str, Any] = {
        "forename": given or None,
        "date_of_birth": str(dob.year) if row.year_only else dob.strftime("%Y/%m/%d"),
        "entity_id": row.notice_id,
        "nationalities": [_alpha2(n) for n in row.nationalities],
        "name": surname,
        "sex_id": person.sex.value,
    }
    if row.type in _WANTED:
        warrants = []
        for _ in range(1 if rng.random() < 0.8 else 2):
            country = row.nationalities[0] if rng.random() < 0.6 else rng.choice(_WARRANT_COUNTRIES)
            charge = rng.choice(CHARGES)
            original = CHARGE_TRANSLATIONS.get(country, {}).get(charge)
            warrants.append(
                {
                    "charge": original or charge,
                    "issuing_country_id": _alpha2(country),
                    "charge_translation": charge if original else None,
                }
            )
        item["arrest_warrants"] = warrants
        item["height"] = round(rng.uniform(1.5, 1.95), 2)
        item["eyes_colors_id"] = [rng.choice(("BRO", "BLA", "BLU", "GRE"))]
    if row.type is NoticeType.YELLOW and person.sex is Sex.FEMALE and rng.random() < 0.3:
        pool = person.culture.female_surnames or person.culture.surnames
        birth = _gendered(rng.choice(pool), Sex.FEMALE)
        if birth not in person.surname:
            item["birth_name"] = _title(birth) if person.title_case else birth
    item["_links"] = {
        "self": {"href": path},
        "images": {"href": f"{path}/images"},
        "thumbnail": {"href": f"{path}/images/{rng.randrange(10**7, 10**8)}"},
    }
    return item


def _write_notices(rng: random.Random, path: Path, rows: Sequence[_NoticeRow]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as out:
        total = len(rows)
        query = {"page": 1, "resultPerPage": total}
        out.write(
            f'{{"total": {total}, "query": {json.dumps(query)}, "_embedded": {{"notices": [\n'
        )
        for index, row in enumerate(rows):
            text = json.dumps(_notice_item(rng, row), ensure_ascii=False)
            out.write(("," if index else "") + text + "\n")
        links = {"self": {"href": f"{_API}?page=1&resultPerPage={total}"}}
        out.write(f']}}, "_links": {json.dumps(links)}}}\n')


# --------------------------------------------------------------------------- documents


class _DocumentNumbers:
    """The number spaces of every (country, format), created on first use."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.spaces: dict[str, list[_NumberSpace]] = {}
        self.weights: dict[str, list[int]] = {}

    def _of(self, country: str) -> list[_NumberSpace]:
        spaces = self.spaces.get(country)
        if spaces is None:
            formats = _NUMBER_FORMATS.get(country, _DEFAULT_FORMAT)
            key_rng = random.Random(f"{self.seed}:numbers:{country}")
            spaces = [_NumberSpace(p, key_rng.getrandbits(64)) for p, _ in formats]
            self.spaces[country] = spaces
            self.weights[country] = [w for _, w in formats]
        return spaces

    def listed(self, rng: random.Random, country: str) -> str:
        spaces = self._of(country)
        space = spaces[0] if len(spaces) == 1 else rng.choices(spaces, self.weights[country])[0]
        return space.take_listed()

    def unlisted(self, rng: random.Random, country: str) -> str:
        spaces = self._of(country)
        space = spaces[0] if len(spaces) == 1 else rng.choices(spaces, self.weights[country])[0]
        return space.take_unlisted()


@dataclass(frozen=True, slots=True)
class _DocumentRow:
    number: str
    country: str
    document_type: str
    status: DocumentStatus
    expires_on: str


def _write_documents(
    rng: random.Random,
    path: Path,
    count: int,
    numbers: _DocumentNumbers,
    wanted: dict[int, DocumentStatus],
) -> tuple[dict[int, _DocumentRow], Counter[str]]:
    """Write the list; return the rows at the ``wanted`` indices (forced to passports
    with the wanted status) and the count of each status."""
    countries = [c for c, _ in _DOCUMENT_COUNTRIES]
    country_weights = list(_cumulative(w for _, w in _DOCUMENT_COUNTRIES))
    statuses = [s for s, _ in _STATUS_MIX]
    status_weights = list(_cumulative(w for _, w in _STATUS_MIX))
    types = [t for t, _ in _DOCUMENT_TYPES]
    type_weights = list(_cumulative(w for _, w in _DOCUMENT_TYPES))
    span = 3650
    dates = [(REFERENCE_DATE + dt.timedelta(days=d)).isoformat() for d in range(-span, span + 1)]
    authorities = {c: _AUTHORITIES.get(c, (f"NCB {c}",)) for c in countries}
    captured: dict[int, _DocumentRow] = {}
    by_status: Counter[str] = Counter()
    randrange = rng.randrange
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        for start in range(0, count, _BATCH):
            size = min(_BATCH, count - start)
            batch_countries = rng.choices(countries, cum_weights=country_weights, k=size)
            batch_statuses = rng.choices(statuses, cum_weights=status_weights, k=size)
            batch_types = rng.choices(types, cum_weights=type_weights, k=size)
            rows = []
            for offset in range(size):
                index = start + offset
                country = batch_countries[offset]
                status = batch_statuses[offset]
                document_type = batch_types[offset]
                forced = wanted.get(index)
                if forced is not None:
                    status, document_type = forced, "P"
                reported = span - randrange(1, span)
                expires = (
                    ""
                    if status is DocumentStatus.STOLEN_BLANK
                    else dates[reported + randrange(30, 3400)]
                )
                number = numbers.listed(rng, country)
                rows.append(
                    (
                        number,
                        country,
                        document_type,
                        status.value,
                        authorities[country][randrange(len(authorities[country]))],
                        dates[reported],
                        expires,
                        f"SLTD-{country}-{index + 1:08d}",
                    )
                )
                by_status[status.value] += 1
                if forced is not None:
                    captured[index] = _DocumentRow(number, country, "P", status, expires)
            writer.writerows(rows)
    return captured, by_status


def _cumulative(weights: Any) -> list[int]:
    total = 0
    out = []
    for weight in weights:
        total += weight
        out.append(total)
    return out


# --------------------------------------------------------------------------- travellers

#: Reasons after the first four travellers, with their share.
_REASON_MIX: tuple[tuple[str, int], ...] = (
    ("clear", 30),
    ("stolen-document", 20),
    ("recovered-document", 2),
    ("notice-exact", 18),
    ("notice-variant", 30),
)
_EXPECT = {
    "clear": "CLEAR",
    "stolen-document": "HIT",
    "recovered-document": "CLEAR",
    "notice-exact": "HIT",
    "notice-variant": "HIT",
}


def _traveller_plan(rng: random.Random, travellers: int) -> list[str]:
    first = ["clear", "stolen-document", "notice-variant", "notice-exact"]
    plan = first[:travellers]
    reasons = [r for r, _ in _REASON_MIX]
    weights = [w for _, w in _REASON_MIX]
    plan += rng.choices(reasons, weights, k=max(0, travellers - len(plan)))
    return plan


def _cultures_of(country: str) -> list[Culture]:
    return [c for c in CULTURES if any(n == country for n, _ in c.nationalities)]


def _expiry(rng: random.Random) -> dt.date:
    return REFERENCE_DATE + dt.timedelta(days=rng.randrange(200, 3500))


def _traveller(
    ident: int,
    reason: str,
    *,
    surname: str,
    given_names: str,
    date_of_birth: dt.date,
    sex: Sex,
    nationality: str,
    issuing_country: str,
    document_number: str,
    date_of_expiry: dt.date,
    extra: dict[str, Any],
) -> dict[str, Any]:
    mrz = format_td3(
        issuing_state=issuing_country,
        surname=surname,
        given_names=given_names,
        document_number=document_number,
        nationality=nationality,
        date_of_birth=PartialDate(date_of_birth.year, date_of_birth.month, date_of_birth.day),
        sex=sex,
        date_of_expiry=PartialDate(date_of_expiry.year, date_of_expiry.month, date_of_expiry.day),
        document_code="P",
    )
    return {
        "id": f"t-{ident:06d}",
        "expect": _EXPECT[reason],
        "reason": reason,
        **extra,
        "fields": {
            "document_number": document_number,
            "issuing_country": issuing_country,
            "document_type": "P",
            "surname": surname,
            "given_names": given_names,
            "date_of_birth": date_of_birth.isoformat(),
            "sex": sex.value,
            "nationality": nationality,
            "date_of_expiry": date_of_expiry.isoformat(),
        },
        "mrz": list(mrz),
    }


def _clear_person(rng: random.Random, country: str | None = None) -> tuple[_Person, str]:
    """A person whose surname is in no notice, and a nationality for them."""
    cultures = _cultures_of(country) if country else []
    culture = (
        rng.choice(cultures) if cultures else rng.choices(CULTURES, [c.weight for c in CULTURES])[0]
    )
    sex = Sex.MALE if rng.random() < 0.6 else Sex.FEMALE
    person = _make_person(rng, culture, sex, _birth_date(rng), clear=True)
    return person, country or _pick(rng, culture.nationalities)


def _write_truth(
    rng: random.Random,
    path: Path,
    *,
    plan: list[str],
    notices: Sequence[_NoticeRow],
    documents: dict[int, _DocumentRow],
    document_slots: dict[int, int],
    numbers: _DocumentNumbers,
) -> Counter[str]:
    eligible = [i for i, row in enumerate(notices) if not row.year_only]
    rng.shuffle(eligible)
    used: set[int] = set()
    # The demo traveller (third) is the first notice: Red, MUHAMMAD -> MOHAMMED & co.
    if 0 in eligible:
        eligible.remove(0)
        eligible.insert(0, 0)
    reasons: Counter[str] = Counter()
    with path.open("w", encoding="utf-8", newline="\n") as out:
        cursor = 0
        for slot, reason in enumerate(plan):
            ident = slot + 1
            record: dict[str, Any] | None = None
            if reason in ("stolen-document", "recovered-document"):
                document = documents.get(document_slots.get(slot, -1))
                if document is not None:
                    person, nationality = _clear_person(rng, document.country)
                    surname, given = person.written()
                    expiry = (
                        dt.date.fromisoformat(document.expires_on)
                        if document.expires_on
                        else _expiry(rng)
                    )
                    record = _traveller(
                        ident,
                        reason,
                        surname=surname,
                        given_names=given,
                        date_of_birth=person.date_of_birth,
                        sex=person.sex,
                        nationality=nationality,
                        issuing_country=document.country,
                        document_number=document.number,
                        date_of_expiry=expiry,
                        extra={"document_status": document.status.value},
                    )
            elif reason in ("notice-exact", "notice-variant"):
                while cursor < len(eligible) and record is None:
                    index = eligible[cursor]
                    cursor += 1
                    if index in used:
                        continue
                    row = notices[index]
                    surname, given = row.person.written()
                    extra: dict[str, Any] = {
                        "notice_id": row.notice_id,
                        "notice_type": row.type.value,
                    }
                    if reason == "notice-variant":
                        kinds = ("transliteration",) if index == 0 else ()
                        variant = _make_variant(rng, row.person, kinds)
                        if variant is None:
                            continue
                        surname, given, description = variant
                        extra["variant"] = description
                    used.add(index)
                    nationality = row.nationalities[0]
                    record = _traveller(
                        ident,
                        reason,
                        surname=surname,
                        given_names=given,
                        date_of_birth=row.person.date_of_birth,
                        sex=row.person.sex,
                        nationality=nationality,
                        issuing_country=nationality,
                        document_number=numbers.unlisted(rng, nationality),
                        date_of_expiry=_expiry(rng),
                        extra=extra,
                    )
            if record is None:
                person, nationality = _clear_person(rng)
                surname, given = person.written()
                record = _traveller(
                    ident,
                    "clear",
                    surname=surname,
                    given_names=given,
                    date_of_birth=person.date_of_birth,
                    sex=person.sex,
                    nationality=nationality,
                    issuing_country=nationality,
                    document_number=numbers.unlisted(rng, nationality),
                    date_of_expiry=_expiry(rng),
                    extra={},
                )
            reasons[record["reason"]] += 1
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return reasons


# --------------------------------------------------------------------------- entry points


def generate_dataset(
    out_dir: Path,
    *,
    notices: int = 2000,
    documents: int = 20000,
    seed: int = 1,
    travellers: int | None = None,
) -> GenerateReport:
    """Write ``notices.json``, ``documents.csv`` and ``truth.jsonl`` into ``out_dir``.

    ``travellers`` defaults to ``min(200, max(notices, 10))``. The same arguments give
    byte-identical files.
    """
    if notices < 0 or documents < 0 or (travellers is not None and travellers < 0):
        raise ValueError("counts must not be negative")
    if notices > _MAX_NOTICES:
        raise ValueError(f"at most {_MAX_NOTICES} notices can be generated")
    if travellers is None:
        travellers = min(200, max(notices, 10))
    out_dir.mkdir(parents=True, exist_ok=True)
    notices_path = out_dir / NOTICES_FILE
    documents_path = out_dir / DOCUMENTS_FILE
    truth_path = out_dir / TRUTH_FILE

    notice_rows = _make_notices(random.Random(f"{seed}:notices"), notices)
    _write_notices(random.Random(f"{seed}:notice-details"), notices_path, notice_rows)

    plan_rng = random.Random(f"{seed}:plan")
    plan = _traveller_plan(plan_rng, travellers)
    document_reasons = [
        slot for slot, r in enumerate(plan) if r in ("stolen-document", "recovered-document")
    ][:documents]
    indices = sorted(plan_rng.sample(range(documents), len(document_reasons)))
    plan_rng.shuffle(indices)
    document_slots = dict(zip(document_reasons, indices, strict=True))
    wanted = {
        index: (
            DocumentStatus.CANCELLED
            if plan[slot] == "recovered-document"
            else plan_rng.choice(_LISTED_STATUSES)
        )
        for slot, index in document_slots.items()
    }
    # The demo passport (second traveller) is stolen, not merely lost.
    if 1 in document_slots:
        wanted[document_slots[1]] = DocumentStatus.STOLEN_FROM_BEARER

    numbers = _DocumentNumbers(seed)
    captured, by_status = _write_documents(
        random.Random(f"{seed}:documents"), documents_path, documents, numbers, wanted
    )
    reasons = _write_truth(
        random.Random(f"{seed}:travellers"),
        truth_path,
        plan=plan,
        notices=notice_rows,
        documents=captured,
        document_slots=document_slots,
        numbers=numbers,
    )
    return GenerateReport(
        out_dir=out_dir,
        notices_path=notices_path,
        documents_path=documents_path,
        truth_path=truth_path,
        seed=seed,
        notices=notices,
        documents=documents,
        travellers=len(plan),
        notices_by_type=dict(Counter(r.type.value for r in notice_rows)),
        documents_by_status=dict(by_status),
        travellers_by_reason=dict(reasons),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m lookup_server.loading.generate OUT_DIR [--notices N] ...``"""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--notices", type=int, default=2000)
    parser.add_argument("--documents", type=int, default=20000)
    parser.add_argument("--travellers", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    report = generate_dataset(
        args.out_dir,
        notices=args.notices,
        documents=args.documents,
        seed=args.seed,
        travellers=args.travellers,
    )
    elapsed = time.perf_counter() - started
    print(
        f"{report.notices} notices, {report.documents} documents, {report.travellers} "
        f"travellers in {elapsed:.1f} s -> {report.out_dir}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
