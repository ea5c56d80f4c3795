"""Acronyms whose English name print sets in small type above the letters.

The text layer gives: the acronym's first letter at the end of a line, the
English name on a line of its own, then the rest of the acronym:

    （A / ASEAN Regional Forum / RF）や、…   →   （<abbr title="ASEAN Regional Forum">ARF</abbr>）や、…

Blank lines may stand between the three parts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..state import LineState
from ..text import abbr

if TYPE_CHECKING:
    from ..config import Layout
    from ..lines import Line

NEEDS = ("acronym_first", "acronym_name", "acronym_rest")  # the profile's patterns it reads


def _next_text(lines: Sequence[Line], i: int) -> int | None:
    j = i + 1
    while j < len(lines) and lines[j].blank:
        j += 1
    return j if j < len(lines) and lines[j].kind == "text" else None


def apply(state: LineState) -> LineState:
    return state.with_lines(join_acronyms(state.lines, state.layout))


def join_acronyms(lines: Sequence[Line], layout: Layout) -> list[Line]:
    first_re = layout.re("acronym_first")
    name_re = layout.re("acronym_name")
    rest_re = layout.re("acronym_rest")
    out = list(lines)
    i = 0
    while i < len(out):
        line = out[i]
        m = first_re.search(line.text) if line.kind == "text" else None
        j = _next_text(out, i) if m else None
        k = _next_text(out, j) if j is not None else None
        if m and j is not None and k is not None:
            name = out[j].text.strip()
            rest = rest_re.match(out[k].text)
            if name_re.match(name) and " " in name and rest and not name_re.match(out[k].text.strip()):
                acronym = m.group("letter") + rest.group("rest")
                out[i] = replace(
                    line,
                    text=line.text[: m.start()] + abbr(acronym, name) + out[k].text[rest.end() :],
                    nos=line.nos + out[j].nos + out[k].nos,
                    flags=line.flags | {"acronym"},
                )
                del out[i + 1 : k + 1]
                continue  # the joined line may end in another split acronym
        i += 1
    return out
