"""Notice loader: INTERPOL public notices JSON and notice-lookup JSON Lines to :class:`Notice`.

:func:`read_notices` reads one file lazily and yields :class:`~lookup_server.model.Notice`
objects; a store consumes the iterator inside one transaction, so a
:class:`~lookup_server.errors.LoadError` raised halfway through rolls the whole load back.

Two formats (``docs/data-formats.md`` describes both with examples):

* ``.json``: the INTERPOL public notices API: a list page (``{"_embedded": {"notices":
  [...]}}``), a single notice detail, or a JSON array of either. The notice type comes
  from the item's ``_links.self.href`` (``/notices/v1/red/...``, ``/yellow/``, ``/un/``
  and, in our extended files, ``/blue/``, ``/black/``, ``/green/``, ``/orange/``,
  ``/purple/``, ``/diffusion/``). Fields that the service does not use (height, eye
  colour, images...) are ignored.
* ``.jsonl``: notice-lookup's own format, one notice object per line. Unknown keys are
  errors, so that a misspelt key cannot silently drop data.

Every problem with the input raises :class:`LoadError` with the file, the line (for the
INTERPOL JSON, the line where the notice object starts), the field and a description
that names the notice (``notice 17 (entity_id 2021/123): month 13 is not a month``).
No other exception type escapes for bad input.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

from lookup_server.errors import LoadError
from lookup_server.loading._values import (
    check_text,
    describe_type,
    iter_lines,
    parse_country,
    parse_date,
    parse_partial_date,
    read_text,
)
from lookup_server.model import (
    NameKind,
    Notice,
    NoticeStatus,
    NoticeType,
    PartialDate,
    PersonName,
    Sex,
)

__all__ = ["INTERPOL_SOURCE", "JSONL_KEYS", "JSONL_NAME_KEYS", "JSONL_SOURCE", "read_notices"]

#: ``Notice.source`` of notices read from the INTERPOL format.
INTERPOL_SOURCE = "interpol"
#: Default ``Notice.source`` of notices read from JSON Lines.
JSONL_SOURCE = "jsonl"

#: The keys a JSON Lines notice may have.
JSONL_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "type",
        "status",
        "names",
        "dates_of_birth",
        "sex",
        "nationalities",
        "issuing_country",
        "charges",
        "source",
        "published_on",
    }
)
#: The keys of one entry of ``names`` in a JSON Lines notice.
JSONL_NAME_KEYS: frozenset[str] = frozenset({"surname", "given_names", "kind", "script"})

_MAX_NAME = 200
_MAX_ID = 64
_MAX_CHARGE = 1000
_MAX_SOURCE = 64

#: Path segments of ``_links.self.href`` that give the notice type.
_TYPE_SEGMENTS: dict[str, NoticeType] = {
    "red": NoticeType.RED,
    "yellow": NoticeType.YELLOW,
    "blue": NoticeType.BLUE,
    "black": NoticeType.BLACK,
    "green": NoticeType.GREEN,
    "orange": NoticeType.ORANGE,
    "purple": NoticeType.PURPLE,
    "un": NoticeType.UN_SPECIAL,
    "un-special": NoticeType.UN_SPECIAL,
    "diffusion": NoticeType.DIFFUSION,
    "diffusions": NoticeType.DIFFUSION,
}
#: ``type`` values of a JSON Lines notice (after lower-casing, ``_`` read as ``-``).
_JSONL_TYPES: dict[str, NoticeType] = {t.value: t for t in NoticeType} | {
    "un": NoticeType.UN_SPECIAL
}
_STATUSES: dict[str, NoticeStatus] = {s.value: s for s in NoticeStatus}
_INTERPOL_SEX: dict[str, Sex] = {"M": Sex.MALE, "F": Sex.FEMALE, "U": Sex.UNSPECIFIED}
_JSONL_SEX: dict[str, Sex] = {
    "M": Sex.MALE,
    "F": Sex.FEMALE,
    "X": Sex.UNSPECIFIED,
    "U": Sex.UNSPECIFIED,
}
_NAME_KINDS: dict[str, NameKind] = {k.value: k for k in NameKind}

#: A step of the path from the top of a JSON document to a value: key or list index.
_Step = str | int


def read_notices(path: Path, *, default_type: NoticeType | None = None) -> Iterator[Notice]:
    """Yield the notices of ``path``, lazily; raise :class:`LoadError` on bad input.

    The format is chosen by extension (``.json``: INTERPOL, ``.jsonl``/``.ndjson``: JSON
    Lines) or, for any other name, by content. ``default_type`` is the type of INTERPOL
    items without a ``_links.self.href`` and of JSON Lines notices without ``type``.
    Nothing is read before the first ``next()``.
    """
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _read_jsonl(path, default_type)
    elif suffix == ".json":
        yield from _read_interpol(path, default_type)
    elif _looks_like_jsonl(path):
        yield from _read_jsonl(path, default_type)
    else:
        yield from _read_interpol(path, default_type)


def _looks_like_jsonl(path: Path) -> bool:
    """True when the first non-blank line is, alone, a JSON Lines notice object."""
    for _, line in iter_lines(path):
        if not line.strip():
            continue
        try:
            first = json.loads(line)
        except (ValueError, RecursionError):
            return False
        return isinstance(first, dict) and "names" in first
    return False


# --------------------------------------------------------------------------- errors


class _Context:
    """Where a notice is (file, ordinal, line) and how to describe it in an error."""

    def __init__(self, source: str, ordinal: int, line: Callable[[], int | None]) -> None:
        self.source = source
        self.ordinal = ordinal
        self.label = ""
        self._line = line

    def fail(self, field: str | None, problem: str) -> NoReturn:
        who = f"notice {self.ordinal}"
        if self.label:
            who += f" ({self.label})"
        raise LoadError(self.source, self._line(), field, f"{who}: {problem}")

    def text(self, value: object, field: str, *, max_length: int = _MAX_NAME) -> str:
        """A string value (None and absent read as ''), stripped and checked."""
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail(field, f"must be a string, not {describe_type(value)}")
        try:
            return check_text(value, max_length=max_length)
        except ValueError as exc:
            self.fail(field, f"{field} {exc}")

    def items(self, value: object, field: str) -> list[Any]:
        """A list value (None and absent read as [])."""
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(field, f"must be a list, not {describe_type(value)}")
        return value

    def date_of_birth(self, value: object, field: str) -> PartialDate | None:
        text = self.text(value, field)
        if not text:
            return None
        try:
            return parse_partial_date(text)
        except ValueError as exc:
            self.fail(field, str(exc))

    def country(self, value: object, field: str) -> str:
        text = self.text(value, field)
        try:
            return parse_country(text)
        except ValueError as exc:
            self.fail(field, str(exc))

    def nationalities(self, value: object, field: str) -> tuple[str, ...]:
        codes: dict[str, None] = {}
        for index, code in enumerate(self.items(value, field)):
            codes[self.country(code, f"{field}[{index}]")] = None
        return tuple(codes)

    def status(self, value: object) -> NoticeStatus:
        text = self.text(value, "status").lower()
        if not text:
            return NoticeStatus.ACTIVE
        status = _STATUSES.get(text)
        if status is None:
            self.fail("status", f"status {text!r} is not one of {', '.join(_STATUSES)}")
        return status


def _check_unique(ctx: _Context, field: str, notice_id: str, seen: dict[str, int]) -> None:
    earlier = seen.get(notice_id)
    if earlier is not None:
        ctx.fail(field, f"the id {notice_id!r} was already used by notice {earlier} of this file")
    seen[notice_id] = ctx.ordinal


def _json_error(source: str, exc: ValueError | RecursionError, line: int | None) -> LoadError:
    if isinstance(exc, json.JSONDecodeError):
        return LoadError(source, line, None, f"malformed JSON: {exc.msg} (column {exc.colno})")
    if isinstance(exc, RecursionError):
        return LoadError(source, line, None, "malformed JSON: nested too deeply")
    return LoadError(source, line, None, f"malformed JSON: {exc}")


# --------------------------------------------------------------------------- INTERPOL JSON


class _Locator:
    """Finds the line where a value of a parsed JSON text starts, given its path.

    Only used when an error is raised, so the normal path pays nothing for it.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.decoder = json.JSONDecoder()

    def _skip(self, pos: int) -> int:
        text = self.text
        while pos < len(text) and text[pos] in " \t\n\r":
            pos += 1
        return pos

    def _skip_value(self, pos: int) -> int:
        _, end = self.decoder.raw_decode(self.text, pos)
        return self._skip(end)

    def offset(self, path: Sequence[_Step]) -> int | None:
        text = self.text
        pos = self._skip(0)
        try:
            for step in path:
                if isinstance(step, int):
                    if text[pos] != "[":
                        return None
                    pos = self._skip(pos + 1)
                    for _ in range(step):
                        pos = self._skip_value(pos)
                        if text[pos] != ",":
                            return None
                        pos = self._skip(pos + 1)
                else:
                    if text[pos] != "{":
                        return None
                    pos = self._skip(pos + 1)
                    found: int | None = None
                    while text[pos] != "}":
                        key, end = json.decoder.scanstring(text, pos + 1)  # type: ignore[attr-defined]
                        pos = self._skip(end)
                        if text[pos] != ":":
                            return None
                        pos = self._skip(pos + 1)
                        if key == step:
                            found = pos  # the last duplicate wins, as in json.loads
                        pos = self._skip_value(pos)
                        if text[pos] == ",":
                            pos = self._skip(pos + 1)
                    if found is None:
                        return None
                    pos = found
        except (ValueError, IndexError, RecursionError):
            return None
        return pos

    def line(self, path: Sequence[_Step]) -> int | None:
        offset = self.offset(path)
        return None if offset is None else self.text.count("\n", 0, offset) + 1


