"""Blocking keys: how a name check finds its candidates without scanning all notices.

Each notice is stored under keys derived from its names; a query computes the same keys
from the traveller's name and the store returns the notices that share keys, most
shared first. Keys per core token: the token itself (``t:``) and its phonetic key
(``p:``, when at least two characters long); the same for each pair of adjacent
tokens glued together, so ABDUL RAHMAN finds ABDULRAHMAN and the reverse, and for the
alternative spellings of a token (particles glued on or taken off: VAN DER BERG finds
VANDERBERG). A notice in Han or Arabic script is keyed in every romanisation tradition
of its script (pinyin, Wade-Giles, Cantonese; Arabic, Egyptian, Persian). Core tokens
of five letters or more also get their single-deletion neighbours (``d:``), so a name
with one typing slip (SADNEEP for SANDEEP) still finds its notice when no other token
can. Each pair of core tokens gives a key of their two phonetic keys (``q:``), rare
even when both tokens are common. The year of birth is a key too (``y:``), which only
ranks: among notices that share the name keys, those born the same year come first.
The store weighs keys by rarity (see ``Store.lookup``), fuzzy ``d:`` keys a quarter.

:data:`KEY_SCHEME` names this scheme. Stores record it; changing how keys are built
means a new scheme name and ``notice-lookup reindex``.
"""

from __future__ import annotations

from lookup_server.matching.normalize import NameTokens, name_tokens, name_variants
from lookup_server.matching.phonetic import phonetic_key, phonetic_keys
from lookup_server.model import Notice, TravellerQuery

KEY_SCHEME = "tpdqye8"

_MIN_PHONETIC = 2
_MIN_DELETION_LENGTH = 5
_MAX_PAIRED_TOKENS = 6


def _token_keys(token: str, keys: set[str]) -> None:
    keys.add("t:" + token)
    for key in phonetic_keys(token):
        if len(key) >= _MIN_PHONETIC:
            keys.add("p:" + key)


def keys_for_tokens(name: NameTokens) -> set[str]:
    keys: set[str] = set()
    for spellings, _mask in name.items:
        for spelling in spellings:
            _token_keys(spelling, keys)
    sounds = sorted({phonetic_key(t) for t in name.core[:_MAX_PAIRED_TOKENS]} - {""})
    for i, first in enumerate(sounds):
        for second in sounds[i + 1 :]:
            # Two tokens' sounds together, in any order: rare even when each is common
            # (MUHAMMAD and RASHID are common, the pair much less).
            keys.add(f"q:{first}+{second}")
    for token in name.core:
        if len(token) >= _MIN_DELETION_LENGTH:
            # One letter deleted, at each position: two tokens one typing slip apart
            # (substitution, insertion, deletion, adjacent transposition) share one.
            keys.update("d:" + token[:i] + token[i + 1 :] for i in range(len(token)))
    return keys


def notice_keys(notice: Notice) -> frozenset[str]:
    """Every key of every name of the notice (primary, aliases, original script)."""
    keys: set[str] = set()
    for name in notice.names:
        for variant in name_variants(name.surname, name.given_names):
            keys |= keys_for_tokens(variant)
    keys |= {f"y:{d.year}" for d in notice.dates_of_birth if d.year is not None}
    return frozenset(keys)


def query_keys(query: TravellerQuery) -> tuple[str, ...]:
    """Sorted keys of the traveller's name (sorted: equal queries, equal key lists)."""
    keys = keys_for_tokens(name_tokens(query.surname, query.given_names))
    if keys and query.date_of_birth.year is not None:
        keys.add(f"y:{query.date_of_birth.year}")
    return tuple(sorted(keys))
