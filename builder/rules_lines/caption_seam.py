"""A photo's caption glued onto the end of a line of text beside it, cut apart
at the seam a hint quotes (hints.yaml, caption_seam):

    "… and the Chief of Staff of the The Air Chiefs and Commanders with Prime Minister Abe"
      → "… and the Chief of Staff of the"  +  caption "The Air Chiefs and Commanders with Prime Minister Abe"

The quote is the caption's words as they end the raw line; the evidence that
it is a seam is checked, not assumed: the text left before it is no wider
than the widest line of its chunk that has no seam (the column the text is
set in). The caption comes right after its line, flagged `caption`; pieces on
lines next to each other are one caption.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import InputError
from ..state import LineState

if TYPE_CHECKING:
    from ..config import Hint, Layout
    from ..lines import Line


def apply(state: LineState) -> LineState:
    hints = state.chapter.hints_of("caption_seam")
    if not hints:
        return state
    layout, ledger = state.layout, state.ledger
    raw = dict(enumerate(state.raw, 1))
    lines = list(state.lines)
    seams: dict[int, Hint] = {}
    for hint in hints:
        k = next(
            (i for i, line in enumerate(lines) if line.kind == "text" and raw[line.no].rstrip().endswith(hint.quote)),
            None,
        )
        if k is None:
            raise state.chapter.hint_error(
                hint,
                f"caption_seam hint: no raw line ends with '{hint.quote}'; expected the caption's "
                "words as they end a line",
            )
        seams[k] = hint
    out: list[Line] = []
    for k, line in enumerate(lines):
        seam = seams.get(k)
        if seam is None:
            out.append(line)
            continue
        hint = seam
        text = line.text.rstrip()
        cut = len(text) - len(hint.quote)
        if cut <= 0 or text[cut - 1] != " " or not text.endswith(hint.quote):
            raise InputError(
                state.chapter.raw,
                line.no,
                f"caption_seam: '{hint.quote}' is not a run of whole words "
                "at the line's end; expected the caption's words after a space",
            )
        before = text[:cut].rstrip()
        measure = _measure(lines, k, seams, layout)
        if layout.width(before) > measure * 1.05:
            raise InputError(
                state.chapter.raw,
                line.no,
                f"caption_seam: the text before '{hint.quote}' is wider than its column "
                f"({layout.width(before):.1f} against {measure:.1f}); expected a seam where the column ends",
            )
        ledger.use_hint(hint)
        out.append(replace(line, text=before))
        out.append(replace(line, text=hint.quote, flags=line.flags | {"caption"}))
    return state.with_lines(out)


def _measure(lines: Sequence[Line], k: int, seams: Container[int], layout: Layout) -> float:
    """The widest line of the chunk around line k (between blank lines) with no seam in it."""
    a = k
    while a > 0 and not lines[a - 1].blank:
        a -= 1
    b = k
    while b + 1 < len(lines) and not lines[b + 1].blank:
        b += 1
    widths = sorted(layout.width(lines[i].text) for i in range(a, b + 1) if i not in seams and lines[i].kind == "text")
    # the column's measure: the widest lines, not one odd one (a wider run below the photo)
    return widths[len(widths) // 2] if widths else 0.0
