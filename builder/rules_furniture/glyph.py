"""U+FFFD stands where print has a decorative mark at a hanging indent."""

from __future__ import annotations

from dataclasses import replace

from ..state import LineState


def apply(state: LineState) -> LineState:
    out = []
    for line in state.lines:
        if "\ufffd" in line.text:
            state.ledger.drop_chars("U+FFFD glyph", line.text.count("\ufffd"))
            line = replace(line, text=line.text.replace("\ufffd", ""), hanging=True)
        out.append(line)
    return state.with_lines(out)
