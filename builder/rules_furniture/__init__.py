"""Page furniture: lines that are not part of the text.

Each rule takes the state and returns it with furniture taken out (or
marked), recording what it dropped in the ledger. Running heads, page feet and
the vertical title end a printed page, so the next text line is marked as a
page start.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..lines import Line


def drop_page_lines(lines: Iterable[Line], drop: set[int]) -> list[Line]:
    """The lines without those at the given indices; the next text line starts a page."""
    out: list[Line] = []
    pending = False
    for i, line in enumerate(lines):
        if i in drop:
            pending = True
            continue
        if pending and line.kind == "text":
            line = replace(line, page_start=True)
            pending = False
        out.append(line)
    return out
