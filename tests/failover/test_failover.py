"""Failover against a real PostgreSQL primary and a real streaming replica (pg_basebackup
-R), which the tests kill (``-m immediate``), hang (SIGSTOP) and bring back, each under
a steady stream of concurrent checks; and the local copy when both are down.

Each check runs with a 2 s deadline (as a terminal would set), so "no check exceeds
its deadline" is measured, not assumed. Waits are bounded polls (tests.waiting).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import json
import os
import signal
import subprocess
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from failover.local_copy import LocalCopy
from failover.store import FailoverPolicy, FailoverStore
from lookup_server import deadline
from lookup_server.app import App, build_app
from lookup_server.errors import StoreUnavailable
from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.generated.noticelookup.v1 import lookup_pb2_grpc as pb_grpc
from lookup_server.matching.keys import KEY_SCHEME, notice_keys
from lookup_server.model import (
    DocumentKey,
    DocumentRecord,
    DocumentStatus,
    Notice,
    NoticeStatus,
    NoticeType,
    PartialDate,
    PersonName,
    Sex,
    Source,
    TravellerQuery,
    Verdict,
)
from lookup_server.settings import load_settings
from lookup_server.store.base import LookupRequest, StoredNotice
from lookup_server.store.factory import open_store
from observability import instruments
from tests.api.conftest import RED_DOB, load_fixture_data
from tests.cache.test_cached_checker import TRAVELLER, TRAVELLER_FIELDS
from tests.conftest import Captured
from tests.lab.ports import free_port
from tests.lab.postgres import PgCluster, running_cluster
from tests.test_cli import CLI, _wait_serving
from tests.waiting import wait_until

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

DEADLINE_S = 2.0
POLICY = FailoverPolicy(attempt_timeout_s=0.3, breaker_fail_max=3, breaker_reset_s=0.5)
#: The subject of the Red notice 2024/1001 in the fixture data.
RED_TRAVELLER = TravellerQuery(
    document=DocumentKey("IRQ", "B7654321"),
    document_type="P",
    surname="AL-RASHID",
    given_names="MUHAMMAD YUSUF",
    date_of_birth=RED_DOB,
    sex=Sex.MALE,
    nationality="IRQ",
)
#: Loaded by the lag test while one replica's replay is paused.
DOCUMENT_LATER = DocumentRecord(
    key=DocumentKey("FRA", "24LAG0001"),
    status=DocumentStatus.STOLEN_FROM_BEARER,
    document_type="P",
    reported_by="FRA",
    reported_on=dt.date(2026, 11, 1),
)
STORE_OPTIONS = {"connect_timeout": 1.0, "command_timeout": 1.0, "acquire_timeout": 1.0}


@dataclass
class Pair:
    primary: PgCluster
    replica: PgCluster

    @property
    def primary_url(self) -> str:
        return self.primary.dsn("notices")

    @property
    def replica_url(self) -> str:
        return self.replica.dsn("notices")

    def heal(self) -> None:
        """Both servers running and unpaused (after a test that broke them)."""
        for cluster in (self.primary, self.replica):
            if cluster.paused:
                cluster.resume()
            if not cluster.running:
                cluster.start()


@pytest.fixture(scope="module")
def pair(pg_cluster: PgCluster) -> Iterator[Pair]:
    with running_cluster(
        "failover-primary", bin_dir=pg_cluster.bin_dir, databases=("notices",)
    ) as primary:
        replica = primary.make_replica(name="failover-replica")
        try:
            replica.start()
            yield Pair(primary, replica)
        finally:
            replica.destroy()


@pytest.fixture(scope="module")
def loaded(pair: Pair) -> Pair:
    async def load() -> None:
        store = await open_store(pair.primary_url)
        try:
            await load_fixture_data(store)
        finally:
            await store.close()
        # The tests open the replica as a store, which needs the schema and data the
        # load wrote: wait for the replica to replay up to the primary's WAL position.
        written = pair.primary.psql("SELECT pg_current_wal_lsn()").strip()
        replayed = f"SELECT pg_last_wal_replay_lsn() >= '{written}'::pg_lsn"
        await wait_until(
            lambda: pair.replica.psql(replayed).strip() == "t",
            timeout_s=60,
            what="replica replayed the load",
        )

    asyncio.run(load())
    return pair


@dataclass
class Harness:
    app: App
    store: FailoverStore
    transitions: list[tuple[str, str, str]] = field(default_factory=list)


@contextlib.asynccontextmanager
async def harness(
    pair: Pair, *, local_copy: Path | None = None, policy: FailoverPolicy = POLICY
) -> AsyncIterator[Harness]:
    pair.heal()
    await wait_until(pair.primary.accepts_connections, timeout_s=30, what="primary")
    transitions: list[tuple[str, str, str]] = []
    primary = await open_store(pair.primary_url, name="primary", **STORE_OPTIONS)
    replica = await open_store(
        pair.replica_url, name="replica-1", source=Source.REPLICA, migrate=False, **STORE_OPTIONS
    )
    copy = (
        await LocalCopy.open(local_copy, notice_keys, KEY_SCHEME, poll_s=0.2)
        if local_copy is not None
        else None
    )
    store = FailoverStore(
        primary,
        [replica],
        copy,
        policy=policy,
        listeners=[lambda name, old, new: transitions.append((name, old, new))],
    )
    await store.start()
    app = await build_app(
        load_settings(database_url=pair.primary_url, cache={"enabled": False}), store=store
    )
    try:
        yield Harness(app, store, transitions)
    finally:
        await app.close()
        pair.heal()


@dataclass
class Stream:
    """Concurrent checks until stopped: sources seen, failures, slowest answer."""

    sources: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    slowest_s: float = 0.0
    count: int = 0


@contextlib.asynccontextmanager
async def stream_of_checks(app: App, workers: int = 6) -> AsyncIterator[Stream]:
    stream = Stream()
    stop = asyncio.Event()

    async def worker(n: int) -> None:
        query = RED_TRAVELLER if n % 2 else TRAVELLER
        while not stop.is_set():
            started = time.monotonic()
            try:
                with deadline.within(DEADLINE_S):
                    async with asyncio.timeout(DEADLINE_S):
                        result = await app.checker.check_traveller(query)
            except Exception as exc:  # noqa: BLE001 (any failure is recorded: the test fails)
                stream.failures.append(repr(exc))
            else:
                expected = Verdict.HIT if query is RED_TRAVELLER else Verdict.CLEAR
                if result.verdict is not expected:
                    stream.failures.append(f"verdict {result.verdict} for {query.surname}")
                stream.sources[result.provenance.source.value] += 1
            stream.slowest_s = max(stream.slowest_s, time.monotonic() - started)
            stream.count += 1
            await asyncio.sleep(0.005)

    tasks = [asyncio.create_task(worker(n)) for n in range(workers)]
    try:
        yield stream
    finally:
        stop.set()
        await asyncio.gather(*tasks)


async def test_primary_killed_replica_answers_and_traffic_returns_after_a_probe(
    loaded: Pair,
) -> None:
    async with harness(loaded) as h, stream_of_checks(h.app) as stream:
        await wait_until(lambda: stream.sources["primary"] >= 20, timeout_s=10, what="primary")
        loaded.primary.stop("immediate")
        await wait_until(
            lambda: ("primary", "closed", "open") in h.transitions, timeout_s=10, what="breaker"
        )
        before = stream.sources["replica"]
        await wait_until(
            lambda: stream.sources["replica"] >= before + 20, timeout_s=10, what="replica answers"
        )
        # Back: a half-open trial call, then the primary again.
        loaded.primary.start()
        answered = h.store.primary.answered
        await wait_until(
            lambda: h.store.primary.answered >= answered + 20, timeout_s=20, what="primary back"
        )
        assert ("primary", "open", "half-open") in h.transitions
        assert ("primary", "half-open", "closed") in h.transitions
    assert stream.failures == []
    assert stream.slowest_s < DEADLINE_S


async def test_primary_hung_breaker_opens_on_timeouts_and_no_check_misses_its_deadline(
    loaded: Pair,
) -> None:
    async with harness(loaded) as h, stream_of_checks(h.app) as stream:
        await wait_until(lambda: stream.sources["primary"] >= 20, timeout_s=10, what="primary")
        loaded.primary.pause()
        try:
            await wait_until(
                lambda: ("primary", "closed", "open") in h.transitions,
                timeout_s=10,
                what="breaker open",
            )
            before = stream.sources["replica"]
            await wait_until(
                lambda: stream.sources["replica"] >= before + 50, timeout_s=10, what="replica"
            )
        finally:
            loaded.primary.resume()
        assert h.store.primary.failed >= POLICY.breaker_fail_max  # the timeouts it counted
    assert stream.failures == []
    assert stream.slowest_s < DEADLINE_S


async def test_both_databases_down_the_local_copy_answers_degraded_then_fails_fast(
    loaded: Pair, tmp_path: Path
) -> None:
    copy_file = tmp_path / "copy.db"
    async with harness(loaded, local_copy=copy_file) as h:
        assert h.store.local_copy is not None
        copy = h.store.local_copy
        version = (await h.store.state()).version
        await wait_until(lambda: copy.version >= version, timeout_s=20, what="copy synced")

        loaded.primary.stop("immediate")
        loaded.replica.stop("immediate")
        with deadline.within(DEADLINE_S):
            hit = await h.app.checker.check_traveller(RED_TRAVELLER)
            clear = await h.app.checker.check_traveller(TRAVELLER)
        assert hit.verdict is Verdict.HIT  # the Red notice, from the copy
        for answer in (hit, clear):
            assert answer.provenance.source is Source.LOCAL_COPY
            assert answer.provenance.degraded
            assert "local copy" in answer.provenance.degraded_reason
            assert answer.provenance.state.version == version
        assert h.store.serving()  # the copy can answer


async def test_without_any_backend_a_check_fails_fast_with_a_reason(loaded: Pair) -> None:
    async with harness(loaded) as h:
        loaded.primary.stop("immediate")
        loaded.replica.stop("immediate")
        for _ in range(POLICY.breaker_fail_max + 1):  # open both breakers
            with contextlib.suppress(StoreUnavailable), deadline.within(DEADLINE_S):
                await h.app.checker.check_traveller(TRAVELLER)
        await wait_until(lambda: not h.store.serving(), timeout_s=5, what="not serving")
        started = time.monotonic()
        with pytest.raises(StoreUnavailable, match="breaker open"), deadline.within(DEADLINE_S):
            await h.app.checker.check_traveller(TRAVELLER)
        assert time.monotonic() - started < 0.1  # no attempt made: every breaker is open


NEW_RED = Notice(
    notice_id="2026/5001",
    type=NoticeType.RED,
    status=NoticeStatus.ACTIVE,
    names=(PersonName("OKONKWO", "CHIDI EMEKA"),),
    dates_of_birth=(PartialDate(1979, 11, 2),),
    sex=Sex.MALE,
    nationalities=("NGA",),
    source="test",
)
NEW_RED_TRAVELLER = TravellerQuery(
    document=DocumentKey("NGA", "A07654321"),
    document_type="P",
    surname="OKONKWO",
    given_names="CHIDI EMEKA",
    date_of_birth=PartialDate(1979, 11, 2),
    sex=Sex.MALE,
    nationality="NGA",
)


async def test_the_local_copy_follows_a_load_and_answers_it_when_the_databases_are_down(
    loaded: Pair, tmp_path: Path
) -> None:
    async with harness(loaded, local_copy=tmp_path / "copy.db") as h:
        copy = h.store.local_copy
        assert copy is not None
        await wait_until(lambda: copy.ready, timeout_s=20, what="copy synced")
        with deadline.within(DEADLINE_S):
            assert (await h.app.checker.check_traveller(NEW_RED_TRAVELLER)).verdict is Verdict.CLEAR
        writer = await open_store(loaded.primary_url)
        try:
            report = await writer.load_notices(
                [StoredNotice(NEW_RED, notice_keys(NEW_RED))], key_scheme=KEY_SCHEME
            )
        finally:
            await writer.close()
        await wait_until(
            lambda: copy.version >= report.version_after, timeout_s=10, what="copy follows"
        )
        loaded.primary.stop("immediate")
        loaded.replica.stop("immediate")
        with deadline.within(DEADLINE_S):
            answer = await h.app.checker.check_traveller(NEW_RED_TRAVELLER)
        assert answer.verdict is Verdict.HIT
        assert answer.provenance.source is Source.LOCAL_COPY
        assert answer.provenance.degraded


async def test_a_lagging_replica_reports_its_lag_and_a_fresher_one_goes_first(
    loaded: Pair,
) -> None:
    second = loaded.primary.make_replica(name="failover-replica-2")
    try:
        second.start()
        primary = await open_store(loaded.primary_url, name="primary", **STORE_OPTIONS)
        lagging = await open_store(
            loaded.replica_url, name="lagging", source=Source.REPLICA, migrate=False
        )
        fresh = await open_store(
            second.dsn("notices"), name="fresh", source=Source.REPLICA, migrate=False
        )
        store = FailoverStore(
            primary,
            [lagging, fresh],
            policy=dataclasses.replace(POLICY, max_replica_lag_s=0.5, lag_interval_s=3600),
        )
        try:
            loaded.replica.psql("SELECT pg_wal_replay_pause()")
            await primary.load_documents([DOCUMENT_LATER])  # WAL the lagging one won't replay
            lag_of = {b.name: b for b in store.replicas}

            async def measured() -> bool:
                await store.measure_lag()
                late, current = lag_of["lagging"], lag_of["fresh"]
                return (
                    (late.lag_s or 0) > 0.5 and (late.lag_bytes or 0) > 0 and current.lag_bytes == 0
                )

            await wait_until(measured, timeout_s=20, what="lag measured")
            assert lag_of["fresh"].lag_s == 0.0
            assert [b.name for b in store.route()] == ["primary", "fresh", "lagging"]

            for _ in range(POLICY.breaker_fail_max):  # the primary out of the way
                store.primary.breaker.record_failure(RuntimeError("test"))
            request = LookupRequest(document_number=DOCUMENT_LATER.key.number)
            with deadline.within(DEADLINE_S):
                answer = await store.lookup(request)
            assert answer.provenance.backend == "fresh"
            assert answer.provenance.replica_lag_s == 0.0
            assert [d.key for d in answer.documents] == [DOCUMENT_LATER.key]

            second.stop("immediate")  # only the lagging one is left: used, lag reported
            with deadline.within(DEADLINE_S):
                answer = await store.lookup(request)
            assert answer.provenance.backend == "lagging"
            assert (answer.provenance.replica_lag_s or 0) > 0.5
            assert answer.documents == ()  # it has not replayed the load yet
        finally:
            with contextlib.suppress(Exception):
                loaded.replica.psql("SELECT pg_wal_replay_resume()")
            await store.close()
    finally:
        second.destroy()


@contextlib.contextmanager
def serving_with_failover(pair: Pair, *extra: str) -> Iterator[str]:
    """``notice-lookup serve`` on the pair (cache off, breakers open for the whole
    test once opened), as an operator starts it; yields its address; stopped cleanly
    (exit status 0) and the pair healed afterwards."""
    pair.heal()
    address = f"127.0.0.1:{free_port()}"
    command = [
        CLI, "serve", "--listen", address, "--database-url", pair.primary_url,
        "--replica-url", pair.replica_url, *extra,
    ]  # fmt: skip
    env = {
        **os.environ,
        "NOTICE_LOOKUP_LOG_LEVEL": "warning",
        "NOTICE_LOOKUP_CACHE__ENABLED": "false",
        "NOTICE_LOOKUP_FAILOVER__BREAKER_RESET_S": "30",
    }
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        _wait_serving(address, process)
        yield address
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
        pair.heal()
    assert process.returncode == 0, stderr


def test_serve_with_replica_and_local_copy_flags_over_grpc_and_health(
    loaded: Pair, tmp_path: Path
) -> None:
    """The command an operator runs: answers say where they came from, the server stays
    SERVING while the local copy can answer, and UNAVAILABLE (not a hang) comes only
    when nothing can; health follows."""
    with (
        serving_with_failover(loaded, "--local-copy", str(tmp_path / "copy.db")) as address,
        grpc.insecure_channel(address) as channel,
    ):
        stub = pb_grpc.NoticeLookupStub(channel)
        health = health_pb2_grpc.HealthStub(channel)
        request = pb.CheckTravelerRequest(fields=TRAVELLER_FIELDS)

        def source() -> int:
            reply = stub.CheckTraveler(request, timeout=DEADLINE_S)
            assert reply.verdict == pb.VERDICT_CLEAR
            return int(reply.provenance.source)

        assert source() == pb.SOURCE_PRIMARY
        # wait for the copy to hold the data: its answers will be needed below
        copy_state = tmp_path / "copy.db.state.json"
        wait_until_sync(
            lambda: copy_state.exists() and json.loads(copy_state.read_text())["version"] > 0,
            20,
            "local copy synced",
        )

        loaded.primary.stop("immediate")
        wait_until_sync(lambda: source() == pb.SOURCE_REPLICA, 10, "replica answers")
        reply = stub.CheckTraveler(request, timeout=DEADLINE_S)
        assert reply.provenance.backend == "replica-1"

        loaded.replica.stop("immediate")
        wait_until_sync(lambda: source() == pb.SOURCE_LOCAL_COPY, 10, "copy answers")
        reply = stub.CheckTraveler(request, timeout=DEADLINE_S)
        assert reply.provenance.degraded
        assert health.Check(health_pb2.HealthCheckRequest(), timeout=2).status == (
            health_pb2.HealthCheckResponse.SERVING
        )


def test_serve_without_a_local_copy_goes_not_serving_and_fails_fast(loaded: Pair) -> None:
    with serving_with_failover(loaded) as address:
        loaded.primary.stop("immediate")
        loaded.replica.stop("immediate")
        with grpc.insecure_channel(address) as channel:
            stub = pb_grpc.NoticeLookupStub(channel)
            health = health_pb2_grpc.HealthStub(channel)
            request = pb.CheckTravelerRequest(fields=TRAVELLER_FIELDS)
            codes = []
            for _ in range(POLICY.breaker_fail_max + 2):
                with pytest.raises(grpc.RpcError) as failure:
                    stub.CheckTraveler(request, timeout=DEADLINE_S)
                codes.append(failure.value.code())
            assert set(codes) == {grpc.StatusCode.UNAVAILABLE}
            started = time.monotonic()
            with pytest.raises(grpc.RpcError) as failure:
                stub.CheckTraveler(request, timeout=DEADLINE_S)
            assert failure.value.code() == grpc.StatusCode.UNAVAILABLE
            assert "breaker open" in (failure.value.details() or "")
            assert time.monotonic() - started < 0.5  # fails fast: no backend is tried
            not_serving = health_pb2.HealthCheckResponse.NOT_SERVING
            wait_until_sync(
                lambda: (
                    health.Check(health_pb2.HealthCheckRequest(), timeout=2).status == not_serving
                ),
                5,
                "health NOT_SERVING",
            )


def wait_until_sync(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Bounded poll for the subprocess tests (blocking gRPC calls in the condition)."""
    deadline_at = time.monotonic() + timeout_s
    while True:
        try:
            if condition():
                return
        except grpc.RpcError:
            pass
        if time.monotonic() > deadline_at:
            raise AssertionError(f"{what}: not within {timeout_s} s")
        time.sleep(0.05)


