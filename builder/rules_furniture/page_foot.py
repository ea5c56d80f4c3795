"""Page feet: the page number with the book's or part's title."""
from __future__ import annotations

import re

from .running_head import drop_matching


def apply(lines, chapter, layout, ledger):
    rules = [(re.compile(r["pattern"]), r["reason"]) for r in chapter.furniture.get("page_numbers", [])]

    def note_page(match, line):
        page = match.groupdict().get("page")
        if page:
            for no in line.nos:
                ledger.entries[no].page = page

    return drop_matching(lines, rules, ledger, note_page)
