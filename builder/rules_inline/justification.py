"""Justification spaces: print spreads a short line by spacing its letters out,
and the text layer keeps those spaces:

    同 年7月 に は 東 京 で   →   同年7月には東京で

A line counts as spread when it has at least two spaces between Japanese
characters; a single space (ハーグルンド フィンランド国防大臣) is a real one.
"""

from __future__ import annotations

import re

from ..text import is_wide

_SPACED = re.compile(r"(?<=\S) (?=\S)")


def _between_wide(text: str, pos: int) -> bool:
    return pos > 0 and pos + 1 < len(text) and is_wide(text[pos - 1]) and is_wide(text[pos + 1])


def remove_justification(text: str) -> str:
    spots = [m.start() for m in _SPACED.finditer(text) if _between_wide(text, m.start())]
    if len(spots) < 2:
        return text
    keep = set(spots)
    return "".join(c for i, c in enumerate(text) if i not in keep)
