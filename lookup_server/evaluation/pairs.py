"""A labelled, seeded evaluation set of name pairs: traveller query vs. notice.

Each :class:`NamePair` is one border check: the :class:`~lookup_server.model.TravellerQuery`
a terminal sends and one :class:`~lookup_server.model.Notice`, labelled ``True`` when
both describe the same person written differently and ``False`` when they are
different people who look alike. The set measures the name matcher's recall
(positives) and precision (negatives); it is built only from
:mod:`lookup_server.evaluation.names_data` (how names really vary) and never from what
the matcher happens to handle.

Design choices
--------------
* **Queries look like what a booth sends.** Most are read from a passport: the names
  go through :func:`~lookup_server.mrz.format_td3` and back through
  :func:`~lookup_server.mrz.parse_mrz` (upper case A-Z, ICAO transliteration, hyphens
  and spaces as fillers, the 39-character name field). Categories about typing
  (``case_punctuation``, ``middle_name_initial``, the typos, part of ``swapped_order``,
  ``particles`` and ``mononym``) send typed fields: mixed case and punctuation as an
  officer types them. ``document`` is always None (name checks only).
* **Notices look like police data**: upper case (sometimes mixed case) with
  hyphens, apostrophes and diacritics as the requesting state wrote them; the
  ``original_script_*`` notices carry ONLY a name in the original script
  (``NameKind.ORIGINAL_SCRIPT``).
* **Positives** (same person): the notice's date of birth equals the traveller's in
  about 85% of each category; in the rest it has only the year, a day/month swap or
  no date at all, as notices often do. Sex agrees (sometimes unspecified on the
  notice); nationality agrees or is missing on the notice (about 10%).
* **Negatives** (different people who look alike) follow one rule: *every negative
  carries at least one detail that tells the two people apart.* A border check cannot
  separate two identical descriptions, so a pair with the same name and no
  distinguishing detail would be a positive the data cannot refute, not a negative.
  The detail is a genuinely different name (never a spelling variant, diminutive or
  transliteration of the same name), a complete date of birth that clearly differs
  (not a day/month swap, not a one-digit slip, see :func:`dates_clearly_differ`), or
  a different sex (both specified).
* **Determinism**: everything comes from ``random.Random`` seeded with
  ``f"{seed}:{category}"``, so a seed gives identical pairs; ``pair_id`` is
  ``p-NNNN`` / ``n-NNNN`` in category order, so the ids (and :func:`split_of`, a hash
  of the id) are stable across seeds.
* **Notes** start with the culture (``arabic: transliteration MUHAMMAD -> MOHAMED``);
  Chinese pairs using Cantonese or Hokkien spellings say ``cantonese`` so they can be
  reported separately (kept at most 20% of Chinese transliteration pairs).

Where each romanisation convention comes from is documented in
:mod:`lookup_server.evaluation.names_data`.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import functools
import hashlib
import json
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

from lookup_server.evaluation import names_data as nd
from lookup_server.model import (
    DocumentKey,
    MrzFormat,
    NameKind,
    Notice,
    NoticeStatus,
    NoticeType,
    PartialDate,
    PersonName,
    Sex,
    TravellerQuery,
)
from lookup_server.mrz import format_td3, mrz_name, parse_mrz

__all__ = [
    "NEGATIVES_PER_CATEGORY",
    "NEGATIVE_CATEGORIES",
    "POSITIVES_PER_CATEGORY",
    "POSITIVE_CATEGORIES",
    "REFERENCE_DATE",
    "NamePair",
    "build_pairs",
    "dates_clearly_differ",
    "from_jsonl",
    "split_of",
    "to_jsonl",
]

POSITIVE_CATEGORIES: Final[tuple[str, ...]] = (
    "case_punctuation",
    "diacritics",
    "transliteration",
    "original_script_arabic",
    "original_script_cyrillic",
    "original_script_chinese",
    "original_script_greek",
    "swapped_order",
    "middle_name_missing",
    "middle_name_initial",
    "mononym",
    "particles",
    "typo_substitution",
    "typo_transposition",
    "typo_deletion",
    "mrz_truncation",
)
NEGATIVE_CATEGORIES: Final[tuple[str, ...]] = (
    "same_surname_different_given",
    "same_name_different_dob",
    "same_name_different_sex",
    "common_name_different_details",
    "near_identical_different_person",
)
POSITIVES_PER_CATEGORY: Final = 100
NEGATIVES_PER_CATEGORY: Final = 250

#: "Today" for reading two-digit MRZ years; fixed so the set does not change with the clock.
REFERENCE_DATE: Final = dt.date(2026, 1, 1)

# Share of positives whose notice date of birth is partial, swapped or missing.
_INEXACT_DOB_SHARE: Final = 0.15
_TD3_NAME_WIDTH: Final = 39


@dataclass(frozen=True, slots=True)
class NamePair:
    """One labelled border check: a traveller query and a notice."""

    pair_id: str  # "p-0001" / "n-0001"; stable for a given seed
    category: str
    label: bool  # True: same person written differently; False: different people
    query: TravellerQuery
    notice: Notice
    note: str  # what was varied, e.g. "arabic: transliteration MUHAMMAD -> MOHAMED"


# =========================================================================== helpers


@dataclass(frozen=True, slots=True)
class _Draft:
    """A pair before ids are assigned. ``dob`` etc. None: the builder decides."""

    query: TravellerQuery
    names: tuple[PersonName, ...]
    note: str
    dob: PartialDate | None = None
    sex: Sex | None = None
    nationalities: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class _Person:
    culture: nd.Culture
    female: bool
    given: tuple[nd.Name, ...]
    surname: tuple[nd.Name, ...]
    nationality: str

    @property
    def sex(self) -> Sex:
        return Sex.FEMALE if self.female else Sex.MALE


_REGIONS: Final = frozenset({"gulf", "levant", "egypt", "maghreb"})
# Cultures whose people have one given name (plus, in Vietnam, a middle name).
_SINGLE_GIVEN: Final = frozenset(
    {
        "chinese",
        "korean",
        "japanese",
        "vietnamese",
        "russian",
        "ukrainian",
        "bulgarian",
        "serbian",
        "greek",
        "persian",
    }
)
_FALLBACK_NATIONALITIES: Final = ("USA", "GBR", "DEU", "CAN", "AUS", "FRA", "ARE", "SAU")


def _mrz_text(text: str) -> str:
    """``text`` as an MRZ would hold it, fillers as spaces."""
    return mrz_name(text).replace("<", " ")


def _date(value: dt.date) -> PartialDate:
    return PartialDate(value.year, value.month, value.day)


def _birth_date(rng: random.Random, *, swappable: bool = False) -> dt.date:
    year = rng.randint(1952, 2004)
    month = rng.randint(1, 12)
    if swappable:
        day = rng.choice([d for d in range(1, 13) if d != month])
    else:
        day = rng.randint(1, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def dates_clearly_differ(a: PartialDate, b: PartialDate) -> bool:
    """Both complete and different beyond a typing slip.

    Not equal, not a day/month swap, not a one-digit change and not two adjacent
    digits transposed, comparing the ``YYYYMMDD`` strings.
    """
    if not (a.is_complete and b.is_complete):
        return False
    sa = a.to_iso().replace("-", "")
    sb = b.to_iso().replace("-", "")
    if sa == sb:
        return False
    if a.year == b.year and a.month == b.day and a.day == b.month:
        return False
    diff = [i for i in range(8) if sa[i] != sb[i]]
    if len(diff) <= 1:
        return False
    return not (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and sa[diff[0]] == sb[diff[1]]
        and sa[diff[1]] == sb[diff[0]]
    )


def _other_date(rng: random.Random, base: dt.date) -> dt.date:
    while True:
        year = base.year + rng.choice([d for d in range(-14, 15) if abs(d) >= 2])
        year = min(max(year, 1940), 2006)
        month = rng.randint(1, 12)
        day = rng.randint(1, calendar.monthrange(year, month)[1])
        other = dt.date(year, month, day)
        if dates_clearly_differ(_date(base), _date(other)):
            return other


def _expiry(rng: random.Random) -> PartialDate:
    year = rng.randint(2026, 2035)
    month = rng.randint(1, 12)
    return PartialDate(year, month, rng.randint(1, 28))


def _document_number(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return rng.choice(letters) + "".join(rng.choice("0123456789") for _ in range(8))


def _mrz_query(
    rng: random.Random,
    surname: str,
    given: str,
    *,
    dob: dt.date,
    sex: Sex,
    nationality: str,
) -> TravellerQuery:
    """The query a reader produces from a TD3 passport with these names."""
    lines = format_td3(
        issuing_state=nationality,
        surname=surname,
        given_names=given,
        document_number=_document_number(rng),
        nationality=nationality,
        date_of_birth=_date(dob),
        sex=sex,
        date_of_expiry=_expiry(rng),
    )
    result = parse_mrz(list(lines), today=REFERENCE_DATE)
    return dataclasses.replace(result.to_query(), document=None)


def _typed_query(
    surname: str, given: str, dob: dt.date, sex: Sex, nationality: str
) -> TravellerQuery:
    return TravellerQuery(
        document=None,
        surname=surname,
        given_names=given,
        date_of_birth=_date(dob),
        sex=sex,
        nationality=nationality,
    )


def _name(surname: str, given: str) -> PersonName:
    return PersonName(surname=surname, given_names=given, kind=NameKind.PRIMARY, script="Latn")


def _upper(text: str, culture: str = "") -> str:
    """Upper case that keeps ß (Python would write SS) and the Turkish dotted İ."""
    if culture == "turkish":
        text = text.replace("i", "İ")
    return "".join(c if c == "ß" else c.upper() for c in text)


def _plan(rng: random.Random, weights: dict[str, int], n: int) -> list[str]:
    """``n`` keys in proportion to ``weights``, shuffled."""
    total = sum(weights.values())
    counts = {k: w * n // total for k, w in weights.items()}
    rest = n - sum(counts.values())
    for key in sorted(weights, key=lambda k: (-(weights[k] * n % total), k))[:rest]:
        counts[key] += 1
    out = [k for k, c in counts.items() for _ in range(c)]
    rng.shuffle(out)
    return out


def _sex_ok(name: nd.Name, female: bool) -> bool:
    return not (("m" in name.attrs and female) or ("f" in name.attrs and not female))


def _region_ok(name: nd.Name, region: str) -> bool:
    regions = name.attrs & _REGIONS
    return not regions or region in regions


def _culture(key: str) -> nd.Culture:
    return nd.CULTURES[key]


def _plain_nationalities(culture: nd.Culture) -> tuple[str, ...]:
    """Nationalities whose passports use the culture's main spelling (not Cantonese)."""
    if culture.key == "chinese":
        return ("CHN", "CHN", "CHN", "TWN")
    return culture.nationalities


