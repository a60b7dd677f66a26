"""The domain model: notices, travel documents, traveller queries and check results.

Everything here is plain, immutable data. The gRPC layer converts protobuf to and from
these types (``lookup_server.api.convert``); stores persist them; the checker and the
matcher only ever see these types. Validation of outside input happens before an object
of this module is built (MRZ parser, loaders, API conversion); constructors here only
check invariants that would be programming errors.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field


class NoticeType(enum.StrEnum):
    """INTERPOL-style notice colours, the UN Security Council Special Notice and diffusions."""

    RED = "red"
    YELLOW = "yellow"
    BLUE = "blue"
    BLACK = "black"
    GREEN = "green"
    ORANGE = "orange"
    PURPLE = "purple"
    UN_SPECIAL = "un-special"
    DIFFUSION = "diffusion"


class NoticeStatus(enum.StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"


class DocumentStatus(enum.StrEnum):
    """Status of a record on the stolen and lost travel document list.

    ``CANCELLED`` is a withdrawn record (document recovered, reported in error): it is
    kept for the change feed and history but never reported as listed.
    """

    STOLEN_BLANK = "stolen-blank"
    STOLEN_FROM_BEARER = "stolen-from-bearer"
    LOST = "lost"
    REVOKED = "revoked"
    INVALIDATED = "invalidated"
    CANCELLED = "cancelled"

    @property
    def is_listed(self) -> bool:
        return self is not DocumentStatus.CANCELLED


class Sex(enum.StrEnum):
    FEMALE = "F"
    MALE = "M"
    UNSPECIFIED = "X"


class Verdict(enum.IntEnum):
    """Ordered: a larger verdict wins when several signals combine."""

    CLEAR = 1
    POSSIBLE_MATCH = 2
    HIT = 3


class Source(enum.StrEnum):
    """Which part of the system produced an answer."""

    PRIMARY = "primary"
    REPLICA = "replica"
    LOCAL_COPY = "local-copy"
    CACHE_IN_PROCESS = "cache-in-process"
    CACHE_REDIS = "cache-redis"


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date whose parts may be unknown (ICAO 9303 fills unknown parts with ``<``).

    ``None`` means unknown. A known day without a known month is allowed (it happens
    on real documents) but cannot be checked against a calendar.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.year is not None and not 1 <= self.year <= 9999:
            raise ValueError(f"year out of range: {self.year}")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None and not 1 <= self.day <= 31:
            raise ValueError(f"day out of range: {self.day}")
        if self.year is not None and self.month is not None and self.day is not None:
            dt.date(self.year, self.month, self.day)  # raises ValueError on 31 April etc.

    @property
    def is_complete(self) -> bool:
        return self.year is not None and self.month is not None and self.day is not None

    @property
    def is_unknown(self) -> bool:
        return self.year is None and self.month is None and self.day is None

    def to_iso(self) -> str:
        """``1980-05-12``; unknown parts as ``XXXX``/``XX`` (``1980-XX-XX``); '' if all unknown."""
        if self.is_unknown:
            return ""
        year = f"{self.year:04d}" if self.year is not None else "XXXX"
        month = f"{self.month:02d}" if self.month is not None else "XX"
        day = f"{self.day:02d}" if self.day is not None else "XX"
        return f"{year}-{month}-{day}"

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Inverse of :meth:`to_iso`; also accepts ``1980``, ``1980-05`` and ``/`` separators.

        Raises ValueError with a readable message on anything else.
        """
        text = text.strip()
        if not text:
            return cls()
        parts = text.replace("/", "-").split("-")
        if len(parts) > 3 or any(not p for p in parts):
            raise ValueError(f"not a date: {text!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)")
        widths = (4, 2, 2)
        values: list[int | None] = []
        for part, width in zip(parts, widths, strict=False):
            if set(part.upper()) == {"X"} and len(part) == width:
                values.append(None)
            elif part.isdigit() and len(part) == width:
                values.append(int(part))
            else:
                raise ValueError(f"not a date: {text!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)")
        values += [None] * (3 - len(values))
        try:
            return cls(values[0], values[1], values[2])
        except ValueError as exc:
            raise ValueError(f"not a valid date: {text!r} ({exc})") from None

    def __str__(self) -> str:
        return self.to_iso() or "unknown"


class NameKind(enum.StrEnum):
    PRIMARY = "primary"
    ALIAS = "alias"
    ORIGINAL_SCRIPT = "original-script"
    BIRTH_NAME = "birth-name"


@dataclass(frozen=True, slots=True)
class PersonName:
    """A name as written in a notice: surname (primary identifier) and given names."""

    surname: str
    given_names: str = ""
    kind: NameKind = NameKind.PRIMARY
    script: str = ""  # ISO 15924 code where known ("Latn", "Arab", "Cyrl", "Hani", "Grek")

    @property
    def full(self) -> str:
        return " ".join(p for p in (self.given_names, self.surname) if p)


