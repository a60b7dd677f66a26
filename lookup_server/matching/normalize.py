"""Name normalisation: any script and spelling to comparable upper-case Latin tokens.

Steps, in order: Unicode NFKC; letters with a conventional ASCII spelling (ß, Æ, Ø, Đ,
Ł, Þ...) mapped; Latin diacritics removed (Müller -> MULLER, Đặng -> DANG); any other
script transliterated by :mod:`~lookup_server.matching.transliterate` (Мухаммед ->
MUKHAMMED, 张伟 -> ZHANG WEI, محمد -> MHMD);
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

from lookup_server.matching import chinese
from lookup_server.matching.equivalents import equivalence_class
from lookup_server.matching.transliterate import traditions, transliterate

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


@functools.lru_cache(maxsize=200_000)
def to_latin(text: str, tradition: str = "default") -> str:
    """Upper-case ASCII Latin form of ``text``, punctuation kept as spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_SPECIAL)
    if not text.isascii():
        # Each script strips its own marks (a Cyrillic Й must stay Й for Ukrainian);
        # transliteration may write soft signs and glottal stops as apostrophes.
        text = transliterate(text, tradition).translate(_SPECIAL)
    return _NON_LETTER.sub(" ", text.upper()).strip()


def tokens(text: str, tradition: str = "default") -> tuple[str, ...]:
    """Normalised tokens of one name field, in order."""
    latin = to_latin(text, tradition)
    return tuple(latin.split()) if latin else ()


def is_vowelless_script(text: str) -> bool:
    """True for abjads (Arabic, Hebrew, Syriac): transliteration loses the vowels."""
    for char in text:
        if char.isalpha() and not char.isascii():
            name = unicodedata.name(char, "")
            return name.startswith(("ARABIC", "HEBREW", "SYRIAC"))
    return False


#: Particles that are often glued to the name they precede (VANDERBERG, DELACRUZ,
#: ALRASHID, BENALI, ABUZAID). A surname token starting with one of them is also
#: compared without it.
GLUED_PREFIXES: tuple[str, ...] = (
    "VANDER", "VANDEN", "VANDE", "VAN", "VONDER", "VONDEN", "VON", "VOM", "ZUM", "ZUR",
    "TEN", "TER",
    "DELOS", "DELAS", "DELA", "DEL", "DE", "DOS", "DAS", "DA", "DI", "DU", "LA", "LE",
    "AL", "EL", "BEN", "BIN", "IBN", "ABU", "ABOU", "MAC", "MC",
)  # fmt: skip

#: Spellings of Indonesian names before the 1972 reform (EYD), still on many passports:
#: SOEHARTO / SUHARTO, DJOKO / JOKO, TJAHJONO / CAHYONO, SOERJADI / SURYADI.
#: DJ alone is not a marker: it is also Serbian (DJORDJE), and the phonetic key already
#: reads DJ as J.
_OLD_INDONESIAN_MARKERS = ("OE", "TJ")


def modern_indonesian(token: str) -> str | None:
    """The post-1972 spelling of a token written in the old Indonesian spelling."""
    if not any(marker in token for marker in _OLD_INDONESIAN_MARKERS):
        return None
    modern = token.replace("OE", "U").replace("TJ", "C").replace("DJ", "#")
    modern = modern.replace("J", "Y").replace("#", "J")
    return modern if modern != token else None


_MIN_REMAINDER = 3

#: An item: the spellings it may take, and the bit mask of the core positions it covers.
Item = tuple[tuple[str, ...], int]


