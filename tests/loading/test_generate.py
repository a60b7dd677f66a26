"""Tests of the synthetic data generator: round trips through the loaders, truth, determinism."""

from __future__ import annotations

import collections
import datetime as dt
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from lookup_server.loading.documents import read_documents
from lookup_server.loading.generate import (
    REFERENCE_DATE,
    GenerateReport,
    _NumberSpace,
    generate_dataset,
    main,
)
from lookup_server.loading.notices import read_notices
from lookup_server.model import (
    DocumentKey,
    DocumentRecord,
    DocumentStatus,
    NameKind,
    Notice,
    NoticeType,
    PartialDate,
    Sex,
)
from lookup_server.mrz import mrz_name, parse_mrz


class Dataset:
    def __init__(self, report: GenerateReport) -> None:
        self.report = report
        self.notices: dict[str, Notice] = {
            n.notice_id: n for n in read_notices(report.notices_path)
        }
        self.documents: dict[DocumentKey, DocumentRecord] = {}
        self.document_rows = 0
        for record in read_documents(report.documents_path):
            self.documents[record.key] = record
            self.document_rows += 1
        self.truth: list[dict[str, Any]] = [
            json.loads(line) for line in report.truth_path.read_text(encoding="utf-8").splitlines()
        ]
        self.raw_items: list[dict[str, Any]] = json.loads(
            report.notices_path.read_text(encoding="utf-8")
        )["_embedded"]["notices"]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    out = tmp_path_factory.mktemp("synthetic")
    report = generate_dataset(out, notices=1500, documents=4000, seed=7, travellers=600)
    return Dataset(report)


_FOLD: dict[str, str | int | None] = {"ß": "SS", "Đ": "D", "đ": "D", "Ł": "L", "ł": "L"}


def fold(text: str) -> str:
    text = text.translate(str.maketrans(_FOLD))
    decomposed = unicodedata.normalize("NFKD", text.upper())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^A-Z]+", " ", letters).split())


# --------------------------------------------------------------------------- round trip


def test_counts_round_trip(dataset: Dataset) -> None:
    report = dataset.report
    assert len(dataset.notices) == report.notices == 1500
    assert dataset.document_rows == report.documents == 4000
    assert len(dataset.documents) == 4000, "document keys are unique"
    assert len(dataset.truth) == report.travellers == 600
    assert sum(report.notices_by_type.values()) == 1500
    assert sum(report.documents_by_status.values()) == 4000
    assert sum(report.travellers_by_reason.values()) == 600
    assert report.notices_path == report.out_dir / "notices.json"
    assert collections.Counter(t["reason"] for t in dataset.truth) == report.travellers_by_reason


def test_first_travellers_for_demonstrations(dataset: Dataset) -> None:
    first = dataset.truth[:4]
    assert [t["reason"] for t in first] == [
        "clear",
        "stolen-document",
        "notice-variant",
        "notice-exact",
    ]
    assert [t["id"] for t in first] == ["t-000001", "t-000002", "t-000003", "t-000004"]
    stolen = first[1]
    assert stolen["expect"] == "HIT"
    assert stolen["document_status"] == "stolen-from-bearer"
    assert stolen["fields"]["document_type"] == "P"
    assert stolen["mrz"][0].startswith("P<")
    variant = first[2]
    assert variant["expect"] == "HIT"
    assert variant["notice_type"] == "red"
    assert dataset.notices[variant["notice_id"]].type is NoticeType.RED
    assert re.fullmatch(r"transliteration MUHAMMAD->M[OU]HA?MM?[AE][DT]", variant["variant"])


def test_every_traveller_is_consistent(dataset: Dataset) -> None:
    for traveller in dataset.truth:
        fields = traveller["fields"]
        ident = traveller["id"]
        assert traveller["expect"] in ("HIT", "POSSIBLE_MATCH", "CLEAR"), ident
        # The MRZ is a valid TD3 passport MRZ describing the same document and person.
        query = parse_mrz(traveller["mrz"], today=REFERENCE_DATE).to_query()
        assert query.document == DocumentKey(fields["issuing_country"], fields["document_number"])
        assert query.nationality == fields["nationality"]
        assert query.date_of_birth == PartialDate.from_iso(fields["date_of_birth"])
        assert query.date_of_expiry == PartialDate.from_iso(fields["date_of_expiry"])
        assert query.sex.value == fields["sex"]
        assert query.document_type.startswith("P")
        written = f"{mrz_name(fields['surname'])}<<{mrz_name(fields['given_names'])}"
        assert (
            written.replace("<", " ").split() == (f"{query.surname} {query.given_names}".split())
            or query.name_truncated
        ), ident

        key = DocumentKey(fields["issuing_country"], fields["document_number"])
        record = dataset.documents.get(key)
        reason = traveller["reason"]
        if reason == "stolen-document":
            assert traveller["expect"] == "HIT"
            assert record is not None, ident
            assert record.status.is_listed
            assert record.status.value == traveller["document_status"]
            assert record.document_type == "P"
        elif reason == "recovered-document":
            assert traveller["expect"] == "CLEAR"
            assert record is not None
            assert record.status is DocumentStatus.CANCELLED
        else:
            assert record is None, f"{ident} carries a listed document"

        if reason.startswith("notice-"):
            assert traveller["expect"] == "HIT"
            notice = dataset.notices[traveller["notice_id"]]
            assert notice.is_active
            assert notice.type.value == traveller["notice_type"]
            assert notice.dates_of_birth == (PartialDate.from_iso(fields["date_of_birth"]),)
            assert fields["nationality"] in notice.nationalities
            assert notice.sex.value == fields["sex"]
            primary = notice.names[0]
            as_written = (fields["surname"], fields["given_names"])
            if reason == "notice-exact":
                assert as_written == (primary.surname, primary.given_names), ident
                assert "variant" not in traveller
            else:
                assert as_written != (primary.surname, primary.given_names), ident
                assert traveller["variant"], ident
        else:
            assert "notice_id" not in traveller


