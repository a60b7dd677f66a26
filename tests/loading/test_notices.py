"""Tests of the notice loader: INTERPOL public notices JSON and notice-lookup JSON Lines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from lookup_server.errors import LoadError
from lookup_server.loading.notices import read_notices
from lookup_server.model import (
    NameKind,
    Notice,
    NoticeStatus,
    NoticeType,
    PartialDate,
    PersonName,
    Sex,
)

DATA = Path(__file__).parent / "data"
API = "https://ws-public.interpol.int/notices/v1"


def load(path: Path, **kwargs: Any) -> list[Notice]:
    return list(read_notices(path, **kwargs))


def load_error(path: Path, **kwargs: Any) -> LoadError:
    with pytest.raises(LoadError) as info:
        load(path, **kwargs)
    return info.value


# --------------------------------------------------------------------------- INTERPOL fixtures


def test_red_list_page() -> None:
    notices = load(DATA / "interpol_red_list.json")
    assert [n.notice_id for n in notices] == ["2021/75051", "2019/10234", "2023/4417", "2024/31337"]
    assert all(n.type is NoticeType.RED for n in notices)
    assert all(n.status is NoticeStatus.ACTIVE for n in notices)
    assert all(n.source == "interpol" for n in notices)

    haddad, suparman, dang, cruz = notices
    assert haddad.names == (PersonName("AL-HADDAD", "KHALID MAHMOUD", NameKind.PRIMARY),)
    assert haddad.dates_of_birth == (PartialDate(1979, 3, 14),)
    assert haddad.nationalities == ("JOR", "SAU")
    assert haddad.sex is Sex.UNSPECIFIED  # list items carry no sex_id

    # A mononym: written as the surname, forename null.
    assert suparman.names == (PersonName("SUPARMAN", ""),)
    assert suparman.dates_of_birth == (PartialDate(1962, None, None),)

    # Names are kept as given: case and diacritics.
    assert dang.names == (PersonName("Đặng", "Văn Hùng"),)

    # Whitespace stripped; null date of birth and nationalities.
    assert cruz.names == (PersonName("DE LA CRUZ MARTÍNEZ", "MARÍA JOSÉ"),)
    assert cruz.dates_of_birth == ()
    assert cruz.nationalities == ()


def test_red_detail() -> None:
    (notice,) = load(DATA / "interpol_red_detail.json")
    assert notice.notice_id == "2022/51234"
    assert notice.type is NoticeType.RED
    assert notice.names == (PersonName("VOLKOV", "ALEKSANDR SERGEYEVICH"),)
    assert notice.sex is Sex.MALE
    assert notice.dates_of_birth == (PartialDate(1977, 6, 30),)
    assert notice.nationalities == ("RUS",)
    assert notice.charges == ("Escroquerie en bande organisée", "Money laundering")
    assert notice.issuing_country == "FRA"  # the first warrant's country


def test_yellow_detail_adds_birth_name() -> None:
    (notice,) = load(DATA / "interpol_yellow_detail.json")
    assert notice.type is NoticeType.YELLOW
    assert notice.sex is Sex.FEMALE
    assert notice.names == (
        PersonName("SANTOSO", "DEWI", NameKind.PRIMARY),
        PersonName("WULANDARI", "DEWI", NameKind.BIRTH_NAME),
    )
    assert notice.charges == ()
    assert notice.issuing_country == ""


def test_un_item() -> None:
    (notice,) = load(DATA / "interpol_un_item.json")
    assert notice.type is NoticeType.UN_SPECIAL
    assert notice.notice_id == "2015/60317"
    assert notice.dates_of_birth == (PartialDate(1974),)
    assert notice.nationalities == ("IRQ",)


def test_array_of_pages_and_details(tmp_path: Path) -> None:
    parts = [
        json.loads((DATA / name).read_text(encoding="utf-8"))
        for name in (
            "interpol_red_list.json",
            "interpol_yellow_detail.json",
            "interpol_un_item.json",
            "interpol_red_detail.json",
        )
    ]
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps(parts, indent=2), encoding="utf-8")
    notices = load(path)
    assert [n.notice_id for n in notices] == [
        "2021/75051",
        "2019/10234",
        "2023/4417",
        "2024/31337",
        "2020/88120",
        "2015/60317",
        "2022/51234",
    ]
    assert [n.type for n in notices][4:] == [
        NoticeType.YELLOW,
        NoticeType.UN_SPECIAL,
        NoticeType.RED,
    ]


@pytest.mark.parametrize(
    ("segment", "expected"),
    [
        ("red", NoticeType.RED),
        ("yellow", NoticeType.YELLOW),
        ("blue", NoticeType.BLUE),
        ("black", NoticeType.BLACK),
        ("green", NoticeType.GREEN),
        ("orange", NoticeType.ORANGE),
        ("purple", NoticeType.PURPLE),
        ("un/persons", NoticeType.UN_SPECIAL),
        ("diffusion", NoticeType.DIFFUSION),
    ],
)
def test_type_from_self_link(tmp_path: Path, segment: str, expected: NoticeType) -> None:
    item = {
        "entity_id": "2020/1",
        "name": "X",
        "_links": {"self": {"href": f"{API}/{segment}/2020-1"}},
    }
    path = tmp_path / "n.json"
    path.write_text(json.dumps(item), encoding="utf-8")
    (notice,) = load(
        path, default_type=NoticeType.GREEN if expected is not NoticeType.GREEN else None
    )
    assert notice.type is expected


def test_default_type_without_link(tmp_path: Path) -> None:
    path = tmp_path / "n.json"
    path.write_text(json.dumps([{"entity_id": "2020/1", "name": "X"}]), encoding="utf-8")
    (notice,) = load(path, default_type=NoticeType.BLUE)
    assert notice.type is NoticeType.BLUE
    error = load_error(path)
    assert error.field == "_links.self.href"
    assert error.line == 1


def test_cancelled_extension(tmp_path: Path) -> None:
    path = tmp_path / "n.json"
    item = {"entity_id": "2020/1", "name": "X", "status": "Cancelled"}
    path.write_text(json.dumps(item), encoding="utf-8")
    (notice,) = load(path, default_type=NoticeType.RED)
    assert notice.status is NoticeStatus.CANCELLED
    assert not notice.is_active


def test_forename_only_and_null_warrant_fields(tmp_path: Path) -> None:
    item = {
        "entity_id": "2020/2",
        "forename": "ANA",
        "sex_id": "U",
        "arrest_warrants": [{"charge": None, "issuing_country_id": None}, {"charge": "Fraud"}],
    }
    path = tmp_path / "n.json"
    path.write_text(json.dumps(item), encoding="utf-8")
    (notice,) = load(path, default_type=NoticeType.RED)
    assert notice.names == (PersonName("", "ANA"),)
    assert notice.sex is Sex.UNSPECIFIED
    assert notice.charges == ("Fraud",)
    assert notice.issuing_country == ""


def test_reading_is_lazy(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    iterator = read_notices(missing)  # nothing happens yet
    with pytest.raises(LoadError) as info:
        next(iterator)
    assert info.value.line is None

    lines = [
        json.dumps({"id": "a", "type": "red", "names": [{"surname": "A"}]}),
        json.dumps({"id": "b", "type": "red", "names": [{"surname": "B"}]}),
        json.dumps({"id": "c", "type": "rouge", "names": [{"surname": "C"}]}),
    ]
    path = tmp_path / "n.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    iterator = read_notices(path)
    assert next(iterator).notice_id == "a"
    assert next(iterator).notice_id == "b"
    with pytest.raises(LoadError) as info:
        next(iterator)
    assert (info.value.line, info.value.field) == (3, "type")


def test_format_by_content_for_other_extensions(tmp_path: Path) -> None:
    jsonl = tmp_path / "notices.txt"
    jsonl.write_text('{"id": "a", "type": "red", "names": [{"surname": "A"}]}\n', encoding="utf-8")
    assert [n.notice_id for n in load(jsonl)] == ["a"]
    interpol = tmp_path / "notices.data"
    interpol.write_text((DATA / "interpol_red_list.json").read_text(encoding="utf-8"), "utf-8")
    assert len(load(interpol)) == 4


def test_bom_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "n.json"
    path.write_bytes(b"\xef\xbb\xbf" + (DATA / "interpol_un_item.json").read_bytes())
    assert len(load(path)) == 1


# --------------------------------------------------------------------------- INTERPOL bad input

GOOD_ITEM: dict[str, Any] = {
    "forename": "KHALID",
    "date_of_birth": "1979/03/14",
    "entity_id": "2021/75051",
    "nationalities": ["JO"],
    "name": "AL-HADDAD",
    "sex_id": "M",
    "arrest_warrants": [
        {"charge": "Fraud", "issuing_country_id": "FR", "charge_translation": None}
    ],
    "_links": {"self": {"href": f"{API}/red/2021-75051"}},
}
_MISSING = object()

INTERPOL_BAD: list[tuple[str, Any, str | None]] = [
    # (key, bad value or _MISSING, expected field)
    ("entity_id", _MISSING, "entity_id"),
    ("entity_id", "", "entity_id"),
    ("entity_id", 2021, "entity_id"),
    ("entity_id", "x" * 65, "entity_id"),
    ("name", 42, "name"),
    ("name", "AL\x00HADDAD", "name"),
    ("name", "N" * 201, "name"),
    ("forename", ["KHALID"], "forename"),
    ("date_of_birth", "2021/02/30", "date_of_birth"),
    ("date_of_birth", "1980/13/01", "date_of_birth"),
    ("date_of_birth", "1980/00/10", "date_of_birth"),
    ("date_of_birth", "1980/04/31", "date_of_birth"),
    ("date_of_birth", "1980/5/1", "date_of_birth"),
    ("date_of_birth", "14.03.1979", "date_of_birth"),
    ("date_of_birth", "1979/03/14/01", "date_of_birth"),
    ("date_of_birth", "2999/01/01", "date_of_birth"),
    ("date_of_birth", "2999", "date_of_birth"),
    ("date_of_birth", "1066", "date_of_birth"),
    ("date_of_birth", "XXXX/XX/XX", "date_of_birth"),
    ("date_of_birth", "19X9/03/14", "date_of_birth"),
    ("date_of_birth", 1979, "date_of_birth"),
    ("nationalities", "JO", "nationalities"),
    ("nationalities", ["ZZ"], "nationalities[0]"),
    ("nationalities", ["JO", "QQQ"], "nationalities[1]"),
    ("nationalities", [""], "nationalities[0]"),
    ("nationalities", [7], "nationalities[0]"),
    ("sex_id", "Q", "sex_id"),
    ("sex_id", 1, "sex_id"),
    ("arrest_warrants", "Fraud", "arrest_warrants"),
    ("arrest_warrants", ["Fraud"], "arrest_warrants[0]"),
    ("arrest_warrants", [{"charge": 5}], "arrest_warrants[0].charge"),
    ("arrest_warrants", [{"charge": "x" * 1001}], "arrest_warrants[0].charge"),
    (
        "arrest_warrants",
        [{"charge": "Fraud", "charge_translation": {"en": "Fraud"}}],
        "arrest_warrants[0].charge_translation",
    ),
    (
        "arrest_warrants",
        [{"charge": "Fraud", "issuing_country_id": "FR"}, {"issuing_country_id": "XY"}],
        "arrest_warrants[1].issuing_country_id",
    ),
    ("arrest_warrants", [{"issuing_country_id": 250}], "arrest_warrants[0].issuing_country_id"),
    ("birth_name", 7, "birth_name"),
    ("status", "deleted", "status"),
    ("status", True, "status"),
    ("_links", "self", "_links"),
    ("_links", {"self": "x"}, "_links.self"),
    ("_links", {"self": {"href": 5}}, "_links.self.href"),
    ("_links", {"self": {"href": f"{API}/pink/2021-75051"}}, "_links.self.href"),
    ("_links", {"self": {"href": "http://["}}, "_links.self.href"),
    ("_links", _MISSING, "_links.self.href"),  # no type and no default
]


@pytest.mark.parametrize(("key", "value", "field"), INTERPOL_BAD)
def test_interpol_bad_field(tmp_path: Path, key: str, value: Any, field: str) -> None:
    bad = dict(GOOD_ITEM)
    if value is _MISSING:
        del bad[key]
    else:
        bad[key] = value
    good = dict(GOOD_ITEM, entity_id="2020/1")
    # One notice per line after the first line: the bad notice starts on line 3.
    text = (
        '{"total": 2, "_embedded": {"notices": [\n'
        + json.dumps(good)
        + ",\n"
        + json.dumps(bad)
        + "\n]}}\n"
    )
    path = tmp_path / "page.json"
    path.write_text(text, encoding="utf-8")
    error = load_error(path)
    assert error.field == field
    assert error.line == 3
    assert error.source == str(path)
    assert error.description.startswith("notice 2")


def test_interpol_error_names_the_notice_and_its_line(tmp_path: Path) -> None:
    items = [dict(GOOD_ITEM, entity_id=f"2021/{i}") for i in range(1, 18)]
    items[16]["date_of_birth"] = "1980/13/01"
    path = tmp_path / "page.json"
    path.write_text(json.dumps({"_embedded": {"notices": items}}, indent=2), encoding="utf-8")
    error = load_error(path)
    assert error.field == "date_of_birth"
    assert (
        error.description == "notice 17 (entity_id 2021/17): '1980/13/01': month 13 is not a month"
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    assert error.line is not None
    assert lines[error.line - 1].strip() == "{"
    assert '"entity_id": "2021/17"' in "\n".join(lines[error.line : error.line + 20])


def test_interpol_duplicate_entity_id(tmp_path: Path) -> None:
    path = tmp_path / "n.json"
    path.write_text(json.dumps([GOOD_ITEM, GOOD_ITEM]), encoding="utf-8")
    error = load_error(path)
    assert (error.field, error.line) == ("entity_id", 1)
    assert "already used by notice 1" in error.description


def test_interpol_no_name(tmp_path: Path) -> None:
    item = dict(GOOD_ITEM)
    del item["name"]
    item["forename"] = "   "
    path = tmp_path / "n.json"
    path.write_text(json.dumps(item), encoding="utf-8")
    error = load_error(path)
    assert (error.field, error.line) == ("name", 1)


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        ("", 1, None),  # empty file
        ("42", 1, None),  # neither page nor notice
        ('"red"', 1, None),
        ('[\n  {"entity_id": "1", "name": "A"},\n  3\n]', 3, None),  # item not an object
        ('[\n  [{"entity_id": "1", "name": "A"}]\n]', 2, None),  # nested array
        ('{"_embedded": []}', 1, "_embedded"),
        ('{"_embedded": {"items": []}}', 1, "_embedded.notices"),
        ('{"_embedded": {"notices": {}}}', 1, "_embedded.notices"),
        ('{\n  "_embedded": {"notices": [\n    {"entity_id": "1",, "name": "A"}\n]}}', 3, None),
        ('{"entity_id": "1", "name": "A"', 1, None),  # truncated
        ("[" * 100_000 + "]" * 100_000, None, None),  # nested too deeply
        ('{"entity_id": 1' + "0" * 5000 + "}", None, None),  # integer too long to convert
    ],
)
def test_interpol_bad_structure(
    tmp_path: Path, text: str, line: int | None, field: str | None
) -> None:
    path = tmp_path / "n.json"
    path.write_text(text, encoding="utf-8")
    error = load_error(path, default_type=NoticeType.RED)
    assert error.field == field
    if line is not None:
        assert error.line == line


def test_interpol_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "n.json"
    path.write_bytes(b'[\n{"entity_id": "1",\n "name": "M\xfcller"}]')
    error = load_error(path)
    assert (error.line, error.field) == (3, None)
    assert "UTF-8" in error.description


# --------------------------------------------------------------------------- JSON Lines

FULL_JSONL: dict[str, Any] = {
    "id": "NCB-JKT-2024-0117",
    "type": "red",
    "status": "active",
    "names": [
        {"surname": "Nguyễn", "given_names": "Văn Hùng", "kind": "primary", "script": "Latn"},
        {"surname": "NGUYEN", "given_names": "VAN HUNG", "kind": "alias"},
        {"surname": "阮", "given_names": "文雄", "kind": "original-script", "script": "hani"},
        {"surname": "TRAN", "kind": "birth_name"},
    ],
    "dates_of_birth": ["1980-05-12", "1980-05", "1981", "1980-XX-12", "1980/05/12"],
    "sex": "m",
    "nationalities": ["VNM", "id"],
    "issuing_country": "ID",
    "charges": ["Drug trafficking", " Money laundering "],
    "source": "ncb-jakarta",
    "published_on": "2024-03-01",
}


def write_jsonl(path: Path, *records: Any) -> Path:
    path.write_text(
        "".join(
            (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records
        ),
        encoding="utf-8",
    )
    return path


def test_jsonl_full_record(tmp_path: Path) -> None:
    (notice,) = load(write_jsonl(tmp_path / "n.jsonl", FULL_JSONL))
    assert notice == Notice(
        notice_id="NCB-JKT-2024-0117",
        type=NoticeType.RED,
        status=NoticeStatus.ACTIVE,
        names=(
            PersonName("Nguyễn", "Văn Hùng", NameKind.PRIMARY, "Latn"),
            PersonName("NGUYEN", "VAN HUNG", NameKind.ALIAS),
            PersonName("阮", "文雄", NameKind.ORIGINAL_SCRIPT, "Hani"),
            PersonName("TRAN", "", NameKind.BIRTH_NAME),
        ),
        dates_of_birth=(
            PartialDate(1980, 5, 12),
            PartialDate(1980, 5),
            PartialDate(1981),
            PartialDate(1980, None, 12),
        ),
        sex=Sex.MALE,
        nationalities=("VNM", "IDN"),
        issuing_country="IDN",
        charges=("Drug trafficking", "Money laundering"),
        source="ncb-jakarta",
        published_on=dt.date(2024, 3, 1),
    )


def test_jsonl_minimal_record_and_defaults(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "n.jsonl",
        "",
        {"id": "a", "type": "UN", "names": [{"given_names": "ANA"}]},
        "   ",
        {"id": "b", "names": [{"surname": "B"}], "status": "cancelled", "sex": None},
    )
    a, b = load(path, default_type=NoticeType.DIFFUSION)
    assert a.type is NoticeType.UN_SPECIAL
    assert a.source == "jsonl"
    assert a.status is NoticeStatus.ACTIVE
    assert a.sex is Sex.UNSPECIFIED
    assert b.type is NoticeType.DIFFUSION
    assert b.status is NoticeStatus.CANCELLED


def test_jsonl_examples_of_the_documentation(tmp_path: Path) -> None:
    text = (Path(__file__).parents[2] / "docs" / "data-formats.md").read_text(encoding="utf-8")
    section = text.split("## Notices: notice-lookup JSON Lines", 1)[1]
    block = section.split("```json\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "doc.jsonl"
    path.write_text(block, encoding="utf-8")
    notices = load(path)
    assert [n.notice_id for n in notices] == [
        "NCB-JKT-2024-0117",
        "UN-QDi.999",
        "NCB-JKT-2023-0042",
    ]
    assert notices[1].names[1].script == "Arab"
    assert notices[2].status is NoticeStatus.CANCELLED


JSONL_BAD: list[tuple[str, Any, str | None]] = [
    ("id", _MISSING, "id"),
    ("id", 17, "id"),
    ("id", " ", "id"),
    ("type", "rouge", "type"),
    ("type", ["red"], "type"),
    ("status", "expired", "status"),
    ("names", _MISSING, "names"),
    ("names", [], "names"),
    ("names", {"surname": "X"}, "names"),
    ("names", ["NGUYEN"], "names[0]"),
    ("names", [{"surname": "A"}, {}], "names[1].surname"),
    ("names", [{"surname": " ", "given_names": ""}], "names[0].surname"),
    ("names", [{"surname": 5}], "names[0].surname"),
    ("names", [{"surname": "A", "given_names": 5}], "names[0].given_names"),
    ("names", [{"surname": "A", "given_name": "B"}], "names[0].given_name"),
    ("names", [{"surname": "A", "kind": "nickname"}], "names[0].kind"),
    ("names", [{"surname": "A", "script": "Latin"}], "names[0].script"),
    ("names", [{"surname": "A", "script": "L4tn"}], "names[0].script"),
    ("names", [{"surname": "A\u202eB"}], "names[0].surname"),
    ("dates_of_birth", "1980-05-12", "dates_of_birth"),
    ("dates_of_birth", ["1980-05-12", "1980-13-01"], "dates_of_birth[1]"),
    ("dates_of_birth", ["2021-02-29"], "dates_of_birth[0]"),
    ("dates_of_birth", ["1980-02-30"], "dates_of_birth[0]"),
    ("dates_of_birth", ["XXXX-02-30"], "dates_of_birth[0]"),
    ("dates_of_birth", ["1980-5-12"], "dates_of_birth[0]"),
    ("dates_of_birth", ["12/05/1980"], "dates_of_birth[0]"),
    ("dates_of_birth", ["1980-05-32"], "dates_of_birth[0]"),
    ("dates_of_birth", ["2999-01-01"], "dates_of_birth[0]"),
    ("dates_of_birth", [""], "dates_of_birth[0]"),
    ("dates_of_birth", [1980], "dates_of_birth[0]"),
    ("dates_of_birth", [None], "dates_of_birth[0]"),
    ("sex", "male", "sex"),
    ("sex", 1, "sex"),
    ("nationalities", "VNM", "nationalities"),
    ("nationalities", ["VNM", "XYZ"], "nationalities[1]"),
    ("nationalities", [None], "nationalities[0]"),
    ("issuing_country", "QQ", "issuing_country"),
    ("issuing_country", 360, "issuing_country"),
    ("charges", "Fraud", "charges"),
    ("charges", ["Fraud", ""], "charges[1]"),
    ("charges", [3], "charges[0]"),
    ("source", 5, "source"),
    ("source", "s" * 65, "source"),
    ("published_on", "2020-02-30", "published_on"),
    ("published_on", "2020-02", "published_on"),
    ("published_on", "1 March 2024", "published_on"),
    ("published_on", "2999-01-01", "published_on"),
    ("published_on", 20240301, "published_on"),
    ("nationality", ["VNM"], "nationality"),  # a typo of a key
    ("date_of_birth", "1980-05-12", "date_of_birth"),  # the INTERPOL key, not ours
]


@pytest.mark.parametrize(("key", "value", "field"), JSONL_BAD)
def test_jsonl_bad_field(tmp_path: Path, key: str, value: Any, field: str) -> None:
    bad = dict(FULL_JSONL)
    if value is _MISSING:
        del bad[key]
    else:
        bad[key] = value
    good = dict(FULL_JSONL, id="first")
    path = write_jsonl(tmp_path / "n.jsonl", good, "", bad)
    error = load_error(path)
    assert (error.field, error.line) == (field, 3)
    assert error.description.startswith("notice 2")


def test_jsonl_missing_type_without_default(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "n.jsonl", {"id": "a", "names": [{"surname": "A"}]})
    error = load_error(path)
    assert (error.field, error.line) == ("type", 1)


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ('{"id": "a", "type": "red", "names": [{"surname": "A"}]', None),  # truncated
        ("[1, 2]", None),
        ('"notice"', None),
        ("null", None),
        ("{'id': 'a'}", None),
        ("[" * 100_000, None),
    ],
)
def test_jsonl_bad_line(tmp_path: Path, line: str, field: str | None) -> None:
    path = write_jsonl(tmp_path / "n.jsonl", dict(FULL_JSONL, id="x"), line)
    error = load_error(path)
    assert (error.field, error.line) == (field, 2)


def test_jsonl_duplicate_id(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "n.jsonl", FULL_JSONL, FULL_JSONL)
    error = load_error(path)
    assert (error.field, error.line) == ("id", 2)


def test_jsonl_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "n.jsonl"
    path.write_bytes(json.dumps(FULL_JSONL).encode() + b'\n{"id": "\xc3\x28"}\n')
    error = load_error(path)
    assert (error.line, error.field) == (2, None)


def test_jsonl_crlf_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "n.jsonl"
    line = json.dumps({"id": "a", "type": "red", "names": [{"surname": "A"}]}).encode()
    path.write_bytes(b"\xef\xbb\xbf" + line + b"\r\n" + line.replace(b'"a"', b'"b"') + b"\r\n")
    assert [n.notice_id for n in load(path)] == ["a", "b"]
