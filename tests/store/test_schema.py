"""Schema migrations and opening stores: versions, refusals, URL handling (both engines)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from lookup_server.errors import ConfigError, SchemaMismatch, StoreUnavailable
from lookup_server.store import SCHEMA_VERSION, open_store
from lookup_server.store._common import redact_url
from lookup_server.store._migrate import migrations, require_current, split_statements
from lookup_server.store.factory import engine_of
from tests.store.helpers import execute_raw


def test_both_engines_ship_the_same_migrations_up_to_schema_version() -> None:
    pg = [(m.version, m.name) for m in migrations("postgres")]
    lite = [(m.version, m.name) for m in migrations("sqlite")]
    assert pg == lite
    assert [v for v, _ in pg] == list(range(1, SCHEMA_VERSION + 1))


def test_split_statements_keeps_semicolons_inside_strings() -> None:
    script = (
        "-- a comment; with a semicolon\n"
        "CREATE TABLE t (x TEXT DEFAULT ';');\n\n"
        "INSERT INTO t VALUES ('a;b');\n"
    )
    assert split_statements(script) == [
        "CREATE TABLE t (x TEXT DEFAULT ';');",
        "INSERT INTO t VALUES ('a;b');",
    ]
    assert len(split_statements(migrations("sqlite")[0].sql)) >= 6


def test_require_current_messages() -> None:
    with pytest.raises(SchemaMismatch, match="run `notice-lookup migrate`"):
        require_current("db", None)
    with pytest.raises(SchemaMismatch, match="run `notice-lookup migrate`"):
        require_current("db", [])
    with pytest.raises(SchemaMismatch, match="newer than this code"):
        require_current("db", range(1, SCHEMA_VERSION + 2))
    require_current("db", range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("postgresql://u@h/db", "postgres"),
        ("postgres://u@h/db", "postgres"),
        ("POSTGRESQL://u@h/db", "postgres"),
        ("sqlite:///x.db", "sqlite"),
    ],
)
def test_engine_of(url: str, engine: str) -> None:
    assert engine_of(url) == engine


async def test_unknown_scheme_is_a_config_error_without_the_password() -> None:
    with pytest.raises(ConfigError, match="'mysql'") as raised:
        await open_store("mysql://admin:s3cret@db.example/notices")
    assert "s3cret" not in str(raised.value)
    assert "admin:***@db.example" in str(raised.value)
    with pytest.raises(ConfigError, match="no scheme"):
        await open_store("/var/lib/notices.db")


def test_redact_url() -> None:
    assert redact_url("postgresql://u:pw@h:5/db?sslmode=require&password=x") == (
        "postgresql://u:***@h:5/db?sslmode=require&password=***"
    )
    assert redact_url("postgresql://u@h/db") == "postgresql://u@h/db"


async def test_unknown_engine_option_is_a_config_error(sqlite_url: str) -> None:
    with pytest.raises(ConfigError, match="pool_size"):
        await open_store(sqlite_url, pool_size=3)


async def test_sqlite_url_relative_to_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = await open_store("sqlite:///sub/dir/rel.db")
    try:
        assert store.name == "sqlite"
    finally:
        await store.close()
    assert (tmp_path / "sub" / "dir" / "rel.db").is_file()
    with pytest.raises(ConfigError):
        await open_store("sqlite:///:memory:")


async def test_sqlite_without_migrate_never_creates_a_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'missing' / 'store.db'}"
    with pytest.raises(StoreUnavailable):
        await open_store(url, migrate=False)
    assert not (tmp_path / "missing").exists()


async def test_empty_sqlite_file_without_migrate_asks_to_migrate(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()
    with pytest.raises(SchemaMismatch, match="run `notice-lookup migrate`"):
        await open_store(f"sqlite:///{path}", migrate=False)


@pytest.mark.postgres
async def test_empty_postgres_database_without_migrate_asks_to_migrate(pg_url: str) -> None:
    with pytest.raises(SchemaMismatch, match="run `notice-lookup migrate`"):
        await open_store(pg_url, migrate=False)


async def test_database_newer_than_the_code_is_refused(store_url: str) -> None:
    store = await open_store(store_url)
    await store.close()
    newer = SCHEMA_VERSION + 1
    insert = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ({}, 'future', {})"
    await execute_raw(store_url, insert.format(newer, "'2030-01-01T00:00:00+00:00'"))
    for migrate in (True, False):
        with pytest.raises(SchemaMismatch, match=f"version {newer} is newer than this code"):
            await open_store(store_url, migrate=migrate)
