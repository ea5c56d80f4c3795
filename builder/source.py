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
        raise InputError(path, line, f"not UTF-8: byte 0x{data[e.start]:02x} cannot be decoded; "
                                     "expected UTF-8 text") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    out = []
    for no, line in enumerate(lines, 1):
        line = line.rstrip("\r")
        bad = MARKUP_CHARS.intersection(line)
        if bad:
            raise InputError(path, no, "private-use character U+%04X in the text; expected printed text" % ord(min(bad)))
        out.append(RawLine(no, line))
    return out
