"""The one YAML loader: the data, and where in the file each value and key
stands, so that any later check can name the line and column.

It is bounded, so that no input can make the build hang or run out of memory:
a file is at most MAX_BYTES, a string at most MAX_STRING characters, a value
nested at most MAX_DEPTH deep, and no input uses anchors and aliases (none
needs them; nested aliases, a "billion laughs", expand to gigabytes). A
bidirectional override or another invisible format character is refused: it
can make a page say what the file does not."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import InputError

# libyaml's loader when PyYAML has it (the wheels do): several times faster
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple[str | int, ...]  # a place in the data: keys and list indices, outermost first
Place = Sequence[str | int]  # one as a caller may give it

MAX_BYTES = 1 << 20  # the largest input, a chapter's chronology, is about a tenth of this
MAX_STRING = 10_000  # characters; the longest string of the inputs has a few hundred
MAX_DEPTH = 32  # the deepest input, a chapter.yaml, nests 10 levels

# bidirectional embeddings, overrides and isolates; zero-width and other invisible format characters
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
INVISIBLE_NAMES = {
    0x200B: "a zero-width space",
    0x200C: "a zero-width non-joiner",
    0x200D: "a zero-width joiner",
    0x200E: "a left-to-right mark",
    0x200F: "a right-to-left mark",
    0xFEFF: "a byte order mark",
    0x2060: "a word joiner",
}
BIDI = "a bidirectional override, which can make a page say what the file does not"
# in a value, what an escape ("\a", "\u202e") can put there that the file's text does not show
NOT_TEXT = re.compile(INVISIBLE.pattern[:-1] + "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass
class Doc:
    """A parsed YAML file. `at(place)` is the (line, column) of the value at
    that place, `key_at(place)` that of its key; both 1-based."""

    path: Path
    data: object
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def at(self, place: Place = ()) -> tuple[int, int] | tuple[None, None]:
        here = tuple(place)
        while here not in self.values and here:
            here = here[:-1]  # a missing key: point at the mapping that lacks it
        return self.values.get(here, (None, None))

    def key_at(self, place: Place) -> tuple[int, int] | tuple[None, None]:
        here = tuple(place)
        return self.keys[here] if here in self.keys else self.at(here)

    def error(self, place: Place, message: str, on_key: bool = False) -> InputError:
        line, column = (self.key_at if on_key else self.at)(place)
        return InputError(self.path, line, message, column=column, key=dotted(place))


def dotted(place: Place) -> str:
    """furniture.running_heads[0].pattern"""
    out = ""
    for p in place:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _walk(node: yaml.Node, place: Path_, doc: Doc, seen: set[int], text: str = "") -> None:
    if id(node) in seen:
        # the composer gives an alias the very node of its anchor, and no mark of its own: the parser's
        # events have it
        alias = next(e for e in yaml.parse(text, Loader=SafeLoader) if isinstance(e, yaml.AliasEvent))
        mark = alias.start_mark
        raise InputError(
            doc.path,
            mark.line + 1 if mark else None,
            f"an alias (*{alias.anchor}) of the anchor at line "
            f"{node.start_mark.line + 1}; expected the value written out: no input needs "
            "anchors and aliases",
            column=mark.column + 1 if mark else None,
            key=dotted(place),
        )
    seen.add(id(node))
    doc.values[place] = _mark(node)
    if len(place) > MAX_DEPTH:
        raise doc.error(place, f"nested more than {MAX_DEPTH} levels deep; expected the shape of its schema")
    if isinstance(node, yaml.ScalarNode):
        if len(node.value) > MAX_STRING:
            raise doc.error(place, f"a string of {len(node.value):,} characters; expected at most {MAX_STRING:,}")
        bad = NOT_TEXT.search(node.value)
        if bad:
            code = ord(bad.group())
            name = INVISIBLE_NAMES.get(code, BIDI if INVISIBLE.match(bad.group()) else "a control character")
            raise doc.error(place, f"U+{code:04X} ({name}) in the value (an escape?); expected visible text only")
    if isinstance(node, yaml.MappingNode):
        first: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise InputError(
                    doc.path,
                    key_node.start_mark.line + 1,
                    "a key that is a list or a mapping; expected a name",
                    column=key_node.start_mark.column + 1,
                    key=dotted(place),
                )
            key = key_node.value
            if key in first:
                # PyYAML would keep the last silently: an editing slip that loses data
                raise InputError(
                    doc.path,
                    key_node.start_mark.line + 1,
                    f"key '{key}' appears twice in this mapping (first at line {first[key]}); expected each key once",
                    column=key_node.start_mark.column + 1,
                    key=dotted(place + (key,)),
                )
            first[key] = key_node.start_mark.line + 1
            doc.keys[place + (key,)] = _mark(key_node)
            # an alias's value is that of the anchor: its place is where the alias is written
            doc.values[place + (key,)] = _mark(value_node) if id(value_node) not in seen else _mark(key_node)
            _walk(value_node, place + (key,), doc, seen, text)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, place + (i,), doc, seen, text)


def read_text(path: Path, what: str = "file") -> str:
    """A file's text: UTF-8, a BOM at its start dropped; a file that is not names its first bad byte and
    its line."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, None, f"{what} not found") from None
    if len(data) > MAX_BYTES:
        raise InputError(path, None, f"{len(data):,} bytes; expected at most {MAX_BYTES:,}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        column = len(data[data.rfind(b"\n", 0, e.start) + 1 : e.start].decode("utf-8", "replace")) + 1
        raise InputError(
            path,
            line,
            f"not UTF-8: byte 0x{data[e.start]:02x} cannot be decoded (saved as Shift_JIS?); expected UTF-8 text",
            column=column,
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def invisible(path: Path, text: str) -> None:
    """Refuse a bidirectional override or another invisible format character, naming it and where."""
    m = INVISIBLE.search(text)
    if m:
        line = text.count("\n", 0, m.start()) + 1
        column = m.start() - text.rfind("\n", 0, m.start())
        code = ord(m.group())
        name = INVISIBLE_NAMES.get(code, BIDI)
        raise InputError(
            path, line, f"an invisible character U+{code:04X} ({name}); expected visible text only", column=column
        )


# each file's last parse: (its text, its node tree), for the change report (builder/changes.py),
# which would otherwise parse again the file just edited; one entry a file the build reads
_composed: dict[Path, tuple[str, yaml.Node]] = {}


def composed(path: Path, text: str) -> yaml.Node | None:
    """The node tree load() made of this text of this file, if it did."""
    kept = _composed.get(Path(os.path.abspath(path)))
    return kept[1] if kept and kept[0] == text else None


def load(path: Path) -> Doc:
    text = read_text(path)
    invisible(path, text)
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _composed[Path(os.path.abspath(path))] = (text, node)
        doc = Doc(path, None)
        if node is not None:
            # before the data is built: an alias is refused before it can expand
            _walk(node, (), doc, set(), text)
            doc.data = loader.construct_document(node)
    except yaml.YAMLError as e:
        raise _malformed(path, text, e) from None
    finally:
        loader.dispose()
    return doc


# a key with no space after its colon: `kind:meeting` is one plain word to YAML, not a key and its value
_NO_SPACE = re.compile(r"^\s*(?:- )?(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s:/][^:]*)$")


def _malformed(path: Path, text: str, e: yaml.YAMLError) -> InputError:
    """The parser's complaint, said as a person would, at the line where the slip is."""
    mark = getattr(e, "problem_mark", None)
    problem = getattr(e, "problem", None) or str(e)
    lines = text.split("\n")
    if mark is not None:
        # the parser notices some slips a line or two after them
        for no in range(mark.line, max(mark.line - 3, -1), -1):
            if no >= len(lines):
                continue
            line = lines[no]
            indent = line[: len(line) - len(line.lstrip(" \t"))]
            if "\t" in indent:
                return InputError(
                    path,
                    no + 1,
                    "a tab in the indentation; expected spaces (YAML indents with spaces only)",
                    column=indent.index("\t") + 1,
                )
            m = _NO_SPACE.match(line)
            if m and no < mark.line + 1:
                return InputError(
                    path,
                    no + 1,
                    f"no space after the colon of '{m['key']}:'; expected '{m['key']}: {m['value']}'",
                    column=m.start("value"),
                    key=_key_path(lines, no, m) or m["key"],
                )
    return InputError(
        path, mark.line + 1 if mark else None, f"malformed YAML: {problem}", column=mark.column + 1 if mark else None
    )


def _key_path(lines: list[str], no: int, m: re.Match[str]) -> str:
    """The key path of the key on line `no` had it its space (events[0].kind): the file with the
    space put in is parsed again; "" if it still does not parse."""
    fixed = (
        lines[:no]
        + [line[: m.end("key") + 1] + " " + line[m.start("value") :] for line in [lines[no]]]
        + lines[no + 1 :]
    )
    try:
        node = yaml.compose("\n".join(fixed), Loader=SafeLoader)
    except yaml.YAMLError:
        return ""
    todo: list[tuple[yaml.Node, Path_]] = [(node, ())] if node is not None else []
    seen: set[int] = set()
    while todo:
        node, place = todo.pop()
        if id(node) in seen:
            continue  # an alias: its anchor's node, walked once
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.start_mark.line == no and k.value == m["key"]:
                    return dotted(place + (k.value,))
                todo.append((v, place + (k.value,)))
        elif isinstance(node, yaml.SequenceNode):
            todo += [(v, place + (i,)) for i, v in enumerate(node.value)]
    return ""
