"""Locust load for ``notice-lookup``: border booths checking travellers over gRPC.

    NL_DATA=DIR .venv/bin/locust -f bench/locustfile.py --headless --host 127.0.0.1:50051 \\
        -u 20 -r 5 -t 30s

(``bench/locust_run.py`` runs it for the benchmarks.) ``--host`` is the server's
``HOST:PORT``, without a scheme. ``DIR`` is a data set made by
:func:`lookup_server.loading.generate.generate_dataset` and loaded into the server.

Each :class:`BoothUser` is one booth terminal with its own channel. Its calls, each with
a 2 s deadline and each named in the statistics by what it is:

``CheckTraveler mrz`` (weight ``NL_WEIGHT_MRZ``, default 6)
    A booth check by MRZ of a traveller the data set says is clear; the clear travellers
    of ``truth.jsonl`` are gone through in a shuffled order, one order per process. Once
    a process has been through them all, these are repeats too: size the data set's
    ``travellers`` to the number of calls if first checks should miss the caches.
``CheckDocument`` (``NL_WEIGHT_DOCUMENT``, default 2)
    A document-only check of a document that is not on the list: the clear travellers'
    own documents, topped up to ``NL_DOCUMENT_POOL`` (default 20,000) with made-up
    numbers (new ones in every process and run), minus any number ``documents.csv``
    lists under any country (a number listed elsewhere would be a possible match).
``CheckTraveler repeat`` (``NL_WEIGHT_REPEAT``, default 3)
    The same check again for one of the last ``NL_RECENT`` (default 8) travellers this
    booth checked (passenger-list pre-check, then the booth, then the gate).
``CheckTraveler hit``, ``CheckDocument hit`` (instead of any call, ``NL_HIT_RATE``: 1e-4)
    With that probability, a traveller ``truth.jsonl`` expects to HIT for a reason in
    ``NL_HIT_REASONS`` (default ``stolen-document,notice-exact``), or a stolen or lost
    document of ``documents.csv``. An answer other than HIT or POSSIBLE_MATCH is recorded as a
    failure: the benchmark must know that its hits are found.

A failed call (any ``grpc.RpcError``, deadline included) is a failure. Each user offers
``NL_USER_RATE`` calls per second (default 1, ``constant_throughput``), so N users offer
about N calls/s as long as answers come back in time.

Answers are also counted by provenance source and by verdict per request name; if
``NL_SOURCES_OUT`` is set, each load-generating process writes them as JSON when the test
stops: a single process to that path, a ``--worker`` to ``STEM.PID.SUFFIX`` beside it
(the master writes nothing).
"""

from __future__ import annotations

import collections
import csv
import functools
import json
import logging
import os
import random
import string
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
import grpc.experimental.gevent as grpc_gevent
from locust import User, constant_throughput, events, task
from locust.exception import LocustError
from locust.runners import MasterRunner, WorkerRunner
from locust.stats import PERCENTILES_TO_REPORT, StatsCSV

from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.generated.noticelookup.v1 import lookup_pb2_grpc as pb_grpc

# grpc must run its I/O on gevent (Locust's event loop) before any channel is created.
grpc_gevent.init_gevent()

logger = logging.getLogger(__name__)

DEADLINE = 2.0
"""Seconds each call may take (the gRPC deadline)."""

HIT_VERDICTS = frozenset({pb.VERDICT_HIT, pb.VERDICT_POSSIBLE_MATCH})
HIT_STATUSES = frozenset({"stolen", "stolen-blank", "stolen-from-bearer", "lost"})
"""Statuses (``documents.csv``, normalised) of the documents used as known hits."""


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    try:
        return float(raw) if raw else default
    except ValueError:
        raise LocustError(f"{name}={raw!r} is not a number") from None


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    try:
        return int(raw) if raw else default
    except ValueError:
        raise LocustError(f"{name}={raw!r} is not an integer") from None


USER_RATE = _env_float("NL_USER_RATE", 1.0)
HIT_RATE = _env_float("NL_HIT_RATE", 1e-4)
WEIGHT_MRZ = _env_int("NL_WEIGHT_MRZ", 6)
WEIGHT_DOCUMENT = _env_int("NL_WEIGHT_DOCUMENT", 2)
WEIGHT_REPEAT = _env_int("NL_WEIGHT_REPEAT", 3)
RECENT = _env_int("NL_RECENT", 8)
"""How many of its last travellers a booth may check again."""
DOCUMENT_POOL = _env_int("NL_DOCUMENT_POOL", 20_000)
"""Clear documents per process (the clear travellers' own, topped up with made-up ones)."""
HIT_REASONS = frozenset(
    r.strip()
    for r in os.environ.get("NL_HIT_REASONS", "stolen-document,notice-exact").split(",")
    if r.strip()
)
"""``truth.jsonl`` reasons of the travellers used as known hits (empty: every HIT).

Not ``notice-variant`` by default: whether a respelt name is found is the matcher's
recall, measured by the evaluation, not something a load test can take for granted."""
HIT_DOCUMENTS = 1_000
"""At most this many stolen or lost documents are kept as known hits (a uniform sample)."""


