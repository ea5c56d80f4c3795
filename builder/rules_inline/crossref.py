"""Cross-references in the margin: 資料54（…）、図表Ⅲ-3-1-1（…）、Ⅲ部2章4節2項（…）.

An entry is a label and a bracketed title; titles nest brackets, so the
entries are found by counting them.
"""
from __future__ import annotations


def depth(text: str) -> int:
    return text.count("（") - text.count("）")


def split_entries(text: str, entry_re) -> list[dict] | None:
    entries, i = [], 0
    while i < len(text):
        while i < len(text) and text[i] in "、 　":
            i += 1
        if i >= len(text):
            break
        m = entry_re.match(text, i)
        if not m or m.end() >= len(text) or text[m.end()] != "（":
            return None
        d, j = 0, m.end()
        while j < len(text):
            d += {"（": 1, "）": -1}.get(text[j], 0)
            j += 1
            if d == 0:
                break
        if d != 0:
            return None
        title = text[m.end() + 1:j - 1]
        target = ("figure", m.group("fig")) if m.group("fig") else None
        entries.append({"label": m.group("label"), "title": title, "target": target})
        i = j
    return entries
