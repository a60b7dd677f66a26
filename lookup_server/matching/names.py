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

from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

from lookup_server.matching.normalize import NameTokens
from lookup_server.matching.phonetic import phonetic_keys
from lookup_server.model import TokenAlignment

#: Two tokens below this similarity are not paired at all.
MIN_PAIR_SIMILARITY = 0.75
#: Cost of each token of the longer name that found no partner (a missing middle name).
UNMATCHED_TOKEN_PENALTY = 0.04
#: A one-token name against a longer one can suggest, never establish, a match.
SINGLE_TOKEN_CAP = 0.82
_INITIAL_SIMILARITY = 0.80
_PHONETIC_FLOOR = 0.88
_ONE_EDIT_SIMILARITY = 0.93
_EDIT_PENALTY = 0.10
_ALTERNATE_CAP = 0.95
_TRUNCATED_SIMILARITY = 0.95
_SHORT_TOKEN = 3
_SHORT_PHONETIC_SIMILARITY = 0.80
_SHORT_TOKEN_PENALTY = 0.15


@dataclass(frozen=True, slots=True)
class NameComparison:
    score: float
    alignments: tuple[TokenAlignment, ...]
    query_unmatched: int
    notice_unmatched: int


@functools.lru_cache(maxsize=500_000)
def token_similarity(a: str, b: str) -> tuple[float, str]:
    """Similarity of two normalised tokens in [0, 1] and the method that gave it.

    exact 1.0; an initial against a name with that initial 0.80; the same phonetic key
    (a transliteration variant) at least 0.88; one edit (a typing slip) on tokens of
    four letters or more at least 0.93; otherwise Jaro-Winkler, lowered by 0.10 for
    every edit beyond the first, because two names several edits apart (KWAME /
    KWABENA, SARA / SHIRA) are usually different names, not misspellings. Cached:
    border names repeat, and each check meets the same common tokens again and again.
    """
    if a == b:
        return 1.0, "exact"
    if len(a) == 1 or len(b) == 1:
        if a[0] == b[0]:
            return _INITIAL_SIMILARITY, "initial"
        return 0.0, "initial"
    jw = JaroWinkler.similarity(a, b)
    shared = set(phonetic_keys(a)) & set(phonetic_keys(b))
    short = max(len(a), len(b)) <= _SHORT_TOKEN
    if shared and short and not any(len(key) >= 2 for key in shared):
        # One-syllable names (Korean SEO / SUH, Chinese LI / LEE, JI / CHI): the same
        # single consonant is a weaker sign than a shared skeleton.
        return max(jw, _SHORT_PHONETIC_SIMILARITY), "phonetic"
    if any(len(key) >= 2 for key in shared):
        # Same sound skeleton: at least the floor, more when the spelling is close too.
        phonetic = _PHONETIC_FLOOR + 0.1 * max(0.0, jw - 0.7) / 0.3
        if phonetic > jw:
            return phonetic, "phonetic"
    edits = DamerauLevenshtein.distance(a, b)
    if edits == 1 and min(len(a), len(b)) >= 4:
        return max(jw, _ONE_EDIT_SIMILARITY), "one-edit"
    penalty = _EDIT_PENALTY * max(0, edits - 1)
    if short:
        # In a name of three letters one letter is a third of it: HAO / TAO, LIN / LAN
        # are different names, however high Jaro-Winkler rates them.
        penalty += _SHORT_TOKEN_PENALTY
    return max(0.0, jw - penalty), "jaro-winkler"


@functools.lru_cache(maxsize=1_000_000)
def _item_similarity(query: tuple[str, ...], notice: tuple[str, ...]) -> tuple[float, str]:
    """Best similarity over the spellings of two items. A match found only through an
    alternative spelling (a particle glued on or taken off) is capped below exact."""
    best, method = token_similarity(query[0], notice[0])
    if best == 1.0:
        return best, method
    for i, q in enumerate(query):
        for j, n in enumerate(notice):
            if i == 0 and j == 0:
                continue
            if i and j and q != n:
                # Two alternates agree only exactly (TAY and ZHENG are both =ZHENG);
                # fuzzily, VANHUY and VANKHOA would look alike for their particle.
                continue
            sim, _ = token_similarity(q, n)
            sim = min(sim, _ALTERNATE_CAP)
            if sim > best:
                best, method = sim, "particle"
    return best, method


def compare_names(
    query: NameTokens, notice: NameTokens, *, truncated: bool = False
) -> NameComparison:
    """Score how well two names agree, in [0, 1], with the token pairing.

    Greedy pairing, best similarity first: items (tokens, and adjacent tokens glued
    together) are paired while neither side's positions are taken. A glued item only
    ever pairs with a single token on the other side. ``truncated``: the query's name
    was cut to fit the MRZ, so its last token may be the start of a notice token and
    notice tokens left without a partner may simply have been cut off.
    """
    q_count, n_count = len(query.core), len(notice.core)
    if not q_count or not n_count:
        return NameComparison(0.0, (), q_count, n_count)
    last = 1 << (q_count - 1)
    # Gluing two tokens into one (or splitting one) changes a name's token count, so
    # glued items are only worth comparing when the counts differ; skipping them
    # otherwise makes long names four times cheaper to compare.
    q_items, n_items = query.items, notice.items
    if q_count == n_count:
        q_items, n_items = q_items[:q_count], n_items[:n_count]
    candidates: list[tuple[float, int, str, str, int, str, int]] = []
    for q_spellings, q_mask in q_items:
        q_glued = q_mask & (q_mask - 1)  # non-zero when two positions are covered
        for n_spellings, n_mask in n_items:
            if q_glued and n_mask & (n_mask - 1):
                continue
            sim, method = _item_similarity(q_spellings, n_spellings)
            if (
                truncated
                and q_mask == last
                and sim < _TRUNCATED_SIMILARITY
                and n_spellings[0].startswith(q_spellings[0])
            ):
                sim, method = _TRUNCATED_SIMILARITY, "truncated"
            if sim >= MIN_PAIR_SIMILARITY:
                span = q_mask.bit_count() + n_mask.bit_count()
                candidates.append(
                    (sim, span, method, q_spellings[0], q_mask, n_spellings[0], n_mask)
                )
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
        cut_off = n_unmatched if truncated else 0
        score = q_weight / q_count - UNMATCHED_TOKEN_PENALTY * (n_unmatched - cut_off)
    elif n_count < q_count:
        score = n_weight / n_count - UNMATCHED_TOKEN_PENALTY * q_unmatched
    else:
        score = (q_weight + n_weight) / (q_count + n_count)
    if min(q_count, n_count) == 1 and max(q_count, n_count) > 1:
        score = min(score, SINGLE_TOKEN_CAP)
    return NameComparison(max(0.0, min(1.0, score)), tuple(alignments), q_unmatched, n_unmatched)
