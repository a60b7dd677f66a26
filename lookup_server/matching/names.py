"""Name similarity: pair the tokens of two names and score how well they agree.

Order-free (surname and given names swapped still match), tolerant of missing tokens
(a dropped middle name costs a little), of tokens glued or split (ABDULRAHMAN / ABDUL
RAHMAN), of initials (J / JOHN), of spelling variants (Jaro-Winkler) and of
transliteration variants (the phonetic key). Every pairing is returned so that the
answer can show which token matched which.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler

from lookup_server.matching.normalize import NameTokens
from lookup_server.matching.phonetic import phonetic_key
from lookup_server.model import TokenAlignment

#: Two tokens below this similarity are not paired at all.
MIN_PAIR_SIMILARITY = 0.70
#: Cost of each token of the longer name that found no partner (a missing middle name).
UNMATCHED_TOKEN_PENALTY = 0.04
#: A one-token name against a longer one can suggest, never establish, a match.
SINGLE_TOKEN_CAP = 0.82
_INITIAL_SIMILARITY = 0.80
_PHONETIC_FLOOR = 0.88


@dataclass(frozen=True, slots=True)
class NameComparison:
    score: float
    alignments: tuple[TokenAlignment, ...]
    query_unmatched: int
    notice_unmatched: int


def token_similarity(a: str, b: str) -> tuple[float, str]:
    """Similarity of two normalised tokens in [0, 1] and the method that gave it."""
    if a == b:
        return 1.0, "exact"
    if len(a) == 1 or len(b) == 1:
        if a[0] == b[0]:
            return _INITIAL_SIMILARITY, "initial"
        return 0.0, "initial"
    jw = JaroWinkler.similarity(a, b)
    key_a = phonetic_key(a)
    if len(key_a) >= 2 and key_a == phonetic_key(b):
        # Same sound skeleton: at least the floor, more when the spelling is close too.
        phonetic = _PHONETIC_FLOOR + 0.1 * max(0.0, jw - 0.7) / 0.3
        if phonetic > jw:
            return phonetic, "phonetic"
    return jw, "jaro-winkler"


@dataclass(frozen=True, slots=True)
class _Item:
    text: str
    indices: frozenset[int]


def _items(tokens: tuple[str, ...]) -> list[_Item]:
    items = [_Item(t, frozenset({i})) for i, t in enumerate(tokens)]
    items += [
        _Item(tokens[i] + tokens[i + 1], frozenset({i, i + 1})) for i in range(len(tokens) - 1)
    ]
    return items


def compare_names(query: NameTokens, notice: NameTokens) -> NameComparison:
    """Score how well two names agree, in [0, 1], with the token pairing."""
    q_tokens, n_tokens = query.core, notice.core
    if not q_tokens or not n_tokens:
        return NameComparison(0.0, (), len(q_tokens), len(n_tokens))
    candidates: list[tuple[float, int, str, _Item, _Item]] = []
    for qi in _items(q_tokens):
        for ni in _items(n_tokens):
            if len(qi.indices) > 1 and len(ni.indices) > 1:
                continue  # glued pairs only ever stand for one token on the other side
            sim, method = token_similarity(qi.text, ni.text)
            if sim >= MIN_PAIR_SIMILARITY:
                span = len(qi.indices) + len(ni.indices)
                candidates.append((sim, span, method, qi, ni))
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)

    used_q: set[int] = set()
    used_n: set[int] = set()
    q_weight = 0.0
    n_weight = 0.0
    alignments: list[TokenAlignment] = []
    for sim, _span, method, qi, ni in candidates:
        if qi.indices & used_q or ni.indices & used_n:
            continue
        used_q |= qi.indices
        used_n |= ni.indices
        q_weight += sim * len(qi.indices)
        n_weight += sim * len(ni.indices)
        alignments.append(TokenAlignment(qi.text, ni.text, round(sim, 4), method))
    for i, token in enumerate(q_tokens):
        if i not in used_q:
            alignments.append(TokenAlignment(token, "", 0.0, "unmatched"))

    q_count, n_count = len(q_tokens), len(n_tokens)
    q_unmatched = q_count - len(used_q)
    n_unmatched = n_count - len(used_n)
    if q_count < n_count:
        score = q_weight / q_count - UNMATCHED_TOKEN_PENALTY * n_unmatched
    elif n_count < q_count:
        score = n_weight / n_count - UNMATCHED_TOKEN_PENALTY * q_unmatched
    else:
        score = (q_weight + n_weight) / (q_count + n_count)
    if min(q_count, n_count) == 1 and max(q_count, n_count) > 1:
        score = min(score, SINGLE_TOKEN_CAP)
    return NameComparison(max(0.0, min(1.0, score)), tuple(alignments), q_unmatched, n_unmatched)
