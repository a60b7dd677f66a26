"""Name normalisation: any script and spelling to comparable upper-case Latin tokens.

Steps, in order: Unicode NFKC; letters with a conventional ASCII spelling (ß, Æ, Ø, Đ,
Ł, Þ...) mapped; Latin diacritics removed (Müller -> MULLER, Đặng -> DANG); any other
script transliterated to Latin with ``anyascii`` (Мухаммед -> MUKHAMMED, 张伟 -> ZHANGWEI);
upper case; apostrophes are dropped (``O'Brien`` -> OBRIEN, as ICAO 9303 writes it in
an MRZ); everything else that is not a letter is a token boundary (``Al-Rashid`` and MRZ
fillers ``<`` split). German umlaut spellings (MUELLER) are
handled by the phonetic layer, not here, because ``UE`` is a real letter pair elsewhere.

Particles (``AL``, ``BIN``, ``VAN``, ``DE``...) are kept but flagged: they carry little
evidence and are written, dropped or glued on at will (``AL RASHID``, ``ALRASHID``,
``RASHID``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from anyascii import anyascii

# Letters that NFKD does not decompose to a base letter plus marks.
_SPECIAL = str.maketrans(
    {
        "ß": "SS",
        "ẞ": "SS",
        "Æ": "AE",
        "æ": "AE",
        "Œ": "OE",
        "œ": "OE",
        "Ø": "O",
        "ø": "O",
        "Đ": "D",
        "đ": "D",
        "Ð": "D",
        "ð": "D",
        "Ł": "L",
        "ł": "L",
        "Þ": "TH",
        "þ": "TH",
        "ı": "I",
        "Ħ": "H",
        "ħ": "H",
        "ʻ": "",  # okina / ayn marks in romanised Arabic and Hawaiian
        "ʼ": "",
        "ʿ": "",
        "ʾ": "",
        "’": "",
        "'": "",
        "`": "",
    }
)

_NON_LETTER = re.compile(r"[^A-Z]+")

#: Name particles: prepositions, articles and patronymic connectors. Deliberately
#: short: LE, DO, DU, DA and AN are also Vietnamese or Chinese names, BEN a given name.
PARTICLES: frozenset[str] = frozenset(
    {
        "AL", "EL", "UL", "BIN", "BINTI", "BINT", "BT", "BTE", "IBN",  # Arabic, Malay
        "VAN", "VON", "DER", "DEN", "TER", "TEN", "ZU",  # Dutch, German
        "DE", "DEL", "DELLA", "DES", "LA", "LOS", "LAS", "DOS", "DAS", "Y",  # Romance
    }
)  # fmt: skip


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) == "Mn"


@functools.lru_cache(maxsize=200_000)
def to_latin(text: str) -> str:
    """Upper-case ASCII Latin form of ``text``, punctuation kept as spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not _is_mark(c))
    if not stripped.isascii():
        stripped = anyascii(stripped)
    return _NON_LETTER.sub(" ", stripped.upper()).strip()


def tokens(text: str) -> tuple[str, ...]:
    """Normalised tokens of one name field, in order."""
    latin = to_latin(text)
    return tuple(latin.split()) if latin else ()


def is_vowelless_script(text: str) -> bool:
    """True for abjads (Arabic, Hebrew, Syriac): transliteration loses the vowels."""
    for char in text:
        if char.isalpha() and not char.isascii():
            name = unicodedata.name(char, "")
            return name.startswith(("ARABIC", "HEBREW", "SYRIAC"))
    return False


@dataclass(frozen=True, slots=True)
class NameTokens:
    """A name split into comparable tokens.

    ``core`` are the informative tokens (particles removed, duplicates removed in
    order, so a mononym written in both fields counts once); ``particles`` the rest:
    the scorer counts a particle when both names have it and ignores it otherwise.
    ``surname_core`` is the part of ``core`` that came from the surname field.
    """

    core: tuple[str, ...]
    particles: tuple[str, ...]
    surname_core: tuple[str, ...]
    vowelless: bool
    #: What the scorer pairs: each core token, and each pair of adjacent core tokens
    #: glued together (ABDUL RAHMAN -> ABDULRAHMAN), with the bit mask of the core
    #: positions it covers. Computed once per distinct name.
    items: tuple[tuple[str, int], ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.core


def _split(fields: tuple[str, ...]) -> tuple[list[str], list[str]]:
    core: list[str] = []
    particles: list[str] = []
    for token in fields:
        (particles if token in PARTICLES else core).append(token)
    return core, particles


@functools.lru_cache(maxsize=200_000)
def name_tokens(surname: str, given_names: str) -> NameTokens:
    """Tokens of a name given as surname and given names (either may be empty)."""
    surname_tokens = tokens(surname)
    given_tokens = tokens(given_names)
    sur_core, sur_particles = _split(surname_tokens)
    giv_core, giv_particles = _split(given_tokens)
    if not sur_core and not giv_core:
        # A name made only of particle-like tokens ("LE", "DA"): keep them as core.
        sur_core, sur_particles = list(surname_tokens), []
        giv_core, giv_particles = list(given_tokens), []
    seen: set[str] = set()
    core: list[str] = []
    for token in (*sur_core, *giv_core):
        if token not in seen:
            seen.add(token)
            core.append(token)
    items = [(token, 1 << i) for i, token in enumerate(core)]
    items += [(core[i] + core[i + 1], 3 << i) for i in range(len(core) - 1)]
    return NameTokens(
        core=tuple(core),
        particles=tuple(sur_particles + giv_particles),
        surname_core=tuple(dict.fromkeys(sur_core)),
        vowelless=is_vowelless_script(surname + given_names),
        items=tuple(items),
    )
