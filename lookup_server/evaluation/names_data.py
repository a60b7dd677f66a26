"""Curated knowledge of how personal names are written, per culture, for the evaluation set.

This module is data. It describes how real names vary on travel documents and in police
records, independently of the service's name matcher (which it is used to measure and
which it deliberately does not consult). Everyone built from it is an invented
combination of common names; no entry describes a real person.

Each :class:`Name` is one name (a given name or one surname) with the romanised forms
observed for it. ``forms[0]`` is the form a passport of the culture's main issuing
state prints today; the other forms are spellings that are really found on documents
of other states, on older documents, in police and airline data. Each form may carry
*tags* saying where it comes from (``egypt``, ``wade-giles``, ``legacy``...). A name may
also carry the original script (``native``; ``native_alt`` holds the traditional Han
characters of a Chinese name or the Latin spelling of a Serbian one) and attributes
(``attrs``) that keep generated people plausible (a Levantine Christian surname does not
get ``MUHAMMAD`` as a given name; a Saudi tribal name is not given to a Moroccan).

Where each convention comes from
--------------------------------
* **Latin letters with diacritics**: ICAO Doc 9303 Part 3, section 6 recommends
  ``Ä``->``AE``, ``Å``->``AA``, ``Ö``/``Ø``->``OE``, ``Ü``->``UE``, ``ß``->``SS``,
  ``Þ``->``TH``, ``Æ``->``AE`` and dropping every other diacritic (:func:`icao_latin`).
  German, Austrian, Swiss and Nordic passports follow it (``MUELLER``, ``SOERENSEN``,
  ``AASA``). Turkish, Vietnamese, Polish, Spanish, Portuguese, French, Czech, Hungarian
  and Romanian passports simply drop diacritics, so their ``forms[0]`` is
  :func:`plain_latin` (``OZTURK``); the ICAO form stays as a variant because the same
  person's German or Swiss document writes ``OEZTUERK``. Serbian documents write
  ``Đ`` as ``DJ`` (``DJORDJEVIC``), ICAO's table gives ``D``.
* **Russian** (Cyrillic): passports issued since 2013 use the ICAO 9303 table
  (:func:`icao_russian`: ``Ю`` IU, ``Я`` IA, ``Й`` I, ``Х`` KH, ``Ц`` TS, ``Щ`` SHCH,
  ``Ж`` ZH, ``Ё`` E, ``Ъ`` IE, ``Ь`` dropped) giving ``IULIIA``, ``SERGEI``, ``ZHURAVLEV``.
  Earlier passports and most English-language sources used ``Й`` Y, ``Ю`` YU, ``Я`` YA
  (``YURIY``, ``SERGEY``, ``NATALYA``; tag ``legacy``), the 2010-2013 rules wrote ``Ц``
  as ``TC`` (``TCVETKOV``), BGN/PCGN-style sources add ``YE`` for initial ``Е``
  (``YELENA``), spellings for ``Ё`` as ``YO``/``IO`` (``ZHURAVLYOV``) are common, and
  German (``WOLKOW``, ``SCHURAWLJOW``) and French (``IOURI``, ``SERGUEI``) transcriptions
  appear on documents of those states.
* **Ukrainian**: passports follow the national table of Cabinet of Ministers resolution
  No. 55 of 2010 (:func:`ukrainian_national`: ``Г`` H, ``И`` Y, ``І`` I, initial
  ``Є``/``Ї``/``Й``/``Ю``/``Я`` as YE/YI/Y/YU/YA, ``ЗГ`` ZGH), giving ``OLEKSANDR``,
  ``SERHII``, ``HRYHORII``. Older documents (``SERHIY``) and the Russian form of the same
  name (``ALEKSANDR``, tag ``russian-form``) are common in records of the region.
* **Bulgarian**: the Streamlined System in law since 2009 (:func:`bulgarian_streamlined`:
  ``Ъ`` A, ``Щ`` SHT, ``Х`` H, final ``-ИЯ`` IA); older French-style spellings
  (``GUEORGUI``, ``DIMITRE``) stay as variants.
* **Serbian**: Cyrillic to the Latin alphabet (gajica), ``Đ`` as ``DJ`` on documents.
* **Greek**: Greek passports use ELOT 743 (the ICAO transcription): ``GEORGIOS``,
  ``CHRISTODOULOU``, ``OIKONOMOU``, ``EVANGELOS`` (``ευ`` before a vowel), ``ANGELIKI``
  (``γγ``), ``B`` for initial ``μπ``. Older and Cypriot forms (``YIORGOS``,
  ``DEMETRIOU``, ``KYRIACOU``, ``-IDES``) are tagged ``cyprus`` or left untagged
  (``HRISTODOULOU``, ``ECONOMOU``, ``VASSILIOU``).
* **Chinese**: PRC passports print Hanyu Pinyin with the given name as one word
  (``WANG XIUYING``). Taiwanese passports mostly use Wade-Giles without apostrophes or
  umlauts, with a hyphen in two-syllable given names (``CHANG HSIU-YING``; tag
  ``wade-giles``). Hong Kong and overseas communities use Cantonese (``CHEUNG``,
  ``WONG``, ``SAU YING``) or Hokkien (``TAN``, ``LIM``, ``ONG``) spellings; both are tagged
  ``cantonese``/``hokkien`` so they can be counted separately. ``native`` holds
  simplified characters, ``native_alt`` traditional ones.
* **Arabic**: no single standard. Tags give the regional habits seen on passports:
  ``gulf`` (``MOHAMMED``, ``ABDULRAHMAN``, ``-EE-``), ``levant`` (``MOHAMMAD``,
  ``KHALED``), ``egypt`` (``G`` for ``ج``: ``GAMAL``; ``-Y`` endings: ``MAGDY``; ``EL``),
  ``maghreb`` (French-based: ``OU`` for ``و``/u, ``DJ``, ``CH`` for ``ش``, ``YOUSSEF``,
  ``RACHID``), and ``alalc`` (ALA-LC library romanisation without diacritics, used in
  academic and some official records). The article ``ال`` is written ``AL-``, ``AL``,
  ``EL``, glued, or assimilated before sun letters (``ASH-SHAMMARI``).
* **Persian**: Iranian passports (``MOHAMMADREZA`` as one word, ``HOSSEIN``,
  ``GH`` for ``ق``/``غ``, ``-EH`` for final ``ه``); split forms (``MOHAMMAD REZA``) come
  from other records.
* **Indonesian**: the 1972 reform (EYD) changed ``DJ``->``J``, ``TJ``->``C``,
  ``J``->``Y``, ``NJ``->``NY``, ``SJ``->``SY``, ``CH``->``KH``, and the 1947 reform
  ``OE``->``U``; personal names often keep the old spelling (``SOEHARTO``,
  ``DJOKO``, ``TJAHJONO``; tag ``ejaan-lama``).
* **Korean**: passports mostly keep the traditional family-name spellings (``LEE``,
  ``PARK``, ``CHOI``) and write given names as one word or hyphenated; Revised
  Romanization (``rr``: ``I``, ``BAK``, ``JEONG``) and McCune-Reischauer (``mr``:
  ``PAK``, ``CH'OE`` without apostrophe ``CHOE``) appear in other records.
* **Japanese**: passports use Hepburn without macrons (``SATO``, ``YUKO``); the
  long-vowel ``OH`` spelling is allowed on request (``SATOH``; tag ``oh``) and
  word-processor style (``SATOU``, ``YUUKO``; tag ``wapuro``) is common in other data.
* **West Africa**: the same Fula/Mande/Arabic-origin names are written the French way in
  Senegal, Mali, Guinea and Côte d'Ivoire (``MAMADOU``, ``OUSMANE``, ``DIALLO``, ``CISSE``;
  tag ``francophone``) and the English way in The Gambia, Sierra Leone and Nigeria
  (``MAMADU``, ``USMAN``, ``JALLOW``, ``CEESAY``; tag ``anglophone``).
* **South Asia**: spelling of Hindi/Urdu/Bengali vowels (``NADEEM``/``NADIM``,
  ``LAKSHMI``/``LAXMI``, ``CHAUDHRY``/``CHOUDHURY``).
"""

# Cyrillic, Greek and Latin look-alike letters are the point of these tables.

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Final

from lookup_server.mrz import ICAO_LATIN_SPECIAL

__all__ = [
    "COMMON_FULL_NAMES",
    "COMMUNITY_NATIONALITIES",
    "CROSS_GENDER_GIVEN",
    "CULTURES",
    "GENDER_FORM_PAIRS",
    "INDONESIAN_SPELLING",
    "LONG_NAME_PARTS",
    "MONONYMS",
    "NEAR_PAIRS",
    "PARTICLE_SURNAMES",
    "PATRONYMICS",
    "SCRIPT_RANGES",
    "CommonName",
    "Culture",
    "Mononym",
    "Name",
    "NearPair",
    "ParticleSurname",
    "bulgarian_streamlined",
    "compatible",
    "icao_latin",
    "icao_russian",
    "latin_names",
    "names",
    "plain_latin",
    "serbian_latin",
    "serbian_mrz",
    "ukrainian_national",
]

# Attributes that are communities (given and surname must agree) and regions (a
# surname only used for people of that region).
COMMUNITIES: Final = frozenset({"muslim", "christian", "hindu", "sikh"})


@dataclass(frozen=True, slots=True)
class Name:
    """One name and the ways it is written. ``forms[0]`` is today's passport form."""

    forms: tuple[str, ...]
    tags: tuple[tuple[str, ...], ...]  # parallel to forms: where each form comes from
    native: str = ""  # original script, or the Latin spelling with diacritics
    native_alt: str = ""  # Chinese: traditional characters; Serbian: Latin spelling
    script: str = "Latn"  # ISO 15924 code of ``native``
    attrs: frozenset[str] = frozenset()
    female: Name | None = None  # gendered surnames: the female form

    def __post_init__(self) -> None:
        if not self.forms:
            raise ValueError(f"name {self.native!r} has no romanised form")
        if len(self.tags) != len(self.forms):
            raise ValueError(f"name {self.forms[0]!r}: tags and forms differ in length")

    @property
    def primary(self) -> str:
        return self.forms[0]

    @property
    def key(self) -> str:
        return self.native or self.forms[0]

    def tagged(self, tag: str) -> tuple[str, ...]:
        """The forms carrying ``tag``."""
        return tuple(f for f, t in zip(self.forms, self.tags, strict=True) if tag in t)

    def tag_of(self, form: str) -> tuple[str, ...]:
        for f, t in zip(self.forms, self.tags, strict=True):
            if f == form:
                return t
        return ()

    def untagged(self) -> tuple[str, ...]:
        return tuple(f for f, t in zip(self.forms, self.tags, strict=True) if not t)

    def for_region(self, region: str) -> tuple[str, ...]:
        """Forms a document of ``region`` would print: tagged for it, else untagged."""
        tagged = self.tagged(region)
        if tagged:
            return tagged
        plain = tuple(
            f for f, t in zip(self.forms, self.tags, strict=True) if not t or t == ("legacy",)
        )
        return plain or (self.forms[0],)

    def for_sex(self, female: bool) -> Name:
        return self.female if female and self.female is not None else self

    @property
    def communities(self) -> frozenset[str]:
        return self.attrs & COMMUNITIES


def compatible(a: Name, b: Name) -> bool:
    """True if the two names can belong to one person (community attributes agree)."""
    ca, cb = a.communities, b.communities
    return not ca or not cb or bool(ca & cb)


@dataclass(frozen=True, slots=True)
class Culture:
    """A naming tradition: its names, the states whose documents use it, its order."""

    key: str
    nationalities: tuple[str, ...]
    male: tuple[Name, ...]
    female: tuple[Name, ...]
    surnames: tuple[Name, ...]
    unisex: tuple[Name, ...] = ()
    script: str = "Latn"
    family_name_first: bool = False
    middle_male: tuple[Name, ...] = ()  # Vietnamese middle names (Văn, Đức...)
    middle_female: tuple[Name, ...] = ()
    regions: tuple[tuple[str, str], ...] = ()  # nationality -> spelling tag
    convention: str = ""

    def region_of(self, nationality: str) -> str:
        return dict(self.regions).get(nationality, "")

    def given(self, female: bool) -> tuple[Name, ...]:
        return self.female if female else self.male


# --------------------------------------------------------------------------- romanisers

# Letters that do not decompose into base letter + combining mark.
_PLAIN_SPECIAL: Final[dict[str, str]] = {
    "Æ": "AE",
    "Ð": "D",
    "Đ": "D",
    "Ħ": "H",
    "Ĳ": "IJ",
    "\u0131": "I",
    "Ł": "L",
    "Ŋ": "N",
    "Ø": "O",
    "Œ": "OE",
    "ß": "SS",
    "ẞ": "SS",
    "Þ": "TH",
    "Ŧ": "T",
}
_KEEP: Final = frozenset(" -'")


def _latin(text: str, table: dict[str, str]) -> str:
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char in _KEEP:
            out.append(char)
            continue
        special = table.get(char) or table.get(char.upper())
        if special is not None:
            out.append(special)
            continue
        base = "".join(
            c for c in unicodedata.normalize("NFD", char.upper()) if not unicodedata.combining(c)
        )
        if not re.fullmatch(r"[A-Z]", base):
            raise ValueError(f"{text!r}: no Latin transliteration for {char!r}")
        out.append(base)
    return "".join(out)


def icao_latin(text: str) -> str:
    """Upper-case Latin per Doc 9303 Part 3 section 6 (``Müller`` -> ``MUELLER``).

    Spaces, hyphens and apostrophes are kept (they are name punctuation, not letters).
    """
    return _latin(text, ICAO_LATIN_SPECIAL)


def plain_latin(text: str) -> str:
    """Upper-case Latin with every diacritic dropped (``Öztürk`` -> ``OZTURK``)."""
    return _latin(text, _PLAIN_SPECIAL)


_RU_ICAO: Final[dict[str, str]] = {
    "А": "A",
    "Б": "B",
    "В": "V",
    "Г": "G",
    "Д": "D",
    "Е": "E",
    "Ё": "E",
    "Ж": "ZH",
    "З": "Z",
    "И": "I",
    "Й": "I",
    "К": "K",
    "Л": "L",
    "М": "M",
    "Н": "N",
    "О": "O",
    "П": "P",
    "Р": "R",
    "С": "S",
    "Т": "T",
    "У": "U",
    "Ф": "F",
    "Х": "KH",
    "Ц": "TS",
    "Ч": "CH",
    "Ш": "SH",
    "Щ": "SHCH",
    "Ъ": "IE",
    "Ы": "Y",
    "Ь": "",
    "Э": "E",
    "Ю": "IU",
    "Я": "IA",
}


def _by_table(text: str, table: dict[str, str], initial: dict[str, str] | None = None) -> str:
    out: list[str] = []
    at_start = True
    upper = text.upper()
    i = 0
    while i < len(upper):
        char = upper[i]
        if char in ("'", "\u02bc", "\u2019"):
            i += 1  # the Ukrainian apostrophe is not transliterated
            continue
        if char in " -":
            out.append(char)
            at_start = True
            i += 1
            continue
        if initial is not None and at_start and char in initial:
            out.append(initial[char])
        elif char not in table:
            raise ValueError(f"{text!r}: no transliteration for {char!r}")
        else:
            out.append(table[char])
        at_start = False
        i += 1
    return "".join(out)


def icao_russian(text: str) -> str:
    """Russian Cyrillic by the ICAO 9303 table, as on Russian passports since 2013."""
    return _by_table(text, _RU_ICAO)


_UK_TABLE: Final[dict[str, str]] = {
    **{k: v for k, v in _RU_ICAO.items() if k not in "ЁЪЫЭ"},
    "Г": "H",
    "Ґ": "G",
    "Є": "IE",
    "И": "Y",
    "І": "I",
    "Ї": "I",
    "Й": "I",
    "Ю": "IU",
    "Я": "IA",
}
_UK_INITIAL: Final[dict[str, str]] = {"Є": "YE", "Ї": "YI", "Й": "Y", "Ю": "YU", "Я": "YA"}


def ukrainian_national(text: str) -> str:
    """Ukrainian by the 2010 national table (Cabinet of Ministers resolution No. 55)."""
    # "зг" is written ZGH so that it is not read as the digraph "ZH".
    marked = re.sub("зг", "з\u0001", text, flags=re.IGNORECASE)
    table = {**_UK_TABLE, "\u0001": "GH"}
    return _by_table(marked, table, _UK_INITIAL)


_BG_TABLE: Final[dict[str, str]] = {
    **{k: v for k, v in _RU_ICAO.items() if k not in "ЁЫЭ"},
    "Й": "Y",
    "Х": "H",
    "Щ": "SHT",
    "Ъ": "A",
    "Ь": "Y",
    "Ю": "YU",
    "Я": "YA",
}


def bulgarian_streamlined(text: str) -> str:
    """Bulgarian by the Streamlined System (Transliteration Act 2009)."""
    words = re.split(r"([ \-])", text)
    out: list[str] = []
    for word in words:
        if word.upper().endswith("ИЯ"):
            out.append(_by_table(word[:-2], _BG_TABLE) + "IA")
        else:
            out.append(_by_table(word, _BG_TABLE))
    return "".join(out)


_SR_LATIN: Final[dict[str, str]] = {
    "А": "A",
    "Б": "B",
    "В": "V",
    "Г": "G",
    "Д": "D",
    "Ђ": "Đ",
    "Е": "E",
    "Ж": "Ž",
    "З": "Z",
    "И": "I",
    "Ј": "J",
    "К": "K",
    "Л": "L",
    "Љ": "LJ",
    "М": "M",
    "Н": "N",
    "Њ": "NJ",
    "О": "O",
    "П": "P",
    "Р": "R",
    "С": "S",
    "Т": "T",
    "Ћ": "Ć",
    "У": "U",
    "Ф": "F",
    "Х": "H",
    "Ц": "C",
    "Ч": "Č",
    "Џ": "DŽ",
    "Ш": "Š",
}


def serbian_latin(text: str) -> str:
    """Serbian Cyrillic in the Latin alphabet, with diacritics, in title case."""
    upper = _by_table(text, _SR_LATIN)
    return " ".join(
        "-".join(part[:1] + part[1:].lower() for part in word.split("-"))
        for word in upper.split(" ")
    )


def serbian_mrz(text: str) -> str:
    """Serbian name as Serbian documents print it in Latin capitals (``Đ`` -> ``DJ``)."""
    return plain_latin(serbian_latin(text).replace("Đ", "Dj").replace("đ", "dj"))


# --------------------------------------------------------------------------- parsing

_FORM_RE: Final = re.compile(r"^\s*([A-Z][A-Z' \-\.]*?)\s*(?:\(([a-z0-9\- ]+)\))?\s*$")
_SPEC_RE: Final = re.compile(r"^\s*([^\[:]*?)\s*(?:\[([a-z\- ]+)\])?\s*$")


def _unique(items: Iterable[tuple[str, tuple[str, ...]]]) -> list[tuple[str, tuple[str, ...]]]:
    seen: dict[str, tuple[str, ...]] = {}
    for form, tags in items:
        if form in seen:
            seen[form] = tuple(dict.fromkeys(seen[form] + tags))
        else:
            seen[form] = tags
    return list(seen.items())


def _parse_forms(text: str) -> list[tuple[str, tuple[str, ...]]]:
    out: list[tuple[str, tuple[str, ...]]] = []
    for part in text.split("|"):
        if not part.strip():
            continue
        match = _FORM_RE.match(part)
        if match is None:
            raise ValueError(f"bad romanised form {part!r}")
        tags = tuple(match.group(2).split()) if match.group(2) else ()
        out.append((match.group(1), tags))
    return out


Romaniser = Callable[[str], str]