def _read_interpol(path: Path, default_type: NoticeType | None) -> Iterator[Notice]:
    source = str(path)
    text = read_text(path)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _json_error(source, exc, exc.lineno) from None
    except (ValueError, RecursionError) as exc:
        raise _json_error(source, exc, None) from None
    locator = _Locator(text)
    seen: dict[str, int] = {}
    for ordinal, (item, where) in enumerate(_interpol_items(source, document, locator), 1):

        def line(where: tuple[_Step, ...] = where) -> int | None:
            return locator.line(where)

        ctx = _Context(source, ordinal, line)
        yield _interpol_notice(item, ctx, default_type, seen)


def _is_list_page(value: dict[str, Any]) -> bool:
    return "_embedded" in value and "entity_id" not in value


def _interpol_items(
    source: str, document: object, locator: _Locator
) -> Iterator[tuple[object, tuple[_Step, ...]]]:
    """(item, path of the item) for every notice of a page, a detail or an array."""

    def page_items(
        page: dict[str, Any], where: tuple[_Step, ...]
    ) -> Iterator[tuple[object, tuple[_Step, ...]]]:
        embedded = page["_embedded"]
        if not isinstance(embedded, dict):
            raise LoadError(
                source,
                locator.line((*where, "_embedded")),
                "_embedded",
                f"a list page's _embedded must be an object, not {describe_type(embedded)}",
            )
        notices = embedded.get("notices")
        if not isinstance(notices, list):
            raise LoadError(
                source,
                locator.line((*where, "_embedded")),
                "_embedded.notices",
                "a list page's _embedded must hold a list 'notices', found "
                + ("none" if notices is None else describe_type(notices)),
            )
        for index, item in enumerate(notices):
            yield item, (*where, "_embedded", "notices", index)

    if isinstance(document, dict):
        if _is_list_page(document):
            yield from page_items(document, ())
        else:
            yield document, ()
    elif isinstance(document, list):
        for index, element in enumerate(document):
            if isinstance(element, dict) and _is_list_page(element):
                yield from page_items(element, (index,))
            else:
                yield element, (index,)
    else:
        raise LoadError(
            source,
            1,
            None,
            "expected an INTERPOL list page, a notice or an array of them, "
            f"found {describe_type(document)}",
        )