def _pick_person(
    rng: random.Random,
    culture: nd.Culture,
    *,
    female: bool | None = None,
    n_given: int = 1,
    nationality: str | None = None,
    surname: nd.Name | None = None,
    unisex: bool = True,
    given_filter: Callable[[nd.Name], bool] | None = None,
    surname_filter: Callable[[nd.Name], bool] | None = None,
) -> _Person:
    if female is None:
        female = rng.random() < 0.5
    if culture.key in _SINGLE_GIVEN:
        n_given = 1
    # Cantonese and Hokkien spellings only where a note says so (see module doc).
    nat = nationality or rng.choice(_plain_nationalities(culture))
    region = culture.region_of(nat)
    fixed = surname
    pool = (
        [fixed]
        if fixed is not None
        else [
            s
            for s in culture.surnames
            if _sex_ok(s, female)
            and _region_ok(s, region)
            and (surname_filter is None or surname_filter(s))
        ]
    )
    while True:
        surname = rng.choice(pool)
        candidates = [
            g
            for g in (*culture.given(female), *(culture.unisex if unisex else ()))
            if nd.compatible(g, surname)
            and _sex_ok(g, female)
            and (given_filter is None or given_filter(g))
            and g.primary != surname.primary
        ]
        if len(candidates) >= n_given:
            break
        if fixed is not None or len(pool) == 1:
            raise ValueError(f"no {n_given} given names for {surname.primary} in {culture.key}")
        pool.remove(surname)
    given = rng.sample(candidates, n_given)
    if culture.key == "arabic" and n_given > 1:
        # After the person's own name an Arabic name chain lists the father's (and
        # grandfather's) names: men's names of the same community.
        fathers = [
            m
            for m in culture.male
            if m is not given[0] and nd.compatible(m, surname) and nd.compatible(m, given[0])
        ]
        given = [given[0], *rng.sample(fathers, n_given - 1)]
    if culture.key == "south_asian" and nationality is None:
        communities = sorted(surname.communities & given[0].communities) or sorted(
            surname.communities | given[0].communities
        )
        nat = rng.choice(nd.COMMUNITY_NATIONALITIES[communities[0]])
    middles = culture.middle_female if female else culture.middle_male
    if middles:
        given = [rng.choice(middles), *given]
    return _Person(culture, female, tuple(given), (surname,), nat)


def _passport_form(rng: random.Random, name: nd.Name, region: str) -> str:
    tagged = name.tagged(region) if region else ()
    return rng.choice(tagged) if tagged else name.primary


def _surname_text(person: _Person, parts: Sequence[str]) -> str:
    text = " ".join(parts)
    if person.culture.key == "malay":
        return ("BINTI " if person.female else "BIN ") + text
    return text


def _forms(person: _Person, choose: Callable[[nd.Name], str]) -> tuple[list[str], list[str]]:
    """(given forms, surname forms) chosen by ``choose`` (female forms where gendered)."""
    given = [choose(g.for_sex(person.female)) for g in person.given]
    surname = [choose(s.for_sex(person.female)) for s in person.surname]
    return given, surname


def _passport(rng: random.Random, person: _Person) -> tuple[str, str]:
    """(surname, given names) as the person's own passport prints them."""
    region = person.culture.region_of(person.nationality)
    given, surname = _forms(person, lambda n: _passport_form(rng, n, region))
    return _surname_text(person, surname), " ".join(given)


def _dob_modes(rng: random.Random, n: int) -> list[str]:
    inexact = round(n * _INEXACT_DOB_SHARE)
    kinds = ["year", "swap", "none"]
    modes = ["exact"] * (n - inexact) + [kinds[i % 3] for i in range(inexact)]
    rng.shuffle(modes)
    return modes


def _notice_dob(mode: str, dob: dt.date) -> PartialDate | None:
    if mode == "exact":
        return _date(dob)
    if mode == "year":
        return PartialDate(dob.year)
    if mode == "swap":
        return PartialDate(dob.year, dob.day, dob.month)
    return None


def _diff_note(pairs: Iterable[tuple[str, str]]) -> str:
    return ", ".join(f"{a} -> {b}" for a, b in pairs if a != b)


# =========================================================================== positives

PositiveGen = Callable[[random.Random, int, dt.date, str], _Draft]


# ------------------------------------------------------------------ case_punctuation


def _typed_case(rng: random.Random, text: str) -> tuple[str, str]:
    style = rng.choice(["lower", "title", "title", "mixed"])
    if style == "lower":
        return text.lower(), "lower case"
    if style == "title":
        out = []
        for word in text.split(" "):
            parts = []
            for sub in word.split("-"):
                if "'" in sub:
                    head, _, tail = sub.partition("'")
                    parts.append(head.capitalize() + "'" + tail.capitalize())
                elif sub.startswith("MC") and len(sub) > 3:
                    parts.append("Mc" + sub[2:].capitalize())
                else:
                    parts.append(sub.capitalize())
            out.append("-".join(parts))
        return " ".join(out), "title case"
    lowered = {"AL", "EL", "BEN", "DE", "DELA", "DELOS", "VAN", "DER", "DEN", "BIN"}
    words = [w.lower() if w.replace("-", "") in lowered else w.capitalize() for w in text.split()]
    return " ".join(words), "mixed case"


def _typed_punctuation(rng: random.Random, text: str) -> tuple[str, list[str]]:
    changes: list[str] = []
    if "-" in text and rng.random() < 0.7:
        text = text.replace("-", rng.choice([" ", " - ", "  "]))
        changes.append("hyphen as space")
    elif " " in text.strip() and rng.random() < 0.3:
        text = text.replace(" ", "-", 1)
        changes.append("space as hyphen")
    if "'" in text:
        choice = rng.choice(["drop", "space", "typographic", "acute"])
        if choice == "drop":
            text = text.replace("'", "")
            changes.append("apostrophe dropped")
        elif choice == "space":
            text = text.replace("'", " ")
            changes.append("apostrophe as space")
        elif choice == "typographic":
            text = text.replace("'", "\u2019")
            changes.append("typographic apostrophe")
        else:
            text = text.replace("'", "\u00b4")
            changes.append("acute accent for apostrophe")
    if "." in text and rng.random() < 0.6:
        text = text.replace(".", "")
        changes.append("period dropped")
    if rng.random() < 0.35:
        pad = rng.choice(["lead", "trail", "double"])
        if pad == "lead":
            text = " " + text
        elif pad == "trail":
            text = text + "  "
        elif " " in text:
            text = text.replace(" ", "  ", 1)
        else:
            text = text + " "
        changes.append("extra spaces")
    return text, changes


def _marked(form: str) -> bool:
    """The form has name punctuation: a hyphen, an apostrophe or a period."""
    return any(c in form for c in "-'.")


def _punct_form(rng: random.Random, name: nd.Name, female: bool) -> str:
    n = name.for_sex(female)
    marked = [f for f in n.forms if any(c in f for c in "-'.")]
    return rng.choice(marked) if marked else n.primary


def _gen_case_punctuation(rng: random.Random, i: int, dob: dt.date, key: str) -> _Draft:
    culture = _culture(key)
    female = rng.random() < 0.5
    if key == "italian":
        particle = rng.choice([p for p in nd.PARTICLE_SURNAMES if p.culture == "italian"])
        person = _pick_person(rng, culture, female=female)
        surname = particle.forms[0]
        given = person.given[0].for_sex(female).primary
    else:
        surnames = [s for s in culture.surnames if any(_marked(f) for f in s.forms)]
        given_pool = [
            g for g in (*culture.given(female), *culture.unisex) if any(_marked(f) for f in g.forms)
        ]
        use_surname = bool(surnames) and (not given_pool or rng.random() < 0.6)
        use_given = bool(given_pool) and not use_surname
        person = _pick_person(
            rng,
            culture,
            female=female,
            surname=rng.choice(surnames) if use_surname else None,
            given_filter=(lambda g: any(_marked(f) for f in g.forms)) if use_given else None,
        )
        region = culture.region_of(person.nationality)
        surname = (
            _punct_form(rng, person.surname[0], female)
            if use_surname
            else _passport_form(rng, person.surname[0].for_sex(female), region)
        )
        given = " ".join(
            _punct_form(rng, g, female)
            if use_given
            else _passport_form(rng, g.for_sex(female), region)
            for g in person.given
        )
    if rng.random() < 0.25:
        # The notice has the plain form; the officer types the punctuation.
        notice_surname, notice_given = _mrz_text(surname), _mrz_text(given)
        typed_surname, typed_given = surname, given
        changes = ["notice without punctuation"]
    else:
        notice_surname, notice_given = surname, given
        typed_surname, typed_given = surname, given
        changes = []
    typed_surname, surname_changes = _typed_punctuation(rng, typed_surname)
    typed_given, given_changes = _typed_punctuation(rng, typed_given)
    typed_surname, case_s = _typed_case(rng, typed_surname)
    typed_given, case_g = _typed_case(rng, typed_given)
    changes += [case_s, *surname_changes, *given_changes]
    if case_g != case_s:
        changes.append(f"given names {case_g}")
    query = _typed_query(typed_surname, typed_given, dob, person.sex, person.nationality)
    note = (
        f"{key}: typed {typed_surname.strip()!r} / {typed_given.strip()!r} for "
        f"{notice_surname} / {notice_given} ({', '.join(dict.fromkeys(changes))})"
    )
    return _Draft(query, (_name(notice_surname, notice_given),), note)


