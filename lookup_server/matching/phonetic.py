"""A phonetic key for names that survives transliteration.

Soundex and Metaphone are built for English spelling; border names arrive romanised
from Arabic, Cyrillic, Chinese, Indonesian old spelling and more, where the same name
takes many spellings (MUHAMMAD, MOHAMMED, MOHAMAD, MEHMET; YUSUF, YOUSSEF, JUSUF;
ALEKSANDR, ALEXANDER; ZHANG, CHANG; SOEHARTO, SUHARTO; MUELLER, MULLER). The key keeps the
consonant skeleton, merges the consonants that transliteration systems swap, and drops
vowels (which abjads do not write) and non-initial ``H``.

    MUHAMMAD, MOHAMMED, MOHAMAD, MEHMET, MAHMOUD -> MMT
    YUSUF, YOUSSEF, JUSUF, IOSIF, JOSEPH         -> JSF
    ALEKSANDR, ALEXANDER                         -> ALKSNTR

The key is for finding candidates and for a "sounds alike" signal in scoring; it is
deliberately coarse (MAHMOUD collides with MUHAMMAD), and the scorer decides.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

VOWELS = frozenset("AEIOUY")

# Multi-letter spellings of one sound, longest first. Values are class letters.
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("TSCH", "J"),
    ("DZH", "J"),
    ("SCH", "J"),
    ("TCH", "J"),
    ("SH", "J"),
    ("CH", "J"),
    ("ZH", "J"),
    ("DJ", "J"),
    ("DZ", "J"),
    ("TJ", "J"),
    ("SZ", "J"),
    ("CZ", "J"),
    ("KH", "H"),
    ("PH", "F"),
    ("GH", "J"),
    ("TH", "T"),
    ("DH", "T"),
    ("CK", "K"),
    ("KS", "X"),
    ("TS", "S"),
)

# Single letters to class letters; vowels map to "" (dropped) except at the start.
_CLASS: dict[str, str] = {
    "B": "B",
    "P": "P",
    "F": "F",
    "V": "F",
    "W": "F",
    "K": "K",
    "Q": "K",
    "G": "J",  # Egyptian G is Arabic J (GAMAL / JAMAL, NAGGAR / NAJJAR)
    "C": "K",  # before E/I/Y handled as S below
    "S": "S",
    "Z": "S",
    "X": "X",
    "J": "J",
    "D": "T",
    "T": "T",
    "L": "L",
    "R": "R",
    "M": "M",
    "N": "N",
    "H": "H",
}


@dataclass(frozen=True, slots=True)
class _Reading:
    """Letters whose sound depends on the language a name was romanised from."""

    diphthongs: bool = False  # AW/OW before a consonant is a vowel (Arabic FAWZI)
    g_as_k: bool = False  # G is K (Korean GIM / KIM), not J (Egyptian GAMAL / JAMAL)
    ch_as_h: bool = False  # CH is H (Greek CHRISTOS / HRISTOS), not J (CHANG / ZHANG)


_PLAIN = _Reading()


def _units(token: str, reading: _Reading = _PLAIN) -> list[tuple[str, bool]]:
    """Split into (class letter or vowel marker "", is_vowel) units, digraphs merged."""
    units: list[tuple[str, bool]] = []
    i = 0
    n = len(token)
    while i < n:
        for spelling, cls in _DIGRAPHS:
            if token.startswith(spelling, i):
                units.append(("H" if spelling == "CH" and reading.ch_as_h else cls, False))
                i += len(spelling)
                break
        else:
            char = token[i]
            after = token[i + 1] if i + 1 < n else ""
            if char == "T" and after == "Z" and (i + 2 == n or token[i + 2] not in VOWELS):
                units.append(("S", False))  # German final TZ (SEITZ, SCHWARTZ)
                i += 2
                continue
            if char == "J" and units and not units[-1][1] and units[-1][0] not in ("", "J"):
                # J after a consonant is a glide, as in German and Slavic spellings
                # (SOFJA / SOFIA, KUDRJAWZEWA / KUDRIAVTSEVA)
                units.append(("", True))
                i += 1
                continue
            if char in VOWELS or (
                reading.diphthongs
                and char == "W"
                and i > 0
                and token[i - 1] in "AO"
                and after not in VOWELS
            ):
                units.append(("", True))
            elif char == "C" and i + 1 < n and token[i + 1] in "EIY":
                units.append(("S", False))
            elif char == "G" and reading.g_as_k:
                units.append(("K", False))
            else:
                units.append((_CLASS.get(char, ""), False))
            i += 1
    return units


_READINGS: tuple[tuple[str, _Reading], ...] = (
    ("W", _Reading(diphthongs=True)),
    ("G", _Reading(g_as_k=True)),
    ("CH", _Reading(ch_as_h=True)),
)


@functools.lru_cache(maxsize=200_000)
def phonetic_keys(token: str) -> tuple[str, ...]:
    """The key, then the keys under other readings of ambiguous letters, if different.

    W is V in German and Polish spellings (PAWLOWA = PAVLOVA) but half a diphthong in
    Arabic ones (FAWZI = FUZI); G is J in Egyptian spellings (GAMAL = JAMAL) but K in
    Korean ones (GIM = KIM); CH is J in CHANG = ZHANG but H in Greek CHRISTOS = HRISTOS.
    """
    keys = [phonetic_key(token)]
    for trigger, reading in _READINGS:
        if trigger in token:
            other = _key(token, reading)
            if other not in keys:
                keys.append(other)
    return tuple(keys)


@functools.lru_cache(maxsize=200_000)
def phonetic_key(token: str) -> str:
    """The transliteration-tolerant key of one normalised (A-Z) token."""
    return _key(token, _PLAIN)


def _key(token: str, reading: _Reading) -> str:
    if not token:
        return ""
    # Doubled letters are one sound (MM, SS, LL).
    squeezed = "".join(c for i, c in enumerate(token) if i == 0 or c != token[i - 1])
    first = squeezed[0]
    # A leading YE before a consonant is the Russian Е of YEVGENY / EVGENII, YELENA /
    # ELENA (Korean YEONG keeps its Y).
    if squeezed.startswith("YE") and len(squeezed) > 2 and squeezed[2] not in VOWELS:
        squeezed = squeezed[1:]
        first = "E"
    # A leading Y, J or I before a vowel is the consonant of YUSUF / JUSUF / IOSIF.
    elif first in "YJI" and len(squeezed) > 1 and squeezed[1] in VOWELS:
        squeezed = "J" + squeezed[1:]
    units = _units(squeezed, reading)
    out: list[str] = []
    if units[0][1]:
        out.append("A")  # a leading vowel, whatever it is
        units = units[1:]
    elif units[0][0] == "H":
        out.append("H")  # a leading H is kept (HAMID, KHALID, HALID)
        units = units[1:]
    elif units[0][0] == "X":
        out.append("KS")
        units = units[1:]
    last = out[-1][-1] if out else ""
    separated = False
    for cls, is_vowel in units:
        if is_vowel or cls == "H":
            separated = True
            continue
        code = "KS" if cls == "X" else cls
        if not code:
            continue
        if code[0] == last and not separated:
            code = code[1:]
        if code:
            out.append(code)
            last = code[-1]
        separated = False
    return "".join(out)
