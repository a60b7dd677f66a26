"""JSON form of a notice as stored in a database column (``notices.doc``).

Both stores keep the whole notice as one JSON document beside the indexed columns, so a
candidate read is one row per notice. The form is versioned by key names only: new
optional keys may be added, existing ones never change meaning.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from lookup_server.model import (
    NameKind,
    Notice,
    NoticeStatus,
    NoticeType,
    PartialDate,
    PersonName,
    Sex,
)


def notice_to_doc(notice: Notice) -> dict[str, Any]:
    return {
        "id": notice.notice_id,
        "type": notice.type.value,
        "status": notice.status.value,
        "names": [
            {
                "surname": n.surname,
                "given_names": n.given_names,
                "kind": n.kind.value,
                "script": n.script,
            }
            for n in notice.names
        ],
        "dates_of_birth": [d.to_iso() for d in notice.dates_of_birth],
        "sex": notice.sex.value,
        "nationalities": list(notice.nationalities),
        "issuing_country": notice.issuing_country,
        "charges": list(notice.charges),
        "source": notice.source,
        "published_on": notice.published_on.isoformat() if notice.published_on else None,
        "updated_at": notice.updated_at.isoformat() if notice.updated_at else None,
    }


def notice_from_doc(doc: dict[str, Any]) -> Notice:
    published = doc.get("published_on")
    updated = doc.get("updated_at")
    return Notice(
        notice_id=doc["id"],
        type=NoticeType(doc["type"]),
        status=NoticeStatus(doc["status"]),
        names=tuple(
            PersonName(
                surname=n["surname"],
                given_names=n.get("given_names", ""),
                kind=NameKind(n.get("kind", NameKind.PRIMARY.value)),
                script=n.get("script", ""),
            )
            for n in doc["names"]
        ),
        dates_of_birth=tuple(PartialDate.from_iso(d) for d in doc.get("dates_of_birth", ())),
        sex=Sex(doc.get("sex", Sex.UNSPECIFIED.value)),
        nationalities=tuple(doc.get("nationalities", ())),
        issuing_country=doc.get("issuing_country", ""),
        charges=tuple(doc.get("charges", ())),
        source=doc.get("source", ""),
        published_on=dt.date.fromisoformat(published) if published else None,
        updated_at=dt.datetime.fromisoformat(updated) if updated else None,
    )


def notice_to_json(notice: Notice) -> str:
    """Canonical JSON text (sorted keys, no spaces): equal notices give equal text."""
    return json.dumps(
        notice_to_doc(notice), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )


def notice_from_json(text: str | bytes) -> Notice:
    return notice_from_doc(json.loads(text))
