"""Lines into blocks: headings, footnote bodies, cross-references, boxes,
photo captions and runs of body text.

The PDF's text layer gives each page's running text first and its margin
material after it (see-also boxes, footnotes, photo captions). So once a
see-also marker, a footnote or a box's title has come, the rest of the page up
to the next page start is margin material: short lines there are captions.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from typing import TYPE_CHECKING

from ..errors import InputError
from ..rules_inline.crossref import depth, split_entries
from ..text import join_lines
from .model import Block, Box, Caption, CrossRef, FootnoteBody, Heading, TextBlock

if TYPE_CHECKING:
    from ..config import ChapterConfig, Layout, RegexMatch
    from ..ledger import Ledger
    from ..lines import Line

HEADING_KINDS = ("section_heading", "numbered_heading", "paren_heading", "kana_heading")
FULL_STOPS = ("。", "。」", "。）")


class Segmenter:
    def __init__(
        self, lines: Sequence[Line], layout: Layout, chapter: ChapterConfig, ledger: Ledger, raw: Sequence[str] = ()
    ):
        self.lines = lines
        self.layout = layout
        self.chapter = chapter
        self.ledger = ledger
        self.body_width = layout.body_width
        self.res = {k: layout.re(k) for k in HEADING_KINDS}
        self.footnote_re = layout.re("footnote_start")
        self.crossref_re = layout.re("crossref_start")
        self.box_re = layout.re("box_title")

    # -- what a line is -------------------------------------------------
    def heading_match(self, text: str) -> tuple[str, RegexMatch] | None:
        for kind in HEADING_KINDS:
            m = self.res[kind].match(text)
            if m:
                return kind.removesuffix("_heading"), m
        return None

    def starts_block(self, line: Line) -> bool:
        t = line.text
        return bool(
            self.heading_match(t) or self.footnote_re.match(t) or self.crossref_re.match(t) or self.box_re.match(t)
        )

    # -- boxes ----------------------------------------------------------
    def find_boxes(self) -> dict[int, int]:
        """Map the first line of each box to its title line."""
        boxes: dict[int, int] = {}
        wide = self.layout.box_line_width
        for t, line in enumerate(self.lines):
            if line.kind != "text" or not self.box_re.match(line.text):
                continue
            start = self._hinted_box_start(t)
            if start is None:
                barrier = t - 1
                while barrier > 0 and not (
                    self.lines[barrier].page_start or self.heading_match(self.lines[barrier].text)
                ):
                    barrier -= 1
                start = next(
                    (
                        i
                        for i in range(barrier + 1, t)
                        if self.lines[i].kind == "text"
                        and self.layout.width(self.lines[i].text) >= wide
                        and not self.footnote_re.match(self.lines[i].text)
                    ),
                    None,
                )
                if start is None:
                    raise InputError(
                        self.chapter.raw,
                        line.no,
                        "box title with no box text before it; expected lines of box width, or a box_start hint",
                    )
                while (
                    start - 1 > barrier
                    and self.lines[start - 1].kind == "text"
                    and not self.lines[start - 1].text.endswith(FULL_STOPS)
                ):
                    start -= 1
            boxes[start] = t
        return boxes

    def _hinted_box_start(self, t: int) -> int | None:
        for h in self.chapter.hints_of("box_start"):
            for i in range(t - 1, -1, -1):
                if self.lines[i].kind == "text" and self.lines[i].text.startswith(h.quote):
                    self.ledger.use_hint(h)
                    return i
                if self.box_re.match(self.lines[i].text):
                    break
        return None

    # -- the walk ---------------------------------------------------------
    def run(self) -> list[Block]:
        lines = self.lines
        boxes = self.find_boxes()
        blocks: list[Block] = []
        trailing = False  # the page's running text has ended
        para_open = False
        i = 0
        while i < len(lines):
            line = lines[i]
            if line.page_start:
                trailing = False
            if line.blank:
                i += 1
                continue
            if line.kind == "see_also":
                trailing = True
                i += 1
                continue
            if i in boxes:
                blocks.append(self.box(i, boxes[i]))
                i = boxes[i] + 1
                trailing = True
                continue
            hm = self.heading_match(line.text)
            if hm:
                i = self.heading(i, hm, blocks)
                para_open = trailing = False
                continue
            fm = self.footnote_re.match(line.text)
            if fm:
                i = self.footnote(i, fm, blocks)
                trailing = True
                continue
            if self.crossref_re.match(line.text):
                i = self.crossref(i, blocks)
                continue
            j = i + 1
            while (
                j < len(lines)
                and lines[j].kind == "text"
                and not lines[j].page_start
                and not self.starts_block(lines[j])
                and j not in boxes
            ):
                j += 1
            run = lines[i:j]
            if trailing or (not para_open and self.caption_shape(run) and self.ends_page_or_part(j, boxes)):
                i = self.captions(i, j, blocks)
                continue
            blocks.append(
                TextBlock(nos=[n for line in run for n in line.nos], lines=run, before_blank=self.own_blank(j, boxes))
            )
            for line in run:
                self.ledger.mark(line.nos, "text")
            para_open = not run[-1].text.endswith(FULL_STOPS)
            i = j
        return blocks

    def own_blank(self, j: int, boxes: Container[int]) -> bool:
        """Whether a blank line at j follows the text before it: one that a box brings (the
        next line is where a box starts) says nothing of where the text's paragraph ends."""
        lines = self.lines
        k = j
        while k < len(lines) and lines[k].blank:
            k += 1
        return k > j and k not in boxes

    def heading(self, i: int, hm: tuple[str, RegexMatch], blocks: list[Block]) -> int:
        kind, m = hm
        line = self.lines[i]
        title, nos = m.group("title").strip(), list(line.nos)
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        # a heading set with a hanging indent wraps onto the next line
        if (
            line.hanging
            and nxt is not None
            and nxt.kind == "text"
            and not nxt.page_start
            and not self.starts_block(nxt)
            and not nxt.text.endswith(FULL_STOPS)
            and self.layout.width(nxt.text) < self.body_width - 2
        ):
            title = join_lines([title, nxt.text.strip()])
            nos += nxt.nos
            i += 1
        title = title.replace("\u3000", " ").strip()
        blocks.append(Heading(nos=nos, kind=kind, num=m.group("num"), title=title))
        self.ledger.mark(nos, "heading")
        return i + 1

    def footnote(self, i: int, m: RegexMatch, blocks: list[Block]) -> int:
        lines = self.lines
        parts, nos = [m.group("body")], list(lines[i].nos)
        full = self.layout.footnote_full_width
        j = i + 1
        while True:
            if (
                j < len(lines)
                and lines[j].kind == "text"
                and not lines[j].page_start
                and not self.starts_block(lines[j])
            ):
                parts.append(lines[j].text)
                nos += lines[j].nos
                j += 1
                continue
            # a note whose last line is full runs on after a blank line
            k = j
            while k < len(lines) and lines[k].blank:
                k += 1
            if (
                k > j
                and k < len(lines)
                and lines[k].kind == "text"
                and not lines[k].page_start
                and not self.starts_block(lines[k])
                and self.layout.width(parts[-1]) >= full
                and not parts[-1].rstrip().endswith(FULL_STOPS)
            ):
                j = k
                continue
            break
        blocks.append(FootnoteBody(nos=nos, num=int(m.group("num")), text=join_lines(parts)))
        self.ledger.mark(nos, "footnote", f"note {m.group('num')}")
        return j

    def crossref(self, i: int, blocks: list[Block]) -> int:
        lines = self.lines
        parts, nos = [lines[i].text.strip()], list(lines[i].nos)
        j = i + 1
        while depth("".join(parts)) > 0 and j < len(lines) and lines[j].kind == "text":
            parts.append(lines[j].text.strip())
            nos += lines[j].nos
            j += 1
        text = "".join(parts)
        entries = split_entries(text, self.layout.re("crossref_entry"))
        if entries is None:
            raise InputError(
                self.chapter.raw, lines[i].no, f"cross-reference '{text}' is not a list of label（title） entries"
            )
        blocks.append(CrossRef(nos=nos, entries=entries))
        self.ledger.mark(nos, "crossref")
        return j

    def box(self, start: int, title_index: int) -> Box:
        lines = self.lines
        m = self.box_re.match(lines[title_index].text)
        if m is None:  # find_boxes took title_index for this match
            raise ValueError(f"line {lines[title_index].no}: no box title")
        box = Box(
            nos=[n for line in lines[start : title_index + 1] if line.kind == "text" for n in line.nos],
            kind=self.layout.box_kind[re.sub(r"\s", "", m.group("kind"))],
            title=m.group("title").strip(),
            lines=lines[start:title_index],
        )
        self.ledger.mark(box.nos, "box", f"{box.kind} {box.title}")
        return box

    # -- captions ---------------------------------------------------------
    def caption_shape(self, run: Sequence[Line]) -> bool:
        widths = [self.layout.width(line.text) for line in run]
        # a split acronym or ruby is a feature of running text, not of captions
        if any(line.flags & {"acronym", "ruby"} for line in run):
            return False
        # lines wrapped at the column's width are running text
        if len(run) > 1 and all(abs(w - self.body_width) <= 1 for w in widths[:-1]):
            return False
        return (
            len(run) <= 3
            and not any(line.text.endswith(FULL_STOPS) for line in run)
            and (max(widths) > self.body_width + 1 or widths[-1] < self.body_width - 2)
        )

    def ends_page_or_part(self, j: int, boxes: Container[int]) -> bool:
        lines = self.lines
        while j < len(lines) and lines[j].blank:
            j += 1
        if j >= len(lines):
            return True
        line = lines[j]
        return (
            line.kind == "see_also"
            or line.page_start
            or j in boxes
            or bool(self.heading_match(line.text) or self.footnote_re.match(line.text))
        )

    def captions(self, i: int, j: int, blocks: list[Block]) -> int:
        """A caption; one whose bracket is still open runs on past a blank line."""
        lines = self.lines
        run = list(lines[i:j])
        while depth("".join(line.text for line in run)) > 0:
            k = j
            while k < len(lines) and lines[k].blank:
                k += 1
            if k >= len(lines) or lines[k].kind != "text" or lines[k].page_start or self.starts_block(lines[k]):
                break
            j = k + 1
            run.append(lines[k])
        split_min = self.layout.caption_split_min
        texts = [join_lines([line.text.strip() for line in run])] if len(run) > 1 else [run[0].text.strip()]
        # two captions set side by side come out as one line parted by a space
        pieces: list[str] = []
        for t in texts:
            parts = t.split(" ")
            if len(parts) == 2 and all(len(p) >= split_min for p in parts):
                pieces.extend(parts)
            else:
                pieces.append(t)
        for p in pieces:
            blocks.append(Caption(nos=[n for line in run for n in line.nos], text=p))
        for line in run:
            self.ledger.mark(line.nos, "caption")
        return j