# --------------------------------------------------------------------------- data set


@dataclass(frozen=True, slots=True)
class Known:
    """A request and what the data set says about it."""

    key: str  # traveller id or COUNTRY/NUMBER, for failure messages
    request: pb.CheckTravelerRequest | pb.CheckDocumentRequest


@dataclass(frozen=True, slots=True)
class DataSet:
    clear_travellers: tuple[Known, ...]
    clear_documents: tuple[Known, ...]
    hit_travellers: tuple[Known, ...]
    hit_documents: tuple[Known, ...]


def _status_word(text: str) -> str:
    return "-".join(text.strip().lower().replace("_", " ").replace("-", " ").split())


def _number_key(text: str) -> str:
    """A document number as the server compares it (upper case, no separators)."""
    return "".join(c for c in text.upper() if c.isalnum())


def _traveller(row: dict[str, Any]) -> pb.CheckTravelerRequest:
    return pb.CheckTravelerRequest(mrz=pb.MachineReadableZone(lines=row["mrz"]))


def _document(country: str, number: str, document_type: str = "P") -> pb.CheckDocumentRequest:
    return pb.CheckDocumentRequest(
        issuing_country=country, document_number=number, document_type=document_type
    )


@functools.cache
def load_data(directory: str) -> DataSet:
    """Read ``truth.jsonl`` and ``documents.csv`` of ``directory``, once per process."""
    started = time.perf_counter()
    root = Path(directory)
    truth, documents = root / "truth.jsonl", root / "documents.csv"
    for path in (truth, documents):
        if not path.is_file():
            raise LocustError(f"NL_DATA={directory}: {path.name} is missing")
    rng = random.Random(f"{os.getpid()}:{time.time_ns()}")

    clear_travellers: list[Known] = []
    hit_travellers: list[Known] = []
    # Candidate clear documents: the clear travellers' own documents first.
    candidates: dict[str, list[tuple[str, str, str]]] = {}
    countries: list[str] = []
    with truth.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            known = Known(row.get("id", "?"), _traveller(row))
            if row["expect"] == "CLEAR":
                clear_travellers.append(known)
                fields = row.get("fields") or {}
                if fields.get("document_number") and fields.get("issuing_country"):
                    number = fields["document_number"]
                    country = fields["issuing_country"]
                    candidates.setdefault(_number_key(number), []).append(
                        (country, number, fields.get("document_type") or "P")
                    )
                    countries.append(country)
            elif row["expect"] == "HIT" and (
                not HIT_REASONS or row.get("reason", "") in HIT_REASONS
            ):
                hit_travellers.append(known)
    # Top the pool up with made-up numbers (two letters, seven digits).
    countries = sorted(set(countries)) or ["NOR", "SWE", "FIN", "DNK", "ISL"]
    attempts = 0
    while len(candidates) < DOCUMENT_POOL and attempts < 10 * DOCUMENT_POOL:
        attempts += 1
        number = "".join(rng.choices(string.ascii_uppercase, k=2)) + "".join(
            rng.choices(string.digits, k=7)
        )
        candidates.setdefault(number, []).append((rng.choice(countries), number, "P"))

    # One pass over the list: drop listed numbers (under any country), sample the hits.
    hit_documents: list[Known] = []
    seen_hits = 0
    with documents.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            number = row.get("document_number") or ""
            candidates.pop(_number_key(number), None)
            if _status_word(row.get("status") or "") not in HIT_STATUSES:
                continue
            known = Known(
                f"{row['issuing_country']}/{number}",
                _document(row["issuing_country"], number, row.get("document_type") or ""),
            )
            seen_hits += 1
            if len(hit_documents) < HIT_DOCUMENTS:
                hit_documents.append(known)
            else:  # reservoir sampling
                slot = rng.randrange(seen_hits)
                if slot < HIT_DOCUMENTS:
                    hit_documents[slot] = known
    clear_documents = [
        Known(f"{country}/{number}", _document(country, number, document_type))
        for found in candidates.values()
        for country, number, document_type in found
    ]
    if not clear_travellers:
        raise LocustError(f"NL_DATA={directory}: truth.jsonl has no CLEAR traveller")
    if not clear_documents:
        raise LocustError(f"NL_DATA={directory}: no unlisted document (NL_DOCUMENT_POOL=0?)")
    if not (hit_travellers or hit_documents):
        raise LocustError(f"NL_DATA={directory}: no HIT traveller, no stolen or lost document")
    rng.shuffle(clear_travellers)
    rng.shuffle(clear_documents)
    data = DataSet(
        tuple(clear_travellers),
        tuple(clear_documents),
        tuple(hit_travellers),
        tuple(hit_documents),
    )
    logger.info(
        "data set %s: %d clear travellers, %d clear documents, %d hit travellers, "
        "%d hit documents (of %d stolen or lost), read in %.1f s",
        directory,
        len(data.clear_travellers),
        len(data.clear_documents),
        len(data.hit_travellers),
        len(data.hit_documents),
        seen_hits,
        time.perf_counter() - started,
    )
    return data


