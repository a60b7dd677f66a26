"""The local copy: an SQLite file on local disk, kept current from the change feed.

It is the answer of last resort, like the offline copy at a remote post: when no
database answers, checks still run against it, and the answer says degraded and how
old the copy is. It follows the databases' change feed (``changes_since``): for each
batch of changes, the changed notices and document records are read by key (cancelled
ones too) from a database and applied to the copy in one load each, then the
database version the copy now reflects is recorded beside the file. A crash between
the two re-applies the batch (loads are upserts), so the copy never claims more than
it holds. At start the copy catches up from the version it recorded.

The copy numbers its own versions; the version it reflects is the database's, kept in
``<file>.state.json``. Only PostgreSQL databases can be followed (an SQLite primary is
already local).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from lookup_server.errors import StoreError
from lookup_server.model import DataState, DocumentKey, NoticeStatus, Source
from lookup_server.store.base import ChangeKind, KeyFunction, Store, StoredNotice
from lookup_server.store.postgres import PostgresStore
from lookup_server.store.sqlite import SqliteStore

log = logging.getLogger(__name__)

NAME = "local-copy"


class LocalCopy:
    def __init__(
        self,
        store: SqliteStore,
        state_file: Path,
        keys_of: KeyFunction,
        key_scheme: str,
        *,
        batch: int = 2000,
        poll_s: float = 1.0,
    ) -> None:
        self.store = store
        self.state_file = state_file
        self._keys_of = keys_of
        self._key_scheme = key_scheme
        self._batch = batch
        self._poll_s = poll_s
        #: The database version the copy reflects (0: nothing copied yet).
        self.version = 0
        self.version_as_of: dt.datetime | None = None
        #: When the copy was last known to be current (None: never).
        self.confirmed_at: dt.datetime | None = None
        self.applied = 0

    @classmethod
    async def open(
        cls,
        path: Path,
        keys_of: KeyFunction,
        key_scheme: str,
        *,
        batch: int = 2000,
        poll_s: float = 1.0,
    ) -> LocalCopy:
        store = await SqliteStore.open(path, name=NAME, source=Source.LOCAL_COPY, create=True)
        try:
            await store.migrate()
        except BaseException:
            await store.close()
            raise
        state_file = path.with_name(path.name + ".state.json")
        copy = cls(store, state_file, keys_of, key_scheme, batch=batch, poll_s=poll_s)
        copy._read_state()
        return copy

    # ------------------------------------------------------------ state

    @property
    def ready(self) -> bool:
        """Whether the copy holds anything to answer from."""
        return self.version > 0

    @property
    def synced_state(self) -> DataState:
        return DataState(version=self.version, as_of=self.version_as_of)

    def age_s(self) -> float | None:
        if self.confirmed_at is None:
            return None
        return (dt.datetime.now(dt.UTC) - self.confirmed_at).total_seconds()

    def _read_state(self) -> None:
        try:
            saved = json.loads(self.state_file.read_text())
            self.version = int(saved["version"])
            as_of = saved.get("as_of")
            self.version_as_of = dt.datetime.fromisoformat(as_of) if as_of else None
            confirmed = saved.get("confirmed_at")
            self.confirmed_at = dt.datetime.fromisoformat(confirmed) if confirmed else None
        except FileNotFoundError:
            return
        except (OSError, ValueError, KeyError, TypeError) as exc:
            # Unreadable: start again from nothing (the loads are upserts).
            log.warning(
                "local copy: %s unreadable (%s); copying from the start", self.state_file, exc
            )
            self.version = 0

    def _write_state(self) -> None:
        saved = {
            "version": self.version,
            "as_of": self.version_as_of.isoformat() if self.version_as_of else None,
            "confirmed_at": self.confirmed_at.isoformat() if self.confirmed_at else None,
        }
        temporary = self.state_file.with_name(self.state_file.name + ".tmp")
        with temporary.open("w") as handle:
            json.dump(saved, handle)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(self.state_file)

    # ------------------------------------------------------------ following

    async def sync_from(self, source: Store) -> int:
        """Apply every change ``source`` has beyond the copy; returns changes applied."""
        if not isinstance(source, PostgresStore):
            raise StoreError(source.name, "a local copy can only follow PostgreSQL")
        applied = 0
        while True:
            changes = await source.changes_since(self.version, self._batch)
            if not changes:
                self.confirmed_at = dt.datetime.now(dt.UTC)
                self._write_state()
                return applied
            notice_ids = sorted({c.key for c in changes if c.kind is ChangeKind.NOTICE})
            document_keys = sorted(
                {_document_key(c.key) for c in changes if c.kind is ChangeKind.DOCUMENT},
                key=lambda k: (k.issuing_country, k.number),
            )
            notices, documents = await source.records(notice_ids, document_keys)
            if notices:
                await self.store.load_notices(
                    [
                        StoredNotice(
                            n,
                            self._keys_of(n) if n.status is NoticeStatus.ACTIVE else frozenset(),
                        )
                        for n in notices
                    ],
                    key_scheme=self._key_scheme,
                )
            if documents:
                await self.store.load_documents(documents)
            self.version = changes[-1].version
            self.version_as_of = changes[-1].at
            applied += len(changes)
            self.applied += len(changes)
            if len(changes) < self._batch:
                self.confirmed_at = dt.datetime.now(dt.UTC)
                self._write_state()
                return applied
            self._write_state()

    async def follow(self, sources: Callable[[], Sequence[Store]]) -> None:
        """Keep syncing from the first of ``sources()`` that answers, every ``poll_s``.

        It polls rather than waiting for a store's push (``wait_for_change``): the
        primary's notification is shared with the cache's change follower, and a
        second waiter clearing it would delay that follower until its next poll; and
        a replica cannot LISTEN at all (PostgreSQL refuses it during recovery).
        """
        while True:
            for source in sources():
                try:
                    applied = await self.sync_from(source)
                except (StoreError, TimeoutError, OSError) as exc:
                    log.info("local copy: cannot sync from %s: %s", source.name, exc)
                    continue
                if applied:
                    log.debug("local copy: %d changes from %s", applied, source.name)
                break
            await asyncio.sleep(self._poll_s)

    async def close(self) -> None:
        await self.store.close()


def _document_key(key: str) -> DocumentKey:
    country, _, number = key.partition(":")
    return DocumentKey(issuing_country=country, number=number)
