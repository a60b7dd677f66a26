"""Scoring a traveller against candidate notices: name similarity plus evidence.

score = best name similarity over the notice's names
        + date of birth + sex + nationality deltas (see ``evidence``), clamped to [0, 1]

A notice is a HIT when the score reaches ``hit`` and nothing rules it out; a
POSSIBLE_MATCH when it reaches ``possible``; a known date-of-birth conflict caps it
below ``possible``. Every match carries its field comparisons and token pairings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lookup_server.matching.evidence import (
    DEFAULT_WEIGHTS,
    EvidenceWeights,
    compare_dob,
    compare_nationality,
    compare_sex,
)
from lookup_server.matching.names import NameComparison, compare_names
from lookup_server.matching.normalize import NameTokens, name_tokens, name_variants
from lookup_server.model import (
    Agreement,
    FieldComparison,
    Notice,
    PersonName,
    TokenAlignment,
    TravellerQuery,
    Verdict,
)


@dataclass(frozen=True, slots=True)
class Thresholds:
    hit: float = 0.90
    possible: float = 0.75
    #: A name this weak never makes a match, whatever the evidence.
    min_name: float = 0.70

    def __post_init__(self) -> None:
        if not 0.0 < self.possible <= self.hit <= 1.0:
            raise ValueError("thresholds must satisfy 0 < possible <= hit <= 1")
        if not 0.0 <= self.min_name <= 1.0:
            raise ValueError("min_name must be within [0, 1]")


@dataclass(frozen=True, slots=True)
class ScoredNotice:
    """A notice that scored at least ``possible``; the checker adds the action."""

    notice: Notice
    score: float
    verdict: Verdict
    matched_name: PersonName
    fields: tuple[FieldComparison, ...]
    tokens: tuple[TokenAlignment, ...]


@dataclass(frozen=True, slots=True)
class PreparedQuery:
    query: TravellerQuery
    name: NameTokens
    #: Name comparisons already made for this query, by notice name: candidates often
    #: share a name (common names), and a name is compared once per check.
    compared: dict[NameTokens, NameComparison] = field(default_factory=dict)


class Matcher:
    """Stateless scorer; one per server, shared by all calls."""

    def __init__(
        self, thresholds: Thresholds | None = None, weights: EvidenceWeights = DEFAULT_WEIGHTS
    ) -> None:
        self.thresholds = thresholds or Thresholds()
        self.weights = weights

    def prepare(self, query: TravellerQuery) -> PreparedQuery:
        return PreparedQuery(query, name_tokens(query.surname, query.given_names))

    def _best_name(
        self,
        query: NameTokens,
        notice: Notice,
        truncated: bool,
        compared: dict[NameTokens, NameComparison],
    ) -> tuple[NameComparison, PersonName]:
        best: tuple[NameComparison, PersonName] | None = None
        for name in notice.names:
            for variant in name_variants(name.surname, name.given_names):
                comparison = compared.get(variant)
                if comparison is None:
                    comparison = compare_names(query, variant, truncated=truncated)
                    compared[variant] = comparison
                if best is None or comparison.score > best[0].score:
                    best = (comparison, name)
        assert best is not None  # Notice guarantees at least one name
        return best

    def score(self, prepared: PreparedQuery, notice: Notice) -> ScoredNotice | None:
        """The match of one notice, or None when it is below ``possible``."""
        if prepared.name.is_empty or not notice.is_active:
            return None
        comparison, name = self._best_name(
            prepared.name, notice, prepared.query.name_truncated, prepared.compared
        )
        if comparison.score < self.thresholds.min_name:
            return None
        query = prepared.query
        dob = compare_dob(query.date_of_birth, notice.dates_of_birth, self.weights)
        sex = compare_sex(query.sex, notice.sex, self.weights)
        nationality = compare_nationality(query.nationality, notice.nationalities, self.weights)
        name_field = FieldComparison(
            "name",
            Agreement.MATCH if comparison.score >= 0.99 else Agreement.PARTIAL,
            round(comparison.score, 4),
            _describe_name(comparison),
        )
        fields = (name_field, dob, sex, nationality)
        score = comparison.score + dob.score_delta + sex.score_delta + nationality.score_delta
        score = max(0.0, min(1.0, score))
        if dob.agreement is Agreement.MISMATCH or sex.agreement is Agreement.MISMATCH:
            # A known conflict rules the match out, however close the name.
            score = min(score, self.thresholds.possible - 0.01)
        if score >= self.thresholds.hit:
            verdict = Verdict.HIT
        elif score >= self.thresholds.possible:
            verdict = Verdict.POSSIBLE_MATCH
        else:
            return None
        return ScoredNotice(
            notice=notice,
            score=round(score, 4),
            verdict=verdict,
            matched_name=name,
            fields=fields,
            tokens=comparison.alignments,
        )


def _describe_name(comparison: NameComparison) -> str:
    paired = [a for a in comparison.alignments if a.notice_token]
    parts = [
        f"{a.query_token}={a.notice_token}"
        if a.method == "exact"
        else f"{a.query_token}~{a.notice_token} ({a.method} {a.similarity:.2f})"
        for a in paired
    ]
    text = ", ".join(parts) if parts else "no token paired"
    missing = comparison.query_unmatched + comparison.notice_unmatched
    if missing:
        text += f"; {missing} token(s) without a partner"
    return text
