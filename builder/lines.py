"""The line a stage hands to the next: text plus the raw lines it came from.

A line is a frozen record: a rule that changes one makes a new one
(`dataclasses.replace`), so what an earlier stage returned stays as it was."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    nos: tuple[int, ...]
    text: str
    kind: str = "text"  # text | blank | see_also
    page_start: bool = False  # first line after a page boundary
    hanging: bool = False  # a decorative glyph marked a hanging indent here
    flags: frozenset[str] = frozenset()  # what a rule found: acronym, ruby, bold …

    @property
    def no(self) -> int:
        return self.nos[0]

    @property
    def blank(self) -> bool:
        return self.kind == "blank"


def line_of(no: int, text: str) -> Line:
    """A raw line as the first stage sees it."""
    return Line((no,), text, kind="text" if text.strip() else "blank")