def data_dir() -> str:
    directory = os.environ.get("NL_DATA", "").strip()
    if not directory:
        raise LocustError("set NL_DATA to a data set directory (made by generate_dataset)")
    return directory


class Cycle:
    """Goes through a sequence over and over; shared by the users of one process."""

    def __init__(self, items: tuple[Known, ...]) -> None:
        self.items = items
        self.position = 0

    def next(self) -> Known:
        item = self.items[self.position % len(self.items)]
        self.position += 1
        return item


@functools.cache
def cycles(directory: str) -> tuple[Cycle, Cycle]:
    data = load_data(directory)
    return Cycle(data.clear_travellers), Cycle(data.clear_documents)


# Fail at start-up, in every process, if the data set is not there.
for _name in ("truth.jsonl", "documents.csv"):
    if not (Path(data_dir()) / _name).is_file():
        raise LocustError(f"NL_DATA={data_dir()}: {_name} is missing")


# --------------------------------------------------------------------------- counters

SOURCES: Counter[str] = Counter()
"""Answers by provenance source (``SOURCE_PRIMARY``...), in this process."""
VERDICTS: dict[str, Counter[str]] = collections.defaultdict(Counter)
"""Answers by request name, then verdict (``VERDICT_CLEAR``...), in this process."""


_ENVIRONMENT: list[Any] = []


@events.init.add_listener
def _load_before_test(environment: Any, **_kwargs: Any) -> None:
    """Read the data set before the test starts (not in the master: it makes no calls)."""
    _ENVIRONMENT[:] = [environment]
    if not isinstance(environment.runner, MasterRunner):
        load_data(data_dir())


@events.quit.add_listener
def _final_stats_csv(**_kwargs: Any) -> None:
    """Write ``--csv``'s ``PREFIX_stats.csv`` once more with the final statistics.

    Locust rewrites that file every second while it runs but not when it quits, so it
    misses the calls of the last second or so; the printed summary and the HTML report
    have them. Same columns, Locust's own writer.
    """
    if not _ENVIRONMENT or isinstance(_ENVIRONMENT[0].runner, WorkerRunner):
        return
    environment = _ENVIRONMENT[0]
    prefix = getattr(environment.parsed_options, "csv_prefix", None)
    if prefix:
        with Path(f"{prefix}_stats.csv").open("w", newline="") as handle:
            StatsCSV(environment, PERCENTILES_TO_REPORT).requests_csv(csv.writer(handle))


