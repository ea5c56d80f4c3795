"""The chapter title printed vertically in the margin, one character a line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..state import LineState
from . import drop_page_lines

if TYPE_CHECKING:
    from ..lines import Line


def apply(state: LineState) -> LineState:
    title = state.chapter.furniture.get("vertical_title")
    if not title:
        return state
    lines = state.lines
    drop: set[int] = set()
    i = 0
    while i < len(lines):
        run = _run(lines, i, title)
        if run is None:
            i += 1
            continue
        for j in run:
            state.ledger.mark(lines[j].nos, "furniture", "vertical chapter title in the margin")
            drop.add(j)
        i = run[-1] + 1
    return state.with_lines(drop_page_lines(lines, drop))


def _run(lines: Sequence[Line], start: int, title: str) -> list[int] | None:
    """Indices of one-character lines from `start` that spell the whole title."""
    got = ""
    idx: list[int] = []
    i = start
    while i < len(lines) and (lines[i].blank or len(lines[i].text.strip()) == 1):
        if not lines[i].blank:
            got += lines[i].text.strip()
            idx.append(i)
            if not title.startswith(got):
                return None
            if got == title:
                return idx
        elif not got:
            return None
        i += 1
    return None
