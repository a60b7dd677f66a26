"""Every category of the labelled name pairs, pinned: a regression in any one fails.

Runs the whole tuning seed's pair set through the service's check path (blocking
keys, candidate read on SQLite, scoring) and holds each category to the targets the
matcher must meet: recall (HIT or POSSIBLE_MATCH) of at least 0.95 in every positive
category and 0.99 overall, HIT precision of at least 0.98, and false alerts of at most
1% in every negative category. Figures on unseen seeds are in BENCHMARKS.md.
"""

from __future__ import annotations

import pytest

from lookup_server.evaluation import run
from lookup_server.evaluation.pairs import NEGATIVE_CATEGORIES, POSITIVE_CATEGORIES, build_pairs


@pytest.fixture(scope="module")
def report() -> run.Report:
    import asyncio

    outcomes = asyncio.run(run.run_pairs(build_pairs(2026)))
    return run.summarise(outcomes, "all")


def test_overall_targets(report: run.Report) -> None:
    assert report.recall_alert.value >= 0.99, run.format_report(report)
    assert report.precision_hit.value >= 0.98, run.format_report(report)
    assert report.false_alerts.value <= 0.01, run.format_report(report)


@pytest.mark.parametrize("category", POSITIVE_CATEGORIES)
def test_positive_category_recall(report: run.Report, category: str) -> None:
    row = next(r for r in report.categories if r.category == category)
    assert row.alert.value >= 0.95, f"{category}: recall {row.alert.value:.3f}"


@pytest.mark.parametrize("category", NEGATIVE_CATEGORIES)
def test_negative_category_false_alerts(report: run.Report, category: str) -> None:
    row = next(r for r in report.categories if r.category == category)
    assert row.alert.value <= 0.01, f"{category}: false alerts {row.alert.value:.3f}"
