"""The benchmarks' paced HTTP/2 client against a real gRPC server (grpcio, in-process)."""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections import Counter

import grpc
import hpack

from bench.h2_paced import FRAME, SETTINGS, WINDOW_UPDATE, PacedClient, frame, request_headers
from tests.bench.peer import ANSWER, METHOD


def test_the_request_header_block_decodes_to_a_grpc_request() -> None:
    block = request_headers("127.0.0.1:50051", "/noticelookup.v1.NoticeLookup/CheckTraveler", 2.5)
    assert hpack.Decoder().decode(block) == [
        (":method", "POST"),
        (":scheme", "http"),
        (":path", "/noticelookup.v1.NoticeLookup/CheckTraveler"),
        (":authority", "127.0.0.1:50051"),
        ("content-type", "application/grpc"),
        ("te", "trailers"),
        ("grpc-timeout", "2500m"),
    ]


def test_every_call_is_answered_and_every_request_arrives_intact(server) -> None:  # type: ignore[no-untyped-def]
    address, received, _ = server
    requests = [b"first", b"second" * 10, b""]
    with PacedClient(address, METHOD, requests, connections=4) as client:
        run = client.run(rate=400, seconds=1)
    assert run.errors == Counter()
    assert len(run.latencies_ms) == 400
    assert all(0 < ms < 5_000 for ms in run.latencies_ms)
    assert len(run.send_lag_ms) == 400
    # Counted from the scheduled time, a call also carries how late it was sent.
    assert len(run.from_schedule_ms) == 400
    assert all(
        scheduled >= sent - 0.05
        for scheduled, sent in zip(run.from_schedule_ms, run.latencies_ms, strict=True)
    )
    assert Counter(received) == Counter({b"first": 134, b"second" * 10: 133, b"": 133})


def test_the_schedule_is_kept(server) -> None:  # type: ignore[no-untyped-def]
    address, _, _ = server
    with PacedClient(address, METHOD, [b"x"], connections=2) as client:
        started = time.perf_counter()
        run = client.run(rate=500, seconds=1)
        elapsed = time.perf_counter() - started
    assert len(run.latencies_ms) == 500
    # The last call is due 998 ms after the first: the run cannot be shorter, and an
    # open-loop schedule does not stretch with the answers (bounded: a loaded machine).
    assert 0.99 <= elapsed < 3.0


def test_many_kilobytes_on_one_connection(server) -> None:  # type: ignore[no-untyped-def]
    address, received, _ = server
    big = bytes(range(256)) * 4
    with PacedClient(address, METHOD, [big], connections=1) as client:
        run = client.run(rate=3000, seconds=0.1)
    assert run.errors == Counter()
    assert len(run.latencies_ms) == 300
    assert received == [big] * 300


def test_sending_stops_at_the_servers_flow_control_window() -> None:
    """A peer of our own that grants no more than HTTP/2's initial 65,535 bytes until
    the client's whole schedule is past: the client must hold back the rest."""
    body = 1024 + 5  # a 1 KiB message in its gRPC frame
    listener = socket.create_server(("127.0.0.1", 0))
    address = f"127.0.0.1:{listener.getsockname()[1]}"
    seen = {"data": 0, "ended": []}
    done = threading.Event()

    def peer() -> None:
        connection, _ = listener.accept()
        encoder = hpack.Encoder()
        connection.sendall(frame(SETTINGS, 0, 0))
        buffer = b""
        granted = False
        first_data = None
        while len(seen["ended"]) < 300:
            connection.settimeout(0.05)
            try:
                chunk = connection.recv(1 << 16)
            except TimeoutError:
                chunk = None  # nothing yet: see whether to grant
            if chunk == b"":
                break
            buffer += chunk or b""
            if buffer.startswith(b"PRI *"):
                buffer = buffer[24:]
            while len(buffer) >= 9:
                high, low, kind, _, stream = FRAME.unpack_from(buffer)
                size = high << 16 | low
                if len(buffer) < 9 + size:
                    break
                buffer = buffer[9 + size :]
                if kind == 0:  # DATA
                    first_data = first_data or time.monotonic()
                    seen["data"] += size
                    seen["ended"].append(stream)
                    trailers = encoder.encode(
                        [
                            (":status", "200"),
                            ("content-type", "application/grpc"),
                            ("grpc-status", "0"),
                        ]
                    )
                    connection.sendall(frame(1, 0x5, stream, trailers))
            # The schedule ends 0.1 s after the first call; well past it, the client
            # has sent all it may: then grant the rest.
            if not granted and first_data and time.monotonic() > first_data + 0.5:
                seen["before_grant"] = seen["data"]
                connection.sendall(frame(WINDOW_UPDATE, 0, 0, struct.pack(">I", 300 * body)))
                granted = True
        done.set()
        connection.close()

    thread = threading.Thread(target=peer, daemon=True)
    thread.start()
    with PacedClient(address, METHOD, [bytes(1024)], connections=1) as client:
        run = client.run(rate=3000, seconds=0.1)
    assert done.wait(timeout=10)
    listener.close()
    assert seen.get("before_grant") == 65_535 // body * body
    assert seen["data"] == 300 * body
    assert len(run.latencies_ms) == 300


def test_failed_calls_are_counted_by_status_and_kept_out_of_the_latencies(server) -> None:  # type: ignore[no-untyped-def]
    address, _, behaviour = server

    def picky(request: bytes, context: grpc.ServicerContext) -> bytes:
        if request == b"bad":
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "bad request")
        return ANSWER

    behaviour[0] = picky
    with PacedClient(address, METHOD, [b"good", b"bad"], connections=2) as client:
        run = client.run(rate=200, seconds=0.5)
    assert run.errors == Counter({"INVALID_ARGUMENT": 50})
    assert len(run.latencies_ms) == 50


def test_an_unknown_method_fails_every_call(server) -> None:  # type: ignore[no-untyped-def]
    address, _, _ = server
    with PacedClient(address, "/test.Paced/Nothing", [b"x"]) as client:
        run = client.run(rate=100, seconds=0.2)
    assert run.errors == Counter({"UNIMPLEMENTED": 20})
    assert run.latencies_ms == []


def test_calls_past_their_timeout_fail_and_the_run_still_ends(server) -> None:  # type: ignore[no-untyped-def]
    address, _, behaviour = server
    release = threading.Event()

    def stuck(request: bytes, context: grpc.ServicerContext) -> bytes:
        release.wait(timeout=10)
        return ANSWER

    behaviour[0] = stuck
    try:
        with PacedClient(address, METHOD, [b"x"], timeout_s=0.3) as client:
            started = time.perf_counter()
            run = client.run(rate=50, seconds=0.1)
            elapsed = time.perf_counter() - started
    finally:
        release.set()
    assert run.latencies_ms == []
    assert sum(run.errors.values()) == 5
    assert set(run.errors) <= {"DEADLINE_EXCEEDED", "NO_ANSWER"}
    assert elapsed < 5.0


def test_without_real_time_priority_the_run_goes_on_and_says_so(server, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    address, _, _ = server

    def refused(*args: object) -> None:
        raise PermissionError("not allowed")

    monkeypatch.setattr("os.sched_setscheduler", refused)
    with PacedClient(address, METHOD, [b"x"], connections=1) as client:
        run = client.run(rate=100, seconds=0.2)
    assert run.realtime is False
    assert len(run.latencies_ms) == 20
