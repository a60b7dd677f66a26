"""Failover under load: the PostgreSQL primary is killed mid-run, checks go on.

    python -m bench.failover                      # 200 checks/s for 30 s, kill at 10 s
    python -m bench.failover --rate 100 --seconds 20 --kill-at 5

What it does, all on loopback, everything stopped at the end (even on error):
1. generates a seeded data set, starts a throwaway PostgreSQL primary (tests.lab), loads
   the data with ``notice-lookup load``, makes a streaming replica of it (pg_basebackup
   -R), starts it, and waits (bounded) until the replica has the primary's data version;
2. starts ``notice-lookup serve --replica-url ...`` pinned to CPU 0, with the result
   cache off (every check reaches the store) and its log at INFO in a temp file; this
   client pins itself to CPU 1 (the PostgreSQL servers stay where the scheduler puts
   them);
3. after a 2 s warm-up (every answer must come from the primary), checks clear
   travellers at a fixed rate (open loop: calls go out on schedule whatever the answers
   do), each with a 2 s deadline as a terminal would set, and records every call's send
   time, latency, status code and answering source (the response's provenance);
4. at ``--kill-at`` seconds kills the primary (``pg_ctl stop -m immediate``: a crash),
   from a thread, so the schedule does not wait for it;
5. reports, per phase, calls, failed calls, p50/p99/max latency and answering sources:
   *before* = calls sent before the kill, *during* = calls sent in the ``--window``
   seconds (default 5) from the kill, *after* = the rest. Latency counts every call,
   failed ones included (a failed call's latency is the time its caller waited);
6. reports the time from the kill to the primary's breaker opening (from the server
   log's "breaker primary: closed -> open" line, millisecond timestamps) and to the
   first answer from the replica (client clock), and plots latency over time.

The kill moment is when ``pg_ctl stop`` is issued; the postmaster gets its signal a few
milliseconds later (the stop command's own duration is reported too).

Results: bench/results/failover/failover.json (every figure), failover.png (latency of
each call against its send time, by answering source, failed calls in red, the kill and
the breaker opening marked), calls.csv (one row per call) and server.log (the server's
log of the run).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import tempfile
import textwrap
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
import uvloop

from bench.cache_throughput import (
    CHANNELS,
    CHECK_METHOD,
    Client,
    clear_travellers,
    open_loop,
    settle_database,
)
from bench.core_latency import percentile, run_load
from bench.procs import ROOT, notice_server, wait_until
from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.loading.generate import generate_dataset
from lookup_server.settings import FailoverSettings
from tests.lab.postgres import PgCluster, running_cluster

SERVER_CPUS = "0"
CLIENT_CPUS = {1}
DATABASE = "bench"
DEADLINE_S = 2.0
WARMUP_S = 2.0
OUT = ROOT / "bench" / "results" / "failover"
#: "2026-11-29 04:23:28,183 WARNING failover.breaker breaker primary: closed -> open"
BREAKER_LINE = re.compile(
    r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) \S+ failover\.breaker "
    r"breaker (\S+): (\S+) -> (\S+)\s*$"
)
PHASES = ("before", "during", "after")


@dataclass(slots=True)
class Call:
    sent_s: float  # seconds from the start of the measured load
    latency_ms: float
    status: str  # "OK" or the gRPC status code's name
    source: str  # "PRIMARY", "REPLICA", ... ("" when the call failed)
    backend: str  # "primary", "replica-1", ... ("" when the call failed)

    @property
    def ok(self) -> bool:
        return self.status == "OK"


class RecordingClient(Client):
    """:class:`Client` with the terminal's deadline, recording every call it makes."""

    def __init__(self, address: str) -> None:
        super().__init__(address, CHECK_METHOD)
        self.origin = time.perf_counter()
        self.records: list[Call] = []

    def __call__(self, request: bytes) -> Any:
        self._next = (self._next + 1) % CHANNELS
        sent = time.perf_counter()
        return self._record(sent, self.calls[self._next](request, timeout=DEADLINE_S))

    async def _record(self, sent: float, call: Any) -> bytes:
        try:
            raw: bytes = await call
        except grpc.aio.AioRpcError as exc:
            latency = (time.perf_counter() - sent) * 1000
            self.records.append(Call(sent - self.origin, latency, exc.code().name, "", ""))
            raise
        latency = (time.perf_counter() - sent) * 1000
        provenance = pb.CheckTravelerResponse.FromString(raw).provenance
        source = pb.Source.Name(provenance.source).removeprefix("SOURCE_")
        self.records.append(Call(sent - self.origin, latency, "OK", source, provenance.backend))
        return raw

    def restart_clock(self) -> list[Call]:
        """Start a new measurement from now; returns the records made so far."""
        done, self.records = self.records, []
        self.origin = time.perf_counter()
        return done


