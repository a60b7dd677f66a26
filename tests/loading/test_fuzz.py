"""Fuzzing the loaders: whatever the input, the only exception that escapes is LoadError."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lookup_server.errors import LoadError
from lookup_server.loading._values import parse_partial_date
from lookup_server.loading.documents import COLUMNS, read_documents
from lookup_server.loading.notices import read_notices
from lookup_server.model import NoticeType, PartialDate

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(
        ["", " ", "1980/13/01", "2021/02/30", "1980", "XX", "ZZ", "ID", "red", "cancelled", "M"]
    )
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)

INTERPOL_ITEM: dict[str, Any] = {
    "forename": "KHALID",
    "date_of_birth": "1979/03/14",
    "entity_id": "2021/75051",
    "nationalities": ["JO"],
    "name": "AL-HADDAD",
    "sex_id": "M",
    "birth_name": None,
    "status": "active",
    "arrest_warrants": [
        {"charge": "Fraud", "issuing_country_id": "FR", "charge_translation": None}
    ],
    "_links": {"self": {"href": "https://ws-public.interpol.int/notices/v1/red/2021-75051"}},
}
JSONL_NOTICE: dict[str, Any] = {
    "id": "n-1",
    "type": "red",
    "status": "active",
    "names": [
        {"surname": "NGUYEN", "given_names": "VAN HUNG", "kind": "primary", "script": "Latn"}
    ],
    "dates_of_birth": ["1980-05-12"],
    "sex": "M",
    "nationalities": ["VNM"],
    "issuing_country": "IDN",
    "charges": ["Fraud"],
    "source": "test",
    "published_on": "2024-03-01",
}
DOCUMENT: dict[str, Any] = {
    "document_number": "A1234567",
    "issuing_country": "IDN",
    "document_type": "P",
    "status": "lost",
    "reported_by": "Imigrasi",
    "reported_on": "2024-02-11",
    "expires_on": "2029-06-30",
    "record_id": "r-1",
}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def drain(records: Iterator[object]) -> None:
    """Consume a loader; LoadError is an accepted outcome, anything else fails the test."""
    error: LoadError | None = None
    try:
        for _ in records:
            pass
    except LoadError as exc:
        error = exc
    if error is not None:
        assert error.description
        assert error.line is None or error.line >= 1


def mutate(base: dict[str, Any], data: st.DataObject) -> Any:
    """Replace, delete or add one value somewhere in ``base`` (one level of nesting)."""
    value = json.loads(json.dumps(base))
    keys = [*value, "unexpected", "_links", "names", "arrest_warrants"]
    key = data.draw(st.sampled_from(keys))
    action = data.draw(st.sampled_from(["replace", "delete", "nested"]))
    if action == "delete":
        value.pop(key, None)
    elif action == "replace" or not isinstance(value.get(key), list | dict):
        value[key] = data.draw(json_values)
    else:
        inner = value[key]
        if isinstance(inner, list) and inner and isinstance(inner[0], dict):
            inner[0][data.draw(st.sampled_from([*inner[0], "x"]))] = data.draw(json_values)
        elif isinstance(inner, dict):
            inner[data.draw(st.sampled_from([*inner, "self"]))] = data.draw(json_values)
        else:
            value[key] = [data.draw(json_values)]
    return value


@FUZZ
@given(document=json_values, default=st.sampled_from([None, NoticeType.RED]))
def test_random_json_notices(workdir: Path, document: Any, default: NoticeType | None) -> None:
    path = workdir / "random.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    drain(read_notices(path, default_type=default))


@FUZZ
@given(data=st.data(), shape=st.sampled_from(["page", "detail", "array"]))
def test_mutated_interpol_notices(workdir: Path, data: st.DataObject, shape: str) -> None:
    item = mutate(INTERPOL_ITEM, data)
    document: Any = item
    if shape == "page":
        document = {"total": 1, "_embedded": {"notices": [INTERPOL_ITEM, item]}}
    elif shape == "array":
        document = [item, {"_embedded": {"notices": [item]}}]
    path = workdir / "mutated.json"
    path.write_text(json.dumps(document, indent=data.draw(st.sampled_from([None, 1]))), "utf-8")
    drain(read_notices(path))


@FUZZ
@given(data=st.data())
def test_mutated_jsonl_notices(workdir: Path, data: st.DataObject) -> None:
    lines = [json.dumps(JSONL_NOTICE), json.dumps(mutate(JSONL_NOTICE, data))]
    path = workdir / "mutated.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    drain(read_notices(path))


@FUZZ
@given(data=st.data())
def test_mutated_jsonl_documents(workdir: Path, data: st.DataObject) -> None:
    lines = [json.dumps(DOCUMENT), json.dumps(mutate(DOCUMENT, data))]
    path = workdir / "mutated-documents.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    drain(read_documents(path))


cells = st.text(max_size=12) | st.sampled_from(
    ["lost", "Stolen Blank", "IDN", "D", "2024-02-30", "A1234567", "P", "", '"', "\n"]
)


@FUZZ
@given(
    columns=st.lists(st.sampled_from([*COLUMNS, "colour", ""]), min_size=1, max_size=9),
    rows=st.lists(st.lists(cells, min_size=0, max_size=10), max_size=5),
)
def test_random_csv_documents(workdir: Path, columns: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    path = workdir / "random.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    drain(read_documents(path))


@FUZZ
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".json", ".jsonl", ".csv", ".txt"]))
def test_random_bytes(workdir: Path, data: bytes, suffix: str) -> None:
    path = workdir / f"bytes{suffix}"
    path.write_bytes(data)
    readers: list[Callable[[Path], Iterator[object]]] = [read_notices, read_documents]
    for reader in readers:
        drain(reader(path))


@FUZZ
@given(data=st.data())
def test_corrupted_valid_files(workdir: Path, data: st.DataObject) -> None:
    """Flip, drop or insert bytes in valid files of every format."""
    csv_text = ",".join(COLUMNS) + "\n" + ",".join(DOCUMENT[c] for c in COLUMNS) + "\n"
    sources = {
        ".json": json.dumps({"_embedded": {"notices": [INTERPOL_ITEM] * 2}}, indent=1).encode(),
        ".jsonl": (json.dumps(JSONL_NOTICE) + "\n").encode() * 2,
        ".csv": csv_text.encode() * 2,
    }
    suffix = data.draw(st.sampled_from(sorted(sources)))
    raw = bytearray(sources[suffix])
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, len(raw) - 1))
        operation = data.draw(st.sampled_from(["flip", "drop", "insert"]))
        if operation == "flip":
            raw[position] = data.draw(st.integers(0, 255))
        elif operation == "drop":
            del raw[position]
        else:
            raw.insert(position, data.draw(st.integers(0, 255)))
    path = workdir / f"corrupted{suffix}"
    path.write_bytes(bytes(raw))
    if suffix == ".csv":
        drain(read_documents(path))
    else:
        drain(read_notices(path))


@settings(max_examples=300, deadline=None)
@given(
    year=st.integers(1880, 2025) | st.none(),
    month=st.integers(1, 12) | st.none(),
    day=st.integers(1, 28) | st.none(),
    separator=st.sampled_from(["-", "/"]),
)
def test_partial_dates_round_trip(
    year: int | None, month: int | None, day: int | None, separator: str
) -> None:
    date = PartialDate(year, month, day)
    if date.is_unknown:
        return
    assert parse_partial_date(date.to_iso().replace("-", separator)) == date
