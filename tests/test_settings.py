"""The typed settings (builder/config.py's Profile, builder/labels.py's Words)
hold to their schemas (builder/inputs/schemas/layout.yaml, labels.yaml): one
field per property, of the property's type, with a default exactly where the
property is optional. The dataclasses are written by hand, so that mypy reads
them; this is what keeps each with its schema."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from builder.config import Profile
from builder.inputs.schema import schema
from builder.labels import Words

SCALARS = {"string": str, "number": float, "integer": int, "boolean": bool}


def _resolve(prop: dict, defs: dict) -> dict:
    if "$ref" in prop:
        return defs[prop["$ref"].rsplit("/", 1)[1]]
    return prop


def _type_problems(where: str, hint: object, prop: dict, defs: dict) -> list[str]:
    """How the annotation `hint` differs from what the schema's `prop` holds ([] where it agrees)."""
    prop = _resolve(prop, defs)
    if "enum" in prop:
        want: object = Literal[tuple(prop["enum"])]
        return [] if hint == want else [f"{where}: {hint}, the schema's enum is {want}"]
    kind = prop.get("type")
    if kind in SCALARS:
        return [] if hint == SCALARS[kind] else [f"{where}: {hint}, the schema says {kind}"]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if kind == "array":
        if origin is not tuple or len(args) != 2 or args[1] is not Ellipsis:
            return [f"{where}: {hint}, the schema says an array (expected tuple[..., ...])"]
        return _type_problems(f"{where}[]", args[0], prop["items"], defs)
    if kind == "object" or "properties" in prop or "additionalProperties" in prop:
        if dataclasses.is_dataclass(hint):
            return problems(typing.cast(type, hint), prop, defs, where=f"{where}.")
        if origin is not Mapping or args[0] is not str:
            return [f"{where}: {hint}, the schema says an object (expected Mapping[str, ...] or a dataclass)"]
        values = prop.get("additionalProperties")
        inner = [values] if isinstance(values, dict) else list(prop.get("properties", {}).values())
        return [p for v in inner for p in _type_problems(f"{where}[]", args[1], v, defs)]
    return [f"{where}: the schema's property has no type this test knows ({prop})"]


def problems(cls: type, spec: dict, defs: dict | None = None, where: str = "") -> list[str]:
    """Each way the dataclass `cls` differs from the object schema `spec`."""
    defs = spec.get("$defs", {}) if defs is None else defs
    props = spec.get("properties", {})
    if not props and isinstance(spec.get("additionalProperties"), dict):
        props = spec["additionalProperties"].get("properties", {})
        required = set(spec["additionalProperties"].get("required", []))
    else:
        required = set(spec.get("required", []))
    # a field may hold a property whose name Python cannot take (the label `and`: and_)
    fields = {f.metadata.get("key", f.name): f for f in dataclasses.fields(cls)}
    annotations = typing.get_type_hints(cls)
    hints = {key: annotations[f.name] for key, f in fields.items()}
    out = [f"{where}{name}: a property of the schema, not a field" for name in props if name not in fields]
    out += [f"{where}{name}: a field, not a property of the schema" for name in fields if name not in props]
    for name in props.keys() & fields.keys():
        f, hint = fields[name], hints[name]
        has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        if name in required and has_default:
            out.append(f"{where}{name}: required by the schema, but the field has a default")
        if name not in required and not has_default:
            out.append(f"{where}{name}: optional in the schema, but the field has no default")
        if f.default is None:  # absent: the field's type is the property's, or None
            args = typing.get_args(hint)
            if typing.get_origin(hint) not in (typing.Union, types.UnionType) or type(None) not in args:
                out.append(f"{where}{name}: defaults to None, but its type {hint} does not allow None")
                continue
            rest = tuple(a for a in args if a is not type(None))
            hint = rest[0] if len(rest) == 1 else typing.Union[rest]  # noqa: UP007 (a union made at run time)
        out += _type_problems(f"{where}{name}", hint, props[name], defs)
    return out


def test_the_layout_profile_holds_to_its_schema():
    assert problems(Profile, schema("layout")) == []


def test_the_labels_hold_to_their_schema():
    assert problems(Words, schema("labels")) == []


# a profile's dataclass with a slip of each kind the test must catch
@dataclass(frozen=True)
class _Slipped:
    body_widht: float  # misspelt
    segmenter: Literal["segment"]  # one choice short
    caption_split_min: float  # integer in the schema
    rules: list[str]  # an array is a tuple
    lost_glyph: str = "〓"  # optional: fine
    joined_lines: bool | None = None  # fine
    page_start: str = None  # type: ignore[assignment]  # None where the type has no None, on purpose
    kana_order: str = ""  # required, yet defaulted


def test_the_check_finds_each_kind_of_slip():
    found = problems(_Slipped, schema("layout"))
    for says in [
        "body_widht: a field, not a property of the schema",
        "body_width: a property of the schema, not a field",
        "segmenter: typing.Literal['segment'], the schema's enum is typing.Literal['segment', 'segment_marked']",
        "caption_split_min: <class 'float'>, the schema says integer",
        "rules: list[str], the schema says an array",
        "page_start: defaults to None, but its type <class 'str'> does not allow None",
        "kana_order: required by the schema, but the field has a default",
    ]:
        assert any(p.startswith(says) for p in found), (says, found)
    assert not any(p.startswith(("lost_glyph", "joined_lines")) for p in found), found