def _type_from_href(href: str) -> NoticeType | None:
    try:
        path = urlsplit(href).path
    except ValueError:
        return None
    for segment in path.lower().split("/"):
        notice_type = _TYPE_SEGMENTS.get(segment)
        if notice_type is not None:
            return notice_type
    return None


def _interpol_type(
    item: dict[str, Any], ctx: _Context, default_type: NoticeType | None
) -> NoticeType:
    links = item.get("_links")
    href = ""
    if links is not None:
        if not isinstance(links, dict):
            ctx.fail("_links", f"must be an object, not {describe_type(links)}")
        self_link = links.get("self")
        if self_link is not None:
            if not isinstance(self_link, dict):
                ctx.fail("_links.self", f"must be an object, not {describe_type(self_link)}")
            href = ctx.text(self_link.get("href"), "_links.self.href", max_length=2000)
    if href:
        notice_type = _type_from_href(href)
        if notice_type is None:
            ctx.fail(
                "_links.self.href",
                f"the link {href!r} does not name a notice type "
                f"({', '.join(sorted(_TYPE_SEGMENTS))})",
            )
        return notice_type
    if default_type is None:
        ctx.fail(
            "_links.self.href",
            "no _links.self.href to tell the notice type, and no default type was given",
        )
    return default_type


