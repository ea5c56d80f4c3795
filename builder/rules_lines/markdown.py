"""The extractor's Markdown taken out: `**bold**` marks (a line set wholly in
bold is flagged `bold`, the evidence a heading has), `#` heading marks,
`-----` lines, which stand for page breaks (the next text line starts a page),
and `-  ` list marks, which stand for the bullet print sets there.

    **(1) Basic Approach**   →   (1) Basic Approach   [bold]
    -----                    →   (dropped: a page break; the next line starts a page)
    -  Held annually         →   • Held annually

Table rows (`|…|`) are left to the figure that holds them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lines import Line
from ..rules_furniture import drop_page_lines
from ..state import LineState

BOLD = re.compile(r"\*\*(.+?)\*\*")
LIST_ITEM = re.compile(r"^- {2,}(?=\S)")
HEADING = re.compile(r"^#{1,6} +")
PAGE_BREAK = re.compile(r"^-{3,}$")


def apply(state: LineState) -> LineState:
    ledger = state.ledger
    out: list[Line] = []
    breaks: set[int] = set()
    for line in state.lines:
        text = line.text
        if line.kind == "text" and PAGE_BREAK.match(text.strip()):
            ledger.mark(line.nos, "furniture", "page break (the extractor's '-----')")
            breaks.add(len(out))
        elif line.kind == "text" and LIST_ITEM.match(text):
            ledger.drop_chars("Markdown list mark ('-  ' for a printed bullet)")
            line = replace(line, text=LIST_ITEM.sub("• ", text))
        elif line.kind == "text" and ("**" in text or HEADING.match(text)):
            flags = line.flags
            m = HEADING.match(text)
            if m:
                ledger.drop_chars("Markdown heading mark (#)")
                text, flags = text[m.end() :], flags | {"bold"}
            if BOLD.search(text):
                ledger.drop_chars("Markdown bold marks (**)", 2 * len(BOLD.findall(text)))
                if not BOLD.sub("", text).strip():
                    flags = flags | {"bold"}
                text = BOLD.sub(r"\1", text)
            line = replace(line, text=text, flags=flags)
        out.append(line)
    return state.with_lines(drop_page_lines(out, breaks))
