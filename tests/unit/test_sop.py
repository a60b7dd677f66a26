"""The SOP file: the shipped default is complete, and an incomplete one stops start-up."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lookup_server.errors import ConfigError
from lookup_server.model import DocumentStatus, NoticeType, Priority
from lookup_server.sop import load_procedures, parse_procedures


def _default_raw() -> dict[str, object]:
    path = Path(__file__).resolve().parents[2] / "lookup_server" / "sop" / "default.yaml"
    raw: dict[str, object] = yaml.safe_load(path.read_text())
    return raw


def test_default_has_a_procedure_for_every_notice_type_and_document_status() -> None:
    procedures = load_procedures()
    assert set(procedures.notices) == set(NoticeType)
    assert set(procedures.documents) == {s for s in DocumentStatus if s.is_listed}
    red = procedures.for_notice(NoticeType.RED)
    assert red.priority is Priority.CRITICAL
    assert red.do_not_alert_traveller
    assert any("NCB" in step for step in red.steps)


def test_missing_notice_type_is_a_start_up_error() -> None:
    raw = _default_raw()
    del raw["notices"]["purple"]  # type: ignore[attr-defined]
    with pytest.raises(ConfigError, match=r"no procedure for notice type.*purple"):
        parse_procedures(yaml.safe_dump(raw), "test.yaml")


def test_missing_document_status_is_a_start_up_error() -> None:
    raw = _default_raw()
    del raw["documents"]["stolen-blank"]  # type: ignore[attr-defined]
    with pytest.raises(ConfigError, match="stolen-blank"):
        parse_procedures(yaml.safe_dump(raw), "test.yaml")


def test_unknown_keys_and_empty_steps_are_errors() -> None:
    raw = _default_raw()
    raw["notices"]["red"]["stpes"] = ["typo"]  # type: ignore[index]
    with pytest.raises(ConfigError, match=r"notices\.red\.stpes"):
        parse_procedures(yaml.safe_dump(raw), "test.yaml")
    raw = _default_raw()
    raw["notices"]["red"]["steps"] = []  # type: ignore[index]
    with pytest.raises(ConfigError, match=r"notices\.red\.steps"):
        parse_procedures(yaml.safe_dump(raw), "test.yaml")


def test_unreadable_and_invalid_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_procedures(tmp_path / "absent.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("notices: [unclosed")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_procedures(bad)


def test_operator_file_replaces_the_default(tmp_path: Path) -> None:
    raw = _default_raw()
    raw["version"] = "agency-7"
    raw["notices"]["red"]["title"] = "Agency red procedure"  # type: ignore[index]
    path = tmp_path / "sop.yaml"
    path.write_text(yaml.safe_dump(raw))
    procedures = load_procedures(path)
    assert procedures.version == "agency-7"
    assert procedures.for_notice(NoticeType.RED).title == "Agency red procedure"
