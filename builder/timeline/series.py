"""The rule for series (content/README-events.md, "Series"): when the text
dates the start of something that recurs or goes on, or the start of Japan's
part in it, that start is an event, and its headline says so; the years
between and a session that did not take place are not events.

These patterns find a clause that dates such a start: a year (and month), an
occasion (の第1回, の閣僚会合), then 以降, 以来, より or から, and what goes on
(毎年, 隔年, 継続, 毎回, …している). A span (4月から5月にかけて) is not one, nor a
member's year in a list (カンボジア（95年から）)."""

from __future__ import annotations

import re
from typing import Any

STARTS = re.compile(
    r"年(?:\d{1,2}月)?(?:の[^、。]{1,12}?)?(?:以降|以来|より|から)(?![^。]{0,14}(?:にかけて|まで|の間))"
    r"(?!）)(?:(?:は)?[、，]?[^。]{0,110}?(?:毎年|隔年|継続|毎回|ている|ており|てきた)|(?<=以来))"
)
# a headline that tells of a start: 開始, 初参加, （以後毎年）
MARKED = re.compile(r"開始|始ま|初参加|以後")


def dates_a_start(clause: str) -> bool:
    return bool(STARTS.search(clause))


def problems(
    events: list[tuple[int | None, dict[str, Any]]], not_events: list[tuple[int | None, dict[str, Any]]]
) -> list[tuple[int | None, str]]:
    """(line, what breaks the rule) for the chronology's entries."""
    out = []
    for line, e in events:
        if "quote" in e and dates_a_start(e["quote"]) and not MARKED.search(e["headline"]):
            out.append(
                (
                    line,
                    f"headline '{e['headline']}': its clause dates the start of a series; say so "
                    "(開始, 初参加, （以後毎年）: content/README-events.md, Series)",
                )
            )
    for line, e in not_events:
        if dates_a_start(e["quote"]):
            out.append(
                (
                    line,
                    f"not-event '{e['quote'][:30]}': it dates the start of a series, which is an event "
                    "(content/README-events.md, Series); quote the session that did not take place "
                    "or the member's year alone, or make it an event",
                )
            )
    return out