# ------------------------------------------------------------------ diacritics

_ICAO_STATES: Final = {
    "german": ("DEU", "AUT", "CHE"),
    "swedish": ("SWE", "FIN"),
    "danish_norwegian": ("DNK", "NOR"),
    "icelandic": ("ISL",),
}
# Where a person of a "plain" culture gets an ICAO-rendered document: German-speaking
# states where many of them are citizens. And vice versa.
_ICAO_ELSEWHERE: Final = ("DEU", "DEU", "AUT", "CHE")
_PLAIN_ELSEWHERE: Final = ("USA", "CAN", "AUS", "GBR", "BRA", "ARG")
_CEDILLA: Final = str.maketrans("șțȘȚ", "şţŞŢ")


def _has_diacritic(text: str) -> bool:
    return any(not c.isascii() for c in text)


def _native_latin(name: nd.Name) -> str:
    return name.native_alt if name.script == "Cyrl" else (name.native or name.primary)


def _gen_diacritics(rng: random.Random, i: int, dob: dt.date, key: str) -> _Draft:
    culture = _culture(key)
    person = _pick_person(rng, culture)
    for _ in range(50):
        texts = [_native_latin(n.for_sex(person.female)) for n in (*person.given, *person.surname)]
        if any(_has_diacritic(t) for t in texts):
            break
        person = _pick_person(rng, culture, female=person.female)
    default = "icao" if key in _ICAO_STATES else "plain"
    practice = default if rng.random() < 0.7 else ("plain" if default == "icao" else "icao")
    natives = [n.for_sex(person.female).native for n in (*person.given, *person.surname)]
    if key != "serbian" and all(nd.icao_latin(t) == nd.plain_latin(t) for t in natives):
        practice = default  # both conventions agree: the person's own passport
    if key == "serbian":
        practice = "serbian" if rng.random() < 0.7 else "icao"
    nationality = person.nationality
    if practice != default and key != "serbian":
        nationality = rng.choice(_PLAIN_ELSEWHERE if practice == "plain" else _ICAO_ELSEWHERE)
    elif key == "serbian" and practice == "icao":
        nationality = rng.choice(_ICAO_ELSEWHERE)

    def romanise(name: nd.Name) -> str:
        n = name.for_sex(person.female)
        if key == "serbian":
            return n.primary if practice == "serbian" else nd.icao_latin(n.native_alt)
        return nd.icao_latin(n.native) if practice == "icao" else nd.plain_latin(n.native)

    given_q = " ".join(romanise(g) for g in person.given)
    surname_q = " ".join(romanise(s) for s in person.surname)
    upper = rng.random() < 0.6
    notice_given = " ".join(_native_latin(g.for_sex(person.female)) for g in person.given)
    notice_surname = " ".join(_native_latin(s.for_sex(person.female)) for s in person.surname)
    extra = ""
    if key == "romanian" and rng.random() < 0.4 and any(c in "șțȘȚ" for c in notice_surname):
        notice_surname = notice_surname.translate(_CEDILLA)
        extra = "; cedilla ş/ţ instead of comma-below ș/ț"
    if upper and _has_diacritic(_upper(notice_given + notice_surname, key)):
        # (Upper case can lose the mark: the Turkish dotless i is a plain I in capitals.)
        notice_given, notice_surname = _upper(notice_given, key), _upper(notice_surname, key)
    query = _mrz_query(rng, surname_q, given_q, dob=dob, sex=person.sex, nationality=nationality)
    how = {
        "icao": "ICAO 9303 transliteration",
        "plain": "diacritics dropped",
        "serbian": "Serbian practice, Đ as DJ",
    }[practice]
    note = (
        f"{key}: diacritics {notice_given} {notice_surname} -> "
        f"{query.given_names} {query.surname} ({how}, {nationality} passport{extra})"
    )
    return _Draft(query, (_name(notice_surname, notice_given),), note)


# ------------------------------------------------------------------ transliteration

# For cultures whose variants are tagged by source: which tag a passport of which
# nationality prints, and which nationality goes with a tagged spelling.
_TAG_NATIONALITY: Final = {
    "german": ("DEU",),
    "french": ("FRA",),
    "legacy": ("ISR", "USA", "DEU", "KAZ"),
    "cyprus": ("CYP",),
    "wade-giles": ("TWN",),
    "cantonese": ("HKG",),
    "hokkien": ("SGP", "MYS"),
    "rr": ("KOR",),
    "mr": ("PRK",),
    "oh": ("JPN",),
    "wapuro": ("JPN",),
    "anglophone": ("GMB", "SLE", "LBR"),
    "francophone": ("SEN", "MLI", "GIN", "CIV"),
    "eritrea": ("ERI",),
}


def _differs(a: str, b: str) -> bool:
    return _mrz_text(a) != _mrz_text(b)


def _vary_tokens(
    rng: random.Random,
    names: Sequence[nd.Name],
    query_forms: Sequence[str],
    allowed: Callable[[nd.Name, str], bool],
    force_one: bool = True,
) -> list[str]:
    """Notice forms: each token another spelling of the query's, at least one differing."""
    options = [
        [f for f in n.forms if _differs(f, q) and allowed(n, f)]
        for n, q in zip(names, query_forms, strict=True)
    ]
    varying = [i for i, o in enumerate(options) if o]
    if not varying:
        return list(query_forms)
    must = rng.choice(varying) if force_one else -1
    out = []
    for i, (q, opts) in enumerate(zip(query_forms, options, strict=True)):
        if opts and (i == must or rng.random() < 0.4):
            out.append(rng.choice(opts))
        else:
            out.append(q)
    return out


def _not_dialect(name: nd.Name, form: str) -> bool:
    """False for Cantonese/Hokkien-only spellings (they appear only where a note says so)."""
    tags = set(name.tag_of(form))
    return form == name.primary or not tags or not tags <= {"cantonese", "hokkien"}


def _gen_transliteration(rng: random.Random, i: int, dob: dt.date, key: str) -> _Draft:
    if key == "chinese_cantonese":
        return _transliteration_chinese(rng, dob, cantonese=True)
    if key == "chinese":
        return _transliteration_chinese(rng, dob, cantonese=False)
    if key == "indonesian":
        return _transliteration_indonesian(rng, dob)
    culture = _culture(key)
    for _ in range(200):
        person = _pick_person(rng, culture, n_given=rng.choice([1, 1, 1, 2]))
        tokens = [n.for_sex(person.female) for n in (*person.given, *person.surname)]
        if any(len(set(map(_mrz_text, n.forms))) > 1 for n in tokens):
            break
    n_given = len(person.given)
    region = culture.region_of(person.nationality)
    query_side = "passport"
    # Sometimes the traveller's document is the one in a foreign transcription.
    foreign_tags = sorted(
        {t for n in tokens for tags in n.tags for t in tags if t in _TAG_NATIONALITY} - {region}
    )
    if foreign_tags and rng.random() < 0.3:
        tag = rng.choice(foreign_tags)
        nationality = rng.choice(_TAG_NATIONALITY[tag])
        query_forms = [(n.tagged(tag) or (n.primary,))[0] for n in tokens]
        query_side = f"{tag} spelling on the {nationality} passport"
    else:
        nationality = person.nationality
        query_forms = [_passport_form(rng, n, region) for n in tokens]
    notice_forms = _vary_tokens(rng, tokens, query_forms, _not_dialect)
    if notice_forms == query_forms:
        raise AssertionError(f"no variant for {query_forms}")
    q_given, q_surname = query_forms[:n_given], query_forms[n_given:]
    s_given, s_surname = notice_forms[:n_given], notice_forms[n_given:]
    query = _mrz_query(
        rng,
        _surname_text(person, q_surname),
        " ".join(q_given),
        dob=dob,
        sex=person.sex,
        nationality=nationality,
    )
    notice = _name(_surname_text(person, s_surname), " ".join(s_given))
    changed = _diff_note(zip(notice_forms, query_forms, strict=True))
    tags = sorted(
        {
            t
            for n, f in zip(tokens, notice_forms, strict=True)
            for t in n.tag_of(f)
            if f not in query_forms
        }
    )
    source = f"notice {'/'.join(tags)} spelling" if tags else "notice in another spelling"
    note = f"{key}: transliteration {changed} ({source}; {query_side})"
    return _Draft(query, (notice,), note)


def _transliteration_chinese(rng: random.Random, dob: dt.date, *, cantonese: bool) -> _Draft:
    culture = _culture("chinese")
    if cantonese:
        nationality, tag = rng.choice([("HKG", "cantonese"), ("SGP", "hokkien")])
    else:
        nationality, tag = rng.choice([("TWN", "wade-giles")] * 3 + [("CHN", "pinyin")] * 2)
    for _ in range(200):
        person = _pick_person(rng, culture, nationality=nationality)
        given, surname = person.given[0], person.surname[0]
        if tag == "pinyin":
            # A PRC traveller; the notice comes from an older or Taiwanese record.
            q = [given.primary, surname.primary]
            alt = [given.tagged("wade-giles"), surname.tagged("wade-giles")]
            split = given.tagged("pinyin-split")
            n = [
                rng.choice(alt[0] or split or (given.primary,)),
                rng.choice(alt[1] or (surname.primary,)),
            ]
            source = "notice in Wade-Giles; PRC passport in pinyin"
        else:
            q = [
                rng.choice(given.tagged(tag) or (given.primary,)),
                rng.choice(surname.tagged(tag) or (surname.primary,)),
            ]
            n = [given.primary, surname.primary]
            label = {"wade-giles": "Taiwanese passport in Wade-Giles"}.get(
                tag, f"cantonese: {tag} spelling on the {nationality} passport"
            )
            source = f"notice in pinyin; {label}"
        if any(_differs(a, b) for a, b in zip(q, n, strict=True)):
            break
    query = _mrz_query(rng, q[1], q[0], dob=dob, sex=person.sex, nationality=nationality)
    note = (
        f"chinese: transliteration {n[1]} {n[0]} -> {q[1]} {q[0]} "
        f"({given.native}{'/' + given.native_alt if given.native_alt else ''}, "
        f"{surname.native}; {source})"
    )
    return _Draft(query, (_name(n[1], n[0]),), note)


