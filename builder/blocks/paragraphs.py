"""Body lines into paragraphs.

Print gives no paragraph mark the text layer keeps (the first-line indent is
lost), so a paragraph ends where a line ends a sentence and stops short of the
column's width. What interrupts the text is placed after it (see assemble).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..lines import Line
from ..rules_inline.justification import remove_justification
from .model import Block, Box, Caption, CrossRef, FootnoteBody, Heading, Paragraph, TextBlock

if TYPE_CHECKING:  # for the types alone: config imports what imports the blocks
    from ..config import Hint, Layout
    from ..ledger import Ledger


def ends_paragraph(text: str, layout: Layout, nxt: str | None = None) -> bool:
    """A sentence's end short of the column's width (as the page set the line) ends the paragraph.
    Where the profile says so, more evidence does too (the English lost its indents):
    - paragraph_short_line: a line that short is a paragraph's last, full stop or not (the
      print drops one now and then), when the next line starts a sentence;
    - paragraph_indent: after a sentence's end, a next line this much narrower than the column
      that ends no sentence of its own is a paragraph's indented first line; and a next line
      wider than the column is none, so a sentence's end only a little short goes on into it.
    A line the extractor joined from printed lines (joined_lines) is measured by its last one."""
    body = layout.body_width
    width = layout.tail_width(text)
    indent = layout.paragraph_indent
    if layout.ends_sentence(text) and width <= body - layout.paragraph_end_slack:
        # unless the next line is too wide to be a first line (a joined one tells nothing of
        # its first), and this one only a little short
        return not (indent and nxt and body < layout.width(nxt) <= body * 1.2 and width > body - 2 * indent)
    if nxt is None or (not nxt[:1].isupper() and not nxt[:1].isdigit() and nxt[:1] not in "“\"("):
        return False
    short = layout.paragraph_short_line
    if short and width < body * float(short):
        return True
    return bool(
        indent and layout.ends_sentence(text) and not layout.ends_sentence(nxt) and layout.width(nxt) <= body - indent
    )


def reflow(lines: Sequence[Line], layout: Layout) -> str:
    return layout.join([remove_justification(line.text.strip(" ")) for line in lines])


def assemble(
    blocks: Sequence[Block],
    layout: Layout,
    hints: Sequence[Hint],
    ledger: Ledger,
    end_hints: Sequence[Hint] = (),
    raw: Sequence[str] = (),
) -> list[Block]:
    """The flow of paragraphs and what stands between them; `hints` are the
    paragraph_break and paragraph_join hints (a line whose end one quotes ends its
    paragraph, or goes on in the next line, whatever the rules say), and the
    ledger counts the ones followed. A hint quotes the raw text (`raw`, line 1
    first), or the line as the rules before repaired it.
    `end_hints` (counterpart_end) quote where the chapter's other edition ends:
    a paragraph starts there, and it and all after it are marked `beyond`.

    A caption or a see-also box that interrupts a paragraph goes after that
    paragraph. A box (解説, VOICE) goes after the unit it interrupts, the run
    of paragraphs under one heading: it is an aside, and never stands between
    two paragraphs that belong together."""
    flow = Flow(layout, hints, ledger, end_hints, raw, _next_lines(blocks))
    for b in blocks:
        flow.add(b)
    return flow.end()


class Flow:
    """The flow as assemble makes it: the paragraph being read, what waits for its end, and the
    boxes held to the end of the unit."""

    def __init__(
        self,
        layout: Layout,
        hints: Sequence[Hint],
        ledger: Ledger,
        end_hints: Sequence[Hint],
        raw: Sequence[str],
        following: dict[int, str],
    ) -> None:
        self.layout, self.hints, self.ledger, self.end_hints, self.raw = layout, hints, ledger, end_hints, raw
        self.following = following  # each body line's next, by the line's id (_next_lines)
        self.out: list[Block] = []
        self.current: list[Line] = []  # the paragraph's lines so far
        self.deferred: list[Block] = []  # what interrupted it, to go after it
        self.boxes: list[Block] = []  # held to the end of the unit, with the captions printed after them
        self.after_box = False  # the last block was a box (or a caption printed after one)
        self.beyond = False  # past the counterpart's end

    def add(self, b: Block) -> None:
        if isinstance(b, Caption) and self.after_box:
            self.boxes.append(b)  # a box's photo: its caption stays with it
            return
        self.after_box = isinstance(b, Box)
        if isinstance(b, TextBlock):
            self.text(b)
        elif isinstance(b, Heading):
            self.close()
            self.out.extend(self.boxes)
            self.boxes = []
            self.out.append(b)
        elif isinstance(b, Box):
            paragraphs = box_paragraphs(b.lines, self.layout, self.hints, self.ledger, self.raw)
            self.boxes.append(replace(b, paragraphs=paragraphs))
        elif isinstance(b, CrossRef):
            self.cross_ref(b)
        elif isinstance(b, (Caption, FootnoteBody)):
            (self.deferred if self.current else self.out).append(b)

    def text(self, b: TextBlock) -> None:
        """Body lines: each ends its paragraph where a hint or the rules say so."""
        for k, line in enumerate(b.lines):
            end = next((h for h in self.end_hints if line.text.strip().startswith(h.quote)), None)
            if end:
                self.ledger.use_hint(end)
                self.close()
                self.beyond = True
            self.current.append(line)
            text = line.text.strip()
            last = k == len(b.lines) - 1
            hinted = _hinted(line, self.hints, self.ledger, self.raw)
            if hinted == "paragraph_break" or (
                hinted is None
                and (
                    ends_paragraph(text, self.layout, self.following.get(id(line)))
                    or (last and b.before_blank and self.layout.ends_sentence(text))
                )
            ):
                self.close()

    def cross_ref(self, b: CrossRef) -> None:
        target = self.deferred if self.current else self.out
        last = target[-1] if target else None
        if isinstance(last, CrossRef):
            # one see-also box in the margin holds several entries
            target[-1] = replace(last, entries=last.entries + b.entries, nos=last.nos + b.nos)
        else:
            target.append(b)

    def close(self, cut_off: bool = False) -> None:
        """The paragraph read so far, then what interrupted it."""
        if self.current:
            self.out.append(
                Paragraph(
                    nos=[n for line in self.current for n in line.nos],
                    text=reflow(self.current, self.layout),
                    cut_off=cut_off,
                    beyond=self.beyond,
                )
            )
        self.out.extend(self.deferred)
        self.current, self.deferred = [], []

    def end(self) -> list[Block]:
        self.close(cut_off=bool(self.current))
        self.out.extend(self.boxes)
        return self.out


def _next_lines(blocks: Sequence[Block]) -> dict[int, str]:
    """Each body line's next body line, by the line's id, where no heading (nor box) stands between them."""
    out: dict[int, str] = {}
    prev: Line | None = None
    for b in blocks:
        if isinstance(b, (Heading, Box)):
            prev = None
        elif isinstance(b, TextBlock):
            for line in b.lines:
                if prev is not None:
                    out[id(prev)] = line.text.strip()
                prev = line
    return out


def _hinted(line: Line, hints: Sequence[Hint], ledger: Ledger, raw: Sequence[str] = ()) -> str | None:
    """The kind of the paragraph hint that quotes the line's end (paragraph_break or _join), if one does."""
    ends = {line.text.strip()}
    if raw and line.nos[-1] <= len(raw):
        ends.add(raw[line.nos[-1] - 1].strip())
    for h in hints:
        if any(e.endswith(h.quote) for e in ends):
            ledger.use_hint(h)
            return h.kind
    return None


