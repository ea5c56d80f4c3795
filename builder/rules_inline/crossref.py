"""Cross-references in the margin: 資料54（…）、図表Ⅲ-3-1-1（…）、Ⅲ部2章4節2項（…）, or in
English: Reference 54 (…), Fig. III-3-1-1 (…).

An entry is a label and a bracketed title; titles nest brackets, so the
entries are found by counting them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..blocks.model import CrossRefEntry
    from ..config import Regex


def depth(text: str, open_: str = "（", close: str = "）") -> int:
    return text.count(open_) - text.count(close)


def split_entries(
    text: str, entry_re: Regex, open_: str = "（", close: str = "）", seps: str = "、 　"
) -> list[CrossRefEntry] | None:
    entries: list[CrossRefEntry] = []
    i = 0
    while i < len(text):
        while i < len(text) and text[i] in seps:
            i += 1
        if i >= len(text):
            break
        m = entry_re.match(text, i)
        # the title follows the label, at once or after a space
        start = m.end() + (1 if m and text[m.end() : m.end() + 2] == " " + open_ else 0) if m else 0
        if not m or start >= len(text) or text[start] != open_:
            return None
        d, j = 0, start
        while j < len(text):
            d += {open_: 1, close: -1}.get(text[j], 0)
            j += 1
            if d == 0:
                break
        if d != 0:
            return None
        title = text[start + 1 : j - 1]
        target = ("figure", m.group("fig")) if m.group("fig") else None
        entries.append({"label": m.group("label"), "title": title, "target": target})
        i = j
    return entries
