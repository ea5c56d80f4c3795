"""Stage 1: the raw chapter file as numbered lines."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .text import MARKUP_CHARS


@dataclass
class RawLine:
    no: int
    text: str


def read_raw(path: Path) -> list[RawLine]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, None, "raw chapter file not found") from None
    if not data.strip():
        raise InputError(path, 1, "the file is empty; expected the chapter's text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise InputError(
            path, line, f"not UTF-8: byte 0x{data[e.start]:02x} cannot be decoded; expected UTF-8 text"
        ) from None
    # a BOM, a CR (of CRLF or alone) and the other characters that are not text stay in the raw
    # lines, as delivered: the rule `controls` drops them, each counted (rules_furniture/controls.py)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    out = []
    for no, text_line in enumerate(lines, 1):
        bad = MARKUP_CHARS.intersection(text_line)
        if bad:
            raise InputError(
                path, no, f"private-use character U+{ord(min(bad)):04X} in the text; expected printed text"
            )
        out.append(RawLine(no, text_line))
    return out