@events.test_stop.add_listener
def _write_counts(environment: Any, **_kwargs: Any) -> None:
    target = os.environ.get("NL_SOURCES_OUT", "").strip()
    if not target or isinstance(environment.runner, MasterRunner):
        return
    path = Path(target)
    if isinstance(environment.runner, WorkerRunner):
        path = path.with_name(f"{path.stem}.{os.getpid()}{path.suffix}")
    report = {
        "pid": os.getpid(),
        "sources": dict(SOURCES),
        "verdicts": {name: dict(counts) for name, counts in VERDICTS.items()},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n")


# --------------------------------------------------------------------------- gRPC user


class WrongVerdictError(Exception):
    """A known hit did not come back HIT or POSSIBLE_MATCH."""


@dataclass(slots=True)
class Pending:
    """What the next call of a user is: its name in the statistics, the verdicts accepted."""

    name: str
    key: str = ""
    accept: frozenset[int] | None = None


class LocustInterceptor(grpc.UnaryUnaryClientInterceptor):
    """Fires a Locust request event for each call (the documented gRPC user pattern).

    The name is the method's (``CheckTraveler``), or what the user set in ``pending``
    just before the call; a ``grpc.RpcError`` or a known hit that is not found is a
    failure. One interceptor per user: a user's calls do not overlap.
    """

    def __init__(self, environment: Any) -> None:
        self.env = environment
        self.pending: Pending | None = None

    def intercept_unary_unary(
        self, continuation: Callable[..., Any], client_call_details: Any, request: Any
    ) -> Any:
        pending, self.pending = self.pending, None
        name = pending.name if pending else client_call_details.method.rsplit("/", 1)[-1]
        exception: Exception | None = None
        response = None
        length = 0
        start = time.perf_counter()
        call = continuation(client_call_details, request)
        try:
            response = call.result()
        except grpc.RpcError as error:
            exception = error
        elapsed = (time.perf_counter() - start) * 1000
        if response is not None:
            length = response.ByteSize()
            SOURCES[pb.Source.Name(response.provenance.source)] += 1
            VERDICTS[name][pb.Verdict.Name(response.verdict)] += 1
            if pending and pending.accept is not None and response.verdict not in pending.accept:
                exception = WrongVerdictError(
                    f"known hit {pending.key} came back {pb.Verdict.Name(response.verdict)}"
                )
        self.env.events.request.fire(
            request_type="grpc",
            name=name,
            response_time=elapsed,
            response_length=length,
            response=response,
            context={},
            exception=exception,
        )
        return call


class GrpcUser(User):
    """A user with its own (gevent-driven, synchronous) channel to ``host`` (HOST:PORT)."""

    abstract = True
    stub_class: Any = None

    def __init__(self, environment: Any) -> None:
        super().__init__(environment)
        if not self.host or self.stub_class is None:
            raise LocustError("set --host HOST:PORT (and stub_class on the user class)")
        target = self.host.removeprefix("grpc://").removeprefix("http://").rstrip("/")
        self.interceptor = LocustInterceptor(environment)
        self._raw_channel = grpc.insecure_channel(target)
        self.channel = grpc.intercept_channel(self._raw_channel, self.interceptor)
        self.stub = self.stub_class(self.channel)

    def call(
        self,
        method: str,
        request: Any,
        name: str,
        *,
        key: str = "",
        accept: frozenset[int] | None = None,
    ) -> Any:
        """One call with the deadline; its failure is recorded by the interceptor."""
        self.interceptor.pending = Pending(name, key, accept)
        try:
            return getattr(self.stub, method)(request, timeout=DEADLINE)
        except grpc.RpcError:
            return None  # already recorded as a failure

    def on_stop(self) -> None:
        self._raw_channel.close()


class BoothUser(GrpcUser):
    """A booth terminal: see the module docstring for the mix."""

    stub_class = pb_grpc.NoticeLookupStub
    wait_time = constant_throughput(USER_RATE)

    def on_start(self) -> None:
        directory = data_dir()
        self.data = load_data(directory)
        self.travellers, self.documents = cycles(directory)
        self.recent: collections.deque[Known] = collections.deque(maxlen=max(1, RECENT))

    def _rare_hit(self) -> bool:
        """With probability NL_HIT_RATE, check a known hit instead; True if it did."""
        if HIT_RATE <= 0 or random.random() >= HIT_RATE:
            return False
        data = self.data
        use_document = bool(data.hit_documents) and (
            not data.hit_travellers or random.random() < 0.5
        )
        if use_document:
            known = random.choice(data.hit_documents)
            name, method = "CheckDocument hit", "CheckDocument"
        else:
            known = random.choice(data.hit_travellers)
            name, method = "CheckTraveler hit", "CheckTraveler"
        self.call(method, known.request, name, key=known.key, accept=HIT_VERDICTS)
        return True

    @task(WEIGHT_MRZ)
    def check_mrz(self) -> None:
        if self._rare_hit():
            return
        known = self.travellers.next()
        self.call("CheckTraveler", known.request, "CheckTraveler mrz", key=known.key)
        self.recent.append(known)

    @task(WEIGHT_DOCUMENT)
    def check_document(self) -> None:
        if self._rare_hit():
            return
        known = self.documents.next()
        self.call("CheckDocument", known.request, "CheckDocument", key=known.key)

    @task(WEIGHT_REPEAT)
    def check_repeat(self) -> None:
        if not self.recent:
            self.check_mrz()
            return
        if self._rare_hit():
            return
        known = random.choice(self.recent)
        self.call("CheckTraveler", known.request, "CheckTraveler repeat", key=known.key)
