"""Characters that are not text (CR, BOM, controls, zero-width and bidirectional characters) out, each counted.

A file saved on another system, or damaged on its way, carries characters no
reader sees: a CR of a CRLF line end, or alone inside a line (where it cut a
heading in two); a byte order mark; a control character (BEL, a form feed); a
zero-width space or joiner; a bidirectional override, which makes a line read
in another order than the one stored, so that a page could say what the source
does not. None of them is printed matter, and none may reach a page or a data
file: each is dropped here, first of the rules, and counted by its reason in
the ledger; a bidirectional control is a warning as well, with its line. The
tab, which the text layer uses to set out numbers, stays. The text hints and
the settings quote (the state's `raw`) is the same text, without them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..lines import Line
from ..state import LineState

# in the order they are told; the first reason a character fits is its
REASONS = (
    ("CR of a CRLF line end", re.compile(r"\r$")),
    ("CR inside a line", re.compile(r"\r")),
    ("byte order mark", re.compile("\ufeff")),
    ("bidirectional control", re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")),
    ("zero-width character", re.compile("[\u200b-\u200d\u2060-\u2064]")),
    ("control character", re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")),
    ("line or paragraph separator", re.compile("[\u2028\u2029]")),
    ("interlinear annotation mark", re.compile("[\ufff9-\ufffb]")),
)
ANY = re.compile("|".join(p.pattern for _, p in REASONS))


def clean(text: str, count: Callable[[str, int], object] | None = None) -> str:
    """The text without them; count(reason, n) for each reason that took some."""
    if not ANY.search(text):
        return text
    for reason, pattern in REASONS:
        text, n = pattern.subn("", text)
        if n and count:
            count(reason, n)
    return text


def apply(state: LineState) -> LineState:
    out: list[Line] = []
    for line in state.lines:
        if not ANY.search(line.text):
            out.append(line)
            continue
        told: list[str] = []

        def count(reason: str, n: int, told: list[str] = told) -> None:
            state.ledger.drop_chars(reason, n)
            told.append(reason)

        text = clean(line.text, count)
        if "bidirectional control" in told:
            state.warnings.add(
                state.chapter.raw,
                line.no,
                "a bidirectional control character, dropped: it can "
                "make a line read in another order than the source's",
            )
        if line.kind == "text" and not text.strip():
            state.ledger.mark(line.nos, "blank")
            line = Line(line.nos, text, kind="blank")
        else:
            line = replace(line, text=text)
        out.append(line)
    return replace(state, lines=tuple(out), raw=tuple(clean(t) for t in state.raw))
