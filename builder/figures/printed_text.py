"""A figure kept as its printed text: blocks of lines, as the figure groups
them. Characters set vertically (one a line) are joined back into a word."""
from __future__ import annotations


def read(figure) -> list[list[str]]:
    groups, group = [], []
    for line in figure.lines + [None]:
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
