"""Bar charts as HTML lists: a row a thing, its name a link to what the bar
counts, the bar's parts drawn in CSS, the count written out. Text stays the
page's own size (12 CSS px or more, on a phone too), which an SVG scaled to
the screen could not promise; screen readers read each row as text."""

from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass
class Row:
    label: str
    href: str  # already a URL, relative to the page
    parts: list[tuple[int, str]]  # (count, CSS class of its colour), in the key's order
    described: str  # the row said in words, for screen readers (言及33・訪問22)
    year: str = ""  # the year a row counts, for the timeline's script that recounts it


def bar_chart(title: str, rows: list[Row], key: list[tuple[str, str]] = (), css: str = "") -> str:
    """`key`: (CSS class, what it stands for), shown under the title when the bars have parts."""
    esc = html.escape
    top = max((sum(n for n, _ in r.parts) for r in rows), default=0) or 1
    items = []
    for r in rows:
        total = sum(n for n, _ in r.parts)
        bars = "".join(
            f'<span class="hk-{esc(cls)}" style="width:{100 * n / top:.2f}%"></span>' for n, cls in r.parts if n
        )
        data = f' data-year="{esc(r.year)}"' if r.year else ""
        items.append(
            f'<li{data}><a href="{esc(r.href)}">{esc(r.label)}</a>'
            f'<span class="hk-bar" aria-hidden="true">{bars}</span>'
            f'<span class="hk-bar-n">{total}<span class="hk-sr">（{esc(r.described)}）</span></span></li>'
        )
    # an entry of the key wraps as a whole: its colour never ends a line apart from its words
    legend = "".join(
        f'<span class="hk-legend-item"><span class="hk-key hk-{esc(cls)}"></span>{esc(text)}</span> '
        for cls, text in key
    )
    return (
        f'<figure class="hk-bars {esc(css)}" markdown="0"><figcaption><strong>{esc(title)}</strong>'
        + (f'<span class="hk-legend">{legend}</span>' if legend else "")
        + "</figcaption>"
        f"<ol>{''.join(items)}</ol></figure>"
    )