def _spec(
    text: str,
    *,
    romanise: Romaniser | None,
    script: str,
    primary_tag: str = "",
) -> Name:
    if ":" in text:
        head, _, tail = text.partition(":")
    elif romanise is None:
        head, tail = "", text
    else:
        head, tail = text, ""
    match = _SPEC_RE.match(head)
    if match is None:
        raise ValueError(f"bad name head {head!r}")
    native_text = match.group(1)
    attrs = frozenset(match.group(2).split()) if match.group(2) else frozenset()
    native, _, native_alt = native_text.partition("/")
    listed = _parse_forms(tail)
    forms: list[tuple[str, tuple[str, ...]]] = []
    if romanise is not None and native:
        tag = (primary_tag,) if primary_tag else ()
        forms.append((romanise(native), tag))
    forms.extend(listed)
    forms = _unique(forms)
    return Name(
        forms=tuple(f for f, _ in forms),
        tags=tuple(t for _, t in forms),
        native=native.strip(),
        native_alt=native_alt.strip(),
        script=script if native else "Latn",
        attrs=attrs,
    )


def names(
    block: str,
    *,
    romanise: Romaniser | None = None,
    script: str = "Latn",
    feminine: Callable[[Name], Name] | None = None,
) -> tuple[Name, ...]:
    """Parse a block of name lines.

    A line is ``native [attrs] : FORM | FORM (tag tag) | ...`` (a line starting with
    ``|`` continues the previous one); ``;;`` separates a gendered surname's male and
    female specifications. Without ``:``, a line lists
    comma-separated natives (if ``romanise`` is given) or plain forms.
    """
    out: list[Name] = []
    lines: list[str] = []
    for raw in block.strip().splitlines():
        stripped = raw.strip()
        if stripped.startswith("|") and lines:
            lines[-1] += " " + stripped  # a long entry continued on the next line
        elif stripped and not stripped.startswith("#"):
            lines.append(stripped)
    for line in lines:
        entries = [line] if ":" in line else [e for e in line.split(",") if e.strip()]
        for entry in entries:
            male_text, sep, female_text = entry.partition(";;")
            name = _spec(male_text, romanise=romanise, script=script)
            if sep:
                name = replace(
                    name,
                    female=_spec(female_text, romanise=romanise, script=script),
                )
            elif feminine is not None:
                name = replace(name, female=feminine(name))
            out.append(name)
    return tuple(out)


def _russian_feminine(name: Name) -> Name:
    """Иванов -> Иванова, IVANOV -> IVANOVA (surnames in -ов, -ев, -ёв, -ин, -ын)."""
    if not re.search("(ов|ев|ёв|ин|ын)$", name.native):
        raise ValueError(f"no feminine rule for {name.native!r}")
    native = name.native + "а"
    forms = [icao_russian(native), *(f + "A" for f in name.forms)]
    tags: list[tuple[str, ...]] = [(), *name.tags]
    pairs = _unique(zip(forms, tags, strict=True))
    return Name(
        forms=tuple(f for f, _ in pairs),
        tags=tuple(t for _, t in pairs),
        native=native,
        script=name.script,
        attrs=name.attrs,
    )


def _bulgarian_feminine(name: Name) -> Name:
    native = name.native + "а"
    pairs = _unique(
        zip(
            [bulgarian_streamlined(native), *(f + "A" for f in name.forms)],
            [(), *name.tags],
            strict=True,
        )
    )
    return Name(
        forms=tuple(f for f, _ in pairs),
        tags=tuple(t for _, t in pairs),
        native=native,
        script=name.script,
        attrs=name.attrs,
    )


def _latin_romaniser(practice: str) -> Romaniser:
    return icao_latin if practice == "icao" else plain_latin


def latin_names(block: str, practice: str) -> tuple[Name, ...]:
    """Latin names with diacritics; ``forms[0]`` follows the issuing state's practice.

    ``practice`` is ``icao`` (Ä -> AE, as German and Nordic passports) or ``plain``
    (diacritics dropped, as Turkish or Spanish passports). The other rendering, if
    different, is added as a variant tagged ``icao`` or ``plain``.
    """
    other = "plain" if practice == "icao" else "icao"
    out: list[Name] = []
    for name in names(block, romanise=_latin_romaniser(practice)):
        out.append(_with_other_latin(name, practice, other))
    return tuple(out)


def _with_other_latin(name: Name, practice: str, other: str) -> Name:
    if not name.native:
        return name
    alt = _latin_romaniser(other)(name.native)
    pairs = _unique(
        [
            (name.forms[0], (practice,)),
            *zip(name.forms[1:], name.tags[1:], strict=True),
            (alt, (other,)),
        ]
    )
    female = name.female
    if female is not None:
        female = _with_other_latin(female, practice, other)
    return replace(
        name,
        forms=tuple(f for f, _ in pairs),
        tags=tuple(t for _, t in pairs),
        female=female,
    )


# =========================================================================== data
# --------------------------------------------------------------------------- Arabic
# Tags: gulf, levant (incl. Iraq), egypt (incl. Sudan, Libya), maghreb, alalc.
# Attributes: muslim / christian (community); gulf / levant / egypt / maghreb on a
# surname restrict it to people of that region.

_ARABIC_MALE = """
محمد [muslim] : MOHAMMED (gulf) | MUHAMMAD (alalc) | MOHAMED (egypt maghreb) | MOHAMMAD (levant)
    | MOHAMAD | MUHAMMED
أحمد [muslim] : AHMED (gulf egypt maghreb) | AHMAD (levant alalc)
علي [muslim] : ALI
حسن [muslim] : HASSAN (gulf levant egypt maghreb) | HASAN (alalc)
حسين [muslim] : HUSSEIN (levant egypt) | HUSSAIN (gulf) | HUSAIN (alalc) | HUSEIN
    | HOUSSEIN (maghreb)
يوسف : YOUSEF (gulf levant) | YUSUF (alalc) | YOUSSEF (egypt maghreb) | YOUSIF (gulf)
    | YOUSSOUF (maghreb) | YOUSUF
عبد الله [muslim] : ABDULLAH (gulf levant) | ABDALLAH (egypt levant) | ABDULLA
    | ABDELLAH (maghreb) | ABD ALLAH (alalc)
عبد الرحمن [muslim] : ABDULRAHMAN (gulf) | ABDUL RAHMAN (levant) | ABDELRAHMAN (egypt)
    | ABDURRAHMAN | ABDERRAHMANE (maghreb) | ABD AL-RAHMAN (alalc)
عبد العزيز [muslim] : ABDULAZIZ (gulf) | ABDUL AZIZ (levant) | ABDELAZIZ (egypt maghreb)
    | ABD AL-AZIZ (alalc)
خالد [muslim] : KHALED (levant egypt maghreb) | KHALID (gulf alalc)
عمر [muslim] : OMAR (gulf levant egypt maghreb) | UMAR (alalc)
جمال : JAMAL (gulf levant alalc) | GAMAL (egypt) | DJAMEL (maghreb) | JAMEL (maghreb)
مصطفى [muslim] : MOSTAFA (egypt) | MUSTAFA (gulf levant alalc) | MUSTAPHA (maghreb)
    | MOUSTAFA (levant)
إبراهيم : IBRAHIM (gulf levant egypt alalc) | EBRAHIM | IBRAHEEM | BRAHIM (maghreb)
إسماعيل [muslim] : ISMAIL (gulf levant egypt alalc) | ISMAEL | SMAIL (maghreb) | ESMAIL
سعيد : SAEED (gulf levant) | SAID (egypt maghreb alalc) | SAEID
محمود [muslim] : MAHMOUD (levant egypt maghreb) | MAHMUD (alalc) | MAHMOOD (gulf)
طارق : TAREK (egypt levant) | TARIQ (gulf alalc) | TAREQ (levant) | TARIK (maghreb)
فيصل [muslim] : FAISAL (gulf) | FAYSAL (alalc) | FEISAL | FAYCAL (maghreb)
ناصر : NASSER (gulf levant egypt) | NASIR (alalc) | NASER | NACER (maghreb)
كريم : KARIM (levant egypt maghreb alalc) | KAREEM (gulf)
سليمان : SULAIMAN (gulf) | SULEIMAN (levant) | SOLIMAN (egypt) | SLIMANE (maghreb)
    | SULAYMAN (alalc)
عثمان [muslim] : OTHMAN (gulf levant) | OSMAN (egypt) | UTHMAN (alalc) | OTHMANE (maghreb)
هشام [muslim] : HISHAM (gulf levant alalc) | HESHAM (egypt) | HICHAM (maghreb)
وليد : WALID (levant egypt alalc) | WALEED (gulf) | OUALID (maghreb)
رشيد : RASHID (gulf levant alalc) | RACHID (maghreb) | RASHEED (gulf)
منصور : MANSOUR (levant egypt maghreb) | MANSOOR (gulf) | MANSUR (alalc)
حمزة [muslim] : HAMZA | HAMZAH (gulf)
أيمن : AYMAN | AIMAN (gulf)
ياسر : YASSER (levant egypt) | YASIR (gulf alalc) | YASER | YACER (maghreb)
عادل : ADEL (levant egypt maghreb) | ADIL (gulf alalc)
جعفر [muslim] : JAAFAR (gulf) | JAFAR (alalc) | JAFFAR | DJAAFAR (maghreb) | GAAFAR (egypt)
زكريا : ZAKARIA (levant egypt maghreb) | ZAKARIYA (gulf) | ZAKARIYYA (alalc) | ZAKARYA
بلال [muslim] : BILAL | BELAL (egypt)
نبيل : NABIL (levant egypt maghreb alalc) | NABEEL (gulf)
قاسم [muslim] : QASIM (gulf alalc) | QASEM (levant) | KASSEM (egypt) | KACEM (maghreb)
صلاح : SALAH
صالح : SALEH (gulf levant egypt) | SALIH (alalc)
سامي : SAMI | SAMY (egypt)
سمير : SAMIR (levant egypt maghreb alalc) | SAMEER (gulf)
رامي : RAMI | RAMY (egypt)
خليل : KHALIL | KHALEEL (gulf)
ماجد : MAJED (gulf levant) | MAJID (alalc) | MAGED (egypt) | MADJID (maghreb)
زيد [muslim] : ZAID (gulf levant) | ZAYD (alalc) | ZEID
زاهد : ZAHID (gulf alalc) | ZAHED (levant)
بسام : BASSAM
باسم : BASEM (levant egypt) | BASIM (gulf alalc) | BASSEM (egypt maghreb)
أمين : AMIN | AMEEN (gulf) | AMINE (maghreb)
فريد : FARID | FAREED (gulf)
حليم : HALIM | HALEEM (gulf)
سليم : SALIM (gulf alalc) | SALEEM | SELIM (maghreb)
إلياس [christian] : ELIAS (levant) | ELIE (levant) | ILYAS (alalc)
جورج [christian] : GEORGES (levant) | GEORGE | JURJ (alalc)
بطرس [christian] : BOUTROS (levant) | BUTRUS (alalc) | BOTROS (egypt)
أنطوان [christian] : ANTOINE (levant) | ANTOUN | ANTWAN (alalc)
ميشال [christian] : MICHEL (levant) | MICHAEL
"""

_ARABIC_FEMALE = """
فاطمة [muslim] : FATIMA (gulf levant alalc) | FATMA (egypt maghreb) | FATEMA | FATIMAH
    | FADMA (maghreb)
عائشة [muslim] : AISHA (gulf levant alalc) | AICHA (maghreb) | AYESHA | AISHAH | AYSHA
مريم : MARIAM (gulf egypt) | MARYAM (levant alalc) | MERIEM (maghreb) | MERYEM (maghreb)
خديجة [muslim] : KHADIJA (levant egypt maghreb) | KHADIJAH (gulf alalc) | KHADIDJA (maghreb)
    | KHADEEJA (gulf)
زينب [muslim] : ZAINAB (gulf) | ZEINAB (levant egypt) | ZAYNAB (alalc) | ZINEB (maghreb)
سارة : SARA | SARAH (gulf)
ليلى : LAILA (gulf) | LEILA (levant maghreb) | LAYLA (alalc)
هدى : HUDA (gulf levant alalc) | HODA (egypt) | HOUDA (maghreb)
أمينة : AMINA (levant egypt maghreb alalc) | AMINAH (gulf) | AMEENA (gulf)
ياسمين : YASMIN (levant alalc) | YASMINE (maghreb egypt) | YASMEEN (gulf)
رانيا : RANIA | RANYA
سلمى : SALMA
حنان : HANAN
نادية : NADIA (levant egypt maghreb) | NADIYA (gulf alalc)
منى : MONA (egypt levant) | MUNA (gulf alalc) | MOUNA (maghreb)
سميرة : SAMIRA (levant egypt maghreb alalc) | SAMEERA (gulf)
كريمة : KARIMA (levant egypt maghreb alalc) | KAREEMA (gulf)
جميلة : JAMILA (gulf levant alalc) | GAMILA (egypt) | DJAMILA (maghreb)
نبيلة : NABILA | NABEELA (gulf)
أمل : AMAL
رشيدة : RASHIDA (gulf levant alalc) | RACHIDA (maghreb)
حليمة [muslim] : HALIMA | HALIMAH (gulf)
سليمة : SALIMA | SALEEMA (gulf)
فريدة : FARIDA | FAREEDA (gulf)
نادين : NADINE | NADEEN (gulf)
ريتا [christian] : RITA
ماري [christian] : MARIE (levant) | MARY
"""

_ARABIC_UNISEX = """
نور : NOUR (levant egypt maghreb) | NOOR (gulf) | NUR (alalc)
صباح : SABAH
إحسان : IHSAN | EHSAN
وسام : WISSAM (levant) | WISAM (alalc gulf) | WESAM (egypt)
"""

_ARABIC_SURNAMES = """
الرشيد [muslim] : AL-RASHID (gulf levant) | AL RASHID | ALRASHID | EL RACHID (maghreb)
    | AL-RASHEED (gulf) | EL RASHID (egypt)
التميمي [muslim] : AL-TAMIMI (gulf levant) | AL TAMIMI | ALTAMIMI | AT-TAMIMI (alalc)
    | AL-TAMEEMI (gulf) | EL TAMIMI (egypt)
المصري : AL-MASRI (levant gulf) | EL MASRY (egypt) | ELMASRY (egypt) | AL MASRI
    | EL-MASRI (maghreb) | AL-MISRI (alalc)
الحسيني [muslim] : AL-HUSSEINI (levant) | EL HUSSEINI | AL HUSAINI (gulf) | EL HOSSEINY (egypt)
    | AL-HUSAYNI (alalc)
الشمري [muslim gulf] : AL-SHAMMARI | ASH-SHAMMARI (alalc) | ALSHAMMARI | AL SHAMARI
العتيبي [muslim gulf] : AL-OTAIBI | AL OTAIBI | ALOTAIBI | AL-UTAYBI (alalc) | AL-OTAIBY
القحطاني [muslim gulf] : AL-QAHTANI | AL-KAHTANI | ALQAHTANI | AL GAHTANI | AL-QAHTANY
الزهراني [muslim gulf] : AL-ZAHRANI | AZ-ZAHRANI (alalc) | ALZAHRANI | AL ZAHRANI
الدوسري [muslim gulf] : AL-DOSARI | AL-DOSSARY | ALDOSARI | AD-DAWSARI (alalc)
الكعبي [muslim gulf] : AL-KAABI | AL KAABI | ALKAABI | AL-KABI (alalc)
المنصوري [muslim gulf] : AL-MANSOORI | AL MANSOURI | ALMANSOORI | AL-MANSURI (alalc)
الهاشمي : AL-HASHIMI (gulf alalc) | EL HACHEMI (maghreb) | AL HASHEMI (levant) | EL HASHEMY (egypt)
الأحمد [levant gulf] : AL-AHMAD (levant) | AL AHMED (gulf) | ALAHMAD
السيد [egypt levant] : EL SAYED (egypt) | ELSAYED (egypt) | AL-SAYYID (alalc) | EL SAYYED
    | AL SAYED (levant)
الخطيب : AL-KHATIB (levant alalc) | EL KHATIB (egypt maghreb) | ALKHATEEB (gulf) | EL-KHATIB
النجار : AL-NAJJAR (levant gulf) | EL NAGGAR (egypt) | AN-NAJJAR (alalc) | ENNAJJAR (maghreb)
الجبوري [levant muslim] : AL-JUBOURI | AL-JUBURI (alalc) | ALJUBOURI | AL JABOURI
العبيدي [levant] : AL-OBAIDI | AL-UBAYDI (alalc) | ALOBAIDI | EL OBEIDI
خوري [levant christian] : KHOURY | KHOURI | KHURI (alalc) | EL KHOURY | KOURY
حداد [levant] : HADDAD | EL HADDAD
حسن : HASSAN | HASAN (alalc)
عباس : ABBAS
صالح : SALEH (gulf levant egypt) | SALIH (alalc)
منصور : MANSOUR (levant egypt maghreb) | MANSUR (alalc) | MANSOOR (gulf)
نصر : NASR
عبد الله [muslim] : ABDALLAH (levant egypt) | ABDULLAH (gulf) | ABDELLAH (maghreb)
    | ABD ALLAH (alalc)
بن علي [maghreb] : BEN ALI | BENALI | BIN ALI (alalc) | BEN-ALI
بلقاسم [maghreb] : BELKACEM | BELGACEM | BELKASSEM | BELQASIM (alalc)
بن صالح [maghreb] : BENSALAH | BEN SALAH | BENSALEH
العلوي [maghreb] : ALAOUI | EL ALAOUI | AL-ALAWI (alalc)
الإدريسي [maghreb] : EL IDRISSI | IDRISSI | AL-IDRISI (alalc) | ELIDRISSI
شريف : SHARIF (gulf alalc) | CHERIF (maghreb) | SHERIF (egypt) | SHAREEF (gulf)
حمدي [egypt] : HAMDY (egypt) | HAMDI (levant maghreb alalc)
شوقي [egypt] : SHAWKY (egypt) | SHAWQI (levant alalc) | CHAOUKI (maghreb) | CHAWKI (maghreb)
مجدي [egypt] : MAGDY (egypt) | MAJDI (levant alalc) | MEJDI (maghreb)
فوزي : FAWZI (levant alalc) | FAWZY (egypt) | FAOUZI (maghreb)
"""

_ARABIC_REGIONS: Final = (
    *((c, "gulf") for c in ("SAU", "ARE", "KWT", "QAT", "OMN", "BHR", "YEM")),
    *((c, "levant") for c in ("JOR", "LBN", "SYR", "IRQ", "PSE")),
    *((c, "egypt") for c in ("EGY", "SDN", "LBY")),
    *((c, "maghreb") for c in ("MAR", "DZA", "TUN", "MRT")),
)

# --------------------------------------------------------------------------- Persian

_PERSIAN_MALE = """
محمد : MOHAMMAD | MOHAMAD | MUHAMMAD | MOHAMMED
محمدرضا : MOHAMMADREZA | MOHAMMAD REZA | MOHAMADREZA | MOHAMMAD-REZA
علیرضا : ALIREZA | ALI REZA | ALI-REZA
حسین : HOSSEIN | HOSEIN | HUSSEIN | HOSEYN
غلامرضا : GHOLAMREZA | GHOLAM REZA | QOLAMREZA
ابوالفضل : ABOLFAZL | ABOLFAZEL | ABULFAZL
محمود : MAHMOUD | MAHMOOD | MAHMUD
مهدی : MEHDI | MAHDI
رضا : REZA
امیر : AMIR
سعید : SAEED | SAEID | SAID
مجتبی : MOJTABA | MODJTABA
حامد : HAMED
حمید : HAMID
جواد : JAVAD | JAWAD
مرتضی : MORTEZA | MORTAZA | MURTAZA
ابراهیم : EBRAHIM | IBRAHIM
مسعود : MASOUD | MASOOD | MASUD
بهنام : BEHNAM
بابک : BABAK
فرهاد : FARHAD
کاوه : KAVEH | KAVE
"""