def _transliteration_indonesian(rng: random.Random, dob: dt.date) -> _Draft:
    culture = _culture("indonesian")
    old = set(nd.INDONESIAN_SPELLING)
    for _ in range(200):
        person = _pick_person(rng, culture)
        tokens = [*person.given, *person.surname]
        if any(t in old for t in tokens):
            break
    old_on_passport = rng.random() < 0.5
    query_forms: list[str] = []
    notice_forms: list[str] = []
    forced = rng.choice([t for t in tokens if t in old])
    for t in tokens:
        legacy = t.tagged("ejaan-lama")
        if legacy and (t is forced or rng.random() < 0.5):
            pair = (rng.choice(legacy), t.primary)
            q, n = pair if old_on_passport else pair[::-1]
        else:
            q = n = t.primary
        query_forms.append(q)
        notice_forms.append(n)
    query = _mrz_query(
        rng, query_forms[-1], " ".join(query_forms[:-1]), dob=dob, sex=person.sex, nationality="IDN"
    )
    where = "old spelling kept on the passport" if old_on_passport else "notice in old spelling"
    note = (
        f"indonesian: transliteration {_diff_note(zip(notice_forms, query_forms, strict=True))}"
        f" (1972 EYD / 1947 reform: oe->u, dj->j, tj->c, j->y; {where})"
    )
    return _Draft(query, (_name(notice_forms[-1], " ".join(notice_forms[:-1])),), note)


# ------------------------------------------------------------------ original script


def _original_script(
    rng: random.Random,
    dob: dt.date,
    key: str,
    script: str,
    *,
    nationality: str | None = None,
    tag: str = "",
    traditional: bool = False,
    with_father: bool = False,
    label: str = "",
) -> _Draft:
    culture = _culture(key)
    person = _pick_person(
        rng,
        culture,
        nationality=nationality,
        given_filter=lambda g: bool(g.native),
        surname_filter=lambda s: bool(s.native),
    )
    if with_father:
        # Arabic name chains: the second "given name" is the father's name.
        father = rng.choice([m for m in _ancestor_names(person) if m.native])
        person = dataclasses.replace(person, given=(*person.given, father))
    region = tag or culture.region_of(person.nationality)

    def native(n: nd.Name) -> str:
        n = n.for_sex(person.female)
        return n.native_alt if traditional and n.native_alt else n.native

    given_native = " ".join(native(g) for g in person.given)
    surname_native = " ".join(native(s) for s in person.surname)
    surname, given = (
        _passport(rng, person)
        if not tag
        else (
            " ".join(_passport_form(rng, s.for_sex(person.female), region) for s in person.surname),
            " ".join(_passport_form(rng, g.for_sex(person.female), region) for g in person.given),
        )
    )
    query = _mrz_query(rng, surname, given, dob=dob, sex=person.sex, nationality=person.nationality)
    name = PersonName(
        surname=surname_native,
        given_names=given_native,
        kind=NameKind.ORIGINAL_SCRIPT,
        script=script,
    )
    convention = label or culture.convention
    if region and not label:
        convention = f"{region} spelling"
    if culture.family_name_first:
        written = f"{surname_native}{given_native}"
        read = f"{query.surname} {query.given_names}"
    else:
        written = f"{given_native} {surname_native}"
        read = f"{query.given_names} {query.surname}"
    note = (
        f"{key}: original script {written} -> {read} ({convention}, {person.nationality} passport)"
    )
    return _Draft(query, (name,), note)


def _gen_original_arabic(rng: random.Random, i: int, dob: dt.date, key: str) -> _Draft:
    if key == "persian":
        return _original_script(rng, dob, "persian", "Arab", label="Iranian passport spelling")
    return _original_script(rng, dob, "arabic", "Arab", with_father=rng.random() < 0.25)


def _gen_original_cyrillic(rng: random.Random, i: int, dob: dt.date, key: str) -> _Draft:
    return _original_script(rng, dob, key, "Cyrl")


def _gen_original_chinese(rng: random.Random, i: int, dob: dt.date, key: str) -> _Draft:
    if key == "twn":
        return _original_script(
            rng,
            dob,
            "chinese",
            "Hani",
            nationality="TWN",
            tag="wade-giles",
            traditional=True,
            label="Wade-Giles, traditional characters",
        )
    if key == "hkg":
        return _original_script(
            rng,
            dob,
            "chinese",
            "Hani",
            nationality="HKG",
            tag="cantonese",
            traditional=True,
            label="cantonese: Hong Kong spelling, traditional characters",
        )
    return _original_script(
        rng, dob, "chinese", "Hani", nationality="CHN", tag="pinyin", label="Hanyu Pinyin"
    )


def _gen_original_greek(rng: random.Random, i: int, dob: dt.date, key: str) -> _Draft:
    if key == "cyp":
        return _original_script(
            rng, dob, "greek", "Grek", nationality="CYP", label="Cypriot spelling"
        )
    return _original_script(rng, dob, "greek", "Grek", nationality="GRC", label="ELOT 743")


# ------------------------------------------------------------------ swapped_order


def _gen_swapped(rng: random.Random, i: int, dob: dt.date, key: str) -> _Draft:
    culture = _culture(key)
    person = _pick_person(rng, culture)
    surname, given = _passport(rng, person)
    if culture.family_name_first and rng.random() < 0.6:
        query = _mrz_query(
            rng, surname, given, dob=dob, sex=person.sex, nationality=person.nationality
        )
        native_order = f"{surname} {given}"
        note = (
            f"{key}: family-name-first order {native_order!r} recorded with the family name "
            f"in the given-name field ({surname} as given name, {given} as surname)"
        )
        return _Draft(query, (_name(given, surname),), note)
    typed_surname, typed_given = given, surname
    if rng.random() < 0.4:
        typed_surname, typed_given = typed_surname.title(), typed_given.title()
    query = _typed_query(typed_surname, typed_given, dob, person.sex, person.nationality)
    note = (
        f"{key}: officer typed the names into the wrong fields (surname {typed_surname!r}, "
        f"given {typed_given!r} for {surname} / {given})"
    )
    return _Draft(query, (_name(surname, given),), note)


# ------------------------------------------------------------------ middle names


def _ancestor_names(person: _Person) -> list[nd.Name]:
    """Men's names that fit the person's community: their father's, grandfather's..."""
    return [
        m
        for m in person.culture.male
        if all(nd.compatible(m, n) for n in (*person.given, *person.surname))
        and m not in person.given
    ]


def _patronymic(father: nd.Name, female: bool, key: str) -> str:
    pair = nd.PATRONYMICS[father.native]
    native = pair[1] if female else pair[0]
    return nd.icao_russian(native) if key == "russian" else nd.ukrainian_national(native)


def _gen_middle_missing(rng: random.Random, i: int, dob: dt.date, key: str) -> _Draft:
    culture = _culture(key)
    notice_has_more = rng.random() < 0.7
    if key in ("russian", "ukrainian"):
        person = _pick_person(rng, culture)
        father = rng.choice([m for m in culture.male if m.native in nd.PATRONYMICS])
        surname, given = _passport(rng, person)
        patronymic = _patronymic(father, person.female, key)
        full_given, short_given = f"{given} {patronymic}", given
        full_surname = short_surname = surname
        what = f"patronymic {patronymic} (not printed on {person.nationality} passports)"
        notice_has_more = True
    elif key == "arabic":
        person = _pick_person(rng, culture, nationality=rng.choice(["SAU", "ARE", "KWT", "IRQ"]))
        region = culture.region_of(person.nationality)
        chain = rng.sample(_ancestor_names(person), 2)
        surname, given = _passport(rng, person)
        ancestors = " ".join(_passport_form(rng, m, region) for m in chain[: rng.choice([1, 2])])
        full_given, short_given = f"{given} {ancestors}", given
        full_surname = short_surname = surname
        what = f"father's/grandfather's names {ancestors} (nasab)"
    elif key == "spanish":
        person = _pick_person(rng, culture)
        second = rng.choice([s for s in culture.surnames if s is not person.surname[0]])
        surname, given = _passport(rng, person)
        full_surname, short_surname = f"{surname} {second.primary}", surname
        full_given = short_given = given
        what = f"second (maternal) surname {second.primary}"
    elif key == "portuguese":
        person = _pick_person(rng, culture)
        maternal = rng.choice([s for s in culture.surnames if s is not person.surname[0]])
        surname, given = _passport(rng, person)
        full_surname, short_surname = f"{maternal.primary} {surname}", surname
        full_given = short_given = given
        what = f"first (maternal) surname {maternal.primary}, last surname kept"
    elif key == "filipino":
        person = _pick_person(rng, culture)
        maiden = rng.choice([s for s in culture.surnames if s is not person.surname[0]])
        surname, given = _passport(rng, person)
        full_given, short_given = f"{given} {maiden.primary}", given
        full_surname = short_surname = surname
        what = f"middle name {maiden.primary} (mother's maiden surname)"
    elif key == "vietnamese":
        person = _pick_person(rng, culture)
        surname, given = _passport(rng, person)
        middle, _, last = given.partition(" ")
        full_given, short_given = given, last
        full_surname = short_surname = surname
        what = f"middle name {middle}"
    elif key == "south_asian":
        person = _pick_person(
            rng,
            culture,
            surname_filter=lambda s: "m" not in s.attrs and "f" not in s.attrs,
        )
        surname, given = _passport(rng, person)
        middle = "KUMAR" if person.surname[0].communities & {"hindu"} else "SINGH"
        if person.female:
            middle = "KUMARI" if middle == "KUMAR" else "KAUR"
        if person.surname[0].communities & {"muslim"} and not person.surname[0].communities & {
            "hindu"
        }:
            middle = rng.choice(["AHMED", "ALI", "HUSSAIN"])
        full_given, short_given = f"{given} {middle}", given
        full_surname = short_surname = surname
        what = f"middle name {middle}"
    else:
        person = _pick_person(rng, culture, n_given=2)
        surname, given = _passport(rng, person)
        first, _, rest = given.partition(" ")
        full_given, short_given = given, first
        full_surname = short_surname = surname
        what = f"second given name {rest}"
    if notice_has_more:
        query = _mrz_query(
            rng, short_surname, short_given, dob=dob, sex=person.sex, nationality=person.nationality
        )
        notice = _name(full_surname, full_given)
        side = "notice has"
    else:
        query = _mrz_query(
            rng, full_surname, full_given, dob=dob, sex=person.sex, nationality=person.nationality
        )
        notice = _name(short_surname, short_given)
        side = "query has"
    note = f"{key}: {side} the {what}; the other side lacks it"
    return _Draft(query, (notice,), note)


