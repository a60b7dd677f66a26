"""Tests of the stolen and lost travel document loader (CSV and JSON Lines)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from lookup_server.errors import LoadError
from lookup_server.loading.documents import COLUMNS, STATUS_WORDS, parse_status, read_documents
from lookup_server.model import DocumentKey, DocumentRecord, DocumentStatus

HEADER = ",".join(COLUMNS)
GOOD_ROW = {
    "document_number": "A1234567",
    "issuing_country": "IDN",
    "document_type": "P",
    "status": "lost",
    "reported_by": "Direktorat Jenderal Imigrasi",
    "reported_on": "2024-02-11",
    "expires_on": "2029-06-30",
    "record_id": "SLTD-IDN-00000001",
}


def load(path: Path) -> list[DocumentRecord]:
    return list(read_documents(path))


def load_error(path: Path) -> LoadError:
    with pytest.raises(LoadError) as info:
        load(path)
    return info.value


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def csv_line(values: dict[str, str]) -> str:
    def quote(value: str) -> str:
        if any(c in value for c in ',"\n\r'):
            return '"' + value.replace('"', '""') + '"'
        return value

    return ",".join(quote(values[c]) for c in COLUMNS)


# --------------------------------------------------------------------------- CSV


def test_csv_example_of_the_documentation(tmp_path: Path) -> None:
    text = (Path(__file__).parents[2] / "docs" / "data-formats.md").read_text(encoding="utf-8")
    block = text.split("```csv\n", 1)[1].split("```", 1)[0]
    records = load(write(tmp_path / "doc.csv", block))
    assert [str(r.key) for r in records] == [
        "IDN:A1234567",
        "DEU:C01X00T47",
        "GBR:123456789",
        "FRA:12AB34567",
    ]
    assert [r.status for r in records] == [
        DocumentStatus.LOST,
        DocumentStatus.STOLEN_FROM_BEARER,
        DocumentStatus.STOLEN_BLANK,
        DocumentStatus.CANCELLED,
    ]
    assert records[2].reported_by == "HM Passport Office, Glasgow"
    assert records[2].expires_on is None
    assert records[3].record_id == ""


def test_csv_full_record(tmp_path: Path) -> None:
    path = write(tmp_path / "d.csv", f"{HEADER}\n{csv_line(GOOD_ROW)}\n")
    assert load(path) == [
        DocumentRecord(
            key=DocumentKey("IDN", "A1234567"),
            status=DocumentStatus.LOST,
            document_type="P",
            reported_by="Direktorat Jenderal Imigrasi",
            reported_on=dt.date(2024, 2, 11),
            expires_on=dt.date(2029, 6, 30),
            record_id="SLTD-IDN-00000001",
        )
    ]


def test_csv_bom_quotes_crlf_order_and_optional_columns(tmp_path: Path) -> None:
    text = (
        "\ufeff Status ,Issuing_Country,DOCUMENT_NUMBER,reported_by\r\n"
        'stolen,D,"c01x-00t 47","Bundeskriminalamt, Wiesbaden"\r\n'
        "\r\n"
        "Stolen_Blank,gb,123.456.789,\r\n"
        "RECOVERED,NLD,AB<123,\r\n"
    )
    records = load(write(tmp_path / "d.csv", text))
    assert [(str(r.key), r.status) for r in records] == [
        ("DEU:C01X00T47", DocumentStatus.STOLEN_FROM_BEARER),
        ("GBR:123456789", DocumentStatus.STOLEN_BLANK),
        ("NLD:AB123", DocumentStatus.CANCELLED),
    ]
    assert records[0].reported_by == "Bundeskriminalamt, Wiesbaden"
    assert records[1].reported_by == ""
    assert records[1].document_type == ""
    assert records[1].reported_on is None


@pytest.mark.parametrize(
    ("word", "status"),
    [
        *STATUS_WORDS.items(),
        ("Stolen From Bearer", DocumentStatus.STOLEN_FROM_BEARER),
        ("STOLEN_BLANK", DocumentStatus.STOLEN_BLANK),
        ("stolen -  blank", DocumentStatus.STOLEN_BLANK),
        (" Lost ", DocumentStatus.LOST),
        ("Withdrawn", DocumentStatus.CANCELLED),
        ("INVALIDATED", DocumentStatus.INVALIDATED),
    ],
)
def test_status_vocabulary(word: str, status: DocumentStatus) -> None:
    assert parse_status(word) is status


@pytest.mark.parametrize("word", ["", "found", "stolenblank", "canceled", "lost?", "expired"])
def test_status_vocabulary_rejects(word: str) -> None:
    with pytest.raises(ValueError, match="stolen-blank, stolen-from-bearer, stolen, lost"):
        parse_status(word)


CSV_BAD: list[tuple[str, str, str]] = [
    # (column, bad value, expected field)
    ("document_number", "", "document_number"),
    ("document_number", " - ", "document_number"),
    ("document_number", "AB#1234", "document_number"),
    ("document_number", "ÄB1234", "document_number"),
    ("document_number", "1" * 25, "document_number"),
    ("issuing_country", "", "issuing_country"),
    ("issuing_country", "ZZ", "issuing_country"),
    ("issuing_country", "Indonesia", "issuing_country"),
    ("status", "", "status"),
    ("status", "found", "status"),
    ("document_type", "passport", "document_type"),
    ("document_type", "1", "document_type"),
    ("document_type", "P-", "document_type"),
    ("reported_by", "HM\x07Passport Office", "reported_by"),
    ("reported_by", "x" * 201, "reported_by"),
    ("reported_on", "2024-13-01", "reported_on"),
    ("reported_on", "2023-02-29", "reported_on"),
    ("reported_on", "11/02/2024", "reported_on"),
    ("reported_on", "2024-2-11", "reported_on"),
    ("reported_on", "2999-01-01", "reported_on"),
    ("expires_on", "2029-06-31", "expires_on"),
    ("expires_on", "2029", "expires_on"),
    ("expires_on", "0000-01-01", "expires_on"),
    ("record_id", "SLTD\x00IDN", "record_id"),
    ("record_id", "r" * 101, "record_id"),
]


@pytest.mark.parametrize(("column", "value", "field"), CSV_BAD)
def test_csv_bad_field(tmp_path: Path, column: str, value: str, field: str) -> None:
    bad = dict(GOOD_ROW, **{column: value})
    text = f"{HEADER}\n{csv_line(GOOD_ROW)}\n\n{csv_line(bad)}\n{csv_line(GOOD_ROW)}\n"
    error = load_error(write(tmp_path / "d.csv", text))
    assert (error.line, error.field) == (4, field)
    assert error.source == str(tmp_path / "d.csv")


def test_csv_bad_status_lists_the_vocabulary(tmp_path: Path) -> None:
    bad = dict(GOOD_ROW, status="found")
    error = load_error(write(tmp_path / "d.csv", f"{HEADER}\n{csv_line(bad)}\n"))
    for word in STATUS_WORDS:
        assert word in error.description


def test_csv_line_is_where_a_multiline_record_starts(tmp_path: Path) -> None:
    multi = dict(GOOD_ROW, reported_by="Police\nnationale", document_number="A7654321")
    text = f"{HEADER}\n{csv_line(GOOD_ROW)}\n{csv_line(multi)}\n"
    error = load_error(write(tmp_path / "d.csv", text))
    assert (error.line, error.field) == (3, "reported_by")


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        ("", 1, None),
        ("\n" + HEADER + "\n", 1, None),
        ("issuing_country,status\nIDN,lost\n", 1, "document_number"),
        ("document_number,status\nA1,lost\n", 1, "issuing_country"),
        ("document_number,issuing_country\nA1,IDN\n", 1, "status"),
        (HEADER + ",colour\n", 1, "colour"),
        (HEADER + ",status\n", 1, "status"),
        ("document_number,,issuing_country,status\n", 1, None),
        (f"{HEADER}\nA1,IDN,P,lost\n", 2, None),  # too few fields
        (f"{HEADER}\nA1,IDN,P,lost,,,,,\n", 2, None),  # too many fields
        (f'{HEADER}\nA1,IDN,P,lost,"BKA"x,,,\n', 2, None),  # bad quoting
        (f"{HEADER}\nA1,IDN,P,lost,,,,\nA2,IDN,P,lost,\x00,,,\n", 3, "reported_by"),  # NUL
        (f'{HEADER}\nA1,IDN,P,lost,"unterminated,,,\n', 2, None),
    ],
)
def test_csv_bad_structure(tmp_path: Path, text: str, line: int, field: str | None) -> None:
    error = load_error(write(tmp_path / "d.csv", text))
    assert (error.line, error.field) == (line, field)


def test_csv_header_only_is_empty(tmp_path: Path) -> None:
    assert load(write(tmp_path / "d.csv", HEADER + "\n")) == []


def test_csv_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes(
        f"{HEADER}\n{csv_line(GOOD_ROW)}\n".encode() + b"A2,IDN,P,lost,Imigrasi \xff,,,\n"
    )
    error = load_error(path)
    assert (error.line, error.field) == (3, None)
    assert "UTF-8" in error.description


def test_csv_reading_is_lazy(tmp_path: Path) -> None:
    missing = read_documents(tmp_path / "missing.csv")
    with pytest.raises(LoadError):
        next(missing)
    bad = dict(GOOD_ROW, status="found")
    rows = [csv_line(dict(GOOD_ROW, document_number=f"A{i:07d}")) for i in range(3)]
    path = write(tmp_path / "d.csv", "\n".join([HEADER, *rows, csv_line(bad)]) + "\n")
    iterator = read_documents(path)
    assert [next(iterator).key.number for _ in range(3)] == ["A0000000", "A0000001", "A0000002"]
    with pytest.raises(LoadError) as info:
        next(iterator)
    assert (info.value.line, info.value.field) == (5, "status")


def test_unknown_extension(tmp_path: Path) -> None:
    error = load_error(write(tmp_path / "d.xlsx", HEADER))
    assert (error.line, error.field) == (None, None)


# --------------------------------------------------------------------------- JSON Lines


def test_jsonl_records(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(
        json.dumps(GOOD_ROW)
        + "\n\n"
        + json.dumps(
            {
                "document_number": "C01X00T47",
                "issuing_country": "D",
                "status": "stolen",
                "expires_on": None,
            }
        )
        + "\n",
        encoding="utf-8",
    )
    first, second = load(path)
    assert first.key == DocumentKey("IDN", "A1234567")
    assert first.reported_on == dt.date(2024, 2, 11)
    assert second.key == DocumentKey("DEU", "C01X00T47")
    assert second.status is DocumentStatus.STOLEN_FROM_BEARER
    assert second.expires_on is None


def test_jsonl_example_of_the_documentation(tmp_path: Path) -> None:
    text = (Path(__file__).parents[2] / "docs" / "data-formats.md").read_text(encoding="utf-8")
    section = text.split("## Documents: JSON Lines", 1)[1]
    block = section.split("```json\n", 1)[1].split("```", 1)[0]
    records = load(write(tmp_path / "doc.jsonl", block))
    assert [str(r.key) for r in records] == ["IDN:A1234567", "DEU:C01X00T47"]


JSONL_BAD: list[tuple[str, Any, str | None]] = [
    *[(column, value, field) for column, value, field in CSV_BAD],
    ("document_number", None, "document_number"),  # required
    ("issuing_country", None, "issuing_country"),
    ("status", None, "status"),
    ("document_number", 123456789, "document_number"),  # numbers lose leading zeros
    ("issuing_country", ["IDN"], "issuing_country"),
    ("status", True, "status"),
    ("reported_on", 20240211, "reported_on"),
    ("record_id", {"id": 1}, "record_id"),
    ("number", "A1", "number"),  # unknown key
]


@pytest.mark.parametrize(("key", "value", "field"), JSONL_BAD)
def test_jsonl_bad_field(tmp_path: Path, key: str, value: Any, field: str) -> None:
    bad = dict(GOOD_ROW, **{key: value})
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(GOOD_ROW) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    error = load_error(path)
    assert (error.line, error.field) == (2, field)


@pytest.mark.parametrize(
    "line",
    [
        '{"document_number": "A1"',
        "[1]",
        '"A1,IDN,lost"',
        "null",
        "[" * 100_000,
        '{"a": 1' + "0" * 5000 + "}",
    ],
)
def test_jsonl_bad_line(tmp_path: Path, line: str) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(GOOD_ROW) + "\n" + line + "\n", encoding="utf-8")
    error = load_error(path)
    assert (error.line, error.field) == (2, None)