_PERSIAN_FEMALE = """
فاطمه : FATEMEH | FATEME | FATEMA | FATIMA
زهرا : ZAHRA
مریم : MARYAM | MARIAM
نرگس : NARGES | NARGIS
مهسا : MAHSA
پریسا : PARISA
شیرین : SHIRIN | SHIREEN
لیلا : LEILA | LEYLA | LAYLA
سمیه : SOMAYEH | SOMAYE | SOMAYYEH
رویا : ROYA
مینا : MINA
اعظم : AZAM | AAZAM
زینب : ZEINAB | ZEYNAB | ZAINAB
الهام : ELHAM
ندا : NEDA
سپیده : SEPIDEH | SEPIDE
"""

_PERSIAN_SURNAMES = """
حسینی : HOSSEINI | HOSEINI | HUSSEINI
محمدی : MOHAMMADI | MOHAMADI | MUHAMMADI
احمدی : AHMADI
رضایی : REZAEI | REZAEE | REZAIE | REZAYI
موسوی : MOUSAVI | MUSAVI | MOOSAVI
کریمی : KARIMI
هاشمی : HASHEMI | HASHIMI
جعفری : JAFARI | JAFFARI | DJAFARI | JAAFARI
صادقی : SADEGHI | SADEQI
رحیمی : RAHIMI
قاسمی : GHASEMI | GHASSEMI | QASEMI
تهرانی : TEHRANI
نجفی : NAJAFI
اکبری : AKBARI
شریفی : SHARIFI
حیدری : HEIDARI | HEYDARI | HAIDARI
صالحی : SALEHI
کاظمی : KAZEMI
اسماعیلی : ESMAEILI | ESMAILI | ISMAILI
یوسفی : YOUSEFI | YUSEFI | YOUSSEFI
عباسی : ABBASI
غلامی : GHOLAMI | QOLAMI
نوری : NOURI | NOORI | NURI
"""

# --------------------------------------------------------------------------- Afghan
# Dari/Pashto names; many Afghans have no family name (see MONONYMS).

_AFGHAN_MALE = """
NAJIBULLAH | NAJEEBULLAH | NADJIBULLAH
HAMIDULLAH | HAMEEDULLAH | HAMID ULLAH
ZABIHULLAH | ZABIULLAH | ZABEEHULLAH
NOORULLAH | NURULLAH | NOOR ULLAH
SAMIULLAH | SAMI ULLAH | SAMEEULLAH
RAHMATULLAH | RAHMAT ULLAH
HABIBULLAH | HABIB ULLAH
MIRWAIS | MIRWAYS
ZAHIR | ZAHEER
JAWED | JAVED | JAVID
GULAB | GOLAB
AHMAD SHAH | AHMADSHAH
"""

_AFGHAN_FEMALE = """
GULALAI | GULALAY
FARZANA
NAZIA
SHABNAM
ZARGHUNA | ZARGHONA
PARWANA | PARVANA
MARZIA | MARZIYA
"""

_AFGHAN_SURNAMES = """
AHMADZAI | AHMADZAY
POPALZAI | POPALZAY
STANIKZAI | STANEKZAI
NOORZAI | NURZAI
MOHAMMADI
SAFI
AMIRI
HAIDARI | HAYDARI
SHINWARI | SHINWARY
WARDAK
"""

# --------------------------------------------------------------------------- Russian
# forms[0] is computed by icao_russian; listed forms are the other spellings seen.

_RUSSIAN_MALE = """
Александр : ALEXANDER | ALEXANDR | ALEKSANDER | ALEXANDRE (french)
Сергей : SERGEY (legacy) | SERGEJ (german) | SERGUEI (french)
Дмитрий : DMITRIY (legacy) | DMITRY | DMITRI | DMITRIJ (german)
Андрей : ANDREY (legacy) | ANDREJ (german)
Алексей : ALEKSEY (legacy) | ALEXEY | ALEXEI | ALEKSEJ (german)
Юрий : YURIY (legacy) | YURI | IOURI (french) | JURIJ (german)
Михаил : MIHAIL | MICHAIL (german)
Николай : NIKOLAY (legacy) | NICOLAI | NIKOLAJ (german)
Евгений : EVGENIY (legacy) | YEVGENIY | EVGENY | YEVGENY | JEWGENIJ (german)
Владимир : WLADIMIR (german)
Павел : PAWEL (german)
Виктор : VICTOR
Фёдор : FYODOR | FEODOR | FJODOR (german)
Яков : YAKOV (legacy) | JAKOW (german)
Игорь : IGOR
Максим : MAXIM
Олег : OLEG
Вячеслав : VYACHESLAV (legacy) | WJATSCHESLAW (german)
Артём : ARTYOM | ARTIOM
Илья : ILYA (legacy) | ILJA (german)
Григорий : GRIGORIY (legacy) | GRIGORY
Василий : VASILIY (legacy) | VASILY | WASSILIJ (german)
Анатолий : ANATOLIY (legacy) | ANATOLY
Константин : CONSTANTIN
Кирилл : KIRIL
Вадим : WADIM (german)
Роман : ROMAN
Тимур : TIMUR
Станислав : STANISLAW (german)
Владислав : WLADISLAW (german)
Ярослав : YAROSLAV (legacy) | JAROSLAW (german)
Валерий : VALERIY (legacy) | VALERY
"""

_RUSSIAN_FEMALE = """
Юлия : YULIA | YULIYA (legacy) | IOULIA (french) | JULIA | JULIJA (german)
Наталья : NATALYA (legacy) | NATALIYA | NATALJA (german)
Татьяна : TATYANA (legacy) | TATJANA (german)
Екатерина : YEKATERINA | JEKATERINA (german)
Елена : YELENA | JELENA (german)
Ольга : OLGA
Ирина : IRINA
Анастасия : ANASTASIA | ANASTASIYA (legacy) | ANASTASSIA
Мария : MARIYA (legacy) | MARIA
Ксения : KSENIA | KSENIYA (legacy) | XENIA
Светлана : SWETLANA (german)
Анна : ANNA
Людмила : LYUDMILA (legacy) | LUDMILA
Дарья : DARYA (legacy) | DARJA (german)
Евгения : EVGENIYA (legacy) | YEVGENIYA | JEWGENIJA (german)
Алёна : ALYONA | ALIONA
Надежда : NADESHDA (german)
Валентина : WALENTINA (german)
Галина : GALINA
Софья : SOFYA (legacy) | SOFJA (german)
Александра : ALEXANDRA
Станислава : STANISLAWA (german)
Владислава : WLADISLAWA (german)
Ярослава : YAROSLAVA (legacy) | JAROSLAWA (german)
Валерия : VALERIYA (legacy) | VALERIA
"""

_RUSSIAN_SURNAMES = """
Иванов : IWANOW (german)
Смирнов : SMIRNOW (german)
Кузнецов : KUSNEZOW (german) | KOUZNETSOV (french)
Попов : POPOW (german)
Соколов : SOKOLOW (german)
Лебедев : LEBEDEW (german)
Козлов : KOSLOW (german)
Новиков : NOWIKOW (german)
Морозов : MOROSOW (german)
Петров : PETROW (german)
Волков : WOLKOW (german)
Журавлёв : ZHURAVLYOV | ZHURAVLIOV | SCHURAWLJOW (german)
Воробьёв : VOROBYOV | VOROBYEV (legacy) | VOROBIEV | WOROBJOW (german)
Соловьёв : SOLOVYOV | SOLOVYEV (legacy) | SOLOVIEV | SOLOWJOW (german)
Васильев : VASILYEV (legacy) | VASILIEV | WASSILJEW (german)
Григорьев : GRIGORYEV (legacy) | GRIGORIEV
Яковлев : YAKOVLEV (legacy) | JAKOWLEW (german)
Юдин : YUDIN (legacy) | JUDIN (german)
Щербаков : SHERBAKOV | SCHERBAKOW (german) | CHTCHERBAKOV (french)
Цветков : TCVETKOV (rf-2010) | ZWETKOW (german)
Жуков : SHUKOW (german) | JOUKOV (french)
Хабибуллин : HABIBULLIN | CHABIBULLIN (german)
Зайцев : ZAYTSEV (legacy) | SAIZEW (german)
Павлов : PAWLOW (german)
Семёнов : SEMYONOV | SEMIONOV | SEMJONOW (german)
Фёдоров : FYODOROV | FJODOROW (german)
Михайлов : MIKHAYLOV (legacy) | MIHAILOV | MICHAILOW (german)
Кудрявцев : KUDRYAVTSEV (legacy) | KUDRJAWZEW (german)
Ильин : ILYIN (legacy) | ILJIN (german)
Орлов : ORLOW (german)
Тарасов : TARASSOW (german)
Белов : BELOW (german)
"""

_RUSSIAN_SURNAMES_SKII = """
Вишневский : VISHNEVSKIY (legacy) | VISHNEVSKY
    | WISCHNEWSKI (german) ;; Вишневская : VISHNEVSKAYA (legacy) | WISCHNEWSKAJA (german)
Покровский : POKROVSKIY (legacy) | POKROVSKY
    | POKROWSKI (german) ;; Покровская : POKROVSKAYA (legacy) | POKROWSKAJA (german)
Толстой : TOLSTOY (legacy) | TOLSTOJ (german) ;; Толстая : TOLSTAYA (legacy) | TOLSTAJA (german)
"""

# Father's name -> (patronymic of a son, of a daughter), in Cyrillic.
PATRONYMICS: Final[dict[str, tuple[str, str]]] = {
    "Александр": ("Александрович", "Александровна"),
    "Сергей": ("Сергеевич", "Сергеевна"),
    "Дмитрий": ("Дмитриевич", "Дмитриевна"),
    "Андрей": ("Андреевич", "Андреевна"),
    "Алексей": ("Алексеевич", "Алексеевна"),
    "Юрий": ("Юрьевич", "Юрьевна"),
    "Михаил": ("Михайлович", "Михайловна"),
    "Николай": ("Николаевич", "Николаевна"),
    "Владимир": ("Владимирович", "Владимировна"),
    "Павел": ("Павлович", "Павловна"),
    "Виктор": ("Викторович", "Викторовна"),
    "Фёдор": ("Фёдорович", "Фёдоровна"),
    "Яков": ("Яковлевич", "Яковлевна"),
    "Игорь": ("Игоревич", "Игоревна"),
    "Олег": ("Олегович", "Олеговна"),
    "Илья": ("Ильич", "Ильинична"),
    "Григорий": ("Григорьевич", "Григорьевна"),
    "Василий": ("Васильевич", "Васильевна"),
    "Анатолий": ("Анатольевич", "Анатольевна"),
    "Евгений": ("Евгеньевич", "Евгеньевна"),
    "Пётр": ("Петрович", "Петровна"),
    "Иван": ("Иванович", "Ивановна"),
    # Ukrainian fathers (Ukrainian forms).
    "Олександр": ("Олександрович", "Олександрівна"),
    "Сергій": ("Сергійович", "Сергіївна"),
    "Микола": ("Миколайович", "Миколаївна"),
    "Петро": ("Петрович", "Петрівна"),
    "Володимир": ("Володимирович", "Володимирівна"),
    "Андрій": ("Андрійович", "Андріївна"),
    "Юрій": ("Юрійович", "Юріївна"),
    "Іван": ("Іванович", "Іванівна"),
    "Василь": ("Васильович", "Василівна"),
}

# --------------------------------------------------------------------------- Ukrainian
# forms[0] is computed by ukrainian_national.

_UKRAINIAN_MALE = """
Олександр : OLEXANDR | OLEKSANDER | ALEKSANDR (russian-form)
Сергій : SERHIY (legacy) | SERGIY | SERGII | SERGEY (russian-form)
Андрій : ANDRIY (legacy) | ANDRIJ | ANDREY (russian-form)
Юрій : YURIY (legacy) | IURII | YURI
Дмитро : DMITRO | DMITRIY (russian-form)
Микола : MIKOLA | NIKOLAY (russian-form)
Володимир : VOLODIMIR | WOLODYMYR (german) | VLADIMIR (russian-form)
Олексій : OLEKSIY (legacy) | OLEXIY | ALEKSEY (russian-form)
Віталій : VITALIY (legacy) | WITALIJ (german)
Богдан : BOGDAN
Тарас : TARAS
Григорій : HRYHORIY (legacy) | GRYGORIY | GRIGORIY (russian-form)
Іван : IVAN
Петро : PETR (russian-form)
Василь : VASYL | VASIL | VASILIY (russian-form)
"""

_UKRAINIAN_FEMALE = """
Олена : ELENA (russian-form)
Наталія : NATALIYA (legacy) | NATALIA
Тетяна : TETYANA (legacy) | TATIANA (russian-form)
Юлія : YULIYA (legacy) | IULIIA | YULIA
Оксана : OXANA
Ірина : IRINA (russian-form)
Світлана : SVETLANA (russian-form)
Людмила : LYUDMYLA (legacy) | LUDMILA (russian-form)
Катерина : KATERINA | EKATERINA (russian-form)
Ганна : GANNA | ANNA (russian-form)
Галина : GALYNA | GALINA (russian-form)
Марія : MARIYA (legacy) | MARIA
"""

_UKRAINIAN_SURNAMES = """
Шевченко : SCHEWTSCHENKO (german) | CHEVTCHENKO (french)
Коваленко : KOWALENKO (german)
Бондаренко : BONDARENKO
Ткаченко : TKATSCHENKO (german)
Кравченко : KRAWTSCHENKO (german)
Мельник : MELNIK
Олійник : OLIYNYK (legacy) | OLEYNIK | OLIJNYK
Лисенко : LISENKO | LYSSENKO
Поліщук : POLISCHUK
Ковальчук : KOWALTSCHUK (german)
Марченко : MARTSCHENKO (german)
Савченко : SAWTSCHENKO (german)
Руденко : RUDENKO
Бойко : BOYKO | BOJKO
Гончаренко : GONCHARENKO (russian-form)
Кравчук : KRAWTSCHUK (german)
Гнатюк : HNATYUK (legacy) | GNATYUK
Левченко : LEWTSCHENKO (german)
Петренко : PETRENKO
Ковальський : KOVALSKIY | KOWALSKI (german) ;; Ковальська : KOVALSKAYA (russian-form)
    | KOWALSKA (german)
"""

# --------------------------------------------------------------------------- Bulgarian

_BULGARIAN_MALE = """
Георги : GUEORGUI (french) | GEORGY
Димитър : DIMITRE (french) | DIMITER | DIMITUR
Иван : IVAN
Николай : NIKOLAI
Христо : KHRISTO | CHRISTO
Стоян : STOIAN
Петър : PETER | PETUR
Йордан : JORDAN | IORDAN
Любомир : LUBOMIR | LJUBOMIR
Тодор : TODOR
Асен : ASSEN (french)
"""

_BULGARIAN_FEMALE = """
Мария : MARIYA
Елена : ELENA
Десислава : DESISLAVA
Цветелина : CVETELINA | ZWETELINA (german)
Йорданка : JORDANKA | IORDANKA
Петя : PETIA | PETJA
Милена : MILENA
Радка : RADKA
"""

_BULGARIAN_SURNAMES = """
Иванов : IVANOV
Георгиев : GUEORGUIEV (french) | GEORGIEW (german)
Димитров : DIMITROW (german)
Петров : PETROV
Стоянов : STOIANOV
Христов : KHRISTOV | CHRISTOV
Тодоров : TODOROW (german)
Колев : KOLEV
Николов : NIKOLOV
Йорданов : JORDANOV
Ангелов : ANGELOV
Атанасов : ATANASSOV (french)
Костов : KOSTOV
"""

# --------------------------------------------------------------------------- Serbian
# forms[0] is serbian_mrz (Đ -> DJ); the ICAO rendering of the Latin spelling is added.

_SERBIAN_MALE = """
Милош, Никола, Марко, Стефан, Душан, Ђорђе, Драган, Небојша, Горан, Александар
Владимир, Милан, Зоран, Дејан, Јован, Ђуро
"""

_SERBIAN_FEMALE = """
Милица, Јелена, Ана, Драгана, Ивана, Снежана, Марија, Јована, Тијана, Катарина
Љиљана, Ђурђица, Невена
"""

_SERBIAN_SURNAMES = """
Јовановић, Петровић, Николић, Марковић, Ђорђевић, Стојановић, Илић, Станковић
Павловић, Живковић, Томић, Ђурић, Лукић, Пешић, Васић, Поповић, Костић, Митровић
Јанковић, Ђокић, Савић, Ћирић, Радовановић
"""

# --------------------------------------------------------------------------- Greek
# forms[0] is ELOT 743 as on Greek passports; "cyprus" marks Cypriot spellings.

_GREEK_MALE = """
Γεώργιος : GEORGIOS | GIORGOS | YIORGOS (cyprus)
Δημήτριος : DIMITRIOS | DEMETRIOS (cyprus) | DIMITRIS | DHIMITRIOS
Κωνσταντίνος : KONSTANTINOS | CONSTANTINOS (cyprus) | KOSTANTINOS
Ιωάννης : IOANNIS | IOANNES | YIANNIS (cyprus) | GIANNIS
Νικόλαος : NIKOLAOS | NICOLAOS (cyprus) | NIKOLAS
Χρήστος : CHRISTOS | HRISTOS | KHRISTOS
Παναγιώτης : PANAGIOTIS | PANAYIOTIS (cyprus) | PANAGHIOTIS | PANAYOTIS
Βασίλειος : VASILEIOS | VASILIOS | VASSILIOS (cyprus)
Αθανάσιος : ATHANASIOS | ATHANASSIOS
Ευάγγελος : EVANGELOS | EVAGGELOS | EVANGHELOS
Μιχαήλ : MICHAIL | MICHAEL (cyprus) | MIHAIL
Σπυρίδων : SPYRIDON | SPIRIDON
Θεόδωρος : THEODOROS
Αντώνιος : ANTONIOS
Ανδρέας : ANDREAS
Ηλίας : ILIAS | ELIAS (cyprus)
Σταύρος : STAVROS
Αλέξανδρος : ALEXANDROS | ALEKSANDROS
Χαράλαμπος : CHARALAMPOS | CHARALAMBOS (cyprus) | HARALAMBOS
Στυλιανός : STYLIANOS | STILIANOS
"""

_GREEK_FEMALE = """
Μαρία : MARIA
Ελένη : ELENI | HELENI
Αικατερίνη : AIKATERINI | EKATERINI
Βασιλική : VASILIKI | VASSILIKI (cyprus)
Σοφία : SOFIA | SOPHIA
Αγγελική : ANGELIKI | AGGELIKI | ANGHELIKI
Δήμητρα : DIMITRA | DEMETRA (cyprus)
Γεωργία : GEORGIA | YIORGIA (cyprus)
Παρασκευή : PARASKEVI | PARASKEVE
Χρυσούλα : CHRYSOULA | HRISOULA | CHRISSOULA
Αναστασία : ANASTASIA
Ευαγγελία : EVANGELIA | EVAGGELIA
Ειρήνη : EIRINI | IRINI | IRENE
Κωνσταντίνα : KONSTANTINA | CONSTANTINA (cyprus)
Θεοδώρα : THEODORA
Ιωάννα : IOANNA
"""

