"""Lines into blocks for a text layer that marks its headings (the extractor's
bold) and keeps each page's margin material apart by width, not by place:
headings, footnote bodies, see-also entries, boxes, photo captions and runs of
body text.

- A heading is a line the profile's heading patterns match, with the mark
  each level needs (heading_mark: bold); a bold line after it goes on its
  title, and so does a short line after a full kana heading (a. …).
- A footnote body is a numbered line at least footnote_min_width wide, or a
  line a note's full width (footnote_full_width) whose number the text layer
  lost; its number then comes from a hint (footnote_number) or from the page:
  the page's markers that have no body, in order. A marker whose page holds
  no body for it is a missing note. A note whose last line runs to the edge
  with no sentence's end is cut.
- A see-also entry starts as crossref_start says and runs on while its
  brackets are open, across blank lines.
- A box starts at its title (the kind, with its title on the line or around
  it in its chunk) and runs to the end of its page, but for notes.
- A photo caption is a chunk of at most three lines whose first is wider than
  the column and no wider than a caption (caption lines the caption_seam rule
  cut out of a box are captions too).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .. import patterns
from ..errors import InputError
from ..rules_inline.crossref import depth, split_entries
from .model import Block, Box, Caption, CrossRef, FootnoteBody, Heading, TextBlock

if TYPE_CHECKING:
    from ..config import ChapterConfig, Layout, RegexMatch
    from ..ledger import Ledger
    from ..lines import Line

CAPTION_MAX = 1.9  # a caption's line is at most this many columns wide (a note's is about 3.5)


class Segmenter:
    def __init__(
        self, lines: Iterable[Line], layout: Layout, chapter: ChapterConfig, ledger: Ledger, raw: Sequence[str] = ()
    ):
        self.lines = list(lines)
        self.raw = raw  # the raw text, line 1 first: what hints quote
        self.layout = layout
        self.chapter = chapter
        self.ledger = ledger
        self.body = layout.body_width
        self.note_full = layout.footnote_full_width
        self.note_min = layout.footnote_min_width or self.body
        self.footnote_re = layout.re("footnote_start")
        self.crossref_re = layout.re("crossref_start")
        self.box_re = layout.re("box_title")
        marker = layout.footnote_marker or r"\[{n}\]"
        self.marker_re = patterns.compile(marker.replace("{n}", r"(?P<n>\d+)"))
        self.number_hints = chapter.hints_of("footnote_number")

    # -- what a line is ---------------------------------------------------
    def heading(self, line: Line) -> tuple[str, RegexMatch] | None:
        return self.layout.heading(line) if line.kind == "text" else None

    def note_number(self, line: Line) -> int | None:
        """The note's printed number, 0 for a note whose number is lost, None if the line is no note's start."""
        width = self.layout.width(line.text)
        m = self.footnote_re.match(line.text)
        if m and width >= self.note_min and not self.heading(line):
            return int(m.group("num"))
        if width >= self.note_full * 0.95:
            return 0
        return None

    def is_crossref(self, line: Line) -> bool:
        return line.kind == "text" and bool(self.crossref_re.match(line.text))

    # -- the walk -------------------------------------------------------------
    def run(self) -> list[Block]:
        blocks: list[Block] = []
        page: list[Block] = []  # this page's blocks, to number its notes
        lines = self.lines
        i = 0
        while i < len(lines):
            line = lines[i]
            if line.page_start and page:
                blocks += self.number_notes(page)
                page = []
            if line.blank:
                i += 1
                continue
            if line.kind == "see_also":  # a see-also marker whose entries stand elsewhere
                i += 1
                continue
            if "caption" in line.flags:
                i = self.caption(i, page)
                continue
            h = self.heading(line)
            if h:
                i = self.heading_block(i, h, page)
                continue
            m = self.box_re.match(line.text)
            if m and self.layout.box_kind.get(m.group("kind")):
                i = self.box(i, m, page)
                continue
            num = self.note_number(line)
            if num is not None:
                i = self.footnote(i, num, page)
                continue
            if self.is_crossref(line):
                i = self.crossref(i, page)
                continue
            j = self.run_end(i)
            run = lines[i:j]
            if self.caption_shape(run):
                page.append(
                    Caption(
                        nos=[n for line in run for n in line.nos], text=self.layout.join([line.text for line in run])
                    )
                )
                for line in run:
                    self.ledger.mark(line.nos, "caption")
            else:
                page.append(
                    TextBlock(
                        nos=[n for line in run for n in line.nos],
                        lines=run,
                        before_blank=j < len(lines) and lines[j].blank,
                    )
                )
                for line in run:
                    self.ledger.mark(line.nos, "text")
            i = j
        return blocks + self.number_notes(page)

    def run_end(self, i: int) -> int:
        """The end of the run of body lines from i: up to a blank line, a page, or another block's start."""
        lines = self.lines
        j = i + 1
        while (
            j < len(lines) and lines[j].kind == "text" and not lines[j].page_start and not self.starts_block(lines[j])
        ):
            j += 1
        return j

    def starts_block(self, line: Line) -> bool:
        return bool(
            self.heading(line)
            or "caption" in line.flags
            or self.note_number(line) is not None
            or self.is_crossref(line)
            or self.box_re.match(line.text)
        )

    def caption_shape(self, run: Sequence[Line]) -> bool:
        first = self.layout.width(run[0].text)
        return len(run) <= 3 and self.body * 1.15 < first <= self.body * CAPTION_MAX and not run[0].text[:1].islower()

    # -- blocks ---------------------------------------------------------------
    def heading_block(self, i: int, h: tuple[str, RegexMatch], page: list[Block]) -> int:
        kind, m = h
        lines = self.lines
        title, nos = m.group("title").strip(), list(lines[i].nos)
        j = i + 1
        while j < len(lines) and lines[j].kind == "text" and not lines[j].page_start:
            nxt = lines[j]
            if "bold" in nxt.flags and "bold" in lines[i].flags and not self.heading(nxt):
                pass  # a bold heading's title wraps onto the next bold line
            elif (
                kind == "kana"
                and j == i + 1
                and self.layout.width(lines[i].text) >= self.body * 0.85
                and self.layout.width(nxt.text) < self.body * 0.75
                and not self.layout.ends_sentence(nxt.text)
                and not self.starts_block(nxt)
            ):
                pass  # a kana heading that fills the column wraps onto a short line
            else:
                break
            title = self.layout.join([title, nxt.text])
            nos += nxt.nos
            j += 1
        page.append(Heading(nos=nos, kind=kind, num=m.group("num"), title=title))
        self.ledger.mark(nos, "heading")
        return j

    def footnote(self, i: int, num: int, page: list[Block]) -> int:
        """The note that starts at line i, numbered `num` (0: its number is lost)."""
        lines = self.lines
        first = lines[i]
        m = self.footnote_re.match(first.text)
        parts = [m.group("body") if num and m else first.text]
        nos = list(first.nos)
        j = i + 1
        while (
            j < len(lines)
            and lines[j].kind == "text"
            and not lines[j].page_start
            and not (self.note_number(lines[j]) or self.heading(lines[j]) or self.is_crossref(lines[j]))
        ):
            parts.append(lines[j].text)
            nos += lines[j].nos
            j += 1
        last = lines[j - 1].text
        cut = not self.layout.ends_sentence(last) and self.layout.width(last) >= self.note_full * 0.9
        ended = next(
            (h for h in self.chapter.hints_of("note_end") if self.chapter_raw(lines[j - 1].no).startswith(h.quote)),
            None,
        )
        if cut and ended:
            self.ledger.use_hint(ended)
            cut = False
        if not num:
            hint = next((h for h in self.number_hints if self.chapter_raw(first.no).startswith(h.quote)), None)
            if hint:
                self.ledger.use_hint(hint)
                num = hint.num
        page.append(FootnoteBody(nos=nos, num=num, text=self.layout.join(parts), state="cut" if cut else "whole"))
        self.ledger.mark(nos, "footnote", f"note {num or '?'}")
        return j

    def chapter_raw(self, no: int) -> str:
        return self.raw[no - 1] if self.raw else ""

    def crossref(self, i: int, page: list[Block]) -> int:
        lines = self.lines
        see = re.compile(r"^See ")
        text, nos = see.sub("", lines[i].text.strip()), list(lines[i].nos)
        j = i + 1
        while j < len(lines):
            open_ = depth(text, "(", ")") > 0
            if lines[j].blank and open_:
                j += 1
                continue
            if lines[j].kind != "text" or lines[j].page_start or not (open_ or self.is_crossref(lines[j])):
                break
            # a title runs on; a new entry (perhaps with its own "See") follows the last one
            nxt = see.sub("", lines[j].text.strip())
            text = self.layout.join([text, nxt])
            nos += lines[j].nos
            j += 1
        entries = split_entries(text, self.layout.re("crossref_entry"), "(", ")", ", ")
        if entries is None:
            raise InputError(
                self.chapter.raw, lines[i].no, f"see-also entry '{text}' is not a list of label (title) entries"
            )
        page.append(CrossRef(nos=nos, entries=entries))
        self.ledger.mark(nos, "crossref")
        return j

    def box(self, i: int, m: RegexMatch, page: list[Block]) -> int:
        """The box from its title to its page's end; its title's other lines are the rest of its chunk."""
        lines = self.lines
        a = i
        while a - 1 >= 0 and lines[a - 1].kind == "text" and not lines[a].page_start:
            a -= 1
        b = i + 1
        while (
            b < len(lines)
            and lines[b].kind == "text"
            and not lines[b].page_start
            and not self.heading(lines[b])
            and "bold" not in lines[b].flags
            and lines[i].text.strip() == m.group(0).strip()
            and not m.group("title")
        ):
            b += 1
        # the title's lines before the kind were taken as a run already: take them back
        before: list[str] = []
        last = page[-1] if page else None
        if a < i and isinstance(last, TextBlock) and last.lines[-1] is lines[i - 1]:
            page.pop()
            before = [line.text.strip() for line in last.lines]
        title = self.layout.join(
            before + ([m.group("title")] if m.group("title") else []) + [line.text for line in lines[i + 1 : b]]
        )
        kind = self.layout.box_kind[m.group("kind")]
        body: list[Line] = []
        captions: list[Line] = []
        k = b
        while k < len(lines) and not lines[k].page_start:
            line = lines[k]
            if line.kind == "text" and "caption" in line.flags:
                captions.append(line)
            elif line.kind == "text" and self.note_number(line) is not None:
                break
            elif line.kind in ("text", "blank"):
                body.append(line)
            k += 1
        nos = [n for line in lines[a : i + 1] + lines[i + 1 : b] for n in line.nos] + [
            n for line in body if not line.blank for n in line.nos
        ]
        page.append(Box(nos=nos, kind=kind, title=title, lines=body))
        self.ledger.mark(nos, "box", f"{kind} {title}")
        for cap in self.join_captions(captions):
            page.append(cap)
        return k

    def join_captions(self, lines: Iterable[Line]) -> list[Caption]:
        """Caption pieces on lines next to each other are one caption."""
        out: list[list[Line]] = []
        run: list[Line] = []
        for line in lines:
            if run and line.no != run[-1].no + 1:
                out.append(run)
                run = []
            run.append(line)
        if run:
            out.append(run)
        caps: list[Caption] = []
        for run in out:
            caps.append(
                Caption(nos=[n for line in run for n in line.nos], text=self.layout.join([line.text for line in run]))
            )
            for line in run:
                self.ledger.mark(line.nos, "caption")
        return caps

    def caption(self, i: int, page: list[Block]) -> int:
        """Caption lines cut out of a line of text (outside a box)."""
        j = i
        while j < len(self.lines) and "caption" in self.lines[j].flags:
            j += 1
        page += self.join_captions(self.lines[i:j])
        return j

    # -- notes ------------------------------------------------------------------
    def number_notes(self, page: list[Block]) -> list[Block]:
        """The page's blocks with each note numbered: a lost number is the page's first marker
        without a body; a marker whose page has no body for it is a missing note."""
        markers: list[int] = []
        for b in page:
            for line in b.lines if isinstance(b, TextBlock) else []:
                markers += [int(m.group("n")) for m in self.marker_re.finditer(line.text)]
        bodies = [b for b in page if isinstance(b, FootnoteBody)]
        have = {b.num for b in bodies if b.num}
        free = [n for n in markers if n not in have]
        lost = [b for b in bodies if not b.num]
        paired = len(lost) == len(free)
        out: list[Block] = []
        for b in page:
            if isinstance(b, FootnoteBody) and not b.num:
                if not paired:
                    raise InputError(
                        self.chapter.raw,
                        b.nos[0],
                        f"a footnote body without its number ('{b.text[:40]}…'), and the page's markers "
                        f"without a body are {free or 'none'}; expected a footnote_number hint saying "
                        "which note it is",
                    )
                b = _renumber(b, free.pop(0))
                self.ledger.mark(b.nos, "footnote", f"note {b.num}")
                have.add(b.num)
            out.append(b)
        for n in markers:
            if n not in have:
                out.append(FootnoteBody(nos=[], num=n, text="", state="missing"))
                have.add(n)
        return out


def _renumber(note: FootnoteBody, num: int) -> FootnoteBody:
    return replace(note, num=num)
