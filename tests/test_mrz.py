"""Tests of lookup_server.mrz: ICAO 9303 specimens, every error kind, dates, properties.

Check digits in this file are computed by ``ref_check_digit`` below, written from the
text of Doc 9303 Part 3 independently of the module under test, so a wrong weight or
character value in the module cannot hide behind the same mistake in the tests.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lookup_server.errors import MrzError
from lookup_server.model import DocumentKey, MrzFormat, PartialDate, Sex, TravellerQuery
from lookup_server.mrz import (
    MrzResult,
    check_digit,
    format_mrva,
    format_mrvb,
    format_td1,
    format_td2,
    format_td3,
    mrz_name,
    parse_mrz,
)

TODAY = dt.date(2025, 6, 15)


def ref_check_digit(data: str) -> str:
    """Doc 9303 Part 3 section 4.9: weights 7 3 1, A=10..Z=35, < = 0, sum modulo 10."""
    total = 0
    for i, char in enumerate(data):
        if char.isdigit():
            value = int(char)
        elif char == "<":
            value = 0
        else:
            value = ord(char) - ord("A") + 10
        total += value * (7, 3, 1)[i % 3]
    return str(total % 10)


def parse(
    lines: Sequence[str],
    *,
    allow_unknown_countries: bool = False,
    today: dt.date = TODAY,
    field_prefix: str = "mrz.lines",
) -> MrzResult:
    return parse_mrz(
        lines,
        today=today,
        field_prefix=field_prefix,
        allow_unknown_countries=allow_unknown_countries,
    )


def parse_error(
    lines: Sequence[str],
    *,
    allow_unknown_countries: bool = False,
    today: dt.date = TODAY,
    field_prefix: str = "mrz.lines",
) -> MrzError:
    with pytest.raises(MrzError) as info:
        parse(
            lines,
            allow_unknown_countries=allow_unknown_countries,
            today=today,
            field_prefix=field_prefix,
        )
    return info.value


def replace(lines: Sequence[str], line: int, position: int, char: str) -> list[str]:
    out = list(lines)
    out[line] = out[line][:position] + char + out[line][position + 1 :]
    return out


def bump_digit(lines: Sequence[str], line: int, position: int) -> list[str]:
    """Replace the digit at (line, position) by the next digit (9 -> 0)."""
    old = lines[line][position]
    assert old.isdigit(), f"line {line} position {position} holds {old!r}"
    return replace(lines, line, position, str((int(old) + 1) % 10))


# --------------------------------------------------------------------------- builders
# Raw field values in, MRZ lines with freshly computed check digits out, so a test can
# put bad *content* behind valid check digits. Defaults are the Doc 9303 specimens.


def td3(
    *,
    code: str = "P<",
    state: str = "UTO",
    name: str = "ERIKSSON<<ANNA<MARIA",
    number: str = "L898902C3",
    nationality: str = "UTO",
    dob: str = "740812",
    sex: str = "F",
    expiry: str = "120415",
    personal: str = "ZE184226B",
    personal_digit: str | None = None,
) -> list[str]:
    number, personal = number.ljust(9, "<"), personal.ljust(14, "<")
    line2 = (
        number
        + ref_check_digit(number)
        + nationality
        + dob
        + ref_check_digit(dob)
        + sex
        + expiry
        + ref_check_digit(expiry)
        + personal
        + (personal_digit if personal_digit is not None else ref_check_digit(personal))
    )
    line2 += ref_check_digit(line2[0:10] + line2[13:20] + line2[21:43])
    return [(code + state + name).ljust(44, "<"), line2]


def td2(
    *,
    code: str = "I<",
    state: str = "UTO",
    name: str = "ERIKSSON<<ANNA<MARIA",
    number: str = "D23145890",
    nationality: str = "UTO",
    dob: str = "740812",
    sex: str = "F",
    expiry: str = "120415",
    optional: str = "",
) -> list[str]:
    number = number.ljust(9, "<")
    line2 = (
        number
        + ref_check_digit(number)
        + nationality
        + dob
        + ref_check_digit(dob)
        + sex
        + expiry
        + ref_check_digit(expiry)
        + optional.ljust(7, "<")
    )
    line2 += ref_check_digit(line2[0:10] + line2[13:20] + line2[21:35])
    return [(code + state + name).ljust(36, "<"), line2]


def td1(
    *,
    code: str = "I<",
    state: str = "UTO",
    number: str = "D23145890",
    optional1: str = "",
    dob: str = "740812",
    sex: str = "F",
    expiry: str = "120415",
    nationality: str = "UTO",
    optional2: str = "",
    name: str = "ERIKSSON<<ANNA<MARIA",
) -> list[str]:
    number = number.ljust(9, "<")
    line1 = (code + state + number + ref_check_digit(number) + optional1).ljust(30, "<")
    line2 = (
        dob
        + ref_check_digit(dob)
        + sex
        + expiry
        + ref_check_digit(expiry)
        + nationality
        + optional2.ljust(11, "<")
    )
    line2 += ref_check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    return [line1, line2, name.ljust(30, "<")]


# --------------------------------------------------------------------------- specimens
# Doc 9303 Part 4 (TD3), Part 5 (TD1), Part 6 (TD2) and Part 7 (MRV-A, MRV-B).

SPECIMEN_TD3 = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
]
SPECIMEN_TD1 = [
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
]
SPECIMEN_TD1_OVERFLOW = [  # document number D23145890734: 9 characters + "734" + check "9"
    "I<UTOD23145890<7349<<<<<<<<<<<",
    "3407127M9507122UTO<<<<<<<<<<<2",
    "STEVENSON<<PETER<JOHN<<<<<<<<<",
]
SPECIMEN_TD2 = [
    "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
    "D231458907UTO7408122F1204159<<<<<<<6",
]
SPECIMEN_MRVA = [
    "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
]
SPECIMEN_MRVB = [
    "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
    "L8988901C4XXX4009078F9612109<<<<<<<<",
]
# A TD2 with an overflowing number, built from real codes (no published specimen).
TD2_OVERFLOW = list(
    format_td2(
        issuing_state="NLD",
        surname="De Vries",
        given_names="Jan",
        document_number="NX12345678901",
        nationality="NLD",
        date_of_birth=PartialDate(1980, 2, 29),
        sex=Sex.MALE,
        date_of_expiry=PartialDate(2031, 1, 1),
    )
)

# (lines, [(data, line, position of its check digit), ...]) for every check digit.
SPECIMEN_CHECK_DIGITS = [
    pytest.param(
        SPECIMEN_TD3,
        [
            ("L898902C3", 1, 9),
            ("740812", 1, 19),
            ("120415", 1, 27),
            ("ZE184226B<<<<<", 1, 42),
            ("L898902C36" + "7408122" + "1204159ZE184226B<<<<<1", 1, 43),
        ],
        id="TD3",
    ),
    pytest.param(
        SPECIMEN_TD1,
        [
            ("D23145890", 0, 14),
            ("740812", 1, 6),
            ("120415", 1, 14),
            ("D231458907<<<<<<<<<<<<<<<" + "7408122" + "1204159" + "<" * 11, 1, 29),
        ],
        id="TD1",
    ),
    pytest.param(
        SPECIMEN_TD1_OVERFLOW,
        [
            ("D23145890734", 0, 18),
            ("340712", 1, 6),
            ("950712", 1, 14),
            ("D23145890<7349<<<<<<<<<<<" + "3407127" + "9507122" + "<" * 11, 1, 29),
        ],
        id="TD1-overflow",
    ),
    pytest.param(
        SPECIMEN_TD2,
        [
            ("D23145890", 1, 9),
            ("740812", 1, 19),
            ("120415", 1, 27),
            ("D231458907" + "7408122" + "1204159<<<<<<<", 1, 35),
        ],
        id="TD2",
    ),
    pytest.param(
        SPECIMEN_MRVA,
        [("L8988901C", 1, 9), ("400907", 1, 19), ("961210", 1, 27)],
        id="MRV-A",
    ),
    pytest.param(
        SPECIMEN_MRVB,
        [("L8988901C", 1, 9), ("400907", 1, 19), ("961210", 1, 27)],
        id="MRV-B",
    ),
]


@pytest.mark.parametrize(("lines", "digits"), SPECIMEN_CHECK_DIGITS)
def test_specimen_check_digits_are_consistent(
    lines: list[str], digits: list[tuple[str, int, int]]
) -> None:
    for data, line, position in digits:
        assert lines[line][position] == ref_check_digit(data), (data, line, position)
        assert check_digit(data) == ref_check_digit(data)


@pytest.mark.parametrize(
    ("data", "digit"),
    [("L898902C3", "6"), ("740812", "2"), ("120415", "9"), ("ZE184226B<<<<<", "1")],
)
def test_check_digit_of_known_values(data: str, digit: str) -> None:
    assert check_digit(data) == digit


def test_check_digit_rejects_characters_outside_the_mrz_set() -> None:
    with pytest.raises(ValueError, match="not in the MRZ character set"):
        check_digit("ab")


def test_builders_reproduce_the_specimens() -> None:
    assert td3() == SPECIMEN_TD3
    assert td2() == SPECIMEN_TD2
    assert td1() == SPECIMEN_TD1


ANNA = {"surname": "ERIKSSON", "given_names": "ANNA MARIA"}

SPECIMEN_RESULTS = [
    pytest.param(
        SPECIMEN_TD3,
        {
            "format": MrzFormat.TD3,
            "document_code": "P",
            "document_number": "L898902C3",
            "nationality": "UTO",
            "date_of_birth": PartialDate(1974, 8, 12),
            "sex": Sex.FEMALE,
            "date_of_expiry": PartialDate(2012, 4, 15),
            "personal_number": "ZE184226B",
            "optional_data": "",
            **ANNA,
        },
        id="TD3",
    ),
    pytest.param(
        SPECIMEN_TD1,
        {
            "format": MrzFormat.TD1,
            "document_code": "I",
            "document_number": "D23145890",
            "date_of_birth": PartialDate(1974, 8, 12),
            "date_of_expiry": PartialDate(2012, 4, 15),
            "optional_data": "",
            "personal_number": "",
            **ANNA,
        },
        id="TD1",
    ),
    pytest.param(
        SPECIMEN_TD1_OVERFLOW,
        {
            "format": MrzFormat.TD1,
            "document_number": "D23145890734",
            "surname": "STEVENSON",
            "given_names": "PETER JOHN",
            "sex": Sex.MALE,
            "date_of_birth": PartialDate(1934, 7, 12),
            "date_of_expiry": PartialDate(1995, 7, 12),
            "optional_data": "",
        },
        id="TD1-overflow",
    ),
    pytest.param(
        SPECIMEN_TD2,
        {"format": MrzFormat.TD2, "document_code": "I", "document_number": "D23145890", **ANNA},
        id="TD2",
    ),
    pytest.param(
        SPECIMEN_MRVA,
        {
            "format": MrzFormat.MRVA,
            "document_code": "V",
            "document_number": "L8988901C",
            "nationality": "XXX",
            "date_of_birth": PartialDate(1940, 9, 7),
            "date_of_expiry": PartialDate(1996, 12, 10),
            "optional_data": "6ZE184226B",
            "personal_number": "",
            **ANNA,
        },
        id="MRV-A",
    ),
    pytest.param(
        SPECIMEN_MRVB,
        {
            "format": MrzFormat.MRVB,
            "document_code": "V",
            "document_number": "L8988901C",
            "optional_data": "",
            **ANNA,
        },
        id="MRV-B",
    ),
]


@pytest.mark.parametrize(("lines", "expected"), SPECIMEN_RESULTS)
def test_specimens_parse(lines: list[str], expected: dict[str, object]) -> None:
    result = parse(lines, allow_unknown_countries=True)
    assert result.issuing_state == "UTO"
    assert result.name_truncated is False
    for name, value in expected.items():
        assert getattr(result, name) == value, name


def test_specimen_with_fictitious_state_needs_allow_unknown_countries() -> None:
    error = parse_error(SPECIMEN_TD3)
    assert (error.field, error.mrz_field, error.reason) == (
        "mrz.lines[0]",
        "issuing_state",
        "MRZ_COUNTRY",
    )


def test_input_is_stripped_and_upper_cased() -> None:
    lines = [f"  {SPECIMEN_TD3[0].lower()}\t", f"\n{SPECIMEN_TD3[1].lower()} "]
    assert parse(lines, allow_unknown_countries=True) == parse(
        SPECIMEN_TD3, allow_unknown_countries=True
    )


def test_to_query() -> None:
    query = parse(td3(state="D<<", nationality="D<<", number="C01X00T47")).to_query()
    assert query == TravellerQuery(
        document=DocumentKey("DEU", "C01X00T47"),
        surname="ERIKSSON",
        given_names="ANNA MARIA",
        date_of_birth=PartialDate(1974, 8, 12),
        sex=Sex.FEMALE,
        nationality="DEU",
        document_type="P",
        date_of_expiry=PartialDate(2012, 4, 15),
        mrz_format=MrzFormat.TD3,
        name_truncated=False,
    )


# --------------------------------------------------------------------------- check digits

# (lines, line, position, mrz_field): each check digit, bumped to another digit.
CHECK_DIGIT_CASES = [
    pytest.param(SPECIMEN_TD3, 1, 9, "document_number", id="TD3-document_number"),
    pytest.param(SPECIMEN_TD3, 1, 19, "date_of_birth", id="TD3-date_of_birth"),
    pytest.param(SPECIMEN_TD3, 1, 27, "date_of_expiry", id="TD3-date_of_expiry"),
    pytest.param(SPECIMEN_TD3, 1, 42, "personal_number", id="TD3-personal_number"),
    pytest.param(SPECIMEN_TD3, 1, 43, "composite", id="TD3-composite"),
    pytest.param(SPECIMEN_TD2, 1, 9, "document_number", id="TD2-document_number"),
    pytest.param(SPECIMEN_TD2, 1, 19, "date_of_birth", id="TD2-date_of_birth"),
    pytest.param(SPECIMEN_TD2, 1, 27, "date_of_expiry", id="TD2-date_of_expiry"),
    pytest.param(SPECIMEN_TD2, 1, 35, "composite", id="TD2-composite"),
    pytest.param(TD2_OVERFLOW, 1, 28 + 4, "document_number", id="TD2-overflow"),
    pytest.param(SPECIMEN_TD1, 0, 14, "document_number", id="TD1-document_number"),
    pytest.param(SPECIMEN_TD1, 1, 6, "date_of_birth", id="TD1-date_of_birth"),
    pytest.param(SPECIMEN_TD1, 1, 14, "date_of_expiry", id="TD1-date_of_expiry"),
    pytest.param(SPECIMEN_TD1, 1, 29, "composite", id="TD1-composite"),
    pytest.param(SPECIMEN_TD1_OVERFLOW, 0, 18, "document_number", id="TD1-overflow"),
    pytest.param(SPECIMEN_MRVA, 1, 9, "document_number", id="MRV-A-document_number"),
    pytest.param(SPECIMEN_MRVA, 1, 19, "date_of_birth", id="MRV-A-date_of_birth"),
    pytest.param(SPECIMEN_MRVA, 1, 27, "date_of_expiry", id="MRV-A-date_of_expiry"),
    pytest.param(SPECIMEN_MRVB, 1, 9, "document_number", id="MRV-B-document_number"),
    pytest.param(SPECIMEN_MRVB, 1, 19, "date_of_birth", id="MRV-B-date_of_birth"),
    pytest.param(SPECIMEN_MRVB, 1, 27, "date_of_expiry", id="MRV-B-date_of_expiry"),
]


@pytest.mark.parametrize(("lines", "line", "position", "mrz_field"), CHECK_DIGIT_CASES)
def test_wrong_check_digit(lines: list[str], line: int, position: int, mrz_field: str) -> None:
    error = parse_error(bump_digit(lines, line, position), allow_unknown_countries=True)
    assert (error.field, error.mrz_field, error.reason) == (
        f"mrz.lines[{line}]",
        mrz_field,
        "MRZ_CHECK_DIGIT",
    )
    assert f"line {line + 1}, position {position + 1}" in error.description
    assert f"expected {lines[line][position]}" in error.description


def test_check_digit_description_reads_well() -> None:
    error = parse_error(replace(SPECIMEN_TD3, 1, 19, "3"), allow_unknown_countries=True)
    assert error.description.startswith(
        "check digit of date_of_birth (line 2, position 20) is 3, expected 2"
    )


@pytest.mark.parametrize(
    ("lines", "line", "position", "mrz_field"),
    [
        pytest.param(SPECIMEN_TD3, 1, 19, "date_of_birth", id="letter"),
        pytest.param(SPECIMEN_TD3, 1, 9, "document_number", id="TD3-number-no-overflow"),
        pytest.param(SPECIMEN_MRVB, 1, 9, "document_number", id="visa-number-no-overflow"),
        pytest.param(SPECIMEN_TD3, 1, 42, "personal_number", id="personal-number-filler"),
        pytest.param(SPECIMEN_TD1, 1, 29, "composite", id="composite-filler"),
    ],
)
def test_check_digit_that_is_not_a_digit(
    lines: list[str], line: int, position: int, mrz_field: str
) -> None:
    char = "A" if mrz_field == "date_of_birth" else "<"
    error = parse_error(replace(lines, line, position, char), allow_unknown_countries=True)
    assert (error.field, error.mrz_field, error.reason) == (
        f"mrz.lines[{line}]",
        mrz_field,
        "MRZ_CHECK_DIGIT",
    )
    assert "not a digit" in error.description


@pytest.mark.parametrize("digit", ["<", "0"])
def test_empty_personal_number_may_have_filler_or_zero_check_digit(digit: str) -> None:
    result = parse(td3(personal="", personal_digit=digit), allow_unknown_countries=True)
    assert result.personal_number == ""


def test_empty_personal_number_with_other_digit_is_rejected() -> None:
    error = parse_error(td3(personal="", personal_digit="7"), allow_unknown_countries=True)
    assert (error.mrz_field, error.reason) == ("personal_number", "MRZ_CHECK_DIGIT")


@pytest.mark.parametrize(
    ("lines", "line", "position"),
    [
        pytest.param(SPECIMEN_TD2, 1, 28, id="TD2-optional-data"),
        pytest.param(SPECIMEN_TD1, 1, 20, id="TD1-optional-data-line-2"),
        pytest.param(SPECIMEN_TD1, 0, 20, id="TD1-optional-data-line-1"),
    ],
)
def test_composite_catches_changed_optional_data(
    lines: list[str], line: int, position: int
) -> None:
    # Not A, K or U: worth 10, 20 and 30, they change no check digit when they replace a <.
    error = parse_error(replace(lines, line, position, "B"), allow_unknown_countries=True)
    assert (error.field, error.mrz_field, error.reason) == (
        "mrz.lines[1]",
        "composite",
        "MRZ_CHECK_DIGIT",
    )


def test_td1_number_check_digit_filler_without_overflow() -> None:
    lines = replace(SPECIMEN_TD1, 0, 14, "<")
    error = parse_error(lines, allow_unknown_countries=True)
    assert (error.field, error.mrz_field, error.reason) == (
        "mrz.lines[0]",
        "document_number",
        "MRZ_CHECK_DIGIT",
    )
    assert "longer than 9" in error.description


def test_td2_overflow_parses() -> None:
    assert TD2_OVERFLOW[1][9] == "<"
    result = parse(TD2_OVERFLOW)
    assert result.document_number == "NX12345678901"
    assert result.to_query().document == DocumentKey("NLD", "NX12345678901")
    assert result.optional_data == ""


def test_td1_overflow_with_optional_data() -> None:
    lines = format_td1(
        issuing_state="NLD",
        surname="Jansen",
        given_names="Piet",
        document_number="D23145890734",
        nationality="NLD",
        date_of_birth=PartialDate(1980, 1, 1),
        sex=Sex.MALE,
        date_of_expiry=PartialDate(2030, 1, 1),
        optional_data1="ABC",
        optional_data2="XYZ",
    )
    assert lines[0] == "I<NLDD23145890<7349<ABC<<<<<<<"
    result = parse(lines)
    assert (result.document_number, result.optional_data) == ("D23145890734", "ABC XYZ")


def test_empty_document_number_is_rejected() -> None:
    error = parse_error(td3(number="", state="NLD", nationality="NLD"))
    assert (error.field, error.mrz_field, error.reason) == (
        "mrz.lines[1]",
        "document_number",
        "MRZ_FORMAT",
    )


# --------------------------------------------------------------------------- characters


@pytest.mark.parametrize(
    ("lines", "line", "position", "mrz_field"),
    [
        pytest.param(replace(SPECIMEN_TD3, 0, 10, "-"), 0, 10, "name", id="hyphen-in-name"),
        pytest.param(replace(SPECIMEN_TD3, 0, 13, " "), 0, 13, "name", id="space-inside"),
        pytest.param(
            replace(SPECIMEN_TD3, 1, 2, "é"), 1, 2, "document_number", id="accented-letter"
        ),
        pytest.param(
            replace(SPECIMEN_TD3, 1, 20, "\u0131"), 1, 20, "sex", id="dotless-i-uppercases-to-I"
        ),
        pytest.param(replace(SPECIMEN_TD1, 2, 3, "."), 2, 3, "name", id="TD1-name"),
        pytest.param(replace(SPECIMEN_TD1, 1, 16, "\x00"), 1, 16, "nationality", id="nul"),
        pytest.param([SPECIMEN_TD2[0], SPECIMEN_TD2[1] + "*"], 1, 36, "", id="wrong-length-too"),
    ],
)
def test_bad_character(lines: list[str], line: int, position: int, mrz_field: str) -> None:
    error = parse_error(lines, allow_unknown_countries=True)
    assert (error.field, error.mrz_field, error.reason) == (
        f"mrz.lines[{line}]",
        mrz_field,
        "MRZ_CHARACTER",
    )
    assert f"line {line + 1}, position {position + 1}" in error.description


@pytest.mark.parametrize(
    ("name", "line", "position"),
    [("ERIKSS0N<<ANNA", 0, 11)],
)
def test_digit_in_name(name: str, line: int, position: int) -> None:
    error = parse_error(td3(name=name), allow_unknown_countries=True)
    assert (error.field, error.mrz_field, error.reason) == (
        f"mrz.lines[{line}]",
        "name",
        "MRZ_CHARACTER",
    )
    assert f"position {position + 1}" in error.description
    error = parse_error(td1(name=name), allow_unknown_countries=True)
    assert (error.field, error.mrz_field) == ("mrz.lines[2]", "name")


# --------------------------------------------------------------------------- shape

FORMAT_CASES = [
    pytest.param([], "mrz.lines", "received 0 lines", id="no-lines"),
    pytest.param(SPECIMEN_TD3[:1], "mrz.lines", "received 1 line;", id="one-line"),
    pytest.param([*SPECIMEN_TD1, "<" * 30], "mrz.lines", "received 4 lines", id="four-lines"),
    pytest.param(
        [SPECIMEN_TD3[0], SPECIMEN_TD3[1][:-1]], "mrz.lines[1]", "44 and 43", id="TD3-short"
    ),
    pytest.param(
        [SPECIMEN_TD3[0] + "<", SPECIMEN_TD3[1]], "mrz.lines[0]", "45 and 44", id="TD3-long"
    ),
    pytest.param(
        [*SPECIMEN_TD1[:2], SPECIMEN_TD1[2][:29]], "mrz.lines[2]", "30, 30 and 29", id="TD1-short"
    ),
    pytest.param(SPECIMEN_TD1[:2], "mrz.lines", "2 lines of 30 and 30", id="TD1-missing-line"),
    pytest.param([SPECIMEN_TD3[0], SPECIMEN_TD2[1]], "mrz.lines[1]", "44 and 36", id="TD3-and-TD2"),
    pytest.param(["", ""], "mrz.lines", "0 and 0", id="empty-lines"),
    pytest.param("\n".join(SPECIMEN_TD3), "mrz.lines", "one string", id="one-string"),
]


@pytest.mark.parametrize(("lines", "field", "text"), FORMAT_CASES)
def test_wrong_shape(lines: list[str], field: str, text: str) -> None:
    error = parse_error(lines, allow_unknown_countries=True)
    assert (error.field, error.mrz_field, error.reason) == (field, "", "MRZ_FORMAT")
    assert text in error.description


def test_wrong_shape_says_what_is_accepted() -> None:
    error = parse_error(SPECIMEN_TD1[:2])
    assert "3 lines of 30 characters (TD1)" in error.description
    assert "2 lines of 44 (TD3 passport, MRV-A visa)" in error.description


def test_field_prefix_is_used() -> None:
    error = parse_error(
        bump_digit(SPECIMEN_TD3, 1, 9),
        field_prefix="traveler.mrz.lines",
        allow_unknown_countries=True,
    )
    assert error.field == "traveler.mrz.lines[1]"
    error = parse_error([], field_prefix="traveler.mrz.lines")
    assert error.field == "traveler.mrz.lines"


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param(["P<" * 500_000, SPECIMEN_TD3[1]], id="huge-line"),
        pytest.param([SPECIMEN_TD3[1]] * 1_000_000, id="many-lines"),
        pytest.param(["P" + " " * 1_000_000 + "<", SPECIMEN_TD3[1]], id="huge-whitespace"),
    ],
)
def test_huge_input_is_rejected_quickly(lines: list[str]) -> None:
    start = time.perf_counter()
    error = parse_error(lines)
    assert error.reason == "MRZ_FORMAT"
    assert time.perf_counter() - start < 0.5


# --------------------------------------------------------------------------- fields


@pytest.mark.parametrize(
    ("code", "expected"),
    [("P<", "P"), ("PM", "PM"), ("I<", "I"), ("ID", "ID"), ("AC", "AC")],
)
def test_document_codes(code: str, expected: str) -> None:
    assert parse(td3(code=code), allow_unknown_countries=True).document_code == expected


@pytest.mark.parametrize("code", ["1<", "<P", "P1", "<<"])
def test_bad_document_code(code: str) -> None:
    error = parse_error(td3(code=code), allow_unknown_countries=True)
    assert (error.field, error.mrz_field, error.reason) == (
        "mrz.lines[0]",
        "document_code",
        "MRZ_FORMAT",
    )


@pytest.mark.parametrize(
    ("state", "nationality", "expected_state", "expected_nationality"),
    [
        ("D<<", "D<<", "DEU", "DEU"),
        ("IDN", "IDN", "IDN", "IDN"),
        ("NLD", "XXA", "NLD", "XXA"),
        ("GBR", "GBD", "GBR", "GBD"),
        ("UNO", "RKS", "UNO", "RKS"),
    ],
)
def test_countries(
    state: str, nationality: str, expected_state: str, expected_nationality: str
) -> None:
    result = parse(td3(state=state, nationality=nationality))
    assert (result.issuing_state, result.nationality) == (expected_state, expected_nationality)


@pytest.mark.parametrize(
    ("build", "line", "mrz_field"),
    [
        pytest.param(lambda: td3(state="XYZ", nationality="NLD"), 0, "issuing_state", id="TD3"),
        pytest.param(lambda: td3(state="NLD", nationality="XYZ"), 1, "nationality", id="TD3-nat"),
        pytest.param(lambda: td3(state="NL<", nationality="NLD"), 0, "issuing_state", id="NL<"),
        pytest.param(lambda: td3(state="DE<", nationality="NLD"), 0, "issuing_state", id="DE<"),
        pytest.param(lambda: td3(state="NLD", nationality="D<D"), 1, "nationality", id="D<D"),
        pytest.param(lambda: td2(state="123", nationality="NLD"), 0, "issuing_state", id="TD2"),
        pytest.param(lambda: td1(state="NLD", nationality="XYZ"), 1, "nationality", id="TD1"),
        pytest.param(lambda: td1(state="UTO", nationality="NLD"), 0, "issuing_state", id="UTO"),
    ],
)
def test_unknown_country(build: Callable[[], list[str]], line: int, mrz_field: str) -> None:
    error = parse_error(build())
    assert (error.field, error.mrz_field, error.reason) == (
        f"mrz.lines[{line}]",
        mrz_field,
        "MRZ_COUNTRY",
    )


def test_allow_unknown_countries_keeps_only_three_letters() -> None:
    assert parse(td3(state="QQQ"), allow_unknown_countries=True).issuing_state == "QQQ"
    error = parse_error(td3(state="Q<Q"), allow_unknown_countries=True)
    assert error.reason == "MRZ_COUNTRY"


@pytest.mark.parametrize(
    ("char", "sex"),
    [("M", Sex.MALE), ("F", Sex.FEMALE), ("X", Sex.UNSPECIFIED), ("<", Sex.UNSPECIFIED)],
)
def test_sex(char: str, sex: Sex) -> None:
    assert parse(td3(sex=char), allow_unknown_countries=True).sex is sex
    assert parse(td1(sex=char), allow_unknown_countries=True).sex is sex


@pytest.mark.parametrize(
    ("lines", "line"),
    [
        pytest.param(td3(sex="Q"), 1, id="TD3"),
        pytest.param(td2(sex="1"), 1, id="TD2"),
        pytest.param(td1(sex="W"), 1, id="TD1"),
    ],
)
def test_bad_sex(lines: list[str], line: int) -> None:
    error = parse_error(lines, allow_unknown_countries=True)
    assert (error.field, error.mrz_field, error.reason) == (f"mrz.lines[{line}]", "sex", "MRZ_SEX")


LONG_GIVEN = ("ERIKSSON<<" + "ANNA<MARIA<" * 5)[:39]

NAME_CASES = [
    pytest.param("ERIKSSON<<ANNA<MARIA", "ERIKSSON", "ANNA MARIA", False, id="plain"),
    pytest.param("VAN<DER<BERG<<JAN", "VAN DER BERG", "JAN", False, id="surname-components"),
    pytest.param("SUKARNO", "SUKARNO", "", False, id="mononym-padded"),
    pytest.param("<<ANNA", "", "ANNA", False, id="no-primary"),
    pytest.param("A" * 39, "A" * 39, "", True, id="mononym-full"),
    pytest.param("A" * 20 + "<" + "B" * 18, "A" * 20 + " " + "B" * 18, "", True, id="no-double"),
    pytest.param(LONG_GIVEN, "ERIKSSON", "ANNA MARIA ANNA MARIA ANNA MA", True, id="truncated"),
    pytest.param("X" * 37 + "<<", "X" * 37, "", False, id="fills-but-filler-last"),
    pytest.param("", "", "", False, id="empty"),
]


@pytest.mark.parametrize(("name", "surname", "given_names", "truncated"), NAME_CASES)
def test_names(name: str, surname: str, given_names: str, truncated: bool) -> None:
    result = parse(td3(name=name), allow_unknown_countries=True)
    assert (result.surname, result.given_names, result.name_truncated) == (
        surname,
        given_names,
        truncated,
    )


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("740812", PartialDate(1974, 8, 12)),
        ("7408<<", PartialDate(1974, 8, None)),
        ("74<<<<", PartialDate(1974, None, None)),
        ("<<<<<<", PartialDate()),
        ("XXXXXX", PartialDate()),
        ("74XXXX", PartialDate(1974, None, None)),
        ("74<<12", PartialDate(1974, None, 12)),
        ("<<0812", PartialDate(None, 8, 12)),
        ("<<0229", PartialDate(None, 2, 29)),
        ("000229", PartialDate(2000, 2, 29)),
    ],
)
def test_partial_dates(raw: str, expected: PartialDate) -> None:
    assert parse(td3(dob=raw), allow_unknown_countries=True).date_of_birth == expected
    assert parse(td1(dob=raw), allow_unknown_countries=True).date_of_birth == expected


@pytest.mark.parametrize(
    ("raw", "today", "year"),
    [
        pytest.param("250615", TODAY, 2025, id="born-today"),
        pytest.param("250616", TODAY, 1925, id="tomorrow-is-last-century"),
        pytest.param("2506<<", TODAY, 2025, id="this-month"),
        pytest.param("2507<<", TODAY, 1925, id="next-month"),
        pytest.param("25<<<<", TODAY, 2025, id="this-year"),
        pytest.param("26<<<<", TODAY, 1926, id="next-year"),
        pytest.param("000101", TODAY, 2000, id="2000"),
        pytest.param("991231", TODAY, 1999, id="1999"),
        pytest.param("100101", dt.date(2009, 12, 31), 1910, id="earlier-today"),
        pytest.param("100101", dt.date(2010, 1, 1), 2010, id="earlier-today-same-day"),
    ],
)
def test_century_of_date_of_birth(raw: str, today: dt.date, year: int) -> None:
    result = parse_mrz(td3(dob=raw), today=today, allow_unknown_countries=True)
    assert result.date_of_birth.year == year


@pytest.mark.parametrize(
    ("raw", "today", "year"),
    [
        pytest.param("750615", TODAY, 2075, id="exactly-50-years"),
        pytest.param("750616", TODAY, 1975, id="50-years-and-a-day"),
        pytest.param("75<<<<", TODAY, 2075, id="year-only-within"),
        pytest.param("76<<<<", TODAY, 1976, id="year-only-beyond"),
        pytest.param("300101", TODAY, 2030, id="future"),
        pytest.param("991231", TODAY, 1999, id="expired-last-century"),
        pytest.param("000101", TODAY, 2000, id="expired-2000"),
        pytest.param("990101", dt.date(2060, 1, 1), 2099, id="later-today"),
    ],
)
def test_century_of_date_of_expiry(raw: str, today: dt.date, year: int) -> None:
    result = parse_mrz(td3(expiry=raw), today=today, allow_unknown_countries=True)
    assert result.date_of_expiry.year == year


def test_today_defaults_to_the_current_date() -> None:
    next_year = f"{(dt.date.today().year + 1) % 100:02d}"
    result = parse_mrz(td3(dob=next_year + "<<<<"), allow_unknown_countries=True)
    assert result.date_of_birth.year == dt.date.today().year + 1 - 100


DATE_ERRORS = [
    pytest.param("741312", "month 13", id="month-13"),
    pytest.param("740012", "month 00", id="month-00"),
    pytest.param("740800", "day 00", id="day-00"),
    pytest.param("740832", "day 32", id="day-32"),
    pytest.param("740431", "day 31 of April 1974", id="31-april"),
    pytest.param("010229", "day 29 of February 2001", id="29-february-2001"),
    pytest.param("<<0230", "day 30 of February", id="30-february-unknown-year"),
    pytest.param("7A0812", "expected YYMMDD", id="letter"),
    pytest.param("7<0812", "expected YYMMDD", id="half-filler"),
    pytest.param("74X<12", "expected YYMMDD", id="mixed-unknown"),
]


@pytest.mark.parametrize(("raw", "text"), DATE_ERRORS)
def test_bad_date_of_birth(raw: str, text: str) -> None:
    for lines, line in ((td3(dob=raw), 1), (td2(dob=raw), 1), (td1(dob=raw), 1)):
        error = parse_error(lines, allow_unknown_countries=True)
        assert (error.field, error.mrz_field, error.reason) == (
            f"mrz.lines[{line}]",
            "date_of_birth",
            "MRZ_DATE",
        )
        assert text in error.description


@pytest.mark.parametrize(("raw", "text"), DATE_ERRORS[:5])
def test_bad_date_of_expiry(raw: str, text: str) -> None:
    for lines in (td3(expiry=raw), td1(expiry=raw)):
        error = parse_error(lines, allow_unknown_countries=True)
        assert (error.field, error.mrz_field, error.reason) == (
            "mrz.lines[1]",
            "date_of_expiry",
            "MRZ_DATE",
        )
        assert text.replace("1974", "2074") in error.description


def test_29_february_1900_does_not_exist() -> None:
    error = parse_error(
        td3(dob="000229", state="NLD", nationality="NLD"), today=dt.date(1999, 6, 1)
    )
    assert (error.mrz_field, error.reason) == ("date_of_birth", "MRZ_DATE")


# --------------------------------------------------------------------------- names in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eriksson", "ERIKSSON"),
        ("Anna Maria", "ANNA<MARIA"),
        ("Müller-Lüdenscheidt", "MUELLER<LUEDENSCHEIDT"),
        ("Straße", "STRASSE"),
        ("Øster Ågård", "OESTER<AAGAARD"),
        ("Æbelø", "AEBELOE"),
        ("Ñúñez", "NUNEZ"),
        ("Đorđević", "DORDEVIC"),
        ("Łukasz", "LUKASZ"),
        ("Þórður", "THORDUR"),
        ("Ĳsselstein", "IJSSELSTEIN"),
        ("Œdipe", "OEDIPE"),
        ("François Hélène", "FRANCOIS<HELENE"),
        ("D'Artagnan", "DARTAGNAN"),
        ("O\u2019Brien", "OBRIEN"),
        ("Smith, Jr.", "SMITH<JR"),
        ("  Jean -- Paul  ", "JEAN<PAUL"),
        ("Владимир", "VLADIMIR"),
        ("Ζωή", "ZOI"),
        ("", ""),
        ("--", ""),
    ],
)
def test_mrz_name(text: str, expected: str) -> None:
    assert mrz_name(text) == expected


def test_mrz_name_of_other_scripts_is_in_the_mrz_alphabet() -> None:
    for text in ("王小明", "محمد", "김민준", "ธนา", "Ἀλέξανδρος"):
        name = mrz_name(text)
        assert name
        assert set(name) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ<")


# --------------------------------------------------------------------------- formatting

PERSON: dict[str, object] = {
    "issuing_state": "UTO",
    "surname": "Eriksson",
    "given_names": "Anna Maria",
    "nationality": "UTO",
    "date_of_birth": PartialDate(1974, 8, 12),
    "sex": Sex.FEMALE,
    "date_of_expiry": PartialDate(2012, 4, 15),
    "allow_unknown_countries": True,
}


def test_format_reproduces_the_specimens() -> None:
    assert (
        list(
            format_td3(**PERSON, document_number="L898902C3", personal_number="ZE184226B")  # type: ignore[arg-type]
        )
        == SPECIMEN_TD3
    )
    assert list(format_td2(**PERSON, document_number="D23145890")) == SPECIMEN_TD2  # type: ignore[arg-type]
    assert list(format_td1(**PERSON, document_number="D23145890")) == SPECIMEN_TD1  # type: ignore[arg-type]
    visa = {
        **PERSON,
        "document_number": "L8988901C",
        "nationality": "XXX",
        "date_of_birth": PartialDate(1940, 9, 7),
        "date_of_expiry": PartialDate(1996, 12, 10),
    }
    assert list(format_mrva(**visa, optional_data="6ZE184226B")) == SPECIMEN_MRVA  # type: ignore[arg-type]
    assert list(format_mrvb(**visa)) == SPECIMEN_MRVB  # type: ignore[arg-type]
    stevenson = {
        **PERSON,
        "surname": "Stevenson",
        "given_names": "Peter John",
        "sex": Sex.MALE,
        "date_of_birth": PartialDate(1934, 7, 12),
        "date_of_expiry": PartialDate(1995, 7, 12),
    }
    assert (
        list(format_td1(**stevenson, document_number="D23145890734"))  # type: ignore[arg-type]
        == SPECIMEN_TD1_OVERFLOW
    )


def test_format_renders_germany_unknown_parts_and_unspecified_sex() -> None:
    line1, line2 = format_td3(
        issuing_state="DEU",
        surname="Mustermann",
        given_names="Erika",
        document_number="C01X00T47",
        nationality="DEU",
        date_of_birth=PartialDate(1964, None, None),
        sex=Sex.UNSPECIFIED,
        date_of_expiry=PartialDate(),
    )
    assert line1.startswith("P<D<<MUSTERMANN<<ERIKA<")
    assert line2[10:28] == "D<<64<<<<" + ref_check_digit("64<<<<") + "<" + "<<<<<<0"
    assert line2[42] == "<"  # empty personal number
    result = parse(
        [line1, line2],
    )
    assert (result.issuing_state, result.date_of_expiry, result.sex) == (
        "DEU",
        PartialDate(),
        Sex.UNSPECIFIED,
    )


def test_format_truncates_long_names() -> None:
    lines = format_td1(
        **{**PERSON, "given_names": "Anna Maria Elisabeth Christina Louise"},  # type: ignore[arg-type]
        document_number="D23145890",
    )
    assert lines[2] == "ERIKSSON<<ANNA<MARIA<ELISABETH"
    result = parse(lines, allow_unknown_countries=True)
    assert result.name_truncated is True
    assert result.given_names == "ANNA MARIA ELISABETH"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        pytest.param(
            lambda: format_td3(**PERSON, document_number="1234567890"),  # type: ignore[arg-type]
            "longer than the 9",
            id="TD3-long-number",
        ),
        pytest.param(
            lambda: format_mrvb(**PERSON, document_number="1234567890"),  # type: ignore[arg-type]
            "longer than the 9",
            id="visa-long-number",
        ),
        pytest.param(
            lambda: format_td2(**PERSON, document_number="1234567890123456"),  # type: ignore[arg-type]
            "do not fit",
            id="TD2-overflow-too-long",
        ),
        pytest.param(
            lambda: format_td1(
                **PERSON,  # type: ignore[arg-type]
                document_number="123456789012",
                optional_data1="ABCDEFGHIJK",
            ),
            "do not fit",
            id="TD1-overflow-and-optional-too-long",
        ),
        pytest.param(
            lambda: format_td3(**{**PERSON, "allow_unknown_countries": False}, document_number="1"),  # type: ignore[arg-type]
            "unknown country",
            id="unknown-country",
        ),
        pytest.param(
            lambda: format_td3(**PERSON, document_number="1", document_code="V"),  # type: ignore[arg-type]
            "format_mrva",
            id="visa-code-in-TD3",
        ),
        pytest.param(
            lambda: format_mrva(**PERSON, document_number="1", document_code="P"),  # type: ignore[arg-type]
            "starts with V",
            id="passport-code-in-visa",
        ),
        pytest.param(
            lambda: format_td3(**PERSON, document_number="1", document_code="1"),  # type: ignore[arg-type]
            "document code",
            id="bad-code",
        ),
        pytest.param(
            lambda: format_td3(**PERSON, document_number=""),  # type: ignore[arg-type]
            "empty",
            id="empty-number",
        ),
        pytest.param(
            lambda: format_td3(**PERSON, document_number="1", personal_number="A-B"),  # type: ignore[arg-type]
            "only A-Z",
            id="bad-personal-number",
        ),
        pytest.param(
            lambda: format_td2(**PERSON, document_number="1", optional_data="ABCDEFGH"),  # type: ignore[arg-type]
            "longer than 7",
            id="long-optional-data",
        ),
    ],
)
def test_format_rejects(call: Callable[[], object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()


# --------------------------------------------------------------------------- properties

COUNTRIES = ["DEU", "NLD", "IDN", "FRA", "USA", "GBR", "GBD", "XXA", "UNO", "BRA", "JPN"]
PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

components = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=12)
alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


@st.composite
def partial_dates(draw: st.DrawFn, low: dt.date, high: dt.date) -> PartialDate:
    date = draw(st.dates(min_value=low, max_value=high))
    keep = draw(st.tuples(st.booleans(), st.booleans(), st.booleans()))
    return PartialDate(
        date.year if keep[0] else None,
        date.month if keep[1] else None,
        date.day if keep[2] else None,
    )


# Within these windows the century of a two-digit year is unambiguous for TODAY.
births = partial_dates(dt.date(TODAY.year - 98, 1, 1), TODAY)
expiries = partial_dates(dt.date(TODAY.year - 49, 1, 1), dt.date(TODAY.year + 49, 12, 31))


@st.composite
def people(draw: st.DrawFn, name_width: int) -> dict[str, object]:
    surname = draw(st.lists(components, min_size=1, max_size=3))
    given = draw(st.lists(components, max_size=3))
    width = len("<".join(surname)) + (len("<".join(given)) + 2 if given else 0)
    if width > name_width:
        given = []
        surname = [surname[0][:name_width]]
    return {
        "issuing_state": draw(st.sampled_from(COUNTRIES)),
        "nationality": draw(st.sampled_from(COUNTRIES)),
        "surname": " ".join(surname),
        "given_names": " ".join(given),
        "date_of_birth": draw(births),
        "sex": draw(st.sampled_from(Sex)),
        "date_of_expiry": draw(expiries),
    }


FormatCase = tuple[MrzFormat, dict[str, object], list[str], dict[str, str]]


@st.composite
def formatted(draw: st.DrawFn) -> FormatCase:
    """(format, person, MRZ lines, expected extra fields) for a random valid document."""
    fmt = draw(st.sampled_from(MrzFormat))
    width = {MrzFormat.TD1: 30, MrzFormat.TD2: 31, MrzFormat.MRVB: 31}.get(fmt, 39)
    person = draw(people(width))
    max_number = {MrzFormat.TD1: 23, MrzFormat.TD2: 15}.get(fmt, 9)
    number = draw(st.text(alphabet=alnum, min_size=1, max_size=max_number))
    extra: dict[str, str] = {"document_number": number}
    lines: tuple[str, ...]
    if fmt is MrzFormat.TD3:
        personal = draw(st.text(alphabet=alnum, max_size=14))
        code = draw(st.sampled_from(["P", "PM", "PD"]))
        lines = format_td3(
            **person,  # type: ignore[arg-type]
            document_number=number,
            personal_number=personal,
            document_code=code,
        )
        extra |= {"personal_number": personal, "optional_data": "", "document_code": code}
    elif fmt in (MrzFormat.MRVA, MrzFormat.MRVB):
        room = 16 if fmt is MrzFormat.MRVA else 8
        optional = draw(st.text(alphabet=alnum, max_size=room))
        visa = format_mrva if fmt is MrzFormat.MRVA else format_mrvb
        lines = visa(**person, document_number=number, optional_data=optional)  # type: ignore[arg-type]
        extra |= {"optional_data": optional, "document_code": "V"}
    else:
        room = 15 if fmt is MrzFormat.TD1 else 7
        if len(number) > 9:
            room -= len(number) - 9 + 1  # overflow and its check digit
            room = room - 1 if room > 1 else 0  # separating filler
        optional = draw(st.text(alphabet=alnum, max_size=room))
        code = draw(st.sampled_from(["I", "ID", "AC", "C"]))
        if fmt is MrzFormat.TD1:
            optional2 = draw(st.text(alphabet=alnum, max_size=11))
            lines = format_td1(
                **person,  # type: ignore[arg-type]
                document_number=number,
                document_code=code,
                optional_data1=optional,
                optional_data2=optional2,
            )
            optional = " ".join(part for part in (optional, optional2) if part)
        else:
            lines = format_td2(
                **person,  # type: ignore[arg-type]
                document_number=number,
                document_code=code,
                optional_data=optional,
            )
        extra |= {"optional_data": optional, "document_code": code}
    return fmt, person, list(lines), extra


@PROPERTY_SETTINGS
@given(formatted())
def test_property_format_then_parse_round_trips(case: FormatCase) -> None:
    fmt, person, lines, extra = case
    result = parse(lines)
    assert result.format is fmt
    for name in (
        "issuing_state",
        "nationality",
        "surname",
        "given_names",
        "date_of_birth",
        "sex",
        "date_of_expiry",
    ):
        assert getattr(result, name) == person[name], name
    for name, value in extra.items():
        assert getattr(result, name) == value, name
    assert result.to_query().document == DocumentKey(
        str(person["issuing_state"]), extra["document_number"]
    )


MRZ_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
odd_characters = st.sampled_from(list(MRZ_ALPHABET + "abcxyz <-.\t\n\x00éß\u0131\u017f€😀"))


def parses_or_raises_mrz_error(lines: Sequence[str], allow: bool) -> None:
    try:
        parse(lines, allow_unknown_countries=allow).to_query()
    except MrzError as error:
        caught = error
    else:
        return  # a parsed MRZ always makes a query
    assert caught.field.startswith("mrz.lines")
    assert caught.description


@PROPERTY_SETTINGS
@given(st.lists(st.text(max_size=50), max_size=4), st.booleans())
def test_property_arbitrary_text_raises_only_mrz_error(lines: list[str], allow: bool) -> None:
    parses_or_raises_mrz_error(lines, allow)


@PROPERTY_SETTINGS
@given(
    st.sampled_from([(2, 44), (2, 36), (3, 30)]).flatmap(
        lambda shape: st.lists(
            st.text(alphabet=MRZ_ALPHABET, min_size=shape[1], max_size=shape[1]),
            min_size=shape[0],
            max_size=shape[0],
        )
    ),
    st.booleans(),
)
def test_property_random_mrz_shaped_text_raises_only_mrz_error(
    lines: list[str], allow: bool
) -> None:
    parses_or_raises_mrz_error(lines, allow)


@PROPERTY_SETTINGS
@given(formatted(), st.data())
def test_property_mutated_mrz_raises_only_mrz_error(case: FormatCase, data: st.DataObject) -> None:
    lines = case[2]
    line = data.draw(st.integers(0, len(lines) - 1))
    position = data.draw(st.integers(0, len(lines[line]) - 1))
    kind = data.draw(st.sampled_from(["replace", "delete", "insert"]))
    char = data.draw(odd_characters)
    text = lines[line]
    if kind == "replace":
        text = text[:position] + char + text[position + 1 :]
    elif kind == "delete":
        text = text[:position] + text[position + 1 :]
    else:
        text = text[:position] + char + text[position:]
    mutated = [*lines[:line], text, *lines[line + 1 :]]
    parses_or_raises_mrz_error(mutated, data.draw(st.booleans()))


# Positions covered by a check digit (field or composite), per format and line.
COVERED: dict[MrzFormat, dict[int, list[range]]] = {
    MrzFormat.TD3: {1: [range(0, 10), range(13, 20), range(21, 44)]},
    MrzFormat.TD2: {1: [range(0, 10), range(13, 20), range(21, 36)]},
    MrzFormat.TD1: {0: [range(5, 30)], 1: [range(0, 7), range(8, 15), range(18, 30)]},
    MrzFormat.MRVA: {1: [range(0, 10), range(13, 20), range(21, 28)]},
    MrzFormat.MRVB: {1: [range(0, 10), range(13, 20), range(21, 28)]},
}


@PROPERTY_SETTINGS
@given(formatted(), st.data())
def test_property_changed_digit_is_detected(case: FormatCase, data: st.DataObject) -> None:
    fmt, _, lines, _ = case
    candidates = [
        (line, position)
        for line, spans in COVERED[fmt].items()
        for span in spans
        for position in span
        if lines[line][position].isdigit()
    ]
    assert candidates  # the check digits themselves are always digits
    line, position = data.draw(st.sampled_from(candidates))
    old = lines[line][position]
    new = data.draw(st.sampled_from([d for d in "0123456789" if d != old]))
    with pytest.raises(MrzError):
        parse(replace(lines, line, position, new))