_GREEK_SURNAMES = """
Παπαδόπουλος : PAPADOPOULOS ;; Παπαδοπούλου : PAPADOPOULOU
Χριστοδούλου : CHRISTODOULOU | HRISTODOULOU
Οικονόμου : OIKONOMOU | ECONOMOU (cyprus) | IKONOMOU
Βασιλείου : VASILEIOU | VASSILIOU (cyprus) | VASILIOU
Γεωργίου : GEORGIOU | YEORGIOU | GIORGIOU
Νικολαΐδης : NIKOLAIDIS | NICOLAIDES (cyprus) ;; Νικολαΐδου : NIKOLAIDOU | NICOLAIDOU (cyprus)
Καραγιάννης : KARAGIANNIS | KARAYIANNIS (cyprus) | KARAGIANIS ;; Καραγιάννη : KARAGIANNI
    | KARAYIANNI (cyprus)
Παπαγεωργίου : PAPAGEORGIOU | PAPAYEORGIOU | PAPAGIORGIOU
Δημητρίου : DIMITRIOU | DEMETRIOU (cyprus)
Κωνσταντινίδης : KONSTANTINIDIS | CONSTANTINIDES (cyprus) ;; Κωνσταντινίδου : KONSTANTINIDOU
    | CONSTANTINIDOU (cyprus)
Αντωνίου : ANTONIOU
Ιωάννου : IOANNOU
Μακρής : MAKRIS | MACRIS ;; Μακρή : MAKRI | MACRI
Παππάς : PAPPAS | PAPAS ;; Παππά : PAPPA | PAPA
Αλεξίου : ALEXIOU | ALEKSIOU
Θεοδώρου : THEODOROU
Κυριάκου : KYRIAKOU | KIRIAKOU | KYRIACOU (cyprus)
Ανδρέου : ANDREOU
Μιχαηλίδης : MICHAILIDIS | MICHAELIDES (cyprus) | MIHAILIDIS ;; Μιχαηλίδου : MICHAILIDOU
    | MICHAELIDOU (cyprus)
Ζέρβας : ZERVAS ;; Ζέρβα : ZERVA
Αναγνωστόπουλος : ANAGNOSTOPOULOS ;; Αναγνωστοπούλου : ANAGNOSTOPOULOU
Χατζηδάκης : CHATZIDAKIS | HATZIDAKIS | HADJIDAKIS ;; Χατζηδάκη : CHATZIDAKI | HATZIDAKI | HADJIDAKI
Σταυρόπουλος : STAVROPOULOS ;; Σταυροπούλου : STAVROPOULOU
Μπούρας : BOURAS | MPOURAS ;; Μπούρα : BOURA | MPOURA
Χαραλάμπους : CHARALAMPOUS | CHARALAMBOUS (cyprus) | HARALAMBOUS
Ευαγγέλου : EVANGELOU | EVAGGELOU
Λαμπράκης : LAMPRAKIS | LAMBRAKIS ;; Λαμπράκη : LAMPRAKI | LAMBRAKI
"""

# --------------------------------------------------------------------------- Chinese
# native "simplified/traditional"; forms[0] Hanyu Pinyin (PRC passports).

_CHINESE_SURNAMES = """
王 : WANG | WANG (wade-giles) | WONG (cantonese) | ONG (hokkien)
李 : LI | LEE (wade-giles cantonese hokkien)
张/張 : ZHANG | CHANG (wade-giles) | CHEUNG (cantonese) | TEO (hokkien)
刘/劉 : LIU | LIU (wade-giles) | LAU (cantonese hokkien)
陈/陳 : CHEN | CHEN (wade-giles) | CHAN (cantonese) | TAN (hokkien)
杨/楊 : YANG | YANG (wade-giles) | YEUNG (cantonese) | YEO (hokkien)
黄/黃 : HUANG | HUANG (wade-giles) | WONG (cantonese) | NG (hokkien)
赵/趙 : ZHAO | CHAO (wade-giles) | CHIU (cantonese)
吴/吳 : WU | WU (wade-giles) | NG (cantonese) | GOH (hokkien)
周 : ZHOU | CHOU (wade-giles) | CHOW (cantonese) | CHEW (hokkien)
徐 : XU | HSU (wade-giles) | TSUI (cantonese)
孙/孫 : SUN | SUN (wade-giles) | SUEN (cantonese)
马/馬 : MA | MA (wade-giles cantonese)
朱 : ZHU | CHU (wade-giles cantonese)
胡 : HU | HU (wade-giles) | WU (cantonese)
郭 : GUO | KUO (wade-giles) | KWOK (cantonese)
何 : HE | HO (wade-giles cantonese)
林 : LIN | LIN (wade-giles) | LAM (cantonese) | LIM (hokkien)
高 : GAO | KAO (wade-giles) | KO (cantonese)
罗/羅 : LUO | LO (wade-giles) | LAW (cantonese)
郑/鄭 : ZHENG | CHENG (wade-giles cantonese) | TAY (hokkien)
梁 : LIANG | LIANG (wade-giles) | LEUNG (cantonese)
谢/謝 : XIE | HSIEH (wade-giles) | TSE (cantonese) | CHIA (hokkien)
宋 : SONG | SUNG (wade-giles cantonese)
唐 : TANG | TANG (wade-giles) | TONG (cantonese)
许/許 : XU | HSU (wade-giles) | HUI (cantonese) | KOH (hokkien)
邓/鄧 : DENG | TENG (wade-giles) | TANG (cantonese)
冯/馮 : FENG | FENG (wade-giles) | FUNG (cantonese)
曹 : CAO | TSAO (wade-giles) | TSO (cantonese)
彭 : PENG | PENG (wade-giles) | PANG (cantonese)
曾 : ZENG | TSENG (wade-giles) | TSANG (cantonese)
蔡 : CAI | TSAI (wade-giles) | CHOI (cantonese) | CHUA (hokkien)
潘 : PAN | PAN (wade-giles) | POON (cantonese)
"""

_CHINESE_MALE = """
伟/偉 : WEI | WEI (wade-giles) | WAI (cantonese)
强/強 : QIANG | CHIANG (wade-giles) | KEUNG (cantonese)
磊 : LEI | LEI (wade-giles) | LUI (cantonese)
军/軍 : JUN | CHUN (wade-giles) | KWAN (cantonese)
勇 : YONG | YUNG (wade-giles cantonese)
杰/傑 : JIE | CHIEH (wade-giles) | KIT (cantonese)
涛/濤 : TAO | TAO (wade-giles) | TO (cantonese)
明 : MING | MING (wade-giles cantonese)
超 : CHAO | CHAO (wade-giles) | CHIU (cantonese)
刚/剛 : GANG | KANG (wade-giles) | KONG (cantonese)
志强/志強 : ZHIQIANG | ZHI QIANG (pinyin-split) | CHIH-CHIANG (wade-giles) | CHI KEUNG (cantonese)
国强/國強 : GUOQIANG | GUO QIANG (pinyin-split) | KUO-CHIANG (wade-giles) | KWOK KEUNG (cantonese)
建华/建華 : JIANHUA | JIAN HUA (pinyin-split) | CHIEN-HUA (wade-giles) | KIN WAH (cantonese)
晓明/曉明 : XIAOMING | XIAO MING (pinyin-split) | HSIAO-MING (wade-giles) | HIU MING (cantonese)
俊杰/俊傑 : JUNJIE | JUN JIE (pinyin-split) | CHUN-CHIEH (wade-giles) | CHUN KIT (cantonese)
家豪 : JIAHAO | JIA HAO (pinyin-split) | CHIA-HAO (wade-giles) | KA HO (cantonese)
子轩/子軒 : ZIXUAN | ZI XUAN (pinyin-split) | TZU-HSUAN (wade-giles) | TSZ HIN (cantonese)
浩然 : HAORAN | HAO RAN (pinyin-split) | HAO-JAN (wade-giles) | HO YIN (cantonese)
永康 : YONGKANG | YONG KANG (pinyin-split) | YUNG-KANG (wade-giles) | WING HONG (cantonese)
"""

_CHINESE_FEMALE = """
芳 : FANG | FANG (wade-giles) | FONG (cantonese)
娜 : NA | NA (wade-giles cantonese)
敏 : MIN | MIN (wade-giles) | MAN (cantonese)
静/靜 : JING | CHING (wade-giles cantonese)
丽/麗 : LI | LI (wade-giles) | LAI (cantonese)
艳/艷 : YAN | YEN (wade-giles) | YIM (cantonese)
娟 : JUAN | CHUAN (wade-giles) | KUEN (cantonese)
霞 : XIA | HSIA (wade-giles) | HA (cantonese)
秀英 : XIUYING | XIU YING (pinyin-split) | HSIU-YING (wade-giles) | SAU YING (cantonese)
秀兰/秀蘭 : XIULAN | XIU LAN (pinyin-split) | HSIU-LAN (wade-giles) | SAU LAN (cantonese)
桂英 : GUIYING | GUI YING (pinyin-split) | KUEI-YING (wade-giles) | KWAI YING (cantonese)
海燕 : HAIYAN | HAI YAN (pinyin-split) | HAI-YEN (wade-giles) | HOI YIN (cantonese)
美玲 : MEILING | MEI LING (pinyin-split) | MEI-LING (wade-giles cantonese)
淑芬 : SHUFEN | SHU FEN (pinyin-split) | SHU-FEN (wade-giles) | SUK FAN (cantonese)
玉兰/玉蘭 : YULAN | YU LAN (pinyin-split) | YU-LAN (wade-giles) | YUK LAN (cantonese)
丽华/麗華 : LIHUA | LI HUA (pinyin-split) | LI-HUA (wade-giles) | LAI WAH (cantonese)
雅婷 : YATING | YA TING (pinyin-split) | YA-TING (wade-giles) | NGA TING (cantonese)
"""

_CHINESE_UNISEX = """
文 : WEN | WEN (wade-giles) | MAN (cantonese)
平 : PING | PING (wade-giles cantonese)
华/華 : HUA | HUA (wade-giles) | WAH (cantonese)
子涵 : ZIHAN | ZI HAN (pinyin-split) | TZU-HAN (wade-giles) | TSZ HAM (cantonese)
晨 : CHEN | CHEN (wade-giles) | SAN (cantonese)
"""

# --------------------------------------------------------------------------- Korean
# forms[0] is the usual passport spelling; rr Revised Romanization, mr McCune-Reischauer.

_KOREAN_SURNAMES = """
김 : KIM | GIM (rr) | KIM (mr)
이 : LEE | I (rr) | YI | RHEE | RI (mr)
박 : PARK | BAK (rr) | PAK (mr)
최 : CHOI | CHOE (rr mr)
정 : JUNG | JEONG (rr) | CHUNG | CHONG (mr)
강 : KANG | GANG (rr) | KANG (mr)
조 : CHO | JO (rr) | CHO (mr)
윤 : YOON | YUN (rr mr)
장 : JANG | JANG (rr) | CHANG (mr)
임 : LIM | IM (rr) | YIM
한 : HAN
오 : OH | O (rr mr)
서 : SEO | SUH | SO (mr)
신 : SHIN | SIN (rr mr)
권 : KWON | GWON (rr) | KWON (mr)
황 : HWANG
송 : SONG
홍 : HONG
전 : JEON | JUN | CHUN | CHON (mr)
"""

_KOREAN_MALE = """
민준 : MINJUN | MIN-JUN | MIN JUN
지훈 : JIHOON | JI-HOON | JIHUN (rr) | CHI-HUN (mr)
현우 : HYUNWOO | HYUN-WOO | HYEONU (rr) | HYON-U (mr)
영호 : YOUNGHO | YOUNG-HO | YEONGHO (rr) | YONG-HO (mr)
성민 : SUNGMIN | SUNG-MIN | SEONGMIN (rr) | SONG-MIN (mr)
동현 : DONGHYUN | DONG-HYUN | DONGHYEON (rr) | TONG-HYON (mr)
정호 : JUNGHO | JUNG-HO | JEONGHO (rr) | CHONG-HO (mr)
상우 : SANGWOO | SANG-WOO | SANGU (rr) | SANG-U (mr)
준호 : JUNHO | JUN-HO | CHUN-HO (mr)
태양 : TAEYANG | TAE-YANG | T'AE-YANG (mr)
"""

_KOREAN_FEMALE = """
서연 : SEOYEON | SEO-YEON | SOYON (mr) | SO-YON (mr)
수진 : SUJIN | SU-JIN | SOO-JIN | SOOJIN
미경 : MIKYUNG | MI-KYUNG | MIGYEONG (rr) | MI-KYONG (mr)
혜진 : HYEJIN | HYE-JIN | HYE JIN
은지 : EUNJI | EUN-JI | UNJI (mr)
지영 : JIYOUNG | JI-YOUNG | JIYEONG (rr) | CHI-YONG (mr)
민지 : MINJI | MIN-JI
하은 : HAEUN | HA-EUN | HA-UN (mr)
"""

_KOREAN_UNISEX = """
지원 : JIWON | JI-WON | CHI-WON (mr)
유진 : YUJIN | YU-JIN | YOO-JIN | YOOJIN
지민 : JIMIN | JI-MIN | CHI-MIN (mr)
"""

# --------------------------------------------------------------------------- Japanese
# forms[0] is passport Hepburn; "oh" the long-vowel spelling allowed on request.

_JAPANESE_SURNAMES = """
佐藤 : SATO | SATOH (oh) | SATOU (wapuro)
鈴木 : SUZUKI
高橋 : TAKAHASHI
田中 : TANAKA
伊藤 : ITO | ITOH (oh) | ITOU (wapuro)
渡辺 : WATANABE
山本 : YAMAMOTO
中村 : NAKAMURA
小林 : KOBAYASHI
加藤 : KATO | KATOH (oh) | KATOU (wapuro)
大野 : ONO | OHNO (oh) | OONO (wapuro)
工藤 : KUDO | KUDOH (oh) | KUDOU (wapuro)
斎藤 : SAITO | SAITOH (oh) | SAITOU (wapuro)
後藤 : GOTO | GOTOH (oh) | GOTOU (wapuro)
近藤 : KONDO | KONDOH (oh) | KONDOU (wapuro)
遠藤 : ENDO | ENDOH (oh) | ENDOU (wapuro)
太田 : OTA | OHTA (oh) | OOTA (wapuro)
大橋 : OHASHI | OOHASHI (wapuro)
"""

_JAPANESE_MALE = """
翔太 : SHOTA | SHOHTA (oh) | SHOUTA (wapuro)
大輔 : DAISUKE
健一 : KENICHI | KEN-ICHI | KEN'ICHI
純一 : JUNICHI | JUN-ICHI | JUN'ICHI
浩二 : KOJI | KOHJI (oh) | KOUJI (wapuro)
亮 : RYO | RYOH (oh) | RYOU (wapuro)
修 : OSAMU
拓也 : TAKUYA
博 : HIROSHI
雄一 : YUICHI | YUUICHI (wapuro)
翔 : SHO | SHOH (oh) | SHOU (wapuro)
"""

_JAPANESE_FEMALE = """
裕子 : YUKO | YUUKO (wapuro)
恵子 : KEIKO
洋子 : YOKO | YOHKO (oh) | YOUKO (wapuro)
順子 : JUNKO
美咲 : MISAKI
陽子 : YOKO | YOHKO (oh) | YOUKO (wapuro)
由美 : YUMI
さくら : SAKURA
恭子 : KYOKO | KYOHKO (oh) | KYOUKO (wapuro)
"""

_JAPANESE_UNISEX = """
光 : HIKARU
薫 : KAORU
誠 : MAKOTO
千尋 : CHIHIRO
真澄 : MASUMI
"""

# --------------------------------------------------------------------------- Latin script
# Natives with diacritics; forms are computed (see latin_names). "A ;; B" is a gendered
# surname (male ;; female).

_GERMAN_MALE = """
Hans, Peter, Klaus, Jürgen, Jörg, Günther, Uwe, Dieter, Wolfgang, Michael, Thomas
Andreas, Stefan, Markus, Frank, Bernd, Ralf, Karl-Heinz, Hans-Peter, Björn, Sören
Lukas, Jonas, Felix, Maximilian, Tobias, Rüdiger, Florian
"""
_GERMAN_FEMALE = """
Ursula, Monika, Petra, Sabine, Katharina, Julia, Anna, Lena, Leonie, Bärbel, Käthe
Jördis, Renate, Brigitte, Gisela, Hannelore, Ingeborg, Susanne, Claudia, Birgit
Anne-Marie, Marie-Luise, Sophie, Lea
"""
_GERMAN_UNISEX = "Kim, Eike, Toni, Luca"
_GERMAN_SURNAMES = """
Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann
Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann
Braun, Krüger, Hartmann, Lange, Werner, Krause, Lehmann, Köhler, Herrmann, König
Huber, Kaiser, Fuchs, Möller, Weiß, Jäger, Groß, Böhm, Krämer, Kühn, Götz, Gärtner
Löffler, Münch, Hölzl, Schmitt, Vogel, Keller, Günther, Seidel, Jünger
"""

_TURKISH_MALE = """
Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, İsmail, Osman, Yusuf, Murat
Ömer, Ramazan, Halil, Süleyman, Abdullah, Mahmut, Salih, Kemal, Emre, Burak, Gökhan
Çağlar, Uğur, Oğuz, Şükrü, Tuğrul, Erdal, Serkan, Cengiz
"""
_TURKISH_FEMALE = """
Fatma, Ayşe, Emine, Hatice, Zeynep, Elif, Meryem, Şerife, Sultan, Hacer, Hanife
Özlem, Gülşen, Tuğba, Büşra, Esra, Şeyma, Dilek, Gül, Nurcan, Sevgi, Yasemin, Çiğdem
"""
_TURKISH_UNISEX = "Deniz, Evren, Ümit, Devrim"
_TURKISH_SURNAMES = """
Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan
Doğan, Kılıç, Aslan, Çetin, Kara, Koç, Kurt, Özkan, Şimşek, Polat, Özcan, Korkmaz
Çakır, Yavuz, Acar, Şen, Aktaş, Güler, Yalçın, Güneş, Bozkurt, Bulut, Keskin, Ünal
Turan, Özer, Işık, Kaplan, Avcı, Tekin, Köse, Yüksel, Ateş, Aksoy, Karagöz, Gündüz
"""

_VIETNAMESE_SURNAMES = """
Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô
Dương, Lý, Đinh, Trịnh, Lương, Mai, Lâm, Đoàn, Cao, Tạ
"""
_VIETNAMESE_MIDDLE_MALE = "Văn, Đức, Minh, Quang, Hữu, Công, Xuân, Trọng, Quốc, Thành"
_VIETNAMESE_MIDDLE_FEMALE = "Thị, Ngọc, Thu, Thanh, Hồng, Kim, Bảo, Mỹ, Thúy"
_VIETNAMESE_MALE = """
Đức, Hùng, Tuấn, Hải, Dũng, Long, Thành, Phước, Nam, Cường, Kiên, Lâm, Phong, Quân
Huy, Tùng, Sơn, Thắng, Hiếu, Trung, Vinh, Khoa, Tâm, Đạt
"""
_VIETNAMESE_FEMALE = """
Hương, Lan, Mai, Hoa, Hà, Phương, Thảo, Trang, Huyền, Ngân, Hằng, Châu, Nga, Loan
Nhung, Yến, Vy, Dung, Hạnh, Oanh, Tuyết, Liên
"""
_VIETNAMESE_UNISEX = "Anh, Khánh, Linh, An"

_POLISH_MALE = """
Łukasz, Paweł, Michał, Wojciech, Krzysztof, Grzegorz, Tomasz, Piotr, Jan, Andrzej
Marcin, Jakub, Mateusz, Bartłomiej, Przemysław, Zbigniew, Jędrzej, Mirosław
Jarosław, Stanisław, Bronisław, Wiesław, Józef, Kazimierz, Tadeusz
"""
_POLISH_FEMALE = """
Małgorzata, Agnieszka, Katarzyna, Anna, Maria, Barbara, Ewa, Krystyna, Elżbieta
Zofia, Joanna, Magdalena, Grażyna, Jolanta, Urszula, Bożena, Żaneta, Beata, Dorota
Halina, Stanisława, Jarosława, Mirosława, Bronisława, Wiesława
"""
_POLISH_SURNAMES = """
Nowak, Kowalski ;; Kowalska, Wiśniewski ;; Wiśniewska, Wójcik, Kowalczyk
Kamiński ;; Kamińska, Lewandowski ;; Lewandowska, Zieliński ;; Zielińska
Szymański ;; Szymańska, Woźniak, Dąbrowski ;; Dąbrowska, Kozłowski ;; Kozłowska
Jankowski ;; Jankowska, Mazur, Wojciechowski ;; Wojciechowska, Krawczyk, Kaczmarek
Kwiatkowski ;; Kwiatkowska, Piotrowski ;; Piotrowska, Grabowski ;; Grabowska, Zając
Pawłowski ;; Pawłowska, Michalski ;; Michalska, Król, Wieczorek, Wróbel
Jabłoński ;; Jabłońska, Stępień, Przybylski ;; Przybylska, Ślusarczyk, Żak
Żukowski ;; Żukowska, Górski ;; Górska, Sikora, Szewczyk, Błaszczyk
"""

