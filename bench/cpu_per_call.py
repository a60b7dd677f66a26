"""CPU per call of several server variants at one paced rate, measured in alternation.

    python -m bench.cpu_per_call                                  # echo, in-process, Redis
    python -m bench.cpu_per_call --rate 1400 --reps 4 \\
        --variant 'redis-unix={"NOTICE_LOOKUP_CACHE__LOCAL_ENTRIES": "0",
                               "NOTICE_LOOKUP_REDIS_URL": "{UNIX}"}'

CPU per call is also split by thread: the event loop's (where grpc.aio's Python layer
and all of our code run), grpc's EventEngine workers (HTTP/2 reads and writes) and the
rest (grpc.aio's completion-queue poller).

A change that saves 5% of a cached check's CPU is invisible between two runs on a
shared 2-core machine (throughput swings by 20%). Here every variant runs at once, each
``serve`` a process of its own on CPU 0 over one SQLite file and one Redis (TCP and a
unix socket, ``{UNIX}`` in a variant's environment), and each repetition measures
every variant in turn: a paced open-loop client (CPU 1) sends the same cached check at
``--rate`` for ``--seconds``, and the server's CPU time in that run (/proc, after the
warm-up) is divided by the calls answered. Medians over repetitions are printed
last; compare variants of one run only.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import statistics
import tempfile
from pathlib import Path

from bench.cache_throughput import (
    CHECK_METHOD,
    ahead_of_generator,
    clear_travellers,
    paced,
    paced_cpu,
)
from bench.core_latency import percentile, run_load
from bench.echo_server import METHOD as ECHO_METHOD
from bench.procs import echo_server, notice_server
from lookup_server.loading.generate import generate_dataset
from tests.lab.redis import RedisServer

DEFAULT_VARIANTS = {
    "echo": {},
    "in-process": {},
    "redis": {"NOTICE_LOOKUP_CACHE__LOCAL_ENTRIES": "0"},
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=1400.0, help="calls per second")
    parser.add_argument("--seconds", type=float, default=4.0, help="per measurement")
    parser.add_argument("--reps", type=int, default=4)
    parser.add_argument(
        "--variant",
        action="append",
        default=[],
        metavar='NAME={"ENV": "VALUE"}',
        help="a serve process with these environment variables (repeat; 'echo' is the echo)",
    )
    args = parser.parse_args()
    variants = dict(DEFAULT_VARIANTS)
    for spec in args.variant:
        name, _, env = spec.partition("=")
        variants[name] = json.loads(env or "{}")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {1})

    with tempfile.TemporaryDirectory(prefix="bench-cpu-") as tmp, contextlib.ExitStack() as stack:
        data = Path(tmp)
        generate_dataset(data, notices=2000, documents=20000, seed=7, travellers=200)
        database = f"sqlite:///{data}/notices.db"
        run_load("notices", data / "notices.json", database)
        run_load("documents", data / "documents.csv", database)
        secret = data / "cache.secret"
        secret.write_text(secrets.token_hex(32))
        request = clear_travellers(data / "truth.jsonl")[0].SerializeToString()
        socket_path = data / "redis.sock"
        redis = RedisServer(
            extra_args=("--unixsocket", str(socket_path), "--unixsocketperm", "700")
        )
        stack.callback(redis.destroy)
        redis.start()
        if redis.pid is not None and hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(redis.pid, {1})
            ahead_of_generator(redis.pid)
        base = {
            "NOTICE_LOOKUP_REDIS_URL": redis.url,
            "NOTICE_LOOKUP_CACHE__SECRET_FILE": str(secret),
        }
        addresses = {}
        for name, env in variants.items():
            if name == "echo":
                addresses[name] = stack.enter_context(echo_server(207, cpus="0"))
                continue
            own = {k: v.replace("{UNIX}", f"unix://{socket_path}") for k, v in env.items()}
            addresses[name] = stack.enter_context(
                notice_server(database, cpus="0", env={**base, **own})
            )
            paced(addresses[name], CHECK_METHOD, request, 50, 0.5)  # cache it
        results: dict[str, list[tuple[float, ...]]] = {name: [] for name in variants}
        for rep in range(args.reps):
            for name, address in addresses.items():
                method = ECHO_METHOD if name == "echo" else CHECK_METHOD
                measured = paced_cpu(address, method, request, args.rate, args.seconds)
                latencies = measured.run.latencies_ms
                row = (
                    measured.per_call_ms,
                    *thread_split(measured.by_thread_ms),
                    percentile(latencies, 50),
                    percentile(latencies, 99),
                )
                results[name].append(row)
                print(f"{rep} {name:14} {_row(row)}", flush=True)
        for name, rows in results.items():
            medians = tuple(statistics.median(r[i] for r in rows) for i in range(len(rows[0])))
            print(f"median {name:14} {_row(medians)}")


def thread_split(by_thread_ms: dict[str, float]) -> tuple[float, float, float]:
    """CPU ms per call of the event loop's thread, of grpc's EventEngine threads, and
    of every other thread (grpc.aio's completion-queue poller, mostly)."""
    main = by_thread_ms.get("main", 0.0)
    engine = by_thread_ms.get("event_engine", 0.0)
    return main, engine, sum(by_thread_ms.values()) - main - engine


def _row(row: tuple[float, ...]) -> str:
    cpu, main, engine, other, p50, p99 = row
    return (
        f"cpu/call {cpu:.3f} ms (event loop {main:.3f}, event_engine {engine:.3f}, "
        f"other threads {other:.3f})  p50 {p50:.2f}  p99 {p99:.2f}"
    )


if __name__ == "__main__":
    main()
