"""Run ``bench/locustfile.py`` headless against a running server; return its statistics.

    python -m bench.locust_run --address HOST:PORT --data DIR --out DIR --users 20 --seconds 15

:func:`run_locust` starts Locust (one process, or a ``--master`` and ``workers``
``--worker`` processes), optionally pinned with ``taskset``, waits at most
``seconds + 60`` s, and always stops every process it started. It writes into ``out_dir``:
``locust_stats.csv`` (and Locust's other CSV files), ``locust.html``, one log per
process (``locust-master.log``, ``locust-worker-N.log`` or ``locust.log``) and the
answers by provenance source (``sources.json``, or ``sources.PID.json`` per worker).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.procs import ROOT, free_port

LOCUST = str(Path(sys.executable).parent / "locust")
LOCUSTFILE = ROOT / "bench" / "locustfile.py"
GRACE = 60.0
"""Seconds Locust may take beyond the run time (start-up, workers joining, shutdown)."""
WORKERS_WAIT = 30
"""Seconds the master waits for its workers to connect before giving up."""


class LocustRunError(RuntimeError):
    """Locust failed, timed out or left no statistics. ``result``: what could be read."""

    def __init__(self, message: str, result: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.result = result


def _number(text: str | None) -> float | None:
    if text is None or text.strip() in ("", "N/A"):
        return None
    return float(text)


def read_stats(path: Path) -> dict[str, dict[str, float | int | None]]:
    """``locust_stats.csv`` -> {name: counts, percentiles (ms) and requests/s}."""
    stats: dict[str, dict[str, float | int | None]] = {}
    with path.open(newline="") as handle:
        for row in csv.DictReader(handle):
            stats[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "median_ms": _number(row.get("Median Response Time")),
                "p90_ms": _number(row.get("90%")),
                "p99_ms": _number(row.get("99%")),
                "max_ms": _number(row.get("Max Response Time")),
                "rps": _number(row.get("Requests/s")),
            }
    return stats


def read_counts(paths: Sequence[Path]) -> dict[str, Any] | None:
    """Sum the ``sources`` and ``verdicts`` counts the locustfile wrote; None if none."""
    sources: Counter[str] = Counter()
    verdicts: dict[str, Counter[str]] = {}
    found = False
    for path in paths:
        if not path.is_file():
            continue
        found = True
        report = json.loads(path.read_text())
        sources.update(report.get("sources", {}))
        for name, counts in report.get("verdicts", {}).items():
            verdicts.setdefault(name, Counter()).update(counts)
    if not found:
        return None
    return {
        "sources": dict(sources),
        "verdicts": {name: dict(counts) for name, counts in sorted(verdicts.items())},
    }


def _pinned(command: list[str], cpus: str | None) -> list[str]:
    if cpus is None:
        return command
    if shutil.which("taskset") is None:
        raise LocustRunError(f"cannot pin Locust to CPUs {cpus}: taskset is not installed")
    return ["taskset", "-c", cpus, *command]


def _stop(process: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    """SIGTERM, then SIGKILL: only this process (taskset execs Locust, same pid)."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=timeout)


def _tail(path: Path, lines: int = 15) -> str:
    try:
        text = path.read_text(errors="replace").splitlines()
    except OSError:
        return ""
    return "\n".join(f"    {line}" for line in text[-lines:])


