"""The line a stage hands to the next: text plus the raw lines it came from."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Line:
    nos: list[int]
    text: str
    kind: str = "text"          # text | blank | see_also
    page_start: bool = False    # first line after a page boundary
    hanging: bool = False       # a decorative glyph marked a hanging indent here
    flags: set = field(default_factory=set)

    @property
    def no(self) -> int:
        return self.nos[0]

    @property
    def blank(self) -> bool:
        return self.kind == "blank"
