"""Mentions: where the text names each country or organization, found once
for all chapters. The result sits beside the chapter model and leaves its
text as it is: records for the profiles, headings given over to one country,
and the links the renderer inserts: a country's first full-name mention under
each heading (in each sub-item, （N） or ア, and apart in each box), so that a
run of paragraphs about one country does not link it again and again; none
in footnotes or headings."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..blocks.model import Box, Heading, Paragraph
from ..render.pages import heading_ids, heading_plain
from ..text import plain

RANK = {"sub": 1, "paren": 2, "kana": 3}


@dataclass
class MentionRecord:
    chapter: str
    item: object
    anchor: str
    excerpt: str
    surfaces: list[str] = field(default_factory=list)


@dataclass
class Mentions:
    records: dict[str, list[MentionRecord]] = field(default_factory=dict)   # id -> in reading order
    dedicated: dict[str, list[tuple]] = field(default_factory=dict)   # id -> (rank, item, heading id, title)
    links: dict[tuple[str, str], list[tuple[int, int, str]]] = field(default_factory=dict)
    # (page, anchor) -> (start, end, id) spans in that paragraph's text
    matched: dict[str, dict[str, int]] = field(default_factory=dict)   # id -> surface -> count, for review


# a sentence ends at 。, or at a full stop (?, !) followed by a space and a capital (English)
SENTENCE = re.compile(r"[^。]*?(?:。|[.?!][”’\")]?(?=\s+[A-Z“(])|$)\s*")


def excerpt(text: str, surface: str, limit: int = 90) -> str:
    p = plain(text)
    sentences = [s.strip() for s in SENTENCE.findall(p) if s.strip()]
    hit = next((s for s in sentences if surface in s), p)
    if len(hit) <= limit:
        return hit
    at = hit.find(surface)
    if at + len(surface) <= limit - 1:
        return hit[:limit - 1] + "…"
    # the name stands past the cut: a window that holds it
    start = max(0, at + len(surface) - (limit - 2) // 2)
    window = hit[start:start + limit - 2]
    return "…" + window + ("…" if start + len(window) < len(hit) else "")


def find_mentions(chapters, matcher) -> Mentions:
    out = Mentions()
    for ch in chapters:
        for item in ch.items():
            ids = heading_ids(item.blocks)
            for b in item.blocks:
                if isinstance(b, Heading):
                    found = {m.id for m in matcher.find(b.title)}
                    if len(found) == 1:
                        out.dedicated.setdefault(found.pop(), []).append((RANK[b.level], item, ids[id(b)],
                                                                          heading_plain(b)))
            linked: set[str] = set()      # ids linked under the current heading
            for b in item.blocks:
                if isinstance(b, Heading):
                    linked = set()
                elif isinstance(b, Paragraph):
                    _text(out, matcher, ch.id, item, b.text, b.anchor, linked)
                elif isinstance(b, Box):
                    in_box: set[str] = set()
                    for p in b.paragraphs:
                        _text(out, matcher, ch.id, item, p.text, p.anchor, in_box)
            for n in item.footnotes:
                _text(out, matcher, ch.id, item, n.text, f"fn:{n.num}", None)
    return out


def _text(out: Mentions, matcher, chapter, item, text, anchor, linked: set | None) -> None:
    """Record the mentions in one text; link the first of each id not yet in
    `linked` (None: link nothing), and add it there."""
    by_id: dict[str, list] = {}
    for m in matcher.find(text):
        by_id.setdefault(m.id, []).append(m)
        counts = out.matched.setdefault(m.id, {})
        counts[m.surface] = counts.get(m.surface, 0) + 1
    for cid, ms in by_id.items():
        out.records.setdefault(cid, []).append(
            MentionRecord(chapter, item, anchor, excerpt(text, ms[0].surface), [m.surface for m in ms]))
    if linked is not None:
        firsts = [next((m for m in ms if m.linkable), None) for cid, ms in by_id.items() if cid not in linked]
        spans = [(m.start, m.end, m.id) for m in firsts if m]
        linked.update(cid for _, _, cid in spans)
        if spans:
            out.links[(item.path, anchor)] = spans