def run_locust(
    address: str,
    data_dir: Path,
    out_dir: Path,
    *,
    users: int,
    spawn_rate: float,
    seconds: float,
    workers: int = 1,
    user_rate: float = 1.0,
    hit_rate: float = 1e-4,
    cpus: str | None = None,
) -> dict[str, Any]:
    """Run the booth load against ``address`` (HOST:PORT) for ``seconds``.

    Returns ``{"stats": {name: {...}, "Aggregated": {...}}, "sources": {...} | None,
    "verdicts": {...} | None, ...}`` where each stats entry has ``requests``,
    ``failures``, ``median_ms``, ``p90_ms``, ``p99_ms``, ``max_ms`` and ``rps``.

    Raises :class:`LocustRunError` if Locust exits non-zero (it does when any call
    failed; the statistics are then in the error's ``result``), does not finish within
    ``seconds + 60``, or leaves no ``locust_stats.csv``.
    """
    if workers < 1:
        raise ValueError("workers must be at least 1")
    data_dir = Path(data_dir).resolve()
    out_dir = Path(out_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    stats_csv = out_dir / "locust_stats.csv"
    html = out_dir / "locust.html"
    sources_out = out_dir / "sources.json"
    for stale in (stats_csv, html, sources_out, *out_dir.glob("sources.*.json")):
        stale.unlink(missing_ok=True)

    env = {
        **os.environ,
        "NL_DATA": str(data_dir),
        "NL_USER_RATE": repr(float(user_rate)),
        "NL_HIT_RATE": repr(float(hit_rate)),
        "NL_SOURCES_OUT": str(sources_out),
        "PYTHONUNBUFFERED": "1",
    }
    base = [LOCUST, "-f", str(LOCUSTFILE), "--host", address]
    headless = [
        "--headless",
        "-u", str(users),
        "-r", str(spawn_rate),
        "-t", f"{max(1, round(seconds))}s",
        "--csv", str(out_dir / "locust"),
        "--html", str(html),
        "--only-summary",
    ]  # fmt: skip
    if workers == 1:
        commands = [(out_dir / "locust.log", [*base, *headless])]
    else:
        port = str(free_port())
        master = [
            *base, *headless, "--master", "--master-bind-host", "127.0.0.1",
            "--master-bind-port", port, "--expect-workers", str(workers),
            "--expect-workers-max-wait", str(WORKERS_WAIT),
        ]  # fmt: skip
        worker = [*base, "--worker", "--master-host", "127.0.0.1", "--master-port", port]
        commands = [(out_dir / "locust-master.log", master)] + [
            (out_dir / f"locust-worker-{n}.log", worker) for n in range(1, workers + 1)
        ]

    deadline = time.monotonic() + seconds + GRACE
    processes: list[subprocess.Popen[bytes]] = []
    timed_out = False
    try:
        for log, command in commands:
            with log.open("wb") as sink:
                processes.append(
                    subprocess.Popen(
                        _pinned(command, cpus),
                        cwd=ROOT,
                        env=env,
                        stdin=subprocess.DEVNULL,
                        stdout=sink,
                        stderr=subprocess.STDOUT,
                    )
                )
        # The first process (the master) decides when the run ends; workers quit when
        # it tells them to, so they get a short while after it.
        try:
            processes[0].wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            timed_out = True
        else:
            for process in processes[1:]:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=max(0.1, min(deadline - time.monotonic(), 15.0)))
    finally:
        for process in processes:
            _stop(process)

    first_log = commands[0][0]
    returncode = processes[0].returncode if processes else None
    failed_workers = [
        f"{log.name} (exit {process.returncode})"
        for (log, _), process in zip(commands[1:], processes[1:], strict=False)
        if process.returncode != 0
    ]
    result: dict[str, Any] | None = None
    if stats_csv.is_file():
        pids = [p.pid for p in processes[1:]]
        counts = read_counts(
            [sources_out] if workers == 1 else [out_dir / f"sources.{pid}.json" for pid in pids]
        )
        result = {
            "address": address,
            "users": users,
            "spawn_rate": spawn_rate,
            "seconds": seconds,
            "workers": workers,
            "user_rate": user_rate,
            "hit_rate": hit_rate,
            "cpus": cpus,
            "stats": read_stats(stats_csv),
            "sources": counts["sources"] if counts else None,
            "verdicts": counts["verdicts"] if counts else None,
            "csv": str(stats_csv),
            "html": str(html),
        }
    if timed_out:
        raise LocustRunError(
            f"Locust did not finish within {seconds + GRACE:.0f}s (stopped); "
            f"{first_log}:\n{_tail(first_log)}",
            result,
        )
    if returncode != 0:
        failures = result["stats"].get("Aggregated", {}).get("failures") if result else None
        why = (
            f"{failures} failed calls (see {out_dir / 'locust_failures.csv'})"
            if failures
            else "an error"
        )
        raise LocustRunError(
            f"Locust exited with {returncode}: {why}; {first_log}:\n{_tail(first_log)}", result
        )
    if result is None:
        raise LocustRunError(f"Locust wrote no {stats_csv}; {first_log}:\n{_tail(first_log)}")
    if failed_workers:
        log = out_dir / failed_workers[0].split()[0]
        raise LocustRunError(
            f"Locust workers failed: {', '.join(failed_workers)}; {log}:\n{_tail(log)}", result
        )
    if not result["stats"].get("Aggregated", {}).get("requests"):
        raise LocustRunError(f"Locust made no calls; {first_log}:\n{_tail(first_log)}", result)
    return result


def _table(result: dict[str, Any]) -> str:
    header = f"{'name':<24}{'requests':>10}{'failures':>10}{'req/s':>9}"
    header += f"{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'max ms':>9}"
    lines = [header]

    def cell(value: float | None, digits: int = 0) -> str:
        return "-" if value is None else f"{value:.{digits}f}"

    for name, row in result["stats"].items():
        lines.append(
            f"{name:<24}{row['requests']:>10}{row['failures']:>10}{cell(row['rps'], 1):>9}"
            f"{cell(row['median_ms']):>9}{cell(row['p90_ms']):>9}{cell(row['p99_ms']):>9}"
            f"{cell(row['max_ms']):>9}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--address", required=True, help="HOST:PORT of notice-lookup serve")
    parser.add_argument("--data", type=Path, required=True, help="data set (generate_dataset)")
    parser.add_argument("--out", type=Path, required=True, help="directory for CSV, HTML, logs")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--spawn-rate", type=float, default=None, help="default: users/5 per s")
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--user-rate", type=float, default=1.0, help="calls/s per user")
    parser.add_argument("--hit-rate", type=float, default=1e-4)
    parser.add_argument("--cpus", default=None, help="taskset CPU list for Locust")
    args = parser.parse_args(argv)
    try:
        result = run_locust(
            args.address,
            args.data,
            args.out,
            users=args.users,
            spawn_rate=args.spawn_rate or max(1.0, args.users / 5),
            seconds=args.seconds,
            workers=args.workers,
            user_rate=args.user_rate,
            hit_rate=args.hit_rate,
            cpus=args.cpus,
        )
    except LocustRunError as error:
        print(error, file=sys.stderr)
        if error.result:
            print(_table(error.result))
        return 1
    print(_table(result))
    print("sources:", json.dumps(result["sources"]))
    print("verdicts:", json.dumps(result["verdicts"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
