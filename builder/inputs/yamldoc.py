"""The one YAML loader: the data, and where in the file each value and key
stands, so that any later check can name the line and column."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import InputError

# libyaml's loader when PyYAML has it (the wheels do): several times faster
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple   # a place in the data: keys and list indices, outermost first


@dataclass
class Doc:
    """A parsed YAML file. `at(place)` is the (line, column) of the value at
    that place, `key_at(place)` that of its key; both 1-based."""
    path: Path
    data: object
    values: dict = field(default_factory=dict)
    keys: dict = field(default_factory=dict)

    def at(self, place: Path_ = ()) -> tuple[int, int] | tuple[None, None]:
        place = tuple(place)
        while place not in self.values and place:
            place = place[:-1]          # a missing key: point at the mapping that lacks it
        return self.values.get(place, (None, None))

    def key_at(self, place: Path_) -> tuple[int, int] | tuple[None, None]:
        place = tuple(place)
        return self.keys[place] if place in self.keys else self.at(place)

    def error(self, place: Path_, message: str, on_key: bool = False) -> InputError:
        line, column = (self.key_at if on_key else self.at)(place)
        return InputError(self.path, line, message, column=column, key=dotted(place))


def dotted(place: Path_) -> str:
    """furniture.running_heads[0].pattern"""
    out = ""
    for p in place:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _mark(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _walk(node, place, doc: Doc) -> None:
    doc.values[place] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        seen: dict = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                # PyYAML would keep the last silently: an editing slip that loses data
                raise InputError(doc.path, key_node.start_mark.line + 1,
                                 f"key '{key}' appears twice in this mapping (first at line {seen[key]}); "
                                 "expected each key once", column=key_node.start_mark.column + 1,
                                 key=dotted(place + (key,)))
            seen[key] = key_node.start_mark.line + 1
            doc.keys[place + (key,)] = _mark(key_node)
            _walk(value_node, place + (key,), doc)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, place + (i,), doc)


def load(path: Path) -> Doc:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, None, "file not found") from None
    except UnicodeDecodeError as e:
        raise InputError(path, None, f"not UTF-8 ({e.reason}); expected UTF-8 text") from None
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        problem = getattr(e, "problem", None) or str(e)
        raise InputError(path, mark.line + 1 if mark else None, f"malformed YAML: {problem}",
                         column=mark.column + 1 if mark else None) from None
    finally:
        loader.dispose()
    doc = Doc(path, data)
    if node is not None:
        _walk(node, (), doc)
    return doc
