"""Footnote markers: the printed note number glued to the word before it.

    ASEAN地域フォーラム1（ARF）   8か国2を加えた   G714の連帯 (= G7 + note 14)

Digits are everywhere in the text (14（同26）年, 26か国), so markers are found
by the notes' own numbers and order: note n's marker is the first later spot
where n stands alone after a word, not read as a quantity (not followed by a
counter such as 年 or か, nor by an era year as in 14（同26）年; not preceded
by 第 or 約).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .. import patterns
from ..text import FN_CLOSE, FN_OPEN, MARKUP_CHARS, fnref

if TYPE_CHECKING:
    from ..config import Layout

NOT_BEFORE = "0-9０-９第約（\\-＋.．・"
NOT_AFTER = "0-9０-９年月日か回名人周号億万千百分倍歳隻機両個件度次期位列つ＋.．～%％"


@functools.cache
def _marker_re(number: int, eras: tuple[str, ...]) -> re.Pattern[str]:
    # 14（同26）年: a western year with its era year (the eras of layout.yaml), not a marker
    not_year = f"(?!（(?:同|{'|'.join(map(re.escape, eras))})?\\d+）)"
    return re.compile(f"(?<=[^{NOT_BEFORE}])({number})(?![{NOT_AFTER}]){not_year}")


# the strict form, for finding a marker whose note is missing
MARKER_AFTER = "をがはのにでともし。、」（"


def _markup_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, c in enumerate(text):
        if c in "\ue000\ue003\ue006":
            start = i
        elif c in "\ue002\ue005\ue007" and start is not None:
            spans.append((start, i + 1))
            start = None
    return spans


def find_marker(text: str, number: int, eras: Iterable[str], start: int = 0) -> tuple[int, int] | None:
    """Position (start, end) of note `number`'s marker in text at or after `start`."""
    pattern = _marker_re(number, tuple(eras))
    spans = _markup_spans(text)
    for m in pattern.finditer(text, start):
        if any(a <= m.start() < b for a, b in spans):
            continue
        return m.start(1), m.end(1)
    return None


def find_orphan_marker(text: str, number: int, start: int = 0) -> int | None:
    """A spot that reads as note `number`'s marker (for a note that is missing)."""
    pattern = re.compile(f"(?<=[\u3041-\u30ff\u4e00-\u9fff）」])({number})(?=[{MARKER_AFTER}])")
    spans = _markup_spans(text)
    for m in pattern.finditer(text, start):
        if not any(a <= m.start() < b for a, b in spans):
            return m.start(1)
    return None


class Finder:
    """Finds note markers as the profile prints them: its footnote_marker pattern ('\\[{n}\\]'),
    or, without one, the number glued to a word."""

    def __init__(self, layout: Layout):
        self.pattern = layout.footnote_marker
        self.eras = tuple(layout.eras)

    def find(self, text: str, number: int, start: int = 0) -> tuple[int, int] | None:
        if self.pattern is None:
            return find_marker(text, number, self.eras, start)
        spans = _markup_spans(text)
        for m in patterns.compile(self.pattern.replace("{n}", str(number))).finditer(text[start:]):
            if not any(a <= start + m.start() < b for a, b in spans):
                return start + m.start(), start + m.end()
        return None

    def orphan(self, text: str, number: int, start: int = 0) -> int | None:
        if self.pattern is None:
            return find_orphan_marker(text, number, start)
        span = self.find(text, number, start)
        return span[0] if span else None


def place(text: str, span: tuple[int, int], number: int) -> str:
    a, b = span
    return text[:a] + fnref(number) + text[b:]


def after(text: str, number: int) -> int:
    """Where the search for the next marker starts: just after this one."""
    return text.index(f"{FN_OPEN}{number}{FN_CLOSE}") + len(f"{FN_OPEN}{number}{FN_CLOSE}")


assert not MARKUP_CHARS.intersection(NOT_BEFORE + NOT_AFTER)
