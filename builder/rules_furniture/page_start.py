"""A line that begins with one ASCII space is the first line of a page."""
from __future__ import annotations


def apply(lines, chapter, layout, ledger):
    pattern = layout.re("page_start")
    for line in lines:
        if line.kind == "text" and pattern.match(line.text):
            line.text = pattern.sub("", line.text, count=1)
            line.page_start = True
            ledger.drop_chars("page-start space")
    return lines
