"""The exception tree of notice-lookup.

Every error that the service raises on purpose derives from :class:`NoticeLookupError`.
Driver errors (asyncpg, sqlite3, redis) are converted at the edge of the store or cache
that owns the driver (``raise StoreUnavailable(...) from exc``), so nothing above the
stores ever catches a driver exception. The gRPC layer maps this tree to status codes in
one place (``lookup_server.api.status``) and a test fails when a class has no mapping.

    NoticeLookupError
    ├── InvalidInput            bad data from outside: a request field, an MRZ line
    │   └── MrzError            an MRZ that does not parse or whose check digit is wrong
    ├── NotFound                a notice id that does not exist
    ├── LoadError               a data file to load is malformed (names line and field)
    ├── ConfigError             settings or SOP file unusable: refuse to start
    ├── Overloaded              too many calls in flight: shed rather than queue
    ├── DeadlineExceeded        the caller's deadline ran out inside the service
    └── StoreError              a backend could not answer
        ├── StoreUnavailable    connection refused/lost, server down (transient)
        ├── StoreTimeout        no answer in time (transient)
        └── SchemaMismatch      database schema or key scheme is not what this code needs
"""

from __future__ import annotations


class NoticeLookupError(Exception):
    """Root of every error raised on purpose by notice-lookup."""


class InvalidInput(NoticeLookupError):
    """Input from outside is malformed. ``field`` is a path into the request."""

    def __init__(self, field: str, description: str, *, reason: str = "INVALID") -> None:
        super().__init__(f"{field}: {description}")
        self.field = field
        self.description = description
        self.reason = reason


class MrzError(InvalidInput):
    """An MRZ that cannot be read. ``mrz_field`` names the MRZ field (e.g. date_of_birth)."""

    def __init__(
        self,
        field: str,
        description: str,
        *,
        mrz_field: str = "",
        reason: str = "MRZ_INVALID",
    ) -> None:
        super().__init__(field, description, reason=reason)
        self.mrz_field = mrz_field


class NotFound(NoticeLookupError):
    def __init__(self, what: str, ident: str) -> None:
        super().__init__(f"{what} {ident!r} not found")
        self.what = what
        self.ident = ident


class LoadError(NoticeLookupError):
    """A data file is malformed. Nothing of the file has been written."""

    def __init__(self, source: str, line: int | None, field: str | None, description: str) -> None:
        where = source
        if line is not None:
            where += f", line {line}"
        if field:
            where += f", field {field!r}"
        super().__init__(f"{where}: {description}")
        self.source = source
        self.line = line
        self.field = field
        self.description = description


class ConfigError(NoticeLookupError):
    """Settings, SOP file or command-line options that the service cannot run with."""


class Overloaded(NoticeLookupError):
    """Too many calls in flight; the caller should retry on another server or later."""


class DeadlineExceeded(NoticeLookupError):
    """The request's deadline ran out before an answer was ready."""


class StoreError(NoticeLookupError):
    """A data backend could not answer. ``backend`` names it (e.g. ``primary``)."""

    transient = False

    def __init__(self, backend: str, message: str) -> None:
        super().__init__(f"{backend}: {message}")
        self.backend = backend


class StoreUnavailable(StoreError):
    """Connection refused or lost, server shutting down: worth a retry elsewhere."""

    transient = True


class StoreTimeout(StoreError):
    """The backend did not answer in time."""

    transient = True


class SchemaMismatch(StoreError):
    """The database's schema or blocking-key scheme does not match this code."""
