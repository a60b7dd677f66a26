"""Name check latency against a full notice list, on PostgreSQL and on SQLite.

    python -m bench.name_latency                  # 50,000 background notices, 5 rounds
    python -m bench.name_latency --notices 5000 --rounds 2

Loads the evaluation pairs' notices among ``--notices`` generated background notices and
runs every pair's traveller through the checker in-process (blocking keys, candidate
read, scoring: the whole name check, without gRPC), one at a time, pinned to one CPU
(the database server gets the other). Reports p50 / p99 / max per round and the median
over rounds, and the recall/false-alert figures of the same run, since a faster
candidate read that loses matches is no gain.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import statistics
from typing import Any

from bench.procs import ROOT
from lookup_server.evaluation import run
from lookup_server.evaluation.pairs import NamePair, build_pairs
from tests.lab.postgres import running_cluster


def _round(outcomes: list[run.Outcome]) -> dict[str, float]:
    latencies = sorted(o.latency_ms for o in outcomes)
    return {
        "p50": statistics.median(latencies),
        "p99": latencies[min(len(latencies) - 1, round(0.99 * (len(latencies) - 1)))],
        "max": latencies[-1],
    }


async def measure(
    urls: list[str | None], pairs: list[NamePair], args: argparse.Namespace
) -> dict[str, Any]:
    """One round per URL (a fresh database each; None: a temporary SQLite file)."""
    rounds = []
    report = None
    for url in urls:
        outcomes = await run.run_pairs(pairs, background=args.notices, database_url=url)
        rounds.append(_round(outcomes))
        report = run.summarise(outcomes, "all", args.notices)
    assert report is not None
    return {
        "latency_ms": {k: statistics.median(r[k] for r in rounds) for k in ("p50", "p99", "max")},
        "rounds": rounds,
        "recall_alert": report.recall_alert.value,
        "false_alerts": report.false_alerts.value,
        "truncated": report.truncated,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--engines", default="postgres,sqlite")
    args = parser.parse_args()
    if len(os.sched_getaffinity(0)) > 1:
        os.sched_setaffinity(0, {1})
    pairs = build_pairs()
    results: dict[str, Any] = {
        "command": f"python -m bench.name_latency --notices {args.notices} --rounds {args.rounds}",
        "pairs": len(pairs),
    }
    engines = args.engines.split(",")
    if "sqlite" in engines:
        results["sqlite"] = asyncio.run(measure([None] * args.rounds, pairs, args))
    if "postgres" in engines:
        names = [f"names{i}" for i in range(args.rounds)]
        with running_cluster("bench-names", databases=names) as cluster:
            urls: list[str | None] = [cluster.dsn(name) for name in names]
            results["postgres"] = asyncio.run(measure(urls, pairs, args))
    out = ROOT / "bench" / "results" / f"{dt.datetime.now():%Y%m%d-%H%M%S}-names"
    out.mkdir(parents=True)
    (out / "results.json").write_text(json.dumps(results, indent=2))
    lines = [
        f"### Name check latency, {len(pairs)} evaluation travellers "
        f"among {args.notices:,} notices",
        "",
        f"Command: `{results['command']}`; client pinned to CPU 1; median of {args.rounds} rounds.",
        "",
        "| engine | p50 ms | p99 ms | max ms | recall (H+P) | false alerts "
        "| checks with candidates cut |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for engine in ("postgres", "sqlite"):
        if engine in results:
            r = results[engine]
            lat = r["latency_ms"]
            lines.append(
                f"| {engine} | {lat['p50']:.2f} | {lat['p99']:.2f} | {lat['max']:.2f} | "
                f"{r['recall_alert']:.4f} | {r['false_alerts']:.4f} | {r['truncated']} |"
            )
    summary = "\n".join(lines) + "\n"
    (out / "summary.md").write_text(summary)
    print(summary)
    print(f"results in {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
