"""Processes a benchmark starts and always stops: notice-lookup servers, the echo server.

Each is started on a free loopback port, optionally pinned to CPUs with ``taskset``,
waited for with a bounded timeout (no fixed sleeps), and stopped with SIGTERM (then
SIGKILL if it does not exit) when the ``with`` block ends, even on error. Only the
processes started here are ever signalled.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

ROOT = Path(__file__).resolve().parent.parent
CLI = str(Path(sys.executable).parent / "notice-lookup")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def listening_pid(address: str) -> int:
    """The pid of the process listening on ``address`` (HOST:PORT), from ``ss``."""
    port = address.rsplit(":", 1)[1]
    out = subprocess.run(
        ["ss", "-ltnpH", f"sport = :{port}"], capture_output=True, text=True, check=True
    ).stdout
    found = re.search(r"pid=(\d+)", out)
    if found is None:
        raise RuntimeError(f"no process found listening on {address}")
    return int(found.group(1))


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def thread_cpu_seconds(pid: int) -> Counter[str]:
    """User + system CPU time used so far by the process's threads, summed by kind:
    ``main`` (the thread that runs the event loop), else the thread's name (grpc's
    ``event_engine`` workers; other Python threads, such as grpc.aio's completion-queue
    poller, keep the process's name). A thread that ends takes its time with it."""
    tick = os.sysconf("SC_CLK_TCK")
    used: Counter[str] = Counter()
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            stat = (task / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        name, _, rest = stat.partition("(")[2].rpartition(")")
        fields = rest.split()
        kind = "main" if task.name == str(pid) else name
        used[kind] += (int(fields[11]) + int(fields[12])) / tick
    return used


def _pinned(command: list[str], cpus: str | None) -> list[str]:
    if cpus is None or shutil.which("taskset") is None:
        return command
    return ["taskset", "-c", cpus, *command]


def wait_until(condition: object, timeout: float, what: str, interval: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(interval)
    raise TimeoutError(f"{what} not ready after {timeout:.0f}s")


def _serving(address: str) -> bool:
    with grpc.insecure_channel(address) as channel:
        try:
            reply = health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(), timeout=1.0
            )
        except grpc.RpcError:
            return False
    return bool(reply.status == health_pb2.HealthCheckResponse.SERVING)


def _stop(process: subprocess.Popen[bytes], timeout: float = 30.0) -> int:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            return process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
    return process.wait()


@contextlib.contextmanager
def notice_server(
    database_url: str,
    *,
    cpus: str | None = None,
    extra_args: Sequence[str] = (),
    env: dict[str, str] | None = None,
    log: Path | None = None,
    address: str | None = None,
) -> Iterator[str]:
    """A running ``notice-lookup serve``; yields its address (``address``: this one,
    e.g. shared by several processes with server.reuse_port)."""
    address = address or f"127.0.0.1:{free_port()}"
    command = _pinned(
        [CLI, "serve", "--database-url", database_url, "--listen", address, *extra_args], cpus
    )
    sink = log.open("ab") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, "NOTICE_LOOKUP_LOG_LEVEL": "warning", **(env or {})},
        stdout=sink,
        stderr=sink,
    )
    try:
        wait_until(
            lambda: process.poll() is not None or _serving(address), 60, "notice-lookup serve"
        )
        if process.poll() is not None:
            raise RuntimeError(f"notice-lookup serve exited with {process.returncode}")
        yield address
    finally:
        _stop(process)
        if log and sink is not subprocess.DEVNULL:
            sink.close()  # type: ignore[union-attr]


@contextlib.contextmanager
def echo_server(response_bytes: int, *, cpus: str | None = None) -> Iterator[str]:
    """The bare gRPC echo server (``bench.echo_server``); yields its address."""
    address = f"127.0.0.1:{free_port()}"
    command = _pinned(
        [
            sys.executable,
            "-m",
            "bench.echo_server",
            "--listen",
            address,
            "--response-bytes",
            str(response_bytes),
        ],
        cpus,
    )
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        assert process.stdout is not None
        line = process.stdout.readline().decode()
        if not line.startswith("echo ready"):
            raise RuntimeError(f"echo server did not start (exit {process.poll()})")
        yield address
    finally:
        _stop(process)