def _interpol_notice(
    item: object, ctx: _Context, default_type: NoticeType | None, seen: dict[str, int]
) -> Notice:
    if not isinstance(item, dict):
        ctx.fail(None, f"a notice must be a JSON object, not {describe_type(item)}")
    notice_id = ctx.text(item.get("entity_id"), "entity_id", max_length=_MAX_ID)
    if not notice_id:
        ctx.fail("entity_id", "has no entity_id")
    ctx.label = f"entity_id {notice_id}"
    _check_unique(ctx, "entity_id", notice_id, seen)
    notice_type = _interpol_type(item, ctx, default_type)

    surname = ctx.text(item.get("name"), "name")
    given_names = ctx.text(item.get("forename"), "forename")
    if not surname and not given_names:
        ctx.fail("name", "has no name: name and forename are both empty")
    names = [PersonName(surname, given_names, NameKind.PRIMARY)]
    birth_name = ctx.text(item.get("birth_name"), "birth_name")
    if birth_name and birth_name != surname:
        names.append(PersonName(birth_name, given_names, NameKind.BIRTH_NAME))

    date_of_birth = ctx.date_of_birth(item.get("date_of_birth"), "date_of_birth")
    nationalities = ctx.nationalities(item.get("nationalities"), "nationalities")

    sex = Sex.UNSPECIFIED
    sex_text = ctx.text(item.get("sex_id"), "sex_id").upper()
    if sex_text:
        if sex_text not in _INTERPOL_SEX:
            ctx.fail("sex_id", f"sex_id {sex_text!r} is not one of M, F, U")
        sex = _INTERPOL_SEX[sex_text]

    charges: list[str] = []
    issuing_country = ""
    for index, warrant in enumerate(ctx.items(item.get("arrest_warrants"), "arrest_warrants")):
        field = f"arrest_warrants[{index}]"
        if not isinstance(warrant, dict):
            ctx.fail(field, f"an arrest warrant must be an object, not {describe_type(warrant)}")
        charge = ctx.text(warrant.get("charge"), f"{field}.charge", max_length=_MAX_CHARGE)
        if charge:
            charges.append(charge)
        ctx.text(
            warrant.get("charge_translation"), f"{field}.charge_translation", max_length=_MAX_CHARGE
        )
        country_value = warrant.get("issuing_country_id")
        if country_value is not None:
            country = ctx.country(country_value, f"{field}.issuing_country_id")
            if not issuing_country:
                issuing_country = country

    return Notice(
        notice_id=notice_id,
        type=notice_type,
        status=ctx.status(item.get("status")),
        names=tuple(names),
        dates_of_birth=() if date_of_birth is None else (date_of_birth,),
        sex=sex,
        nationalities=nationalities,
        issuing_country=issuing_country,
        charges=tuple(charges),
        source=INTERPOL_SOURCE,
    )


# --------------------------------------------------------------------------- JSON Lines


def _read_jsonl(path: Path, default_type: NoticeType | None) -> Iterator[Notice]:
    source = str(path)
    seen: dict[str, int] = {}
    ordinal = 0
    for number, line in iter_lines(path):
        if not line.strip():
            continue
        ordinal += 1
        try:
            value = json.loads(line)
        except (ValueError, RecursionError) as exc:
            raise _json_error(source, exc, number) from None

        def line_of(number: int = number) -> int:
            return number

        ctx = _Context(source, ordinal, line_of)
        yield _jsonl_notice(value, ctx, default_type, seen)


