"""The account of every raw line: where it went, or why it was dropped."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .rules_furniture.controls import ANY

if TYPE_CHECKING:
    from .config import Hint
    from .source import RawLine


@dataclass(frozen=True)
class Repair:
    """One change a rule made to the printed words: what the text layer gave, what the page shows."""

    kind: str  # ligature | hyphen | …
    before: str
    after: str
    line: int  # the raw line it is on


@dataclass(frozen=True)
class Move:
    """Raw lines a rule put elsewhere than the text layer did, and the evidence it followed."""

    nos: tuple[int, ...]
    evidence: str


@dataclass
class Entry:
    category: str  # text | heading | footnote | figure | caption | box | crossref | furniture | blank
    detail: str = ""  # which note, figure or box; for furniture, the reason it was dropped
    page: str = ""  # the printed page number, where the line states it (a page foot)
    where: str = ""  # the page#anchor of the site it went to

    def describe(self) -> str:
        return self.where or (f"{self.detail}, p.{self.page}" if self.page else self.detail)


class Ledger:
    def __init__(self, path: Path, total: int):
        self.path = path
        self.total = total
        self.entries: dict[int, Entry] = {}
        self.chars: Counter[str] = Counter()  # characters dropped inside kept lines
        self.hints: Counter[Hint] = Counter()  # hint -> how often a rule followed it
        self.repairs: Counter[str] = Counter()  # kind -> how many words a rule repaired
        self.repair_log: list[Repair] = []
        self.lost: list[Repair] = []  # characters the text layer lost, shown as missing
        self.moves: list[Move] = []

    def mark(self, nos: Iterable[int], category: str, detail: str = "", page: str = "") -> None:
        for no in nos:
            self.entries[no] = Entry(category, detail, page)

    def repair(self, kind: str, before: str, after: str, line: int) -> None:
        self.repairs[kind] += 1
        self.repair_log.append(Repair(kind, before, after, line))

    def lose_glyph(self, before: str, after: str, line: int) -> None:
        """A character the text layer lost, marked as missing where it stood (nothing guessed)."""
        self.lost.append(Repair("lost glyph", before, after, line))

    def move(self, nos: Iterable[int], evidence: str) -> None:
        self.moves.append(Move(tuple(nos), evidence))

    def use_hint(self, hint: Hint) -> None:
        self.hints[hint] += 1

    def drop_chars(self, reason: str, count: int = 1) -> None:
        self.chars[reason] += count

    def place(self, nos: Iterable[int], where: str) -> None:
        """Record the output location of lines already given a category."""
        for no in nos:
            entry = self.entries.get(no)
            if entry and entry.category != "blank":
                entry.where = where

    def unaccounted(self, raw_lines: Iterable[RawLine]) -> list[int]:
        return [r.no for r in raw_lines if r.no not in self.entries]

    def counts(self) -> Counter[str]:
        return Counter(e.category for e in self.entries.values())

    def furniture(self) -> Counter[str]:
        """Dropped lines by reason."""
        return Counter(e.detail for e in self.entries.values() if e.category == "furniture")

    def report(self, raw_lines: Iterable[RawLine]) -> str:
        """Every raw line and where it went; then every word a rule repaired, every character the
        text layer lost and every run of lines a rule moved, each with what it followed (more
        tables, each after a blank line)."""
        rows = ["line\tcategory\twhere\ttext"]
        for r in raw_lines:
            e = self.entries.get(r.no)
            # what no reader sees (controls.py) is shown by its code: a CR would cut the row
            text = ANY.sub(lambda m: f"<U+{ord(m.group()):04X}>", r.text)
            rows.append(f"{r.no}\t{e.category}\t{e.describe()}\t{text}" if e else f"{r.no}\tUNACCOUNTED\t\t{text}")
        if self.repair_log:
            rows += ["", "line\trepair\tbefore\tafter"]
            rows += [f"{r.line}\t{r.kind}\t{r.before}\t{r.after}" for r in self.repair_log]
        if self.lost:
            rows += ["", "line\tglyph lost from the text layer\tthe text layer\tthe page"]
            rows += [f"{r.line}\t{r.kind}\t{r.before}\t{r.after}" for r in self.lost]
        if self.moves:
            rows += ["", "lines\tmoved on the evidence"]
            rows += [f"{m.nos[0]}-{m.nos[-1]}\t{m.evidence}" for m in self.moves]
        return "\n".join(rows) + "\n"
