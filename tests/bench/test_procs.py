"""CPU time per thread from /proc, and the paced CPU measurement built on it."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from bench.cache_throughput import paced_cpu
from bench.procs import cpu_seconds, thread_cpu_seconds
from tests.bench.peer import METHOD

# A process whose second thread burns 0.3 s of CPU, then stays (an ended thread takes
# its time out of /proc), while the main thread waits.
_BURNER = """
import os, sys, threading, time
def burn():
    while time.thread_time() < 0.3:
        pass
    print("burnt", flush=True)
    threading.Event().wait()
threading.Thread(target=burn, daemon=True).start()
sys.stdin.readline()
os._exit(0)
"""


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs Linux /proc")
def test_cpu_time_is_counted_by_thread() -> None:
    with subprocess.Popen(
        [sys.executable, "-c", _BURNER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        try:
            assert child.stdout is not None
            assert child.stdout.readline() == "burnt\n"
            deadline = time.monotonic() + 30
            while True:  # the kernel's per-thread counts can trail the thread's own clock
                used = thread_cpu_seconds(child.pid)
                others = sum(v for k, v in used.items() if k != "main")
                if others >= 0.25 or time.monotonic() > deadline:
                    break
                time.sleep(0.05)
            assert others >= 0.25, used
            assert used["main"] < 0.2, used  # start-up only: it waited on stdin
            total = cpu_seconds(child.pid)
            assert abs(sum(used.values()) - total) <= 0.05, (used, total)
        finally:
            child.kill()


def test_paced_cpu_divides_the_runs_cpu_among_its_calls(server) -> None:  # type: ignore[no-untyped-def]
    address, received, _ = server
    measured = paced_cpu(address, METHOD, b"check", rate=200, seconds=0.5)
    assert len(measured.run.latencies_ms) == 100
    assert measured.run.errors == {}
    assert measured.by_thread_ms  # the server here is this process: it used some CPU
    assert measured.per_call_ms == pytest.approx(sum(measured.by_thread_ms.values()))
    assert all(ms > 0 for ms in measured.by_thread_ms.values())
    assert len(received) >= 100 + 100  # warm-up (0.5 s at 200/s) and the measured run
