"""Cached all-clears answered as pre-encoded bytes (traveller and document checks), and
requests remembered by their bytes.

The encoded answer must be the very bytes that the regular conversion gives for the
same answer (same check id and time), whatever the traveller, the tier and the data
state; the remembered request must never turn bad input into an answer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from cache.checker import CachedHit
from cache.entry import ClearEntry
from lookup_server.api import convert
from lookup_server.api.cached_answers import (
    CachedAnswers,
    EncodedAnswer,
    _timestamp_field,
    _varint,
)
from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.model import DataState, DocumentKey, PartialDate, Sex, Source, TravellerQuery
from tests.api.conftest import Harness
from tests.api.test_bad_input import GOOD_TD3, _violation

CHECK_METHOD = "/noticelookup.v1.NoticeLookup/CheckTraveler"
DOCUMENT_METHOD = "/noticelookup.v1.NoticeLookup/CheckDocument"
UNLISTED_DOCUMENT = pb.CheckDocumentRequest(
    issuing_country="NOR", document_number="ZQ4455667", document_type="P"
)
MRZ = pb.CheckTravelerRequest(mrz=pb.MachineReadableZone(lines=GOOD_TD3))
NAME_ONLY = pb.CheckTravelerRequest(
    fields=pb.TravelerFields(surname="LINDQVIST", given_names="ASTRID", nationality="SWE")
)


def _expected_bytes(harness: Harness, query: TravellerQuery, hit: CachedHit, raw: bytes) -> bytes:
    """What the regular conversion encodes for this hit, with the answer's own check id
    and time."""
    answer = pb.CheckTravelerResponse.FromString(raw)
    assert harness.app.cache is not None
    result = dataclasses.replace(harness.app.cache.answer(query, hit), check_id=answer.check_id)
    answered_at = answer.provenance.answered_at.ToDatetime(tzinfo=dt.UTC)
    return convert.check_traveler_response(result, answered_at).SerializeToString()


@pytest.mark.parametrize("request_message", [MRZ, NAME_ONLY], ids=["mrz", "name-only"])
async def test_cached_answer_is_the_regular_encoding(
    harness: Harness, request_message: pb.CheckTravelerRequest
) -> None:
    call = harness.channel.unary_unary(CHECK_METHOD)
    data = request_message.SerializeToString()
    first = pb.CheckTravelerResponse.FromString(await call(data, timeout=5))
    assert first.verdict == pb.VERDICT_CLEAR
    assert first.provenance.source == pb.SOURCE_PRIMARY
    raw = await call(data, timeout=5)
    second = pb.CheckTravelerResponse.FromString(raw)
    assert second.provenance.source == pb.SOURCE_CACHE_IN_PROCESS
    assert second.check_id != first.check_id
    assert second.traveler == first.traveler
    assert second.action == first.action
    assert second.HasField("document_check") == first.HasField("document_check")

    cache = harness.app.cache
    assert cache is not None
    query = convert.traveller_query_from_wire(data, today=dt.date.today())
    entry = cache.local.get(cache.sealer.key(query))
    assert entry is not None
    hit = CachedHit(entry, Source.CACHE_IN_PROCESS, entry.state)
    assert raw == _expected_bytes(harness, query, hit, raw)


QUERIES = {
    "document and name": TravellerQuery(
        document=DocumentKey("NOR", "X9876543"),
        document_type="P",
        surname="HANSEN",
        given_names="ERIK",
        date_of_birth=PartialDate(1980, 1, 2),
        sex=Sex.MALE,
        nationality="NOR",
    ),
    "name only": TravellerQuery(document=None, surname="LINDQVIST", given_names="ASTRID"),
}
ENTRIES = {
    "as of known": ClearEntry(
        7, dt.datetime(2026, 3, 1, 12, 0, 5, 250, dt.UTC), "postgresql", 4, False
    ),
    "as of unknown, truncated": ClearEntry(0, None, "sqlite", 0, True),
}


@pytest.mark.parametrize("query_name", QUERIES)
@pytest.mark.parametrize("entry_name", ENTRIES)
@pytest.mark.parametrize("source", [Source.CACHE_IN_PROCESS, Source.CACHE_REDIS])
@pytest.mark.parametrize(
    "answered_at",
    [
        dt.datetime(2026, 11, 29, 8, 0, 0, 123456, dt.UTC),
        dt.datetime(2026, 11, 29, 8, 0, tzinfo=dt.UTC),
    ],
    ids=["with-nanos", "whole-second"],
)
async def test_encoding_matches_for_every_kind_of_hit(
    harness: Harness, query_name: str, entry_name: str, source: Source, answered_at: dt.datetime
) -> None:
    query, entry = QUERIES[query_name], ENTRIES[entry_name]
    # The feed may vouch for an entry past its version: the answer then says so.
    for state in (
        entry.state,
        DataState(entry.version + 5, dt.datetime(2026, 11, 29, tzinfo=dt.UTC)),
    ):
        hit = CachedHit(entry, source, state)
        assert harness.app.cache is not None
        answers = CachedAnswers(harness.app.cache)
        encoded = answers.encode(query, hit, answered_at)
        assert isinstance(encoded, EncodedAnswer)
        again = answers.encode(query, hit, answered_at)  # from the remembered parts
        assert again.check_id != encoded.check_id
        result = dataclasses.replace(
            harness.app.cache.answer(query, hit), check_id=encoded.check_id
        )
        expected = convert.check_traveler_response(result, answered_at)
        assert encoded.data == expected.SerializeToString()
        assert encoded.verdict == pb.VERDICT_CLEAR
        assert encoded.source == convert.SOURCE_TO_PB[source]
        parsed = pb.CheckTravelerResponse.FromString(again.data)
        assert parsed.check_id == again.check_id
        assert parsed.provenance.data_version == state.version


async def test_cached_document_answer_is_the_regular_encoding(harness: Harness) -> None:
    call = harness.channel.unary_unary(DOCUMENT_METHOD)
    data = UNLISTED_DOCUMENT.SerializeToString()
    first = pb.CheckDocumentResponse.FromString(await call(data, timeout=5))
    assert first.verdict == pb.VERDICT_CLEAR
    assert first.provenance.source == pb.SOURCE_PRIMARY
    raw = await call(data, timeout=5)
    second = pb.CheckDocumentResponse.FromString(raw)
    assert second.provenance.source == pb.SOURCE_CACHE_IN_PROCESS
    assert second.check_id != first.check_id
    assert second.document_check == first.document_check
    assert second.action == first.action

    cache = harness.app.cache
    assert cache is not None
    query = convert.document_query_from_wire(data)
    assert query == TravellerQuery(document=DocumentKey("NOR", "ZQ4455667"), document_type="P")
    entry = cache.local.get(cache.sealer.key(query))
    assert entry is not None
    hit = CachedHit(entry, Source.CACHE_IN_PROCESS, entry.state)
    result = dataclasses.replace(cache.answer(query, hit), check_id=second.check_id)
    answered_at = second.provenance.answered_at.ToDatetime(tzinfo=dt.UTC)
    assert raw == convert.check_document_response(result, answered_at).SerializeToString()


@pytest.mark.parametrize("entry_name", ENTRIES)
@pytest.mark.parametrize("source", [Source.CACHE_IN_PROCESS, Source.CACHE_REDIS])
async def test_document_encoding_matches_for_every_kind_of_hit(
    harness: Harness, entry_name: str, source: Source
) -> None:
    query = TravellerQuery(document=DocumentKey("NOR", "X9876543"), document_type="P")
    entry = ENTRIES[entry_name]
    answered_at = dt.datetime(2026, 11, 29, 8, 0, 0, 123456, dt.UTC)
    assert harness.app.cache is not None
    answers = CachedAnswers(harness.app.cache)
    for state in (entry.state, DataState(entry.version + 5, None)):
        hit = CachedHit(entry, source, state)
        for encoded in (
            answers.encode_document(query, hit, answered_at),
            answers.encode_document(query, hit, answered_at),  # from the remembered parts
        ):
            result = dataclasses.replace(
                harness.app.cache.answer(query, hit), check_id=encoded.check_id
            )
            expected = convert.check_document_response(result, answered_at)
            assert encoded.data == expected.SerializeToString()
            assert encoded.source == convert.SOURCE_TO_PB[source]
        # The same query and hit answered as a traveller check is another message.
        traveller = answers.encode(query, hit, answered_at)
        parsed = pb.CheckTravelerResponse.FromString(traveller.data)
        assert parsed.traveler.document_number == "X9876543"


async def test_remembered_parts_are_bounded(harness: Harness) -> None:
    assert harness.app.cache is not None
    answers = CachedAnswers(harness.app.cache, max_remembered=2)
    entry = ENTRIES["as of known"]
    now = dt.datetime(2026, 11, 29, tzinfo=dt.UTC)
    hit = CachedHit(entry, Source.CACHE_REDIS, entry.state)
    queries = [TravellerQuery(document=None, surname=f"PERSON{n}") for n in range(5)]
    for n, query in enumerate(queries):
        encoded = answers.encode(query, hit, now)
        assert pb.CheckTravelerResponse.FromString(encoded.data).traveler.surname == f"PERSON{n}"
        assert len(answers._parts) <= 2
    # The oldest are forgotten first, not everything at once: the last two stay.
    assert [query for query, _ in answers._parts] == queries[3:]


@pytest.mark.parametrize(
    "value", [1, 127, 128, 300, 16_383, 16_384, 2**31 - 1, 2**35 + 17, 2**63 - 1]
)
def test_varint_is_protobufs(value: int) -> None:
    assert _varint(value) == Timestamp(seconds=value).SerializeToString()[1:]
    assert _varint(0) == b"\x00"  # (protobuf leaves a zero field out altogether)


def test_timestamp_field_is_protobufs() -> None:
    for moment in (
        dt.datetime(2026, 11, 29, 8, 0, 0, 1, dt.UTC),
        dt.datetime(2026, 11, 29, 8, 0, tzinfo=dt.UTC),
        dt.datetime(1970, 1, 1, 0, 0, 0, 5, dt.UTC),
        dt.datetime(1970, 1, 1, tzinfo=dt.UTC),
    ):
        expected = pb.Provenance(answered_at=convert._timestamp(moment)).SerializeToString()
        assert _timestamp_field(b"\x42", moment) == expected
    with pytest.raises(ValueError, match="before 1970"):
        _timestamp_field(b"\x42", dt.datetime(1969, 12, 31, tzinfo=dt.UTC))


# ------------------------------------------------------------------ remembered requests


async def test_undecodable_request_is_invalid_argument(harness: Harness) -> None:
    call = harness.channel.unary_unary(CHECK_METHOD)
    for _ in range(2):  # and the second time too: errors are not remembered
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await call(b"\x0a\xff\xff\xff\xff\x0f", timeout=5)
        assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
        assert _violation(caught.value).field == "request"


async def test_bad_request_stays_bad_when_repeated(harness: Harness) -> None:
    bad = pb.CheckTravelerRequest(mrz=pb.MachineReadableZone(lines=["P<NOR", "X"]))
    call = harness.channel.unary_unary(CHECK_METHOD)
    for _ in range(3):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await call(bad.SerializeToString(), timeout=5)
        assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT


async def test_large_request_is_answered_and_not_remembered(harness: Harness) -> None:
    # A valid request padded with an unknown field (as from a newer client) to 2 KiB.
    padding = b"\x7a" + _varint(2000) + bytes(2000)  # field 15, length-delimited
    data = MRZ.SerializeToString() + padding
    assert len(data) > convert.MAX_REMEMBERED_REQUEST_BYTES
    call = harness.channel.unary_unary(CHECK_METHOD)
    before = convert._remembered_query.cache_info().currsize
    answers = [pb.CheckTravelerResponse.FromString(await call(data, timeout=5)) for _ in range(2)]
    assert [a.verdict for a in answers] == [pb.VERDICT_CLEAR, pb.VERDICT_CLEAR]
    assert answers[1].provenance.source == pb.SOURCE_CACHE_IN_PROCESS  # same traveller
    assert convert._remembered_query.cache_info().currsize == before


async def test_undecodable_document_request_is_invalid_argument(harness: Harness) -> None:
    call = harness.channel.unary_unary(DOCUMENT_METHOD)
    for _ in range(2):  # and the second time too: errors are not remembered
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await call(b"\x0a\xff\xff\xff\xff\x0f", timeout=5)
        assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
        assert _violation(caught.value).field == "request"


async def test_bad_document_request_stays_bad_when_repeated(harness: Harness) -> None:
    bad = pb.CheckDocumentRequest(issuing_country="", document_number="ZQ4455667")
    call = harness.channel.unary_unary(DOCUMENT_METHOD)
    for _ in range(3):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await call(bad.SerializeToString(), timeout=5)
        assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
        assert _violation(caught.value).field == "issuing_country"
