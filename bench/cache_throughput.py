"""Cache-hit throughput and latency, side by side with a bare gRPC echo server.

    python -m bench.cache_throughput                     # 3 rounds, 200k documents, 20k notices
    python -m bench.cache_throughput --rounds 1 --seconds 3 --documents 20000 --notices 2000

What it does, all on loopback, everything stopped at the end:
1. starts a throwaway PostgreSQL and Redis (tests.lab), generates a seeded data set and
   loads it with ``notice-lookup load``;
2. starts, each pinned to CPU 0: the echo server (answering with as many bytes as a
   cached all-clear answer), ``notice-lookup serve`` with both cache tiers, and a second
   ``serve`` with the in-process tier off (every repeat is a Redis hit); the load
   generators and Redis (at a higher priority) run on CPU 1, the database where the
   scheduler puts it;
3. per round and per target: saturation throughput with h2load (closed loop, 64
   requests in flight over 8 connections, the same request bytes every time), then
   latency at an offered load of half the echo's saturation throughput with
   :mod:`bench.h2_paced` (open loop: requests go out on a fixed schedule whatever the
   answers do, from HTTP/2 frames encoded once; h2load's ``--rps`` sends in bursts, and
   a grpc.aio client would share CPU 1 with Redis at as much CPU per call as the server);
4. the miss path: travellers never seen before (a new document number each), closed
   loop with a grpc.aio client, then open loop at half that rate (bench.h2_paced), and
   a booth-like mix (each traveller checked three times: passenger list, booth, gate)
   for the hit ratio;
5. reports medians over rounds and the ratios to the echo server of the same round.

A Python client costs about as much CPU per call as the server, so ceilings are
measured with h2load (nghttp2-client, installed by ``scripts/ensure-system-deps.sh``)
and the server gets a core of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import platform
import random
import re
import secrets
import shutil
import statistics
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import grpc
import uvloop

from bench import h2_paced
from bench.core_latency import percentile, run_load
from bench.echo_server import METHOD as ECHO_METHOD
from bench.procs import ROOT, echo_server, listening_pid, notice_server, thread_cpu_seconds
from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.loading.generate import generate_dataset
from tests.lab.postgres import PgCluster, running_cluster
from tests.lab.redis import RedisServer

SERVER_CPUS = "0"
CLIENT_CPUS = {1}
CHANNELS = 8
IN_FLIGHT = 64
CHECK_METHOD = "/noticelookup.v1.NoticeLookup/CheckTraveler"
#: Seconds of paced calls before each measured paced run (not measured).
WARM_S = 0.5

#: Calls that failed, by status code (a healthy run has none).
ERRORS: Counter[str] = Counter()
#: Paced runs whose generator could not get real-time priority (see bench.h2_paced).
NOT_REALTIME: list[str] = []


def clear_travellers(truth: Path) -> list[pb.CheckTravelerRequest]:
    found = []
    with truth.open() as handle:
        for line in handle:
            row = json.loads(line)
            if row["expect"] == "CLEAR":
                found.append(pb.CheckTravelerRequest(mrz=pb.MachineReadableZone(lines=row["mrz"])))
    return found


def fresh_traveller(n: int) -> bytes:
    """A traveller no cache has seen: a new document number each time."""
    request = pb.CheckTravelerRequest(
        fields=pb.TravelerFields(
            document_number=f"ZB{n:07d}",
            issuing_country="NOR",
            surname="LINDQVIST",
            given_names="ASTRID",
            date_of_birth=pb.PartialDate(year=1980 + n % 20, month=1 + n % 12, day=1 + n % 28),
            sex=pb.SEX_FEMALE,
            nationality="NOR",
        )
    )
    return request.SerializeToString()


def grpc_frame(message: bytes) -> bytes:
    """A gRPC length-prefixed message: what h2load sends as the request body."""
    return b"\x00" + len(message).to_bytes(4, "big") + message


def h2load(url: str, body: Path, seconds: float) -> float:
    """Run h2load (pinned to the client CPU) for ``seconds``; completed requests per second.

    Closed loop: ``CHANNELS`` connections, ``IN_FLIGHT`` streams in all. (h2load's own
    ``--rps`` sends in bursts, so latency at a given load is measured by
    :func:`open_loop` instead.)
    """
    command = [
        "taskset", "-c", ",".join(str(c) for c in sorted(CLIENT_CPUS)), "h2load",
        "-c", str(CHANNELS), "-t", "1", "-D", str(max(1, round(seconds))), "--warm-up-time", "1",
        "-d", str(body), "-H", "content-type: application/grpc", "-H", "te: trailers",
        "-m", str(IN_FLIGHT // CHANNELS),
    ]  # fmt: skip
    done = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=seconds + 60
    )
    failed = re.search(r"(\d+) failed, (\d+) errored", done.stdout)
    if failed is None or failed.group(1) != "0" or failed.group(2) != "0":
        raise RuntimeError(f"h2load saw failures:\n{done.stdout}")
    found = re.search(r"finished in [\d.]+m?s, ([\d.]+) req/s", done.stdout)
    if found is None:
        raise RuntimeError(f"unexpected h2load output:\n{done.stdout}")
    return float(found.group(1))


class Client:
    """Unary calls of raw bytes over several channels (no client-side parsing cost)."""

    def __init__(self, address: str, method: str) -> None:
        self.channels = [
            grpc.aio.insecure_channel(address, options=[("grpc.use_local_subchannel_pool", 1)])
            for _ in range(CHANNELS)
        ]
        self.calls = [c.unary_unary(method) for c in self.channels]
        self._next = 0

    def __call__(self, request: bytes) -> Any:
        self._next = (self._next + 1) % CHANNELS
        return self.calls[self._next](request, timeout=10)

    async def close(self) -> None:
        for channel in self.channels:
            await channel.close()


async def saturate(client: Client, requests: Sequence[bytes], seconds: float) -> float:
    """Closed loop with IN_FLIGHT requests outstanding: completed calls per second."""
    done = 0
    stop = time.perf_counter() + seconds

    async def worker(offset: int) -> None:
        nonlocal done
        i = offset
        while time.perf_counter() < stop:
            try:
                await client(requests[i % len(requests)])
            except grpc.aio.AioRpcError as exc:
                ERRORS[exc.code().name] += 1
            else:
                done += 1
            i += IN_FLIGHT

    started = time.perf_counter()
    await asyncio.gather(*(worker(i) for i in range(IN_FLIGHT)))
    return done / (time.perf_counter() - started)


async def open_loop(
    client: Client, requests: Sequence[bytes], rate: float, seconds: float
) -> list[float]:
    """Requests on a fixed schedule at ``rate``/s, whatever the answers do (open loop).

    Latency (ms) is counted from the moment a request is sent; the schedule never waits
    for an answer, so a slow server meets more, not fewer, requests. Requests that fall
    due while the client sleeps (timer granularity) are sent together on waking.
    """
    latencies: list[float] = []
    total = int(rate * seconds)
    start = time.perf_counter()

    async def one(i: int) -> None:
        sent = time.perf_counter()
        try:
            await client(requests[i % len(requests)])
        except grpc.aio.AioRpcError as exc:
            ERRORS[exc.code().name] += 1
            return
        latencies.append((time.perf_counter() - sent) * 1000)

    tasks = []
    i = 0
    while i < total:
        now = time.perf_counter()
        while i < total and start + i / rate <= now:
            tasks.append(asyncio.create_task(one(i)))
            i += 1
        if i < total:
            await asyncio.sleep(max(0.0, start + i / rate - time.perf_counter()))
    await asyncio.gather(*tasks)
    return latencies


async def sources_of(address: str, requests: Sequence[bytes]) -> Counter[str]:
    counts: Counter[str] = Counter()
    async with grpc.aio.insecure_channel(address) as channel:
        call = channel.unary_unary(
            CHECK_METHOD, response_deserializer=pb.CheckTravelerResponse.FromString
        )
        for request in requests:
            answer = await call(request, timeout=10)
            source = pb.Source.Name(answer.provenance.source).removeprefix("SOURCE_")
            counts[f"{source} {pb.Verdict.Name(answer.verdict).removeprefix('VERDICT_')}"] += 1
    return counts


def measure_round(
    addresses: dict[str, str], request: bytes, body: Path, seconds: float, round_no: int
) -> dict[str, Any]:
    """One round; every target gets the same request (``body``: it as a gRPC frame)."""
    out: dict[str, Any] = {}
    urls = {
        "echo": f"http://{addresses['echo']}{ECHO_METHOD}",
        "local": f"http://{addresses['local']}{CHECK_METHOD}",
        "redis": f"http://{addresses['redis']}{CHECK_METHOD}",
    }
    for name in ("echo", "local", "redis"):
        out[f"{name}_rps"] = h2load(urls[name], body, seconds)
    rate = out["echo_rps"] / 2
    for name in ("echo", "local", "redis"):
        method = ECHO_METHOD if name == "echo" else CHECK_METHOD
        before = Counter(ERRORS)
        out.update(_latencies(name, paced(addresses[name], method, request, rate, seconds)))
        out[f"{name}_half_load_errors"] = dict(ERRORS - before)
    before = Counter(ERRORS)
    out.update(_miss_path(addresses["local"], seconds, round_no))
    out["miss_errors"] = dict(ERRORS - before)
    return out


def paced(address: str, method: str, request: bytes, rate: float, seconds: float) -> h2_paced.Run:
    """``request`` sent at ``rate`` for ``seconds`` by the cheap paced client (after
    ``WARM_S`` of warm-up)."""
    return _noted(h2_paced.paced(address, method, [request], rate, seconds, warm_s=WARM_S), address)


class PacedCpu(NamedTuple):
    run: h2_paced.Run
    #: The server's CPU time (ms, from /proc) per call answered, over the measured
    #: run only (not the connections' set-up or the warm-up).
    per_call_ms: float
    #: The same, by kind of thread (see :func:`bench.procs.thread_cpu_seconds`).
    by_thread_ms: dict[str, float]


def paced_cpu(address: str, method: str, request: bytes, rate: float, seconds: float) -> PacedCpu:
    """:func:`paced`, and the CPU time the server spent per call during the run."""
    pid = listening_pid(address)
    with h2_paced.PacedClient(address, method, [request]) as client:
        client.run(rate, WARM_S)
        before = thread_cpu_seconds(pid)
        run = client.run(rate, seconds)
        used = thread_cpu_seconds(pid)
    used.subtract(before)
    calls = max(1, len(run.latencies_ms))
    by_thread = {kind: spent * 1000 / calls for kind, spent in used.most_common() if spent}
    return PacedCpu(_noted(run, address), sum(by_thread.values()), by_thread)


def _noted(run: h2_paced.Run, address: str) -> h2_paced.Run:
    """Count ``run``'s failed calls in ERRORS, and note it if it was not real-time."""
    ERRORS.update(run.errors)
    if not run.realtime:
        NOT_REALTIME.append(address)
    return run


