"""Check latency on PostgreSQL at full size, side by side with a bare gRPC echo server.

    python -m bench.core_latency                       # 1,000,000 documents, 50,000 notices
    python -m bench.core_latency --documents 100000 --notices 5000 --rounds 3   # quicker

What it does, all on loopback, everything stopped at the end:
1. starts a throwaway PostgreSQL (tests.lab) and generates a seeded data set;
2. loads it with ``notice-lookup load`` (timed: this is the operator's load path);
3. starts ``notice-lookup serve`` on that database, and the echo server, both pinned to
   CPU 0 with taskset; this client pins itself to CPU 1 (2-core machine: no contention
   between client and server for a core);
4. in each round, makes sequential calls (one in flight: latency, not throughput) of
   echo, CheckDocument and CheckTraveler, after a warm-up; per round p50/p90/p99;
5. reports the median over rounds of each percentile, and each as a ratio to the echo.

Requests: CheckDocument on a 50/50 mix of listed and unlisted numbers; CheckTraveler by
MRZ for the generator's truth travellers (clear ones, stolen documents, notice subjects
written exactly and with variant spellings), so name checks run against real candidates.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import random
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import grpc

from bench.procs import CLI, ROOT, echo_server, notice_server
from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.generated.noticelookup.v1 import lookup_pb2_grpc as pb_grpc
from lookup_server.loading.generate import generate_dataset
from tests.lab.postgres import running_cluster

SERVER_CPUS = "0"
CLIENT_CPUS = {1}


def percentile(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def timed(call: Callable[[], Any], count: int) -> list[float]:
    out = []
    for _ in range(count):
        start = time.perf_counter_ns()
        call()
        out.append((time.perf_counter_ns() - start) / 1e6)
    return out


def run_load(kind: str, path: Path, url: str) -> tuple[float, str]:
    start = time.monotonic()
    done = subprocess.run(
        [CLI, "load", kind, str(path), "--database-url", url, "--no-progress"],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return time.monotonic() - start, done.stdout.strip()


def document_requests(
    documents_csv: Path, count: int, rng: random.Random
) -> list[pb.CheckDocumentRequest]:
    listed: list[tuple[str, str]] = []
    with documents_csv.open(newline="") as handle:
        for row in csv.DictReader(handle):
            if row["status"] != "cancelled" and len(listed) < 200_000:
                listed.append((row["document_number"], row["issuing_country"]))
    requests = []
    for i in range(count):
        if i % 2 == 0:
            number, country = rng.choice(listed)
        else:
            number, country = (
                f"Q{rng.randrange(10**8):08d}",
                rng.choice(("IDN", "DEU", "FRA", "USA")),
            )
        requests.append(pb.CheckDocumentRequest(document_number=number, issuing_country=country))
    return requests


def traveller_requests(truth: Path) -> list[pb.CheckTravelerRequest]:
    requests = []
    with truth.open() as handle:
        for line in handle:
            row = json.loads(line)
            requests.append(pb.CheckTravelerRequest(mrz=pb.MachineReadableZone(lines=row["mrz"])))
    return requests


def summarise(rounds: list[list[float]]) -> dict[str, float]:
    return {f"p{q}": statistics.median(percentile(r, q) for r in rounds) for q in (50, 90, 99)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--notices", type=int, default=50_000)
    parser.add_argument("--travellers", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=2000, help="calls per workload per round")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    if len(os.sched_getaffinity(0)) > 1:
        os.sched_setaffinity(0, CLIENT_CPUS)
    rng = random.Random(args.seed)
    out_dir = ROOT / "bench" / "results" / f"{dt.datetime.now():%Y%m%d-%H%M%S}-core"
    out_dir.mkdir(parents=True)
    result: dict[str, Any] = {
        "command": "python -m bench.core_latency "
        + " ".join(f"--{k} {v}" for k, v in vars(args).items()),
        "machine": {"cpus": os.cpu_count(), "cpu": platform.processor() or platform.machine()},
        "pinning": f"server and echo on CPU {SERVER_CPUS}, client on CPU {sorted(CLIENT_CPUS)}",
    }
    with tempfile.TemporaryDirectory(prefix="nl-bench-") as tmp:
        data = Path(tmp) / "data"
        start = time.monotonic()
        generate_dataset(
            data,
            notices=args.notices,
            documents=args.documents,
            seed=args.seed,
            travellers=args.travellers,
        )
        result["generate_s"] = round(time.monotonic() - start, 1)
        with running_cluster("bench", databases=("bench",)) as cluster:
            url = cluster.dsn("bench")
            notices_s, notices_out = run_load("notices", data / "notices.json", url)
            documents_s, documents_out = run_load("documents", data / "documents.csv", url)
            result["load"] = {
                "notices_s": round(notices_s, 1),
                "documents_s": round(documents_s, 1),
                "notices": notices_out,
                "documents": documents_out,
            }
            print(notices_out, f"({notices_s:.1f}s)")
            print(documents_out, f"({documents_s:.1f}s)")
            cluster.psql("VACUUM ANALYZE", dbname="bench")
            docs = document_requests(data / "documents.csv", args.calls, rng)
            travellers = traveller_requests(data / "truth.jsonl")
            with notice_server(url, cpus=SERVER_CPUS, log=out_dir / "server.log") as address:
                result.update(measure(address, docs, travellers, args))
    (out_dir / "results.json").write_text(json.dumps(result, indent=2))
    summary = render(result, args)
    (out_dir / "summary.md").write_text(summary)
    print(summary)
    print(f"results in {out_dir.relative_to(ROOT)}")


def measure(
    address: str,
    docs: list[pb.CheckDocumentRequest],
    travellers: list[pb.CheckTravelerRequest],
    args: argparse.Namespace,
) -> dict[str, Any]:
    channel = grpc.insecure_channel(address)
    stub = pb_grpc.NoticeLookupStub(channel)
    verdicts: dict[str, int] = {}
    sizes = []
    for request in travellers:  # warm-up, and the response size the echo must mirror
        reply = stub.CheckTraveler(request, timeout=10)
        name = pb.Verdict.Name(reply.verdict)
        verdicts[name] = verdicts.get(name, 0) + 1
        sizes.append(reply.ByteSize())
    for request in docs[:200]:
        stub.CheckDocument(request, timeout=10)
    response_bytes = int(statistics.median(sizes))
    request_bytes = travellers[0].SerializeToString()
    rounds: dict[str, list[list[float]]] = {"echo": [], "document": [], "traveller": []}
    with echo_server(response_bytes, cpus=SERVER_CPUS) as echo_address:
        echo_channel = grpc.insecure_channel(echo_address)
        echo = echo_channel.unary_unary("/bench.Echo/Echo")
        timed(lambda: echo(request_bytes, timeout=10), 200)
        for _ in range(args.rounds):
            rounds["echo"].append(timed(lambda: echo(request_bytes, timeout=10), args.calls))
            docs_left = iter(docs * 2)
            rounds["document"].append(
                timed(lambda it=docs_left: stub.CheckDocument(next(it), timeout=10), args.calls)
            )
            travellers_left = iter(travellers * (args.calls // len(travellers) + 2))
            rounds["traveller"].append(
                timed(
                    lambda it=travellers_left: stub.CheckTraveler(next(it), timeout=10), args.calls
                )
            )
        echo_channel.close()
    channel.close()
    stats = {name: summarise(r) for name, r in rounds.items()}
    return {
        "latency_ms": stats,
        "ratio_to_echo_p50": {
            name: round(stats[name]["p50"] / stats["echo"]["p50"], 2)
            for name in ("document", "traveller")
        },
        "traveller_verdicts": verdicts,
        "response_bytes": response_bytes,
    }


def render(result: dict[str, Any], args: argparse.Namespace) -> str:
    lat = result["latency_ms"]
    lines = [
        f"### Check latency on PostgreSQL: {args.documents:,} documents, {args.notices:,} notices",
        "",
        f"Command: `{result['command']}`  ",
        f"Machine: {result['machine']['cpus']} CPUs ({result['machine']['cpu']}); "
        f"{result['pinning']}.  ",
        f"Sequential calls (one in flight), {args.calls} per workload per round, median of "
        f"{args.rounds} rounds; echo answers {result['response_bytes']} bytes "
        "like a typical CheckTraveler.",
        "",
        "| workload | p50 ms | p90 ms | p99 ms | p50 / echo p50 |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in ("echo", "document", "traveller"):
        ratio = "1.00" if name == "echo" else f"{result['ratio_to_echo_p50'][name]:.2f}"
        s = lat[name]
        lines.append(f"| {name} | {s['p50']:.2f} | {s['p90']:.2f} | {s['p99']:.2f} | {ratio} |")
    load = result["load"]
    lines += [
        "",
        f"Load (`notice-lookup load`, one transaction per file): notices {load['notices_s']} s, "
        f"documents {load['documents_s']} s. Traveller verdicts in the request mix: "
        f"{result['traveller_verdicts']}.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