_CZECH_MALE = """
Jiří, Jan, Petr, Josef, Pavel, Martin, Tomáš, Jaroslav, Miroslav, Zdeněk, Václav
Michal, František, Jakub, Lukáš, Ondřej, Daniel
"""
_CZECH_FEMALE = """
Marie, Jana, Eva, Hana, Anna, Lenka, Kateřina, Věra, Lucie, Alena, Petra, Veronika
Jaroslava, Martina, Tereza, Michaela, Zdeňka, Markéta, Barbora, Daniela, Pavla
"""
_CZECH_SURNAMES = """
Novák ;; Nováková, Svoboda ;; Svobodová, Novotný ;; Novotná, Dvořák ;; Dvořáková
Černý ;; Černá, Procházka ;; Procházková, Kučera ;; Kučerová, Veselý ;; Veselá
Horák ;; Horáková, Němec ;; Němcová, Pokorný ;; Pokorná, Pospíšil ;; Pospíšilová
Hájek ;; Hájková, Jelínek ;; Jelínková, Král ;; Králová, Růžička ;; Růžičková
Beneš ;; Benešová, Sedláček ;; Sedláčková, Doležal ;; Doležalová, Kolář ;; Kolářová
Čermák ;; Čermáková, Navrátil ;; Navrátilová
"""

_HUNGARIAN_MALE = """
László, István, József, János, Zoltán, Sándor, Gábor, Ferenc, Attila, Péter, Tamás
Zsolt, Tibor, András, Csaba, Imre, Lajos, György, Balázs, Győző
"""
_HUNGARIAN_FEMALE = """
Mária, Erzsébet, Katalin, Éva, Ilona, Anna, Zsuzsanna, Margit, Judit, Ágnes, Erika
Krisztina, Orsolya, Enikő, Tünde, Ildikó
"""
_HUNGARIAN_SURNAMES = """
Nagy, Kovács, Tóth, Szabó, Horváth, Varga, Kiss, Molnár, Németh, Farkas, Balogh
Papp, Takács, Juhász, Lakatos, Mészáros, Oláh, Rácz, Fekete, Szilágyi, Török, Fehér
Gál, Szűcs, Kocsis, Fodor, Bíró, Király, Katona, Hegedűs, Vörös, Lengyel, Szőke
"""

_ROMANIAN_MALE = """
Ion, Gheorghe, Vasile, Constantin, Ioan, Mihai, Alexandru, Andrei, Ștefan, Florin
Marius, Bogdan, Cristian, Adrian, Ionuț, Răzvan, Cătălin, Mircea, Dumitru, Nicolae
"""
_ROMANIAN_FEMALE = """
Maria, Elena, Ioana, Ana, Mihaela, Andreea, Cristina, Alexandra, Gabriela, Daniela
Florentina, Ramona, Georgiana, Ștefania, Loredana, Roxana, Denisa, Larisa, Alina
"""
_ROMANIAN_SURNAMES = """
Popescu, Popa, Pop, Radu, Ionescu, Dumitru, Stoica, Stan, Gheorghe, Rusu, Munteanu
Matei, Constantin, Șerban, Moldovan, Marin, Ciobanu, Lungu, Ștefan, Tudor, Barbu
Neagu, Dinu, Ene, Toma, Mocanu, Cristea, Florea, Diaconu, Bălan, Nistor, Tănase
Țurcanu, Căpraru, Vlăduț
"""

_SWEDISH_MALE = """
Björn, Åke, Göran, Håkan, Lars, Anders, Johan, Per, Nils, Erik, Mattias, Fredrik
Olof, Jörgen, Sören, Måns, Pär
"""
_SWEDISH_FEMALE = """
Åsa, Märta, Birgitta, Ingrid, Karin, Linnéa, Malin, Sofia, Annika, Kristina, Eva
Britt-Marie, Anna-Karin, Maja, Ebba, Elin, Sofie
"""
_SWEDISH_SURNAMES = """
Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsson, Olsson, Persson
Svensson, Gustafsson, Pettersson, Jönsson, Lindström, Lindqvist, Lindgren
Bergström, Lundberg, Sjöberg, Engström, Håkansson, Björk, Löfgren, Söderberg
Nyström, Mårtensson, Björklund, Pålsson, Åberg, Öberg, Åström, Öhman, Ångström
"""

_DANISH_NORWEGIAN_MALE = """
Søren, Jørgen, Bjørn, Jens, Niels, Lars, Morten, Rasmus, Henrik, Ole, Knut
Øyvind, Ståle, Pål, Håvard, Mads, Anders, Tor
"""
_DANISH_NORWEGIAN_FEMALE = """
Åse, Ingrid, Kirsten, Mette, Hanne, Lene, Sidsel, Solveig, Ragnhild, Bodil, Tove
Marit, Kjersti, Siv, Sigrid, Inger, Bjørg, Gry
"""
_DANISH_NORWEGIAN_SURNAMES = """
Sørensen, Jørgensen, Nielsen, Jensen, Hansen, Pedersen, Andersen, Christensen
Larsen, Rasmussen, Johansen, Olsen, Kristiansen, Thomsen, Madsen, Møller
Kjærsgaard, Østergaard, Søndergaard, Nørgaard, Bjørnstad, Haugen, Halvorsen
Bakke, Strøm, Sæther, Haaland, Aasen, Løvaas, Ødegård, Kjær, Brøndum
"""

_ICELANDIC_MALE = """
Sigurður, Guðmundur, Jón, Gunnar, Ólafur, Einar, Þórður, Björn, Magnús, Kristján
Ragnar, Þorsteinn
"""
_ICELANDIC_FEMALE = """
Guðrún, Anna, Kristín, Sigríður, Margrét, Helga, Jóhanna, Þórunn, Ásta, Halldóra
Ragnheiður, Bryndís
"""
_ICELANDIC_SURNAMES = """
Sigurðsson ;; Sigurðardóttir, Guðmundsson ;; Guðmundsdóttir, Jónsson ;; Jónsdóttir
Gunnarsson ;; Gunnarsdóttir, Ólafsson ;; Ólafsdóttir, Einarsson ;; Einarsdóttir
Þórðarson ;; Þórðardóttir, Magnússon ;; Magnúsdóttir, Kristjánsson ;; Kristjánsdóttir
"""

_FRENCH_MALE = """
Jean, Pierre, Michel, André, Philippe, René, Louis, Alain, Jacques, Bernard
François, Nicolas, Jérôme, Benoît, Loïc, Gaël, Jean-Pierre, Jean-Luc, Jean-François
Noël, Cédric, Théo, Clément, Sébastien, Stéphane, Frédéric, Hervé, Grégoire
"""
_FRENCH_FEMALE = """
Marie, Nathalie, Isabelle, Sylvie, Catherine, Françoise, Hélène, Chloé, Zoé
Gaëlle, Anaïs, Thérèse, Béatrice, Céline, Aurélie, Émilie, Mélanie, Valérie
Marie-Claire, Anne-Sophie, Marie-Hélène, Noémie, Joséphine, Léa, Michèle, Simone
"""
_FRENCH_UNISEX = "Dominique, Claude, Camille, Sacha, Charlie, Alix"
_FRENCH_SURNAMES = """
Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau
Simon, Laurent, Lefèvre, Lefebvre, Michel, David, Bertrand, Roux, Vincent, Fournier
Morel, Girard, Mercier, Dupont, Lambert, Bonnet, Legrand, Garnier, Faure, Rousseau
Guérin, Gérard, Rivière, Maréchal, Ménard, Hébert, Lemaître, Bénard, Pagès, Rémy
Clément, Chevalier, Lacroix, Boucher, Féraud
"""

_SPANISH_MALE = """
José, Juan, Francisco, Antonio, Manuel, Jesús, Javier, Carlos, Miguel, Alejandro
Rafael, Fernando, Pablo, Sergio, Jorge, Luis, Alberto, Ángel, Ramón, Andrés, Íñigo
Joaquín, Óscar, Rubén, Víctor, Adrián
"""
_SPANISH_FEMALE = """
María, Carmen, Josefa, Isabel, Ana, Laura, Cristina, Marta, Lucía, Elena, Pilar
Dolores, Rosa, Begoña, Inmaculada, Montserrat, Rocío, Sofía, Ángeles, Nuria, Raquel
"""
_SPANISH_SURNAMES = """
García, Rodríguez, González, Fernández, López, Martínez, Sánchez, Pérez, Gómez
Martín, Jiménez, Ruiz, Hernández, Díaz, Moreno, Muñoz, Álvarez, Romero, Alonso
Gutiérrez, Navarro, Torres, Domínguez, Vázquez, Ramos, Gil, Ramírez, Serrano, Blanco
Molina, Morales, Suárez, Ortega, Delgado, Castro, Ortiz, Rubio, Marín, Sanz, Núñez
Iglesias, Medina, Garrido, Cortés, Castillo, Lozano, Guerrero, Méndez, Peña, Ibáñez
Benítez, Cabrera, Vega, Fuentes, Carrasco, Herrera, Márquez, Aguilar
"""

_PORTUGUESE_MALE = """
João, José, António, Francisco, Carlos, Paulo, Pedro, Luís, Manuel, Miguel, Rafael
Lucas, Gabriel, Mateus, Sebastião, Gonçalo, Estêvão, Rodrigo, Tiago, Fábio, Vítor
"""
_PORTUGUESE_FEMALE = """
Maria, Ana, Francisca, Antónia, Adriana, Juliana, Márcia, Fernanda, Patrícia, Aline
Conceição, Inês, Beatriz, Letícia, Gabriela, Luísa, Cláudia, Sônia, Fátima
"""
_PORTUGUESE_SURNAMES = """
Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Jesus, Sousa
Fernandes, Gonçalves, Gomes, Lopes, Marques, Alves, Almeida, Ribeiro, Pinto
Carvalho, Teixeira, Moreira, Correia, Mendes, Nunes, Soares, Vieira, Monteiro
Cardoso, Rocha, Neves, Coelho, Cunha, Pires, Reis, Simões, Antunes, Matos, Fonseca
Magalhães, Brandão, Conceição, Araújo, Guimarães, Assunção, Damião
"""

_ITALIAN_MALE = """
Giuseppe, Giovanni, Antonio, Mario, Luigi, Francesco, Angelo, Vincenzo, Pietro
Salvatore, Carlo, Franco, Domenico, Bruno, Paolo, Giorgio, Alessandro, Lorenzo
Matteo, Niccolò, Gianluca
"""
_ITALIAN_FEMALE = """
Maria, Anna, Giuseppina, Rosa, Angela, Giovanna, Teresa, Lucia, Carmela, Caterina
Francesca, Antonietta, Chiara, Giulia, Elena, Paola, Alessandra, Federica
"""
# Male in Italy; the same spelling is a woman's name in most of Europe.
_ITALIAN_UNISEX = "Andrea, Simone, Nicola, Michele"
_ITALIAN_SURNAMES = """
Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco
Bruno, Gallo, Conti, Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti, Barbieri
Fontana, Santoro, Mariani, Rinaldi, Caruso, Ferrara, Galli, Martini, Leone, Longo
Gentile, Martinelli, Vitale, Serra, Coppola, Fabbri, Villa, Cattaneo, Parisi, Sala
"""

# --------------------------------------------------------------------------- romanised only

_ENGLISH_MALE = """
JOHN, JAMES, ROBERT, MICHAEL, WILLIAM, DAVID, RICHARD, THOMAS, CHARLES, DANIEL
MATTHEW, ANTHONY, MARK, PAUL, ANDREW, JOSHUA, KEVIN, GEORGE, EDWARD, RYAN, JASON
GARY, TIMOTHY, PATRICK, PETER
STEVEN | STEPHEN
BRIAN | BRYAN
NEIL | NEAL
GRAHAM | GRAHAME
SEAN | SHAUN | SHAWN
"""
_ENGLISH_FEMALE = """
MARY, PATRICIA, JENNIFER, LINDA, ELIZABETH, BARBARA, SUSAN, JESSICA, KAREN, NANCY
LISA, MARGARET, SANDRA, EMILY, DONNA, MICHELLE, AMANDA, MELISSA, REBECCA, LAURA
HELEN, EMMA, JACQUELINE, ELEANOR, SIOBHAN, NIAMH
SARAH | SARA
CAROL | CAROLE
CLAIRE | CLARE
CATHERINE | KATHERINE | KATHRYN
MARY-JANE | MARY JANE | MARYJANE
"""
_ENGLISH_UNISEX = """
ALEX, JORDAN, TAYLOR, ROBIN, JAMIE, CASEY, MORGAN, RILEY, KELLY, SHANNON, AVERY
LESLIE | LESLEY
"""
_ENGLISH_SURNAMES = """
SMITH, JOHNSON, WILLIAMS, BROWN, JONES, MILLER, DAVIS, WILSON, ANDERSON, TAYLOR
THOMAS, MOORE, JACKSON, WHITE, HARRIS, THOMPSON, CLARK, LEWIS, ROBINSON, WALKER
HALL, YOUNG, KING, WRIGHT, HUGHES, EVANS, ROBERTS, GREEN, BAKER, CARTER, MITCHELL
TURNER, PHILLIPS, CAMPBELL, PARKER, EDWARDS, COLLINS, STEWART, MORRIS, MURPHY, COOK
O'NEILL | ONEILL
O'BRIEN | OBRIEN
O'CONNOR | OCONNOR
O'SULLIVAN | OSULLIVAN
O'REILLY | OREILLY
MCDONALD
MCKENZIE
MACLEOD
FITZGERALD
HAMILTON-BROWN
SMITH-JONES
"""

_FILIPINO_MALE = """
JUAN, JOSE, RICARDO, ANTONIO, EDUARDO, ROMMEL, JERICHO, RODRIGO, ARNEL, JOEL
REYNALDO, ROLANDO, DANILO, ERNESTO, JOMAR
JOHN PAUL | JOHN-PAUL | JOHNPAUL
MARK ANTHONY | MARK-ANTHONY | MARKANTHONY
"""
_FILIPINO_FEMALE = """
MARICEL, ROWENA, JOCELYN, LIZA, ANALYN, MARIBEL, JOSEPHINE, LEONORA, MYLENE, RIZA
MARIA CRISTINA | MA. CRISTINA | MA CRISTINA
MARIA THERESA | MA. THERESA | MA THERESA
MARY GRACE | MARYGRACE
KRISTINE | CHRISTINE
"""
_FILIPINO_SURNAMES = """
SANTOS, REYES, BAUTISTA, GARCIA, MENDOZA, VILLANUEVA, RAMOS, CASTILLO, FLORES
TORRES, MANALO, SALVADOR, CRUZ, GONZALES, AQUINO, PASCUAL, SORIANO, DIZON, MAGBANUA
MACARAEG, DIMAANO, NAVARRO, TOLENTINO, CAPUNO
DELA CRUZ | DE LA CRUZ | DELACRUZ
DE LEON | DELEON
DELOS SANTOS | DE LOS SANTOS | DELOSSANTOS
DELOS REYES | DE LOS REYES | DELOSREYES
"""

_DUTCH_MALE = """
JAN, PIETER, HENDRIK, JOHANNES, CORNELIS, WILLEM, GERRIT, DIRK, JOOST, BART, RUUD
SANDER, DAAN, SEM, JEROEN, MAARTEN, THIJS, LUUK, GIJS, NIELS
"""
_DUTCH_FEMALE = """
MARIA, JOHANNA, CORNELIA, ANNA, WILHELMINA, HENDRIKA, ELISABETH, SANNE, FLEUR, LOTTE
EVA, ANOUK, MARIEKE, INGE, ESTHER, IRIS, FEMKE, MAAIKE
"""
_DUTCH_SURNAMES = """
JANSEN, BAKKER, JANSSEN, VISSER, SMIT, MULDER, BOS, VOS, PETERS, HENDRIKS, DEKKER
BROUWER, DIJKSTRA, SMITS, KOK, JACOBS, VERMEULEN, SCHOUTEN, WILLEMS, HOEKSTRA, MAAS
VERHOEVEN, KOSTER, PRINS, BLOM, HUISMAN
DE JONG | DEJONG
DE VRIES | DEVRIES
VAN DEN BERG | VANDENBERG
VAN DIJK | VAN DYK | VANDIJK
MEIJER | MEYER
DE BOER | DEBOER
DE GROOT | DEGROOT
VAN LEEUWEN | VANLEEUWEN
DE WIT | DEWIT
DE GRAAF | DEGRAAF
VAN DER MEER | VANDERMEER
VAN DER LINDEN | VANDERLINDEN
DE HAAN | DEHAAN
VAN DEN HEUVEL | VANDENHEUVEL
VAN DER VEEN | VANDERVEEN
DE BRUIJN | DE BRUYN | DEBRUIJN
VAN BEEK | VANBEEK
TER HAAR | TERHAAR
"""

_HEBREW_MALE = """
DAVID, MOSHE, NOAM, DANIEL, ELAD, ORI, AMIR
YOSEF | YOSSEF | JOSEF
AVRAHAM | ABRAHAM
YITZHAK | ITZHAK | YITSHAK
ITAY | ITAI
EITAN | ETAN
"""
_HEBREW_FEMALE = """
TAMAR, MICHAL, NOA, SHIRA, EFRAT, HILA, MAYA
SARA | SARAH
RACHEL | RAHEL
YAEL | JAEL
RIVKA | RIVKAH
ORLY | ORLI
"""
_HEBREW_UNISEX = """
YUVAL, TAL, AMIT, LIOR, GAL, ADI, ROTEM, ARIEL
SHAI | SHAY
OFIR | OPHIR
"""
_HEBREW_SURNAMES = """
DAHAN, AVRAHAM, MALKA, AMAR, OHAYON
COHEN | KOHEN
LEVI | LEVY
MIZRAHI | MIZRACHI
PERETZ | PERETS
BITON | BITTON
FRIEDMAN | FRIEDMANN
SHAPIRO | SHAPIRA
AZOULAY | AZULAI | AZULAY
KATZ | KATS
GABAY | GABBAI
BEN DAVID | BEN-DAVID | BENDAVID
BEN AMI | BEN-AMI | BENAMI
"""

# Malay names have no family name: "<given> BIN/BINTI <father's given name>".
_MALAY_MALE = """
AHMAD, AZMAN, AMIRUL, IZZAT, ISMAIL, IBRAHIM, ZAINAL, ROSLAN, HAKIMI, SHAFIQ
MUHAMMAD | MUHAMAD | MOHAMAD | MOHAMMAD | MOHAMED | MOHD (abbreviation)
ABDUL RAHMAN | ABD RAHMAN (abbreviation) | ABDULRAHMAN
ZULKIFLI | ZULKIFLEE
KAMARUDDIN | KAMARUDIN
HAFIZ | HAFEEZ
FAIZAL | FAISAL
RIDZUAN | RIDHWAN | RIDWAN
SYAHRUL | SHAHRUL
HAKIM | HAKEEM
HASSAN | HASAN
YUSOF | YUSOFF | YUSUF
OTHMAN | OSMAN
OMAR | UMAR
FAUZI | FAWZI
"""
_MALAY_FEMALE = """
SITI, NURUL, FARAH, ROSNAH, ZAINAB, MASTURA, ROHANI, NADIRAH, SYAZWANI
NUR | NOOR | NOR
AISYAH | AISHAH | AISHA
NORAINI | NOR AINI
ZURAIDAH | ZURAIDA
SALMAH | SALMA
HALIMAH | HALIMA
FATIMAH | FATIMA
AMINAH | AMINA
NURHAYATI | NUR HAYATI
SHARIFAH | SYARIFAH
"""