def box_columns(lines: Sequence[Line], layout: Layout) -> list[list[Line]]:
    """A box's text lines cut into runs of one measure: beside a photo the column is
    narrower. A line is of the wide measure when it is at least box_line_width wide;
    but a wide paragraph's last line can be shorter than that, and it is not of the
    narrow column when it is wider than that column holds: it stays with the wide run."""
    wide = layout.box_line_width
    runs: list[list[Line]] = []
    run: list[Line] = []
    for line in lines:
        if run and (layout.width(line.text) >= wide) != (layout.width(run[-1].text) >= wide):
            runs.append(run)
            run = []
        run.append(line)
    if run:
        runs.append(run)
    for k in range(1, len(runs)):
        before, here = runs[k - 1], runs[k]
        if layout.width(before[-1].text) < wide:
            continue
        # print may set a sentence's last line a character past the measure (compressed punctuation)
        while (
            len(here) > 1
            and layout.ends_sentence(here[0].text.strip())
            and layout.width(here[0].text) > measure(here[1:], layout) + 1
        ):
            before.append(here.pop(0))
    return runs


def measure(run: Sequence[Line], layout: Layout) -> float:
    """A column's width: its widest line that runs on to the next (a sentence's last line
    may be set a little wider, or be short); where every line ends a sentence, the widest."""
    on = [layout.width(line.text) for line in run if not layout.ends_sentence(line.text.strip())]
    return max(on or [layout.width(line.text) for line in run])