def _jsonl_name(value: object, ctx: _Context, field: str) -> PersonName:
    if not isinstance(value, dict):
        ctx.fail(field, f"a name must be an object, not {describe_type(value)}")
    for key in value:
        if key not in JSONL_NAME_KEYS:
            ctx.fail(
                f"{field}.{key}",
                f"unknown key {key!r} in a name (allowed: {', '.join(sorted(JSONL_NAME_KEYS))})",
            )
    surname = ctx.text(value.get("surname"), f"{field}.surname")
    given_names = ctx.text(value.get("given_names"), f"{field}.given_names")
    if not surname and not given_names:
        ctx.fail(f"{field}.surname", "a name needs a surname or given names")
    kind_text = ctx.text(value.get("kind"), f"{field}.kind").lower().replace("_", "-")
    kind = NameKind.PRIMARY
    if kind_text:
        if kind_text not in _NAME_KINDS:
            ctx.fail(f"{field}.kind", f"kind {kind_text!r} is not one of {', '.join(_NAME_KINDS)}")
        kind = _NAME_KINDS[kind_text]
    script = ctx.text(value.get("script"), f"{field}.script")
    if script and not (len(script) == 4 and script.isascii() and script.isalpha()):
        ctx.fail(f"{field}.script", f"script {script!r} is not an ISO 15924 code such as Latn")
    return PersonName(surname, given_names, kind, script.title())


def _jsonl_notice(
    value: object, ctx: _Context, default_type: NoticeType | None, seen: dict[str, int]
) -> Notice:
    if not isinstance(value, dict):
        ctx.fail(None, f"a line must hold a JSON object, not {describe_type(value)}")
    notice_id = ctx.text(value.get("id"), "id", max_length=_MAX_ID)
    if not notice_id:
        ctx.fail("id", "has no id")
    ctx.label = f"id {notice_id}"
    for key in value:
        if key not in JSONL_KEYS:
            ctx.fail(key, f"unknown key {key!r} (allowed: {', '.join(sorted(JSONL_KEYS))})")
    _check_unique(ctx, "id", notice_id, seen)

    type_text = ctx.text(value.get("type"), "type").lower().replace("_", "-")
    if type_text:
        if type_text not in _JSONL_TYPES:
            ctx.fail(
                "type", f"type {type_text!r} is not one of {', '.join(t.value for t in NoticeType)}"
            )
        notice_type = _JSONL_TYPES[type_text]
    elif default_type is not None:
        notice_type = default_type
    else:
        ctx.fail("type", "has no type, and no default type was given")

    raw_names = ctx.items(value.get("names"), "names")
    if not raw_names:
        ctx.fail("names", "needs at least one name")
    names = tuple(_jsonl_name(n, ctx, f"names[{i}]") for i, n in enumerate(raw_names))

    dates: list[PartialDate] = []
    for index, raw in enumerate(ctx.items(value.get("dates_of_birth"), "dates_of_birth")):
        field = f"dates_of_birth[{index}]"
        if not isinstance(raw, str):
            ctx.fail(field, f"must be a string, not {describe_type(raw)}")
        date = ctx.date_of_birth(raw, field)
        if date is None:
            ctx.fail(field, "is empty")
        if date not in dates:
            dates.append(date)

    sex = Sex.UNSPECIFIED
    sex_text = ctx.text(value.get("sex"), "sex").upper()
    if sex_text:
        if sex_text not in _JSONL_SEX:
            ctx.fail("sex", f"sex {sex_text!r} is not one of M, F, X")
        sex = _JSONL_SEX[sex_text]

    issuing_country = ""
    if ctx.text(value.get("issuing_country"), "issuing_country"):
        issuing_country = ctx.country(value["issuing_country"], "issuing_country")

    charges: list[str] = []
    for index, raw in enumerate(ctx.items(value.get("charges"), "charges")):
        field = f"charges[{index}]"
        if not isinstance(raw, str):
            ctx.fail(field, f"must be a string, not {describe_type(raw)}")
        charge = ctx.text(raw, field, max_length=_MAX_CHARGE)
        if not charge:
            ctx.fail(field, "is empty")
        charges.append(charge)

    source = ctx.text(value.get("source"), "source", max_length=_MAX_SOURCE) or JSONL_SOURCE

    published_on = None
    published_text = ctx.text(value.get("published_on"), "published_on")
    if published_text:
        try:
            published_on = parse_date(published_text, not_after_today=True)
        except ValueError as exc:
            ctx.fail("published_on", str(exc))

    return Notice(
        notice_id=notice_id,
        type=notice_type,
        status=ctx.status(value.get("status")),
        names=names,
        dates_of_birth=tuple(dates),
        sex=sex,
        nationalities=ctx.nationalities(value.get("nationalities"), "nationalities"),
        issuing_country=issuing_country,
        charges=tuple(charges),
        source=source,
        published_on=published_on,
    )
