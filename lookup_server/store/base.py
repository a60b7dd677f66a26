"""The store interface: the one seam between checking logic and data backends.

A store answers the hot-path read (:meth:`Store.lookup`) in one consistent snapshot,
serves single notices, reports its data version, exposes the change feed, and applies
loads atomically. PostgreSQL and SQLite implement it; later layers (failover, cache)
wrap a store in another object with the same interface, so the checker never knows
which backend answered except through :attr:`LookupResult.provenance`.

Data versions: every write that changes a record takes the next value of one monotonic
counter and records ``(version, kind, key)`` in the change feed. Writers are serialised
(one load at a time per database), so versions are assigned in commit order and a
reader that saw version V has seen every change up to V.
"""

from __future__ import annotations

import abc
import asyncio
import datetime as dt
import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lookup_server.model import DataState, DocumentRecord, Notice, Provenance, Source

#: Schema version of the migrations shipped with this code (see ``migrations/``).
SCHEMA_VERSION = 1

#: Computes a notice's blocking keys; the matcher provides it.
KeyFunction = Callable[[Notice], frozenset[str]]


@dataclass(frozen=True, slots=True)
class LookupRequest:
    """The hot-path read of one check.

    ``document_number`` is the normalised number (None: no document lookup). Every
    listed record with that number is returned, whatever its issuing country, so that
    the checker can report the same number under another country as a weaker signal.
    ``name_keys`` are blocking keys; an empty tuple skips the name lookup.
    """

    document_number: str | None
    name_keys: tuple[str, ...] = ()
    candidate_limit: int = 200


@dataclass(frozen=True, slots=True)
class LookupResult:
    state: DataState
    documents: tuple[DocumentRecord, ...]
    candidates: tuple[Notice, ...]
    candidates_truncated: bool
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class NoticeRead:
    notice: Notice | None
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class StoredNotice:
    """A notice with the blocking keys under which name checks find it."""

    notice: Notice
    keys: frozenset[str]


class ChangeKind(enum.StrEnum):
    NOTICE = "notice"
    DOCUMENT = "document"


@dataclass(frozen=True, slots=True)
class Change:
    """One entry of the change feed. ``key`` is a notice id or ``COUNTRY:NUMBER``."""

    version: int
    kind: ChangeKind
    key: str
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class LoadReport:
    rows_read: int
    inserted: int
    updated: int
    unchanged: int
    cancelled: int
    version_before: int
    version_after: int


class Store(abc.ABC):
    """A data backend. Implementations convert driver errors to ``StoreError``."""

    #: Name used in provenance, logs and metrics (e.g. ``sqlite``, ``primary``).
    name: str
    #: What kind of backend this is, for provenance.
    source: Source

    # ---------------------------------------------------------------- reads

    @abc.abstractmethod
    async def lookup(self, request: LookupRequest) -> LookupResult:
        """Documents with the number and candidate notices, in one snapshot.

        Candidates are active notices sharing at least one of ``name_keys`` (keys
        starting ``y:`` only rank, they never make a notice a candidate on their own),
        ordered by the sum of the weights of the keys they share, most first, then by
        id; at most ``candidate_limit``. A key's weight is ``ln(1 + df_max / df)``,
        where ``df`` is the number of notices having the key and ``df_max`` the largest
        ``df`` among the request's keys: a rare shared key counts for more than a common
        one (TAMIMI against MUHAMMAD). Keys starting ``d:`` (fuzzy: one of many
        neighbours of a token) count a quarter.
        Cancelled notices and cancelled document records are never returned.
        """

    @abc.abstractmethod
    async def get_notice(self, notice_id: str) -> NoticeRead:
        """A notice by id, active or cancelled; ``notice`` is None when unknown."""

    @abc.abstractmethod
    async def state(self) -> DataState:
        """The current data version and when it was written."""

    @abc.abstractmethod
    async def changes_since(self, version: int, limit: int = 1000) -> list[Change]:
        """Change feed entries with version > ``version``, oldest first."""

    async def wait_for_change(self, max_wait_s: float) -> None:
        """Return when the data may have changed, or after ``max_wait_s`` seconds.

        A hint for followers of the change feed, which read :meth:`state` after it
        returns; it never raises. This default just waits: polling. PostgreSQL returns
        as soon as a load's NOTIFY arrives.
        """
        await asyncio.sleep(max_wait_s)

    def serving(self) -> bool:
        """Whether this store can answer now, as far as it knows without asking (the
        health service reports it). A single database: yes until a call says otherwise;
        the failover store: while any of its paths is open."""
        return True

    @abc.abstractmethod
    async def key_scheme(self) -> str | None:
        """The blocking-key scheme the stored keys were built with (None: empty store)."""

    # ---------------------------------------------------------------- writes

    @abc.abstractmethod
    async def load_documents(self, rows: Iterable[DocumentRecord]) -> LoadReport:
        """Upsert document records in one transaction, keyed by (country, number).

        Rows equal to the stored record are left alone and take no version. When
        ``rows`` raises (a malformed row), nothing is written and the error propagates.
        A later row with the same key as an earlier one in the same load wins.
        """

    @abc.abstractmethod
    async def load_notices(
        self,
        rows: Iterable[StoredNotice],
        *,
        key_scheme: str,
        snapshot_source: str | None = None,
    ) -> LoadReport:
        """Upsert notices and their blocking keys in one transaction, keyed by id.

        A notice with status cancelled loses its keys and stops matching. With
        ``snapshot_source``, the rows are the full list of that source: active notices
        of that source that are absent from ``rows`` are cancelled too. Raises
        ``SchemaMismatch`` when the stored keys were built with another ``key_scheme``.
        """

    @abc.abstractmethod
    async def rekey_notices(self, keys_of: KeyFunction, key_scheme: str) -> int:
        """Rebuild every notice's blocking keys with ``keys_of``; returns notices rekeyed."""

    # ---------------------------------------------------------------- lifecycle

    @abc.abstractmethod
    async def close(self) -> None:
        """Release connections. Idempotent."""
