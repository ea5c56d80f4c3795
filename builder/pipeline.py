"""The stages, in order, for one chapter: raw lines → furniture removed →
blocks → chapter model. Rendering is separate (builder/render)."""
from __future__ import annotations

from dataclasses import dataclass

from .figures.extract import extract_figures
from .blocks.paragraphs import assemble
from .blocks.segment import Segmenter
from .config import ChapterConfig, Layout, check_figures_found, check_hints_used, unused_furniture
from .figures import read_figure
from .errors import Warnings
from .ledger import Ledger
from .rules_furniture import remove_furniture
from .rules_lines.acronym import join_acronyms
from .rules_lines.ruby import join_ruby
from .source import read_raw
from .structure.chapter import Chapter, build_chapter


@dataclass
class ChapterResult:
    chapter: Chapter
    raw_lines: list
    ledger: Ledger
    warnings: Warnings


def process_chapter(config: ChapterConfig, layout: Layout) -> ChapterResult:
    raw_lines = read_raw(config.raw)
    ledger = Ledger(config.raw, len(raw_lines))
    warnings = Warnings()
    for line, message in unused_furniture(config, raw_lines):
        warnings.add(config.dir / "chapter.yaml", line, message)
    lines = remove_furniture(raw_lines, config, layout, ledger)
    figures, lines = extract_figures(lines, layout, ledger)
    check_figures_found(config, figures)
    figures = [read_figure(f, config, layout) for f in figures]
    lines = join_acronyms(lines, layout)
    lines = join_ruby(lines, layout, config, warnings, ledger)
    blocks = Segmenter(lines, layout, config, ledger).run()
    flow = assemble(blocks, layout, config.hints_of("paragraph_break"), ledger)
    chapter = build_chapter(flow, figures, config, layout)
    check_hints_used(config, ledger)
    return ChapterResult(chapter, raw_lines, ledger, warnings)
