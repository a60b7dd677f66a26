"""Blocking keys: how a name check finds its candidates without scanning all notices.

Each notice is stored under keys derived from its names; a query computes the same keys
from the traveller's name and the store returns the notices that share keys, most
shared first. Keys per core token: the token itself (``t:``) and its phonetic key
(``p:``, when at least two characters long); and the same for each pair of adjacent
tokens glued together, so ABDUL RAHMAN finds ABDULRAHMAN and the reverse.

:data:`KEY_SCHEME` names this scheme. Stores record it; changing how keys are built
means a new scheme name and ``notice-lookup reindex``.
"""

from __future__ import annotations

from lookup_server.matching.normalize import NameTokens, name_tokens
from lookup_server.matching.phonetic import phonetic_key
from lookup_server.model import Notice, TravellerQuery

KEY_SCHEME = "tp1"

_MIN_PHONETIC = 2


def _token_keys(token: str, keys: set[str]) -> None:
    keys.add("t:" + token)
    key = phonetic_key(token)
    if len(key) >= _MIN_PHONETIC:
        keys.add("p:" + key)


def keys_for_tokens(name: NameTokens) -> set[str]:
    keys: set[str] = set()
    for token in name.core:
        _token_keys(token, keys)
    for left, right in zip(name.core, name.core[1:], strict=False):
        _token_keys(left + right, keys)
    return keys


def notice_keys(notice: Notice) -> frozenset[str]:
    """Every key of every name of the notice (primary, aliases, original script)."""
    keys: set[str] = set()
    for name in notice.names:
        keys |= keys_for_tokens(name_tokens(name.surname, name.given_names))
    return frozenset(keys)


def query_keys(query: TravellerQuery) -> tuple[str, ...]:
    """Sorted keys of the traveller's name (sorted: equal queries, equal key lists)."""
    return tuple(sorted(keys_for_tokens(name_tokens(query.surname, query.given_names))))
