"""The three RPCs end to end over a real channel: verdicts, actions, provenance."""

from __future__ import annotations

import grpc
import pytest

from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.model import PartialDate, Sex
from lookup_server.mrz import format_td1, format_td3
from lookup_server.store.factory import open_store
from tests.api.conftest import (
    RED_DOB,
    Harness,
    SettingsFactory,
    load_fixture_data,
    start_harness,
    stop_harness,
)


def _td3(
    surname: str,
    given: str,
    number: str,
    country: str = "IRQ",
    dob: PartialDate = RED_DOB,
    sex: Sex = Sex.MALE,
) -> list[str]:
    return list(
        format_td3(
            issuing_state=country,
            surname=surname,
            given_names=given,
            document_number=number,
            nationality=country,
            date_of_birth=dob,
            sex=sex,
            date_of_expiry=PartialDate(2031, 1, 1),
        )
    )


def _mrz_request(lines: list[str]) -> pb.CheckTravelerRequest:
    return pb.CheckTravelerRequest(mrz=pb.MachineReadableZone(lines=lines))


async def test_clear_traveller(harness: Harness) -> None:
    reply = await harness.stub.CheckTraveler(
        _mrz_request(_td3("HANSEN", "ERIK", "X9876543", "NOR"))
    )
    assert reply.verdict == pb.VERDICT_CLEAR
    assert reply.document_check.status == pb.DOCUMENT_STATUS_NOT_LISTED
    assert not reply.notice_matches
    assert reply.action.code == "clear"
    assert reply.traveler.surname == "HANSEN"
    assert reply.traveler.mrz_format == pb.MRZ_FORMAT_TD3
    provenance = reply.provenance
    assert provenance.source == pb.SOURCE_PRIMARY
    assert provenance.backend in {"sqlite", "postgres"}
    assert provenance.data_version > 0
    assert provenance.HasField("data_as_of")
    assert provenance.HasField("answered_at")
    assert not provenance.degraded
    assert reply.check_id


async def test_stolen_passport_is_a_hit_with_its_procedure(harness: Harness) -> None:
    reply = await harness.stub.CheckTraveler(
        _mrz_request(_td3("WIJAYA", "BUDI", "A1234567", "IDN", PartialDate(1990, 4, 4)))
    )
    assert reply.verdict == pb.VERDICT_HIT
    check = reply.document_check
    assert check.status == pb.DOCUMENT_STATUS_STOLEN_FROM_BEARER
    record = check.records[0]
    assert (record.match_kind, record.reported_by) == (pb.DOCUMENT_MATCH_KIND_EXACT, "IDN/Imigrasi")
    assert (record.reported_on.year, record.reported_on.month, record.reported_on.day) == (
        2025,
        2,
        1,
    )
    assert record.action.code == "document.stolen-from-bearer"
    assert reply.action.code == "document.stolen-from-bearer"
    assert reply.action.priority == pb.PRIORITY_URGENT


async def test_red_notice_subject_spelled_differently_is_a_hit(harness: Harness) -> None:
    reply = await harness.stub.CheckTraveler(
        _mrz_request(_td3("RASHID", "MOHAMMED YOUSSEF", "B7654321"))
    )
    assert reply.verdict == pb.VERDICT_HIT
    match = reply.notice_matches[0]
    assert match.notice.notice_id == "2024/1001"
    assert match.notice.type == pb.NOTICE_TYPE_RED
    assert match.verdict == pb.VERDICT_HIT
    fields = {f.field: f for f in match.fields}
    assert fields["date_of_birth"].agreement == pb.AGREEMENT_MATCH
    assert fields["date_of_birth"].score_delta > 0
    assert {(t.query_token, t.notice_token) for t in match.tokens} >= {("MOHAMMED", "MUHAMMAD")}
    assert match.action.code == "notice.red"
    assert match.action.do_not_alert_traveler
    assert reply.action.code == "notice.red"
    assert reply.action.priority == pb.PRIORITY_CRITICAL


async def test_mononym_on_a_td1_identity_card(harness: Harness) -> None:
    lines = list(
        format_td1(
            issuing_state="IDN",
            surname="SUPRIYADI",
            given_names="",
            document_number="3171234567",
            nationality="IDN",
            date_of_birth=PartialDate(2008, 1, 20),
            sex=Sex.FEMALE,
            date_of_expiry=PartialDate(2030, 1, 1),
        )
    )
    reply = await harness.stub.CheckTraveler(_mrz_request(lines))
    assert reply.traveler.document_number == "3171234567"  # TD1 number overflow
    assert reply.verdict == pb.VERDICT_HIT
    assert reply.notice_matches[0].notice.type == pb.NOTICE_TYPE_YELLOW


async def test_cancelled_notice_does_not_match(harness: Harness) -> None:
    fields = pb.TravelerFields(
        surname="KOVALENKO",
        given_names="DMYTRO",
        date_of_birth=pb.PartialDate(year=1981, month=6, day=1),
        sex=pb.SEX_MALE,
    )
    reply = await harness.stub.CheckTraveler(pb.CheckTravelerRequest(fields=fields))
    assert reply.verdict == pb.VERDICT_CLEAR
    assert not reply.HasField("document_check")


