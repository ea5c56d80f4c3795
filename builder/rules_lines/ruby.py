"""Ruby (furigana): the reading comes out as a line of kana alone, right after
the character it reads, and the printed line goes on after it:

    「深 / しん / 圳 / せん / 」   →   「<ruby>深<rt>しん</rt></ruby><ruby>圳<rt>せん</rt></ruby>」

A reading that spans several characters (a name read in katakana) needs a
hint that quotes the whole base; the text does not say how far it reaches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..state import LineState
from ..text import is_kanji, plain, ruby

if TYPE_CHECKING:
    from ..config import ChapterConfig, Layout
    from ..errors import Warnings
    from ..ledger import Ledger
    from ..lines import Line

NEEDS = ("ruby_reading",)


def apply(state: LineState) -> LineState:
    return state.with_lines(join_ruby(state.lines, state.layout, state.chapter, state.warnings, state.ledger))


def join_ruby(
    lines: Sequence[Line], layout: Layout, chapter: ChapterConfig, warnings: Warnings, ledger: Ledger
) -> list[Line]:
    reading_re = layout.re("ruby_reading")
    hints = chapter.hints_of("ruby_base")
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        p = _last_text(out)
        prev = out[p] if p is not None else None
        if (
            line.kind == "text"
            and reading_re.match(line.text.strip())
            and p is not None
            and prev is not None
            and plain(prev.text)[-1:]
            and is_kanji(plain(prev.text)[-1])
            and _continues(lines, i)
        ):
            del out[p + 1 :]  # blank lines between the base and its reading
            reading = line.text.strip()
            base = prev.text[-1]
            text, nos = prev.text[:-1], prev.nos + line.nos
            j = i + 1
            while j < len(lines) and lines[j].blank:
                j += 1
            follow = lines[j] if j < len(lines) and lines[j].kind == "text" else None
            rest = follow.text if follow is not None else ""
            hint = next(
                (
                    h
                    for h in hints
                    if h.reading == reading
                    and h.quote.startswith(base)
                    and follow is not None
                    and follow.text.startswith(h.quote[1:])
                ),
                None,
            )
            if hint:
                ledger.use_hint(hint)
                base = hint.quote
                rest = rest[len(hint.quote) - 1 :]
            elif not all("\u3041" <= c <= "\u309f" for c in reading):
                warnings.add(
                    chapter.raw, line.no, f"ruby reading '{reading}' may span more than '{base}'; add a ruby_base hint"
                )
            text += ruby(base, reading)
            if follow is not None:
                text += rest
                nos += follow.nos
                i = j + 1
            else:
                i += 1
            out[p] = replace(prev, text=text, nos=nos, flags=prev.flags | {"ruby"})
            continue
        out.append(line)
        i += 1
    return out


def _last_text(out: Sequence[Line]) -> int | None:
    """The index of the last text line, if only blank lines follow it."""
    for k in range(len(out) - 1, -1, -1):
        if out[k].kind == "text":
            return k
        if not out[k].blank:
            return None
    return None


def _continues(lines: Sequence[Line], i: int) -> bool:
    """A reading sits inside a printed line, so the line goes on after it."""
    j = i + 1
    while j < len(lines) and lines[j].blank:
        j += 1
    return j < len(lines) and lines[j].kind == "text"
