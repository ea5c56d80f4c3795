"""An event of the timeline: a dated happening, with its source."""
from __future__ import annotations

from dataclasses import dataclass, field


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
    source: str = ""              # text | figure | curated
    lines: list[int] = field(default_factory=list)   # raw text lines; for an added event, its events.yaml line
    hidden: bool = False

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in EXPORTED}


EXPORTED = ("id", "date", "precision", "title", "text", "countries", "kind", "url", "end", "source")
