"""Bar charts as HTML lists: a row a thing, its name a link to what the bar
counts, the bar's parts drawn in CSS, the count written out. Text stays the
page's own size (12 CSS px or more, on a phone too), which an SVG scaled to
the screen could not promise; screen readers read each row as text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .markup import render


@dataclass
class Row:
    label: str
    href: str  # already a URL, relative to the page
    parts: list[tuple[int, str]]  # (count, CSS class of its colour), in the key's order
    described: str  # the row said in words, for screen readers (言及33・訪問22)
    year: str = ""  # the year a row counts, for the timeline's script that recounts it


def bar_chart(title: str, rows: list[Row], key: Sequence[tuple[str, str]] = (), css: str = "") -> str:
    """`key`: (CSS class, what it stands for), shown under the title when the bars have parts."""
    top = max((sum(n for n, _ in r.parts) for r in rows), default=0) or 1
    drawn = [(r, sum(n for n, _ in r.parts), [(cls, f"{100 * n / top:.2f}") for n, cls in r.parts if n]) for r in rows]
    return render("bar-chart.html", title=title, rows=drawn, key=list(key), css=css)
