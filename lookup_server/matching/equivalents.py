"""Names whose spellings no letter rule connects, listed as equivalence classes.

Some spellings of one name share too few letters for any phonetic rule:

* Chinese surnames in the romanisations of southern Chinese languages, as printed on
  Singaporean, Malaysian, Hong Kong and older Taiwanese passports, against Mandarin
  pinyin: 陳 CHEN / TAN / CHAN, 林 LIN / LIM / LAM, 鄭 ZHENG / TAY / TEH / CHENG...
* Senegambian surnames in French (Senegal, Mali, Guinea) against English (The Gambia)
  spelling: DIOP / JOBE, DIOUF / JOOF, NDIAYE / NJIE, DIALLO / JALLOW.
* East Slavic given names in their Ukrainian (or Belarusian) form against the Russian
  form of the same name, which older documents, visas and notices often carry:
  KATERYNA / EKATERINA, MYKOLA / NIKOLAY, VOLODYMYR / VLADIMIR, HANNA / ANNA.

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

#: Given names: Ukrainian national spelling first, then older Ukrainian spellings, then
#: Russian forms (ICAO and common), each a name that a Ukrainian may have been recorded
#: under in a Russian-language document.
_GIVEN_NAME_CLASSES: tuple[tuple[str, ...], ...] = (
    ("KATERYNA", "KATERINA", "EKATERINA", "YEKATERINA", "JEKATERINA", "KATARYNA"),
    ("MYKOLA", "MIKOLA", "NIKOLAI", "NIKOLAY", "NIKOLAJ"),
    ("VOLODYMYR", "VOLODIMIR", "WOLODYMYR", "VLADIMIR", "WLADIMIR"),
    ("OLEKSANDR", "OLEXANDR", "OLEKSANDER", "ALEKSANDR", "ALEXANDR", "ALEXANDER"),
    ("OLEKSII", "OLEKSIY", "OLEXIY", "ALEKSEI", "ALEKSEY", "ALEXEY", "ALEXEI"),
    ("HANNA", "GANNA", "ANNA"),
    ("HALYNA", "GALYNA", "GALINA"),
    ("HRYHORII", "HRYHORIY", "GRYGORIY", "GRIGORII", "GRIGORIY"),
    ("MYKHAILO", "MYKHAYLO", "MIKHAILO", "MIKHAIL", "MIKHAYL", "MICHAIL"),
    ("YEVHEN", "YEVGEN", "EVGENII", "EVGENIY", "YEVGENIY", "EVGENY"),
    ("YEVHENIIA", "YEVHENIYA", "EVGENIIA", "EVGENIYA", "YEVGENIYA"),
    ("OLENA", "ELENA", "YELENA", "JELENA"),
    ("SVITLANA", "SVETLANA"),
    ("TETIANA", "TETYANA", "TATIANA", "TATYANA", "TATJANA"),
    ("LIUDMYLA", "LYUDMYLA", "LIUDMILA", "LYUDMILA", "LUDMILA"),
    ("SERHII", "SERHIY", "SERGIY", "SERGII", "SERGEI", "SERGEY"),
    ("ANDRII", "ANDRIY", "ANDRIJ", "ANDREI", "ANDREY"),
    ("DMYTRO", "DMITRO", "DMITRII", "DMITRIY", "DMITRY"),
    ("PETRO", "PETR", "PYOTR", "PIOTR"),
    ("PAVLO", "PAVEL"),
    ("OLEH", "OLEG"),
    ("IHOR", "IGOR"),
    ("MYKYTA", "MIKITA", "NIKITA"),
    ("ILLIA", "ILLYA", "ILIA", "ILYA"),
    ("VASYL", "VASIL", "VASILII", "VASILIY", "VASILY"),
    ("HEORHII", "HEORHIY", "GEORGII", "GEORGIY"),
    ("NADIIA", "NADIYA", "NADEZHDA"),
    ("LIUBOV", "LYUBOV"),
    ("VALENTYNA", "VALENTINA"),
    ("KOSTIANTYN", "KOSTYANTYN", "KONSTANTIN"),
    ("ANATOLII", "ANATOLIY"),
)

_CLASS_OF: dict[str, str] = {}
_GIVEN_CLASS_OF: dict[str, str] = {}
for _members in _GIVEN_NAME_CLASSES:
    for _member in _members:
        _GIVEN_CLASS_OF.setdefault(_member, "=" + _members[0])
for _members in _CLASSES:
    for _member in _members:
        # A spelling in two classes (NG, TEO) keeps the first: the lists are for
        # recall among likely matches, and the other token still has to agree.
        _CLASS_OF.setdefault(_member, "=" + _members[0])


@functools.cache
def equivalence_class(token: str, *, surname: bool) -> str | None:
    """``=CANONICAL`` for a member of a class of equivalent spellings, else None.

    Surname classes apply to surname tokens only (LEE, NG or TAY are given names too);
    given-name classes apply to every token, since names are often entered swapped.
    """
    found = _GIVEN_CLASS_OF.get(token)
    if found is None and surname:
        found = _CLASS_OF.get(token)
    return found
