"""Bad input for every RPC field: INVALID_ARGUMENT naming the field, never a crash."""

from __future__ import annotations

import grpc
import pytest
from google.rpc import error_details_pb2, status_pb2

from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.model import PartialDate, Sex
from lookup_server.mrz import format_td3
from tests.api.conftest import Harness

GOOD_TD3 = list(
    format_td3(
        issuing_state="NOR",
        surname="HANSEN",
        given_names="ERIK",
        document_number="X9876543",
        nationality="NOR",
        date_of_birth=PartialDate(1980, 1, 2),
        sex=Sex.MALE,
        date_of_expiry=PartialDate(2031, 1, 1),
    )
)


def _corrupt(lines: list[str], line: int, position: int, char: str) -> list[str]:
    out = list(lines)
    text = out[line]
    out[line] = text[:position] + char + text[position + 1 :]
    return out


def _violation(error: grpc.aio.AioRpcError) -> error_details_pb2.BadRequest.FieldViolation:
    raw = dict(error.trailing_metadata() or ())["grpc-status-details-bin"]
    status = status_pb2.Status.FromString(raw)  # type: ignore[arg-type]
    bad = error_details_pb2.BadRequest()
    assert status.details[0].Unpack(bad)
    return bad.field_violations[0]


async def _expect_invalid(call: object, request: object, field: str, text: str = "") -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call(request)  # type: ignore[operator]
    error = caught.value
    assert error.code() is grpc.StatusCode.INVALID_ARGUMENT, error.details()
    violation = _violation(error)
    assert violation.field == field, (violation.field, violation.description)
    if text:
        assert text in violation.description


_date_of_birth_digit = GOOD_TD3[1][19]
_wrong_digit = "0" if _date_of_birth_digit != "0" else "1"


@pytest.mark.parametrize(
    ("lines", "field", "text"),
    [
        (_corrupt(GOOD_TD3, 1, 19, _wrong_digit), "mrz.lines[1]", "date_of_birth"),
        (_corrupt(GOOD_TD3, 1, 9, "<"), "mrz.lines[1]", "document_number"),
        (
            _corrupt(GOOD_TD3, 1, 27, _wrong_digit if GOOD_TD3[1][27] != _wrong_digit else "9"),
            "mrz.lines[1]",
            "date_of_expiry",
        ),
        (
            _corrupt(GOOD_TD3, 1, 43, "0" if GOOD_TD3[1][43] != "0" else "1"),
            "mrz.lines[1]",
            "composite",
        ),
        (_corrupt(GOOD_TD3, 0, 10, "#"), "mrz.lines[0]", "position 11"),
        ([GOOD_TD3[0]], "mrz.lines", ""),
        ([GOOD_TD3[0], GOOD_TD3[1][:40]], "mrz.lines[1]", "40 characters"),
        ([GOOD_TD3[0], GOOD_TD3[1], GOOD_TD3[1], GOOD_TD3[1]], "mrz.lines", ""),
        ([], "mrz.lines", ""),
    ],
)
async def test_bad_mrz(harness: Harness, lines: list[str], field: str, text: str) -> None:
    request = pb.CheckTravelerRequest(mrz=pb.MachineReadableZone(lines=lines))
    await _expect_invalid(harness.stub.CheckTraveler, request, field, text)


def _fields(**overrides: object) -> pb.CheckTravelerRequest:
    values: dict[str, object] = {
        "document_number": "X9876543",
        "issuing_country": "NOR",
        "surname": "HANSEN",
        "given_names": "ERIK",
        "date_of_birth": pb.PartialDate(year=1980, month=1, day=2),
        "sex": pb.SEX_MALE,
        "nationality": "NOR",
    }
    values.update(overrides)
    return pb.CheckTravelerRequest(fields=pb.TravelerFields(**values))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"issuing_country": ""}, "fields.issuing_country"),
        ({"issuing_country": "ZZZ"}, "fields.issuing_country"),
        ({"document_number": "AB#12"}, "fields.document_number"),
        ({"document_number": "A" * 40}, "fields.document_number"),
        ({"surname": "", "given_names": ""}, "fields.surname"),
        ({"surname": "HAN\x00SEN"}, "fields.surname"),
        ({"given_names": "E" * 201}, "fields.given_names"),
        (
            {"date_of_birth": pb.PartialDate(year=1980, month=13, day=1)},
            "fields.date_of_birth.month",
        ),
        ({"date_of_birth": pb.PartialDate(year=1980, month=2, day=30)}, "fields.date_of_birth.day"),
        ({"date_of_birth": pb.PartialDate(year=1980, month=1, day=32)}, "fields.date_of_birth.day"),
        ({"date_of_birth": pb.PartialDate(year=10000)}, "fields.date_of_birth.year"),
        ({"date_of_birth": pb.PartialDate(year=2999, month=1, day=1)}, "fields.date_of_birth"),
        (
            {"date_of_expiry": pb.PartialDate(year=2030, month=0, day=-1)},
            "fields.date_of_expiry.day",
        ),
        ({"sex": 7}, "fields.sex"),
        ({"nationality": "XX1"}, "fields.nationality"),
        ({"document_type": "P1"}, "fields.document_type"),
    ],
)
async def test_bad_fields(harness: Harness, overrides: dict[str, object], field: str) -> None:
    await _expect_invalid(harness.stub.CheckTraveler, _fields(**overrides), field)


async def test_empty_traveler_request(harness: Harness) -> None:
    await _expect_invalid(harness.stub.CheckTraveler, pb.CheckTravelerRequest(), "traveler")


@pytest.mark.parametrize(
    ("number", "country", "document_type", "field"),
    [
        ("", "IDN", "", "document_number"),
        ("   ", "IDN", "", "document_number"),
        ("A1234567", "", "", "issuing_country"),
        ("A1234567", "Indonesia", "", "issuing_country"),
        ("A12$4567", "IDN", "", "document_number"),
        ("A1234567", "IDN", "PASSPORT", "document_type"),
    ],
)
async def test_bad_document_request(
    harness: Harness, number: str, country: str, document_type: str, field: str
) -> None:
    request = pb.CheckDocumentRequest(
        document_number=number, issuing_country=country, document_type=document_type
    )
    await _expect_invalid(harness.stub.CheckDocument, request, field)


@pytest.mark.parametrize(
    "notice_id", ["", "   ", "a" * 65, "2024/1001; DROP TABLE notices", "../etc"]
)
async def test_bad_notice_id(harness: Harness, notice_id: str) -> None:
    await _expect_invalid(
        harness.stub.GetNotice, pb.GetNoticeRequest(notice_id=notice_id), "notice_id"
    )


async def test_oversized_request_is_refused_before_parsing(harness: Harness) -> None:
    request = _fields(surname="X" * 100_000)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await harness.stub.CheckTraveler(request)
    assert caught.value.code() is grpc.StatusCode.RESOURCE_EXHAUSTED


async def test_server_still_answers_after_bad_input(harness: Harness) -> None:
    for _ in range(3):
        with pytest.raises(grpc.aio.AioRpcError):
            await harness.stub.CheckTraveler(pb.CheckTravelerRequest())
    reply = await harness.stub.CheckTraveler(
        pb.CheckTravelerRequest(mrz=pb.MachineReadableZone(lines=GOOD_TD3))
    )
    assert reply.verdict == pb.VERDICT_CLEAR
