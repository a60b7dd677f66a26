"""Opening a store from a URL: the one place that maps URL schemes to engines.

``open_store("postgresql://...")`` or ``open_store("sqlite:///data/notices.db")``
returns a ready :class:`~lookup_server.store.base.Store` whose schema is current:
migrated when ``migrate`` is true, otherwise checked (SchemaMismatch telling the
operator to run ``notice-lookup migrate``). Engines are imported lazily, so a SQLite
deployment never imports asyncpg. Messages never show a password.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from lookup_server.errors import ConfigError
from lookup_server.model import Source
from lookup_server.store._common import redact_url
from lookup_server.store.base import Store

_ENGINES = {"postgresql": "postgres", "postgres": "postgres", "sqlite": "sqlite"}
#: Parameters that open_store sets itself and callers may not pass as engine options.
_RESERVED = frozenset({"self", "cls", "dsn", "path", "name", "source", "create"})


def engine_of(url: str) -> str:
    """``"postgres"`` or ``"sqlite"`` for a store URL; ConfigError for anything else."""
    scheme = url.partition(":")[0].lower() if ":" in url else ""
    engine = _ENGINES.get(scheme)
    if engine is None:
        shown = f"scheme {scheme!r}" if scheme else "no scheme"
        raise ConfigError(
            f"unsupported store URL ({shown}): {redact_url(url)}; "
            "expected postgresql://, postgres:// or sqlite:///"
        )
    return engine


def _check_options(engine: str, opener: Callable[..., Any], options: dict[str, Any]) -> None:
    known = set(inspect.signature(opener).parameters) - _RESERVED
    unknown = sorted(set(options) - known)
    if unknown:
        raise ConfigError(
            f"unknown option(s) {', '.join(unknown)} for the {engine} store; "
            f"known: {', '.join(sorted(known))}"
        )


async def open_store(
    url: str,
    *,
    name: str | None = None,
    source: Source = Source.PRIMARY,
    migrate: bool = True,
    **options: Any,
) -> Store:
    """Open the store at ``url`` with its schema current.

    ``name`` defaults to the engine ("sqlite" / "postgres"). ``options`` go to the
    engine: for PostgreSQL see :meth:`PostgresStore.open` (pool sizes, timeouts), for
    SQLite :meth:`SqliteStore.open` (thread count, busy timeouts). With
    ``migrate=False`` a SQLite file is never created.
    """
    engine = engine_of(url)
    store: Store
    if engine == "sqlite":
        # Imported here so that a deployment imports only the engine it uses.
        from lookup_server.store.sqlite import SqliteStore, path_from_url  # noqa: PLC0415

        _check_options(engine, SqliteStore.open, options)
        sqlite_store = await SqliteStore.open(
            path_from_url(url), name=name or "sqlite", source=source, create=migrate, **options
        )
        store, migrator, checker = sqlite_store, sqlite_store.migrate, sqlite_store.check_schema
    else:
        from lookup_server.store.postgres import PostgresStore  # noqa: PLC0415

        _check_options(engine, PostgresStore.open, options)
        pg_store = await PostgresStore.open(url, name=name or "postgres", source=source, **options)
        store, migrator, checker = pg_store, pg_store.migrate, pg_store.check_schema
    try:
        if migrate:
            await migrator()
        else:
            await checker()
    except BaseException:
        await store.close()
        raise
    return store
