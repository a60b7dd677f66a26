"""A small client for the NoticeLookup API, and a readable rendering of its answers.

Used by ``notice-lookup check`` and the demo; terminals integrate with the ``.proto``
directly. Synchronous on purpose: a command-line check makes one call.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import grpc
from google.protobuf.json_format import MessageToJson
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from lookup_server.generated.noticelookup.v1 import lookup_pb2 as pb
from lookup_server.generated.noticelookup.v1 import lookup_pb2_grpc as pb_grpc

Response = pb.CheckTravelerResponse | pb.CheckDocumentResponse | pb.GetNoticeResponse


@dataclass(frozen=True, slots=True)
class ClientTls:
    ca_file: Path
    cert_file: Path | None = None
    key_file: Path | None = None


def open_channel(server: str, tls: ClientTls | None = None) -> grpc.Channel:
    if tls is None:
        return grpc.insecure_channel(server)
    chain = tls.cert_file.read_bytes() if tls.cert_file else None
    key = tls.key_file.read_bytes() if tls.key_file else None
    credentials = grpc.ssl_channel_credentials(tls.ca_file.read_bytes(), key, chain)
    return grpc.secure_channel(server, credentials)


def stub(channel: grpc.Channel) -> pb_grpc.NoticeLookupStub:
    return pb_grpc.NoticeLookupStub(channel)


def describe_error(error: grpc.RpcError) -> str:
    """``INVALID_ARGUMENT: mrz.lines[1]: check digit ...`` with every field violation."""
    code = error.code().name if hasattr(error, "code") else "UNKNOWN"
    status = rpc_status.from_call(error) if isinstance(error, grpc.Call) else None
    lines = [f"{code}: {error.details() if hasattr(error, 'details') else error}"]
    if status is not None:
        for detail in status.details:
            if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
                bad = error_details_pb2.BadRequest()
                detail.Unpack(bad)
                lines += [f"  field {v.field}: {v.description}" for v in bad.field_violations]
    return "\n".join(lines)


def to_json(message: Response) -> str:
    return MessageToJson(message, preserving_proto_field_name=True, indent=2)


# ---------------------------------------------------------------------------- rendering

_VERDICT = {
    pb.VERDICT_CLEAR: "CLEAR",
    pb.VERDICT_POSSIBLE_MATCH: "POSSIBLE MATCH",
    pb.VERDICT_HIT: "HIT",
}


def _enum_name(enum: object, value: int, prefix: str) -> str:
    name: str = enum.Name(value)  # type: ignore[attr-defined]
    return name.removeprefix(prefix).replace("_", " ").lower()


def _date(value: pb.PartialDate) -> str:
    if not (value.year or value.month or value.day):
        return "unknown"
    y = f"{value.year:04d}" if value.year else "XXXX"
    m = f"{value.month:02d}" if value.month else "XX"
    d = f"{value.day:02d}" if value.day else "XX"
    return f"{y}-{m}-{d}"


def _provenance(p: pb.Provenance) -> str:
    source = _enum_name(pb.Source, p.source, "SOURCE_")
    text = f"answered from {source} ({p.backend}), data version {p.data_version}"
    if p.HasField("data_as_of"):
        text += f" as of {p.data_as_of.ToDatetime().isoformat(timespec='seconds')}Z"
    if p.degraded:
        text += f" - DEGRADED: {p.degraded_reason}"
    return text


def _action(action: pb.Action) -> list[str]:
    priority = _enum_name(pb.Priority, action.priority, "PRIORITY_").upper()
    lines = [f"ACTION [{priority}] {action.title}"]
    lines += [f"  {i}. {step}" for i, step in enumerate(action.steps, 1)]
    if action.contact:
        lines.append(f"  Contact: {action.contact}")
    if action.do_not_alert_traveler:
        lines.append("  Do not alert the traveller.")
    return lines


def _document(check: pb.DocumentCheck) -> list[str]:
    status = _enum_name(pb.DocumentStatus, check.status, "DOCUMENT_STATUS_")
    lines = [f"Document: {status}"]
    for record in check.records:
        kind = _enum_name(pb.DocumentMatchKind, record.match_kind, "DOCUMENT_MATCH_KIND_")
        lines.append(
            f"  {record.issuing_country}:{record.document_number} "
            f"{_enum_name(pb.DocumentStatus, record.status, 'DOCUMENT_STATUS_')} ({kind}), "
            f"reported by {record.reported_by or 'unknown'} on {_date(record.reported_on)}"
        )
    return lines


def _traveler(t: pb.Traveler) -> str:
    name = ", ".join(p for p in (t.surname, t.given_names) if p) or "(no name)"
    sex = _enum_name(pb.Sex, t.sex, "SEX_") if t.sex else "sex unknown"
    document = f"{t.issuing_country}:{t.document_number}" if t.document_number else "no document"
    fmt = (
        f" ({_enum_name(pb.MrzFormat, t.mrz_format, 'MRZ_FORMAT_').upper()})"
        if t.mrz_format
        else ""
    )
    born = _date(t.date_of_birth)
    text = f"Traveller: {name}, born {born}, {sex}, {t.nationality or '?'}; {document}{fmt}"
    if t.name_possibly_truncated:
        text += " [name may be truncated]"
    return text


def _match(m: pb.NoticeMatch) -> list[str]:
    notice = m.notice
    name = notice.names[m.matched_name_index] if notice.names else pb.PersonName()
    kind = _enum_name(pb.NoticeType, notice.type, "NOTICE_TYPE_").upper()
    lines = [
        f"Notice {notice.notice_id} {kind}: {name.surname}, {name.given_names} "
        f"- score {m.score:.2f}, {_VERDICT.get(m.verdict, '?')}"
    ]
    for f in m.fields:
        agreement = _enum_name(pb.Agreement, f.agreement, "AGREEMENT_")
        lines.append(f"  {f.field}: {agreement} ({f.score_delta:+.2f}) {f.explanation}")
    return lines


def render(response: Response) -> str:
    """A readable, multi-line answer for a terminal or a log."""
    if isinstance(response, pb.GetNoticeResponse):
        n = response.notice
        lines = [
            f"Notice {n.notice_id} {_enum_name(pb.NoticeType, n.type, 'NOTICE_TYPE_').upper()} "
            f"({_enum_name(pb.NoticeStatus, n.status, 'NOTICE_STATUS_')})"
        ]
        lines += [f"  name: {p.surname}, {p.given_names}" for p in n.names]
        lines += [f"  born: {', '.join(_date(d) for d in n.dates_of_birth) or 'unknown'}"]
        lines += [f"  nationalities: {', '.join(n.nationalities) or 'unknown'}"]
        return "\n".join([*lines, *_action(response.action), _provenance(response.provenance)])
    lines = [f"{_VERDICT.get(response.verdict, 'UNSPECIFIED')}  (check {response.check_id})"]
    if isinstance(response, pb.CheckTravelerResponse):
        lines.append(_traveler(response.traveler))
    if response.HasField("document_check"):
        lines += _document(response.document_check)
    if isinstance(response, pb.CheckTravelerResponse):
        for m in response.notice_matches:
            lines += _match(m)
        if not response.notice_matches:
            lines.append("Notices: no match")
    lines += _action(response.action)
    lines.append(_provenance(response.provenance))
    return "\n".join(lines)


def mrz_request(lines: Sequence[str]) -> pb.CheckTravelerRequest:
    return pb.CheckTravelerRequest(mrz=pb.MachineReadableZone(lines=list(lines)))
