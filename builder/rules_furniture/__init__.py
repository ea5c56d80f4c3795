"""Stage 2: page furniture removed.

Each rule takes the line list and returns it with furniture taken out (or
marked), recording what it dropped in the ledger. Running heads, page feet and
the vertical title end a printed page, so the next text line is marked as a
page start.
"""
from __future__ import annotations

from ..lines import Line


def remove_furniture(raw_lines, chapter, layout, ledger) -> list[Line]:
    from . import glyph, page_foot, page_start, running_head, see_also, vertical_title
    lines = [Line([r.no], r.text, kind="text" if r.text.strip() else "blank") for r in raw_lines]
    for line in lines:
        if line.blank:
            ledger.mark(line.nos, "blank")
    for rule in (page_start, glyph, vertical_title, running_head, page_foot, see_also):
        lines = rule.apply(lines, chapter, layout, ledger)
    return lines


def drop_page_lines(lines: list[Line], drop: set[int]) -> list[Line]:
    """Remove the lines at the given indices; the next text line starts a page."""
    out: list[Line] = []
    pending = False
    for i, line in enumerate(lines):
        if i in drop:
            pending = True
            continue
        if pending and line.kind == "text":
            line.page_start = True
            pending = False
        out.append(line)
    return out
