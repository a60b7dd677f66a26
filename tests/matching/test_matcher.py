"""Pure-logic tests of the first matching model: normalisation, phonetic keys, scoring.

The full evaluation set (recall/precision per category) is the subject of its own
command; these tests pin representative pairs so that a regression fails the suite.
"""

from __future__ import annotations

import pytest

from lookup_server.matching.keys import notice_keys, query_keys
from lookup_server.matching.names import compare_names
from lookup_server.matching.normalize import name_tokens, to_latin
from lookup_server.matching.phonetic import phonetic_key
from lookup_server.matching.scorer import Matcher, Thresholds
from lookup_server.model import (
    Agreement,
    NameKind,
    Notice,
    NoticeStatus,
    NoticeType,
    PartialDate,
    PersonName,
    Sex,
    TravellerQuery,
    Verdict,
)


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        ("Müller", "MULLER"),
        ("Đặng Văn Lâm", "DANG VAN LAM"),
        ("O'Brien", "OBRIEN"),
        ("AL-RASHID", "AL RASHID"),
        ("SMITH<<JOHN<PAUL", "SMITH JOHN PAUL"),
        ("Мухаммед", "MUKHAMMED"),
        ("Γιώργος", "GIORGOS"),
        ("Straße", "STRASSE"),
        ("  ", ""),
    ],
)
def test_to_latin(text: str, latin: str) -> None:
    assert to_latin(text) == latin


@pytest.mark.parametrize(
    "group",
    [
        ["MUHAMMAD", "MOHAMMED", "MOHAMAD", "MUHAMMED", "MEHMET", "MUKHAMMED"],
        ["YUSUF", "YOUSSEF", "JUSUF", "IOSIF", "JOSEPH"],
        ["ALEKSANDR", "ALEXANDER"],
        ["ZHANG", "CHANG"],
        ["SOEHARTO", "SUHARTO"],
        ["MUELLER", "MULLER"],
        ["KHALID", "HALID"],
        ["SHEVCHENKO", "SCHEWTSCHENKO"],
    ],
)
def test_phonetic_key_groups_transliterations(group: list[str]) -> None:
    assert len({phonetic_key(name) for name in group}) == 1


@pytest.mark.parametrize(("a", "b"), [("PETER", "PAVEL"), ("SMITH", "JONES"), ("ALI", "OMAR")])
def test_phonetic_key_separates_different_names(a: str, b: str) -> None:
    assert phonetic_key(a) != phonetic_key(b)


def test_mononym_written_in_both_fields_counts_once() -> None:
    assert name_tokens("SUKARNO", "SUKARNO").core == ("SUKARNO",)
    assert name_tokens("", "SUKARNO").core == name_tokens("SUKARNO", "").core


def test_particles_are_not_core_tokens() -> None:
    tokens = name_tokens("VAN DER BERG", "JAN")
    assert tokens.core == ("BERG", "JAN")
    assert tokens.particles == ("VAN", "DER")


def _notice(surname: str, given: str, dob: PartialDate | None = None, **kw: object) -> Notice:
    return Notice(
        notice_id="2020/1",
        type=NoticeType.RED,
        status=NoticeStatus(kw.pop("status", NoticeStatus.ACTIVE)),  # type: ignore[arg-type]
        names=(PersonName(surname, given),),
        dates_of_birth=(dob,) if dob else (),
        sex=Sex(kw.pop("sex", Sex.MALE)),  # type: ignore[arg-type]
        nationalities=("IRQ",),
    )


def _query(
    surname: str, given: str, dob: PartialDate | None = None, sex: Sex = Sex.MALE
) -> TravellerQuery:
    return TravellerQuery(
        document=None,
        surname=surname,
        given_names=given,
        date_of_birth=dob or PartialDate(),
        sex=sex,
        nationality="IRQ",
    )


DOB = PartialDate(1980, 5, 12)


@pytest.mark.parametrize(
    ("surname", "given", "why"),
    [
        ("AL-RASHID", "MUHAMMAD YUSUF", "exact"),
        ("al rashid", "muhammad yusuf", "case and punctuation"),
        ("RASHID", "MOHAMMED YOUSSEF", "transliteration, particle dropped"),
        ("MUHAMMAD YUSUF", "AL RASHID", "fields swapped"),
        ("AL RASHID", "MUHAMMAD", "middle name missing"),
        ("AL RASHID", "MUHAMMAD YSUF", "dropped letter"),
        ("AL RASHID", "MUHAMMAD YUSFU", "transposition"),
    ],
)
def test_variants_with_same_birth_date_are_hits(surname: str, given: str, why: str) -> None:
    matcher = Matcher()
    notice = _notice("AL-RASHID", "Muhammad Yusuf", DOB)
    scored = matcher.score(matcher.prepare(_query(surname, given, DOB)), notice)
    assert scored is not None, why
    assert scored.verdict is Verdict.HIT, (why, scored.score, scored.fields)


def test_full_birth_date_conflict_rules_a_match_out() -> None:
    matcher = Matcher()
    notice = _notice("AL-RASHID", "MUHAMMAD YUSUF", DOB)
    query = _query("AL-RASHID", "MUHAMMAD YUSUF", PartialDate(1975, 11, 3))
    assert matcher.score(matcher.prepare(query), notice) is None


