"""What the line rules hand one another: a frozen record, made new by each
rule, never changed in place. The ledger and the warnings are the two
accounts every rule writes to; they collect, and nothing reads them back to
decide."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .blocks.model import Figure
from .lines import Line

if TYPE_CHECKING:
    from .config import ChapterConfig, Layout
    from .errors import Warnings
    from .ledger import Ledger


@dataclass(frozen=True)
class LineState:
    lines: tuple[Line, ...]
    chapter: ChapterConfig  # the chapter's settings and hints
    layout: Layout  # the profile's patterns and widths
    ledger: Ledger  # where each raw line went, or why it was dropped
    warnings: Warnings
    figures: tuple[Figure, ...] = ()  # figures taken out of the stream
    raw: tuple[str, ...] = ()  # the raw text, line 1 first: what hints and quotes in the settings quote

    def with_lines(self, lines: Iterable[Line]) -> LineState:
        return replace(self, lines=tuple(lines))
