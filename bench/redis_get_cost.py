"""What one Redis read costs the event loop's thread, with nothing else to do.

    python -m bench.redis_get_cost [--reads 20000] [--rounds 3]

A cached check served from Redis costs the server's event loop more than one served
from the in-process tier (``bench.cpu_per_call``). This isolates the read itself: a
throwaway Redis on CPU 1, this process on CPU 0 under uvloop, and sequential GETs of
one cached-entry-sized value through the server's own reader
(``cache.redis_reader.PipelinedReader``). Per read it prints the thread's user and
system CPU time and its voluntary context switches (``getrusage(RUSAGE_THREAD)``), and
the wall time. One read in flight at a time, as at a booth's pace: between the write
and the reply the loop has nothing to do and its thread sleeps, so the system time is
mostly the cost of going to sleep and being woken, which on a virtual machine can
exceed the work of the read itself.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time

import redis.asyncio as redis
import uvloop

from cache.redis_reader import PipelinedReader
from tests.lab.redis import RedisServer

KEY = b"nl:bench-get-cost"
VALUE = bytes(60)  # about a sealed cache entry's size


async def measure(url: str, reads: int, rounds: int) -> list[dict[str, float]]:
    client = redis.Redis.from_url(url)
    reader = PipelinedReader(client, timeout_s=1.0)
    results = []
    try:
        await client.set(KEY, VALUE)
        for _ in range(200):  # connect, warm up
            await reader.get(KEY)
        for _ in range(rounds):
            before = resource.getrusage(resource.RUSAGE_THREAD)
            start = time.perf_counter()
            for _ in range(reads):
                if await reader.get(KEY) != VALUE:
                    raise SystemExit("Redis returned another value")
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_THREAD)
            results.append(
                {
                    "user_us": (after.ru_utime - before.ru_utime) * 1e6 / reads,
                    "system_us": (after.ru_stime - before.ru_stime) * 1e6 / reads,
                    "wall_us": wall * 1e6 / reads,
                    "context_switches": (after.ru_nvcsw - before.ru_nvcsw) / reads,
                }
            )
    finally:
        await reader.close()
        await client.aclose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reads", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    pin = hasattr(os, "sched_setaffinity") and len(os.sched_getaffinity(0)) > 1
    if pin:
        os.sched_setaffinity(0, {0})
    server = RedisServer()
    try:
        server.start()
        if pin and server.pid is not None:
            os.sched_setaffinity(server.pid, {1})
        rows = uvloop.run(measure(server.url, args.reads, args.rounds))
    finally:
        server.destroy()
    for i, row in enumerate(rows):
        print(
            f"round {i}: user {row['user_us']:.1f} us, system {row['system_us']:.1f} us, "
            f"wall {row['wall_us']:.1f} us, voluntary context switches "
            f"{row['context_switches']:.2f} per read"
        )
    medians = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
    print(
        f"median: user {medians['user_us']:.1f} us, system {medians['system_us']:.1f} us, "
        f"wall {medians['wall_us']:.1f} us, voluntary context switches "
        f"{medians['context_switches']:.2f} per read"
    )


if __name__ == "__main__":
    main()
