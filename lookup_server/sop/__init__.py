"""Standard operating procedures: the action an officer must take for each finding.

Procedures come from a YAML file (``default.yaml`` beside this module ships with the
service; operators replace it). The file is validated at start-up: every notice type and
every document status must have a procedure, so a hit can never reach a booth with a
blank where the instructions should be.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from lookup_server.errors import ConfigError
from lookup_server.model import Action, DocumentStatus, NoticeType, Priority

DEFAULT_SOP = "default.yaml"
OTHER_ISSUING_COUNTRY = "other-issuing-country"


class _ActionModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(min_length=1)
    title: str = Field(min_length=1)
    priority: Literal["routine", "elevated", "urgent", "critical"]
    steps: list[str] = Field(min_length=1)
    do_not_alert_traveller: bool = False
    contact: str = ""

    def to_action(self) -> Action:
        return Action(
            code=self.code,
            title=self.title,
            priority=Priority[self.priority.upper()],
            steps=tuple(self.steps),
            do_not_alert_traveller=self.do_not_alert_traveller,
            contact=self.contact,
        )


class _SopModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str = Field(min_length=1)
    clear: _ActionModel
    possible_match: _ActionModel
    degraded: _ActionModel
    cancelled_notice: _ActionModel
    notices: dict[str, _ActionModel]
    documents: dict[str, _ActionModel]


@dataclass(frozen=True, slots=True)
class Procedures:
    """The validated SOP: one action per notice type, document status and verdict."""

    version: str
    source: str
    clear: Action
    possible_match: Action
    degraded: Action
    cancelled_notice: Action
    notices: dict[NoticeType, Action]
    documents: dict[DocumentStatus, Action]
    other_issuing_country: Action

    def for_notice(self, notice_type: NoticeType) -> Action:
        return self.notices[notice_type]

    def for_document(self, status: DocumentStatus) -> Action:
        return self.documents[status]


def parse_procedures(text: str, source: str) -> Procedures:
    """Validate SOP YAML text; raises ConfigError naming what is missing or wrong."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"SOP file {source}: not valid YAML: {exc}") from exc
    try:
        model = _SopModel.model_validate(raw)
    except ValidationError as exc:
        details = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(top level)'}: {err['msg']}"
            for err in exc.errors()
        )
        raise ConfigError(f"SOP file {source}: {details}") from exc

    known_notices = {t.value for t in NoticeType}
    listed_statuses = {s.value for s in DocumentStatus if s.is_listed}
    problems: list[str] = []
    missing_notices = sorted(known_notices - model.notices.keys())
    if missing_notices:
        problems.append(f"no procedure for notice type(s): {', '.join(missing_notices)}")
    unknown_notices = sorted(model.notices.keys() - known_notices)
    if unknown_notices:
        problems.append(f"unknown notice type(s): {', '.join(unknown_notices)}")
    wanted_documents = listed_statuses | {OTHER_ISSUING_COUNTRY}
    missing_documents = sorted(wanted_documents - model.documents.keys())
    if missing_documents:
        problems.append(f"no procedure for document status(es): {', '.join(missing_documents)}")
    unknown_documents = sorted(model.documents.keys() - wanted_documents)
    if unknown_documents:
        problems.append(f"unknown document status(es): {', '.join(unknown_documents)}")
    if problems:
        raise ConfigError(f"SOP file {source}: " + "; ".join(problems))

    return Procedures(
        version=model.version,
        source=source,
        clear=model.clear.to_action(),
        possible_match=model.possible_match.to_action(),
        degraded=model.degraded.to_action(),
        cancelled_notice=model.cancelled_notice.to_action(),
        notices={NoticeType(k): v.to_action() for k, v in model.notices.items()},
        documents={
            DocumentStatus(k): v.to_action()
            for k, v in model.documents.items()
            if k != OTHER_ISSUING_COUNTRY
        },
        other_issuing_country=model.documents[OTHER_ISSUING_COUNTRY].to_action(),
    )


def load_procedures(path: Path | None = None) -> Procedures:
    """Load the SOP file at ``path``, or the default shipped with the service."""
    if path is None:
        text = resources.files(__package__).joinpath(DEFAULT_SOP).read_text(encoding="utf-8")
        return parse_procedures(text, f"(built-in {DEFAULT_SOP})")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"SOP file {path}: cannot read: {exc.strerror}") from exc
    return parse_procedures(text, str(path))