async def test_typed_fields_with_swapped_name_order(harness: Harness) -> None:
    fields = pb.TravelerFields(
        document_number="c 123-456",
        issuing_country="irq",
        surname="Muhammad Yusuf",
        given_names="Al Rashid",
        date_of_birth=pb.PartialDate(year=1975, month=3, day=9),
        sex=pb.SEX_MALE,
        nationality="IRQ",
    )
    reply = await harness.stub.CheckTraveler(pb.CheckTravelerRequest(fields=fields))
    assert reply.verdict == pb.VERDICT_HIT
    assert reply.traveler.document_number == "C123456"


@pytest.mark.parametrize(
    ("number", "country", "verdict", "status", "kinds"),
    [
        (
            "A1234567",
            "IDN",
            pb.VERDICT_HIT,
            pb.DOCUMENT_STATUS_STOLEN_FROM_BEARER,
            [pb.DOCUMENT_MATCH_KIND_EXACT],
        ),
        (
            "a 123 4567",
            "idn",
            pb.VERDICT_HIT,
            pb.DOCUMENT_STATUS_STOLEN_FROM_BEARER,
            [pb.DOCUMENT_MATCH_KIND_EXACT],
        ),
        (
            "A1234567",
            "MYS",
            pb.VERDICT_POSSIBLE_MATCH,
            pb.DOCUMENT_STATUS_NOT_LISTED,
            [pb.DOCUMENT_MATCH_KIND_OTHER_ISSUING_COUNTRY],
        ),
        (
            "SPECI2014",
            "NLD",
            pb.VERDICT_HIT,
            pb.DOCUMENT_STATUS_LOST,
            [pb.DOCUMENT_MATCH_KIND_EXACT],
        ),
        ("ZZ0000000", "NLD", pb.VERDICT_CLEAR, pb.DOCUMENT_STATUS_NOT_LISTED, []),
    ],
)
async def test_check_document(
    harness: Harness, number: str, country: str, verdict: int, status: int, kinds: list[int]
) -> None:
    reply = await harness.stub.CheckDocument(
        pb.CheckDocumentRequest(document_number=number, issuing_country=country)
    )
    assert reply.verdict == verdict
    assert reply.document_check.status == status
    assert [r.match_kind for r in reply.document_check.records] == kinds
    if kinds == [pb.DOCUMENT_MATCH_KIND_OTHER_ISSUING_COUNTRY]:
        assert reply.action.code == "document.other-issuing-country"


async def test_checks_without_a_cache(store_url: str, make_settings: SettingsFactory) -> None:
    """With the cache off, every check goes to the store, repeats included."""
    store = await open_store(store_url)
    await load_fixture_data(store)
    harness = await start_harness(
        store, make_settings(database_url=store_url, cache={"enabled": False})
    )
    try:
        assert harness.app.cache is None
        stolen = pb.CheckDocumentRequest(document_number="A1234567", issuing_country="IDN")
        unlisted = pb.CheckDocumentRequest(document_number="ZZ0000000", issuing_country="NLD")
        for _ in range(2):
            hit = await harness.stub.CheckDocument(stolen)
            assert hit.verdict == pb.VERDICT_HIT
            assert hit.document_check.status == pb.DOCUMENT_STATUS_STOLEN_FROM_BEARER
            clear = await harness.stub.CheckDocument(unlisted)
            assert clear.verdict == pb.VERDICT_CLEAR
            assert clear.provenance.source == pb.SOURCE_PRIMARY
            traveller = await harness.stub.CheckTraveler(
                pb.CheckTravelerRequest(
                    fields=pb.TravelerFields(
                        document_number="ZZ0000000", issuing_country="NLD", surname="JANSEN"
                    )
                )
            )
            assert traveller.verdict == pb.VERDICT_CLEAR
            assert traveller.provenance.source == pb.SOURCE_PRIMARY
    finally:
        await stop_harness(harness)


async def test_get_notice(harness: Harness) -> None:
    reply = await harness.stub.GetNotice(pb.GetNoticeRequest(notice_id="2024/1001"))
    assert reply.notice.names[0].surname == "AL-RASHID"
    assert reply.notice.names[1].kind == pb.NAME_KIND_ORIGINAL_SCRIPT
    assert reply.notice.charges == ["Armed robbery"]
    assert reply.action.code == "notice.red"
    cancelled = await harness.stub.GetNotice(pb.GetNoticeRequest(notice_id="2024/1003"))
    assert cancelled.notice.status == pb.NOTICE_STATUS_CANCELLED
    assert cancelled.action.code == "notice.cancelled"


async def test_unknown_notice_is_not_found(harness: Harness) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await harness.stub.GetNotice(pb.GetNoticeRequest(notice_id="2099/1"))
    assert caught.value.code() is grpc.StatusCode.NOT_FOUND
