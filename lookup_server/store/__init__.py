"""Data stores: the Store interface (``base``), its engines and ``open_store``.

``base`` defines the interface and its value types, ``codec`` the stored JSON form of
a notice, ``factory.open_store`` opens an engine from a URL: ``sqlite`` (a local file)
or ``postgres`` (asyncpg pool). Migrations live in ``migrations/<engine>/``.
"""

from __future__ import annotations

from lookup_server.store.base import (
    SCHEMA_VERSION,
    Change,
    ChangeKind,
    KeyFunction,
    LoadReport,
    LookupRequest,
    LookupResult,
    NoticeRead,
    Store,
    StoredNotice,
)
from lookup_server.store.factory import open_store

__all__ = [
    "SCHEMA_VERSION",
    "Change",
    "ChangeKind",
    "KeyFunction",
    "LoadReport",
    "LookupRequest",
    "LookupResult",
    "NoticeRead",
    "Store",
    "StoredNotice",
    "open_store",
]
