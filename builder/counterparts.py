"""The small link from a place in one edition to the same paragraph in another (EN, JA):
at a paragraph's end, beside a country profile's mention, beside a timeline event's source."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .markup import render, safe
from .page import page_url

if TYPE_CHECKING:
    from .labels import Labels

# a paragraph's counterpart in another edition: (lang, root, page, anchor, text)
Counterpart = tuple[str, str, str, str, str]


class Counterparts:
    """One edition's paragraphs' counterparts: (page, anchor) -> [(lang, root, page, anchor, text)],
    the edition's folder in the site (root: "" or "en/") and its words."""

    def __init__(self, by_place: dict[tuple[str, str], list[Counterpart]], root: str, labels: Labels | None):
        self.by_place = by_place
        self.root = root
        self.labels = labels

    def of(self, page: str, anchor: str) -> list[Counterpart]:
        return self.by_place.get((page, anchor), [])

    def href(self, src: str, other_root: str, page: str, anchor: str) -> str:
        """From page `src` of this edition to a paragraph of another (each edition has its folder)."""
        up = "../" * src.count("/") + "../" * self.root.count("/")
        return up + other_root + page_url(page) + f"#{anchor}"

    def link(self, src: str, page: str, anchor: str, controls: str = "") -> str:
        """The link to the first counterpart of the paragraph at (page, anchor), as HTML; "" where it
        has none (a note, a figure's row, a paragraph past the other edition's end)."""
        pairs = self.of(page, anchor)
        if not pairs:
            return ""
        lang, root, there, there_anchor, _ = pairs[0]
        assert self.labels is not None, "an edition with counterparts has its labels"
        return render(
            "counterpart-link.html",
            href=self.href(src, root, there, there_anchor),
            lang=lang,
            controls=controls,
            title=safe(self.labels.html("counterpart_title")),
            mark=safe(self.labels.html("counterpart_mark")),
        )


NONE = Counterparts({}, "", None)
