"""The throughput cost of telemetry: the same server with it off, at the default
sampling, and at 100% sampling, side by side in one run.

    python -m bench.tracing_cost                  # 3 rounds of 5 s
    python -m bench.tracing_cost --rounds 5 --seconds 8

What it does, on loopback, everything stopped at the end:
1. generates a seeded data set into an SQLite file;
2. starts three ``notice-lookup serve`` processes on it, each pinned to CPU 0:
   *off* (no exporter: no interceptor, no-op providers), *default* (traces to a JSONL
   file at the default parent-based ratio, the Prometheus endpoint on), *all* (the
   same at 100% sampling: every call's spans written);
3. per round and variant, a cached all-clear each time (the cheapest check, so the one
   where telemetry weighs most): saturation throughput with h2load (closed loop, 64
   streams over 8 connections, from CPU 1), then the server's CPU time per call under
   a paced load (``--paced-rate``, default 600 calls/s), read from /proc: on this
   shared machine throughput swings by 20% between rounds, CPU per call far less;
4. reports medians and each variant's cost against *off*, both ways (the target: the
   default costs under 10%).

Results: bench/results/tracing_cost.json.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import tempfile
from contextlib import ExitStack
from pathlib import Path

from bench.cache_throughput import (
    CLIENT_CPUS,
    clear_travellers,
    grpc_frame,
    h2load,
    paced_cpu,
    sources_of,
)
from bench.core_latency import run_load
from bench.procs import ROOT, notice_server
from lookup_server.loading.generate import generate_dataset
from lookup_server.settings import TelemetrySettings

CHECK_PATH = "/noticelookup.v1.NoticeLookup/CheckTraveler"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument(
        "--split",
        action="store_true",
        help="compare metrics alone and traces alone (at the default ratio) instead",
    )
    parser.add_argument(
        "--paced-rate", type=float, default=600.0, help="calls/s of the CPU-per-call runs"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()
    if shutil.which("h2load") is None:
        raise SystemExit("h2load not found: run scripts/ensure-system-deps.sh --bench")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, CLIENT_CPUS)
    default_ratio = TelemetrySettings().sample_ratio
    with tempfile.TemporaryDirectory(prefix="bench-tracing-") as tmp:
        data = Path(tmp)
        generate_dataset(data, notices=2000, documents=20000, seed=7, travellers=2000)
        url = f"sqlite:///{data}/notices.db"
        for kind, name in (("notices", "notices.json"), ("documents", "documents.csv")):
            run_load(kind, data / name, url)
        check = clear_travellers(data / "truth.jsonl")[0].SerializeToString()
        body = data / "check.bin"
        body.write_bytes(grpc_frame(check))

        def telemetry_env(name: str, ratio: float) -> dict[str, str]:
            return {
                "NOTICE_LOOKUP_TELEMETRY__TRACES_EXPORTER": "jsonl",
                "NOTICE_LOOKUP_TELEMETRY__TRACES_FILE": str(data / f"traces-{name}.jsonl"),
                "NOTICE_LOOKUP_TELEMETRY__SAMPLE_RATIO": str(ratio),
                "NOTICE_LOOKUP_TELEMETRY__METRICS_EXPORTERS": "prometheus",
                "NOTICE_LOOKUP_TELEMETRY__PROMETHEUS_LISTEN": "127.0.0.1:0",
            }

        variants = {
            "off": {},
            "default": telemetry_env("default", default_ratio),
            "all": telemetry_env("all", 1.0),
        }
        if args.split:  # which half costs what
            traces_only = telemetry_env("traces", default_ratio)
            del traces_only["NOTICE_LOOKUP_TELEMETRY__METRICS_EXPORTERS"]
            metrics_only = {
                k: v for k, v in telemetry_env("metrics", 0).items() if "TRACES" not in k
            }
            variants = {"off": {}, "metrics": metrics_only, "traces": traces_only}
        with ExitStack() as stack:
            addresses = {
                name: stack.enter_context(notice_server(url, cpus="0", env=env))
                for name, env in variants.items()
            }
            for address in addresses.values():  # cache the check (and verify it is CLEAR)
                counts = asyncio.run(sources_of(address, [check, check]))
                assert all(k.endswith(" CLEAR") for k in counts), counts
            rounds: dict[str, list[float]] = {name: [] for name in variants}
            cpu_ms: dict[str, list[float]] = {name: [] for name in variants}
            for _ in range(args.rounds):
                for name, address in addresses.items():
                    rounds[name].append(h2load(f"http://{address}{CHECK_PATH}", body, args.seconds))
                    cpu_ms[name].append(
                        paced_cpu(
                            address, CHECK_PATH, check, args.paced_rate, args.seconds
                        ).per_call_ms
                    )
        spans_written = {
            name: sum(1 for _ in (data / f"traces-{name}.jsonl").open())
            for name in variants
            if name != "off"
            if (data / f"traces-{name}.jsonl").exists()
        }
    off = statistics.median(rounds["off"])
    off_cpu = statistics.median(cpu_ms["off"])
    summary = {
        name: {
            "rps_median": round(statistics.median(values)),
            "rps_rounds": [round(v) for v in values],
            "ratio_to_off": round(statistics.median(values) / off, 3),
            "throughput_cost": f"{(1 - statistics.median(values) / off) * 100:.1f}%",
            "cpu_ms_per_call_median": round(statistics.median(cpu_ms[name]), 4),
            "cpu_ms_per_call_rounds": [round(v, 4) for v in cpu_ms[name]],
            "cpu_cost": f"{(statistics.median(cpu_ms[name]) / off_cpu - 1) * 100:.1f}%",
        }
        for name, values in rounds.items()
    }
    result = {
        "command": f"python -m bench.tracing_cost --rounds {args.rounds} --seconds {args.seconds}"
        f" --paced-rate {args.paced_rate}",
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs",
        "default_sample_ratio": default_ratio,
        "summary": summary,
        "spans_written": spans_written,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "tracing_cost.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    print(f"results in {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    main()