def ends_box_paragraph(line: Line, nxt: str | None, full: float, indent: float, layout: Layout) -> bool:
    """In a box's column of measure `full`, a sentence's end short of the measure ends a paragraph,
    and so does one before a line one indent narrower."""
    return layout.ends_sentence(line.text.strip()) and (
        layout.width(line.text) < full - 1
        or bool(indent and nxt is not None and not layout.ends_sentence(nxt) and layout.width(nxt) <= full - indent)
    )


def byline(runs: list[list[Line]], k: int, wide: float, layout: Layout) -> bool:
    """The k-th run is a byline: one short line before wider text."""
    run = runs[k]
    return (
        len(run) == 1
        and layout.width(run[0].text) < wide
        and k + 1 < len(runs)
        and layout.width(runs[k + 1][0].text) >= wide
    )


def box_paragraphs(
    lines: Sequence[Line],
    layout: Layout,
    hints: Sequence[Hint] = (),
    ledger: Ledger | None = None,
    raw: Sequence[str] = (),
) -> list[Paragraph]:
    """Box text, column by column (box_columns): within a column, a sentence's end short
    of its measure ends a paragraph, and so does one at the measure before a line one
    indent narrower (box_indent: the first line's indent, which the text layer loses), as
    does a one-line run before wider text (a byline). A blank line is no evidence: the
    text layer puts one beside a photo, in the middle of a paragraph as often as not."""
    runs = box_columns([line for line in lines if line.kind == "text"], layout)
    wide = layout.box_line_width
    indent = layout.box_indent
    paragraphs: list[Paragraph] = []
    current: list[Line] = []

    def close() -> None:
        nonlocal current
        if current:
            paragraphs.append(Paragraph(nos=[n for x in current for n in x.nos], text=reflow(current, layout)))
        current = []

    for k, run in enumerate(runs):
        full = measure(run, layout)
        for j, line in enumerate(run):
            if "bold" in line.flags:  # a byline set in bold is a paragraph of its own
                close()
                current.append(line)
                close()
                continue
            current.append(line)
            nxt = run[j + 1].text.strip() if j + 1 < len(run) else None
            hinted = _hinted(line, hints, ledger, raw) if ledger else None
            if hinted == "paragraph_break" or (hinted is None and ends_box_paragraph(line, nxt, full, indent, layout)):
                close()
        if byline(runs, k, wide, layout) or (
            layout.ends_sentence(run[-1].text.strip())
            and not (ledger and _hinted(run[-1], hints, ledger, raw) == "paragraph_join")
        ):
            close()
    close()
    return paragraphs
