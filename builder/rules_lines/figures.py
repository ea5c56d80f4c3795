"""Figures out of the stream: a caption ending in the figure's number, then its
text to the end of the page (builder/figures/extract.py). They are read as
data after the last rule (builder/figures), where chapter.yaml says how."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..figures.extract import extract_figures
from ..state import LineState

if TYPE_CHECKING:
    from ..blocks.model import Figure
    from ..config import ChapterConfig


def apply(state: LineState) -> LineState:
    figures, lines = extract_figures(state.lines, state.layout, state.ledger)
    check_figures_found(state.chapter, figures)
    return replace(state.with_lines(lines), figures=state.figures + tuple(figures))


def check_figures_found(cfg: ChapterConfig, figures: Iterable[Figure]) -> None:
    """Settings for a figure the text does not have are a slip (a mistyped number), not a choice."""
    found = {f.num for f in figures}
    for num in cfg.figures:
        if num not in found:
            raise cfg.error(
                ("figures", num),
                f"figure {num} is not in the raw text, whose figures are "
                f"{', '.join(sorted(found)) or 'none'}; expected one of them",
                on_key=True,
            )
