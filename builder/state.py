"""What the line rules hand one another: a frozen record, made new by each
rule, never changed in place. The ledger and the warnings are the two
accounts every rule writes to; they collect, and nothing reads them back to
decide."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .lines import Line


@dataclass(frozen=True)
class LineState:
    lines: tuple[Line, ...]
    chapter: object  # ChapterConfig: the chapter's settings and hints
    layout: object  # Layout: the profile's patterns and widths
    ledger: object  # Ledger: where each raw line went, or why it was dropped
    warnings: object  # Warnings
    figures: tuple = ()  # figures taken out of the stream
    raw: tuple[str, ...] = ()  # the raw text, line 1 first: what hints and quotes in the settings quote

    def with_lines(self, lines) -> LineState:
        return replace(self, lines=tuple(lines))
