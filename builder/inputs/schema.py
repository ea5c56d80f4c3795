"""Validating an input file against its schema (builder/inputs/schemas/).

The schemas are JSON Schema (2020-12), written in YAML. JSON Schema because
the same files that stop the build also drive an editor's completion and
checks as one types (yaml-language-server reads them; see the modelines at
the top of each file under content/). jsonschema says what is wrong and
where in the data; this module turns that into `file:line:column: key:
what was expected`, with "did you mean" for a misspelt key or value.

One keyword of our own: `regex` (with optional `groups`) checks that a
string compiles as a Python regular expression that runs in bounded time
(builder/patterns.py), with the named groups the rule that reads it needs
(`fill` replaces a placeholder such as {n} first). `date` checks that a date is one the calendar has. `expected` is an annotation: the phrase an error
uses for what a value should be.
"""

from __future__ import annotations

import calendar
import difflib
import functools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .. import memo, patterns
from ..errors import InputError
from .yamldoc import Doc, Path_, load

if TYPE_CHECKING:
    from jsonschema import ValidationError
    from jsonschema.protocols import Validator

SCHEMAS = Path(__file__).parent / "schemas"


def _regex(validator: Validator, spec: object, instance: object, schema: object) -> Iterator[ValidationError]:
    from jsonschema import ValidationError

    if not isinstance(instance, str):
        return
    spec = spec if isinstance(spec, dict) else {}
    for placeholder, value in spec.get("fill", {}).items():
        instance = instance.replace(placeholder, value)
    try:
        compiled = patterns.compile(instance)
    except patterns.PatternError as e:
        yield ValidationError(str(e))
        return
    groups = spec.get("groups", [])
    missing = [g for g in groups if g not in compiled.groupindex]
    if missing:
        yield ValidationError(
            f"the pattern '{instance}' lacks the named group(s) "
            f"{', '.join(f'(?P<{g}>…)' for g in missing)}; the rule that reads it needs them"
        )


def _date(validator: Validator, spec: object, instance: object, schema: object) -> Iterator[ValidationError]:
    """A date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' names a month and a day that exist."""
    from jsonschema import ValidationError

    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", instance) if isinstance(instance, str) else None
    if not m:
        return  # its shape is the `pattern`'s to check
    year, month, day = (int(g) if g else None for g in m.groups())
    if month is not None and not 1 <= month <= 12:
        yield ValidationError(f"'{instance}' has no month {month}; expected a month from 01 to 12")
    elif day is not None and month is not None and year is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            yield ValidationError(
                f"'{instance}': {year}-{month:02d} has no day {day}; expected a day from 01 to {last}"
            )


@functools.cache
def schema(name: str) -> dict[str, Any]:
    # through the same loader as the inputs: a key written twice in a schema is refused too
    data = load(SCHEMAS / f"{name}.yaml").data
    assert isinstance(data, dict), name  # our own file
    return data


@functools.cache
def validator(name: str) -> Validator:
    # imported here: a rebuild whose inputs all passed before (memo) never needs it
    from jsonschema import Draft202012Validator, validators

    extended = validators.extend(Draft202012Validator, {"regex": _regex, "date": _date})  # type: ignore[no-untyped-call]
    return cast("Validator", extended(schema(name)))


TYPES = {
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "object": "a mapping (key: value)",
    "array": "a list",
    "boolean": "true or false",
    "null": "nothing",
}


def describe(value: object) -> str:
    if isinstance(value, bool):
        return f"true or false ({str(value).lower()})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"'{value}'"


def closest(word: object, choices: Iterable[object]) -> str | None:
    """The choice a slip of the keyboard most likely meant; on a tie, the one
    that starts the same way (AUT: AUS before SAU)."""
    word = str(word)
    scored = []
    for c in map(str, choices):
        ratio = difflib.SequenceMatcher(None, word, c).ratio()
        prefix = next((i for i, (a, b) in enumerate(zip(word, c)) if a != b), min(len(word), len(c)))
        if ratio >= 0.6:
            scored.append((ratio, prefix, c))
    return max(scored)[2] if scored else None


def did_you_mean(word: object, choices: Iterable[object]) -> str:
    close = closest(word, choices)
    return f"; did you mean '{close}'?" if close else ""


