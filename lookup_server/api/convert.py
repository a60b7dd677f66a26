"""Protobuf <-> domain conversion, with validation of every request field.

Requests are validated here, before anything else sees them: each problem raises
:class:`~lookup_server.errors.InvalidInput` naming the request field by its path
(``fields.date_of_birth.month``, ``mrz.lines[1]``), which the status mapping turns into
``INVALID_ARGUMENT`` with a ``google.rpc.BadRequest`` field violation.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

from google.protobuf.duration_pb2 import Duration
from google.protobuf.message import DecodeError
from google.protobuf.timestamp_pb2 import Timestamp

from lookup_server.checker import NoticeAnswer
from lookup_server.countries import normalize_country
from lookup_server.documents import normalize_document_number
from lookup_server.errors import InvalidInput
from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.model import (
    Action,
    Agreement,
    CheckResult,
    DocumentCheck,
    DocumentKey,
    DocumentMatchKind,
    DocumentStatus,
    MrzFormat,
    NameKind,
    Notice,
    NoticeMatch,
    NoticeStatus,
    NoticeType,
    PartialDate,
    Priority,
    Provenance,
    Sex,
    Source,
    TravellerQuery,
    Verdict,
)
from lookup_server.mrz import parse_mrz

MAX_NAME_LENGTH = 200
MAX_NOTICE_ID_LENGTH = 64
MAX_MRZ_LINES = 3
#: Requests up to this size are remembered once parsed (a real one is 100-300 bytes);
#: larger ones, which no terminal sends, are parsed every time, so that the memory the
#: memo holds stays small whatever a client sends.
MAX_REMEMBERED_REQUEST_BYTES = 1024
_DOCUMENT_TYPE = re.compile(r"[A-Z][A-Z<]?")
_NOTICE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9/_.:-]*")

VERDICT_TO_PB = {
    Verdict.CLEAR: pb.VERDICT_CLEAR,
    Verdict.POSSIBLE_MATCH: pb.VERDICT_POSSIBLE_MATCH,
    Verdict.HIT: pb.VERDICT_HIT,
}
SEX_TO_PB = {Sex.FEMALE: pb.SEX_FEMALE, Sex.MALE: pb.SEX_MALE, Sex.UNSPECIFIED: pb.SEX_UNSPECIFIED}
SEX_FROM_PB = {v: k for k, v in SEX_TO_PB.items()}
DOCUMENT_STATUS_TO_PB = {
    DocumentStatus.STOLEN_BLANK: pb.DOCUMENT_STATUS_STOLEN_BLANK,
    DocumentStatus.STOLEN_FROM_BEARER: pb.DOCUMENT_STATUS_STOLEN_FROM_BEARER,
    DocumentStatus.LOST: pb.DOCUMENT_STATUS_LOST,
    DocumentStatus.REVOKED: pb.DOCUMENT_STATUS_REVOKED,
    DocumentStatus.INVALIDATED: pb.DOCUMENT_STATUS_INVALIDATED,
    # Never reported (cancelled records are filtered out); mapped for completeness.
    DocumentStatus.CANCELLED: pb.DOCUMENT_STATUS_NOT_LISTED,
}
MATCH_KIND_TO_PB = {
    DocumentMatchKind.EXACT: pb.DOCUMENT_MATCH_KIND_EXACT,
    DocumentMatchKind.OTHER_ISSUING_COUNTRY: pb.DOCUMENT_MATCH_KIND_OTHER_ISSUING_COUNTRY,
}
NOTICE_TYPE_TO_PB = {
    NoticeType.RED: pb.NOTICE_TYPE_RED,
    NoticeType.YELLOW: pb.NOTICE_TYPE_YELLOW,
    NoticeType.BLUE: pb.NOTICE_TYPE_BLUE,
    NoticeType.BLACK: pb.NOTICE_TYPE_BLACK,
    NoticeType.GREEN: pb.NOTICE_TYPE_GREEN,
    NoticeType.ORANGE: pb.NOTICE_TYPE_ORANGE,
    NoticeType.PURPLE: pb.NOTICE_TYPE_PURPLE,
    NoticeType.UN_SPECIAL: pb.NOTICE_TYPE_UN_SPECIAL,
    NoticeType.DIFFUSION: pb.NOTICE_TYPE_DIFFUSION,
}
NOTICE_STATUS_TO_PB = {
    NoticeStatus.ACTIVE: pb.NOTICE_STATUS_ACTIVE,
    NoticeStatus.CANCELLED: pb.NOTICE_STATUS_CANCELLED,
}
NAME_KIND_TO_PB = {
    NameKind.PRIMARY: pb.NAME_KIND_PRIMARY,
    NameKind.ALIAS: pb.NAME_KIND_ALIAS,
    NameKind.ORIGINAL_SCRIPT: pb.NAME_KIND_ORIGINAL_SCRIPT,
    NameKind.BIRTH_NAME: pb.NAME_KIND_BIRTH_NAME,
}
AGREEMENT_TO_PB = {
    Agreement.MATCH: pb.AGREEMENT_MATCH,
    Agreement.PARTIAL: pb.AGREEMENT_PARTIAL,
    Agreement.MISMATCH: pb.AGREEMENT_MISMATCH,
    Agreement.UNKNOWN: pb.AGREEMENT_UNKNOWN,
}
PRIORITY_TO_PB = {
    Priority.ROUTINE: pb.PRIORITY_ROUTINE,
    Priority.ELEVATED: pb.PRIORITY_ELEVATED,
    Priority.URGENT: pb.PRIORITY_URGENT,
    Priority.CRITICAL: pb.PRIORITY_CRITICAL,
}
SOURCE_TO_PB = {
    Source.PRIMARY: pb.SOURCE_PRIMARY,
    Source.REPLICA: pb.SOURCE_REPLICA,
    Source.LOCAL_COPY: pb.SOURCE_LOCAL_COPY,
    Source.CACHE_IN_PROCESS: pb.SOURCE_CACHE_IN_PROCESS,
    Source.CACHE_REDIS: pb.SOURCE_CACHE_REDIS,
}
MRZ_FORMAT_TO_PB = {
    MrzFormat.TD1: pb.MRZ_FORMAT_TD1,
    MrzFormat.TD2: pb.MRZ_FORMAT_TD2,
    MrzFormat.TD3: pb.MRZ_FORMAT_TD3,
    MrzFormat.MRVA: pb.MRZ_FORMAT_MRV_A,
    MrzFormat.MRVB: pb.MRZ_FORMAT_MRV_B,
}


# ---------------------------------------------------------------------------- requests


def _country(value: str, field: str, *, required: bool) -> str:
    if not value.strip():
        if required:
            raise InvalidInput(field, "is required", reason="REQUIRED")
        return ""
    try:
        return normalize_country(value)
    except ValueError as exc:
        raise InvalidInput(
            field, f"{exc}; expected an ICAO three-letter code such as IDN"
        ) from None


def _document_number(value: str, field: str) -> str:
    try:
        return normalize_document_number(value)
    except ValueError as exc:
        reason = "REQUIRED" if not value.strip() else "INVALID"
        raise InvalidInput(field, str(exc), reason=reason) from None


def _document_type(value: str, field: str) -> str:
    text = value.strip().upper()
    if text and not _DOCUMENT_TYPE.fullmatch(text):
        raise InvalidInput(field, f"{value!r} is not an ICAO document code (e.g. P, PM, I, ID)")
    return text.rstrip("<")


def _name(value: str, field: str) -> str:
    if len(value) > MAX_NAME_LENGTH:
        raise InvalidInput(field, f"is {len(value)} characters long, at most {MAX_NAME_LENGTH}")
    for char in value:
        if unicodedata.category(char)[0] == "C":
            raise InvalidInput(field, f"contains a control character (U+{ord(char):04X})")
    return " ".join(value.split())


def partial_date_from_pb(
    value: pb.PartialDate, field: str, *, not_after: dt.date | None
) -> PartialDate:
    year, month, day = value.year, value.month, value.day
    if year and not 1 <= year <= 9999:
        raise InvalidInput(f"{field}.year", f"{year} is not a year (use 0 when unknown)")
    if month and not 1 <= month <= 12:
        raise InvalidInput(f"{field}.month", f"{month} is not a month (use 0 when unknown)")
    if day and not 1 <= day <= 31:
        raise InvalidInput(f"{field}.day", f"{day} is not a day of the month (use 0 when unknown)")
    try:
        date = PartialDate(year or None, month or None, day or None)
    except ValueError:
        raise InvalidInput(
            f"{field}.day", f"{year:04d}-{month:02d}-{day:02d} is not a calendar date"
        ) from None
    if not_after is not None and date.year is not None:
        latest = not_after.year
        if date.year > latest or (
            date.is_complete and dt.date(date.year, date.month or 1, date.day or 1) > not_after
        ):
            raise InvalidInput(field, f"{date} is in the future")
    return date


def _sex(value: int, field: str) -> Sex:
    try:
        return SEX_FROM_PB[pb.Sex.ValueType(value)]
    except KeyError:
        raise InvalidInput(field, f"unknown sex value {value}") from None


def traveller_from_fields(fields: pb.TravelerFields, *, today: dt.date) -> TravellerQuery:
    prefix = "fields"
    document: DocumentKey | None = None
    if fields.document_number.strip():
        document = DocumentKey(
            _country(fields.issuing_country, f"{prefix}.issuing_country", required=True),
            _document_number(fields.document_number, f"{prefix}.document_number"),
        )
    elif fields.issuing_country.strip():
        _country(fields.issuing_country, f"{prefix}.issuing_country", required=False)
    surname = _name(fields.surname, f"{prefix}.surname")
    given = _name(fields.given_names, f"{prefix}.given_names")
    query = TravellerQuery(
        document=document,
        surname=surname,
        given_names=given,
        date_of_birth=partial_date_from_pb(
            fields.date_of_birth, f"{prefix}.date_of_birth", not_after=today
        ),
        sex=_sex(fields.sex, f"{prefix}.sex"),
        nationality=_country(fields.nationality, f"{prefix}.nationality", required=False),
        document_type=_document_type(fields.document_type, f"{prefix}.document_type"),
        date_of_expiry=partial_date_from_pb(
            fields.date_of_expiry, f"{prefix}.date_of_expiry", not_after=None
        ),
    )
    if not query.has_name:
        raise InvalidInput(
            f"{prefix}.surname",
            "a traveller check needs a name (surname, given names or both); "
            "use CheckDocument for a document alone",
            reason="REQUIRED",
        )
    return query


@functools.lru_cache(maxsize=32_768)
def _query_from_mrz(lines: tuple[str, ...], today: dt.date) -> TravellerQuery:
    """Parsed and verified MRZ, remembered: the same passport is read again and again
    (check-in, booth, gate), and parsing is half the work of a cached all-clear. Errors
    are not remembered (each bad zone is parsed again and reported again)."""
    return parse_mrz(lines, today=today, field_prefix="mrz.lines").to_query()


def traveller_query_from_wire(data: bytes, *, today: dt.date) -> TravellerQuery:
    """The traveller in a serialised CheckTravelerRequest, parsed and validated.

    Remembered per request bytes and day: a terminal sends the same bytes each time it
    reads the same passport (check-in, booth, gate), and parsing the message and the
    MRZ was a third of the work of a cached all-clear. Errors are not remembered."""
    if len(data) <= MAX_REMEMBERED_REQUEST_BYTES:
        return _remembered_query(data, today)
    return _query_from_wire(data, today)


@functools.lru_cache(maxsize=16_384)
def _remembered_query(data: bytes, today: dt.date) -> TravellerQuery:
    return _query_from_wire(data, today)


def _query_from_wire(data: bytes, today: dt.date) -> TravellerQuery:
    try:
        request = pb.CheckTravelerRequest.FromString(data)
    except DecodeError as exc:
        raise InvalidInput("request", "is not a CheckTravelerRequest message") from exc
    return traveller_query(request, today=today)


def traveller_query(request: pb.CheckTravelerRequest, *, today: dt.date) -> TravellerQuery:
    which = request.WhichOneof("traveler")
    if which == "mrz":
        lines = list(request.mrz.lines)
        if len(lines) > MAX_MRZ_LINES:
            raise InvalidInput("mrz.lines", f"{len(lines)} lines given, an MRZ has 2 or 3")
        return _query_from_mrz(tuple(lines), today)
    if which == "fields":
        return traveller_from_fields(request.fields, today=today)
    raise InvalidInput("traveler", "set either mrz or fields", reason="REQUIRED")


def document_query_from_wire(data: bytes) -> TravellerQuery:
    """The document of a serialised CheckDocumentRequest, parsed and validated, as the
    query a document check is (no name). Remembered per request bytes, as traveller
    requests are (:func:`traveller_query_from_wire`); errors are not remembered."""
    if len(data) <= MAX_REMEMBERED_REQUEST_BYTES:
        return _remembered_document(data)
    return _document_from_wire(data)


@functools.lru_cache(maxsize=16_384)
def _remembered_document(data: bytes) -> TravellerQuery:
    return _document_from_wire(data)


def _document_from_wire(data: bytes) -> TravellerQuery:
    try:
        request = pb.CheckDocumentRequest.FromString(data)
    except DecodeError as exc:
        raise InvalidInput("request", "is not a CheckDocumentRequest message") from exc
    key, document_type = document_key(request)
    return TravellerQuery(document=key, document_type=document_type)


def document_key(request: pb.CheckDocumentRequest) -> tuple[DocumentKey, str]:
    key = DocumentKey(
        _country(request.issuing_country, "issuing_country", required=True),
        _document_number(request.document_number, "document_number"),
    )
    return key, _document_type(request.document_type, "document_type")


def notice_id(request: pb.GetNoticeRequest) -> str:
    value = request.notice_id.strip()
    if not value:
        raise InvalidInput("notice_id", "is required", reason="REQUIRED")
    if len(value) > MAX_NOTICE_ID_LENGTH or not _NOTICE_ID.fullmatch(value):
        raise InvalidInput("notice_id", f"{value[:80]!r} is not a notice id (e.g. 2021/75051)")
    return value


# ---------------------------------------------------------------------------- responses


def partial_date_to_pb(date: PartialDate | dt.date | None) -> pb.PartialDate:
    if date is None:
        return pb.PartialDate()
    if isinstance(date, dt.date):
        return pb.PartialDate(year=date.year, month=date.month, day=date.day)
    return pb.PartialDate(year=date.year or 0, month=date.month or 0, day=date.day or 0)


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def epoch_seconds_nanos(value: dt.datetime) -> tuple[int, int]:
    """A moment as a Timestamp's seconds and nanos (naive: UTC). Integer arithmetic:
    Timestamp.FromDatetime is pure Python and several times slower."""
    delta = (value if value.tzinfo else value.replace(tzinfo=dt.UTC)) - _EPOCH
    return delta.days * 86_400 + delta.seconds, delta.microseconds * 1000


def _timestamp(value: dt.datetime) -> Timestamp:
    seconds, nanos = epoch_seconds_nanos(value)
    return Timestamp(seconds=seconds, nanos=nanos)


@functools.lru_cache(maxsize=1024)
def action_to_pb(action: Action) -> pb.Action:
    """The message of an action; remembered (a few dozen actions exist). Messages are
    copied where they are placed in a response, so the cached one is never changed."""
    return pb.Action(
        code=action.code,
        title=action.title,
        priority=PRIORITY_TO_PB[action.priority],
        steps=list(action.steps),
        do_not_alert_traveler=action.do_not_alert_traveller,
        contact=action.contact,
    )


def provenance_to_pb(provenance: Provenance, answered_at: dt.datetime) -> pb.Provenance:
    message = pb.Provenance(
        source=SOURCE_TO_PB[provenance.source],
        backend=provenance.backend,
        data_version=provenance.state.version,
        degraded=provenance.degraded,
        degraded_reason=provenance.degraded_reason,
        answered_at=_timestamp(answered_at),
    )
    if provenance.state.as_of is not None:
        message.data_as_of.CopyFrom(_timestamp(provenance.state.as_of))
    if provenance.replica_lag_s is not None:
        lag = Duration()
        lag.FromNanoseconds(int(provenance.replica_lag_s * 1e9))
        message.replica_lag.CopyFrom(lag)
    return message


def notice_to_pb(notice: Notice) -> pb.Notice:
    message = pb.Notice(
        notice_id=notice.notice_id,
        type=NOTICE_TYPE_TO_PB[notice.type],
        status=NOTICE_STATUS_TO_PB[notice.status],
        names=[
            pb.PersonName(
                surname=n.surname,
                given_names=n.given_names,
                kind=NAME_KIND_TO_PB[n.kind],
                script=n.script,
            )
            for n in notice.names
        ],
        dates_of_birth=[partial_date_to_pb(d) for d in notice.dates_of_birth],
        sex=SEX_TO_PB[notice.sex],
        nationalities=list(notice.nationalities),
        issuing_country=notice.issuing_country,
        charges=list(notice.charges),
        source=notice.source,
    )
    if notice.updated_at is not None:
        message.updated_at.CopyFrom(_timestamp(notice.updated_at))
    return message


def _document_check_to_pb(check: DocumentCheck) -> pb.DocumentCheck:
    return pb.DocumentCheck(
        status=DOCUMENT_STATUS_TO_PB[check.status]
        if check.status
        else pb.DOCUMENT_STATUS_NOT_LISTED,
        verdict=VERDICT_TO_PB[check.verdict],
        records=[
            pb.DocumentRecord(
                document_number=f.record.key.number,
                issuing_country=f.record.key.issuing_country,
                document_type=f.record.document_type,
                status=DOCUMENT_STATUS_TO_PB[f.record.status],
                reported_by=f.record.reported_by,
                reported_on=partial_date_to_pb(f.record.reported_on),
                expires_on=partial_date_to_pb(f.record.expires_on),
                match_kind=MATCH_KIND_TO_PB[f.match_kind],
                action=action_to_pb(f.action),
                record_id=f.record.record_id,
            )
            for f in check.findings
        ],
    )


def _match_to_pb(match: NoticeMatch) -> pb.NoticeMatch:
    return pb.NoticeMatch(
        notice=notice_to_pb(match.notice),
        score=match.score,
        verdict=VERDICT_TO_PB[match.verdict],
        matched_name_index=match.notice.names.index(match.matched_name),
        fields=[
            pb.FieldComparison(
                field=f.field,
                agreement=AGREEMENT_TO_PB[f.agreement],
                score_delta=f.score_delta,
                explanation=f.explanation,
            )
            for f in match.fields
        ],
        tokens=[
            pb.TokenAlignment(
                query_token=t.query_token,
                notice_token=t.notice_token,
                similarity=t.similarity,
                method=t.method,
            )
            for t in match.tokens
        ],
        action=action_to_pb(match.action),
    )


@functools.lru_cache(maxsize=32_768)
def traveller_to_pb(query: TravellerQuery) -> pb.Traveler:
    """The traveller as read; remembered per query like the parsed MRZ (copied into
    each response, never changed)."""
    return pb.Traveler(
        document_number=query.document.number if query.document else "",
        issuing_country=query.document.issuing_country if query.document else "",
        document_type=query.document_type,
        surname=query.surname,
        given_names=query.given_names,
        date_of_birth=partial_date_to_pb(query.date_of_birth),
        sex=SEX_TO_PB[query.sex],
        nationality=query.nationality,
        date_of_expiry=partial_date_to_pb(query.date_of_expiry),
        mrz_format=MRZ_FORMAT_TO_PB[query.mrz_format]
        if query.mrz_format
        else pb.MRZ_FORMAT_UNSPECIFIED,
        name_possibly_truncated=query.name_truncated,
    )


def check_traveler_response(
    result: CheckResult, answered_at: dt.datetime
) -> pb.CheckTravelerResponse:
    response = pb.CheckTravelerResponse(
        verdict=VERDICT_TO_PB[result.verdict],
        notice_matches=[_match_to_pb(m) for m in result.matches],
        action=action_to_pb(result.action),
        provenance=provenance_to_pb(result.provenance, answered_at),
        traveler=traveller_to_pb(result.traveller),
        check_id=result.check_id,
    )
    if result.document is not None:
        response.document_check.CopyFrom(_document_check_to_pb(result.document))
    return response


def check_document_response(
    result: CheckResult, answered_at: dt.datetime
) -> pb.CheckDocumentResponse:
    assert result.document is not None  # a document check always has its document part
    return pb.CheckDocumentResponse(
        verdict=VERDICT_TO_PB[result.verdict],
        document_check=_document_check_to_pb(result.document),
        action=action_to_pb(result.action),
        provenance=provenance_to_pb(result.provenance, answered_at),
        check_id=result.check_id,
    )


def get_notice_response(answer: NoticeAnswer, answered_at: dt.datetime) -> pb.GetNoticeResponse:
    return pb.GetNoticeResponse(
        notice=notice_to_pb(answer.notice),
        action=action_to_pb(answer.action),
        provenance=provenance_to_pb(answer.provenance, answered_at),
    )
