"""Names whose spellings no letter rule connects, listed as equivalence classes.

Some spellings of one name share too few letters for any phonetic rule:

* Chinese surnames in the romanisations of southern Chinese languages, as printed on
  Singaporean, Malaysian, Hong Kong and older Taiwanese passports, against Mandarin
  pinyin: 陳 CHEN / TAN / CHAN, 林 LIN / LIM / LAM, 鄭 ZHENG / TAY / TEH / CHENG...
* Senegambian surnames in French (Senegal, Mali, Guinea) against English (The Gambia)
  spelling: DIOP / JOBE, DIOUF / JOOF, NDIAYE / NJIE, DIALLO / JALLOW.

Each token of a class gets the class's name as an alternative spelling, so two
members of a class pair as alternates (capped below an exact match) and share a
blocking key. The lists are deliberately limited to common surnames.
"""

from __future__ import annotations

import functools

_CLASSES: tuple[tuple[str, ...], ...] = (
    # Chinese surnames: pinyin first, then Hokkien, Teochew, Cantonese, Hakka, Wade-Giles.
    ("CHEN", "TAN", "CHAN", "CHIN", "TAHN"),
    ("LIN", "LIM", "LAM", "LUM"),
    ("HUANG", "WONG", "NG", "WEE", "OOI", "UY", "HWANG"),
    ("ZHANG", "CHEUNG", "TEO", "TEOH", "CHONG", "CHANG", "CHEONG"),
    ("ZHENG", "TAY", "TEH", "CHENG", "TEE", "CHENG"),
    ("WANG", "ONG", "WONG", "HENG", "VONG"),
    ("LI", "LEE", "LEI", "LY"),
    ("YANG", "YEO", "YEOH", "YEUNG", "YONG", "IONG"),
    ("WU", "NG", "GOH", "GO", "OH"),
    ("ZHOU", "CHOW", "CHEW", "CHOU", "CHIU"),
    ("XU", "KOH", "KHOO", "HUI", "HSU", "CHEE"),
    ("LIU", "LAU", "LOW", "LAO", "LIEW"),
    ("HE", "HO", "HOR", "HOH"),
    ("LUO", "LOH", "LAW", "LO", "LOR"),
    ("GUO", "KWEK", "KWOK", "KOK", "KUO", "QUEK"),
    ("XIE", "CHIA", "TSE", "SEAH", "HSIEH", "CHEAH"),
    ("CAI", "CHUA", "CHOI", "TSAI", "CHOY", "CHAI"),
    ("ZHAO", "CHIU", "TEO", "CHAO"),
    ("SU", "SOH", "SO", "SOO"),
    ("HU", "OW", "WOO", "FOO"),
    ("ZHU", "CHU", "CHOO", "CHOO", "TSU"),
    ("SONG", "SUNG", "SOONG"),
    ("YE", "YAP", "YIP", "IP", "YEH"),
    ("LIANG", "LEUNG", "NIO", "NEO"),
    ("DENG", "TANG", "TENG"),
    ("LU", "LOO", "LO", "LUK"),
    ("PENG", "PANG", "PHANG"),
    ("XIAO", "SIEW", "SIU", "SEOW", "HSIAO"),
    ("CAO", "CHO", "CHOW", "TSAO"),
    ("JIANG", "KANG", "KONG", "CHIANG"),
    # Senegambian surnames: French spelling first, then English (Gambian) ones.
    ("DIOP", "JOBE", "JOB"),
    ("DIOUF", "JOOF"),
    ("NDIAYE", "NJIE", "NJAI"),
    ("DIALLO", "JALLOW", "JALO"),
    ("DIATTA", "JATTA"),
    ("DIAW", "JAW"),
    ("DIABY", "JABBI", "JABI"),
    ("DIBBA", "JIBBA"),
    ("TOURE", "TOURAY", "TURAY"),
    ("CISSE", "SISSE", "CEESAY", "SISAY", "SISSAY"),
    ("SECK", "SECKA"),
    ("KONATE", "KONATEH"),
    ("DIEDHIOU", "JAJU"),
    ("FAYE", "FYE"),
    ("NDOUR", "NJIE"),
)

_CLASS_OF: dict[str, str] = {}
for _members in _CLASSES:
    for _member in _members:
        # A spelling in two classes (NG, TEO) keeps the first: the lists are for
        # recall among likely matches, and the other token still has to agree.
        _CLASS_OF.setdefault(_member, "=" + _members[0])


@functools.cache
def equivalence_class(token: str) -> str | None:
    """``=CANONICAL`` for a member of a class of equivalent spellings, else None."""
    return _CLASS_OF.get(token)