@contextlib.contextmanager
def running_replica(primary: PgCluster, name: str) -> Iterator[PgCluster]:
    """A started streaming replica of ``primary``; destroyed on exit, even on error."""
    replica = primary.make_replica(name=name)
    try:
        replica.start()
        yield replica
    finally:
        replica.destroy()


def data_version(cluster: PgCluster) -> str:
    return cluster.psql("SELECT version FROM data_state", dbname=DATABASE).strip()


async def _kill(cluster: PgCluster, origin: float, at_s: float) -> tuple[float, float]:
    """Kill the primary at ``at_s`` (from ``origin``); returns (issued, returned) times."""
    await asyncio.sleep(max(0.0, origin + at_s - time.perf_counter()))
    issued = time.perf_counter() - origin
    await asyncio.to_thread(cluster.stop, "immediate")
    return issued, time.perf_counter() - origin


async def measure(
    address: str, requests: Sequence[bytes], primary: PgCluster, args: argparse.Namespace
) -> tuple[list[Call], tuple[float, float], float]:
    """Warm up, then the measured load with the kill; (calls, kill times, wall origin)."""
    client = RecordingClient(address)
    try:
        await open_loop(client, requests, args.rate, WARMUP_S)
        warm = client.restart_clock()
        wall_origin = time.time()
        unexpected = Counter(c.source or c.status for c in warm if c.source != "PRIMARY")
        if unexpected:
            raise RuntimeError(f"warm-up: answers not from the primary: {dict(unexpected)}")
        killer = asyncio.create_task(_kill(primary, client.origin, args.kill_at))
        try:
            await open_loop(client, requests, args.rate, args.seconds)
        except BaseException:
            killer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await killer
            raise
        kill = await killer
        return sorted(client.records, key=lambda c: c.sent_s), kill, wall_origin
    finally:
        await client.close()


def breaker_transitions(log: Path, wall_origin: float) -> list[dict[str, Any]]:
    """Breaker state changes in the server log, timed from the start of the load."""
    found = []
    for line in log.read_text(errors="replace").splitlines():
        match = BREAKER_LINE.match(line)
        if match is None:
            continue
        stamp, name, old, new = match.groups()
        wall = dt.datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S,%f").timestamp()  # local time
        found.append({"t_s": wall - wall_origin, "breaker": name, "from": old, "to": new})
    return found


def phase_of(call: Call, kill_s: float, window_s: float) -> str:
    if call.sent_s < kill_s:
        return "before"
    return "during" if call.sent_s < kill_s + window_s else "after"


def phase_figures(calls: Sequence[Call], start_s: float, end_s: float) -> dict[str, Any]:
    latencies = [c.latency_ms for c in calls]
    return {
        "sent_from_s": round(start_s, 3),
        "sent_until_s": round(end_s, 3),
        "calls": len(calls),
        "failed": sum(not c.ok for c in calls),
        "p50_ms": round(percentile(latencies, 50), 2) if calls else None,
        "p99_ms": round(percentile(latencies, 99), 2) if calls else None,
        "max_ms": round(max(latencies), 2) if calls else None,
        "sources": dict(Counter(c.source or f"failed {c.status}" for c in calls)),
    }


