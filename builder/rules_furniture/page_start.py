"""A line that begins with one ASCII space is the first line of a page."""

from __future__ import annotations

from dataclasses import replace

from ..state import LineState

NEEDS = ("page_start",)


def apply(state: LineState) -> LineState:
    pattern = state.layout.re("page_start")
    out = []
    for line in state.lines:
        if line.kind == "text" and (m := pattern.match(line.text)):
            state.ledger.drop_chars("page-start space")
            line = replace(line, text=line.text[m.end() :], page_start=True)
        out.append(line)
    return state.with_lines(out)