# Indonesian: forms[0] modern spelling (EYD), "ejaan-lama" the pre-1972/1947 spelling.
# Attributes m / f: a last name used only for men / women.
_INDONESIAN_MALE = """
BUDI, AGUS, EKO, BAMBANG, HENDRA, ADI, ANDI, IWAN, HERU, TEGUH, DWI, AHMAD, RIZKY
JOKO | DJOKO (ejaan-lama)
ARIF | ARIEF
RUDI | RUDY
DEDI | DEDY
YUSUF | JOESOEF (ejaan-lama) | YUSUP
WAHYU | WAHJU (ejaan-lama) | WAHJOE (ejaan-lama)
SUSILO | SOESILO (ejaan-lama)
HARYANTO | HARJANTO (ejaan-lama)
SURYADI | SOERJADI (ejaan-lama)
CAHYONO | TJAHJONO (ejaan-lama)
NUGROHO | NOEGROHO (ejaan-lama)
PRASETYO | PRASETIJO (ejaan-lama) | PRASETIO
SUTRISNO | SOETRISNO (ejaan-lama)
SUBAGYO | SOEBAGJO (ejaan-lama) | SUBAGIO
SUPARMAN | SOEPARMAN (ejaan-lama)
JUANDA | DJUANDA (ejaan-lama)
SYAHRIR | SJAHRIR (ejaan-lama)
KHAIRUL | CHAIRUL (ejaan-lama)
NYOMAN | NJOMAN (ejaan-lama)
SUDIRMAN | SOEDIRMAN (ejaan-lama)
SUHARTO | SOEHARTO (ejaan-lama)
SUKARNO | SOEKARNO (ejaan-lama)
CIPTO | TJIPTO (ejaan-lama)
"""
_INDONESIAN_FEMALE = """
SRI, DEWI, SITI, RINA, KARTIKA, INDAH, NURUL, KURNIASIH, HANDAYANI, ANISA, MEGA
YULI | JULI (ejaan-lama)
WAHYUNI | WAHJUNI (ejaan-lama)
LESTARI
PUSPITA | POESPITA (ejaan-lama)
RAHAYU | RAHAJU (ejaan-lama) | RAHAJOE (ejaan-lama)
AYU | AJOE (ejaan-lama)
PUTRI | POETRI (ejaan-lama)
FITRI | FITRIE
SUSANTI | SOESANTI (ejaan-lama)
YULIANTI | JULIANTI (ejaan-lama)
MARYATI | MARJATI (ejaan-lama)
SUMARNI | SOEMARNI (ejaan-lama)
"""
_INDONESIAN_SURNAMES = """
[m] : SANTOSO
[m] : WIJAYA | WIDJAJA (ejaan-lama) | WIDJAYA
[m] : SETIAWAN
[m] : KURNIAWAN
[m] : GUNAWAN
[m] : HIDAYAT | HIDAJAT (ejaan-lama)
[m] : SAPUTRA | SAPOETRA (ejaan-lama)
[m] : PRASETYO | PRASETIJO (ejaan-lama)
[m] : NUGROHO | NOEGROHO (ejaan-lama)
[m] : WAHYUDI | WAHJUDI (ejaan-lama) | WAHJOEDI (ejaan-lama)
[m] : SUGIARTO | SOEGIARTO (ejaan-lama)
[m] : SUSANTO | SOESANTO (ejaan-lama)
[m] : HARTONO
[m] : SURYADI | SOERJADI (ejaan-lama)
[f] : LESTARI
[f] : RAHAYU | RAHAJU (ejaan-lama)
[f] : HANDAYANI
[f] : WAHYUNI | WAHJUNI (ejaan-lama)
[f] : SUSANTI | SOESANTI (ejaan-lama)
[f] : KURNIASIH
[f] : PUSPITASARI | POESPITASARI (ejaan-lama)
SIREGAR, NASUTION, SIMANJUNTAK, HARAHAP, LUBIS, SITUMORANG, PANJAITAN, HUTAGALUNG
PARDEDE, GINTING, TARIGAN, SEMBIRING, SINAGA, PASARIBU, HALIM
TANUWIJAYA | TANUWIDJAJA (ejaan-lama)
"""

# South Asia. Attributes are communities (hindu / muslim / sikh); m / f mark last names
# used by one sex only (KUMAR, DEVI, SINGH, KAUR).
_SOUTH_ASIAN_MALE = """
[hindu] : RAJESH
[hindu] : SURESH
[hindu] : RAMESH
[hindu] : AMIT
[hindu] : SANJAY | SANJAI
[hindu] : VIJAY | VIJAI
[hindu] : ANIL
[hindu] : SUNIL
[hindu] : RAHUL
[hindu] : DEEPAK | DIPAK
[hindu] : MANOJ
[hindu] : ASHOK
[hindu] : PRAKASH
[hindu] : ARJUN
[hindu] : VIKRAM
[hindu] : SANDEEP | SANDIP
[hindu] : PRADEEP | PRADIP
[muslim] : MOHAMMED | MUHAMMAD | MOHAMMAD | MOHD (abbreviation) | MD (abbreviation)
[muslim] : IMRAN
[muslim] : ASIF | AASIF
[muslim] : AAMIR | AMIR
[muslim] : FAISAL | FAYSAL
[muslim] : ZUBAIR | ZUBAYR
[muslim] : SHAHID | SHAHEED
[muslim] : NADEEM | NADIM
[muslim] : WASEEM | WASIM
[muslim] : JAVED | JAVAID | JAVEED
[muslim] : TARIQ | TARIK
[muslim] : SAJID
[muslim] : RAFIQUL | RAFIKUL
[sikh] : HARJIT | HARJEET
[sikh] : AMARJIT | AMARJEET
[sikh] : GURDEEP | GURDIP
"""
_SOUTH_ASIAN_FEMALE = """
[hindu] : PRIYA
[hindu] : SUNITA
[hindu] : ANITA
[hindu] : POOJA | PUJA
[hindu] : NEHA
[hindu] : KAVITA | KAVITHA
[hindu] : LAKSHMI | LAXMI
[hindu] : SANGEETA | SANGITA
[hindu] : GEETA | GITA
[hindu] : REKHA
[hindu] : MEENA
[hindu] : SUSHMA
[hindu] : ANJALI
[hindu] : SHWETA | SWETA
[hindu] : DIVYA
[muslim] : AYESHA | AISHA
[muslim] : FATIMA | FATEMA
[muslim] : SHABANA
[muslim] : NASREEN | NASRIN
[muslim] : RUBINA | RUBEENA
[muslim] : SAIMA
[muslim] : NAZIA
[muslim] : SANA
[muslim] : HINA
[muslim] : FARZANA
"""
_SOUTH_ASIAN_UNISEX = """
[sikh] : GURPREET
[sikh] : HARPREET
[sikh] : MANPREET
[sikh] : JASPREET
[sikh] : KULDEEP | KULDIP
[sikh] : JASWINDER
[sikh] : SUKHWINDER
[sikh] : PARAMJIT | PARAMJEET
"""
_SOUTH_ASIAN_SURNAMES = """
[hindu m] : KUMAR
[hindu f] : DEVI
[hindu f] : KUMARI
[sikh m] : SINGH
[sikh f] : KAUR
[hindu] : SHARMA
[hindu] : PATEL
[hindu] : GUPTA
[hindu] : REDDY
[hindu] : NAIR
[hindu] : RAO
[hindu] : GHOSH
[hindu] : DAS
[hindu] : SRIVASTAVA | SHRIVASTAVA | SRIVASTAV
[hindu] : IYER | AIYAR
[hindu] : BANERJEE | BANERJI | BANERJEA
[hindu] : CHATTERJEE | CHATTERJI
[hindu] : MUKHERJEE | MUKHERJI
[hindu muslim] : CHAUDHRY | CHAUDHARY | CHOUDHURY | CHOWDHURY | CHOUDHARY
[muslim] : KHAN
[muslim] : QURESHI | QURAISHI | KURESHI
[muslim] : SIDDIQUI | SIDDIQI | SIDDIKI
[muslim] : SHAIKH | SHEIKH
[muslim] : HUSSAIN | HUSAIN | HUSSEIN
[muslim] : AHMED | AHMAD
[muslim] : MALIK
[muslim] : ISLAM
[muslim] : RAHMAN
[sikh] : SANDHU
[sikh] : GILL
[sikh] : SIDHU
[sikh] : DHILLON
[sikh] : GREWAL
[sikh] : BRAR
[sikh] : RANDHAWA
"""

# West Africa: the same names, French spelling (Senegal, Mali, Guinea, Côte d'Ivoire,
# Burkina Faso) or English spelling (The Gambia, Sierra Leone, Liberia).
_WEST_AFRICAN_MALE = """
MAMADOU (francophone) | MAMADU (anglophone) | MOHAMADOU
AMADOU (francophone) | AMADU (anglophone) | AHMADOU
OUSMANE (francophone) | OUSMAN (anglophone) | USMAN (anglophone)
ABDOULAYE (francophone) | ABDOULIE (anglophone) | ABDULAI (anglophone)
MOUSSA (francophone) | MUSA (anglophone) | MUSSA
ALIOU (francophone) | ALIEU (anglophone) | ALIYU
IBRAHIMA (francophone) | EBRIMA (anglophone)
LAMINE (francophone) | LAMIN (anglophone)
SEKOU (francophone) | SEKU (anglophone)
BOUBACAR (francophone) | BUBACARR (anglophone) | ABOUBACAR
SOULEYMANE (francophone) | SULEIMAN (anglophone) | SULAYMAN
CHEIKH (francophone) | SHEIKH (anglophone)
OUMAR (francophone) | OMAR (anglophone) | UMARU
"""
_WEST_AFRICAN_FEMALE = """
FATOUMATA (francophone) | FATOUMATTA (anglophone) | FATIMATA | FATUMATA
AMINATA (francophone) | AMINATTA (anglophone)
MARIAMA (francophone anglophone) | MARIAM
AISSATOU (francophone) | AISATOU (anglophone) | AISHATU (anglophone)
HAWA (anglophone) | HAOUA (francophone)
KADIATOU (francophone) | KADIATU (anglophone) | KADIJATU (anglophone)
OUMOU (francophone) | UMU (anglophone)
RAMATOULAYE (francophone) | RAMATULAI (anglophone)
BINTOU (francophone) | BINTA (anglophone)
"""
_WEST_AFRICAN_UNISEX = "ADAMA"
_WEST_AFRICAN_SURNAMES = """
DIALLO (francophone) | JALLOW (anglophone) | JALLO (anglophone)
TOURE (francophone) | TOURAY (anglophone) | TURAY (anglophone)
CAMARA (francophone) | KAMARA (anglophone)
KEITA (francophone anglophone)
BAH (anglophone) | BA (francophone)
SOW (francophone) | SOWE (anglophone)
NDIAYE (francophone) | NJIE (anglophone) | N'DIAYE
CISSE (francophone) | CEESAY (anglophone)
SYLLA (francophone) | SILLAH (anglophone)
TRAORE (francophone) | TARAWALLY (anglophone) | TARAWALLIE (anglophone)
COULIBALY (francophone) | KULIBALY (anglophone) | KOULIBALY
KONATE (francophone) | KONTEH (anglophone)
DIOUF (francophone) | JOOF (anglophone)
DIOP (francophone) | JOBE (anglophone)
SIDIBE (francophone) | SIDIBEH (anglophone)
"""
_WEST_AFRICAN_REGIONS: Final = (
    *((c, "francophone") for c in ("SEN", "MLI", "GIN", "CIV", "BFA")),
    *((c, "anglophone") for c in ("GMB", "SLE", "LBR")),
)

_NIGERIAN_MALE = """
ADEBAYO, BABATUNDE, CHUKWUEMEKA, CHINEDU, NNAMDI, OBINNA, IBRAHIM, ALIYU, SANI
OLUWAFEMI | OLUFEMI
OLUWASEGUN | OLUSEGUN
IKECHUKWU | IKECHUKU
ABUBAKAR | ABUBAKR | ABOUBAKAR
MUHAMMADU | MUHAMMAD | MOHAMMED
USMAN | USMANU
UMARU | UMAR
"""
_NIGERIAN_FEMALE = """
ADEOLA, NGOZI, CHIOMA, AMARACHI, IFEOMA, BLESSING, PRECIOUS, HADIZA
FOLASADE | FOLASHADE
OLUWATOYIN | OLUTOYIN
ADAEZE | ADA-EZE
AISHAT | AISHA | AYISAT
ZAINAB | ZAINABU
"""
_NIGERIAN_UNISEX = """
AYODELE, TEMITOPE, OLAMIDE, ADEBOLA, CHINONSO, CHIKA
OLUWASEUN | OLUSEUN
OLUWATOBI | OLUTOBI
"""
_NIGERIAN_SURNAMES = """
OKONKWO, OKAFOR, NWOSU, OBI, NWANKWO, OKEKE, ADEYEMI, ADEYEMO, OGUNLEYE, OLADIPO
BALOGUN, ADEBOWALE, AKINWUMI, BELLO, LAWAL, OYELARAN, OGUNDIPE, OKORO, NNADI, MUSA
EZE | EZEH
"""

_GHANAIAN_MALE = """
YAW
KWAME | KWAMI
KOFI | KOFFI
KWAKU | KWEKU
KWASI | KWESI
KOJO | KODJO
KWABENA | KOBINA
"""
_GHANAIAN_FEMALE = """
AMA, YAA
AKOSUA | AKOSUAH
ABENA | ABENAA
AFUA | AFIA | EFUA
ADWOA | ADJOA
AKUA | AKWA
"""
_GHANAIAN_SURNAMES = """
MENSAH, OWUSU, BOATENG, ASANTE, ANSAH, OSEI, APPIAH, AMOAH, OFORI, BOAKYE, DARKO
ASAMOAH, FRIMPONG, ANTWI, ADDO, SARPONG, OPOKU, GYAMFI
ADJEI | ADJEY
AGYEMANG | AGYEMAN
ACHEAMPONG | ACHAMPONG
"""

# Ethiopia and Eritrea: the "surname" is the father's given name (then grandfather's).
_ETHIOPIAN_MALE = """
GIRMA, DAWIT, BEREKET, MULUGETA, ABEL, KIDANE, ASMEROM, YONAS
TESFAYE | TESFAY (eritrea)
HAILE | HAYLE
SOLOMON | SOLOMUN (eritrea)
SAMUEL | SAMUEL
YOHANNES | YOHANES
TEKLE | TECLE (eritrea)
GEBREMEDHIN | GEBREMEDIN | GHEBREMEDHIN (eritrea)
HAILEMARIAM | HAILE MARIAM
WOLDEMICHAEL | WOLDE MICHAEL | WELDEMICHAEL (eritrea) | WELDEMIKAEL (eritrea)
GEBREYESUS | GEBRE YESUS | GHEBREYESUS (eritrea)
TEWOLDE | TEWELDE (eritrea)
TEKLEHAIMANOT | TEKLE HAIMANOT | TECLEHAIMANOT (eritrea)
GEBREEGZIABHER | GEBREGZIABHER | GEBRE EGZIABHER
HABTEMARIAM | HABTE MARIAM
WOLDEGIORGIS | WOLDE GIORGIS | WELDEGIORGIS (eritrea)
"""
_ETHIOPIAN_FEMALE = """
SELAM, MERON, MULU, ALMAZ, SABA, RAHEL
HIWOT | HIWET (eritrea)
TSEHAY | TSEHAI
TIGIST | TIGEST
MEAZA | MAAZA
FREWEINI | FREWEYNI (eritrea)
BETELHEM | BETHLEHEM
SENAIT | SENAYT
AZIEB | AZEB
"""


# =========================================================================== assembly


def _serbian(block: str) -> tuple[Name, ...]:
    out: list[Name] = []
    for name in names(block, romanise=serbian_mrz, script="Cyrl"):
        latin = serbian_latin(name.native)
        extra = _unique(
            [
                *zip(name.forms, name.tags, strict=True),
                (icao_latin(latin), ("icao",)),
            ]
        )
        out.append(
            replace(
                name,
                forms=tuple(f for f, _ in extra),
                tags=tuple(t for _, t in extra),
                native_alt=latin,
            )
        )
    return tuple(out)


_ICAO = "icao"
_PLAIN = "plain"

