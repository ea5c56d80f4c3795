"""A figure kept as its printed text: blocks of lines, as the figure groups
them. Characters set vertically (one a line) are joined back into a word."""
from __future__ import annotations

import html

FORMAT = "原図の文字"


def read(figure) -> list[list[str]]:
    groups, group = [], []
    for line in list(figure.lines) + [None]:
        if line is None or line.blank:
            if group:
                groups.append(_join_vertical(group))
            group = []
        else:
            group.append(line.text.replace("\u3000", " ").strip())
    return groups


def _join_vertical(lines: list[str]) -> list[str]:
    out, run = [], ""
    for t in lines + [None]:
        if t is not None and len(t) == 1:
            run += t
            continue
        if run:
            out.append(run)
            run = ""
        if t is not None:
            out.append(t)
    return out


def render(groups: list[list[str]], spec=None) -> str:
    cells = []
    for g in groups:
        inner = "<br>".join(html.escape(t) for t in g)
        cells.append(f'<div class="hk-figcell">{inner}</div>')
    return ('<div class="hk-figtext" markdown="0">\n' + "\n".join(cells) + "\n</div>\n\n"
            "<small>図の配置は再現していない。原図の文字を、図の中のまとまりごとに原文の順で示す。</small>\n")
