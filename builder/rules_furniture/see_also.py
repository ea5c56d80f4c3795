"""'参 照' marks the margin's see-also box; its entries are separate lines.

The marker itself is dropped, but it is kept in the stream as a 'see_also'
line: it tells the segmenter that the page's running text has ended.
"""
from __future__ import annotations

import re


def apply(lines, chapter, layout, ledger):
    pattern = re.compile(chapter.furniture["see_also_marker"])
    for line in lines:
        if line.kind == "text" and pattern.match(line.text.strip()):
            line.kind = "see_also"
            ledger.mark(line.nos, "furniture", "see-also marker (参照) in the margin")
    return lines