def _problems(e: ValidationError, at: Path_) -> Iterator[tuple[Path_, bool, str]]:
    """(place, on_key, message) for one jsonschema error."""
    place = at + tuple(e.absolute_path)
    # what jsonschema gives is as loose as a schema is: typed Any here, checked by isinstance where it matters
    kind: Any = e.validator
    sch: Any = e.schema
    inst: Any = e.instance
    value: Any = e.validator_value
    if kind == "additionalProperties" and isinstance(inst, dict):
        known = list(sch.get("properties", {}))
        patterns = [re.compile(p) for p in sch.get("patternProperties", {})]
        for key in inst:
            if key not in known and not any(p.search(str(key)) for p in patterns):
                hint = did_you_mean(key, known) or (f"; expected one of: {', '.join(known)}" if known else "")
                yield place + (key,), True, f"unknown key '{key}'{hint}"
        return
    if kind == "required" and isinstance(inst, dict):
        # jsonschema says each missing key apart; told once, all together (the same message is kept once)
        properties = sch.get("properties") or {}
        unknown = [k for k in inst if k not in properties] if properties else []
        # where unknown keys are refused, a misspelt key is told as one, with "did you mean";
        # where they are let through (a figure's own fields), the missing key names it
        closed = sch.get("additionalProperties") is False
        missing = [k for k in value if k not in inst and not (closed and any(closest(u, [k]) for u in unknown))]
        if missing:
            slips = [f"'{u}' for '{k}'" for k in missing for u in unknown if closest(u, [k])]
            yield (
                place,
                False,
                ("missing key " if len(missing) == 1 else "missing keys ")
                + ", ".join(f"'{k}'" for k in missing)
                + (f" (a slip: {', '.join(slips)}?)" if slips else "")
                + (f"; expected {sch['expected']}" if "expected" in sch else ""),
            )
        return
    if kind == "type":
        want = value if isinstance(value, list) else [value]
        what = sch.get("expected") or " or ".join(TYPES.get(str(t), str(t)) for t in want)
        yield place, False, f"expected {what}, got {describe(inst)}"
        return
    if kind == "enum":
        yield (
            place,
            False,
            (f"{describe(inst)} is not one of: {', '.join(map(str, value))}" + did_you_mean(inst, value)),
        )
        return
    if kind in ("regex", "date"):
        yield place, False, e.message
        return
    if "expected" in sch:
        got = "" if isinstance(inst, (dict, list)) else f"{describe(inst)}; "
        yield place, False, f"{got}expected {sch['expected']}"
        return
    yield place, False, e.message


def validate(doc: Doc, name: str, at: Path_ = ()) -> None:
    """Check the data at place `at` of the file against schema `name`. Stop at
    the first problem in file order, saying how many more there are."""
    data: Any = doc.data
    for key in at:
        data = data[key]
    memo.passed.check(lambda: _validate(doc, name, at, data), "schema", name, repr(at), repr(data))


def _validate(doc: Doc, name: str, at: Path_, data: Any) -> None:
    found = []
    for e in validator(name).iter_errors(data):
        for place, on_key, message in _problems(e, tuple(at)):
            line, column = (doc.key_at if on_key else doc.at)(place)
            found.append(((line or 0, column or 0), place, on_key, message))
    if not found:
        return
    # one slip can break two rules that say the same (a pattern checked by two schemas)
    found = sorted({(f[0], f[1], f[3]): f for f in found}.values(), key=lambda f: f[0])
    _, place, on_key, message = found[0]
    if len(found) > 1:
        message += f" ({len(found) - 1} more problem{'s' if len(found) > 2 else ''} in this file)"
    raise doc.error(place, message, on_key=on_key)


def load_checked(path: Path, name: str, optional: bool = False) -> Doc:
    """Read a YAML input and check it against schema `name`. A file that holds nothing is refused:
    emptied by a slip, it would lose what it gave without a word. An optional file whose feature
    is to be off is deleted instead, and the build report says so."""
    doc = load(path)
    if doc.data is None:
        raise InputError(
            path,
            1,
            "the file holds nothing (it is empty, or comments alone); expected its data"
            + ("; to turn off what it gives, delete the file" if optional else ""),
        )
    validate(doc, name)
    return doc
