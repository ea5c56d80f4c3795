"""A YAML input's data once its schema has passed it, typed for the code that reads it: the
schema has checked its shape, so a mapping is a mapping and a value it requires is there."""

from __future__ import annotations

from typing import Any, cast

from .inputs.yamldoc import Doc

YamlMap = dict[str, Any]  # a mapping as YAML gave it, its shape checked by its schema


def yaml_map(doc: Doc) -> YamlMap:
    """A file's data, which its schema has checked is a mapping."""
    return cast(YamlMap, doc.data)


def line_at(doc: Doc, place: tuple[str | int, ...]) -> int:
    """The line of a value the file has (its schema has checked it is there)."""
    return doc.at(place)[0] or 0