@dataclass(frozen=True, slots=True)
class Notice:
    notice_id: str
    type: NoticeType
    status: NoticeStatus
    names: tuple[PersonName, ...]
    dates_of_birth: tuple[PartialDate, ...] = ()
    sex: Sex = Sex.UNSPECIFIED
    nationalities: tuple[str, ...] = ()  # ICAO/ISO alpha-3 codes
    issuing_country: str = ""  # country (alpha-3) that requested the notice, if known
    charges: tuple[str, ...] = ()
    source: str = ""  # e.g. "interpol-public", "jsonl"
    published_on: dt.date | None = None
    updated_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        if not self.notice_id:
            raise ValueError("notice_id is empty")
        if not self.names:
            raise ValueError(f"notice {self.notice_id} has no name")

    @property
    def is_active(self) -> bool:
        return self.status is NoticeStatus.ACTIVE


@dataclass(frozen=True, slots=True)
class DocumentKey:
    """The normalised key of a travel document: issuing country (alpha-3) and number."""

    issuing_country: str
    number: str

    def __str__(self) -> str:
        return f"{self.issuing_country}:{self.number}"


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """One record on the stolen and lost travel document list."""

    key: DocumentKey
    status: DocumentStatus
    document_type: str = ""
    reported_by: str = ""
    reported_on: dt.date | None = None
    expires_on: dt.date | None = None
    record_id: str = ""


class MrzFormat(enum.StrEnum):
    TD1 = "TD1"
    TD2 = "TD2"
    TD3 = "TD3"
    MRVA = "MRV-A"
    MRVB = "MRV-B"


@dataclass(frozen=True, slots=True)
class TravellerQuery:
    """One traveller to check, normalised, from MRZ lines or from typed fields.

    ``document`` is None when no document number was given (a name-only check).
    Names are as read (MRZ fillers already turned into spaces), upper case.
    """

    document: DocumentKey | None
    surname: str = ""
    given_names: str = ""
    date_of_birth: PartialDate = field(default_factory=PartialDate)
    sex: Sex = Sex.UNSPECIFIED
    nationality: str = ""
    document_type: str = ""
    date_of_expiry: PartialDate = field(default_factory=PartialDate)
    mrz_format: MrzFormat | None = None
    name_truncated: bool = False  # the MRZ name field was full: the name may be cut

    @property
    def has_name(self) -> bool:
        return bool(self.surname.strip() or self.given_names.strip())


# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class DataState:
    """The version of the data an answer reflects, and when that version was written."""

    version: int
    as_of: dt.datetime | None


@dataclass(frozen=True, slots=True)
class Provenance:
    source: Source
    backend: str
    state: DataState
    degraded: bool = False
    degraded_reason: str = ""
    replica_lag_s: float | None = None


@dataclass(frozen=True, slots=True)
class Action:
    """What the officer must do, from the SOP file."""

    code: str
    title: str
    priority: Priority
    steps: tuple[str, ...]
    do_not_alert_traveller: bool = False
    contact: str = ""


class Priority(enum.IntEnum):
    ROUTINE = 1
    ELEVATED = 2
    URGENT = 3
    CRITICAL = 4


class DocumentMatchKind(enum.StrEnum):
    EXACT = "exact"
    OTHER_ISSUING_COUNTRY = "other-issuing-country"


@dataclass(frozen=True, slots=True)
class DocumentFinding:
    record: DocumentRecord
    match_kind: DocumentMatchKind
    action: Action


@dataclass(frozen=True, slots=True)
class DocumentCheck:
    """The document half of a check. ``status`` is that of the exact record, if listed."""

    status: DocumentStatus | None
    findings: tuple[DocumentFinding, ...]
    verdict: Verdict


class Agreement(enum.StrEnum):
    MATCH = "match"
    PARTIAL = "partial"
    MISMATCH = "mismatch"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class FieldComparison:
    """How one field of the traveller compared with the notice, and how it moved the score."""

    field: str
    agreement: Agreement
    score_delta: float
    explanation: str


@dataclass(frozen=True, slots=True)
class TokenAlignment:
    query_token: str
    notice_token: str
    similarity: float
    method: str


@dataclass(frozen=True, slots=True)
class NoticeMatch:
    notice: Notice
    score: float
    verdict: Verdict
    matched_name: PersonName
    fields: tuple[FieldComparison, ...]
    tokens: tuple[TokenAlignment, ...]
    action: Action


@dataclass(frozen=True, slots=True)
class CheckResult:
    verdict: Verdict
    document: DocumentCheck | None
    matches: tuple[NoticeMatch, ...]
    provenance: Provenance
    action: Action
    traveller: TravellerQuery
    check_id: str
    candidates_considered: int = 0
    candidates_truncated: bool = False
