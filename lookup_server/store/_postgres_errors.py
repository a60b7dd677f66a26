"""asyncpg plumbing of the PostgreSQL engine: error conversion and the pool reset hook.

:func:`driver_errors` is the one place where asyncpg (and socket) exceptions become
``StoreError`` subclasses: connection refused or lost, server shutting down, too many
clients and serialization failures are transient ``StoreUnavailable``; timeouts and
cancelled statements ``StoreTimeout``; any other driver error a plain ``StoreError``.
"""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Iterator

import asyncpg

from lookup_server.errors import StoreError, StoreTimeout, StoreUnavailable

# Errors meaning "this server cannot answer now, another one might": connection
# refused/lost, shutdown, too many clients, and transaction conflicts worth a retry.
UNAVAILABLE: tuple[type[BaseException], ...] = (
    asyncpg.PostgresConnectionError,  # SQLSTATE class 08, incl. ConnectionDoesNotExistError
    asyncpg.CannotConnectNowError,
    asyncpg.AdminShutdownError,
    asyncpg.CrashShutdownError,
    asyncpg.TooManyConnectionsError,
    asyncpg.SerializationError,
    asyncpg.DeadlockDetectedError,
)
# Driver errors swallowed while rolling back after another error, which then propagates.
DRIVER_ERRORS = (
    asyncpg.PostgresError,
    asyncpg.InterfaceError,
    asyncpg.InternalClientError,
    OSError,
)


async def no_reset(conn: asyncpg.Connection) -> None:
    """Pool reset hook that sends nothing.

    By default the pool sends a reset query (UNLISTEN, RESET ALL, advisory unlock, ...)
    on every release: one more round trip per lookup. It is safe to skip because this
    store keeps no session state on pooled connections: settings are SET LOCAL, advisory
    locks are transaction-scoped, temp tables are ON COMMIT DROP, and LISTEN is never
    used on them. asyncpg still rolls back an open transaction before reuse.
    """


@contextlib.contextmanager
def driver_errors(backend: str, what: str) -> Iterator[None]:
    """Converts asyncpg errors raised inside the block into StoreError subclasses.

    Only driver exception classes are caught (by name); anything else, including
    asyncio.CancelledError and the caller's own exceptions, passes through untouched.
    """
    try:
        yield
    except TimeoutError as exc:  # before OSError: TimeoutError is an OSError
        raise StoreTimeout(backend, f"{what}: no answer in time") from exc
    except asyncpg.QueryCanceledError as exc:
        raise StoreTimeout(backend, f"{what}: statement cancelled: {exc}") from exc
    except UNAVAILABLE as exc:
        raise StoreUnavailable(backend, f"{what}: {type(exc).__name__}: {exc}") from exc
    except asyncpg.InterfaceError as exc:
        closed = "closed" in str(exc) or "closing" in str(exc)
        kind = StoreUnavailable if closed else StoreError
        raise kind(backend, f"{what}: {exc}") from exc
    except (asyncpg.PostgresError, asyncpg.InternalClientError) as exc:
        raise StoreError(backend, f"{what}: {type(exc).__name__}: {exc}") from exc
    except OSError as exc:  # ConnectionRefusedError, ConnectionResetError, ...
        raise StoreUnavailable(backend, f"{what}: {exc}") from exc


POOL_HAS_RESET = "reset" in inspect.signature(asyncpg.create_pool).parameters
