"""Each page's text in reading order, where the text layer put a column or a
continuation first. A page is cut into chunks (runs of lines between blank
lines; a heading is a chunk of its own), and a chunk moves only on evidence:

1. a hint (hints.yaml, page_order) quotes the chunk's start and the end of the
   chunk it follows, with the reason no rule could tell;
2. the counterpart chapter's outline (the same chapter in the main edition,
   ChapterConfig.outline) gives the order of the page's headings: each heading
   with the chunks under it moves to its place in that order;
3. a sentence cut at a column's end goes on in a chunk that starts in
   lower case: that chunk (with the see-also entries after it) moves to just
   after the cut one, from later on its page, else from the nearest before
   it; a cut with no such chunk on its page goes on at the next page's first
   chunk, where it stays.

Every move is in the ledger, with its evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..errors import InputError
from ..lines import Line
from ..state import LineState

if TYPE_CHECKING:
    from ..config import ChapterConfig, Hint, Layout
    from ..ledger import Ledger

NEEDS = ("sentence_end", "crossref_start", "kana_heading")


@dataclass
class Chunk:
    lines: list[Line]  # its lines, the blank ones after it included
    heading: tuple[str, str] | None = None  # (kind, num) of a heading chunk
    moved: str = ""  # the evidence it moved on
    claimed: bool = False  # a cut sentence goes on in it
    follows: Chunk | None = None  # the chunk whose cut sentence it goes on with

    @property
    def text_lines(self) -> list[Line]:
        return [line for line in self.lines if not line.blank]

    @property
    def nos(self) -> list[int]:
        return [n for line in self.text_lines for n in line.nos]


@dataclass
class Page:
    lead: list[Line] = field(default_factory=list)  # blank lines before its first chunk
    chunks: list[Chunk] = field(default_factory=list)


def apply(state: LineState) -> LineState:
    layout, ledger = state.layout, state.ledger
    pages = _pages(state.lines, layout)
    raw = dict(enumerate(state.raw, 1))
    for hint in state.chapter.hints_of("page_order"):
        _follow_hint(pages, hint, raw, state.chapter, layout, ledger)
    outline = list(state.chapter.outline)
    if outline:
        _order_headings(pages, outline, state.chapter)
    _link_cut_sentences(pages, layout, state.chapter)
    out: list[Line] = []
    for page in pages:
        first = True
        for line in page.lead + [line for c in page.chunks for line in c.lines]:
            if line.kind != "blank":
                line = replace(line, page_start=first)
                first = False
            out.append(line)
        for c in page.chunks:
            if c.moved:
                ledger.move(c.nos, c.moved)
    return state.with_lines(out)


def _pages(lines: Iterable[Line], layout: Layout) -> list[Page]:
    pages: list[Page] = []
    current: Page | None = None
    for line in lines:
        if current is None or (line.page_start and line.kind != "blank"):
            current = Page()
            pages.append(current)
        if line.blank:
            (current.chunks[-1].lines if current.chunks else current.lead).append(line)
            continue
        h = layout.heading(line)
        last = current.chunks[-1] if current.chunks else None
        # a heading starts a chunk, and a heading's wrapped title stays with it; text after it does not
        if h and h[0] != "kana":
            if last is None or last.lines[-1].blank or not (last.heading and "bold" in line.flags):
                current.chunks.append(Chunk([line], (h[0], h[1].group("num"))))
            else:
                last.lines.append(line)
            continue
        if last is None or last.lines[-1].blank or (last.heading and "bold" not in line.flags):
            current.chunks.append(Chunk([line]))
        else:
            last.lines.append(line)
    return pages


def _starts_lower(chunk: Chunk, layout: Layout) -> bool:
    first = chunk.text_lines[0]
    return not chunk.heading and first.text[:1].islower() and not layout.re("kana_heading").match(first.text)


def _is_body(chunk: Chunk, layout: Layout) -> bool:
    """Running text: not a heading, a see-also entry, a caption (at most three lines, the first wider
    than the column) or a note (set across the page)."""
    if chunk.heading or _is_margin(chunk, layout):
        return False
    lines = chunk.text_lines
    first = layout.width(lines[0].text)
    body = layout.body_width
    if first > (layout.footnote_min_width or float("inf")):
        return False
    return not (len(lines) <= 3 and first > body * 1.2 and not _starts_lower(chunk, layout))


def _is_cut(chunk: Chunk, layout: Layout) -> bool:
    """Running text whose last line ends mid-sentence."""
    last = chunk.text_lines[-1]
    return _is_body(chunk, layout) and last.kind == "text" and not layout.ends_sentence(last.text)


def _is_margin(chunk: Chunk, layout: Layout) -> bool:
    first = chunk.text_lines[0]
    return first.kind == "see_also" or bool(layout.re("crossref_start").match(first.text))


def _group(page: Page, k: int, layout: Layout) -> int:
    """The end (exclusive) of the chunk at k with the see-also entries right after it."""
    j = k + 1
    while j < len(page.chunks) and _is_margin(page.chunks[j], layout):
        j += 1
    return j


def _move(page: Page, k: int, after: Chunk, evidence: str, layout: Layout) -> None:
    """Move the chunk at k (with its see-also entries) to just after the chunk `after`."""
    j = _group(page, k, layout)
    group = page.chunks[k:j]
    del page.chunks[k:j]
    at = page.chunks.index(after) + 1
    page.chunks[at:at] = group
    for c in group:
        c.moved = c.moved or evidence


def _follow_hint(
    pages: list[Page], hint: Hint, raw: dict[int, str], chapter: ChapterConfig, layout: Layout, ledger: Ledger
) -> None:
    for page in pages:
        start = next((c for c in page.chunks if raw[c.text_lines[0].no].startswith(hint.quote)), None)
        if start is None:
            continue
        after = next((c for c in page.chunks if raw[c.text_lines[-1].nos[-1]].rstrip().endswith(hint.after)), None)
        if after is None or after is start:
            raise chapter.hint_error(
                hint,
                f"page_order hint: no chunk on the page of '{hint.quote}' ends with '{hint.after}'; "
                "expected the end of the text it goes after, on the same page, quoted from the raw text",
            )
        ledger.use_hint(hint)
        _move(page, page.chunks.index(start), after, f"hint: {hint.reason}", layout)
        start.claimed, start.follows = True, after
        return


def _link_cut_sentences(pages: list[Page], layout: Layout, chapter: ChapterConfig) -> None:
    pending: Chunk | None = None  # a cut sentence whose page holds no chunk it goes on in
    for page in pages:
        chunks = page.chunks
        if pending is not None and chunks:
            first = next((c for c in chunks if not _is_margin(c, layout)), None)
            if first is not None and _starts_lower(first, layout):
                first.claimed, first.follows = True, pending
            pending = None
        cuts = [c for c in chunks if _is_cut(c, layout)]
        # first the cuts whose sentence goes on in lower case: one after it, else the nearest before
        # it, with no other cut sentence between them (that one is nearer)
        open_cuts: list[Chunk] = []
        for cut in cuts:
            k = chunks.index(cut)
            if k + 1 < len(chunks) and chunks[k + 1].follows is cut:
                continue  # a hint gave it its continuation
            target = _lower_case(chunks[k + 1 :], layout) or _lower_case(chunks[:k][::-1], layout)
            if target is None or target.claimed or _downstream(target, cut):
                open_cuts.append(cut)
                continue
            target.claimed, target.follows = True, cut
            if chunks.index(target) != k + 1:
                _move(
                    page,
                    chunks.index(target),
                    cut,
                    f"a sentence cut at line {cut.text_lines[-1].nos[-1]} ('…{cut.text_lines[-1].text[-24:]}') "
                    f"goes on here in lower case",
                    layout,
                )
        # then the others: running text right after it goes on with it, as it stands; else the next page
        for cut in open_cuts:
            k = chunks.index(cut)
            nxt = next((c for c in chunks[k + 1 :] if not _is_margin(c, layout)), None)
            if nxt is not None and _is_body(nxt, layout) and not nxt.claimed and not _downstream(nxt, cut):
                nxt.claimed, nxt.follows = True, cut
            else:
                pending = cut


def _lower_case(chunks: Iterable[Chunk], layout: Layout) -> Chunk | None:
    """The first chunk in lower case among `chunks`, if no cut sentence comes before it."""
    for c in chunks:
        if _starts_lower(c, layout):
            return c
        if _is_cut(c, layout):
            return None
    return None


def _downstream(chunk: Chunk, cut: Chunk) -> bool:
    """Whether `cut` already follows `chunk` (directly or through others): linking them would make a ring."""
    seen = cut
    while seen.follows is not None:
        seen = seen.follows
        if seen is chunk:
            return True
    return chunk is cut


def _order_headings(pages: list[Page], outline: list[tuple[str, str]], chapter: ChapterConfig) -> None:
    """Put each page's headings (with what stands under each) in the counterpart's order."""
    queue = list(outline)
    for page in pages:
        heads = [k for k, c in enumerate(page.chunks) if c.heading]
        if not heads:
            continue
        mine = [h for k in heads if (h := page.chunks[k].heading)]
        want = queue[: len(mine)]
        if sorted(mine) != sorted(want):
            line = page.chunks[heads[0]].text_lines[0].no
            raise InputError(
                chapter.raw,
                line,
                f"the headings on this page ({', '.join(f'{k} {n}' for k, n in mine)}) are not the next "
                f"ones of the counterpart's outline ({', '.join(f'{k} {n}' for k, n in want)}); expected "
                "the same headings as the chapter's other edition, in some order",
            )
        del queue[: len(mine)]
        units = [page.chunks[a:b] for a, b in zip(heads, heads[1:] + [len(page.chunks)])]
        lead = page.chunks[: heads[0]]
        ordered: list[list[Chunk]] = []
        pool = list(units)
        for h in want:
            unit = next(u for u in pool if u[0].heading == h)  # the first of equal headings: stable
            pool.remove(unit)
            ordered.append(unit)
        if ordered != units:
            for unit, before in zip(ordered, units):
                if unit is not before:
                    kind, num = unit[0].heading or ("", "")  # a unit starts at its heading
                    unit[0].moved = unit[0].moved or f"the counterpart's outline puts heading {kind} {num} here"
                    for c in unit[1:]:
                        c.moved = c.moved or f"under heading {kind} {num}, which moved"
        page.chunks = lead + [c for u in ordered for c in u]