def _initial(rng: random.Random, word: str) -> str:
    return word[0] + rng.choice(["", "", "."])


def _gen_middle_initial(rng: random.Random, i: int, dob: dt.date, key: str) -> _Draft:
    culture = _culture(key)
    if key in ("russian", "ukrainian"):
        person = _pick_person(rng, culture)
        father = rng.choice([m for m in culture.male if m.native in nd.PATRONYMICS])
        surname, given = _passport(rng, person)
        middle = _patronymic(father, person.female, key)
        what = "patronymic"
    elif key == "filipino":
        person = _pick_person(rng, culture)
        surname, given = _passport(rng, person)
        middle = rng.choice([s for s in culture.surnames if s is not person.surname[0]]).primary
        what = "middle name (mother's maiden surname)"
    elif key == "spanish":
        person = _pick_person(rng, culture, n_given=2)
        surname, given = _passport(rng, person)
        given, _, middle = given.partition(" ")
        what = "second given name"
    elif key == "south_asian":
        person = _pick_person(
            rng,
            culture,
            female=False,
            surname_filter=lambda s: bool(s.communities & {"hindu"}) and "m" not in s.attrs,
        )
        surname, given = _passport(rng, person)
        middle = "KUMAR"
        what = "middle name"
    else:
        person = _pick_person(rng, culture, n_given=2)
        surname, given = _passport(rng, person)
        given, _, middle = given.partition(" ")
        what = "middle name"
    typed_middle = _initial(rng, middle)
    typed_given = f"{given} {typed_middle}"
    typed_surname = surname
    if rng.random() < 0.4:
        typed_given, typed_surname = typed_given.title(), typed_surname.title()
    query = _typed_query(typed_surname, typed_given, dob, person.sex, person.nationality)
    note = f"{key}: {what} {middle} typed as the initial {typed_middle!r}"
    return _Draft(query, (_name(surname, f"{given} {middle}"),), note)


# ------------------------------------------------------------------ mononym


def _place(name: str, placement: str) -> tuple[str, str]:
    """(surname, given) for a single name put in the fields one way."""
    if placement == "surname":
        return name, ""
    if placement == "given":
        return "", name
    if placement == "both":
        return name, name
    if placement == "fnu":
        return name, "FNU"
    head, _, last = name.rpartition(" ")
    return last, head


_PLACEMENT_NOTE: Final = {
    "surname": "surname field only",
    "given": "given-name field only",
    "both": "repeated in both fields",
    "split": "last word as surname",
    "fnu": "surname with FNU (first name unknown) as given name",
}


def _gen_mononym(rng: random.Random, i: int, dob: dt.date, key: str) -> _Draft:
    mono = rng.choice([m for m in nd.MONONYMS if m.origin == key])
    text = mono.name.primary
    placements = ["surname", "given"]
    if 2 * len(text) + 2 <= _TD3_NAME_WIDTH:
        placements.append("both")  # longer names would not fit twice in the MRZ
    if " " in text:
        placements.append("split")
    notice_place = rng.choice([*placements, "fnu"] if rng.random() < 0.1 else placements)
    query_place = rng.choice([p for p in placements if p != notice_place])
    nationality = rng.choice(mono.nationalities)
    sex = Sex.FEMALE if mono.female else Sex.MALE
    q_surname, q_given = _place(text, query_place)
    typed = rng.random() < 0.2
    if typed:
        query = _typed_query(q_surname.title(), q_given.title(), dob, sex, nationality)
    else:
        query = _mrz_query(rng, q_surname, q_given, dob=dob, sex=sex, nationality=nationality)
    n_surname, n_given = _place(text, notice_place)
    note = (
        f"{mono.origin}: mononym {text}; notice {_PLACEMENT_NOTE[notice_place]}, "
        f"{'typed query' if typed else 'passport'} {_PLACEMENT_NOTE[query_place]}"
    )
    return _Draft(query, (_name(n_surname, n_given),), note)


# ------------------------------------------------------------------ particles

_MALAY_FIRST: Final = frozenset({"SITI", "NUR", "NURUL", "MUHAMMAD", "AHMAD", "ABDUL RAHMAN"})
_MALAY_PARTICLES: Final = {
    False: ("BIN", ("B", "B.", "")),
    True: ("BINTI", ("BT", "BT.", "BTE", "")),
}


def _gen_particles(rng: random.Random, i: int, dob: dt.date, key: str) -> _Draft:
    if key == "malay":
        return _particles_malay(rng, dob)
    entry = rng.choice([p for p in nd.PARTICLE_SURNAMES if p.culture == key])
    culture = _culture(key)
    person = _pick_person(rng, culture)
    _, given = _passport(rng, person)
    written = [*entry.forms, entry.dropped]
    for _ in range(100):
        notice_form, query_form = rng.sample(written, 2)
        if _differs(notice_form, query_form):
            break
    typed = rng.random() < 0.25
    if typed:
        query = _typed_query(query_form.title(), given.title(), dob, person.sex, person.nationality)
    else:
        query = _mrz_query(
            rng, query_form, given, dob=dob, sex=person.sex, nationality=person.nationality
        )
    note = (
        f"{key}: particle surname {notice_form} -> {query_form} "
        f"({'typed' if typed else 'passport'}"
        f"{'; particle dropped' if entry.dropped in (notice_form, query_form) else ''})"
    )
    return _Draft(query, (_name(notice_form, given),), note)


def _particles_malay(rng: random.Random, dob: dt.date) -> _Draft:
    culture = _culture("malay")
    person = _pick_person(rng, culture, n_given=rng.choice([1, 2]))
    region = ""
    # SITI, NUR, MUHAMMAD... open a Malay name.
    ordered = sorted(person.given, key=lambda g: g.primary not in _MALAY_FIRST)
    given = " ".join(_passport_form(rng, g, region) for g in ordered)
    father = _passport_form(rng, person.surname[0], region)
    full, short = _MALAY_PARTICLES[person.female]
    variants = [f"{full} {father}", *(f"{s} {father}".strip() for s in short)]
    notice_surname = variants[0] if rng.random() < 0.5 else rng.choice(variants[1:])
    query_surname = rng.choice([v for v in variants if _differs(v, notice_surname)])
    whole = rng.random() < 0.3 and query_surname.startswith(full)
    if whole:
        # Malaysian passports often print the whole name as the primary identifier.
        query = _mrz_query(
            rng,
            f"{given} {query_surname}",
            "",
            dob=dob,
            sex=person.sex,
            nationality=person.nationality,
        )
        where = "whole name in the surname field of a Malaysian passport"
    else:
        query = _mrz_query(
            rng, query_surname, given, dob=dob, sex=person.sex, nationality=person.nationality
        )
        where = "passport"
    note = (
        f"malay: {full} written differently: notice {notice_surname}, "
        f"query {query_surname} ({where})"
    )
    return _Draft(query, (_name(notice_surname, given),), note)


# ------------------------------------------------------------------ typos

_QWERTY: Final = ("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")


def _neighbours(char: str) -> str:
    """Letters next to ``char`` on a QWERTY keyboard (same row and adjacent rows)."""
    for r, row in enumerate(_QWERTY):
        c = row.find(char)
        if c < 0:
            continue
        out = [row[c - 1] if c > 0 else "", row[c + 1] if c + 1 < len(row) else ""]
        # Staggered rows: the key above-right and above-left, below-left and below-right.
        if r > 0:
            above = _QWERTY[r - 1]
            out += [above[c] if c < len(above) else "", above[c + 1] if c + 1 < len(above) else ""]
        if r + 1 < len(_QWERTY):
            below = _QWERTY[r + 1]
            out += [below[c - 1] if 0 < c <= len(below) else "", below[c] if c < len(below) else ""]
        return "".join(ch for ch in out if ch)
    return ""


def _typo(rng: random.Random, token: str, kind: str) -> str | None:
    letters = [i for i, c in enumerate(token) if "A" <= c <= "Z"]
    if kind == "substitution":
        i = rng.choice(letters)
        choices = _neighbours(token[i])
        return token[:i] + rng.choice(choices) + token[i + 1 :] if choices else None
    if kind == "transposition":
        spots = [i for i in letters[:-1] if i + 1 in letters and token[i] != token[i + 1]]
        if not spots:
            return None
        i = rng.choice(spots)
        return token[:i] + token[i + 1] + token[i] + token[i + 2 :]
    i = rng.choice(letters)
    return token[:i] + token[i + 1 :]