CULTURES: Final[dict[str, Culture]] = {
    c.key: c
    for c in (
        Culture(
            key="arabic",
            nationalities=tuple(n for n, _ in _ARABIC_REGIONS),
            male=names(_ARABIC_MALE, script="Arab"),
            female=names(_ARABIC_FEMALE, script="Arab"),
            unisex=names(_ARABIC_UNISEX, script="Arab"),
            surnames=names(_ARABIC_SURNAMES, script="Arab"),
            script="Arab",
            regions=_ARABIC_REGIONS,
            convention="no single standard: regional passport habits (tags)",
        ),
        Culture(
            key="persian",
            nationalities=("IRN",),
            male=names(_PERSIAN_MALE, script="Arab"),
            female=names(_PERSIAN_FEMALE, script="Arab"),
            surnames=names(_PERSIAN_SURNAMES, script="Arab"),
            script="Arab",
            convention="Iranian passport spelling",
        ),
        Culture(
            key="afghan",
            nationalities=("AFG",),
            male=names(_AFGHAN_MALE),
            female=names(_AFGHAN_FEMALE),
            surnames=names(_AFGHAN_SURNAMES),
            convention="Afghan passport spelling",
        ),
        Culture(
            key="russian",
            nationalities=("RUS", "RUS", "RUS", "KAZ", "BLR"),
            male=names(_RUSSIAN_MALE, romanise=icao_russian, script="Cyrl"),
            female=names(_RUSSIAN_FEMALE, romanise=icao_russian, script="Cyrl"),
            surnames=names(
                _RUSSIAN_SURNAMES,
                romanise=icao_russian,
                script="Cyrl",
                feminine=_russian_feminine,
            )
            + names(_RUSSIAN_SURNAMES_SKII, romanise=icao_russian, script="Cyrl"),
            script="Cyrl",
            convention="ICAO 9303 (Russian passports since 2013)",
        ),
        Culture(
            key="ukrainian",
            nationalities=("UKR",),
            male=names(_UKRAINIAN_MALE, romanise=ukrainian_national, script="Cyrl"),
            female=names(_UKRAINIAN_FEMALE, romanise=ukrainian_national, script="Cyrl"),
            surnames=names(_UKRAINIAN_SURNAMES, romanise=ukrainian_national, script="Cyrl"),
            script="Cyrl",
            convention="Ukrainian national transliteration (2010)",
        ),
        Culture(
            key="bulgarian",
            nationalities=("BGR",),
            male=names(_BULGARIAN_MALE, romanise=bulgarian_streamlined, script="Cyrl"),
            female=names(_BULGARIAN_FEMALE, romanise=bulgarian_streamlined, script="Cyrl"),
            surnames=names(
                _BULGARIAN_SURNAMES,
                romanise=bulgarian_streamlined,
                script="Cyrl",
                feminine=_bulgarian_feminine,
            ),
            script="Cyrl",
            convention="Bulgarian Streamlined System (2009)",
        ),
        Culture(
            key="serbian",
            nationalities=("SRB", "MNE", "BIH"),
            male=_serbian(_SERBIAN_MALE),
            female=_serbian(_SERBIAN_FEMALE),
            surnames=_serbian(_SERBIAN_SURNAMES),
            script="Cyrl",
            convention="Serbian Latin alphabet, Đ as DJ",
        ),
        Culture(
            key="greek",
            nationalities=("GRC", "GRC", "GRC", "CYP"),
            male=names(_GREEK_MALE, script="Grek"),
            female=names(_GREEK_FEMALE, script="Grek"),
            surnames=names(_GREEK_SURNAMES, script="Grek"),
            script="Grek",
            regions=(("CYP", "cyprus"),),
            convention="ELOT 743 (Greek passports)",
        ),
        Culture(
            key="chinese",
            nationalities=("CHN", "CHN", "CHN", "TWN", "HKG", "SGP", "MYS"),
            male=names(_CHINESE_MALE, script="Hani"),
            female=names(_CHINESE_FEMALE, script="Hani"),
            unisex=names(_CHINESE_UNISEX, script="Hani"),
            surnames=names(_CHINESE_SURNAMES, script="Hani"),
            script="Hani",
            family_name_first=True,
            regions=(
                ("CHN", "pinyin"),
                ("TWN", "wade-giles"),
                ("HKG", "cantonese"),
                ("SGP", "hokkien"),
                ("MYS", "hokkien"),
            ),
            convention="Hanyu Pinyin (PRC passports)",
        ),
        Culture(
            key="korean",
            nationalities=("KOR",),
            male=names(_KOREAN_MALE, script="Hang"),
            female=names(_KOREAN_FEMALE, script="Hang"),
            unisex=names(_KOREAN_UNISEX, script="Hang"),
            surnames=names(_KOREAN_SURNAMES, script="Hang"),
            script="Hang",
            family_name_first=True,
            convention="customary passport spellings",
        ),
        Culture(
            key="japanese",
            nationalities=("JPN",),
            male=names(_JAPANESE_MALE, script="Jpan"),
            female=names(_JAPANESE_FEMALE, script="Jpan"),
            unisex=names(_JAPANESE_UNISEX, script="Jpan"),
            surnames=names(_JAPANESE_SURNAMES, script="Jpan"),
            script="Jpan",
            family_name_first=True,
            convention="passport Hepburn",
        ),
        Culture(
            key="german",
            nationalities=("DEU", "DEU", "AUT", "CHE"),
            male=latin_names(_GERMAN_MALE, _ICAO),
            female=latin_names(_GERMAN_FEMALE, _ICAO),
            unisex=latin_names(_GERMAN_UNISEX, _ICAO),
            surnames=latin_names(_GERMAN_SURNAMES, _ICAO),
            convention="ICAO 9303 (Ä AE, Ö OE, Ü UE, ß SS)",
        ),
        Culture(
            key="turkish",
            nationalities=("TUR",),
            male=latin_names(_TURKISH_MALE, _PLAIN),
            female=latin_names(_TURKISH_FEMALE, _PLAIN),
            unisex=latin_names(_TURKISH_UNISEX, _PLAIN),
            surnames=latin_names(_TURKISH_SURNAMES, _PLAIN),
            convention="diacritics dropped (Turkish passports)",
        ),
        Culture(
            key="vietnamese",
            nationalities=("VNM",),
            male=latin_names(_VIETNAMESE_MALE, _PLAIN),
            female=latin_names(_VIETNAMESE_FEMALE, _PLAIN),
            unisex=latin_names(_VIETNAMESE_UNISEX, _PLAIN),
            surnames=latin_names(_VIETNAMESE_SURNAMES, _PLAIN),
            middle_male=latin_names(_VIETNAMESE_MIDDLE_MALE, _PLAIN),
            middle_female=latin_names(_VIETNAMESE_MIDDLE_FEMALE, _PLAIN),
            family_name_first=True,
            convention="diacritics dropped (Vietnamese passports)",
        ),
        Culture(
            key="polish",
            nationalities=("POL",),
            male=latin_names(_POLISH_MALE, _PLAIN),
            female=latin_names(_POLISH_FEMALE, _PLAIN),
            surnames=latin_names(_POLISH_SURNAMES, _PLAIN),
            convention="diacritics dropped, Ł as L (Polish passports)",
        ),
        Culture(
            key="czech",
            nationalities=("CZE",),
            male=latin_names(_CZECH_MALE, _PLAIN),
            female=latin_names(_CZECH_FEMALE, _PLAIN),
            surnames=latin_names(_CZECH_SURNAMES, _PLAIN),
            convention="diacritics dropped",
        ),
        Culture(
            key="hungarian",
            nationalities=("HUN",),
            male=latin_names(_HUNGARIAN_MALE, _PLAIN),
            female=latin_names(_HUNGARIAN_FEMALE, _PLAIN),
            surnames=latin_names(_HUNGARIAN_SURNAMES, _PLAIN),
            family_name_first=True,
            convention="diacritics dropped",
        ),
        Culture(
            key="romanian",
            nationalities=("ROU", "ROU", "MDA"),
            male=latin_names(_ROMANIAN_MALE, _PLAIN),
            female=latin_names(_ROMANIAN_FEMALE, _PLAIN),
            surnames=latin_names(_ROMANIAN_SURNAMES, _PLAIN),
            convention="diacritics dropped",
        ),
        Culture(
            key="swedish",
            nationalities=("SWE", "FIN"),
            male=latin_names(_SWEDISH_MALE, _ICAO),
            female=latin_names(_SWEDISH_FEMALE, _ICAO),
            surnames=latin_names(_SWEDISH_SURNAMES, _ICAO),
            convention="ICAO 9303 (Å AA, Ä AE, Ö OE)",
        ),
        Culture(
            key="danish_norwegian",
            nationalities=("DNK", "NOR"),
            male=latin_names(_DANISH_NORWEGIAN_MALE, _ICAO),
            female=latin_names(_DANISH_NORWEGIAN_FEMALE, _ICAO),
            surnames=latin_names(_DANISH_NORWEGIAN_SURNAMES, _ICAO),
            convention="ICAO 9303 (Ø OE, Æ AE, Å AA)",
        ),
        Culture(
            key="icelandic",
            nationalities=("ISL",),
            male=latin_names(_ICELANDIC_MALE, _ICAO),
            female=latin_names(_ICELANDIC_FEMALE, _ICAO),
            surnames=latin_names(_ICELANDIC_SURNAMES, _ICAO),
            convention="ICAO 9303 (Ð D, Þ TH, Æ AE, Ö OE)",
        ),
        Culture(
            key="french",
            nationalities=("FRA", "FRA", "BEL", "CHE", "CAN"),
            male=latin_names(_FRENCH_MALE, _PLAIN),
            female=latin_names(_FRENCH_FEMALE, _PLAIN),
            unisex=latin_names(_FRENCH_UNISEX, _PLAIN),
            surnames=latin_names(_FRENCH_SURNAMES, _PLAIN),
            convention="diacritics dropped",
        ),
        Culture(
            key="spanish",
            nationalities=("ESP", "MEX", "COL", "ARG", "PER", "VEN", "CHL"),
            male=latin_names(_SPANISH_MALE, _PLAIN),
            female=latin_names(_SPANISH_FEMALE, _PLAIN),
            surnames=latin_names(_SPANISH_SURNAMES, _PLAIN),
            convention="diacritics dropped, Ñ as N",
        ),
        Culture(
            key="portuguese",
            nationalities=("PRT", "BRA", "BRA", "AGO", "CPV"),
            male=latin_names(_PORTUGUESE_MALE, _PLAIN),
            female=latin_names(_PORTUGUESE_FEMALE, _PLAIN),
            surnames=latin_names(_PORTUGUESE_SURNAMES, _PLAIN),
            convention="diacritics dropped",
        ),
        Culture(
            key="italian",
            nationalities=("ITA",),
            male=latin_names(_ITALIAN_MALE, _PLAIN),
            female=latin_names(_ITALIAN_FEMALE, _PLAIN),
            unisex=latin_names(_ITALIAN_UNISEX, _PLAIN),
            surnames=latin_names(_ITALIAN_SURNAMES, _PLAIN),
            convention="diacritics dropped",
        ),
        Culture(
            key="english",
            nationalities=("GBR", "USA", "USA", "CAN", "AUS", "NZL", "IRL"),
            male=names(_ENGLISH_MALE),
            female=names(_ENGLISH_FEMALE),
            unisex=names(_ENGLISH_UNISEX),
            surnames=names(_ENGLISH_SURNAMES),
        ),
        Culture(
            key="filipino",
            nationalities=("PHL",),
            male=names(_FILIPINO_MALE),
            female=names(_FILIPINO_FEMALE),
            surnames=names(_FILIPINO_SURNAMES),
        ),
        Culture(
            key="dutch",
            nationalities=("NLD", "NLD", "BEL"),
            male=names(_DUTCH_MALE),
            female=names(_DUTCH_FEMALE),
            surnames=names(_DUTCH_SURNAMES),
        ),
        Culture(
            key="hebrew",
            nationalities=("ISR",),
            male=names(_HEBREW_MALE),
            female=names(_HEBREW_FEMALE),
            unisex=names(_HEBREW_UNISEX),
            surnames=names(_HEBREW_SURNAMES),
        ),
        Culture(
            key="malay",
            nationalities=("MYS", "MYS", "BRN", "SGP"),
            male=names(_MALAY_MALE),
            female=names(_MALAY_FEMALE),
            surnames=names(_MALAY_MALE),  # a father's given name follows BIN / BINTI
            convention="Malaysian passport spelling",
        ),
        Culture(
            key="indonesian",
            nationalities=("IDN",),
            male=names(_INDONESIAN_MALE),
            female=names(_INDONESIAN_FEMALE),
            surnames=names(_INDONESIAN_SURNAMES),
            convention="EYD spelling (1972)",
        ),
        Culture(
            key="south_asian",
            nationalities=("IND", "PAK", "BGD", "NPL"),
            male=names(_SOUTH_ASIAN_MALE),
            female=names(_SOUTH_ASIAN_FEMALE),
            unisex=names(_SOUTH_ASIAN_UNISEX),
            surnames=names(_SOUTH_ASIAN_SURNAMES),
        ),
        Culture(
            key="west_african",
            nationalities=tuple(n for n, _ in _WEST_AFRICAN_REGIONS),
            male=names(_WEST_AFRICAN_MALE),
            female=names(_WEST_AFRICAN_FEMALE),
            unisex=names(_WEST_AFRICAN_UNISEX),
            surnames=names(_WEST_AFRICAN_SURNAMES),
            regions=_WEST_AFRICAN_REGIONS,
            convention="French or English spelling by issuing state (tags)",
        ),
        Culture(
            key="nigerian",
            nationalities=("NGA",),
            male=names(_NIGERIAN_MALE),
            female=names(_NIGERIAN_FEMALE),
            unisex=names(_NIGERIAN_UNISEX),
            surnames=names(_NIGERIAN_SURNAMES),
        ),
        Culture(
            key="ghanaian",
            nationalities=("GHA",),
            male=names(_GHANAIAN_MALE),
            female=names(_GHANAIAN_FEMALE),
            surnames=names(_GHANAIAN_SURNAMES),
        ),
        Culture(
            key="ethiopian",
            nationalities=("ETH", "ETH", "ERI"),
            male=names(_ETHIOPIAN_MALE),
            female=names(_ETHIOPIAN_FEMALE),
            surnames=names(_ETHIOPIAN_MALE),  # the father's given name
            regions=(("ERI", "eritrea"),),
        ),
    )
}

# Nationalities by community for the South Asian culture.
COMMUNITY_NATIONALITIES: Final[dict[str, tuple[str, ...]]] = {
    "hindu": ("IND", "IND", "NPL"),
    "muslim": ("PAK", "BGD", "IND"),
    "sikh": ("IND",),
}

# Indonesian names whose old (pre-1972) spelling differs from the modern one.
INDONESIAN_SPELLING: Final[tuple[Name, ...]] = tuple(
    n
    for c in ("indonesian",)
    for n in (*CULTURES[c].male, *CULTURES[c].female, *CULTURES[c].surnames)
    if n.tagged("ejaan-lama")
)

# ISO 15924 code -> the Unicode ranges of that script's letters.
SCRIPT_RANGES: Final[dict[str, tuple[tuple[int, int], ...]]] = {
    "Arab": ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    "Cyrl": ((0x0400, 0x04FF), (0x0500, 0x052F)),
    "Grek": ((0x0370, 0x03FF), (0x1F00, 0x1FFF)),
    "Hani": ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF)),
}


# =========================================================================== curated lists


@dataclass(frozen=True, slots=True)
class Mononym:
    """A person with a single name (which may have several words) and no family name."""

    name: Name
    female: bool
    nationalities: tuple[str, ...]
    origin: str  # "javanese", "burmese", "tamil", "afghan", "balinese"


def _mononyms(block: str, origin: str, nationalities: tuple[str, ...]) -> tuple[Mononym, ...]:
    out: list[Mononym] = []
    for name in names(block):
        female = "f" in name.attrs
        out.append(Mononym(name, female, nationalities, origin))
    return tuple(out)


MONONYMS: Final[tuple[Mononym, ...]] = (
    *_mononyms(
        """
        SUPRIYADI | SOEPRIJADI (ejaan-lama)
        SUTRISNO | SOETRISNO (ejaan-lama)
        MULYADI | MOELJADI (ejaan-lama)
        HARYANTO | HARJANTO (ejaan-lama)
        WAGIMAN
        SUGIYONO | SOEGIJONO (ejaan-lama)
        PAIDI
        NGATIMIN
        TUGIMAN | TOEGIMAN (ejaan-lama)
        WARSITO
        SUKIRMAN | SOEKIRMAN (ejaan-lama)
        SUYATNO | SOEJATNO (ejaan-lama)
        SUPARNO | SOEPARNO (ejaan-lama)
        WALUYO | WALOEJO (ejaan-lama)
        [f] : SUMARNI | SOEMARNI (ejaan-lama)
        [f] : SUPARMI | SOEPARMI (ejaan-lama)
        [f] : SUMIATI | SOEMIATI (ejaan-lama)
        [f] : JUMINAH | DJOEMINAH (ejaan-lama)
        [f] : MARYATI | MARJATI (ejaan-lama)
        [f] : SUMARSIH | SOEMARSIH (ejaan-lama)
        [f] : PONIRAH
        [f] : TUKIYEM | TOEKIJEM (ejaan-lama)
        [f] : SARMINI
        """,
        "javanese",
        ("IDN",),
    ),
    *_mononyms(
        """
        AUNG KYAW
        KYAW ZIN HTET
        ZAW MIN TUN
        NAY LIN AUNG
        WAI YAN PHYO
        THET NAING OO
        MIN THU
        KO KO NAING
        [f] : THIN THIN AYE
        [f] : MYA MYA WIN
        [f] : SU SU HLAING
        [f] : KHIN MAR CHO
        [f] : HNIN WAI
        [f] : THANDAR MYINT
        [f] : AYE AYE MAR
        [f] : NWE NI SOE
        """,
        "burmese",
        ("MMR",),
    ),
    *_mononyms(
        """
        MURUGAN
        SELVAM
        KANNAN
        SARAVANAN
        RAJENDRAN
        KUMARAN
        PALANISAMY | PALANISWAMY
        ARUMUGAM
        SUBRAMANIAM | SUBRAMANIAN
        [f] : PARVATHI | PARVATHY
        [f] : MEENAKSHI
        [f] : SELVI
        [f] : VALLI
        [f] : MUNIAMMAL
        [f] : PUSHPA
        """,
        "tamil",
        ("IND", "LKA", "MYS"),
    ),
    *_mononyms(
        """
        NAJIBULLAH | NAJEEBULLAH | NADJIBULLAH
        HAMIDULLAH | HAMEEDULLAH
        ZABIHULLAH | ZABIULLAH
        NOORULLAH | NURULLAH | NOOR ULLAH
        SAMIULLAH | SAMI ULLAH
        RAHMATULLAH | RAHMAT ULLAH
        MIRWAIS | MIRWAYS
        [f] : GULALAI | GULALAY
        [f] : ZARGHUNA | ZARGHONA
        [f] : PARWANA | PARVANA
        """,
        "afghan",
        ("AFG",),
    ),
    *_mononyms(
        """
        I MADE SUDARSANA
        I WAYAN ARIANA
        I KETUT SUARDANA
        I NYOMAN WIRAWAN | I NJOMAN WIRAWAN (ejaan-lama)
        I GEDE ARTAWAN
        I PUTU SUDIARTA
        [f] : NI LUH SUASTINI
        [f] : NI MADE ARIANI
        [f] : NI KETUT SUARNI
        [f] : NI WAYAN WIDIASTUTI
        """,
        "balinese",
        ("IDN",),
    ),
)


@dataclass(frozen=True, slots=True)
class ParticleSurname:
    """A surname with a particle and the ways it is really written (``forms[0]`` usual)."""

    culture: str
    forms: tuple[str, ...]
    dropped: str  # the surname without its particle, as indexes and foreign records write it


def _particles(culture: str, block: str) -> tuple[ParticleSurname, ...]:
    out: list[ParticleSurname] = []
    for raw in block.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        written, _, dropped = line.partition(" -> ")
        forms = tuple(f.strip() for f in written.split("|"))
        out.append(ParticleSurname(culture, forms, dropped.strip()))
    return tuple(out)


PARTICLE_SURNAMES: Final[tuple[ParticleSurname, ...]] = (
    *_particles(
        "arabic",
        """
        AL-RASHID | AL RASHID | ALRASHID -> RASHID
        AL-TAMIMI | AL TAMIMI | ALTAMIMI -> TAMIMI
        AL-MASRI | AL MASRI | ALMASRI -> MASRI
        AL-HASHIMI | AL HASHIMI | ALHASHIMI -> HASHIMI
        EL-KHATIB | EL KHATIB | ELKHATIB -> KHATIB
        AL-QAHTANI | AL QAHTANI | ALQAHTANI -> QAHTANI
        AL-OBAIDI | AL OBAIDI | ALOBAIDI -> OBAIDI
        AL-NAJJAR | AL NAJJAR | ALNAJJAR -> NAJJAR
        ABU BAKR | ABU-BAKR | ABUBAKR -> BAKR
        ABU ZAID | ABU-ZAID | ABUZAID -> ZAID
        BEN ALI | BEN-ALI | BENALI -> ALI
        BEN YOUSSEF | BEN-YOUSSEF | BENYOUSSEF -> YOUSSEF
        EL IDRISSI | EL-IDRISSI | ELIDRISSI -> IDRISSI
        """,
    ),
    *_particles(
        "spanish",
        """
        DE LA CRUZ | DELACRUZ -> CRUZ
        DEL RIO | DELRIO -> RIO
        DE LOS SANTOS | DELOSSANTOS -> SANTOS
        DE LA FUENTE | DELAFUENTE -> FUENTE
        DE LA TORRE | DELATORRE -> TORRE
        DEL CASTILLO | DELCASTILLO -> CASTILLO
        DE LEON | DELEON -> LEON
        DE JESUS | DEJESUS -> JESUS
        DE LA ROSA | DELAROSA -> ROSA
        DEL VALLE | DELVALLE -> VALLE
        """,
    ),
    *_particles(
        "filipino",
        """
        DELA CRUZ | DE LA CRUZ | DELACRUZ -> CRUZ
        DELOS SANTOS | DE LOS SANTOS | DELOSSANTOS -> SANTOS
        DELOS REYES | DE LOS REYES | DELOSREYES -> REYES
        DELA PENA | DE LA PENA | DELAPENA -> PENA
        DELA ROSA | DE LA ROSA | DELAROSA -> ROSA
        DE GUZMAN | DEGUZMAN -> GUZMAN
        """,
    ),
    *_particles(
        "dutch",
        """
        VAN DEN BERG | VANDENBERG | V.D. BERG -> BERG
        VAN DER BERG | VANDERBERG -> BERG
        VAN DIJK | VANDIJK -> DIJK
        DE VRIES | DEVRIES -> VRIES
        DE JONG | DEJONG -> JONG
        VAN DER MEER | VANDERMEER | V.D. MEER -> MEER
        VAN LEEUWEN | VANLEEUWEN -> LEEUWEN
        DE GROOT | DEGROOT -> GROOT
        VAN DER LINDEN | VANDERLINDEN -> LINDEN
        TER HAAR | TERHAAR -> HAAR
        TEN BRINK | TENBRINK -> BRINK
        VAN 'T HOF | VAN T HOF | VANTHOF -> HOF
        """,
    ),
    *_particles(
        "portuguese",
        """
        DA SILVA | DASILVA -> SILVA
        DOS SANTOS | DOSSANTOS -> SANTOS
        DE SOUZA | DESOUZA -> SOUZA
        DA COSTA | DACOSTA -> COSTA
        DE OLIVEIRA | DEOLIVEIRA -> OLIVEIRA
        DAS NEVES | DASNEVES -> NEVES
        DO NASCIMENTO | DONASCIMENTO -> NASCIMENTO
        DA CUNHA | DACUNHA -> CUNHA
        """,
    ),
    *_particles(
        "italian",
        """
        DI MARIA | DIMARIA -> MARIA
        DE LUCA | DELUCA -> LUCA
        DELLA ROSA | DELLAROSA -> ROSA
        LO PRESTI | LOPRESTI -> PRESTI
        DI STEFANO | DISTEFANO -> STEFANO
        DE ANGELIS | DEANGELIS -> ANGELIS
        LA ROSA | LAROSA -> ROSA
        DEL VECCHIO | DELVECCHIO -> VECCHIO
        D'ANGELO | D ANGELO | DANGELO -> ANGELO
        """,
    ),
    *_particles(
        "french",
        """
        LE ROUX | LEROUX -> ROUX
        DE LA FONTAINE | DELAFONTAINE -> FONTAINE
        LE GALL | LEGALL -> GALL
        DU PONT | DUPONT -> PONT
        DE SAINT-AUBIN | DE SAINT AUBIN | DESAINTAUBIN -> SAINT-AUBIN
        LA FORGE | LAFORGE -> FORGE
        """,
    ),
    *_particles(
        "german",
        """
        VON DER HEIDE | VONDERHEIDE -> HEIDE
        VON BERG | VONBERG -> BERG
        VON STEIN | VONSTEIN -> STEIN
        VON DER LINDEN | VONDERLINDEN -> LINDEN
        """,
    ),
    *_particles(
        "english",
        """
        MCDONALD | MC DONALD -> DONALD
        MACLEOD | MAC LEOD -> LEOD
        MCKENZIE | MC KENZIE -> KENZIE
        """,
    ),
    *_particles(
        "hebrew",
        """
        BEN DAVID | BEN-DAVID | BENDAVID -> DAVID
        BEN AMI | BEN-AMI | BENAMI -> AMI
        """,
    ),
)