def test_clear_travellers_share_no_surname_with_any_notice(dataset: Dataset) -> None:
    notice_names = {
        fold(name.surname) for notice in dataset.notices.values() for name in notice.names
    } | {fold(n.given_names) for notice in dataset.notices.values() for n in notice.names}
    notice_names.discard("")
    clear = [t for t in dataset.truth if t["expect"] == "CLEAR" or t["reason"] == "stolen-document"]
    assert clear
    for traveller in clear:
        surname = fold(traveller["fields"]["surname"])
        core = " ".join(t for t in surname.split() if t not in {"AL", "BIN", "BINTI", "VAN"})
        assert surname not in notice_names, traveller["id"]
        assert core not in notice_names, traveller["id"]


def test_variant_kinds_cover_the_spec(tmp_path: Path) -> None:
    report = generate_dataset(tmp_path, notices=3000, documents=50, seed=3, travellers=1500)
    truth = [json.loads(line) for line in report.truth_path.read_text("utf-8").splitlines()]
    variants = [t["variant"] for t in truth if t["reason"] == "notice-variant"]
    kinds = collections.Counter(v.split(" ")[0] for v in variants)
    for kind in ("transliteration", "diacritics", "surname", "middle", "typo", "particle", "old"):
        assert kinds[kind] > 0, kinds
    transliterated = {v.split(" ")[1].split("->")[0] for v in variants if "transliteration" in v}
    assert len(transliterated) > 10, transliterated
    assert any("->" in v and not v.isascii() for v in variants), "diacritics dropped"


# --------------------------------------------------------------------------- contents


def test_notice_contents(dataset: Dataset) -> None:
    notices = list(dataset.notices.values())
    types = collections.Counter(n.type for n in notices)
    assert types.most_common(1)[0][0] is NoticeType.RED
    assert 0.6 < types[NoticeType.RED] / len(notices) < 0.8
    for kind in (NoticeType.YELLOW, NoticeType.BLUE, NoticeType.GREEN, NoticeType.UN_SPECIAL):
        assert types[kind] > 0
    assert all(n.is_active for n in notices)
    assert all(n.source == "interpol" for n in notices)
    assert all(n.sex in (Sex.MALE, Sex.FEMALE) for n in notices)

    surnames = [n.names[0].surname for n in notices]
    upper = [s.upper() for s in surnames]
    assert any(s.startswith(("BIN ", "BINTI ")) for s in upper), "Malay bin/binti"
    assert any(s.startswith(("AL-", "EL-")) for s in upper), "Arabic particles"
    assert any(s.startswith(("VAN ", "DE ")) for s in upper), "Dutch particles"
    assert any(" DE LA " in f" {s} " or "DEL " in s for s in upper), "Spanish compounds"
    assert any("Đ" in s or "Ễ" in s or "Ặ" in s for s in upper), "Vietnamese diacritics"
    assert any("Ü" in s or "Ö" in s for s in upper), "German umlauts"
    mononyms = [n for n in notices if not n.names[0].given_names]
    assert mononyms, "Indonesian mononyms"
    assert any(n.names[0].surname != n.names[0].surname.upper() for n in notices), "title case"
    nationalities = {c for n in notices for c in n.nationalities}
    assert len(nationalities) > 30
    year_only = [n for n in notices if n.dates_of_birth[0].month is None]
    assert 0 < len(year_only) < len(notices) * 0.1
    for notice in notices:
        (dob,) = notice.dates_of_birth
        assert dob.year is not None
        assert 18 <= REFERENCE_DATE.year - dob.year <= 81
    wanted = [n for n in notices if n.type is NoticeType.RED]
    assert all(n.charges for n in wanted)
    assert any(n.issuing_country for n in wanted)
    assert any(len(n.names) == 2 and n.names[1].kind is NameKind.BIRTH_NAME for n in notices)


