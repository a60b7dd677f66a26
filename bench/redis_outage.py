"""Redis outage under load: the shared cache tier dies mid-run and comes back.

    python -m bench.redis_outage                  # 300 checks/s for 24 s, Redis down 8-14 s
    python -m bench.redis_outage --rate 200 --seconds 20 --kill-at 6 --down-for 5

What it does, on loopback, everything stopped at the end (even on error):
1. generates a seeded data set into an SQLite file and starts a throwaway Redis
   (tests.lab) and ``notice-lookup serve`` with the Redis tier and the in-process tier
   off (every repeat check is a Redis hit: the case an outage hurts most), pinned to
   CPU 0; this client pins itself to CPU 1;
2. warms the cache (every traveller of the set checked once: the answers are cached
   in Redis), then checks the same travellers at a fixed rate (open loop, 2 s deadline
   per call, as a terminal), recording each call's send time, latency, status and
   answering source;
3. kills Redis (SIGKILL) at ``--kill-at`` and starts it again on the same port
   ``--down-for`` seconds later (empty: it kept nothing);
4. reports failed checks (0 expected: a Redis failure is a cache miss, never an
   error), p50/p99/max before the kill, while Redis is down, and after it returned,
   the answering sources per phase, and when Redis hits resumed; plots latency over
   time with both events marked.

Results: bench/results/redis_outage/redis_outage.json and redis_outage.png.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import secrets
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import uvloop

from bench.cache_throughput import CLIENT_CPUS, clear_travellers, open_loop
from bench.core_latency import run_load
from bench.failover import DEADLINE_S, Call, RecordingClient, phase_figures
from bench.procs import ROOT, notice_server
from lookup_server.loading.generate import generate_dataset
from tests.lab.redis import RedisServer

SERVER_CPUS = "0"
OUT = ROOT / "bench" / "results" / "redis_outage"
PHASES = ("before", "down", "after")
COLOURS = {"CACHE_REDIS": "tab:red", "PRIMARY": "tab:blue", "CACHE_IN_PROCESS": "tab:orange"}


async def _outage(
    redis: RedisServer, origin: float, kill_at: float, down_for: float
) -> tuple[float, float]:
    await asyncio.sleep(max(0.0, origin + kill_at - time.perf_counter()))
    killed = time.perf_counter() - origin
    redis.kill()
    await asyncio.sleep(max(0.0, origin + kill_at + down_for - time.perf_counter()))
    await asyncio.to_thread(redis.start)
    return killed, time.perf_counter() - origin


async def measure(
    address: str, requests: Sequence[bytes], redis: RedisServer, args: argparse.Namespace
) -> tuple[list[Call], tuple[float, float]]:
    client = RecordingClient(address)
    try:
        await open_loop(client, requests, args.rate, len(requests) / args.rate + 1)  # cache them
        client.restart_clock()
        events = asyncio.create_task(_outage(redis, client.origin, args.kill_at, args.down_for))
        try:
            await open_loop(client, requests, args.rate, args.seconds)
        finally:
            if not events.done():
                events.cancel()
        killed, back = await events
        return sorted(client.records, key=lambda c: c.sent_s), (killed, back)
    finally:
        await client.close()


def summarise(calls: Sequence[Call], events: tuple[float, float], seconds: float) -> dict[str, Any]:
    killed, back = events
    bounds = {"before": (0.0, killed), "down": (killed, back), "after": (back, seconds)}
    grouped: dict[str, list[Call]] = {p: [] for p in PHASES}
    for call in calls:
        phase = "before" if call.sent_s < killed else "down" if call.sent_s < back else "after"
        grouped[phase].append(call)
    resumed = next((c for c in grouped["after"] if c.source == "CACHE_REDIS"), None)
    return {
        "calls": len(calls),
        "failed": sum(not c.ok for c in calls),
        "failed_by_code": dict(Counter(c.status for c in calls if not c.ok)),
        "redis_killed_at_s": round(killed, 3),
        "redis_back_at_s": round(back, 3),
        "phases": {p: phase_figures(grouped[p], *bounds[p]) for p in PHASES},
        "redis_hits_resumed_after_s": (
            round(resumed.sent_s - back, 3) if resumed is not None else None
        ),
    }


def plot(calls: Sequence[Call], summary: dict[str, Any], command: str, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(12, 6), dpi=110)
    groups: dict[str, list[Call]] = {}
    for call in calls:
        groups.setdefault(call.source if call.ok else "failed", []).append(call)
    for source, group in sorted(groups.items()):
        ax.scatter(
            [c.sent_s for c in group],
            [max(c.latency_ms, 0.01) for c in group],
            s=30 if source == "failed" else 5,
            marker="x" if source == "failed" else "o",
            color="red" if source == "failed" else COLOURS.get(source, "tab:gray"),
            alpha=0.5,
            label=f"{source.lower()} ({len(group)})",
        )
    ax.axvline(summary["redis_killed_at_s"], color="black", label="Redis killed (SIGKILL)")
    ax.axvline(summary["redis_back_at_s"], color="tab:green", linestyle="--", label="Redis back")
    ax.axhline(DEADLINE_S * 1000, color="0.5", linestyle=":", label="deadline")
    ax.set_yscale("log")
    ax.set_xlabel("send time (s from the start of the load)")
    ax.set_ylabel("latency (ms, log scale)")
    ax.grid(True, alpha=0.3)
    phases = summary["phases"]
    ax.set_title(
        f"{command}\nfailed {summary['failed']} of {summary['calls']}; p99 before/down/after: "
        + " / ".join(f"{phases[p]['p99_ms']} ms" for p in PHASES),
        fontsize=9,
    )
    ax.legend(loc="upper right", fontsize=8, markerscale=2)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=300.0)
    parser.add_argument("--seconds", type=float, default=24.0)
    parser.add_argument("--kill-at", type=float, default=8.0)
    parser.add_argument("--down-for", type=float, default=6.0)
    parser.add_argument("--travellers", type=int, default=1500)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if not 0 < args.kill_at < args.kill_at + args.down_for < args.seconds:
        parser.error("the outage must fall inside the load")
    command = "python -m bench.redis_outage " + " ".join(
        f"--{k.replace('_', '-')} {v}" for k, v in vars(args).items() if k != "out"
    )
    with tempfile.TemporaryDirectory(prefix="bench-redis-outage-") as tmp:
        data = Path(tmp)
        generate_dataset(data, notices=2000, documents=20000, seed=7, travellers=args.travellers)
        url = f"sqlite:///{data}/notices.db"
        for kind, name in (("notices", "notices.json"), ("documents", "documents.csv")):
            run_load(kind, data / name, url)
        requests = [r.SerializeToString() for r in clear_travellers(data / "truth.jsonl")]
        secret = data / "cache.secret"
        secret.write_text(secrets.token_hex(32))
        redis = RedisServer()
        try:
            redis.start()
            if hasattr(os, "sched_setaffinity"):
                os.sched_setaffinity(0, CLIENT_CPUS)
            env = {
                "NOTICE_LOOKUP_REDIS_URL": redis.url,
                "NOTICE_LOOKUP_CACHE__SECRET_FILE": str(secret),
                "NOTICE_LOOKUP_CACHE__LOCAL_ENTRIES": "0",
            }
            with notice_server(url, cpus=SERVER_CPUS, env=env) as address:
                calls, events = uvloop.run(measure(address, requests, redis, args))
        finally:
            redis.destroy()
    summary = summarise(calls, events, args.seconds)
    args.out.mkdir(parents=True, exist_ok=True)
    png = args.out / "redis_outage.png"
    plot(calls, summary, command, png)
    result = {
        "command": command,
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs",
        "rate_per_s": args.rate,
        "travellers": len(requests),
        **summary,
        "plot": png.name,
    }
    (args.out / "redis_outage.json").write_text(json.dumps(result, indent=2) + "\n")
    print(f"{summary['calls']} checks, failed {summary['failed']}")
    for phase in PHASES:
        f = summary["phases"][phase]
        print(f"{phase:7} p50 {f['p50_ms']} ms  p99 {f['p99_ms']} ms  sources {f['sources']}")
    print(f"Redis hits resumed {summary['redis_hits_resumed_after_s']} s after Redis returned")
    print(f"results in {args.out}")


if __name__ == "__main__":
    main()