@dataclass(frozen=True, slots=True)
class NearPair:
    """Two genuinely different names one similar-looking token apart.

    Not spelling variants of one name: each is a name in its own right (KARIM and
    KARIMA, SALAH and SALEH are different Arabic names; PETROV is Russian, PETROVIC
    Serbian). ``female_a`` / ``female_b`` give each name's usual sex.
    """

    culture: str
    role: str  # "given" or "surname"
    a: str
    b: str
    female_a: bool
    female_b: bool
    culture_b: str = ""  # the culture of ``b`` when it differs (PETROV / PETROVIC)


def _near(culture: str, role: str, block: str, culture_b: str = "") -> tuple[NearPair, ...]:
    out: list[NearPair] = []
    for raw in block.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        left, _, right = line.partition("/")
        a, _, sa = left.strip().partition(" ")
        b, _, sb = right.strip().partition(" ")
        out.append(NearPair(culture, role, a, b, sa == "f", sb == "f", culture_b))
    return tuple(out)


NEAR_PAIRS: Final[tuple[NearPair, ...]] = (
    *_near(
        "arabic",
        "given",
        """
        KARIM m / KARIMA f
        SAMIR m / SAMIRA f
        NABIL m / NABILA f
        AMIN m / AMINA f
        RASHID m / RASHIDA f
        HALIM m / HALIMA f
        SALIM m / SALIMA f
        FARID m / FARIDA f
        JAMAL m / JAMILA f
        SALAH m / SALEH m
        KHALED m / KHALIL m
        SAMI m / SAMIR m
        MAJED m / MAJDI m
        ZAID m / ZAHID m
        BASSAM m / BASEM m
        """,
    ),
    *_near(
        "italian",
        "given",
        """
        PAOLO m / PAOLA f
        MARIO m / MARIA f
        CARLO m / CARLA f
        ANTONIO m / ANTONIA f
        FRANCESCO m / FRANCESCA f
        ALESSANDRO m / ALESSANDRA f
        ROBERTO m / ROBERTA f
        """,
    ),
    *_near(
        "spanish",
        "given",
        """
        DANIEL m / DANIELA f
        JULIAN m / JULIANA f
        GABRIEL m / GABRIELA f
        ROSA f / ROSE f
        MARIA f / MARINA f
        """,
    ),
    *_near(
        "czech",
        "given",
        """
        JAN m / JANA f
        PETR m / PETRA f
        MARTIN m / MARTINA f
        """,
    ),
    *_near(
        "english",
        "given",
        """
        PAUL m / PAULA f
        MICHAEL m / MICHAELA f
        LOUIS m / LOUISE f
        DENIS m / DENISE f
        """,
    ),
    *_near(
        "chinese",
        "given",
        """
        NA f / NAN m
        LI f / LIN f
        JING f / JIN m
        YAN f / YANG m
        MIN f / MING m
        """,
    ),
    *_near(
        "vietnamese",
        "given",
        """
        AN m / ANH m
        THU f / THUY f
        """,
    ),
    *_near("russian", "surname", "PETROV m / PETROVIC m", culture_b="serbian"),
    *_near("french", "surname", "MARTIN m / MARTINEZ m", culture_b="spanish"),
    *_near(
        "danish_norwegian",
        "surname",
        """
        HANSEN m / HANSSON m
        NIELSEN m / NILSSON m
        ANDERSEN m / ANDERSSON m
        """,
        culture_b="swedish",
    ),
    *_near(
        "english",
        "surname",
        """
        JOHNSON m / JOHNSTON m
        THOMPSON m / THOMSON m
        """,
    ),
    *_near(
        "spanish",
        "surname",
        """
        SANTOS m / SANTANA m
        RAMOS m / RAMIREZ m
        MORALES m / MORENO m
        """,
    ),
    *_near(
        "chinese",
        "surname",
        """
        CHEN m / CHENG m
        WANG m / WAN m
        HUANG m / HUANGFU m
        """,
    ),
    *_near(
        "turkish",
        "surname",
        """
        YILMAZ m / YILDIZ m
        ÖZTÜRK m / ÖZKURT m
        """,
    ),
    *_near(
        "german",
        "surname",
        """
        MÜLLER m / MÖLLER m
        KELLER m / KELLNER m
        BECKER m / BECK m
        """,
    ),
    *_near(
        "polish",
        "surname",
        """
        KOWALSKI m / KOWALCZYK m
        NOWAK m / NOWAKOWSKI m
        """,
    ),
    *_near(
        "nigerian",
        "surname",
        """
        ADEYEMI m / ADEYEMO m
        """,
    ),
    *_near(
        "persian",
        "surname",
        """
        KARIMI m / KARIM m
        AHMADI m / AHMAD m
        """,
    ),
)


@dataclass(frozen=True, slots=True)
class CommonName:
    """A very common full name and the states whose citizens often carry it."""

    culture: str
    given: str
    surname: str
    female: bool
    nationalities: tuple[str, ...]


COMMON_FULL_NAMES: Final[tuple[CommonName, ...]] = (
    CommonName("south_asian", "MUHAMMAD", "ALI", False, ("PAK", "BGD", "IND", "GBR")),
    CommonName("arabic", "MOHAMED", "AHMED", False, ("EGY", "SDN", "SOM", "LBY")),
    CommonName("arabic", "AHMED", "HASSAN", False, ("EGY", "SDN", "SOM", "IRQ")),
    CommonName("arabic", "MOHAMMED", "ABDULLAH", False, ("SAU", "YEM", "IRQ", "ARE")),
    CommonName("arabic", "ALI", "HASSAN", False, ("IRQ", "SOM", "EGY", "LBN")),
    CommonName("arabic", "FATIMA", "ALI", True, ("SOM", "SDN", "IRQ", "YEM")),
    CommonName("chinese", "WEI", "ZHANG", False, ("CHN", "CHN", "CAN", "USA")),
    CommonName("chinese", "FANG", "WANG", True, ("CHN", "CHN", "TWN")),
    CommonName("chinese", "NA", "LI", True, ("CHN", "CHN", "AUS")),
    CommonName("chinese", "YANG", "LIU", False, ("CHN", "CHN", "CAN")),
    CommonName("chinese", "WEI", "WANG", False, ("CHN", "TWN", "USA")),
    CommonName("chinese", "JING", "CHEN", True, ("CHN", "CHN", "AUS")),
    CommonName("vietnamese", "VAN ANH", "NGUYEN", False, ("VNM", "VNM", "USA", "AUS")),
    CommonName("vietnamese", "THI LAN", "NGUYEN", True, ("VNM", "VNM", "FRA")),
    CommonName("vietnamese", "VAN HUNG", "NGUYEN", False, ("VNM", "USA", "DEU")),
    CommonName("vietnamese", "VAN NAM", "TRAN", False, ("VNM", "VNM", "CZE")),
    CommonName("english", "JOHN", "SMITH", False, ("GBR", "USA", "AUS", "CAN", "IRL")),
    CommonName("english", "DAVID", "JONES", False, ("GBR", "USA", "AUS")),
    CommonName("english", "MICHAEL", "BROWN", False, ("USA", "GBR", "CAN")),
    CommonName("english", "JAMES", "WILLIAMS", False, ("USA", "GBR", "NZL")),
    CommonName("english", "SARAH", "JOHNSON", True, ("USA", "GBR", "CAN")),
    CommonName("spanish", "MARIA", "GARCIA", True, ("ESP", "MEX", "COL", "ARG", "USA")),
    CommonName("spanish", "JOSE", "RODRIGUEZ", False, ("ESP", "MEX", "VEN", "USA")),
    CommonName("spanish", "JUAN", "HERNANDEZ", False, ("MEX", "ESP", "HND", "USA")),
    CommonName("spanish", "MARIA", "LOPEZ", True, ("MEX", "ESP", "GTM")),
    CommonName("spanish", "CARLOS", "GONZALEZ", False, ("ESP", "CHL", "ARG", "VEN")),
    CommonName("indonesian", "BUDI", "SANTOSO", False, ("IDN",)),
    CommonName("indonesian", "SRI", "WAHYUNI", True, ("IDN",)),
    CommonName("indonesian", "AGUS", "SETIAWAN", False, ("IDN",)),
    CommonName("indonesian", "DEWI", "LESTARI", True, ("IDN",)),
    CommonName("russian", "ALEKSANDR", "IVANOV", False, ("RUS", "RUS", "KAZ", "BLR")),
    CommonName("russian", "SERGEI", "SMIRNOV", False, ("RUS", "KAZ")),
    CommonName("russian", "ELENA", "IVANOVA", True, ("RUS", "BLR", "KAZ")),
    CommonName("ukrainian", "OLENA", "KOVALENKO", True, ("UKR",)),
    CommonName("south_asian", "RAJESH", "KUMAR", False, ("IND", "IND", "NPL", "GBR")),
    CommonName("south_asian", "AMIT", "SINGH", False, ("IND", "GBR", "CAN")),
    CommonName("south_asian", "SUNITA", "DEVI", True, ("IND", "NPL")),
    CommonName("south_asian", "MOHAMMAD", "KHAN", False, ("PAK", "AFG", "IND", "GBR")),
    CommonName("south_asian", "ALI", "KHAN", False, ("PAK", "AFG", "IND")),
    CommonName("portuguese", "ANA", "SILVA", True, ("BRA", "PRT", "AGO")),
    CommonName("portuguese", "JOAO", "SANTOS", False, ("BRA", "PRT")),
    CommonName("portuguese", "JOSE", "DA SILVA", False, ("BRA", "PRT", "CPV")),
    CommonName("portuguese", "MARIA", "DOS SANTOS", True, ("BRA", "PRT", "AGO")),
    CommonName("turkish", "MEHMET", "YILMAZ", False, ("TUR", "TUR", "DEU")),
    CommonName("turkish", "AYSE", "YILMAZ", True, ("TUR", "DEU", "NLD")),
    CommonName("turkish", "AHMET", "KAYA", False, ("TUR", "DEU", "AUT")),
    CommonName("west_african", "MAMADOU", "DIALLO", False, ("GIN", "SEN", "MLI")),
    CommonName("west_african", "AMINATA", "TRAORE", True, ("MLI", "CIV", "BFA")),
    CommonName("nigerian", "IBRAHIM", "MUSA", False, ("NGA", "NER", "GHA")),
    CommonName("filipino", "JUAN", "DELA CRUZ", False, ("PHL",)),
    CommonName("filipino", "MARICEL", "SANTOS", True, ("PHL",)),
    CommonName("korean", "MINJUN", "KIM", False, ("KOR",)),
    CommonName("korean", "SEOYEON", "LEE", True, ("KOR",)),
    CommonName("german", "THOMAS", "MUELLER", False, ("DEU", "AUT", "CHE")),
    CommonName("german", "MICHAEL", "SCHMIDT", False, ("DEU", "AUT")),
    CommonName("french", "JEAN", "MARTIN", False, ("FRA", "BEL", "CHE")),
    CommonName("french", "MARIE", "DUBOIS", True, ("FRA", "BEL")),
    CommonName("polish", "PIOTR", "NOWAK", False, ("POL",)),
    CommonName("polish", "ANNA", "KOWALSKA", True, ("POL",)),
    CommonName("persian", "MOHAMMAD", "HOSSEINI", False, ("IRN", "AFG")),
    CommonName("persian", "ALI", "REZAEI", False, ("IRN",)),
    CommonName("japanese", "HIROSHI", "SATO", False, ("JPN",)),
)

# A given name that is male in one culture and female in another (ANDREA: Italian man,
# German or Spanish woman). (name, male nationalities, female nationalities).
CROSS_GENDER_GIVEN: Final[tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]] = (
    ("ANDREA", ("ITA",), ("DEU", "ESP", "CZE", "HUN")),
    ("SIMONE", ("ITA",), ("FRA", "DEU")),
    ("NICOLA", ("ITA",), ("GBR", "DEU")),
    ("MICHELE", ("ITA",), ("FRA", "BEL")),
    ("JEAN", ("FRA", "BEL"), ("USA", "GBR")),
)

# Male and female forms of one given name, per culture (primary forms).
GENDER_FORM_PAIRS: Final[tuple[tuple[str, str, str], ...]] = (
    ("russian", "ALEKSANDR", "ALEKSANDRA"),
    ("russian", "EVGENII", "EVGENIIA"),
    ("russian", "STANISLAV", "STANISLAVA"),
    ("russian", "VLADISLAV", "VLADISLAVA"),
    ("russian", "IAROSLAV", "IAROSLAVA"),
    ("russian", "VALERII", "VALERIIA"),
    ("polish", "STANISLAW", "STANISLAWA"),
    ("polish", "BRONISLAW", "BRONISLAWA"),
    ("polish", "JAROSLAW", "JAROSLAWA"),
    ("polish", "MIROSLAW", "MIROSLAWA"),
    ("polish", "WIESLAW", "WIESLAWA"),
    ("czech", "JAN", "JANA"),
    ("czech", "PETR", "PETRA"),
    ("czech", "MARTIN", "MARTINA"),
    ("czech", "PAVEL", "PAVLA"),
    ("czech", "DANIEL", "DANIELA"),
    ("czech", "JAROSLAV", "JAROSLAVA"),
    ("czech", "ZDENEK", "ZDENKA"),
    ("greek", "GEORGIOS", "GEORGIA"),
    ("greek", "KONSTANTINOS", "KONSTANTINA"),
    ("greek", "IOANNIS", "IOANNA"),
    ("greek", "THEODOROS", "THEODORA"),
    ("greek", "DIMITRIOS", "DIMITRA"),
    ("bulgarian", "YORDAN", "YORDANKA"),
)

# Building blocks for names too long for the 39-character TD3 name field.
LONG_NAME_PARTS: Final[dict[str, tuple[str, ...]]] = {
    "spanish_given_m": (
        "JOSE ANTONIO",
        "FRANCISCO JAVIER",
        "JUAN CARLOS",
        "MIGUEL ANGEL",
        "JOSE MARIA",
        "LUIS ALBERTO",
    ),
    "spanish_given_f": (
        "MARIA DE LOS ANGELES",
        "MARIA DEL CARMEN",
        "MARIA DEL PILAR",
        "ANA MARIA",
        "MARIA JOSE",
        "MARIA GUADALUPE",
        "MARIA DEL ROCIO",
    ),
    "spanish_compound_surname": (
        "FERNANDEZ DE CORDOBA",
        "RODRIGUEZ DEL CASTILLO",
        "GARCIA DE LA TORRE",
        "MARTINEZ DE LA FUENTE",
        "LOPEZ DE LOS SANTOS",
        "SANCHEZ DEL RIO",
        "GOMEZ DE LA CRUZ",
        "HERNANDEZ DEL VALLE",
    ),
    "portuguese_given_m": (
        "JOAO PEDRO",
        "LUIZ CARLOS",
        "JOSE ROBERTO",
        "CARLOS EDUARDO",
        "PAULO HENRIQUE",
        "ANTONIO MARCOS",
    ),
    "portuguese_given_f": (
        "ANA CAROLINA",
        "MARIA EDUARDA",
        "MARIA APARECIDA",
        "ANA PAULA",
        "MARIA DA CONCEICAO",
        "LUIZA FERNANDA",
    ),
    "portuguese_surnames": (
        "DE OLIVEIRA",
        "DOS SANTOS",
        "DA SILVA",
        "PEREIRA",
        "FERREIRA",
        "RODRIGUES",
        "DE SOUZA",
        "NASCIMENTO",
        "CARVALHO",
        "ALMEIDA",
        "GONCALVES",
    ),
    "telugu_given": (
        "VENKATA SATYANARAYANA",
        "VENKATA RAMANA MURTHY",
        "SRINIVASA RAO",
        "LAKSHMI NARASIMHA",
        "VENKATESWARA RAO",
        "NAGA VENKATA SAI",
        "SURYA NARAYANA MURTHY",
    ),
    "telugu_surnames": (
        "KOMMINENI",
        "VADLAMUDI",
        "GOLLAPUDI",
        "CHINTALAPATI",
        "YARLAGADDA",
        "BOMMIREDDY",
        "PEDDIREDDY",
        "JAGARLAMUDI",
    ),
    "sinhala_house": (
        "HERATH MUDIYANSELAGE",
        "WIJESINGHE ARACHCHIGE",
        "KUMARASINGHE PATHIRANAGE",
        "SENEVIRATHNA APPUHAMILAGE",
        "JAYAWARDENA HETTIARACHCHIGE",
        "DISSANAYAKE MUDIYANSELAGE",
    ),
    "sinhala_given_m": ("NIMAL", "SUNIL", "KAMAL", "RANJITH", "CHAMINDA", "PRIYANTHA"),
    "sinhala_given_f": ("DILRUKSHI", "NILMINI", "SANDAMALI", "KUMARI", "ANOMA", "CHATHURIKA"),
    "sinhala_surnames": (
        "PERERA",
        "FERNANDO",
        "JAYASURIYA",
        "BANDARA",
        "RATHNAYAKE",
        "GUNAWARDENA",
        "WICKRAMASINGHE",
    ),
    "german_given_m": (
        "KARL THEODOR",
        "FRIEDRICH WILHELM",
        "HANS JUERGEN",
        "MAXIMILIAN JOHANNES",
        "LUDWIG FERDINAND",
        "CHRISTOPH ALEXANDER",
    ),
    "german_given_f": (
        "ANNA KATHARINA",
        "MARIE CHRISTINE",
        "ELISABETH JOHANNA",
        "FRIEDERIKE CHARLOTTE",
        "KATHARINA SOPHIE",
    ),
    "german_double_surname": (
        "SCHWARZENBERGER-HOFMANN",
        "LEUTHEUSSER-SCHNEIDER",
        "MUELLER-WESTERNHAGEN",
        "OBERMEIER-KRAUTHAUSEN",
        "HOHENSTEIN-ZIMMERMANN",
    ),
}