def test_raw_notice_items_look_like_the_api(dataset: Dataset) -> None:
    items = dataset.raw_items
    assert all(re.fullmatch(r"20\d\d/\d{5,6}", i["entity_id"]) for i in items)
    assert all(len(c) == 2 for i in items for c in i["nationalities"])
    hrefs = [i["_links"]["self"]["href"] for i in items]
    assert any("/notices/v1/red/" in h for h in hrefs)
    assert any("/notices/v1/un/persons/" in h for h in hrefs)
    assert any(i["forename"] is None for i in items)
    assert any(w["charge_translation"] for i in items for w in i.get("arrest_warrants", []))


NUMBER_FORMATS = {
    "IDN": r"[ABCE]\d{7}|X\d{6}",
    "DEU": r"[CFGHJK][0-9CFGHJKLMNPRTVWXYZ]{8}",
    "GBR": r"\d{9}",
    "USA": r"\d{9}|A\d{8}",
    "FRA": r"\d\d[A-Z]{2}\d{5}",
    "NLD": r"[A-NP-Z]{2}[A-NP-Z0-9]{6}\d",
}


def test_document_contents(dataset: Dataset) -> None:
    records = list(dataset.documents.values())
    statuses = collections.Counter(r.status for r in records)
    ranked = [s for s, _ in statuses.most_common()]
    assert ranked[:2] == [DocumentStatus.LOST, DocumentStatus.STOLEN_FROM_BEARER]
    for status in (DocumentStatus.STOLEN_BLANK, DocumentStatus.REVOKED, DocumentStatus.INVALIDATED):
        assert statuses[status] > 0
    for record in records:
        pattern = NUMBER_FORMATS.get(record.key.issuing_country)
        if pattern:
            assert re.fullmatch(pattern, record.key.number), record
        assert record.reported_on is not None
        assert REFERENCE_DATE - dt.timedelta(days=3651) <= record.reported_on < REFERENCE_DATE
        if record.status is DocumentStatus.STOLEN_BLANK:
            assert record.expires_on is None
        else:
            assert record.expires_on is not None
            assert record.expires_on > record.reported_on
        assert record.reported_by
        assert record.record_id.startswith(f"SLTD-{record.key.issuing_country}-")
        assert record.document_type in ("P", "I", "PD", "PS")
    assert len({r.key.issuing_country for r in records}) > 20


# --------------------------------------------------------------------------- determinism


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    first = generate_dataset(tmp_path / "a", notices=300, documents=2000, seed=11)
    second = generate_dataset(tmp_path / "b", notices=300, documents=2000, seed=11)
    other = generate_dataset(tmp_path / "c", notices=300, documents=2000, seed=12)
    for name in ("notices_path", "documents_path", "truth_path"):
        assert getattr(first, name).read_bytes() == getattr(second, name).read_bytes(), name
        assert getattr(first, name).read_bytes() != getattr(other, name).read_bytes(), name
    assert first.travellers == 200


def test_small_and_empty_datasets(tmp_path: Path) -> None:
    empty = generate_dataset(tmp_path / "empty", notices=0, documents=0)
    assert list(read_notices(empty.notices_path)) == []
    assert list(read_documents(empty.documents_path)) == []
    truth = [json.loads(x) for x in empty.truth_path.read_text("utf-8").splitlines()]
    assert len(truth) == 10
    assert {t["reason"] for t in truth} == {"clear"}

    tiny = generate_dataset(tmp_path / "tiny", notices=1, documents=1, travellers=4)
    truth = [json.loads(x) for x in tiny.truth_path.read_text("utf-8").splitlines()]
    assert [t["reason"] for t in truth] == ["clear", "stolen-document", "notice-variant", "clear"]

    none = generate_dataset(tmp_path / "none", notices=5, documents=5, travellers=0)
    assert none.truth_path.read_text("utf-8") == ""


def test_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="negative"):
        generate_dataset(tmp_path, notices=-1)
    with pytest.raises(ValueError, match="negative"):
        generate_dataset(tmp_path, documents=-1)
    with pytest.raises(ValueError, match="at most"):
        generate_dataset(tmp_path, notices=10_000_000)


def test_number_space_is_a_bijection() -> None:
    space = _NumberSpace("[AB]##", key=12345)
    assert space.size == 200
    listed = [space.take_listed() for _ in range(60)]
    unlisted = [space.take_unlisted() for _ in range(40)]
    assert len(set(listed) | set(unlisted)) == 100
    assert all(re.fullmatch(r"[AB]\d\d", n) for n in listed + unlisted)
    with pytest.raises(ValueError, match="too many"):
        space.take_listed()


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path), "--notices", "20", "--documents", "30", "--seed", "2"]) == 0
    assert "20 notices, 30 documents, 20 travellers" in capsys.readouterr().out
    assert len(list(read_documents(tmp_path / "documents.csv"))) == 30


@pytest.mark.slow
def test_streaming_a_larger_list(tmp_path: Path) -> None:
    report = generate_dataset(tmp_path, notices=10, documents=100_000, travellers=50)
    keys = set()
    count = 0
    for record in read_documents(report.documents_path):
        keys.add(record.key)
        count += 1
    assert count == len(keys) == 100_000
