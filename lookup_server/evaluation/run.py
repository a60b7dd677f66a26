"""Run the labelled name pairs through the service's own check path and measure it.

Every pair's notice is loaded into a fresh store (SQLite in a temporary directory,
or a database given by URL), optionally among generated background notices, and every
pair's traveller goes through :meth:`Checker.check_traveller`: blocking keys, candidate
retrieval with its limit, scoring, thresholds. A pair's outcome is the verdict for its
own notice (CLEAR when that notice is not among the matches).

Figures, for HIT alone and for HIT plus POSSIBLE_MATCH ("alert"):
* recall: positives whose notice was found, overall and per positive category;
* precision: found positives / (found positives + negatives that alerted);
* false alerts: negatives that alerted / negatives, overall and per negative category;
* latency of each check (store read and scoring), p50 / p99 / max.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from lookup_server.checker import Checker, CheckerOptions
from lookup_server.evaluation.pairs import (
    NEGATIVE_CATEGORIES,
    POSITIVE_CATEGORIES,
    NamePair,
    split_of,
)
from lookup_server.loading.generate import generate_dataset
from lookup_server.loading.notices import read_notices
from lookup_server.matching.keys import KEY_SCHEME, notice_keys
from lookup_server.matching.scorer import Matcher
from lookup_server.model import Verdict
from lookup_server.runtime import settle_heap
from lookup_server.sop import load_procedures
from lookup_server.store.base import Store, StoredNotice
from lookup_server.store.factory import open_store

Split = Literal["tune", "test", "all"]


@dataclass(frozen=True, slots=True)
class Outcome:
    pair: NamePair
    verdict: Verdict
    score: float
    latency_ms: float
    truncated: bool


@dataclass(frozen=True, slots=True)
class Rate:
    hits: int
    total: int

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else float("nan")


@dataclass(frozen=True, slots=True)
class CategoryRow:
    category: str
    positive: bool
    pairs: int
    hit: Rate  # positives: found as HIT; negatives: HIT false alerts
    alert: Rate  # positives: found as HIT or POSSIBLE; negatives: any false alert


@dataclass
class Report:
    split: Split
    positives: int = 0
    negatives: int = 0
    recall_hit: Rate = Rate(0, 0)
    recall_alert: Rate = Rate(0, 0)
    precision_hit: Rate = Rate(0, 0)
    precision_alert: Rate = Rate(0, 0)
    false_alerts: Rate = Rate(0, 0)
    false_hits: Rate = Rate(0, 0)
    categories: list[CategoryRow] = field(default_factory=list)
    latency_p50_ms: float = 0.0
    latency_p99_ms: float = 0.0
    latency_max_ms: float = 0.0
    truncated: int = 0
    background: int = 0


def select(pairs: Iterable[NamePair], split: Split) -> list[NamePair]:
    return [p for p in pairs if split == "all" or split_of(p) == split]


async def _load(store: Store, pairs: Sequence[NamePair], background: int, work: Path) -> None:
    rows = [StoredNotice(p.notice, notice_keys(p.notice)) for p in pairs]
    if background:
        generate_dataset(work / "background", notices=background, documents=0, seed=7, travellers=0)
        rows += [
            StoredNotice(n, notice_keys(n))
            for n in read_notices(work / "background" / "notices.json")
        ]
    await store.load_notices(rows, key_scheme=KEY_SCHEME)


async def run_pairs(
    pairs: Sequence[NamePair],
    *,
    matcher: Matcher | None = None,
    options: CheckerOptions | None = None,
    background: int = 0,
    database_url: str | None = None,
) -> list[Outcome]:
    """Check every pair's traveller through the service's check path."""
    with tempfile.TemporaryDirectory(prefix="notice-lookup-eval-") as tmp:
        work = Path(tmp)
        store = await open_store(database_url or f"sqlite:///{work / 'eval.db'}")
        try:
            await _load(store, pairs, background, work)
            checker = Checker(store, matcher or Matcher(), load_procedures(), options)
            settle_heap()  # as the server does after start-up
            outcomes = []
            for pair in pairs:
                start = time.perf_counter()
                result = await checker.check_traveller(pair.query)
                elapsed = (time.perf_counter() - start) * 1000
                own = next(
                    (m for m in result.matches if m.notice.notice_id == pair.notice.notice_id), None
                )
                outcomes.append(
                    Outcome(
                        pair=pair,
                        verdict=own.verdict if own else Verdict.CLEAR,
                        score=own.score if own else 0.0,
                        latency_ms=elapsed,
                        truncated=result.candidates_truncated,
                    )
                )
        finally:
            await store.close()
    return outcomes


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))] if ordered else 0.0


def summarise(outcomes: Sequence[Outcome], split: Split, background: int = 0) -> Report:
    positives = [o for o in outcomes if o.pair.label]
    negatives = [o for o in outcomes if not o.pair.label]
    tp_hit = sum(o.verdict is Verdict.HIT for o in positives)
    tp_alert = sum(o.verdict is not Verdict.CLEAR for o in positives)
    fp_hit = sum(o.verdict is Verdict.HIT for o in negatives)
    fp_alert = sum(o.verdict is not Verdict.CLEAR for o in negatives)
    report = Report(
        split=split,
        positives=len(positives),
        negatives=len(negatives),
        recall_hit=Rate(tp_hit, len(positives)),
        recall_alert=Rate(tp_alert, len(positives)),
        precision_hit=Rate(tp_hit, tp_hit + fp_hit),
        precision_alert=Rate(tp_alert, tp_alert + fp_alert),
        false_alerts=Rate(fp_alert, len(negatives)),
        false_hits=Rate(fp_hit, len(negatives)),
        truncated=sum(o.truncated for o in outcomes),
        background=background,
    )
    latencies = [o.latency_ms for o in outcomes]
    if latencies:
        report.latency_p50_ms = statistics.median(latencies)
        report.latency_p99_ms = _percentile(latencies, 99)
        report.latency_max_ms = max(latencies)
    for category in (*POSITIVE_CATEGORIES, *NEGATIVE_CATEGORIES):
        rows = [o for o in outcomes if o.pair.category == category]
        if not rows:
            continue
        report.categories.append(
            CategoryRow(
                category=category,
                positive=rows[0].pair.label,
                pairs=len(rows),
                hit=Rate(sum(o.verdict is Verdict.HIT for o in rows), len(rows)),
                alert=Rate(sum(o.verdict is not Verdict.CLEAR for o in rows), len(rows)),
            )
        )
    return report


def _pct(rate: Rate) -> str:
    return f"{rate.value:.4f} ({rate.hits}/{rate.total})"


def _row(row: CategoryRow) -> str:
    return (
        f"  {row.category:<30} {row.pairs:>6}   {row.alert.value:>10.4f}   {row.hit.value:>10.4f}"
    )


def format_report(report: Report) -> str:
    lines = [
        f"Name matching evaluation: split {report.split!r}, {report.positives} positive and "
        f"{report.negatives} negative pairs"
        + (f", among {report.background} background notices" if report.background else ""),
        "",
        f"  recall, HIT + POSSIBLE_MATCH   {_pct(report.recall_alert)}",
        f"  recall, HIT alone              {_pct(report.recall_hit)}",
        f"  precision, HIT                 {_pct(report.precision_hit)}",
        f"  precision, HIT + POSSIBLE      {_pct(report.precision_alert)}",
        f"  false alerts on negatives      {_pct(report.false_alerts)}",
        f"  false HITs on negatives        {_pct(report.false_hits)}",
        f"  check latency ms               p50 {report.latency_p50_ms:.2f}  "
        f"p99 {report.latency_p99_ms:.2f}  max {report.latency_max_ms:.2f}",
        f"  checks with candidates cut     {report.truncated}",
        "",
        "  positive categories             pairs   recall(H+P)   recall(HIT)",
    ]
    for row in report.categories:
        if row.positive:
            lines.append(_row(row))
    lines += ["", "  negative categories             pairs   false alerts  false HITs"]
    for row in report.categories:
        if not row.positive:
            lines.append(_row(row))
    return "\n".join(lines) + "\n"


def format_failures(outcomes: Sequence[Outcome], limit: int = 50) -> str:
    """Missed positives and alerting negatives, for tuning (use on the tune split)."""
    failed = [
        o
        for o in outcomes
        if (o.pair.label and o.verdict is Verdict.CLEAR)
        or (not o.pair.label and o.verdict is not Verdict.CLEAR)
    ]
    lines = [f"{len(failed)} failures"]
    for o in failed[:limit]:
        q = o.pair.query
        names = "; ".join(f"{n.surname} / {n.given_names}" for n in o.pair.notice.names)
        lines.append(
            f"  {o.pair.pair_id} {o.pair.category} {o.verdict.name} {o.score:.3f}: "
            f"query {q.surname} / {q.given_names} {q.date_of_birth} {q.sex.value} {q.nationality}"
            f" | notice {names} {', '.join(str(d) for d in o.pair.notice.dates_of_birth)} "
            f"{o.pair.notice.sex.value} | {o.pair.note}"
        )
    return "\n".join(lines) + "\n"
