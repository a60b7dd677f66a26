"""Shared pytest fixtures. Keep each fixture small and say what it gives and when it ends.

PostgreSQL: ``pg_cluster`` starts ONE throwaway server for the whole session (only
when a test asks for it), ``pg_url`` gives each test its own fresh database on it.
SQLite: ``sqlite_url`` is a file in the test's tmp_path. ``store`` runs a test once
per engine (ids ``sqlite`` and ``postgres``) with an opened, migrated, empty store.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from lookup_server.store import Store, open_store
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
