"""Country codes: ICAO 9303 three-letter codes, and ISO 3166 alpha-2 from INTERPOL data.

Every country code that enters the service goes through :func:`normalize_country`, so
documents, notices and queries compare on one spelling: ISO 3166-1 alpha-3, plus the
ICAO-only codes of Doc 9303 Part 3 (``GBD``, ``UNO``, ``XXA``...). Germany's MRZ code
``D`` becomes ``DEU``.
"""

from __future__ import annotations

import functools

import pycountry

# ICAO Doc 9303 Part 3 codes that are not ISO 3166-1 alpha-3.
ICAO_SPECIAL_CODES: frozenset[str] = frozenset(
    {
        "GBD",  # British Overseas Territories citizen
        "GBN",  # British National (Overseas)
        "GBO",  # British Overseas citizen
        "GBP",  # British protected person
        "GBS",  # British subject
        "UNO",  # United Nations official
        "UNA",  # United Nations specialized agency official
        "UNK",  # Kosovo residents, UNMIK travel documents
        "XBA",  # African Development Bank
        "XIM",  # African Export-Import Bank
        "XCC",  # Caribbean Community
        "XCE",  # Council of Europe
        "XCO",  # Common Market for Eastern and Southern Africa
        "XEC",  # Economic Community of West African States
        "XPO",  # INTERPOL
        "XES",  # Organisation of Eastern Caribbean States
        "XMP",  # Parliamentary Assembly of the Mediterranean
        "XOM",  # Sovereign Military Order of Malta
        "XDC",  # Southern African Development Community
        "XXA",  # stateless person
        "XXB",  # refugee (1951 Convention)
        "XXC",  # refugee (other)
        "XXX",  # unspecified nationality
        "EUE",  # European Union
        "RKS",  # Kosovo
    }
)

# Two-letter codes seen in INTERPOL data that ISO 3166-1 does not define.
_ALPHA2_EXTRA: dict[str, str] = {"XK": "RKS", "UK": "GBR"}

_ICAO_ALIASES: dict[str, str] = {"D": "DEU"}


@functools.cache
def _alpha3_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries)


@functools.cache
def _alpha2_to_alpha3() -> dict[str, str]:
    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table.update(_ALPHA2_EXTRA)
    return table


def normalize_country(code: str) -> str:
    """Return the canonical alpha-3 code for ``code`` or raise ValueError.

    Accepts ICAO MRZ spellings (``D``, ``D<<``, ``IDN``), ISO alpha-3 in any case, and
    ISO alpha-2 (``ID``) as INTERPOL's API uses.
    """
    text = code.strip().upper().rstrip("<")
    if text in _ICAO_ALIASES:
        return _ICAO_ALIASES[text]
    if len(text) == 3 and (text in _alpha3_codes() or text in ICAO_SPECIAL_CODES):
        return text
    if len(text) == 2:
        alpha3 = _alpha2_to_alpha3().get(text)
        if alpha3 is not None:
            return alpha3
    raise ValueError(f"unknown country code {code!r}")


def is_country(code: str) -> bool:
    try:
        normalize_country(code)
    except ValueError:
        return False
    return True