def _latencies(name: str, run: h2_paced.Run) -> dict[str, list[float]]:
    """A run's latencies (ms) under the names :func:`summarise` reads: from each call's
    send, from its scheduled time, and how late it was sent."""
    return {
        f"{name}_half_load": run.latencies_ms,
        f"{name}_half_load_from_schedule": run.from_schedule_ms,
        f"{name}_half_load_send_lag": run.send_lag_ms,
    }


def _miss_path(address: str, seconds: float, round_no: int) -> dict[str, Any]:
    """Travellers never seen before (a new document number each call): the saturation
    throughput, then latency at half of it."""
    base = 1_000_000 * (round_no + 1)
    fresh = [fresh_traveller(base + i) for i in range(200_000)]
    miss_rps = uvloop.run(_saturated(address, fresh, seconds))
    miss_rate = max(1.0, miss_rps / 2)
    later = [fresh_traveller(base + 500_000 + i) for i in range(int(miss_rate * seconds) + 1)]
    run = h2_paced.paced(address, CHECK_METHOD, later, miss_rate, seconds, warm_s=0)
    return {"miss_rps": miss_rps, **_latencies("miss", _noted(run, address))}


async def _saturated(address: str, requests: Sequence[bytes], seconds: float) -> float:
    client = Client(address, CHECK_METHOD)
    try:
        return await saturate(client, requests, seconds)
    finally:
        await client.close()


