"""Two `notice-lookup serve` processes sharing one real Redis and one PostgreSQL.

A traveller checked CLEAR is cached in both tiers (process A's in-process tier, and
Redis, from which process B answers). Then data changes through `notice-lookup load`,
run as an operator runs it, and both processes must stop serving the stale all-clear:
a new Red notice or stolen-document record within one second, a cancellation within
five seconds.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest

from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.generated.noticelookup.v1 import lookup_pb2_grpc as pb_grpc
from tests.cache.test_cached_checker import TRAVELLER_FIELDS
from tests.lab.ports import free_port
from tests.lab.redis import RedisServer
from tests.test_cli import CLI, _wait_serving, cli

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

SUBJECT = TRAVELLER_FIELDS
HOLDER = pb.TravelerFields(
    document_number="NO5550001",
    issuing_country="NOR",
    document_type="P",
    surname="BAKKE",
    given_names="ODD",
    date_of_birth=pb.PartialDate(year=1970, month=1, day=30),
    sex=pb.SEX_MALE,
    nationality="NOR",
)
NOTICE = {
    "id": "2026/4711",
    "type": "red",
    # Spelled differently from the passport, as notices often are.
    "names": [{"surname": "Haugen", "given_names": "Ingrid"}],
    "dates_of_birth": ["1986-04-17"],
    "sex": "F",
    "nationalities": ["NOR"],
    "charges": ["Fraud"],
}
UNRELATED = {
    "id": "2026/1",
    "type": "blue",
    "names": [{"surname": "OKAFOR", "given_names": "EMEKA"}],
}


def write_jsonl(path: Path, *rows: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


@pytest.fixture
def servers(
    pg_url: str, redis_server: RedisServer, secret_file: Path, tmp_path: Path
) -> Iterator[tuple[str, str]]:
    cli("load", "notices", str(write_jsonl(tmp_path / "base.jsonl", UNRELATED)),
        "--database-url", pg_url)  # fmt: skip
    env = {
        **os.environ,
        "NOTICE_LOOKUP_DATABASE_URL": pg_url,
        "NOTICE_LOOKUP_REDIS_URL": redis_server.url,
        "NOTICE_LOOKUP_CACHE__SECRET_FILE": str(secret_file),
        "NOTICE_LOOKUP_LOG_LEVEL": "warning",
    }
    addresses = [f"127.0.0.1:{free_port()}" for _ in range(2)]
    processes = [
        subprocess.Popen(
            [CLI, "serve", "--listen", address],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for address in addresses
    ]
    try:
        for address, process in zip(addresses, processes, strict=True):
            _wait_serving(address, process)
        yield addresses[0], addresses[1]
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            _, stderr = process.communicate(timeout=30)
            assert process.returncode == 0, stderr


def check(address: str, fields: pb.TravelerFields) -> pb.CheckTravelerResponse:
    with grpc.insecure_channel(address) as channel:
        response: pb.CheckTravelerResponse = pb_grpc.NoticeLookupStub(channel).CheckTraveler(
            pb.CheckTravelerRequest(fields=fields), timeout=5
        )
    return response


def cache_both_tiers(a: str, b: str, fields: pb.TravelerFields) -> None:
    first = check(a, fields)
    assert first.verdict == pb.VERDICT_CLEAR
    assert first.provenance.source == pb.SOURCE_PRIMARY
    assert check(a, fields).provenance.source == pb.SOURCE_CACHE_IN_PROCESS
    deadline = time.monotonic() + 5  # A writes to Redis in the background
    while (source := check(b, fields).provenance.source) != pb.SOURCE_CACHE_REDIS:
        assert source == pb.SOURCE_PRIMARY
        assert time.monotonic() < deadline, "B never answered from Redis"
        time.sleep(0.02)
    assert check(b, fields).provenance.source == pb.SOURCE_CACHE_IN_PROCESS


def seconds_until(
    addresses: tuple[str, ...], fields: pb.TravelerFields, done: object, limit_s: float
) -> float:
    """Seconds from now until every server's answer satisfies ``done`` (at most limit_s)."""
    started = time.monotonic()
    pending = list(addresses)
    while pending:
        pending = [a for a in pending if not done(check(a, fields))]  # type: ignore[operator]
        elapsed = time.monotonic() - started
        assert not pending or elapsed < limit_s, f"{pending} still stale after {elapsed:.2f}s"
    return time.monotonic() - started


def test_loaded_notice_document_and_cancellation_reach_both_processes(
    servers: tuple[str, str], pg_url: str, tmp_path: Path
) -> None:
    a, b = servers
    cache_both_tiers(a, b, SUBJECT)
    cache_both_tiers(a, b, HOLDER)

    cli("load", "notices", str(write_jsonl(tmp_path / "red.jsonl", NOTICE)),
        "--database-url", pg_url)  # fmt: skip
    seconds_until(servers, SUBJECT, lambda r: r.verdict == pb.VERDICT_HIT, limit_s=1.0)
    hit = check(b, SUBJECT)
    assert [m.notice.notice_id for m in hit.notice_matches] == ["2026/4711"]

    documents = tmp_path / "stolen.csv"
    documents.write_text(
        "document_number,issuing_country,document_type,status,reported_by,reported_on\n"
        "NO5550001,NOR,P,stolen-from-bearer,Politiet,2026-11-01\n"
    )
    cli("load", "documents", str(documents), "--database-url", pg_url)
    seconds_until(servers, HOLDER, lambda r: r.verdict == pb.VERDICT_HIT, limit_s=1.0)

    cancelled = {**NOTICE, "status": "cancelled"}
    cli("load", "notices", str(write_jsonl(tmp_path / "cancel.jsonl", cancelled)),
        "--database-url", pg_url)  # fmt: skip
    seconds_until(servers, SUBJECT, lambda r: r.verdict == pb.VERDICT_CLEAR, limit_s=5.0)
