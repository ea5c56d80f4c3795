"""Running heads: the part's and the section's titles at the top of a page."""

from __future__ import annotations

from .. import patterns
from . import drop_page_lines


def apply(state):
    rules = [(patterns.compile(r["pattern"]), r["reason"]) for r in state.chapter.furniture.get("running_heads", [])]
    return state.with_lines(drop_matching(state.lines, rules, state.ledger))


def drop_matching(lines, rules, ledger, on_match=None):
    drop = set()
    for i, line in enumerate(lines):
        if line.kind != "text":
            continue
        for pattern, reason in rules:
            m = pattern.search(line.text)
            if m:
                ledger.mark(line.nos, "furniture", reason)
                if on_match:
                    on_match(m, line)
                drop.add(i)
                break
    return drop_page_lines(lines, drop)
