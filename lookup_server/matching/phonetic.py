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
    ("GH", "G"),
    ("TH", "T"),
    ("DH", "T"),
    ("CK", "K"),
    ("KS", "X"),
    ("TS", "S"),
    ("TZ", "S"),
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
    "G": "G",
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


def _units(token: str) -> list[tuple[str, bool]]:
    """Split into (class letter or vowel marker "", is_vowel) units, digraphs merged."""
    units: list[tuple[str, bool]] = []
    i = 0
    n = len(token)
    while i < n:
        for spelling, cls in _DIGRAPHS:
            if token.startswith(spelling, i):
                units.append((cls, False))
                i += len(spelling)
                break
        else:
            char = token[i]
            if char in VOWELS:
                units.append(("", True))
            elif char == "C" and i + 1 < n and token[i + 1] in "EIY":
                units.append(("S", False))
            else:
                units.append((_CLASS.get(char, ""), False))
            i += 1
    return units


@functools.lru_cache(maxsize=200_000)
def phonetic_key(token: str) -> str:
    """The transliteration-tolerant key of one normalised (A-Z) token."""
    if not token:
        return ""
    # Doubled letters are one sound (MM, SS, LL).
    squeezed = "".join(c for i, c in enumerate(token) if i == 0 or c != token[i - 1])
    first = squeezed[0]
    # A leading Y, J or I before a vowel is the consonant of YUSUF / JUSUF / IOSIF.
    if first in "YJI" and len(squeezed) > 1 and squeezed[1] in VOWELS:
        squeezed = "J" + squeezed[1:]
    units = _units(squeezed)
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
