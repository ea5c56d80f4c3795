"""An event of the timeline: a dated happening, with its sources."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..page import page_url


@dataclass(frozen=True)
class Source:
    """Where an event comes from: a paragraph or a note of the text, or a figure's row."""

    page: str
    anchor: str = ""
    figure: str = ""  # the figure's number (Ⅲ-3-1-1), for a figure's row
    where: str = ""  # the place as the glossary writes it (第1節4項 ¶45; 第1節2項 for a note)
    note: int = 0  # a footnote: its number


@dataclass
class Event:
    id: str
    date: str
    precision: str
    title: str
    text: str  # the source as printed: the sentence(s) of the quote, or the figure's row
    countries: list[str]
    kind: str
    url: str  # site-relative, to the source paragraph
    chapter: str = ""  # the chapter's id; empty for an added event outside the chapters
    end: str = ""
    page: str = ""  # the source's Markdown page, for links inside the site
    anchor: str = ""
    source: str = ""  # text (from the chronology) | figure (a figure's row alone)
    lines: list[int] = field(default_factory=list)  # raw text lines; for an added event, its events.yaml line
    sources: list[Source] = field(default_factory=list)  # the text's paragraph, a figure's row
    quote: str = ""  # the clause of the text, as the chronology quotes it
    yaml_line: int | None = None  # where the chronology gives it
    summary: str = ""  # one or two sentences that stand alone (no 同年, no （同26）)
    place: str = ""  # where it happened, as the text, a note, a caption or a figure gives it
    era: str = ""  # the date in the era the source prints it in (平成26年5月), or ''
    group: str = ""  # a figure's rows that tell one happening share it (a post's visits in a month)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        """By date, a fiscal year (年度) by its start, first in April; on one date, the
        chronology's in its file's order (the editor's), then the figures'."""
        order = self.yaml_line if self.yaml_line is not None else 1 << 30
        if self.precision == "fiscal_year":
            return f"{self.date}-04", 0, order, self.id
        return self.date, 1, order, self.id

    def as_dict(self) -> dict[str, object]:
        out = {k: getattr(self, k) for k in EXPORTED}
        out["sources"] = [page_url(s.page) + (f"#{s.anchor}" if s.anchor else "") for s in self.sources]
        return out


# The fields of data/timeline.json and data/timeline.csv, in this order in both
# (README: The timeline). A list is a JSON array, and in the CSV its items
# joined by spaces.
EXPORTED = (
    "id",
    "date",
    "end",
    "precision",
    "era",
    "title",
    "summary",
    "place",
    "countries",
    "kind",
    "url",
    "sources",
    "source",
    "quote",
    "text",
)
