"""Figures: a caption line that ends with the figure number, then the figure's
own text up to the end of the page (or the next figure's caption).

Figures are taken out of the stream before anything else reads it, so the
running text on either side joins up again.
"""

from __future__ import annotations

from ..blocks.model import Figure
from ..text import join_lines


def extract_figures(lines, layout, ledger):
    caption_re = layout.re("figure_caption")
    crossref_re = layout.re("crossref_start")
    ends = [
        i
        for i, line in enumerate(lines)
        if line.kind == "text" and caption_re.search(line.text) and not crossref_re.match(line.text)
    ]
    starts = []
    for i in ends:
        s = i
        # a caption that wraps: the lines just above, up to a blank line
        while s > 0 and lines[s - 1].kind == "text" and not lines[s].page_start:
            s -= 1
        starts.append(s)
    figures, drop = [], set()
    for k, (s, e) in enumerate(zip(starts, ends)):
        stop = e + 1
        limit = starts[k + 1] if k + 1 < len(starts) else len(lines)
        while stop < limit and not lines[stop].page_start:
            stop += 1
        cap_lines = lines[s : e + 1]
        caption = join_lines([l.text for l in cap_lines])
        m = caption_re.search(caption)
        caption_text = caption[: m.start()].strip()
        content = [l for l in lines[e + 1 : stop]]
        fig = Figure(
            nos=[n for l in lines[s:stop] for n in l.nos],
            num=m.group("num"),
            caption=caption_text,
            lines=tuple(content),
            caption_nos=[n for l in cap_lines for n in l.nos],
        )
        for l in lines[s:stop]:
            if l.kind == "text":
                ledger.mark(l.nos, "figure", f"図表{fig.num}")
            elif l.kind == "see_also":
                pass
        figures.append(fig)
        drop.update(range(s, stop))
    rest = [l for i, l in enumerate(lines) if i not in drop]
    return figures, rest
