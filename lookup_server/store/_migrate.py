"""Schema migrations shared by both engines: finding them, ordering them, judging versions.

The SQL lives in ``migrations/<engine>/NNNN_name.sql`` (package data, read with
importlib.resources). Each engine applies the pending files itself, inside one
transaction that also records them in ``schema_migrations(version, name, applied_at)``
and that it takes under its own lock (PostgreSQL: an advisory lock; SQLite:
BEGIN IMMEDIATE), so that two processes starting at once apply each file once. This
module owns everything that does not touch a database: the file list, the check that a
database is not newer than the code, and the message telling an operator to migrate.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from lookup_server.errors import SchemaMismatch
from lookup_server.store.base import SCHEMA_VERSION

_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

#: Created by the runner (not by a migration file) before it reads what was applied.
CREATE_MIGRATIONS_TABLE = {
    "postgres": (
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version integer PRIMARY KEY,"
        " name text NOT NULL,"
        " applied_at timestamptz NOT NULL DEFAULT now())"
    ),
    "sqlite": (
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY,"
        " name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL)"
    ),
}


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


@functools.cache
def migrations(engine: str) -> tuple[Migration, ...]:
    """The migrations shipped for ``engine`` ("postgres" or "sqlite"), oldest first.

    Versions must be 1, 2, 3, ... without gaps and end at ``SCHEMA_VERSION``: anything
    else is a packaging mistake and fails loudly.
    """
    folder = resources.files("lookup_server.store").joinpath("migrations", engine)
    found: list[Migration] = []
    for entry in folder.iterdir():
        match = _FILE_NAME.match(entry.name)
        if match is None:
            continue
        found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, SCHEMA_VERSION + 1)):
        raise RuntimeError(
            f"{engine} migrations are {versions}; this code needs 1..{SCHEMA_VERSION} "
            "without gaps (broken installation?)"
        )
    return tuple(found)


def _refuse_newer(backend: str, done: set[int]) -> None:
    newest = max(done, default=0)
    if newest > SCHEMA_VERSION:
        raise SchemaMismatch(
            backend,
            f"database schema version {newest} is newer than this code supports "
            f"({SCHEMA_VERSION}): upgrade notice-lookup before using this database",
        )


def pending(engine: str, backend: str, applied: Iterable[int]) -> list[Migration]:
    """Migrations still to apply; SchemaMismatch when the database is newer than the code."""
    done = set(applied)
    _refuse_newer(backend, done)
    return [m for m in migrations(engine) if m.version not in done]


def require_current(backend: str, applied: Iterable[int] | None) -> None:
    """SchemaMismatch unless exactly the schema this code needs is in place.

    ``applied`` is None when the database has no ``schema_migrations`` table at all.
    """
    if applied is None:
        raise SchemaMismatch(
            backend,
            f"database has no notice-lookup schema (need version {SCHEMA_VERSION}): "
            "run `notice-lookup migrate`",
        )
    done = set(applied)
    _refuse_newer(backend, done)
    newest = max(done, default=0)
    missing = sorted(set(range(1, SCHEMA_VERSION + 1)) - done)
    if missing:
        raise SchemaMismatch(
            backend,
            f"database schema version {newest} is older than this code needs "
            f"({SCHEMA_VERSION}; missing {missing}): run `notice-lookup migrate`",
        )


def split_statements(script: str) -> list[str]:
    """Split an SQLite script into single statements.

    ``sqlite3.Cursor.executescript`` would COMMIT the open transaction first, which
    would break the all-or-nothing application under BEGIN IMMEDIATE.
    """
    statements: list[str] = []
    current: list[str] = []
    for line in script.splitlines(keepends=True):
        if not current and (not line.strip() or line.lstrip().startswith("--")):
            continue
        current.append(line)
        text = "".join(current)
        if sqlite3.complete_statement(text):
            statements.append(text.strip())
            current = []
    if "".join(current).strip():
        raise RuntimeError(f"unterminated SQL statement in migration: {''.join(current)!r}")
    return statements
