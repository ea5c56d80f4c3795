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
from itertools import pairwise
from typing import TYPE_CHECKING

from ..blocks.model import Box, Heading, Paragraph
from ..render.pages import heading_ids, heading_plain
from ..text import ABBR_RE, FN_RE, LINK_RE, RUBY_RE

if TYPE_CHECKING:
    from ..config import Layout
    from ..structure.chapter import Chapter, Item
    from .matcher import Matcher, Mention

RANK = {"sub": 1, "paren": 2, "kana": 3}
# a piece of an excerpt: ("text", words), ("name", the name as written), ("note", a note's number)
Piece = tuple[str, str]
# a heading given over to one country: (its rank, 1 for a sub-item's; the item; the heading's id; its words)
Dedicated = tuple[int, "Item", str, str]


@dataclass
class MentionRecord:
    chapter: str
    item: Item
    anchor: str
    excerpt: str  # the words around the name, as a reader sees them
    surfaces: list[str] = field(default_factory=list)
    # the excerpt in pieces, for a profile to show: ("text", words), ("name", the name as
    # written, marked), ("note", a note's number: the reference the text places there)
    pieces: list[Piece] = field(default_factory=list)


@dataclass
class Mentions:
    records: dict[str, list[MentionRecord]] = field(default_factory=dict)  # id -> in reading order
    dedicated: dict[str, list[Dedicated]] = field(default_factory=dict)  # id -> (rank, item, heading id, title)
    links: dict[tuple[str, str], list[tuple[int, int, str]]] = field(default_factory=dict)
    # (page, anchor) -> (start, end, id) spans in that paragraph's text
    matched: dict[str, dict[str, int]] = field(default_factory=dict)  # id -> surface -> count, for review


# a sentence ends at 。, or at a full stop (?, !) followed by a space and a capital (English)
SENTENCE = re.compile(r"[^。]*?(?:。|[.?!][”’\")]?(?=\s+[A-Z“(])|$)\s*")
# An excerpt's width, in full-width characters (a Latin letter is about half of one): two
# lines on a phone, so that a profile lists mentions, not the paragraphs they are in.
EXCERPT_WIDTH = 40
# where an excerpt may start or end: after a clause's mark (、 or a comma and its space) or a
# sentence's end; failing that, after a space (between words)
CLAUSE = re.compile(r"[、，。；]|[,;:]\s+|[.?!][”’\")]?\s+")
OPEN, CLOSE = "（「『(“[〔【", "）」』)”]〕】"
KANA = re.compile("[\u3041-\u309f]")  # hiragana
ELLIPSIS = "…"


def reader_text(text: str) -> tuple[str, dict[int, list[str]]]:
    """The text as a reader sees it (builder/text.py, plain), and the notes its references
    place: offset in that text -> the numbers of the notes referenced there."""
    text = LINK_RE.sub(lambda m: m.group(2), text)
    text = ABBR_RE.sub(lambda m: m.group(1), text)
    text = RUBY_RE.sub(lambda m: m.group(1), text)
    out: list[str] = []
    notes: dict[int, list[str]] = {}
    pos = 0
    for m in FN_RE.finditer(text):
        out.append(text[pos : m.start()])
        notes.setdefault(sum(map(len, out)), []).append(m.group(1))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), notes


def excerpt(text: str, surface: str, layout: Layout | None = None, width: float = EXCERPT_WIDTH) -> list[Piece]:
    """The words around the first mention of `surface`, in pieces (MentionRecord.pieces): the
    clauses of its sentence around it, as many as fit in `width`, cut where a clause or a word
    ends where it can (else where a word does, else anywhere), never inside brackets (a cut there
    left 「（96（同…」), with … where words are left out."""
    shown, notes = reader_text(text)
    at = shown.find(surface)
    if at < 0:  # the name is split by markup: the sentence whole
        at, surface = 0, ""
    end = at + len(surface)
    sentence = _Sentence.around(shown, at, layout)
    a, b = sentence.best_cut(at, end, width)
    pieces = [("text", ELLIPSIS)] if a > sentence.lo else []
    cuts = sorted({a, at, end, b} | {n for n in notes if a < n <= b})
    for x, y in pairwise(cuts):
        if y > x:
            pieces.append(("name" if (x, y) == (at, end) else "text", shown[x:y]))
        pieces += [("note", n) for n in notes.get(y, [])]
    if b < sentence.hi:
        pieces.append(("text", ELLIPSIS))
    return _merged(pieces)