def summarise(
    calls: Sequence[Call],
    kill: tuple[float, float],
    transitions: list[dict[str, Any]],
    args: argparse.Namespace,
) -> dict[str, Any]:
    kill_s, stop_returned_s = kill
    grouped: dict[str, list[Call]] = {name: [] for name in PHASES}
    for call in calls:
        grouped[phase_of(call, kill_s, args.window)].append(call)
    bounds = {
        "before": (0.0, kill_s),
        "during": (kill_s, kill_s + args.window),
        "after": (kill_s + args.window, args.seconds),
    }
    opened = next(
        (
            t
            for t in transitions
            if t["breaker"] == "primary" and t["to"] == "open" and t["t_s"] >= kill_s - 0.01
        ),
        None,
    )
    replica_answers = [c for c in calls if c.source == "REPLICA" and c.sent_s >= kill_s - 1]
    first_replica = min(replica_answers, key=lambda c: c.sent_s + c.latency_ms / 1000, default=None)
    primary_after = [c for c in calls if c.source == "PRIMARY" and c.sent_s >= kill_s]
    return {
        "calls": len(calls),
        "failed": sum(not c.ok for c in calls),
        "failed_by_code": dict(Counter(c.status for c in calls if not c.ok)),
        "sources": dict(Counter(c.source for c in calls if c.ok)),
        "backends": dict(Counter(c.backend for c in calls if c.ok)),
        "phases": {name: phase_figures(grouped[name], *bounds[name]) for name in PHASES},
        "kill_issued_s": round(kill_s, 3),
        "kill_stop_command_s": round(stop_returned_s - kill_s, 3),
        "time_to_breaker_open_s": (
            round(opened["t_s"] - kill_s, 3) if opened is not None else None
        ),
        "time_to_first_replica_answer_s": (
            round(first_replica.sent_s + first_replica.latency_ms / 1000 - kill_s, 3)
            if first_replica is not None
            else None
        ),
        "first_replica_answer_sent_after_kill_s": (
            round(first_replica.sent_s - kill_s, 3) if first_replica is not None else None
        ),
        "primary_answers_to_calls_sent_after_kill": len(primary_after),
        "last_primary_answer_sent_after_kill_s": (
            round(max(c.sent_s for c in primary_after) - kill_s, 3) if primary_after else None
        ),
        "breaker_transitions_after_kill": [
            {**t, "t_s": round(t["t_s"] - kill_s, 3)} for t in transitions if t["t_s"] >= kill_s
        ],
        "breaker_open_at_s": round(opened["t_s"], 3) if opened is not None else None,
    }


SOURCE_COLOURS = {
    "PRIMARY": "tab:blue",
    "REPLICA": "tab:green",
    "LOCAL_COPY": "tab:purple",
}


