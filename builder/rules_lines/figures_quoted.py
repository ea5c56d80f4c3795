"""Figures out of the stream where chapter.yaml quotes their extent: for a text
layer that sets a figure anywhere on its page, in pieces among the running
text (an organization chart around a heading, a caption after its table).

    figure_lines:
      III-3-1-5:
        caption: Organizational Chart and Overview of the ASEAN Defense Ministers’ Meeting-Plus (ADMM-Plus)
        runs:
          - {from: 'Organizational Chart and Overview', to: 'Defense Ministers’ Meeting-Plus (ADMM-Plus)'}
          - {from: '**ASEAN Defense Ministers’**', to: '-  Director level'}

Each run is the raw lines from the first line that starts with `from` to the
first after it that starts with `to`, both quoted as the raw text has them.
The caption is the line that starts with the figure's number (figure_caption),
or the spec's `caption`, a quote of the figure's own lines: then the lines it
is made of, and a line of the number alone, are the caption's.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..blocks.model import Figure
from ..state import LineState
from ..text import join_lines

if TYPE_CHECKING:
    from ..checked import YamlMap
    from ..config import ChapterConfig, Regex
    from ..lines import Line


def apply(state: LineState) -> LineState:
    chapter, ledger = state.chapter, state.ledger
    specs = chapter.figure_lines
    raw = dict(enumerate(state.raw, 1))
    lines = list(state.lines)
    index = {n: i for i, line in enumerate(lines) for n in line.nos}
    caption_re = state.layout.re("figure_caption")
    taken: dict[int, str] = {}
    figures: list[Figure] = []
    for num, spec in specs.items():
        picked = []
        for k, run in enumerate(spec["runs"]):
            first = _find(raw, run["from"], 1, chapter, num, k, "from")
            last = _find(raw, run["to"], first, chapter, num, k, "to")
            for no in range(first, last + 1):
                if no in taken:
                    raise chapter.error(
                        ("figure_lines", num, "runs", k),
                        f"raw line {no} is in figure {taken[no]} already; expected each line in one figure",
                    )
                taken[no] = num
                if no in index:
                    picked.append(index[no])
        fig_lines = [lines[i] for i in sorted(set(picked))]
        caption, caption_nos = _caption(fig_lines, spec, caption_re, num, chapter)
        for line in fig_lines:
            if line.kind == "text":
                ledger.mark(line.nos, "figure", f"Fig. {num}")
        figures.append(
            Figure(
                nos=[n for line in fig_lines for n in line.nos],
                num=num,
                caption=caption,
                lines=tuple(line for line in fig_lines if line.nos[0] not in caption_nos),
                caption_nos=caption_nos,
            )
        )
    drop = {index[no] for no in taken if no in index}
    rest, page_start = [], False
    for i, line in enumerate(lines):
        if i in drop:
            page_start = page_start or line.page_start  # the page goes on after the figure
            continue
        if page_start and line.kind != "blank":
            line, page_start = replace(line, page_start=True), False
        rest.append(line)
    return replace(state.with_lines(rest), figures=state.figures + tuple(figures))


def _find(raw: dict[int, str], quote: str, start: int, chapter: ChapterConfig, num: str, k: int, key: str) -> int:
    for no in range(start, max(raw) + 1):
        if raw.get(no, "").startswith(quote):
            return no
    where = "" if start == 1 else f" after line {start}"
    raise chapter.error(
        ("figure_lines", num, "runs", k, key),
        f"no raw line{where} starts with '{quote}'; expected the start of a raw line, quoted as the raw text has it",
    )


def _caption(
    fig_lines: list[Line], spec: YamlMap, caption_re: Regex, num: str, chapter: ChapterConfig
) -> tuple[str, list[int]]:
    for line in fig_lines:
        m = caption_re.match(line.text)
        if m and line.text[m.end() :].strip() and m.group("num") == num:
            return line.text[m.end() :].strip(), list(line.nos)
    quote = spec.get("caption")
    # the caption may stand on both sides of a line of the number alone
    joined = join_lines([line.text.strip() for line in fig_lines if not _number_alone(caption_re, line.text, num)])
    if not quote or quote not in joined:
        raise chapter.error(
            ("figure_lines", num),
            f"figure {num} has no line 'Fig. {num} <caption>'"
            + (f" and its lines do not hold the caption '{quote}'" if quote else "")
            + "; expected a caption: the spec's `caption`, quoted from its lines",
            on_key=True,
        )
    nos = [
        n
        for line in fig_lines
        if line.text.strip() in quote or _number_alone(caption_re, line.text, num)
        for n in line.nos
    ]
    return quote, nos


def _number_alone(caption_re: Regex, text: str, num: str) -> bool:
    m = caption_re.match(text.strip())
    return bool(m and m.group("num") == num and not text.strip()[m.end() :])
