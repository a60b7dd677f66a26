"""Normalisation of travel document numbers and keys.

A document is identified by (issuing country, number). Numbers are compared after
upper-casing and removing the separators that people and data files insert (spaces,
``-``, ``/``, ``.``, MRZ fillers ``<``). Nothing else is folded: ``O`` and ``0`` are
different characters on a real document.
"""

from __future__ import annotations

import re

from lookup_server.countries import normalize_country
from lookup_server.model import DocumentKey

MAX_DOCUMENT_NUMBER_LENGTH = 24  # TD1 overflow allows 9 + 14 characters; keep a margin
_SEPARATORS = re.compile(r"[\s\-/.<]+")
_VALID = re.compile(r"[A-Z0-9]+")


def normalize_document_number(text: str) -> str:
    """Return the comparable form of a document number or raise ValueError."""
    number = _SEPARATORS.sub("", text.upper())
    if not number:
        raise ValueError("document number is empty")
    if not _VALID.fullmatch(number):
        bad = sorted({c for c in number if not ("A" <= c <= "Z" or "0" <= c <= "9")})
        raise ValueError(f"document number has characters outside A-Z and 0-9: {''.join(bad)!r}")
    if len(number) > MAX_DOCUMENT_NUMBER_LENGTH:
        raise ValueError(
            f"document number is {len(number)} characters long, at most "
            f"{MAX_DOCUMENT_NUMBER_LENGTH} are allowed"
        )
    return number


def document_key(issuing_country: str, number: str) -> DocumentKey:
    """Build a normalised key; raises ValueError naming what is wrong."""
    return DocumentKey(normalize_country(issuing_country), normalize_document_number(number))
