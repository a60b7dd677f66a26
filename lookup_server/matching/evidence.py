"""Evidence besides the name: date of birth, sex and nationality.

Each comparison returns a :class:`FieldComparison` saying how the field agreed and how
much it moves the score. Evidence can raise confidence (a full date-of-birth agreement
confirms a name match) as well as lower it; a *known* conflict (two complete, different
dates of birth that are not a plausible typing slip; different sexes) rules a match out.
Unknown values never count against a match.
"""

from __future__ import annotations

from dataclasses import dataclass

from lookup_server.model import Agreement, FieldComparison, PartialDate, Sex


@dataclass(frozen=True, slots=True)
class EvidenceWeights:
    dob_exact: float = 0.10
    dob_swapped: float = 0.05
    dob_year_month: float = 0.05
    dob_year_only: float = 0.03
    dob_one_digit: float = 0.0
    dob_conflict: float = -0.40
    dob_year_conflict: float = -0.30
    sex_match: float = 0.0
    sex_conflict: float = -0.30
    nationality_match: float = 0.03
    nationality_conflict: float = -0.03


DEFAULT_WEIGHTS = EvidenceWeights()


def _one_digit_apart(a: int, b: int, width: int) -> bool:
    sa, sb = f"{a:0{width}d}", f"{b:0{width}d}"
    diffs = [i for i in range(width) if sa[i] != sb[i]]
    if len(diffs) == 1:
        return True
    # two adjacent digits transposed (1987 / 1978)
    return (
        len(diffs) == 2
        and diffs[1] == diffs[0] + 1
        and sa[diffs[0]] == sb[diffs[1]]
        and (sa[diffs[1]] == sb[diffs[0]])
    )


def _compare_one_dob(q: PartialDate, n: PartialDate, w: EvidenceWeights) -> FieldComparison:
    field = "date_of_birth"
    if q.year is None or n.year is None:
        return FieldComparison(field, Agreement.UNKNOWN, 0.0, "year of birth unknown on one side")
    if q.is_complete and n.is_complete:
        if q == n:
            return FieldComparison(field, Agreement.MATCH, w.dob_exact, "same date of birth")
        if q.year == n.year and q.day == n.month and q.month == n.day:
            return FieldComparison(field, Agreement.PARTIAL, w.dob_swapped, "day and month swapped")
        # Complete dates: every part is known, so `or 0` never applies.
        parts = (
            ("year", q.year, n.year, 4),
            ("month", q.month or 0, n.month or 0, 2),
            ("day", q.day or 0, n.day or 0, 2),
        )
        differing = [(name, a, b, width) for name, a, b, width in parts if a != b]
        if len(differing) == 1:
            name, a, b, width = differing[0]
            if _one_digit_apart(a, b, width):
                return FieldComparison(
                    field, Agreement.PARTIAL, w.dob_one_digit, f"{name} differs by one digit"
                )
        return FieldComparison(
            field, Agreement.MISMATCH, w.dob_conflict, f"different dates of birth ({q} / {n})"
        )
    # At least one side is partial.
    if q.year != n.year:
        if _one_digit_apart(q.year, n.year, 4):
            return FieldComparison(
                field, Agreement.PARTIAL, w.dob_one_digit, "year differs by one digit"
            )
        return FieldComparison(
            field,
            Agreement.MISMATCH,
            w.dob_year_conflict,
            f"different years of birth ({q.year} / {n.year})",
        )
    if q.month is not None and n.month is not None:
        if q.month != n.month:
            return FieldComparison(
                field, Agreement.PARTIAL, 0.0, "same year of birth, different month"
            )
        return FieldComparison(
            field, Agreement.PARTIAL, w.dob_year_month, "same year and month of birth"
        )
    return FieldComparison(field, Agreement.PARTIAL, w.dob_year_only, "same year of birth")


_AGREEMENT_RANK = {
    Agreement.MATCH: 4,
    Agreement.PARTIAL: 3,
    Agreement.UNKNOWN: 2,
    Agreement.MISMATCH: 1,
}


def compare_dob(
    query: PartialDate, notice_dates: tuple[PartialDate, ...], w: EvidenceWeights = DEFAULT_WEIGHTS
) -> FieldComparison:
    """Best agreement between the traveller's date of birth and any of the notice's."""
    if query.is_unknown or not notice_dates:
        return FieldComparison("date_of_birth", Agreement.UNKNOWN, 0.0, "date of birth unknown")
    results = [_compare_one_dob(query, n, w) for n in notice_dates]
    return max(results, key=lambda r: (_AGREEMENT_RANK[r.agreement], r.score_delta))


def compare_sex(query: Sex, notice: Sex, w: EvidenceWeights = DEFAULT_WEIGHTS) -> FieldComparison:
    if query is Sex.UNSPECIFIED or notice is Sex.UNSPECIFIED:
        return FieldComparison("sex", Agreement.UNKNOWN, 0.0, "sex unknown on one side")
    if query is notice:
        return FieldComparison("sex", Agreement.MATCH, w.sex_match, "same sex")
    return FieldComparison("sex", Agreement.MISMATCH, w.sex_conflict, "different sex")


def compare_nationality(
    query: str, notice: tuple[str, ...], w: EvidenceWeights = DEFAULT_WEIGHTS
) -> FieldComparison:
    if not query or not notice:
        return FieldComparison("nationality", Agreement.UNKNOWN, 0.0, "nationality unknown")
    if query in notice:
        return FieldComparison(
            "nationality", Agreement.MATCH, w.nationality_match, "nationality listed in notice"
        )
    return FieldComparison(
        "nationality",
        Agreement.MISMATCH,
        w.nationality_conflict,
        "nationality not among the notice's (nationality can change)",
    )