def plot(calls: Sequence[Call], summary: dict[str, Any], command: str, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(12, 6), dpi=110)
    kill_s = summary["kill_issued_s"]
    during_end = summary["phases"]["during"]["sent_until_s"]
    ax.axvspan(kill_s, during_end, color="0.92", zorder=0, label="'during' phase")
    by_source: dict[str, list[Call]] = {}
    for call in calls:
        by_source.setdefault(call.source if call.ok else "failed", []).append(call)
    for source, group in sorted(by_source.items(), key=lambda kv: kv[0] == "failed"):
        failed = source == "failed"
        ax.scatter(
            [c.sent_s for c in group],
            [max(c.latency_ms, 0.01) for c in group],
            s=30 if failed else 5,
            marker="x" if failed else "o",
            color="red" if failed else SOURCE_COLOURS.get(source, "tab:gray"),
            alpha=1.0 if failed else 0.5,
            linewidths=1.5 if failed else 0,
            label=f"{source.lower()} ({len(group)})",
            zorder=3 if failed else 2,
        )
    ax.axvline(kill_s, color="black", linewidth=1.5, label=f"primary killed ({kill_s:.2f} s)")
    if summary["breaker_open_at_s"] is not None:
        ax.axvline(
            summary["breaker_open_at_s"],
            color="tab:orange",
            linestyle="--",
            linewidth=1.5,
            label=f"primary breaker open (+{summary['time_to_breaker_open_s'] * 1000:.0f} ms)",
        )
    ax.axhline(DEADLINE_S * 1000, color="0.5", linestyle=":", linewidth=1, label="deadline")
    ax.set_yscale("log")
    ax.set_xlabel("send time (s from the start of the load)")
    ax.set_ylabel("latency (ms, log scale)")
    ax.set_xlim(0, max((c.sent_s for c in calls), default=1.0) + 0.2)
    ax.grid(True, which="major", axis="both", alpha=0.3)
    phases = summary["phases"]
    p99s = " / ".join(f"{phases[p]['p99_ms']} ms" for p in PHASES)
    ax.set_title(
        textwrap.fill(command, 110, subsequent_indent="    ")
        + f"\nfailed {summary['failed']} of {summary['calls']}; p99 before/during/after: {p99s}",
        fontsize=9,
    )
    ax.legend(loc="upper right", fontsize=8, markerscale=2, framealpha=0.9)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def write_calls(calls: Sequence[Call], path: Path) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["sent_s", "latency_ms", "status", "source", "backend"])
        for c in calls:
            writer.writerow(
                [f"{c.sent_s:.4f}", f"{c.latency_ms:.3f}", c.status, c.source, c.backend]
            )


def main() -> None:
    defaults = FailoverSettings()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200.0, help="checks per second")
    parser.add_argument("--seconds", type=float, default=30.0, help="measured load duration")
    parser.add_argument("--kill-at", type=float, default=10.0, help="seconds into the load")
    parser.add_argument("--window", type=float, default=5.0, help="'during' phase, seconds")
    parser.add_argument("--notices", type=int, default=5000)
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--travellers", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--attempt-timeout", type=float, default=defaults.attempt_timeout_s)
    parser.add_argument("--breaker-reset", type=float, default=defaults.breaker_reset_s)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if not 0 < args.kill_at < args.seconds:
        parser.error("--kill-at must fall inside the load (0 < kill-at < seconds)")
    command = "python -m bench.failover " + " ".join(
        f"--{k.replace('_', '-')} {v}" for k, v in vars(args).items() if k != "out"
    )

    with tempfile.TemporaryDirectory(prefix="bench-failover-") as tmp:
        data = Path(tmp)
        generate_dataset(
            data,
            notices=args.notices,
            documents=args.documents,
            seed=args.seed,
            travellers=args.travellers,
        )
        requests = [r.SerializeToString() for r in clear_travellers(data / "truth.jsonl")]
        random.Random(args.seed).shuffle(requests)
        log = data / "serve.log"
        with running_cluster("bench-failover-primary", databases=(DATABASE,)) as primary:
            url = primary.dsn(DATABASE)
            run_load("notices", data / "notices.json", url)
            run_load("documents", data / "documents.csv", url)
            primary.psql("VACUUM ANALYZE", dbname=DATABASE)
            settle_database(primary)
            with running_replica(primary, "bench-failover-replica") as replica:
                version = data_version(primary)
                wait_until(
                    lambda: data_version(replica) == version, 60, "replica at the primary's data"
                )
                if hasattr(os, "sched_setaffinity") and len(os.sched_getaffinity(0)) > 1:
                    os.sched_setaffinity(0, CLIENT_CPUS)  # after the databases started
                env = {
                    "NOTICE_LOOKUP_LOG_LEVEL": "info",
                    "NOTICE_LOOKUP_CACHE__ENABLED": "false",
                    "NOTICE_LOOKUP_FAILOVER__ATTEMPT_TIMEOUT_S": str(args.attempt_timeout),
                    "NOTICE_LOOKUP_FAILOVER__BREAKER_RESET_S": str(args.breaker_reset),
                }
                extra = ["--replica-url", replica.dsn(DATABASE)]
                with notice_server(
                    url, cpus=SERVER_CPUS, extra_args=extra, env=env, log=log
                ) as address:
                    calls, kill, wall_origin = uvloop.run(measure(address, requests, primary, args))
        transitions = breaker_transitions(log, wall_origin)
        args.out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(log, args.out / "server.log")
        failover_warnings = sum(
            " WARNING failover.store " in line for line in log.read_text().splitlines()
        )

    summary = summarise(calls, kill, transitions, args)
    png = args.out / "failover.png"
    plot(calls, summary, command, png)
    write_calls(calls, args.out / "calls.csv")
    result = {
        "command": command,
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs",
        "pinning": f"server on CPU {SERVER_CPUS}, client on CPU {sorted(CLIENT_CPUS)}",
        "rate_per_s": args.rate,
        "duration_s": args.seconds,
        "kill_at_s": args.kill_at,
        "deadline_s": DEADLINE_S,
        "phases_defined_as": (
            f"by send time: before = before the kill; during = the {args.window:g} s from "
            "the kill; after = the rest. Latency counts every call, failed ones included."
        ),
        "server": {
            "cache": "off",
            "attempt_timeout_s": args.attempt_timeout,
            "breaker_reset_s": args.breaker_reset,
            "breaker_fail_max": defaults.breaker_fail_max,
            "failover_warnings_logged": failover_warnings,
        },
        "dataset": {
            "notices": args.notices,
            "documents": args.documents,
            "travellers": args.travellers,
            "seed": args.seed,
            "clear_travellers_checked": len(requests),
        },
        **summary,
        "plot": png.name,
    }
    path = args.out / "failover.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    print_summary(result)
    print(f"results in {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}, {png.name}")


