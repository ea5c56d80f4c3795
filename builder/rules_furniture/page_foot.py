"""Page feet: the page number with the book's or part's title."""

from __future__ import annotations

from .. import patterns
from .running_head import drop_matching


def apply(state):
    rules = [(patterns.compile(r["pattern"]), r["reason"]) for r in state.chapter.furniture.get("page_numbers", [])]
    ledger = state.ledger

    def note_page(match, line):
        page = match.groupdict().get("page")
        if page:
            for no in line.nos:
                ledger.entries[no].page = page

    return state.with_lines(drop_matching(state.lines, rules, ledger, note_page))