@functools.cache
def _culture_forms(key: str) -> frozenset[str]:
    """Every written form of every name of a culture (a typo must not produce one)."""
    culture = _culture(key)
    out: set[str] = set()
    for name in (
        *culture.male,
        *culture.female,
        *culture.unisex,
        *culture.surnames,
        *culture.middle_male,
        *culture.middle_female,
    ):
        for n in (name, name.female) if name.female is not None else (name,):
            out.update(w for f in n.forms for w in _mrz_text(f).split())
    return frozenset(out)


def _gen_typo(kind: str) -> PositiveGen:
    def gen(rng: random.Random, i: int, dob: dt.date, key: str) -> _Draft:
        culture = _culture(key)
        while True:
            person = _pick_person(rng, culture, n_given=rng.choice([1, 1, 2]))
            surname, given = _passport(rng, person)
            tokens = [("surname", j, t) for j, t in enumerate(surname.split())] + [
                ("given", j, t) for j, t in enumerate(given.split())
            ]
            tokens = [t for t in tokens if len(t[2]) >= 4 and t[2].isalpha()]
            if not tokens:
                continue
            field, j, token = rng.choice(tokens)
            typo = _typo(rng, token, kind)
            known = _culture_forms(key)
            if typo is None or typo in known or typo == token:
                continue
            break
        parts = (surname if field == "surname" else given).split()
        parts[j] = typo
        typed_surname = " ".join(parts) if field == "surname" else surname
        typed_given = " ".join(parts) if field == "given" else given
        if rng.random() < 0.4:
            typed_surname, typed_given = typed_surname.title(), typed_given.title()
        query = _typed_query(typed_surname, typed_given, dob, person.sex, person.nationality)
        note = f"{key}: typo ({kind}) {token} -> {typo} in the {field}"
        return _Draft(query, (_name(surname, given),), note)

    return gen


# ------------------------------------------------------------------ mrz_truncation


def _long_name(rng: random.Random, key: str) -> tuple[str, str, bool, str]:
    """(surname, given names, female, nationality) of a person with a long name."""
    parts = nd.LONG_NAME_PARTS
    female = rng.random() < 0.5
    if key == "spanish":
        given = rng.choice(parts["spanish_given_f" if female else "spanish_given_m"])
        extra = rng.choice(_culture("spanish").given(female)).primary
        surname = rng.choice(parts["spanish_compound_surname"])
        second = rng.choice(_culture("spanish").surnames).primary
        return (
            f"{surname} {second}",
            f"{given} {extra}",
            female,
            rng.choice(("ESP", "MEX", "COL", "ARG")),
        )
    if key == "portuguese":
        given = rng.choice(parts["portuguese_given_f" if female else "portuguese_given_m"])
        surnames = rng.sample(parts["portuguese_surnames"], 3)
        return " ".join(surnames), given, female, rng.choice(("BRA", "BRA", "PRT"))
    if key == "arabic":
        culture = _culture("arabic")
        nationality = rng.choice(("SAU", "ARE", "KWT", "QAT", "OMN"))
        person = _pick_person(rng, culture, nationality=nationality)
        chain = rng.sample(_ancestor_names(person), rng.choice([3, 4]))
        surname, first = _passport(rng, person)
        given = " ".join([first, *(_passport_form(rng, m, "gulf") for m in chain)])
        return surname, given, person.female, nationality
    if key == "ethiopian":
        culture = _culture("ethiopian")
        males = [m.primary for m in culture.male if len(m.primary) >= 8]
        first = rng.choice(culture.given(female)).primary
        father, grandfather = rng.sample(males, 2)
        return f"{father} {grandfather}", first, female, rng.choice(("ETH", "ERI"))
    if key == "telugu":
        return (
            rng.choice(parts["telugu_surnames"]),
            f"{rng.choice(parts['telugu_given'])} {rng.choice(('KUMAR', 'PRASAD', 'BABU'))}",
            False,
            "IND",
        )
    if key == "sinhala":
        given = rng.choice(parts["sinhala_given_f" if female else "sinhala_given_m"])
        house = rng.choice(parts["sinhala_house"])
        second = rng.choice(parts["sinhala_given_f" if female else "sinhala_given_m"])
        return rng.choice(parts["sinhala_surnames"]), f"{house} {given} {second}", female, "LKA"
    given = rng.choice(parts["german_given_f" if female else "german_given_m"])
    third = rng.choice(_culture("german").given(female)).primary
    return (
        rng.choice(parts["german_double_surname"]),
        f"{given} {third}",
        female,
        rng.choice(("DEU", "AUT", "CHE")),
    )


def _gen_truncation(rng: random.Random, i: int, dob: dt.date, key: str) -> _Draft:
    while True:
        surname, given, female, nationality = _long_name(rng, key)
        field = f"{mrz_name(surname)}<<{mrz_name(given)}"
        if len(field) > _TD3_NAME_WIDTH and len(mrz_name(surname)) <= _TD3_NAME_WIDTH - 4:
            break
    sex = Sex.FEMALE if female else Sex.MALE
    query = _mrz_query(rng, surname, given, dob=dob, sex=sex, nationality=nationality)
    note = (
        f"{key}: TD3 name field ({len(field)} characters) cut at {_TD3_NAME_WIDTH}: "
        f"{surname} / {given} read as {query.surname} / {query.given_names}"
    )
    return _Draft(query, (_name(surname, given),), note)


# =========================================================================== negatives

NegativeGen = Callable[[random.Random, int, str], _Draft]

_NEG_CULTURES: Final = {
    "arabic": 12,
    "persian": 4,
    "russian": 8,
    "ukrainian": 4,
    "bulgarian": 2,
    "serbian": 3,
    "greek": 4,
    "chinese": 8,
    "korean": 3,
    "japanese": 2,
    "vietnamese": 5,
    "german": 5,
    "turkish": 5,
    "polish": 3,
    "czech": 2,
    "hungarian": 2,
    "romanian": 2,
    "swedish": 2,
    "danish_norwegian": 2,
    "french": 4,
    "spanish": 6,
    "portuguese": 4,
    "italian": 3,
    "english": 6,
    "filipino": 3,
    "dutch": 2,
    "hebrew": 2,
    "malay": 3,
    "indonesian": 5,
    "south_asian": 6,
    "west_african": 4,
    "nigerian": 4,
    "ghanaian": 2,
    "ethiopian": 2,
    "afghan": 2,
}