@dataclass(frozen=True, slots=True)
class NameTokens:
    """A name split into comparable tokens.

    ``core`` are the informative tokens (particles removed, duplicates removed in
    order, so a mononym written in both fields counts once); ``particles`` the rest.
    ``surname_core`` is the part of ``core`` that came from the surname field.
    ``items`` is what the scorer pairs, computed once per distinct name: each core token
    and each pair of adjacent core tokens glued together (ABDUL RAHMAN -> ABDULRAHMAN),
    each with its alternative spellings (the token with the particles that preceded it
    glued on: VAN DER BERG -> VANDERBERG; a surname token without a glued particle
    prefix: ALRASHID -> RASHID; the Wade-Giles spelling of a name written in pinyin:
    XIE JIE -> HSIEH CHIEH; the modern spelling of an old Indonesian one: TJAHJONO ->
    CAHYONO; for surnames, the class of spellings no rule connects: TAN = CHEN, JOBE =
    DIOP, see ``equivalents``) and the bit mask of the core positions it covers.
    """

    core: tuple[str, ...]
    particles: tuple[str, ...]
    surname_core: tuple[str, ...]
    vowelless: bool
    items: tuple[Item, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.core


def _split(fields: tuple[str, ...]) -> tuple[list[str], list[str], dict[str, str]]:
    """Core tokens, particles, and each core token's form with its particles glued on."""
    core: list[str] = []
    particles: list[str] = []
    glued: dict[str, str] = {}
    run: list[str] = []
    for token in fields:
        if token in PARTICLES:
            particles.append(token)
            run.append(token)
        else:
            core.append(token)
            if run:
                glued[token] = "".join(run) + token
            run = []
    return core, particles, glued


def _without_prefix(token: str) -> str | None:
    for prefix in GLUED_PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= _MIN_REMAINDER:
            return token[len(prefix) :]
    # The Arabic article assimilated to a "sun letter" and glued on: ENNAJJAR,
    # ASSAYED, ARRASHID (an-Najjar, as-Sayed, ar-Rashid).
    if len(token) < 2 + _MIN_REMAINDER:
        return None
    if token[0] in "AE" and token[1] == token[2] and token[1] in "TDRZSLN":
        return token[2:]
    return None


def _name_tokens(
    surname_tokens: tuple[str, ...], given_tokens: tuple[str, ...], raw: str
) -> NameTokens:
    sur_core, sur_particles, sur_glued = _split(surname_tokens)
    giv_core, giv_particles, giv_glued = _split(given_tokens)
    if not sur_core and not giv_core:
        # A name made only of particle-like tokens ("LE", "DA"): keep them as core.
        sur_core, sur_particles, sur_glued = list(surname_tokens), [], {}
        giv_core, giv_particles, giv_glued = list(given_tokens), [], {}
    glued = {**giv_glued, **sur_glued}
    surname_set = set(sur_core)
    core = list(dict.fromkeys((*sur_core, *giv_core)))
    wade_giles = chinese.wade_giles_spellings(tuple(core))
    items: list[Item] = []
    for i, token in enumerate(core):
        spellings = [token]
        if token in glued:
            spellings.append(glued[token])
        if token in wade_giles:
            spellings.append(wade_giles[token])
        modern = modern_indonesian(token)
        if modern is not None:
            spellings.append(modern)
        if "DJ" in token:
            # Serbo-Croatian Đ is DJ in passports' MRZ and D where marks are stripped
            # (ĐORĐE DJORDJE / DORDE, ĐURIĆ DJURIC / DURIC).
            spellings.append(token.replace("DJ", "D"))
        equivalent = equivalence_class(token, surname=token in surname_set)
        if equivalent is not None:
            spellings.append(equivalent)
        stripped = _without_prefix(token) if token in surname_set else None
        if stripped is not None:
            spellings.append(stripped)
        items.append((tuple(spellings), 1 << i))
    items += [((core[i] + core[i + 1],), 3 << i) for i in range(len(core) - 1)]
    return NameTokens(
        core=tuple(core),
        particles=tuple(sur_particles + giv_particles),
        surname_core=tuple(dict.fromkeys(sur_core)),
        vowelless=is_vowelless_script(raw),
        items=tuple(items),
    )


@functools.lru_cache(maxsize=200_000)
def name_tokens(surname: str, given_names: str) -> NameTokens:
    """Tokens of a name given as surname and given names (either may be empty)."""
    return _name_tokens(tokens(surname), tokens(given_names), surname + given_names)


@functools.lru_cache(maxsize=200_000)
def name_variants(surname: str, given_names: str) -> tuple[NameTokens, ...]:
    """The name as tokens in every romanisation tradition its script has.

    One variant for Latin-script names; for a name in Han or Arabic script, one per
    tradition (pinyin, Wade-Giles, Cantonese; Arabic, Egyptian, Persian), so that a
    notice written in the original script matches whichever spelling the passport uses.
    """
    variants = [name_tokens(surname, given_names)]
    for tradition in traditions(surname + given_names)[1:]:
        variant = _name_tokens(
            tokens(surname, tradition), tokens(given_names, tradition), surname + given_names
        )
        if variant.core != variants[0].core and all(variant.core != v.core for v in variants):
            variants.append(variant)
    return tuple(variants)
