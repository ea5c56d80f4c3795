"""Page feet: the page number with the book's or part's title."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import patterns
from ..state import LineState
from .running_head import drop_matching

if TYPE_CHECKING:
    from ..config import RegexMatch
    from ..lines import Line


def apply(state: LineState) -> LineState:
    rules = [(patterns.compile(r["pattern"]), r["reason"]) for r in state.chapter.furniture.get("page_numbers", [])]
    ledger = state.ledger

    def note_page(match: RegexMatch, line: Line) -> None:
        page = match.groupdict().get("page")
        if page:
            for no in line.nos:
                ledger.entries[no].page = page

    return state.with_lines(drop_matching(state.lines, rules, ledger, note_page))