def _too_close(a: str, b: str) -> bool:
    """True if one edit turns ``a`` into ``b`` (kept for near_identical_different_person)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


def _gen_same_surname(rng: random.Random, i: int, key: str) -> _Draft:
    culture = _culture(key)
    while True:
        person = _pick_person(rng, culture, unisex=False)
        others = [
            g
            for g in culture.given(person.female)
            if g not in person.given
            and nd.compatible(g, person.surname[0])
            and _sex_ok(g, person.female)
            and not set(map(_mrz_text, g.forms)) & set(map(_mrz_text, person.given[-1].forms))
            and not _too_close(g.primary, person.given[-1].primary)
        ]
        if others:
            break
    other = rng.choice(others)
    dob = _birth_date(rng)
    region = culture.region_of(person.nationality)
    given_forms = [_passport_form(rng, g.for_sex(person.female), region) for g in person.given]
    surname = _surname_text(
        person, [_passport_form(rng, s.for_sex(person.female), region) for s in person.surname]
    )
    given = " ".join(given_forms)
    query = _mrz_query(rng, surname, given, dob=dob, sex=person.sex, nationality=person.nationality)
    n_surname = surname
    n_given = " ".join(
        [*given_forms[:-1], _passport_form(rng, other.for_sex(person.female), region)]
    )
    if i % 2 == 0:
        notice_dob = _date(_other_date(rng, dob))
        detail = f"different complete date of birth {notice_dob}"
    else:
        notice_dob = PartialDate(dob.year)
        detail = "notice has the same birth year only"
    note = f"{key}: same surname {surname}, different given names {n_given} vs {given}; {detail}"
    return _Draft(query, (_name(n_surname, n_given),), note, dob=notice_dob)


def _gen_same_name_dob(rng: random.Random, i: int, key: str) -> _Draft:
    culture = _culture(key)
    person = _pick_person(rng, culture)
    dob = _birth_date(rng)
    surname, given = _passport(rng, person)
    query = _mrz_query(rng, surname, given, dob=dob, sex=person.sex, nationality=person.nationality)
    notice_surname, notice_given = surname, given
    spelling = ""
    if rng.random() < 0.25:
        tokens = [n.for_sex(person.female) for n in (*person.given, *person.surname)]
        n_given = len(person.given)
        region = culture.region_of(person.nationality)
        q_forms = [_passport_form(rng, n, region) for n in tokens]
        n_forms = _vary_tokens(rng, tokens, q_forms, _not_dialect)
        if n_forms != q_forms:
            notice_given = " ".join(n_forms[:n_given])
            notice_surname = _surname_text(person, n_forms[n_given:])
            spelling = (
                f"; notice in another spelling ({_diff_note(zip(n_forms, q_forms, strict=True))})"
            )
    other = _other_date(rng, dob)
    note = (
        f"{key}: same name {given} {surname}, different complete date of birth "
        f"{_date(other)} vs {_date(dob)}{spelling}"
    )
    return _Draft(query, (_name(notice_surname, notice_given),), note, dob=_date(other))


def _neutral_surname(name: nd.Name) -> bool:
    return name.female is None and "m" not in name.attrs and "f" not in name.attrs


# Vietnamese middle names given to both sexes (Văn and Thị mark a man and a woman).
_NEUTRAL_MIDDLES: Final = frozenset({"MINH", "THANH", "BAO", "XUAN", "KIM"})


def _gen_same_name_sex(rng: random.Random, i: int, key: str) -> _Draft:
    dob = _birth_date(rng)
    if key == "cross":
        form, male_nats, female_nats = rng.choice(nd.CROSS_GENDER_GIVEN)
        female_query = rng.random() < 0.5
        family = rng.choice(_culture("italian" if "ITA" in male_nats else "french").surnames)
        surname_text = family.primary
        q_nat = rng.choice(female_nats if female_query else male_nats)
        n_nat = rng.choice(male_nats if female_query else female_nats)
        q_sex = Sex.FEMALE if female_query else Sex.MALE
        n_sex = Sex.MALE if female_query else Sex.FEMALE
        query = _mrz_query(rng, surname_text, form, dob=dob, sex=q_sex, nationality=q_nat)
        note = (
            f"cross-cultural: {form} {surname_text} is a man's name in {', '.join(male_nats)} "
            f"and a woman's in {', '.join(female_nats)}; query {q_sex.value} ({q_nat}), notice "
            f"{n_sex.value} ({n_nat}); notice has the same birth year only"
        )
        return _Draft(
            query,
            (_name(surname_text, form),),
            note,
            dob=PartialDate(dob.year),
            sex=n_sex,
            nationalities=(n_nat,),
        )
    if key.startswith("forms:"):
        culture = _culture(key.split(":", 1)[1])
        male_form, female_form = rng.choice(
            [(m, f) for c, m, f in nd.GENDER_FORM_PAIRS if c == culture.key]
        )
        gendered = [s for s in culture.surnames if s.female is not None]
        family = rng.choice(gendered) if gendered else rng.choice(culture.surnames)
        nationality = rng.choice(culture.nationalities)
        female_query = rng.random() < 0.5
        m_name = (male_form, family.primary)
        f_name = (female_form, family.for_sex(True).primary)
        q_given, q_surname = f_name if female_query else m_name
        n_given, n_surname = m_name if female_query else f_name
        q_sex = Sex.FEMALE if female_query else Sex.MALE
        n_sex = Sex.MALE if female_query else Sex.FEMALE
        query = _mrz_query(rng, q_surname, q_given, dob=dob, sex=q_sex, nationality=nationality)
        note = (
            f"{culture.key}: male/female forms {m_name[0]} {m_name[1]} / {f_name[0]} {f_name[1]} "
            f"(e.g. siblings); query {q_sex.value}, notice {n_sex.value}; notice has the same "
            "birth year only"
        )
        return _Draft(
            query, (_name(n_surname, n_given),), note, dob=PartialDate(dob.year), sex=n_sex
        )
    culture = _culture(key)
    name = rng.choice(culture.unisex)
    female_query = rng.random() < 0.5
    person = _pick_person(
        rng,
        culture,
        female=female_query,
        surname_filter=lambda s: _neutral_surname(s) and nd.compatible(s, name),
    )
    person = dataclasses.replace(person, given=(*person.given[:-1], name))
    if culture.middle_male:
        neutral = [
            m
            for m in (*culture.middle_male, *culture.middle_female)
            if m.primary in _NEUTRAL_MIDDLES
        ]
        person = dataclasses.replace(person, given=(rng.choice(neutral), name))
    surname, given = _passport(rng, person)
    query = _mrz_query(rng, surname, given, dob=dob, sex=person.sex, nationality=person.nationality)
    n_sex = Sex.MALE if female_query else Sex.FEMALE
    note = (
        f"{key}: {given} {surname}, a name given to both sexes; query {person.sex.value}, "
        f"notice {n_sex.value}; notice has the same birth year only"
    )
    return _Draft(query, (_name(surname, given),), note, dob=PartialDate(dob.year), sex=n_sex)


def _gen_common_name(rng: random.Random, i: int, key: str) -> _Draft:
    entry = nd.COMMON_FULL_NAMES[i % len(nd.COMMON_FULL_NAMES)]
    dob = _birth_date(rng)
    q_nat = rng.choice(entry.nationalities)
    sex = Sex.FEMALE if entry.female else Sex.MALE
    query = _mrz_query(rng, entry.surname, entry.given, dob=dob, sex=sex, nationality=q_nat)
    other = _date(_other_date(rng, dob))
    if i % 2 == 0:
        others = [n for n in entry.nationalities if n != q_nat] or [
            n for n in _FALLBACK_NATIONALITIES if n != q_nat
        ]
        n_nat = rng.choice(others)
        extra = f", nationality {n_nat} vs {q_nat}"
    else:
        n_nat = q_nat
        extra = ""
    note = (
        f"{entry.culture}: very common name {entry.given} {entry.surname}; different complete "
        f"date of birth {other} vs {_date(dob)}{extra}"
    )
    return _Draft(
        query, (_name(entry.surname, entry.given),), note, dob=other, nationalities=(n_nat,)
    )


def _near_text(culture: str, text: str) -> str:
    if _has_diacritic(text):
        german = culture in ("german", "swedish", "danish_norwegian", "icelandic")
        return nd.icao_latin(text) if german else nd.plain_latin(text)
    return text


def _gen_near(rng: random.Random, i: int, key: str) -> _Draft:
    pair = nd.NEAR_PAIRS[i % len(nd.NEAR_PAIRS)]
    culture = _culture(pair.culture)
    culture_b = _culture(pair.culture_b or pair.culture)
    a = _near_text(culture.key, pair.a)
    b = _near_text(culture_b.key, pair.b)
    swap = rng.random() < 0.5
    q_text, n_text = (b, a) if swap else (a, b)
    q_female, n_female = (pair.female_b, pair.female_a) if swap else (pair.female_a, pair.female_b)
    q_culture = culture_b if swap else culture
    dob = _birth_date(rng)
    if pair.role == "given":
        neutral = any(_neutral_surname(s) for s in culture.surnames)
        person = _pick_person(
            rng,
            culture,
            female=q_female,
            surname_filter=_neutral_surname if neutral else None,
            unisex=False,
        )
        region = culture.region_of(person.nationality)
        family = person.surname[0]
        q_surname = _passport_form(rng, family.for_sex(q_female), region)
        n_surname = _passport_form(rng, family.for_sex(n_female), region)
        q_given, n_given = q_text, n_text
        nationality = person.nationality
    else:
        shared = {g.primary for g in culture.given(q_female)} & {
            g.primary for g in culture_b.given(q_female)
        }
        pool = sorted(shared) or [g.primary for g in q_culture.given(q_female)]
        given = rng.choice(pool)
        q_given = n_given = given
        q_surname, n_surname = q_text, n_text
        nationality = rng.choice(_plain_nationalities(q_culture))
    q_sex = Sex.FEMALE if q_female else Sex.MALE
    n_sex = Sex.FEMALE if n_female else Sex.MALE
    query = _mrz_query(rng, q_surname, q_given, dob=dob, sex=q_sex, nationality=nationality)
    if q_sex != n_sex and i % 2 == 1:
        notice_dob = PartialDate(dob.year)
        detail = f"different sex ({q_sex.value}/{n_sex.value}), same birth year"
    else:
        notice_dob = _date(_other_date(rng, dob))
        detail = f"different complete date of birth {notice_dob}"
        if q_sex != n_sex:
            detail += f" and sex ({q_sex.value}/{n_sex.value})"
    note = (
        f"{pair.culture}: different {pair.role} names {q_text} / {n_text} "
        f"({q_given} {q_surname} vs {n_given} {n_surname}); {detail}"
    )
    return _Draft(query, (_name(n_surname, n_given),), note, dob=notice_dob, sex=n_sex)


# =========================================================================== plans

_POSITIVE_PLANS: Final[dict[str, tuple[PositiveGen, dict[str, int]]]] = {
    "case_punctuation": (
        _gen_case_punctuation,
        {
            "english": 20,
            "arabic": 20,
            "french": 12,
            "german": 10,
            "filipino": 8,
            "west_african": 6,
            "korean": 6,
            "hebrew": 4,
            "italian": 6,
            "dutch": 8,
        },
    ),
    "diacritics": (
        _gen_diacritics,
        {
            "german": 14,
            "turkish": 14,
            "vietnamese": 14,
            "polish": 10,
            "swedish": 6,
            "danish_norwegian": 6,
            "icelandic": 3,
            "french": 8,
            "spanish": 8,
            "portuguese": 7,
            "czech": 4,
            "hungarian": 4,
            "romanian": 4,
            "serbian": 4,
        },
    ),
    "transliteration": (
        _gen_transliteration,
        {
            "arabic": 20,
            "persian": 7,
            "russian": 13,
            "ukrainian": 7,
            "bulgarian": 3,
            "serbian": 2,
            "chinese": 13,
            "chinese_cantonese": 2,
            "greek": 8,
            "indonesian": 8,
            "west_african": 5,
            "korean": 3,
            "japanese": 3,
            "south_asian": 3,
            "malay": 2,
            "ethiopian": 3,
            "afghan": 2,
            "hebrew": 2,
        },
    ),
    "original_script_arabic": (_gen_original_arabic, {"arabic": 80, "persian": 20}),
    "original_script_cyrillic": (
        _gen_original_cyrillic,
        {"russian": 55, "ukrainian": 25, "bulgarian": 10, "serbian": 10},
    ),
    "original_script_chinese": (_gen_original_chinese, {"chn": 75, "twn": 15, "hkg": 10}),
    "original_script_greek": (_gen_original_greek, {"grc": 85, "cyp": 15}),
    "swapped_order": (
        _gen_swapped,
        {
            "chinese": 16,
            "vietnamese": 12,
            "korean": 8,
            "japanese": 6,
            "hungarian": 8,
            "english": 10,
            "arabic": 10,
            "spanish": 8,
            "nigerian": 6,
            "indonesian": 6,
            "south_asian": 6,
            "russian": 4,
        },
    ),
    "middle_name_missing": (
        _gen_middle_missing,
        {
            "russian": 15,
            "ukrainian": 5,
            "arabic": 15,
            "spanish": 15,
            "portuguese": 8,
            "filipino": 8,
            "english": 10,
            "german": 5,
            "dutch": 3,
            "vietnamese": 8,
            "south_asian": 5,
            "nigerian": 3,
        },
    ),
    "middle_name_initial": (
        _gen_middle_initial,
        {
            "english": 35,
            "filipino": 20,
            "russian": 12,
            "ukrainian": 3,
            "german": 10,
            "dutch": 5,
            "spanish": 10,
            "south_asian": 5,
        },
    ),
    "mononym": (
        _gen_mononym,
        {"javanese": 35, "burmese": 20, "tamil": 15, "afghan": 15, "balinese": 15},
    ),
    "particles": (
        _gen_particles,
        {
            "arabic": 20,
            "malay": 15,
            "spanish": 12,
            "filipino": 10,
            "dutch": 15,
            "portuguese": 10,
            "italian": 8,
            "french": 4,
            "german": 3,
            "english": 2,
            "hebrew": 1,
        },
    ),
    "typo_substitution": (_gen_typo("substitution"), _NEG_CULTURES),
    "typo_transposition": (_gen_typo("transposition"), _NEG_CULTURES),
    "typo_deletion": (_gen_typo("deletion"), _NEG_CULTURES),
    "mrz_truncation": (
        _gen_truncation,
        {
            "spanish": 20,
            "portuguese": 20,
            "arabic": 20,
            "ethiopian": 10,
            "telugu": 10,
            "sinhala": 10,
            "german": 10,
        },
    ),
}

_UNISEX_CULTURES: Final = {
    k: 3 for k, c in nd.CULTURES.items() if c.unisex and k not in ("italian", "german")
}
_FORM_CULTURES: Final = {
    f"forms:{c}": 4 for c in dict.fromkeys(c for c, _, _ in nd.GENDER_FORM_PAIRS)
}

_NEGATIVE_PLANS: Final[dict[str, tuple[NegativeGen, dict[str, int]]]] = {
    "same_surname_different_given": (_gen_same_surname, _NEG_CULTURES),
    "same_name_different_dob": (_gen_same_name_dob, _NEG_CULTURES),
    "same_name_different_sex": (
        _gen_same_name_sex,
        {**_UNISEX_CULTURES, **_FORM_CULTURES, "cross": 6},
    ),
    "common_name_different_details": (_gen_common_name, {"common": 1}),
    "near_identical_different_person": (_gen_near, {"near": 1}),
}

_NOTICE_TYPES: Final = (NoticeType.RED,) * 17 + (
    NoticeType.DIFFUSION,
    NoticeType.BLUE,
    NoticeType.YELLOW,
)


# =========================================================================== build


def _notice(
    rng: random.Random,
    pair_id: str,
    names: tuple[PersonName, ...],
    *,
    dob: PartialDate | None,
    sex: Sex,
    nationalities: tuple[str, ...],
) -> Notice:
    return Notice(
        notice_id=f"eval/{pair_id}",
        type=rng.choice(_NOTICE_TYPES),
        status=NoticeStatus.ACTIVE,
        names=names,
        dates_of_birth=() if dob is None else (dob,),
        sex=sex,
        nationalities=nationalities,
        source="eval",
    )


def _build_positive(seed: int, category: str, start: int) -> list[NamePair]:
    rng = random.Random(f"{seed}:{category}")
    gen, weights = _POSITIVE_PLANS[category]
    plan = _plan(rng, weights, POSITIVES_PER_CATEGORY)
    modes = _dob_modes(rng, POSITIVES_PER_CATEGORY)
    out: list[NamePair] = []
    for i, (key, mode) in enumerate(zip(plan, modes, strict=True)):
        dob = _birth_date(rng, swappable=mode == "swap")
        draft = gen(rng, i, dob, key)
        sex = draft.sex if draft.sex is not None else draft.query.sex
        if rng.random() < 0.05:
            sex = Sex.UNSPECIFIED
        nationalities = (
            draft.nationalities if draft.nationalities is not None else (draft.query.nationality,)
        )
        if rng.random() < 0.1:
            nationalities = ()
        note = draft.note
        if mode != "exact":
            note += {
                "year": "; notice has the birth year only",
                "swap": "; notice has day and month swapped",
                "none": "; notice has no date of birth",
            }[mode]
        pair_id = f"p-{start + i:04d}"
        notice = _notice(
            rng,
            pair_id,
            draft.names,
            dob=_notice_dob(mode, dob),
            sex=sex,
            nationalities=nationalities,
        )
        out.append(NamePair(pair_id, category, True, draft.query, notice, note))
    return out


def _build_negative(seed: int, category: str, start: int) -> list[NamePair]:
    rng = random.Random(f"{seed}:{category}")
    gen, weights = _NEGATIVE_PLANS[category]
    plan = _plan(rng, weights, NEGATIVES_PER_CATEGORY)
    out: list[NamePair] = []
    for i, key in enumerate(plan):
        draft = gen(rng, i, key)
        sex = draft.sex if draft.sex is not None else draft.query.sex
        nationalities = (
            draft.nationalities if draft.nationalities is not None else (draft.query.nationality,)
        )
        pair_id = f"n-{start + i:04d}"
        notice = _notice(
            rng, pair_id, draft.names, dob=draft.dob, sex=sex, nationalities=nationalities
        )
        out.append(NamePair(pair_id, category, False, draft.query, notice, draft.note))
    return out


def build_pairs(seed: int = 2026) -> list[NamePair]:
    """The evaluation set for ``seed``: positives then negatives, in category order."""
    pairs: list[NamePair] = []
    for k, category in enumerate(POSITIVE_CATEGORIES):
        pairs += _build_positive(seed, category, 1 + k * POSITIVES_PER_CATEGORY)
    for k, category in enumerate(NEGATIVE_CATEGORIES):
        pairs += _build_negative(seed, category, 1 + k * NEGATIVES_PER_CATEGORY)
    return pairs


def split_of(pair: NamePair) -> Literal["tune", "test"]:
    """``tune`` or ``test``, about half each, from a hash of ``pair_id`` (stable)."""
    digest = hashlib.sha256(f"notice-lookup/evaluation/{pair.pair_id}".encode()).digest()
    return "tune" if digest[0] % 2 == 0 else "test"


# =========================================================================== JSONL


def _date_out(value: PartialDate) -> str:
    return value.to_iso()


def _query_out(q: TravellerQuery) -> dict[str, Any]:
    return {
        "document": None
        if q.document is None
        else {"issuing_country": q.document.issuing_country, "number": q.document.number},
        "surname": q.surname,
        "given_names": q.given_names,
        "date_of_birth": _date_out(q.date_of_birth),
        "sex": q.sex.value,
        "nationality": q.nationality,
        "document_type": q.document_type,
        "date_of_expiry": _date_out(q.date_of_expiry),
        "mrz_format": None if q.mrz_format is None else q.mrz_format.value,
        "name_truncated": q.name_truncated,
    }


def _query_in(d: dict[str, Any]) -> TravellerQuery:
    doc = d["document"]
    return TravellerQuery(
        document=None if doc is None else DocumentKey(doc["issuing_country"], doc["number"]),
        surname=d["surname"],
        given_names=d["given_names"],
        date_of_birth=PartialDate.from_iso(d["date_of_birth"]),
        sex=Sex(d["sex"]),
        nationality=d["nationality"],
        document_type=d["document_type"],
        date_of_expiry=PartialDate.from_iso(d["date_of_expiry"]),
        mrz_format=None if d["mrz_format"] is None else MrzFormat(d["mrz_format"]),
        name_truncated=d["name_truncated"],
    )


def _notice_out(n: Notice) -> dict[str, Any]:
    return {
        "notice_id": n.notice_id,
        "type": n.type.value,
        "status": n.status.value,
        "names": [
            {
                "surname": p.surname,
                "given_names": p.given_names,
                "kind": p.kind.value,
                "script": p.script,
            }
            for p in n.names
        ],
        "dates_of_birth": [_date_out(d) for d in n.dates_of_birth],
        "sex": n.sex.value,
        "nationalities": list(n.nationalities),
        "issuing_country": n.issuing_country,
        "charges": list(n.charges),
        "source": n.source,
        "published_on": None if n.published_on is None else n.published_on.isoformat(),
        "updated_at": None if n.updated_at is None else n.updated_at.isoformat(),
    }


def _notice_in(d: dict[str, Any]) -> Notice:
    return Notice(
        notice_id=d["notice_id"],
        type=NoticeType(d["type"]),
        status=NoticeStatus(d["status"]),
        names=tuple(
            PersonName(
                surname=p["surname"],
                given_names=p["given_names"],
                kind=NameKind(p["kind"]),
                script=p["script"],
            )
            for p in d["names"]
        ),
        dates_of_birth=tuple(PartialDate.from_iso(x) for x in d["dates_of_birth"]),
        sex=Sex(d["sex"]),
        nationalities=tuple(d["nationalities"]),
        issuing_country=d["issuing_country"],
        charges=tuple(d["charges"]),
        source=d["source"],
        published_on=None
        if d["published_on"] is None
        else dt.date.fromisoformat(d["published_on"]),
        updated_at=None if d["updated_at"] is None else dt.datetime.fromisoformat(d["updated_at"]),
    )


def to_jsonl(pairs: Iterable[NamePair], path: str | Path) -> None:
    """Write one JSON object per pair (UTF-8, original scripts kept as they are)."""
    with Path(path).open("w", encoding="utf-8") as fh:
        for pair in pairs:
            record = {
                "pair_id": pair.pair_id,
                "category": pair.category,
                "label": pair.label,
                "note": pair.note,
                "query": _query_out(pair.query),
                "notice": _notice_out(pair.notice),
            }
            fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


def from_jsonl(path: str | Path) -> list[NamePair]:
    """Read pairs written by :func:`to_jsonl` (an exact round trip)."""
    out: list[NamePair] = []
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            out.append(
                NamePair(
                    pair_id=d["pair_id"],
                    category=d["category"],
                    label=d["label"],
                    query=_query_in(d["query"]),
                    notice=_notice_in(d["notice"]),
                    note=d["note"],
                )
            )
    return out