def test_sex_conflict_rules_a_match_out() -> None:
    matcher = Matcher()
    notice = _notice("AL-RASHID", "MUHAMMAD YUSUF", DOB, sex=Sex.FEMALE)
    assert (
        matcher.score(matcher.prepare(_query("AL-RASHID", "MUHAMMAD YUSUF", DOB)), notice) is None
    )


def test_day_month_swap_is_partial_agreement() -> None:
    matcher = Matcher()
    notice = _notice("PETROV", "IVAN", DOB)
    scored = matcher.score(
        matcher.prepare(_query("PETROV", "IVAN", PartialDate(1980, 12, 5))), notice
    )
    assert scored is not None
    dob = next(f for f in scored.fields if f.field == "date_of_birth")
    assert dob.agreement is Agreement.PARTIAL
    assert "swapped" in dob.explanation


def test_year_only_notice_agrees_partially() -> None:
    matcher = Matcher()
    notice = _notice("PETROV", "IVAN", PartialDate(1980))
    scored = matcher.score(matcher.prepare(_query("PETROV", "IVAN", DOB)), notice)
    assert scored is not None
    dob = next(f for f in scored.fields if f.field == "date_of_birth")
    assert (dob.agreement, dob.score_delta > 0) == (Agreement.PARTIAL, True)


def test_different_given_name_same_surname_is_not_a_hit() -> None:
    matcher = Matcher()
    notice = _notice("HASSAN", "OMAR", DOB)
    scored = matcher.score(matcher.prepare(_query("HASSAN", "KARIM", DOB)), notice)
    assert scored is None or scored.verdict is not Verdict.HIT


def test_cancelled_notice_never_matches() -> None:
    matcher = Matcher()
    notice = _notice("PETROV", "IVAN", DOB, status=NoticeStatus.CANCELLED)
    assert matcher.score(matcher.prepare(_query("PETROV", "IVAN", DOB)), notice) is None


def test_original_script_alias_matches_romanised_query() -> None:
    matcher = Matcher()
    notice = Notice(
        notice_id="2020/2",
        type=NoticeType.RED,
        status=NoticeStatus.ACTIVE,
        names=(
            PersonName("IVANOV", "SERGEI"),
            PersonName("Иванов", "Сергей", kind=NameKind.ORIGINAL_SCRIPT, script="Cyrl"),
        ),
        dates_of_birth=(DOB,),
        sex=Sex.MALE,
    )
    scored = matcher.score(matcher.prepare(_query("IVANOV", "SERGEY", DOB)), notice)
    assert scored is not None
    assert scored.verdict is Verdict.HIT


def test_every_match_explains_its_tokens() -> None:
    comparison = compare_names(
        name_tokens("RASHID", "MOHAMMED"), name_tokens("AL-RASHID", "MUHAMMAD")
    )
    pairs = {(a.query_token, a.notice_token, a.method) for a in comparison.alignments}
    assert ("RASHID", "RASHID", "exact") in pairs
    assert ("MOHAMMED", "MUHAMMAD", "phonetic") in pairs


def test_glued_and_split_tokens_pair_up() -> None:
    comparison = compare_names(
        name_tokens("ABDULRAHMAN", "AHMED"), name_tokens("ABDUL RAHMAN", "AHMED")
    )
    assert comparison.score >= 0.95


def test_keys_share_a_transliteration_variant() -> None:
    notice = _notice("AL-RASHID", "MUHAMMAD", DOB)
    assert set(query_keys(_query("RASHID", "MOHAMMED"))) & notice_keys(notice)


def test_thresholds_validate_order() -> None:
    with pytest.raises(ValueError, match="possible <= hit"):
        Thresholds(hit=0.7, possible=0.8)


@pytest.mark.parametrize(
    ("notice_name", "query_name", "why"),
    [
        (("BONDARENKO", "EKATERINA"), ("BONDARENKO", "KATERYNA"), "Russian / Ukrainian form"),
        (("SHEVCHENKO", "VLADIMIR"), ("SHEVCHENKO", "VOLODYMYR"), "Russian / Ukrainian form"),
        (("موسوی", "شیرین"), ("MOUSAVI", "SHIRIN"), "Persian nisba ending -avi"),
        (("DORDEVIC", "DORDE"), ("DJORDJEVIC", "DJORDJE"), "Serbian DJ against D"),
    ],
)
def test_spelling_families_match(
    notice_name: tuple[str, str], query_name: tuple[str, str], why: str
) -> None:
    matcher = Matcher()
    notice = _notice(*notice_name, DOB)
    scored = matcher.score(matcher.prepare(_query(*query_name, DOB)), notice)
    assert scored is not None, why
    assert scored.verdict is Verdict.HIT, (why, scored.score, scored.fields)


def test_given_name_family_does_not_join_different_names() -> None:
    matcher = Matcher()
    notice = _notice("BONDARENKO", "EKATERINA", DOB)
    scored = matcher.score(matcher.prepare(_query("BONDARENKO", "OLENA", DOB)), notice)
    assert scored is None or scored.verdict is Verdict.CLEAR
