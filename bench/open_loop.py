"""Open-loop latency at fixed arrival rates: a library and a CLI.

    python -m bench.open_loop --address 127.0.0.1:50051 \\
        --method /noticelookup.v1.NoticeLookup/CheckTraveler --request-file check.bin \\
        --rates 200,400,800 --seconds 5 --budget-ms 10 [--out bench/results] [--cpus 1]

``--request-file`` holds one serialized protobuf request (raw bytes, no gRPC framing).
Calls are made by :mod:`bench.h2_paced` (HTTP/2 frames encoded once, answers' trailers
decoded for ``grpc-status``): 0.17-0.19 ms of CPU per call on the development machine,
against 0.47-0.51 ms for a grpc.aio client, so that the server is what is measured.

What it does: for each rate (ascending), requests go out on a fixed schedule, request
``i`` due at ``start + i / rate``, from a thread that sleeps until each is due. The
generator never waits for an answer before sending the next request. Each call's
latency is counted from its *scheduled* send time, not from when it was actually sent,
and recorded in an HdrHistogram (1 µs to 60 s, 3 significant digits). A call that takes
longer than ``--timeout`` (also counted from its scheduled time; the server is told it
as ``grpc-timeout``) fails with DEADLINE_EXCEEDED, or NO_ANSWER when nothing came back;
failures are counted by gRPC status code and kept out of the histogram. The sweep stops
after two consecutive rates over budget (the server is past saturation), and reports the
"knee": the highest rate whose p99 stayed under ``--budget-ms`` with no failures.

Why open loop: a closed-loop client (N requests in flight, the next sent when an answer
comes back) slows down when the server stalls, so it sends fewer requests exactly when
latency is worst and the stall shows up in a handful of samples instead of in every
request that a real border terminal would have sent meanwhile (coordinated omission).
Terminals do not wait for each other: arrivals are open. Measuring from the scheduled
time also charges the generator's own lateness to the result; ``send_lag`` in the result
says how late the generator issued calls, so a run where the *client* was the bottleneck
can be told apart (pin it to a CPU of its own with ``--cpus``).

Output: a table on stdout, and with ``--out DIR`` ``DIR/open_loop-LABEL.json`` and a PNG
of p50/p99/p99.9 against offered rate (:func:`plot_sweep` draws several targets in one
figure, e.g. echo, cache hit and cache miss).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from hdrh.histogram import HdrHistogram

from bench.h2_paced import PacedClient

LOWEST_US = 1
HIGHEST_US = 60_000_000
SIGNIFICANT_DIGITS = 3
#: Calls per second of the unrecorded first call on each connection.
PRIME_RATE = 100.0
#: Send lag (p99) above which the CLI warns that the generator itself fell behind.
LATE_MS = 5.0


@dataclass
class RateResult:
    """One rate's run. Latencies in ms, from each request's scheduled send time."""

    offered_rate: float  # requests/s asked for
    achieved_rate: float  # successful answers/s, over the schedule or until the last answer
    seconds: float  # length of the schedule
    sent: int  # requests scheduled (at most offered_rate * seconds)
    count: int  # successful answers (the histogram's samples)
    p50_ms: float
    p90_ms: float
    p99_ms: float
    p999_ms: float
    max_ms: float
    failures: dict[str, int] = field(default_factory=dict)  # by gRPC status code name
    # How late the generator issued calls (timer granularity, a busy client): included
    # in the latencies above; a large p99 means the client, not the server, was slow.
    send_lag_p50_ms: float = 0.0
    send_lag_p99_ms: float = 0.0
    send_lag_max_ms: float = 0.0

    def within(self, budget_ms: float) -> bool:
        """p99 under budget, no failures, and at least one answer."""
        return self.count > 0 and not self.failures and self.p99_ms < budget_ms


@dataclass
class SweepResult:
    budget_ms: float
    results: list[RateResult]
    knee: float | None  # highest rate within budget (None: none was)
    stopped_early: bool  # two consecutive rates over budget: the higher ones were skipped
    skipped_rates: list[float] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """As plain JSON (a percentile of a rate without answers, NaN here, is null)."""
        data = asdict(self)
        for r in data["results"]:
            r.update({k: None for k, v in r.items() if isinstance(v, float) and math.isnan(v)})
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SweepResult:
        def rate(r: dict[str, Any]) -> RateResult:
            fields: dict[str, Any] = {k: float("nan") if v is None else v for k, v in r.items()}
            return RateResult(**fields)

        return cls(
            budget_ms=data["budget_ms"],
            results=[rate(r) for r in data["results"]],
            knee=data["knee"],
            stopped_early=data["stopped_early"],
            skipped_rates=data.get("skipped_rates", []),
        )


def _histogram() -> HdrHistogram:
    return HdrHistogram(LOWEST_US, HIGHEST_US, SIGNIFICANT_DIGITS)


def _record(histogram: HdrHistogram, ms: float) -> None:
    histogram.record_value(min(HIGHEST_US, max(LOWEST_US, round(ms * 1000))))


def _ms(histogram: HdrHistogram, percentile: float) -> float:
    if histogram.get_total_count() == 0:
        return float("nan")
    return round(float(histogram.get_value_at_percentile(percentile)) / 1000, 3)


def _run(client: PacedClient, rate: float, seconds: float, timeout_s: float) -> RateResult:
    run = client.run(rate, seconds)
    latency = _histogram()
    lag = _histogram()
    failures = Counter(run.errors)
    for ms in run.from_schedule_ms:  # the generator's lateness is charged to the result
        if ms > timeout_s * 1000:  # answered in time for gRPC, seen late by a busy client
            failures["DEADLINE_EXCEEDED"] += 1
        else:
            _record(latency, ms)
    for ms in run.send_lag_ms:
        _record(lag, ms)
    elapsed = max(run.schedule_end, run.last_answer) - run.started
    count = latency.get_total_count()
    return RateResult(
        offered_rate=rate,
        achieved_rate=round(count / elapsed, 1) if elapsed > 0 else 0.0,
        seconds=seconds,
        sent=len(run.send_lag_ms),
        count=count,
        p50_ms=_ms(latency, 50),
        p90_ms=_ms(latency, 90),
        p99_ms=_ms(latency, 99),
        p999_ms=_ms(latency, 99.9),
        max_ms=round(latency.get_max_value() / 1000, 3) if count else float("nan"),
        failures=dict(failures),
        send_lag_p50_ms=_ms(lag, 50),
        send_lag_p99_ms=_ms(lag, 99),
        send_lag_max_ms=round(lag.get_max_value() / 1000, 3),
    )


def run_rate(
    address: str,
    method: str,
    requests: Sequence[bytes],
    rate: float,
    seconds: float,
    *,
    channels: int = 8,
    timeout_s: float = 2.0,
) -> RateResult:
    """Send ``requests`` (cycled) at ``rate``/s for ``seconds`` on a fixed schedule.

    Before the schedule starts, ``channels`` connections are opened and each makes one
    unrecorded call. Then at most ``rate * seconds`` requests, and a final wait of at
    most ``timeout_s`` (and a second) for the last answers.
    """
    with PacedClient(address, method, requests, channels, timeout_s) as client:
        primed = client.run(PRIME_RATE, channels / PRIME_RATE)
        if primed.errors:
            raise RuntimeError(f"{address}{method} failed its first calls: {dict(primed.errors)}")
        return _run(client, rate, seconds, timeout_s)


def sweep(  # noqa: PLR0917 (positional like run_rate's)
    address: str,
    method: str,
    requests: Sequence[bytes],
    rates: Sequence[float],
    seconds: float,
    budget_ms: float,
    *,
    channels: int = 8,
    timeout_s: float = 2.0,
    settle_s: float = 1.0,
    progress: Callable[[RateResult], None] | None = None,
) -> SweepResult:
    """:func:`run_rate` for each rate, ascending, with ``settle_s`` between rates.

    Stops after two consecutive rates over budget (p99 >= ``budget_ms`` or any failure).
    ``progress`` is called with each rate's result as it completes.
    """
    ordered = sorted(rates)
    results: list[RateResult] = []
    over = 0
    for n, rate in enumerate(ordered):
        if n:
            time.sleep(settle_s)
        result = run_rate(
            address, method, requests, rate, seconds, channels=channels, timeout_s=timeout_s
        )
        results.append(result)
        if progress is not None:
            progress(result)
        over = 0 if result.within(budget_ms) else over + 1
        if over == 2:
            break
    passing = [r.offered_rate for r in results if r.within(budget_ms)]
    skipped = ordered[len(results) :]
    return SweepResult(
        budget_ms=budget_ms,
        results=results,
        knee=max(passing) if passing else None,
        stopped_early=bool(skipped),
        skipped_rates=list(skipped),
    )


def plot_sweep(results: dict[str, SweepResult], path: Path, budget_ms: float, title: str) -> None:
    """PNG: p50 (dotted), p99 (solid), p99.9 (dashed) latency, log scale, against offered
    rate; one colour per target; the budget as a horizontal line. Rates with failures
    are circled in red, and each target's knee is marked with a vertical line."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    styles: dict[str, Any] = {"p50_ms": ":", "p99_ms": "-", "p999_ms": "--"}
    names = {"p50_ms": "p50", "p99_ms": "p99", "p999_ms": "p99.9"}
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    fig, ax = plt.subplots(figsize=(9, 5.5))
    target_handles = []
    for n, (label, result) in enumerate(results.items()):
        colour = colours[n % len(colours)]
        rates = [r.offered_rate for r in result.results]
        for key, style in styles.items():
            ax.plot(
                rates,
                [getattr(r, key) for r in result.results],
                linestyle=style,
                marker="o",
                markersize=4,
                color=colour,
            )
        failed = [r for r in result.results if r.failures]
        if failed:
            ax.scatter(
                [r.offered_rate for r in failed],
                [r.p99_ms for r in failed],
                s=120,
                facecolors="none",
                edgecolors="red",
                zorder=3,
            )
        if result.knee is not None:
            ax.axvline(result.knee, color=colour, alpha=0.3, linewidth=4)
        knee = f"knee {result.knee:g}/s" if result.knee is not None else "no rate within budget"
        target_handles.append(Line2D([], [], color=colour, linewidth=3, label=f"{label} ({knee})"))
    ax.axhline(budget_ms, color="black", linewidth=1)
    ax.annotate(
        f"budget {budget_ms:g} ms (p99)",
        xy=(0.01, budget_ms),
        xycoords=("axes fraction", "data"),
        xytext=(0, 3),
        textcoords="offset points",
        fontsize=8,
    )
    ax.set_yscale("log")
    ax.set_xlabel("offered rate (requests/s, open loop)")
    ax.set_ylabel("latency from scheduled send (ms)")
    ax.set_title(title)
    ax.grid(True, which="both", alpha=0.3)
    style_handles = [
        Line2D([], [], color="grey", linestyle=style, label=names[key])
        for key, style in styles.items()
    ]
    style_handles.append(
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=10,
            markerfacecolor="none",
            markeredgecolor="red",
            label="failures",
        )
    )
    first = ax.legend(handles=target_handles, loc="upper left", fontsize=8)
    ax.add_artist(first)
    ax.legend(handles=style_handles, loc="lower right", fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _cpu_set(text: str) -> set[int]:
    """``"1"``, ``"0,2"`` or ``"2-3"`` as a set of CPU numbers."""
    cpus: set[int] = set()
    for part in text.split(","):
        low, _, high = part.strip().partition("-")
        cpus.update(range(int(low), int(high or low) + 1))
    return cpus


HEADER = (
    f"{'rate/s':>8} {'answers/s':>9} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} "
    f"{'p99.9 ms':>9} {'max ms':>8} {'lag p50':>8} {'lag p99':>8}  failures"
)


def row(result: RateResult) -> str:
    failures = ", ".join(f"{k} {v}" for k, v in sorted(result.failures.items())) or "-"
    return (
        f"{result.offered_rate:>8g} {result.achieved_rate:>9.1f} {result.p50_ms:>8.3f} "
        f"{result.p90_ms:>8.3f} {result.p99_ms:>8.3f} {result.p999_ms:>9.3f} "
        f"{result.max_ms:>8.3f} {result.send_lag_p50_ms:>8.3f} {result.send_lag_p99_ms:>8.3f}"
        f"  {failures}"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--address", required=True, help="HOST:PORT")
    parser.add_argument("--method", required=True, help="/package.Service/Method")
    parser.add_argument(
        "--request-file", type=Path, required=True, help="one serialized request (raw bytes)"
    )
    parser.add_argument("--rates", required=True, help="comma-separated requests/s")
    parser.add_argument("--seconds", type=float, default=5.0, help="per rate")
    parser.add_argument("--budget-ms", type=float, required=True, help="p99 budget")
    parser.add_argument("--channels", type=int, default=8)
    parser.add_argument("--timeout", type=float, default=2.0, help="per call, seconds")
    parser.add_argument("--settle", type=float, default=1.0, help="pause between rates, s")
    parser.add_argument("--cpus", help="pin this process to these CPUs, e.g. 1 or 2-3")
    parser.add_argument("--label", help="target name in the plot (default: the method name)")
    parser.add_argument("--out", type=Path, help="directory for the JSON and the PNG")
    args = parser.parse_args(argv)
    rates = [float(r) for r in args.rates.split(",") if r.strip()]
    request = args.request_file.read_bytes()
    if args.cpus:
        os.sched_setaffinity(0, _cpu_set(args.cpus))
    label = args.label or args.method.rsplit("/", 1)[-1]
    print(HEADER, flush=True)
    result = sweep(
        args.address,
        args.method,
        [request],
        rates,
        args.seconds,
        args.budget_ms,
        channels=args.channels,
        timeout_s=args.timeout,
        settle_s=args.settle,
        progress=lambda r: print(row(r), flush=True),
    )
    late = [r for r in result.results if r.send_lag_p99_ms > LATE_MS]
    if late:
        print(
            f"note: the generator ran late at {', '.join(f'{r.offered_rate:g}/s' for r in late)}"
            f" (send lag p99 > {LATE_MS:g} ms): the client, not only the server, was slow"
        )
    knee = f"{result.knee:g}/s" if result.knee is not None else "none"
    skipped = f" (stopped early; skipped {result.skipped_rates})" if result.stopped_early else ""
    print(f"knee (p99 < {args.budget_ms:g} ms, no failures): {knee}{skipped}")
    if args.out is None:
        return
    args.out.mkdir(parents=True, exist_ok=True)
    stem = "open_loop-" + "".join(c if c.isalnum() or c in "-_" else "_" for c in label)
    record = {
        "command": " ".join(["python -m bench.open_loop", *(argv or sys.argv[1:])]),
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs",
        "client_cpus": sorted(os.sched_getaffinity(0)),
        "label": label,
        "address": args.address,
        "method": args.method,
        "request_bytes": len(request),
        "seconds": args.seconds,
        "channels": args.channels,
        "timeout_s": args.timeout,
        "sweep": result.to_json(),
    }
    json_path = args.out / f"{stem}.json"
    json_path.write_text(json.dumps(record, indent=2) + "\n")
    png_path = args.out / f"{stem}.png"
    plot_sweep({label: result}, png_path, args.budget_ms, f"{label}: open-loop latency")
    print(f"results in {json_path} and {png_path}")


if __name__ == "__main__":
    main()
