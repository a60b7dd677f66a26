"""Shared pytest fixtures. Keep each fixture small and say what it gives and when it ends.

PostgreSQL: ``pg_cluster`` starts ONE throwaway server for the whole session (only
when a test asks for it), ``pg_url`` gives each test its own fresh database on it.
SQLite: ``sqlite_url`` is a file in the test's tmp_path. ``store`` runs a test once
per engine (ids ``sqlite`` and ``postgres``) with an opened, migrated, empty store.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from lookup_server.settings import TelemetrySettings
from lookup_server.store import Store, open_store
from observability.setup import setup_telemetry
from tests.lab.postgres import PgBinariesNotFound, PgCluster, find_bin_dir, running_cluster

# ---------------------------------------------------------------- PostgreSQL


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """One PostgreSQL server for the session; stopped and removed at the end, even on failure.

    Missing binaries FAIL the test (never skip): `make test` installs them first.
    """
    try:
        find_bin_dir()
    except PgBinariesNotFound as exc:
        pytest.fail(str(exc), pytrace=False)
    with running_cluster("session") as cluster:
        yield cluster


@pytest.fixture
def pg_url(pg_cluster: PgCluster) -> Iterator[str]:
    """URL of a fresh, empty database for this test only (dropped afterwards)."""
    name = f"test_{uuid.uuid4().hex[:16]}"
    pg_cluster.create_database(name)
    yield pg_cluster.dsn(name)
    pg_cluster.drop_database(name)


# ---------------------------------------------------------------- SQLite


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """URL of a not-yet-existing SQLite file in this test's tmp_path."""
    return f"sqlite:///{tmp_path / 'store.db'}"


# ---------------------------------------------------------------- both engines


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest) -> str:
    """A fresh database URL, once per engine; only the PostgreSQL run starts the server."""
    url: str = request.getfixturevalue(
        {"sqlite": "sqlite_url", "postgres": "pg_url"}[request.param]
    )
    return url


@pytest.fixture
async def store(store_url: str) -> AsyncIterator[Store]:
    """An opened, migrated, empty store on ``store_url``; closed after the test."""
    opened = await open_store(store_url)
    try:
        yield opened
    finally:
        await opened.close()


# ---------------------------------------------------------------- telemetry


@dataclass
class Captured:
    """Everything the process exports while a test runs (see ``telemetry``)."""

    spans: InMemorySpanExporter
    metrics: InMemoryMetricReader
    prometheus: tuple[str, int]

    def finished(self) -> list[ReadableSpan]:
        return list(self.spans.get_finished_spans())

    def metric_points(self, name: str) -> list[tuple[dict[str, object], float]]:
        """(attributes, value) of every data point of metric ``name`` collected now."""
        found: list[tuple[dict[str, object], float]] = []
        data = self.metrics.get_metrics_data()
        for resource in data.resource_metrics if data else ():
            for scope in resource.scope_metrics:
                for metric in scope.metrics:
                    if metric.name != name:
                        continue
                    for point in metric.data.data_points:
                        value = getattr(point, "value", None)
                        if value is None:
                            value = getattr(point, "count", 0)
                        found.append((dict(point.attributes or {}), float(value)))
        return found


_CAPTURED: list[Captured] = []


@pytest.fixture
def telemetry() -> Captured:
    """The process's global tracer and meter providers, set once per session (they
    cannot be replaced), sampling every trace into memory, with a Prometheus endpoint
    on a free loopback port. Spans are cleared before each test."""
    if not _CAPTURED:
        spans = InMemorySpanExporter()
        reader = InMemoryMetricReader()
        setup = setup_telemetry(
            TelemetrySettings(
                sample_ratio=1.0, metrics_exporters="prometheus", prometheus_listen="127.0.0.1:0"
            ),
            span_processors=[SimpleSpanProcessor(spans)],
            metric_readers=[reader],
        )
        assert setup.prometheus_address is not None
        _CAPTURED.append(Captured(spans, reader, setup.prometheus_address))
    captured = _CAPTURED[0]
    captured.spans.clear()
    return captured