def _ms(seconds: float | None) -> str:
    return "never" if seconds is None else f"{seconds * 1000:.0f} ms"


def print_summary(result: dict[str, Any]) -> None:
    print(
        f"{result['calls']} checks at {result['rate_per_s']:g}/s for {result['duration_s']:g} s; "
        f"primary killed at {result['kill_issued_s']:.2f} s "
        f"(pg_ctl stop took {result['kill_stop_command_s'] * 1000:.0f} ms)"
    )
    print(f"failed checks: {result['failed']} {result['failed_by_code'] or ''}".rstrip())
    print(f"{'phase':<7} {'sent (s)':>13} {'calls':>6} {'failed':>6} "
          f"{'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}  sources")  # fmt: skip
    for name in PHASES:
        p = result["phases"][name]
        span = f"{p['sent_from_s']:.1f}-{p['sent_until_s']:.1f}"
        sources = ", ".join(f"{k} {v}" for k, v in p["sources"].items())
        print(
            f"{name:<7} {span:>13} {p['calls']:>6} {p['failed']:>6} "
            f"{p['p50_ms']!s:>8} {p['p99_ms']!s:>8} {p['max_ms']!s:>8}  {sources}"
        )
    print(f"kill -> primary breaker open (server log): {_ms(result['time_to_breaker_open_s'])}")
    print(
        "kill -> first replica answer (client):     "
        f"{_ms(result['time_to_first_replica_answer_s'])}"
    )
    late = result["primary_answers_to_calls_sent_after_kill"]
    last = result["last_primary_answer_sent_after_kill_s"]
    print(
        f"primary answers to checks sent after the kill was issued: {late}"
        + (f" (the last sent {last * 1000:.0f} ms after)" if late else "")
    )


if __name__ == "__main__":
    main()