def summarise(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    def med(key: str) -> float:
        return float(statistics.median(r[key] for r in rounds))

    def lat(key: str, q: float) -> float:
        return statistics.median(percentile(r[key], q) for r in rounds)

    summary: dict[str, Any] = {
        "rounds": len(rounds),
        "per_round": [
            {
                name: {
                    "rps": round(r[f"{name}_rps"]),
                    "half_load_p99_ms": round(percentile(r[f"{name}_half_load"], 99), 3),
                    "half_load_p99_from_schedule_ms": round(
                        percentile(r[f"{name}_half_load_from_schedule"], 99), 3
                    ),
                }
                for name in ("echo", "local", "redis", "miss")
            }
            for r in rounds
        ],
        "failed_calls_by_phase": [
            {k: v for k, v in r.items() if k.endswith("_errors") and v} for r in rounds
        ],
    }
    for name in ("echo", "local", "redis", "miss"):
        summary[name] = {
            "rps": round(med(f"{name}_rps")),
            "rps_ratio_to_echo": round(
                statistics.median(r[f"{name}_rps"] / r["echo_rps"] for r in rounds), 3
            ),
            "half_load_p50_ms": round(lat(f"{name}_half_load", 50), 3),
            "half_load_p90_ms": round(lat(f"{name}_half_load", 90), 3),
            "half_load_p99_ms": round(lat(f"{name}_half_load", 99), 3),
            "half_load_max_ms": round(lat(f"{name}_half_load", 100), 3),
            # Counted from each call's scheduled time: the generator's lateness included.
            "half_load_p99_from_schedule_ms": round(lat(f"{name}_half_load_from_schedule", 99), 3),
            "half_load_send_lag_p99_ms": round(lat(f"{name}_half_load_send_lag", 99), 3),
        }
    return summary


def settle_database(cluster: PgCluster, timeout_s: float = 120.0) -> None:
    """Let PostgreSQL finish the work a bulk load leaves behind before measuring:
    a checkpoint now, and no autovacuum worker running (bounded wait)."""
    cluster.psql("CHECKPOINT")
    deadline = time.monotonic() + timeout_s
    busy = "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'"
    while cluster.psql(busy).strip() != "0":
        if time.monotonic() > deadline:
            print("note: autovacuum still running; measuring anyway")
            return
        time.sleep(0.5)


@contextlib.contextmanager
def redis_server() -> Iterator[RedisServer]:
    """Redis on the load generator's core, ahead of the generator.

    On a 2-core machine Redis must share a core: on the server's it would take the
    server's time (in production Redis runs on hosts of its own), on the generator's
    it would wait behind the generator, unless it goes first, which its small share of
    work (microseconds per GET) allows without slowing the generator. The generator
    runs at real-time priority 1 (bench.h2_paced), so Redis gets priority 2 where
    allowed, a nice of -10 otherwise.
    """
    server = RedisServer()
    try:
        server.start()
        if server.pid is not None and hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(server.pid, CLIENT_CPUS)
            ahead_of_generator(server.pid)
        yield server
    finally:
        server.destroy()


def ahead_of_generator(pid: int) -> None:
    """Schedule ``pid`` ahead of the paced generator's threads (see :func:`redis_server`)."""
    try:
        os.sched_setscheduler(pid, os.SCHED_FIFO, os.sched_param(2))
    except (OSError, AttributeError):
        with contextlib.suppress(PermissionError):
            os.setpriority(os.PRIO_PROCESS, pid, -10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200_000)
    parser.add_argument("--notices", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5.0, help="per measurement")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()
    if shutil.which("h2load") is None:
        raise SystemExit("h2load not found: run scripts/ensure-system-deps.sh --bench")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, CLIENT_CPUS)

    with tempfile.TemporaryDirectory(prefix="bench-cache-") as tmp:
        data = Path(tmp)
        generate_dataset(
            data, notices=args.notices, documents=args.documents, seed=7, travellers=6000
        )
        secret = data / "cache.secret"
        secret.write_text(secrets.token_hex(32))
        clear = [r.SerializeToString() for r in clear_travellers(data / "truth.jsonl")]
        hits = clear[:1000]
        with (
            running_cluster("bench-cache", databases=("bench",)) as cluster,
            redis_server() as redis,
        ):
            url = cluster.dsn("bench")
            run_load("notices", data / "notices.json", url)
            run_load("documents", data / "documents.csv", url)
            settle_database(cluster)
            env = {
                "NOTICE_LOOKUP_REDIS_URL": redis.url,
                "NOTICE_LOOKUP_CACHE__SECRET_FILE": str(secret),
                "NOTICE_LOOKUP_LOG_LEVEL": "info",  # the cache statistics, logged at stop
            }
            logs = {name: data / f"serve-{name}.log" for name in ("local", "redis")}
            sample = asyncio.run(_response_size(url, hits[0]))
            with (
                echo_server(sample, cpus=SERVER_CPUS) as echo,
                notice_server(url, cpus=SERVER_CPUS, env=env, log=logs["local"]) as local,
                notice_server(
                    url,
                    cpus=SERVER_CPUS,
                    env={**env, "NOTICE_LOOKUP_CACHE__LOCAL_ENTRIES": "0"},
                    log=logs["redis"],
                ) as shared,
            ):
                addresses = {"echo": echo, "local": local, "redis": shared}
                check = hits[0]
                for address in (local, shared):  # cache it (and verify it is a CLEAR)
                    counts = asyncio.run(sources_of(address, [check, check]))
                    assert all(k.endswith(" CLEAR") for k in counts), counts
                body = data / "check.bin"
                body.write_bytes(grpc_frame(check))
                rounds = [
                    measure_round(addresses, check, body, args.seconds, i)
                    for i in range(args.rounds)
                ]
                booth = [h for h in clear[1000:1300] for _ in range(3)]
                random.Random(5).shuffle(booth)
                ratio = asyncio.run(sources_of(local, booth))
        cache_lines = {
            name: [line for line in path.read_text().splitlines() if " cache: " in line]
            for name, path in logs.items()
        }
    result = {
        "command": "python -m bench.cache_throughput "
        f"--documents {args.documents} --notices {args.notices} --rounds {args.rounds} "
        f"--seconds {args.seconds}",
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs",
        "response_bytes": sample,
        "summary": summarise(rounds),
        "failed_calls": dict(ERRORS),
        "paced_runs_not_realtime": len(NOT_REALTIME),
        "server_cache_statistics": cache_lines,
        "booth_mix_sources": dict(ratio),
        "booth_mix_hit_ratio": round(
            sum(n for k, n in ratio.items() if k.startswith("CACHE_")) / sum(ratio.values()), 3
        ),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "cache_throughput.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result["summary"], indent=2))
    print(f"booth mix: {result['booth_mix_sources']} hit ratio {result['booth_mix_hit_ratio']}")
    print(f"failed calls: {dict(ERRORS)}")
    if NOT_REALTIME:
        print(
            f"note: {len(NOT_REALTIME)} paced runs without real-time priority for the "
            "generator (not allowed here): kernel work on its core counts in their p99"
        )
    for name, lines in cache_lines.items():
        print(f"{name} server: {lines[-1].split(' cache: ', 1)[1] if lines else '(no statistics)'}")
    print(f"results in {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


async def _response_size(url: str, request: bytes) -> int:
    """Bytes of a real cached all-clear answer, for the echo server to send back."""
    with notice_server(url, cpus=SERVER_CPUS) as address:
        async with grpc.aio.insecure_channel(address) as channel:
            call = channel.unary_unary(CHECK_METHOD)
            await call(request, timeout=10)
            answer: bytes = await call(request, timeout=10)
    return len(answer)


if __name__ == "__main__":
    main()
