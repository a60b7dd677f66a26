"""A real server on port 0 over a real store, and a channel to it.

``harness`` runs each test once per engine (SQLite, PostgreSQL). Data: a few hand-made
notices and documents, so that every expected verdict is obvious from this file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import grpc
import pytest

from lookup_server.api.server import RunningServer, create_server
from lookup_server.app import App, build_app
from lookup_server.generated.noticelookup.v1 import lookup_pb2_grpc as pb_grpc
from lookup_server.matching.keys import KEY_SCHEME, notice_keys
from lookup_server.model import (
    DocumentKey,
    DocumentRecord,
    DocumentStatus,
    NameKind,
    Notice,
    NoticeStatus,
    NoticeType,
    PartialDate,
    PersonName,
    Sex,
)
from lookup_server.settings import Settings, load_settings
from lookup_server.store.base import Store, StoredNotice
from lookup_server.store.factory import open_store

RED_DOB = PartialDate(1975, 3, 9)

NOTICES = (
    Notice(
        notice_id="2024/1001",
        type=NoticeType.RED,
        status=NoticeStatus.ACTIVE,
        names=(
            PersonName("AL-RASHID", "Muhammad Yusuf"),
            PersonName("الرشيد", "محمد يوسف", kind=NameKind.ORIGINAL_SCRIPT, script="Arab"),
        ),
        dates_of_birth=(RED_DOB,),
        sex=Sex.MALE,
        nationalities=("IRQ",),
        issuing_country="FRA",
        charges=("Armed robbery",),
        source="test",
    ),
    Notice(
        notice_id="2024/1002",
        type=NoticeType.YELLOW,
        status=NoticeStatus.ACTIVE,
        names=(PersonName("SUPRIYADI", ""),),
        dates_of_birth=(PartialDate(2008, 1, 20),),
        sex=Sex.FEMALE,
        nationalities=("IDN",),
        source="test",
    ),
    Notice(
        notice_id="2024/1003",
        type=NoticeType.RED,
        status=NoticeStatus.CANCELLED,
        names=(PersonName("KOVALENKO", "DMYTRO"),),
        dates_of_birth=(PartialDate(1981, 6, 1),),
        sex=Sex.MALE,
        source="test",
    ),
)

DOCUMENTS = (
    DocumentRecord(
        key=DocumentKey("IDN", "A1234567"),
        status=DocumentStatus.STOLEN_FROM_BEARER,
        document_type="P",
        reported_by="IDN/Imigrasi",
        reported_on=dt.date(2025, 2, 1),
    ),
    DocumentRecord(
        key=DocumentKey("NLD", "SPECI2014"),
        status=DocumentStatus.LOST,
        document_type="P",
        reported_by="NLD",
        reported_on=dt.date(2024, 7, 15),
    ),
)


async def load_fixture_data(store: Store) -> None:
    await store.load_notices(
        [StoredNotice(n, notice_keys(n)) for n in NOTICES], key_scheme=KEY_SCHEME
    )
    await store.load_documents(DOCUMENTS)


@dataclass
class Harness:
    app: App
    running: RunningServer
    channel: grpc.aio.Channel
    stub: pb_grpc.NoticeLookupStub
    address: str


async def start_harness(store: Store, settings: Settings) -> Harness:
    app = await build_app(settings, store=store)
    running = await create_server(app, settings)
    address = f"127.0.0.1:{running.port}"
    channel = grpc.aio.insecure_channel(address)
    return Harness(app, running, channel, pb_grpc.NoticeLookupStub(channel), address)


async def stop_harness(harness: Harness) -> None:
    await harness.channel.close()
    await harness.running.server.stop(None)
    await harness.app.close()


SettingsFactory = Callable[..., Settings]


@pytest.fixture
def make_settings() -> SettingsFactory:
    def make(**overrides: object) -> Settings:
        return load_settings(listen="127.0.0.1:0", **overrides)

    return make


@pytest.fixture
async def harness(store_url: str, make_settings: SettingsFactory) -> AsyncIterator[Harness]:
    """A server over each engine in turn (SQLite, then the throwaway PostgreSQL)."""
    store = await open_store(store_url)
    await load_fixture_data(store)
    h = await start_harness(store, make_settings(database_url=store_url))
    try:
        yield h
    finally:
        await stop_harness(h)
