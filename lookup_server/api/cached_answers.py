"""Cached all-clears written straight to response bytes.

A cache hit is most of a border's traffic, and on that path building the response
message (provenance, traveller, action, document part) cost more CPU than finding the
entry. Yet two hits for the same traveller from the same entry differ only in when
they were answered and in their check id. So the response is encoded once per
(traveller, entry, tier, data state) into three byte strings, and each hit joins them
with the two fields of its own:

    CheckTravelerResponse = head (fields 1-4: verdict, document check, action)
                          + provenance (field 5: static part + answered_at)
                          + traveller (field 6)
                          + check_id (field 7)

    CheckDocumentResponse = head (fields 1-3: verdict, document check, action)
                          + provenance (field 4: static part + answered_at)
                          + check_id (field 5)

This is the protobuf encoding that :func:`~lookup_server.api.convert.check_traveler_response`
and :func:`~lookup_server.api.convert.check_document_response` produce for the same
answer, field for field and in the same order (tests compare the bytes), so a terminal
cannot tell the two paths apart.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass

from cache.checker import CachedChecker, CachedHit
from lookup_server.api import convert
from lookup_server.checker import new_check_id
from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.model import TravellerQuery

#: Encoded answers remembered; beyond this many the oldest are forgotten first (a
#: booth's repeats come within minutes, so only recent travellers matter).
MAX_REMEMBERED = 16_384

_PROVENANCE_TAG = b"\x2a"  # field 5, length-delimited
_ANSWERED_AT_TAG = b"\x42"  # Provenance field 8, length-delimited
_CHECK_ID_TAG = b"\x3a"  # field 7, length-delimited
_DOCUMENT_PROVENANCE_TAG = b"\x22"  # CheckDocumentResponse field 4
_DOCUMENT_CHECK_ID_TAG = b"\x2a"  # CheckDocumentResponse field 5
_VERDICT_CLEAR = pb.VERDICT_CLEAR


@dataclass(frozen=True, slots=True)
class EncodedAnswer:
    """A CheckTravelerResponse or CheckDocumentResponse already serialised, with what
    telemetry reads of it."""

    data: bytes
    verdict: int
    source: int
    check_id: str


def serialize_response(
    response: pb.CheckTravelerResponse | pb.CheckDocumentResponse | EncodedAnswer,
) -> bytes:
    """grpc's response serialiser for CheckTraveler and CheckDocument: encoded answers
    pass through."""
    if isinstance(response, EncodedAnswer):
        return response.data
    return response.SerializeToString()


@dataclass(frozen=True, slots=True)
class _Parts:
    head: bytes
    provenance: bytes
    tail: bytes
    source: int


_Memo = OrderedDict[tuple[TravellerQuery, CachedHit], _Parts]


class CachedAnswers:
    """Encodes :class:`~cache.checker.CachedHit` answers for one cached checker."""

    def __init__(self, checker: CachedChecker, max_remembered: int = MAX_REMEMBERED) -> None:
        self.checker = checker
        self._max = max_remembered
        self._parts: _Memo = OrderedDict()
        self._document_parts: _Memo = OrderedDict()

    def encode(
        self, query: TravellerQuery, hit: CachedHit, answered_at: dt.datetime
    ) -> EncodedAnswer:
        """A CheckTravelerResponse."""
        parts = self._parts.get((query, hit))
        if parts is None:
            parts = self._remember(self._parts, query, hit, self._traveller_parts(query, hit))
        return _joined(parts, _PROVENANCE_TAG, answered_at, _CHECK_ID_TAG)

    def encode_document(
        self, query: TravellerQuery, hit: CachedHit, answered_at: dt.datetime
    ) -> EncodedAnswer:
        """A CheckDocumentResponse (``query``: a document check's, see
        :func:`~lookup_server.api.convert.document_query_from_wire`)."""
        parts = self._document_parts.get((query, hit))
        if parts is None:
            parts = self._remember(
                self._document_parts, query, hit, self._document_check_parts(query, hit)
            )
        return _joined(parts, _DOCUMENT_PROVENANCE_TAG, answered_at, _DOCUMENT_CHECK_ID_TAG)

    # Built by the same conversion as every other answer, then split by field; the
    # epoch stands for answered_at, which is each hit's own.

    def _traveller_parts(self, query: TravellerQuery, hit: CachedHit) -> _Parts:
        response = convert.check_traveler_response(self.checker.answer(query, hit), _EPOCH)
        tail = pb.CheckTravelerResponse(traveler=response.traveler).SerializeToString()
        response.ClearField("traveler")
        return _split(response, tail)

    def _document_check_parts(self, query: TravellerQuery, hit: CachedHit) -> _Parts:
        response = convert.check_document_response(self.checker.answer(query, hit), _EPOCH)
        return _split(response, b"")

    def _remember(
        self,
        memo: _Memo,
        query: TravellerQuery,
        hit: CachedHit,
        parts: _Parts,
    ) -> _Parts:
        if len(memo) >= self._max:
            memo.popitem(last=False)
        memo[query, hit] = parts
        return parts


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _split(response: pb.CheckTravelerResponse | pb.CheckDocumentResponse, tail: bytes) -> _Parts:
    """``response`` (its per-hit parts not yet taken out) split around provenance."""
    provenance = pb.Provenance()
    provenance.CopyFrom(response.provenance)
    provenance.ClearField("answered_at")
    response.ClearField("provenance")
    response.ClearField("check_id")
    return _Parts(
        head=response.SerializeToString(),
        provenance=provenance.SerializeToString(),
        tail=tail,
        source=provenance.source,
    )


def _joined(
    parts: _Parts, provenance_tag: bytes, answered_at: dt.datetime, check_id_tag: bytes
) -> EncodedAnswer:
    check_id = new_check_id()
    provenance = parts.provenance + _timestamp_field(_ANSWERED_AT_TAG, answered_at)
    data = b"".join(
        (
            parts.head,
            provenance_tag,
            _varint(len(provenance)),
            provenance,
            parts.tail,
            check_id_tag,
            _varint(len(check_id)),
            check_id.encode("ascii"),
        )
    )
    return EncodedAnswer(data, _VERDICT_CLEAR, parts.source, check_id)


def _varint(value: int) -> bytes:
    if value < 0x80:
        return bytes((value,))
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _timestamp_field(tag: bytes, moment: dt.datetime) -> bytes:
    """A google.protobuf.Timestamp field (zero members left out, as protobuf does)."""
    seconds, nanos = convert.epoch_seconds_nanos(moment)
    if seconds < 0:
        raise ValueError(f"{moment} is before 1970")
    body = (b"\x08" + _varint(seconds) if seconds else b"") + (
        b"\x10" + _varint(nanos) if nanos else b""
    )
    return tag + _varint(len(body)) + body
