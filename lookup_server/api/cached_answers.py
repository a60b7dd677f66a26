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

This is the protobuf encoding that :func:`~lookup_server.api.convert.check_traveler_response`
produces for the same answer, field for field and in the same order (tests compare the
bytes), so a terminal cannot tell the two paths apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cache.checker import CachedChecker, CachedHit
from lookup_server.api import convert
from lookup_server.checker import new_check_id
from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.model import TravellerQuery

#: Encoded answers remembered; beyond this many the memo starts again (a booth's
#: repeats come within minutes, so only recent travellers matter).
MAX_REMEMBERED = 16_384

_PROVENANCE_TAG = b"\x2a"  # field 5, length-delimited
_ANSWERED_AT_TAG = b"\x42"  # Provenance field 8, length-delimited
_CHECK_ID_TAG = b"\x3a"  # field 7, length-delimited
_VERDICT_CLEAR = pb.VERDICT_CLEAR


@dataclass(frozen=True, slots=True)
class EncodedAnswer:
    """A CheckTravelerResponse already serialised, with what telemetry reads of it."""

    data: bytes
    verdict: int
    source: int
    check_id: str


def serialize_response(response: pb.CheckTravelerResponse | EncodedAnswer) -> bytes:
    """grpc's response serialiser for CheckTraveler: encoded answers pass through."""
    if isinstance(response, EncodedAnswer):
        return response.data
    return response.SerializeToString()


@dataclass(frozen=True, slots=True)
class _Parts:
    head: bytes
    provenance: bytes
    tail: bytes
    source: int


class CachedAnswers:
    """Encodes :class:`~cache.checker.CachedHit` answers for one cached checker."""

    def __init__(self, checker: CachedChecker, max_remembered: int = MAX_REMEMBERED) -> None:
        self.checker = checker
        self._max = max_remembered
        self._parts: dict[tuple[TravellerQuery, CachedHit], _Parts] = {}

    def encode(
        self, query: TravellerQuery, hit: CachedHit, answered_at: dt.datetime
    ) -> EncodedAnswer:
        parts = self._parts.get((query, hit))
        if parts is None:
            parts = self._encode_parts(query, hit)
        check_id = new_check_id()
        provenance = parts.provenance + _timestamp_field(_ANSWERED_AT_TAG, answered_at)
        data = b"".join(
            (
                parts.head,
                _PROVENANCE_TAG,
                _varint(len(provenance)),
                provenance,
                parts.tail,
                _CHECK_ID_TAG,
                _varint(len(check_id)),
                check_id.encode("ascii"),
            )
        )
        return EncodedAnswer(data, _VERDICT_CLEAR, parts.source, check_id)

    def _encode_parts(self, query: TravellerQuery, hit: CachedHit) -> _Parts:
        # Built by the same conversion as every other answer, then split by field.
        epoch = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)  # answered_at is each hit's own
        response = convert.check_traveler_response(self.checker.answer(query, hit), epoch)
        provenance = pb.Provenance()
        provenance.CopyFrom(response.provenance)
        provenance.ClearField("answered_at")
        tail = pb.CheckTravelerResponse(traveler=response.traveler).SerializeToString()
        for field in ("provenance", "traveler", "check_id"):
            response.ClearField(field)
        parts = _Parts(
            head=response.SerializeToString(),
            provenance=provenance.SerializeToString(),
            tail=tail,
            source=provenance.source,
        )
        if len(self._parts) >= self._max:
            self._parts.clear()
        self._parts[query, hit] = parts
        return parts


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
