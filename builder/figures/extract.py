"""Figures: a caption line that ends with the figure number, then the figure's
own text up to the end of the page (or the next figure's caption).

Figures are taken out of the stream before anything else reads it, so the
running text on either side joins up again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..blocks.model import Figure
from ..text import join_lines

if TYPE_CHECKING:
    from ..config import Layout
    from ..ledger import Ledger
    from ..lines import Line


def extract_figures(lines: Sequence[Line], layout: Layout, ledger: Ledger) -> tuple[list[Figure], list[Line]]:
    """The figures, each with its caption and its lines, and the lines left for the running text."""
    caption_re = layout.re("figure_caption")
    crossref_re = layout.re("crossref_start")
    ends = [
        i
        for i, line in enumerate(lines)
        if line.kind == "text" and caption_re.search(line.text) and not crossref_re.match(line.text)
    ]
    starts: list[int] = []
    for i in ends:
        s = i
        # a caption that wraps: the lines just above, up to a blank line
        while s > 0 and lines[s - 1].kind == "text" and not lines[s].page_start:
            s -= 1
        starts.append(s)
    figures: list[Figure] = []
    drop: set[int] = set()
    for k, (s, e) in enumerate(zip(starts, ends)):
        stop = e + 1
        limit = starts[k + 1] if k + 1 < len(starts) else len(lines)
        while stop < limit and not lines[stop].page_start:
            stop += 1
        cap_lines = lines[s : e + 1]
        caption = join_lines([line.text for line in cap_lines])
        m = caption_re.search(caption)
        assert m is not None, "the caption's last line matched figure_caption"
        caption_text = caption[: m.start()].strip()
        fig = Figure(
            nos=[n for line in lines[s:stop] for n in line.nos],
            num=m.group("num"),
            caption=caption_text,
            lines=tuple(lines[e + 1 : stop]),
            caption_nos=[n for line in cap_lines for n in line.nos],
        )
        for line in lines[s:stop]:
            if line.kind == "text":
                ledger.mark(line.nos, "figure", f"図表{fig.num}")
        figures.append(fig)
        drop.update(range(s, stop))
    rest = [line for i, line in enumerate(lines) if i not in drop]
    return figures, rest
