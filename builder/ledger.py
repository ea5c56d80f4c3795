"""The account of every raw line: where it went, or why it was dropped."""
from __future__ import annotations

from collections import Counter
from pathlib import Path


class Ledger:
    def __init__(self, path: Path, total: int):
        self.path = path
        self.total = total
        self.entries: dict[int, tuple[str, str]] = {}
        self.chars: Counter = Counter()   # characters dropped inside kept lines

    def mark(self, nos, category: str, detail: str = "") -> None:
        for no in nos:
            self.entries[no] = (category, detail)

    def drop_chars(self, reason: str, count: int = 1) -> None:
        self.chars[reason] += count

    def place(self, nos, where: str) -> None:
        """Record the output location of lines already given a category."""
        for no in nos:
            cat, _ = self.entries.get(no, ("?", ""))
            if cat != "blank":
                self.entries[no] = (cat, where)

    def unaccounted(self, raw_lines) -> list[int]:
        return [r.no for r in raw_lines if r.no not in self.entries]

    def counts(self) -> Counter:
        return Counter(cat for cat, _ in self.entries.values())

    def report(self, raw_lines) -> str:
        rows = ["line\tcategory\twhere\ttext"]
        for r in raw_lines:
            cat, where = self.entries.get(r.no, ("UNACCOUNTED", ""))
            rows.append(f"{r.no}\t{cat}\t{where}\t{r.text}")
        return "\n".join(rows) + "\n"
