"""Name similarity: pair the tokens of two names and score how well they agree.

Order-free (surname and given names swapped still match), tolerant of missing tokens
(a dropped middle name costs a little), of tokens glued or split (ABDULRAHMAN / ABDUL
RAHMAN), of initials (J / JOHN), of spelling variants (Jaro-Winkler) and of
transliteration variants (the phonetic key). Every pairing is returned so that the
answer can show which token matched which.
"""

from __future__ import annotations

import functools
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


@functools.lru_cache(maxsize=500_000)
def token_similarity(a: str, b: str) -> tuple[float, str]:
    """Similarity of two normalised tokens in [0, 1] and the method that gave it.

    Cached: border names repeat (the same common tokens meet again and again), and a
    check compares each traveller token with the tokens of up to a few hundred notices.
    """
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


def compare_names(query: NameTokens, notice: NameTokens) -> NameComparison:
    """Score how well two names agree, in [0, 1], with the token pairing.

    Greedy pairing, best similarity first: items (tokens, and adjacent tokens glued
    together) are paired while neither side's positions are taken. A glued item only
    ever pairs with a single token on the other side.
    """
    q_count, n_count = len(query.core), len(notice.core)
    if not q_count or not n_count:
        return NameComparison(0.0, (), q_count, n_count)
    candidates: list[tuple[float, int, str, str, int, str, int]] = []
    for q_text, q_mask in query.items:
        q_glued = q_mask & (q_mask - 1)  # non-zero when two positions are covered
        for n_text, n_mask in notice.items:
            if q_glued and n_mask & (n_mask - 1):
                continue
            sim, method = token_similarity(q_text, n_text)
            if sim >= MIN_PAIR_SIMILARITY:
                span = q_mask.bit_count() + n_mask.bit_count()
                candidates.append((sim, span, method, q_text, q_mask, n_text, n_mask))
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)

    used_q = used_n = 0
    q_weight = n_weight = 0.0
    alignments: list[TokenAlignment] = []
    for sim, _span, method, q_text, q_mask, n_text, n_mask in candidates:
        if q_mask & used_q or n_mask & used_n:
            continue
        used_q |= q_mask
        used_n |= n_mask
        q_weight += sim * q_mask.bit_count()
        n_weight += sim * n_mask.bit_count()
        alignments.append(TokenAlignment(q_text, n_text, round(sim, 4), method))
    for i, token in enumerate(query.core):
        if not used_q >> i & 1:
            alignments.append(TokenAlignment(token, "", 0.0, "unmatched"))

    q_unmatched = q_count - used_q.bit_count()
    n_unmatched = n_count - used_n.bit_count()
    if q_count < n_count:
        score = q_weight / q_count - UNMATCHED_TOKEN_PENALTY * n_unmatched
    elif n_count < q_count:
        score = n_weight / n_count - UNMATCHED_TOKEN_PENALTY * q_unmatched
    else:
        score = (q_weight + n_weight) / (q_count + n_count)
    if min(q_count, n_count) == 1 and max(q_count, n_count) > 1:
        score = min(score, SINGLE_TOKEN_CAP)
    return NameComparison(max(0.0, min(1.0, score)), tuple(alignments), q_unmatched, n_unmatched)
