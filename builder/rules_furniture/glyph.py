"""U+FFFD stands where print has a decorative mark at a hanging indent."""
from __future__ import annotations


def apply(lines, chapter, layout, ledger):
    for line in lines:
        if "\ufffd" in line.text:
            ledger.drop_chars("U+FFFD glyph", line.text.count("\ufffd"))
            line.text = line.text.replace("\ufffd", "")
            line.hanging = True
    return lines
