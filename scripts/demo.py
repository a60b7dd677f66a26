#!/usr/bin/env python3
"""The main job, end to end, on the embedded default (SQLite, no Redis or PostgreSQL).

1. generate a seeded synthetic data set (notices in INTERPOL's JSON, documents in CSV);
2. load both into SQLite under data/demo/;
3. start `notice-lookup serve` on a free loopback port and wait until it is SERVING;
4. check three travellers through the gRPC API with `notice-lookup check --mrz`:
   a clear traveller, a stolen passport, and a Red-notice subject whose name is spelled
   differently than in the notice; print the answers;
5. stop the server with SIGTERM (it drains) and exit 0 only if every verdict is right.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "demo"
CLI = str(Path(sys.executable).parent / "notice-lookup")
START_TIMEOUT_S = 30.0

CASES = (
    ("clear", "a traveller on no list", "CLEAR"),
    ("stolen-document", "a traveller carrying a passport reported stolen", "HIT"),
    ("notice-variant", "a Red-notice subject, name spelled differently than in the notice", "HIT"),
)


def run(*args: str) -> str:
    print(f"$ notice-lookup {' '.join(args)}", flush=True)
    done = subprocess.run([CLI, *args], check=True, capture_output=True, text=True, cwd=ROOT)
    return done.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_serving(address: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    with grpc.insecure_channel(address) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise SystemExit(f"server exited with status {server.returncode} during start-up")
            try:
                reply = health.Check(health_pb2.HealthCheckRequest(), timeout=1.0)
            except grpc.RpcError:
                time.sleep(0.1)
                continue
            if reply.status == health_pb2.HealthCheckResponse.SERVING:
                return
        raise SystemExit(f"server not SERVING after {START_TIMEOUT_S:.0f}s")


def pick_travellers(truth: Path) -> dict[str, dict[str, object]]:
    picked: dict[str, dict[str, object]] = {}
    wanted = {reason for reason, _, _ in CASES}
    with truth.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            reason = str(row["reason"])
            if reason in wanted and reason not in picked:
                if reason == "stolen-document" and row["fields"].get("document_type") != "P":
                    continue
                picked[reason] = row
    missing = wanted - picked.keys()
    if missing:
        raise SystemExit(f"truth.jsonl has no traveller for: {', '.join(sorted(missing))}")
    return picked


def main() -> int:
    if DATA.exists():
        shutil.rmtree(DATA)
    DATA.mkdir(parents=True)
    url = f"sqlite:///{DATA / 'notice-lookup.db'}"
    sample = DATA / "sample"
    print(
        run(
            "generate",
            "--out",
            str(sample),
            "--notices",
            "2000",
            "--documents",
            "20000",
            "--seed",
            "7",
        )
    )
    print(
        run("load", "notices", str(sample / "notices.json"), "--database-url", url, "--no-progress")
    )
    print(
        run(
            "load",
            "documents",
            str(sample / "documents.csv"),
            "--database-url",
            url,
            "--no-progress",
        )
    )
    travellers = pick_travellers(sample / "truth.jsonl")

    address = f"127.0.0.1:{free_port()}"
    print(f"$ notice-lookup serve --database-url {url} --listen {address}", flush=True)
    env = {**os.environ, "NOTICE_LOOKUP_LOG_LEVEL": "warning"}
    server = subprocess.Popen(
        [CLI, "serve", "--database-url", url, "--listen", address], cwd=ROOT, env=env
    )
    failures = 0
    try:
        wait_serving(address, server)
        for reason, description, expected in CASES:
            row = travellers[reason]
            mrz = [str(line) for line in row["mrz"]]  # type: ignore[attr-defined]
            print(f"\n=== {description} (expected {expected}) ===")
            answer = run("check", "--server", address, "--mrz", *mrz)
            print(answer)
            got = answer.split(maxsplit=1)[0] if answer else ""
            if got != expected:
                print(f"!!! expected {expected}, got {got or 'nothing'}")
                failures += 1
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            status = server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            status = server.wait()
        print(f"server stopped (exit status {status})")
    if failures:
        print(f"demo FAILED: {failures} unexpected verdict(s)")
        return 1
    print("demo OK: clear traveller CLEAR, stolen passport HIT, Red-notice variant HIT")
    return 0


if __name__ == "__main__":
    sys.exit(main())
