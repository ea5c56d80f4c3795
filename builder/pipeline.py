"""The stages, in order, for one chapter: raw lines → the profile's line rules
(furniture out, figures out, lines joined) → blocks → paragraphs → chapter
model. Each stage returns new values and changes none it was given.
Rendering is separate (builder/render)."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from . import ruler
from .blocks.model import Block
from .blocks.paragraphs import assemble
from .config import ChapterConfig, Layout, check_hints_used, unused_furniture
from .errors import Warnings
from .figures import read_figure
from .ledger import Ledger
from .lines import Line, line_of
from .rules_furniture.controls import clean
from .source import RawLine, read_raw
from .state import LineState
from .structure.acronyms import japanese_names
from .structure.chapter import Chapter, build_chapter


@dataclass
class ChapterResult:
    chapter: Chapter
    raw_lines: list[RawLine]
    ledger: Ledger
    warnings: Warnings


def line_state(config: ChapterConfig, layout: Layout) -> tuple[list[RawLine], LineState]:
    """The raw lines, and the state the first rule is given: a line a raw line, blank ones accounted for."""
    raw_lines = read_raw(config.raw)
    ledger = Ledger(config.raw, len(raw_lines))
    warnings = Warnings()
    # the patterns are matched as the rules will see the lines, without what `controls` drops
    for no, message in unused_furniture(config, [RawLine(r.no, clean(r.text)) for r in raw_lines]):
        warnings.add(config.dir / "chapter.yaml", no, message)
    lines = tuple(line_of(r.no, r.text) for r in raw_lines)
    for line in lines:
        if line.blank:
            ledger.mark(line.nos, "blank")
    return raw_lines, LineState(lines, config, layout, ledger, warnings, raw=tuple(r.text for r in raw_lines))


class Segmenter(Protocol):
    """What a module of builder/blocks makes: the lines the rules left, into blocks."""

    def __init__(
        self, lines: Sequence[Line], layout: Layout, chapter: ChapterConfig, ledger: Ledger, raw: Sequence[str] = ()
    ) -> None: ...

    def run(self) -> list[Block]: ...


def segmenter(layout: Layout) -> type[Segmenter]:
    """The profile's segmenter: the module of builder/blocks it names (segment, segment_marked)."""
    made: type[Segmenter] = importlib.import_module(f"{__package__}.blocks.{layout.segmenter}").Segmenter
    return made


def process_chapter(config: ChapterConfig, layout: Layout) -> ChapterResult:
    raw_lines, state = line_state(config, layout)
    state = ruler.run(layout.rules, state)
    ledger = state.ledger
    blocks = segmenter(layout)(state.lines, layout, config, ledger, state.raw).run()
    flow = assemble(
        blocks,
        layout,
        config.hints_of("paragraph_break") + config.hints_of("paragraph_join"),
        ledger,
        config.hints_of("counterpart_end"),
        state.raw,
    )
    figures = [read_figure(f, config, layout) for f in state.figures]
    chapter = build_chapter(flow, figures, config, layout)
    chapter.acronym_names = japanese_names(chapter, config.hints_of("acronym_name"), ledger)
    check_hints_used(config, ledger)
    return ChapterResult(chapter, raw_lines, ledger, state.warnings)
