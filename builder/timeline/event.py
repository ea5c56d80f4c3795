"""An event of the timeline: a dated happening, with its sources."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..page import page_url


@dataclass(frozen=True)
class Source:
    """Where an event comes from: a paragraph of the text, or a figure's row."""
    page: str
    anchor: str = ""
    figure: str = ""          # the figure's number (Ⅲ-3-1-1), for a figure's row
    where: str = ""           # the paragraph's place as the glossary writes it (第1節4項 ¶45)


@dataclass
class Event:
    id: str
    date: str
    precision: str
    title: str
    text: str
    countries: list[str]
    kind: str
    url: str                      # site-relative, to the source paragraph
    chapter: str = ""             # the chapter's id; empty for an added event outside the chapters
    end: str = ""
    page: str = ""                # the source's Markdown page, for links inside the site
    anchor: str = ""
    source: str = ""              # text (from the chronology) | figure (a figure's row alone)
    lines: list[int] = field(default_factory=list)   # raw text lines; for an added event, its events.yaml line
    sources: list[Source] = field(default_factory=list)      # the text's paragraph, a figure's row
    quote: str = ""               # the clause of the text, as the chronology quotes it
    yaml_line: int | None = None  # where the chronology gives it

    def as_dict(self) -> dict:
        out = {k: getattr(self, k) for k in EXPORTED}
        out["sources"] = [page_url(s.page) + (f"#{s.anchor}" if s.anchor else "") for s in self.sources]
        return out


EXPORTED = ("id", "date", "precision", "end", "title", "text", "quote", "countries", "kind", "url", "source")
