"""Open-loop unary gRPC calls from HTTP/2 frames encoded once: a load generator that
costs little CPU, for latency at a fixed arrival rate.

    python -m bench.h2_paced --address 127.0.0.1:PORT \\
        --method /noticelookup.v1.NoticeLookup/CheckTraveler --request-file check.bin \\
        --rate 1600 --seconds 5 [--connections 8] [--cpus 1]

``--request-file`` holds one serialized protobuf request (no gRPC framing).

Why not a grpc.aio client: it costs about as much CPU per call as the server it measures
(about 0.5 ms here). On a 2-core machine, where the server has one core and the
generator shares the other with Redis, a grpc.aio client at 1,600 calls/s keeps its
core nearly busy, and the tail it reports is mostly its own queueing: a bare echo
server's p99 came out anywhere between 4 and 30 ms that way. h2load is cheap but its
``--rps`` sends bursts every 10 ms, and its timing script falls behind the schedule.

How: every call sends the same request, so its HEADERS block (HPACK literals, no
dynamic table) and DATA frame are encoded once; a call packs two frame headers and
writes. One sender thread sleeps until each call's scheduled time (``start + i /
rate``; a thread sleep wakes within tens of microseconds, no event loop tick) and
writes it on connection ``i % connections``. One reader thread per connection parses
frames, decodes header blocks with ``hpack`` (the trailers carry ``grpc-status``),
answers SETTINGS and PING, and follows flow control. A call's latency runs from the
moment the sender starts writing it (before any wait for the server's flow-control
window) to the arrival of its trailers: the server's answer time as the caller sees
it. The sender never waits for answers, so a stalled server still meets every call
due meanwhile. How late the sender was is recorded apart (``send_lag_ms``: on a
virtual machine a sleeping thread wakes 1-2 ms late at the 99th percentile when the
host is busy), and so is the latency counted from each call's *scheduled* time
(``from_schedule_ms``), which charges that lateness to the result. A call that is not
answered within
``timeout_s`` (also sent as ``grpc-timeout``) counts as ``NO_ANSWER``; answers other
than ``grpc-status: 0`` are counted by status name and kept out of the latencies.

Plain-text HTTP/2 (h2c) only: it measures servers on loopback, not TLS.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

import grpc
import hpack

PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
DATA, HEADERS, RST_STREAM, SETTINGS, PING, GOAWAY, WINDOW_UPDATE, CONTINUATION = (
    0, 1, 3, 4, 6, 7, 8, 9,
)  # fmt: skip
END_STREAM = ACK = 0x1
END_HEADERS = 0x4
PADDED = 0x8
PRIORITY = 0x20
SETTINGS_ENABLE_PUSH = 0x2
SETTINGS_INITIAL_WINDOW_SIZE = 0x4
#: Frame header: length (24 bits, as a byte and a short), type, flags, stream id.
FRAME = struct.Struct(">BHBBI")
#: Our receive windows: large enough that answers never wait for a WINDOW_UPDATE.
RECEIVE_WINDOW = 1 << 30
STATUS_NAMES: dict[int, str] = {code.value[0]: code.name for code in grpc.StatusCode}


def frame(kind: int, flags: int, stream: int, payload: bytes = b"") -> bytes:
    size = len(payload)
    return FRAME.pack(size >> 16, size & 0xFFFF, kind, flags, stream) + payload


def _integer(value: int, prefix_bits: int, first: int = 0) -> bytes:
    """An HPACK integer with an N-bit prefix (RFC 7541, 5.1)."""
    limit = (1 << prefix_bits) - 1
    if value < limit:
        return bytes([first | value])
    out = [first | limit]
    value -= limit
    while value >= 0x80:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _string(value: bytes) -> bytes:
    return _integer(len(value), 7) + value  # no Huffman coding


def request_headers(authority: str, path: str, timeout_s: float) -> bytes:
    """A request's HPACK block: static-table entries and literals without indexing, so
    the same bytes are valid on every stream of every connection."""

    def literal(index: int, value: str) -> bytes:  # name from the static table
        return _integer(index, 4) + _string(value.encode())

    def new_literal(name: str, value: str) -> bytes:
        return b"\x00" + _string(name.encode()) + _string(value.encode())

    return b"".join(
        [
            b"\x83",  # :method POST
            b"\x86",  # :scheme http
            literal(4, path),  # :path
            literal(1, authority),  # :authority
            literal(31, "application/grpc"),  # content-type
            new_literal("te", "trailers"),
            new_literal("grpc-timeout", f"{max(1, round(timeout_s * 1000))}m"),
        ]
    )


@dataclass
class Run:
    """One paced run: latencies (ms) of the calls answered with status OK, from their
    send and from their scheduled time, and how late each call was sent."""

    rate: float
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    from_schedule_ms: list[float] = field(default_factory=list)
    send_lag_ms: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    #: Whether the sender had real-time priority (not where the process may not).
    realtime: bool = False
    #: perf_counter times: the first call's schedule, the last send, the last answer.
    started: float = 0.0
    schedule_end: float = 0.0
    last_answer: float = 0.0
    # Failures are counted from the sender, the readers and the waiting caller.
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @property
    def calls(self) -> int:
        with self._lock:
            return len(self.latencies_ms) + sum(self.errors.values())

    def failed(self, status: str) -> None:
        with self._lock:
            self.errors[status] += 1

    def answered(self, sent: float, scheduled: float, now: float) -> None:
        with self._lock:
            self.latencies_ms.append((now - sent) * 1000)
            self.from_schedule_ms.append((now - scheduled) * 1000)
            self.last_answer = max(self.last_answer, now)


class _Connection:
    def __init__(self, address: str, header_block: bytes, timeout_s: float) -> None:
        host, _, port = address.rpartition(":")
        self.sock = socket.create_connection((host.strip("[]"), int(port)), timeout=timeout_s)
        self.sock.settimeout(None)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._header_block = header_block
        self._lock = threading.Lock()  # writes come from the sender and the reader
        self._window = threading.Condition(self._lock)
        self._send_window = 65_535  # the connection's, until the server grants more
        self._next_stream = 1
        #: stream id -> (send time, scheduled time, run); set before the write.
        self.pending: dict[int, tuple[float, float, Run]] = {}
        self.closed: str | None = None
        # Reader state: HPACK, a header block being continued, DATA bytes not yet
        # granted back to the server with a WINDOW_UPDATE.
        self._decoder = hpack.Decoder()
        self._block = b""
        self._block_ends_stream = False
        self._received = 0
        settings = struct.pack(">HIHI", SETTINGS_ENABLE_PUSH, 0, SETTINGS_INITIAL_WINDOW_SIZE,
                               RECEIVE_WINDOW)  # fmt: skip
        self.sock.sendall(
            PREFACE
            + frame(SETTINGS, 0, 0, settings)
            + frame(WINDOW_UPDATE, 0, 0, struct.pack(">I", RECEIVE_WINDOW - 65_535))
        )
        self._reader = threading.Thread(target=self._read, daemon=True, name=f"h2-{address}")
        self._reader.start()

    def call(self, body: bytes, sent: float, scheduled: float, run: Run) -> None:
        """Send one call whose DATA payload (a gRPC message frame) is ``body``."""
        with self._window:
            if self.closed is not None:
                run.failed(self.closed)
                return
            while self._send_window < len(body):
                if not self._window.wait(timeout=10):
                    run.failed("NO_SEND_WINDOW")
                    return
            self._send_window -= len(body)
            stream = self._next_stream
            self._next_stream += 2
            self.pending[stream] = (sent, scheduled, run)
            self.sock.sendall(
                frame(HEADERS, END_HEADERS, stream, self._header_block)
                + frame(DATA, END_STREAM, stream, body)
            )

    def _send(self, data: bytes) -> None:
        with self._lock:
            self.sock.sendall(data)

    def _read(self) -> None:
        _realtime()
        buffer = b""
        try:
            while chunk := self.sock.recv(1 << 16):
                now = time.perf_counter()
                buffer += chunk
                pos = 0
                while len(buffer) - pos >= 9:
                    high, low, kind, flags, stream = FRAME.unpack_from(buffer, pos)
                    end = pos + 9 + (high << 16 | low)
                    if end > len(buffer):
                        break
                    self._frame(kind, flags, stream & 0x7FFFFFFF, buffer[pos + 9 : end], now)
                    pos = end
                buffer = buffer[pos:]
        except OSError:
            pass
        with self._window:
            self.closed = self.closed or "CONNECTION_CLOSED"
            self._window.notify_all()

    def _frame(self, kind: int, flags: int, stream: int, payload: bytes, now: float) -> None:
        """One frame from the server, which arrived at ``now``."""
        if kind in (HEADERS, CONTINUATION):
            if kind == HEADERS:
                self._block = _headers_payload(payload, flags)
                self._block_ends_stream = bool(flags & END_STREAM)
            else:
                self._block += payload
            if flags & END_HEADERS:  # every block is decoded: HPACK state is shared
                headers = self._decoder.decode(self._block)
                if self._block_ends_stream:
                    self._finish(stream, now, _grpc_status(headers))
        elif kind == DATA:
            self._received += len(payload)
            if self._received > RECEIVE_WINDOW // 2:
                self._send(frame(WINDOW_UPDATE, 0, 0, struct.pack(">I", self._received)))
                self._received = 0
            if flags & END_STREAM:
                self._finish(stream, now, "NO_TRAILERS")
        elif kind == WINDOW_UPDATE and stream == 0:
            with self._window:
                self._send_window += struct.unpack(">I", payload)[0] & 0x7FFFFFFF
                self._window.notify_all()
        elif kind in (SETTINGS, PING) and not flags & ACK:
            self._send(frame(kind, ACK, 0, payload if kind == PING else b""))
        elif kind == RST_STREAM:
            self._finish(stream, now, "RST_STREAM")
        elif kind == GOAWAY:
            self.closed = "GOAWAY"

    def _finish(self, stream: int, now: float, status: str) -> None:
        entry = self.pending.pop(stream, None)
        if entry is None:
            return
        sent, scheduled, run = entry
        if status == "OK":
            run.answered(sent, scheduled, now)
        else:
            run.failed(status)

    def fail_pending(self, run: Run, reason: str) -> None:
        for stream, (_, _, owner) in list(self.pending.items()):
            if owner is run and self.pending.pop(stream, None) is not None:
                run.failed(reason)

    def close(self) -> None:
        with self._lock:
            if self.closed is None:
                self.closed = "CLOSED"
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()
        self._reader.join(timeout=5)


def _realtime() -> bool:
    """Run the calling thread at the lowest real-time priority (SCHED_FIFO 1), where
    the process may: the generator then runs as soon as it is due instead of waiting
    behind ordinary work on its core. On the development machine the kernel's memory
    monitor (kdamond) took about 5 ms of CPU 1 every 512 ms, and every call answered
    meanwhile looked 5 ms slower. The threads sleep or block between calls, so they
    leave the core to the rest; Linux caps real-time threads at 95% of a core anyway."""
    if not hasattr(os, "sched_setscheduler"):
        return False
    try:
        os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(1))
    except OSError:
        return False
    return True


def _headers_payload(payload: bytes, flags: int) -> bytes:
    start, end = 0, len(payload)
    if flags & PADDED:
        start, end = 1, end - payload[0]
    if flags & PRIORITY:
        start += 5
    return payload[start:end]


def _grpc_status(headers: Iterable[tuple[str | bytes, str | bytes]]) -> str:
    for name, value in headers:
        if name == "grpc-status":
            code = int(value)
            return STATUS_NAMES.get(code, f"STATUS_{code}")
    return "NO_GRPC_STATUS"


class PacedClient:
    """``connections`` HTTP/2 connections to ``address`` calling ``method`` with
    ``requests`` (serialized messages, sent in turn)."""

    def __init__(
        self,
        address: str,
        method: str,
        requests: Sequence[bytes],
        connections: int = 8,
        timeout_s: float = 10.0,
    ) -> None:
        if not requests:
            raise ValueError("no request to send")
        self.timeout_s = timeout_s
        block = request_headers(address, method, timeout_s)
        self._bodies = [b"\x00" + len(r).to_bytes(4, "big") + r for r in requests]
        self._connections: list[_Connection] = []
        try:
            for _ in range(connections):
                self._connections.append(_Connection(address, block, timeout_s))
        except BaseException:
            self.close()
            raise

    def run(self, rate: float, seconds: float) -> Run:
        """Send ``rate * seconds`` calls on schedule, call ``i`` with request ``i`` (cycling
        through them); wait for the answers (bounded by the timeout).

        Meanwhile the calling thread runs at real-time priority (where allowed) and the
        garbage collector is off: a full collection of this process took 29 ms, which
        every call in flight would have counted as the server's."""
        if rate <= 0 or seconds < 0:
            raise ValueError("the rate must be positive and the duration not negative")
        policy = os.sched_getscheduler(0) if hasattr(os, "sched_getscheduler") else None
        collecting = gc.isenabled()
        realtime = _realtime()
        gc.disable()
        try:
            result = self._run(rate, seconds)
            result.realtime = realtime
            return result
        finally:
            if collecting:
                gc.enable()
            if policy is not None and policy != os.sched_getscheduler(0):
                os.sched_setscheduler(0, policy, os.sched_param(0))

    def _run(self, rate: float, seconds: float) -> Run:
        result = Run(rate, seconds)
        total = int(rate * seconds)
        connections = self._connections
        count = len(connections)
        bodies = self._bodies
        distinct = len(bodies)
        lags = result.send_lag_ms
        clock, sleep = time.perf_counter, time.sleep
        start = result.started = clock() + 0.01
        for i in range(total):
            due = start + i / rate
            delay = due - clock()
            if delay > 0:
                sleep(delay)
            sent = clock()
            lags.append((sent - due) * 1000)
            connections[i % count].call(bodies[i % distinct], sent, due, result)
        result.schedule_end = clock()
        deadline = result.schedule_end + self.timeout_s + 1
        while result.calls < total and clock() < deadline:
            sleep(0.005)
        for connection in connections:
            connection.fail_pending(result, "NO_ANSWER")
        return result

    def close(self) -> None:
        for connection in self._connections:
            connection.close()

    def __enter__(self) -> PacedClient:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def paced(
    address: str,
    method: str,
    requests: Sequence[bytes],
    rate: float,
    seconds: float,
    *,
    warm_s: float = 0.5,
) -> Run:
    """Connect, warm up at ``rate`` for ``warm_s``, then one measured run."""
    with PacedClient(address, method, requests) as client:
        client.run(rate, warm_s)
        return client.run(rate, seconds)


def main() -> None:
    from bench.core_latency import percentile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--address", required=True)
    parser.add_argument("--method", required=True)
    parser.add_argument("--request-file", type=Path, required=True)
    parser.add_argument("--rate", type=float, required=True, help="calls per second")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--cpus", help="pin the generator to these CPUs, e.g. 1")
    args = parser.parse_args()
    if args.cpus and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {int(c) for c in args.cpus.split(",")})
    request = args.request_file.read_bytes()
    with PacedClient(args.address, args.method, [request], args.connections) as client:
        client.run(args.rate, 0.5)
        cpu = time.process_time()
        run = client.run(args.rate, args.seconds)
        cpu = time.process_time() - cpu
    lat = run.latencies_ms
    summary = {
        "offered_rate": args.rate,
        "answered": len(lat),
        "errors": dict(run.errors),
        **{f"p{q}_ms": round(percentile(lat, q), 3) for q in (50, 90, 99, 99.9) if lat},
        "max_ms": round(max(lat), 3) if lat else None,
        "send_lag_p99_ms": round(percentile(run.send_lag_ms, 99), 3),
        "generator_cpu_ms_per_call": round(cpu / max(1, run.calls) * 1000, 4),
    }
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
