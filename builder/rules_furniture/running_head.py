"""Running heads: the part's and the section's titles at the top of a page."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from .. import patterns
from ..state import LineState
from . import drop_page_lines

if TYPE_CHECKING:
    from ..config import Regex, RegexMatch
    from ..ledger import Ledger
    from ..lines import Line


def apply(state: LineState) -> LineState:
    rules = [(patterns.compile(r["pattern"]), r["reason"]) for r in state.chapter.furniture.get("running_heads", [])]
    return state.with_lines(drop_matching(state.lines, rules, state.ledger))


def drop_matching(
    lines: Sequence[Line],
    rules: Iterable[tuple[Regex, str]],
    ledger: Ledger,
    on_match: Callable[[RegexMatch, Line], None] | None = None,
) -> list[Line]:
    drop: set[int] = set()
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