@dataclass
class _Sentence:
    """The sentence around a mention, shown[lo:hi] (trailing spaces left out), and what choosing
    where to cut it needs: widths, brackets, and how good each place to cut is."""

    shown: str
    lo: int
    hi: int
    widths: list[float]  # the width of shown[lo:i], at i - lo
    depth: list[int]  # brackets open before each offset of shown
    grade: dict[int, int]  # how good a place to cut: a clause's end (2), a word's (1), elsewhere (0)

    @classmethod
    def around(cls, shown: str, at: int, layout: Layout | None) -> _Sentence:
        starts = [0] + [m.end() for m in SENTENCE.finditer(shown) if m.end()]
        lo = max(s for s in starts if s <= at)
        hi = min([s for s in starts if s > at] + [len(shown)])
        while hi > lo and shown[hi - 1].isspace():
            hi -= 1
        widths = [0.0]
        for ch in shown[lo:hi]:
            widths.append(widths[-1] + (layout.width(ch) if layout else 1))
        depth, d = [], 0
        for ch in shown[: hi + 1]:
            depth.append(d)
            d += (ch in OPEN) - (ch in CLOSE)
        depth.append(d)
        # a word ends after a space, or where kana give way to kanji or katakana, after a particle:
        # 「…および豪州で|実施された」
        grade = {
            i: 1
            for i in range(lo + 1, hi)
            if shown[i - 1].isspace() or (KANA.match(shown[i - 1]) and not KANA.match(shown[i]))
        }
        grade.update({m.end(): 2 for m in CLAUSE.finditer(shown, lo, hi)})
        grade.update({lo: 2, hi: 2})
        return cls(shown, lo, hi, widths, depth, grade)

    def span(self, i: int, j: int) -> float:
        """The width of shown[i:j]."""
        return self.widths[j - self.lo] - self.widths[i - self.lo]

    def whole(self, i: int) -> bool:
        """Not inside a Latin word or a number (EWG, 2014)."""
        s = self.shown
        return not (
            self.lo < i < self.hi and s[i - 1].isascii() and s[i - 1].isalnum() and s[i].isascii() and s[i].isalnum()
        )

    # Brackets stay whole: a cut pair (i, j) stands at one depth, and nothing between goes below
    # it; a name inside brackets may take them in whole (「…派遣団（UNMISS）に…」, not 「…UNMISS…」).
    def starts(self, at: int, end: int, width: float) -> list[int]:
        """Where an excerpt of the mention at[:end] may start, nearest first."""
        out, low = [], min(self.depth[at : end + 1])
        for i in range(at, self.lo - 1, -1):
            low = min(low, self.depth[i])
            if self.span(i, end) > width:
                break
            if self.depth[i] == low and self.whole(i):
                out.append(i)
        return out

    def ends(self, at: int, end: int, width: float) -> list[int]:
        """Where an excerpt of the mention at[:end] may end, nearest first."""
        out, low = [], min(self.depth[at : end + 1])
        for j in range(end, self.hi + 1):
            low = min(low, self.depth[j])
            if self.span(at, j) > width:
                break
            if self.depth[j] == low and self.whole(j):
                out.append(j)
        return out

    def best_cut(self, at: int, end: int, width: float) -> tuple[int, int]:
        """The best cuts (a clause's end before a word's; at the start above all, where a word cut
        short reads worst), then the widest; at least half the width where the sentence has it (a
        clause's end alone made 「India, …」). The mention alone where no cut fits."""
        pairs = [
            (2 * self.grade.get(i, 0) + self.grade.get(j, 0), self.span(i, j), i, j)
            for i in self.starts(at, end, width)
            for j in self.ends(at, end, width)
            if self.depth[i] == self.depth[j] and self.span(i, j) <= width
        ]
        best = max([p for p in pairs if p[1] >= width / 2] or pairs, default=None)
        return (best[2], best[3]) if best else (at, end)


def _merged(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for kind, words in pieces:
        if out and kind == out[-1][0] == "text":
            out[-1] = ("text", out[-1][1] + words)
        elif kind != "text" or words:
            out.append((kind, words))
    return out


def words_of(pieces: list[tuple[str, str]]) -> str:
    """An excerpt's words, without its note references (the export's text)."""
    return "".join(words for kind, words in pieces if kind != "note")


def find_mentions(chapters: list[Chapter], matcher: Matcher) -> Mentions:
    out = Mentions()
    for ch in chapters:
        for item in ch.items():
            ids = heading_ids(item.blocks)
            for b in item.blocks:
                if isinstance(b, Heading):
                    found = {m.id for m in matcher.find(b.title)}
                    if len(found) == 1:
                        out.dedicated.setdefault(found.pop(), []).append(
                            (RANK[b.level], item, ids[id(b)], heading_plain(b))
                        )
            linked: set[str] = set()  # ids linked under the current heading
            for b in item.blocks:
                if isinstance(b, Heading):
                    linked = set()
                elif isinstance(b, Paragraph):
                    _text(out, matcher, ch, item, b.text, b.anchor, linked)
                elif isinstance(b, Box):
                    in_box: set[str] = set()
                    for p in b.paragraphs:
                        _text(out, matcher, ch, item, p.text, p.anchor, in_box)
            for n in item.footnotes:
                _text(out, matcher, ch, item, n.text, f"fn:{n.num}", None)
    return out


def _text(
    out: Mentions, matcher: Matcher, ch: Chapter, item: Item, text: str, anchor: str, linked: set[str] | None
) -> None:
    """Record the mentions in one text of chapter `ch`; link the first of each id not yet in
    `linked` (None: link nothing), and add it there."""
    by_id: dict[str, list[Mention]] = {}
    for m in matcher.find(text):
        by_id.setdefault(m.id, []).append(m)
        counts = out.matched.setdefault(m.id, {})
        counts[m.surface] = counts.get(m.surface, 0) + 1
    for cid, ms in by_id.items():
        out.records.setdefault(cid, []).append(
            MentionRecord(
                ch.id,
                item,
                anchor,
                words_of(pieces := excerpt(text, ms[0].surface, ch.config.layout)),
                [m.surface for m in ms],
                pieces,
            )
        )
    if linked is not None:
        firsts = [next((m for m in ms if m.linkable), None) for cid, ms in by_id.items() if cid not in linked]
        spans = [(m.start, m.end, m.id) for m in firsts if m]
        linked.update(cid for _, _, cid in spans)
        if spans:
            out.links[(item.path, anchor)] = spans