async def test_hedged_reads_answer_from_the_replica_while_the_primary_stalls(
    loaded: Pair,
) -> None:
    policy = dataclasses.replace(POLICY, hedge=True, hedge_min_s=0.02, attempt_timeout_s=1.0)
    async with harness(loaded, policy=policy) as h:
        for _ in range(30):  # the primary's recent latencies: its p95
            with deadline.within(DEADLINE_S):
                answer = await h.app.checker.check_traveller(TRAVELLER)
            assert answer.provenance.source is Source.PRIMARY
        assert h.store.primary.p95() is not None  # enough history to hedge on
        loaded.primary.pause()
        try:
            for _ in range(5):
                started = time.monotonic()
                with deadline.within(DEADLINE_S):
                    answer = await h.app.checker.check_traveller(TRAVELLER)
                took = time.monotonic() - started
                assert answer.provenance.source is Source.REPLICA
                assert took < policy.attempt_timeout_s  # the hedge, not the timeout
        finally:
            loaded.primary.resume()
        assert h.store.hedges >= 5
        assert h.store.primary.failed == 0  # the cancelled losers count against nothing
        assert h.store.primary.breaker.state == "closed"


async def test_a_failover_during_a_check_is_one_trace_with_a_failed_and_a_replica_attempt(
    loaded: Pair, telemetry: Captured
) -> None:
    async with harness(loaded) as h:
        with deadline.within(DEADLINE_S):
            await h.app.checker.check_traveller(TRAVELLER)  # primary's pool warm
        loaded.primary.stop("immediate")
        telemetry.spans.clear()
        with instruments.tracer.start_as_current_span("check") as root, deadline.within(DEADLINE_S):
            answer = await h.app.checker.check_traveller(TRAVELLER)
        assert answer.provenance.source is Source.REPLICA
        attempts = [s for s in telemetry.finished() if s.name == "store.attempt"]
        outcomes = (
            [(a.attributes or {}).get("notice_lookup.backend") for a in attempts],
            [(a.attributes or {}).get("notice_lookup.outcome") for a in attempts],
        )
        assert outcomes == (["primary", "replica-1"], ["failed", "ok"])
        trace_id = root.get_span_context().trace_id
        assert {a.context.trace_id for a in attempts} == {trace_id}
        failed = attempts[0]
        assert not failed.status.is_ok
        assert (failed.attributes or {})["db.system"] == "postgresql"
        assert (failed.attributes or {})["notice_lookup.attempt"] == 1
