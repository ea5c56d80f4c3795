"""'参 照' marks the margin's see-also box; its entries are separate lines.

The marker itself is dropped, but it is kept in the stream as a 'see_also'
line: it tells the segmenter that the page's running text has ended.
"""

from __future__ import annotations

from dataclasses import replace

from .. import patterns
from ..state import LineState


def apply(state: LineState) -> LineState:
    pattern = patterns.compile(state.chapter.furniture["see_also_marker"])
    out = []
    for line in state.lines:
        if line.kind == "text" and pattern.match(line.text.strip()):
            state.ledger.mark(line.nos, "furniture", "see-also marker in the margin")
            line = replace(line, kind="see_also")
        out.append(line)
    return state.with_lines(out)
