"""Every benchmark scenario in one command, with one report: ``make bench``.

    python -m bench.run                                   # the short default (< 10 min)
    python -m bench.run --scenarios cache-hit,mixed --seconds 8
    make bench BENCH_ARGS="--scenarios failover"

What it does, all on loopback, everything stopped at the end (even on error):
1. generates a seeded data set, starts a throwaway PostgreSQL primary, loads it, makes a
   streaming replica, starts a throwaway Redis, and starts ``notice-lookup serve``
   against them (``--replica-url``, Redis and in-process cache tiers) pinned to CPU 0,
   and the bare gRPC echo server (same response size) pinned to CPU 0 too;
2. runs the scenarios asked for (default: all):
   * ``ceiling``: the echo server, saturation by h2load and an open-loop sweep;
   * ``cache-hit``: the same booth check again and again (in-process hits);
   * ``cache-miss``: CheckDocument and CheckTraveler on documents and travellers never
     seen before (every call reads the database and, for travellers, matches names);
   * ``mixed``: booth-like traveller checks (each traveller checked three times: the
     passenger list, the booth, the gate) in the open-loop sweep, and Locust's booth
     user (MRZ checks, document checks, repeats, rare hits) for behaviour under load;
   * ``failover``: ``bench.failover`` (the primary killed mid-run);
   * ``redis-outage``: ``bench.redis_outage`` (Redis killed and restarted mid-run);
   * ``multi-process``: one process against two sharing the port (``server.reuse_port``);
3. writes ``bench/results/<timestamp>/``: ``report.md`` (every figure, each throughput
   also as a ratio to the echo ceiling), ``results.json``, PNG plots (latency
   percentiles against offered load; the failover and Redis-outage runs over time),
   and Locust's HTML and CSV.

The load generators run on CPU 1 (h2load for ceilings, the open-loop client of
``bench.open_loop`` (``bench.h2_paced``: HTTP/2 frames encoded once) for latency at
fixed arrival rates, Locust for the mixed behaviour); on a 2-core machine a grpc.aio
client costs as much CPU as the server, which is why ceilings come from h2load.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import random
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import uvloop

from bench import open_loop
from bench.cache_throughput import (
    CHECK_METHOD,
    CLIENT_CPUS,
    clear_travellers,
    fresh_traveller,
    grpc_frame,
    h2load,
    redis_server,
    settle_database,
    sources_of,
)
from bench.core_latency import run_load
from bench.echo_server import METHOD as ECHO_METHOD
from bench.procs import ROOT, echo_server, free_port, notice_server
from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.loading.generate import generate_dataset
from tests.lab.postgres import running_cluster

SCENARIOS = (
    "ceiling",
    "cache-hit",
    "cache-miss",
    "mixed",
    "failover",
    "redis-outage",
    "multi-process",
)
DOCUMENT_METHOD = "/noticelookup.v1.NoticeLookup/CheckDocument"
SERVER_CPUS = "0"
DATABASE = "bench"
BUDGET_MS = 10.0


def fresh_documents(first: int, count: int) -> list[bytes]:
    """Document checks no cache has seen: a new (unlisted) number each."""
    return [
        pb.CheckDocumentRequest(
            issuing_country="NOR", document_number=f"ZD{first + i:07d}"
        ).SerializeToString()
        for i in range(count)
    ]


def booth_mix(clear: Sequence[bytes], seed: int) -> list[bytes]:
    """Each traveller checked three times (passenger list, booth, gate), shuffled."""
    mixed = [r for r in clear for _ in range(3)]
    random.Random(seed).shuffle(mixed)
    return mixed


def rates_below(ceiling: float, fractions: Sequence[float]) -> list[float]:
    return [round(ceiling * f) for f in fractions if ceiling * f >= 10]


@contextlib.contextmanager
def shared_servers(url: str, count: int, env: dict[str, str], extra: list[str]) -> Iterator[str]:
    """``count`` serve processes on one address (server.reuse_port), not pinned."""
    address = f"127.0.0.1:{free_port()}"
    shared_env = {**env, "NOTICE_LOOKUP_SERVER__REUSE_PORT": "true"}
    with contextlib.ExitStack() as stack:
        for _ in range(count):
            stack.enter_context(
                notice_server(url, env=shared_env, extra_args=extra, address=address)
            )
        yield address


def run_subprocess_bench(module: str, args: list[str], out: Path) -> dict[str, Any]:
    """``python -m bench.<module>`` with ``--out out``; its JSON result."""
    out.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [sys.executable, "-m", f"bench.{module}", *args, "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    (out / "output.txt").write_text(done.stdout + done.stderr)
    if done.returncode != 0:
        raise RuntimeError(f"bench.{module} failed:\n{done.stdout[-2000:]}{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads((out / f"{module}.json").read_text())
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scenarios",
        default=",".join(SCENARIOS),
        help=f"comma-separated, from: {', '.join(SCENARIOS)}",
    )
    parser.add_argument("--seconds", type=float, default=4.0, help="per measurement")
    parser.add_argument("--notices", type=int, default=5000)
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--locust-users", type=int, default=200)
    parser.add_argument("--locust-workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    chosen = [s.strip() for s in args.scenarios.split(",") if s.strip()]
    unknown = sorted(set(chosen) - set(SCENARIOS))
    if unknown:
        parser.error(f"unknown scenario(s) {', '.join(unknown)}; from {', '.join(SCENARIOS)}")
    if shutil.which("h2load") is None:
        raise SystemExit("h2load not found: run scripts/ensure-system-deps.sh --bench")
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    out = args.out or ROOT / "bench" / "results" / stamp
    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    results: dict[str, Any] = {
        "command": "python -m bench.run " + " ".join(sys.argv[1:]),
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "pinning": f"servers on CPU {SERVER_CPUS}, load generators on CPU {sorted(CLIENT_CPUS)} "
        "(multi-process: nothing pinned)",
        "budget_ms": BUDGET_MS,
        "scenarios": {},
    }
    sweeps: dict[str, Any] = {}
    seconds = args.seconds

    in_process = [s for s in chosen if s in ("ceiling", "cache-hit", "cache-miss", "mixed")]
    with tempfile.TemporaryDirectory(prefix="bench-run-") as tmp:
        data = Path(tmp)
        generate_dataset(
            data, notices=args.notices, documents=args.documents, seed=7, travellers=3000
        )
        clear = [r.SerializeToString() for r in clear_travellers(data / "truth.jsonl")]
        hit = clear[0]
        body = data / "hit.bin"
        body.write_bytes(grpc_frame(hit))
        secret = data / "cache.secret"
        secret.write_text(secrets.token_hex(32))
        if in_process or "multi-process" in chosen:
            with (
                running_cluster("bench-run-primary", databases=(DATABASE,)) as primary,
                redis_server() as redis,
            ):
                url = primary.dsn(DATABASE)
                run_load("notices", data / "notices.json", url)
                run_load("documents", data / "documents.csv", url)
                settle_database(primary)
                replica = primary.make_replica(name="bench-run-replica")
                try:
                    replica.start()
                    env = {
                        "NOTICE_LOOKUP_REDIS_URL": redis.url,
                        "NOTICE_LOOKUP_CACHE__SECRET_FILE": str(secret),
                    }
                    extra = ["--replica-url", replica.dsn(DATABASE)]
                    if hasattr(os, "sched_setaffinity"):
                        os.sched_setaffinity(0, CLIENT_CPUS)
                    if in_process:
                        with (
                            echo_server(len_of_answer(url, hit), cpus=SERVER_CPUS) as echo,
                            notice_server(
                                url, cpus=SERVER_CPUS, env=env, extra_args=extra
                            ) as server,
                        ):
                            uvloop.run(sources_of(server, [hit, hit]))  # cache the hit
                            ceiling = h2load(f"http://{echo}{ECHO_METHOD}", body, seconds)
                            results["ceiling_rps"] = ceiling
                            fractions = (0.25, 0.5, 0.7, 0.85, 1.0)
                            if "ceiling" in chosen:
                                sweeps["echo"] = open_loop_sweep(
                                    echo, ECHO_METHOD, [hit], rates_below(ceiling, fractions),
                                    seconds,
                                )  # fmt: skip
                                results["scenarios"]["ceiling"] = {
                                    "h2load_rps": ceiling,
                                    "sweep": sweeps["echo"],
                                }
                            if "cache-hit" in chosen:
                                rps = h2load(f"http://{server}{CHECK_METHOD}", body, seconds)
                                sweeps["cache hit"] = open_loop_sweep(
                                    server, CHECK_METHOD, [hit], rates_below(rps, fractions),
                                    seconds,
                                )  # fmt: skip
                                results["scenarios"]["cache-hit"] = {
                                    "h2load_rps": rps,
                                    "ratio_to_ceiling": round(rps / ceiling, 3),
                                    "sweep": sweeps["cache hit"],
                                }
                            if "cache-miss" in chosen:
                                miss_rates = [50, 100, 200, 300, 450, 600, 800]
                                documents = fresh_documents(1, 60_000)
                                travellers = [fresh_traveller(n) for n in range(1, 20_001)]
                                sweeps["miss: document"] = open_loop_sweep(
                                    server, DOCUMENT_METHOD, documents, miss_rates, seconds
                                )
                                sweeps["miss: traveller"] = open_loop_sweep(
                                    server, CHECK_METHOD, travellers, miss_rates, seconds
                                )
                                results["scenarios"]["cache-miss"] = {
                                    "document": sweeps["miss: document"],
                                    "traveller": sweeps["miss: traveller"],
                                }
                            if "mixed" in chosen:
                                mix = booth_mix(clear[1:2001], seed=11)
                                sweeps["mixed booth"] = open_loop_sweep(
                                    server, CHECK_METHOD, mix,
                                    rates_below(ceiling, (0.02, 0.04, 0.07, 0.1, 0.15, 0.2)),
                                    seconds,
                                )  # fmt: skip
                                results["scenarios"]["mixed"] = {
                                    "sweep": sweeps["mixed booth"],
                                    "locust": run_mixed_locust(server, data, out, args, seconds),
                                }
                    if "multi-process" in chosen:
                        results["scenarios"]["multi-process"] = multi_process(
                            url, env, extra, body, seconds
                        )
                finally:
                    replica.destroy()
        if "failover" in chosen:
            results["scenarios"]["failover"] = run_subprocess_bench(
                "failover",
                ["--seconds", "20", "--kill-at", "7", "--notices", "3000", "--documents",
                 "30000"],
                out / "failover",
            )  # fmt: skip
        if "redis-outage" in chosen:
            results["scenarios"]["redis-outage"] = run_subprocess_bench(
                "redis_outage",
                ["--seconds", "18", "--kill-at", "6", "--down-for", "5"],
                out / "redis_outage",
            )
    if sweeps:
        open_loop.plot_sweep(
            sweeps,
            out / "latency_vs_load.png",
            BUDGET_MS,
            results["command"],
        )
    results["duration_s"] = round(time.monotonic() - started, 1)
    (out / "results.json").write_text(json.dumps(to_json(results), indent=2) + "\n")
    report = write_report(results, out)
    print(report)
    print(f"report in {out}")


def machine() -> str:
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{model or platform.processor() or platform.machine()}, {os.cpu_count()} CPUs"


def len_of_answer(url: str, request: bytes) -> int:
    from bench.cache_throughput import _response_size

    return uvloop.run(_response_size(url, request))


def open_loop_sweep(
    address: str, method: str, requests: Sequence[bytes], rates: Sequence[float], seconds: float
) -> Any:
    return open_loop.sweep(address, method, requests, rates, seconds, BUDGET_MS)


def run_mixed_locust(
    address: str, data: Path, out: Path, args: argparse.Namespace, seconds: float
) -> dict[str, Any]:
    from bench.locust_run import run_locust

    return run_locust(
        address,
        data,
        out / "locust",
        users=args.locust_users,
        spawn_rate=max(1.0, args.locust_users / 2),
        seconds=max(10.0, seconds * 4),
        workers=args.locust_workers,
        cpus=",".join(str(c) for c in sorted(CLIENT_CPUS)),
    )


def multi_process(
    url: str, env: dict[str, str], extra: list[str], body: Path, seconds: float
) -> dict[str, Any]:
    """Cache-hit saturation of one process, then of two sharing the port, unpinned."""
    out: dict[str, Any] = {}
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, set(range(os.cpu_count() or 1)))
    try:
        for count in (1, 2):
            quiet = {**env, "NOTICE_LOOKUP_LOG_LEVEL": "warning"}
            with shared_servers(url, count, quiet, extra) as addr:
                # several connections, so that the kernel spreads them over the processes
                for _ in range(2):
                    uvloop.run(sources_of(addr, [body.read_bytes()[5:]] * 2))
                out[f"processes_{count}_rps"] = h2load(
                    f"http://{addr}{CHECK_METHOD}", body, seconds
                )
        out["speed_up"] = round(out["processes_2_rps"] / out["processes_1_rps"], 3)
    finally:
        if hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, CLIENT_CPUS)
    return out


def to_json(value: Any) -> Any:
    if isinstance(value, open_loop.SweepResult):
        return value.to_json()
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def write_report(results: dict[str, Any], out: Path) -> str:
    lines = [
        "# notice-lookup benchmark report",
        "",
        f"- command: `{results['command']}`",
        f"- when: {results['when']}; took {results['duration_s']} s",
        f"- machine: {results['machine']}",
        f"- pinning: {results['pinning']}",
        f"- latency budget: p99 under {results['budget_ms']:g} ms, no failed call",
        "",
    ]
    ceiling = results.get("ceiling_rps")
    scenarios = results["scenarios"]
    rows = []
    for label, key in (
        ("echo ceiling", ("ceiling", None)),
        ("cache hit", ("cache-hit", None)),
        ("cache miss, document", ("cache-miss", "document")),
        ("cache miss, traveller", ("cache-miss", "traveller")),
        ("mixed booth", ("mixed", None)),
    ):
        scenario = scenarios.get(key[0])
        if scenario is None:
            continue
        sweep = scenario[key[1]] if key[1] else scenario["sweep"]
        knee = sweep.knee
        at_knee = next((r for r in sweep.results if r.offered_rate == knee), None)
        h2 = scenario.get("h2load_rps") if key[1] is None else None
        rows.append(
            f"| {label} | {f'{h2:,.0f}' if h2 else '-'} | "
            f"{f'{knee:,.0f}' if knee else 'none'} | "
            f"{f'{knee / ceiling:.3f}' if knee and ceiling else '-'} | "
            f"{f'{at_knee.p99_ms:.2f}' if at_knee else '-'} | "
            + ", ".join(
                f"{r.offered_rate:,.0f}: {r.p99_ms:.1f}"
                + (f" ({sum(r.failures.values())} failed)" if r.failures else "")
                for r in sweep.results
            )
            + " |"
        )
    if rows:
        lines += [
            "## Throughput within the latency budget",
            "",
            f"Echo ceiling by h2load: {ceiling:,.0f} req/s. The open-loop sweep gives the "
            "highest offered rate whose p99 stayed under the budget with no failure "
            "(`latency_vs_load.png`: percentiles against offered load).",
            "",
            "| target | h2load req/s | highest rate within budget | ratio to echo ceiling "
            "| p99 ms there | p99 ms at each offered rate |",
            "|---|---:|---:|---:|---:|---|",
            *rows,
            "",
        ]
    if "mixed" in scenarios:
        locust = scenarios["mixed"]["locust"]
        lines += [
            "## Mixed booth traffic under Locust",
            "",
            "Locust's booth user (MRZ checks, document checks, repeats, rare known hits); "
            "HTML and CSV in `locust/`.",
            "",
            "```",
            json.dumps(locust, indent=2)[:4000],
            "```",
            "",
        ]
    for name, title in (
        ("failover", "Failover: the primary killed"),
        ("redis-outage", "Redis outage"),
    ):
        if name in scenarios:
            r = scenarios[name]
            lines += [f"## {title}", "", f"- failed checks: {r['failed']} of {r['calls']}"]
            for phase, figures in r["phases"].items():
                lines.append(
                    f"- {phase}: p50 {figures['p50_ms']} ms, p99 {figures['p99_ms']} ms, "
                    f"sources {figures['sources']}"
                )
            if "time_to_breaker_open_s" in r:
                lines.append(f"- kill to breaker open: {r['time_to_breaker_open_s']} s")
            if "redis_hits_resumed_after_s" in r:
                lines.append(
                    f"- Redis hits resumed {r['redis_hits_resumed_after_s']} s after it returned"
                )
            lines += [f"- plot: `{name.replace('-', '_')}/{r['plot']}`", ""]
    if "multi-process" in scenarios:
        m = scenarios["multi-process"]
        lines += [
            "## Multi-process server",
            "",
            f"- one process: {m['processes_1_rps']:,.0f} req/s; two sharing the port: "
            f"{m['processes_2_rps']:,.0f} req/s; speed-up {m['speed_up']} (2 cores, shared "
            "with h2load: nothing pinned)",
            "",
        ]
    report = "\n".join(lines)
    (out / "report.md").write_text(report)
    return report


if __name__ == "__main__":
    main()
