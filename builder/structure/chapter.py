"""Plain classes named after what they are, and the one function that builds
them from the flow of blocks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TypeVar

from ..blocks.model import Block, Box, Figure, FootnoteBody, Heading, Paragraph
from ..errors import InputError
from ..rules_inline import acronyms_inline
from ..rules_inline import footnote_markers as fm
from ..text import plain
from .captions import place_captions

if TYPE_CHECKING:
    from ..config import ChapterConfig, Layout

# a block with text that a later stage rewrites
Texted = TypeVar("Texted", Paragraph, FootnoteBody)


@dataclass(eq=False)
class Item:
    """A 項 (numbered item): one page of the site."""

    section: Section
    num: int
    heading: Heading
    blocks: list[Block] = field(default_factory=list)
    footnotes: list[FootnoteBody] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.heading.title

    @property
    def place(self) -> str:
        """第1節4項 (Section 1-4): how the site names the item where it points a reader at it,
        in the form of the chapter's layout profile (place)."""
        place = self.section.chapter.layout.place
        return place.format(section=self.section.num, item=self.num)

    @property
    def slug(self) -> str:
        return f"item-{self.num}"

    @property
    def path(self) -> str:
        return f"{self.section.path_dir}/{self.slug}.md"

    def paragraphs(self) -> Iterator[Paragraph]:
        for b in self.blocks:
            if isinstance(b, Paragraph):
                yield b
            elif isinstance(b, Box):
                yield from b.paragraphs


@dataclass(eq=False)
class Section:
    """A 節: a landing page and its items."""

    chapter: Chapter
    num: int
    heading: Heading
    items: list[Item] = field(default_factory=list)
    intro: list[Block] = field(default_factory=list)
    footnotes: list[FootnoteBody] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.heading.title

    @property
    def path_dir(self) -> str:
        return f"{self.chapter.id}/section-{self.num}"

    @property
    def path(self) -> str:
        return f"{self.path_dir}/index.md"


@dataclass(eq=False)
class Chapter:
    config: ChapterConfig
    layout: Layout  # the layout profile it was built with (the config's)
    intro: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    figures: dict[str, Figure] = field(default_factory=dict)  # by number (Ⅲ-3-1-1)
    acronym_names: dict[str, str] = field(default_factory=dict)  # acronym -> the Japanese name the text gives it

    @property
    def id(self) -> str:
        return self.config.id

    @property
    def title(self) -> str:
        return self.config.title

    def items(self) -> Iterator[Item]:
        for s in self.sections:
            yield from s.items

    def figure_path(self, num: str) -> str:
        return f"{self.id}/figures/{figure_slug(num)}.md"


def figure_slug(num: str) -> str:
    """Ⅲ-3-1-1 → fig-iii-3-1-1"""
    return "fig-" + num.replace("Ⅲ", "iii").replace("Ⅱ", "ii").replace("Ⅰ", "i").replace("Ⅳ", "iv").lower()


def build_chapter(flow: list[Block], figures: list[Figure], config: ChapterConfig, layout: Layout) -> Chapter:
    """The chapter's outline from the flow of blocks, each heading checked to come in its
    sequence; then its notes linked, its captions placed, its acronyms marked (where the
    profile says so) and its paragraphs anchored."""
    chapter = Chapter(config=config, layout=layout, figures={f.num: f for f in figures})
    outliner = Outliner(chapter, flow)
    for idx, b in enumerate(flow):
        outliner.add(idx, b)
    for section in chapter.sections:
        link_footnotes(section, config, layout)
    for item in chapter.items():
        place_captions(item)
    if layout.acronyms == "inline":
        mark_acronyms(chapter)
    set_anchors(chapter)
    return chapter


class Outliner:
    """Each block of the flow in its place: 節 › 項 › sub-item › （N） › ア, or the intro of the
    chapter or of its section; a heading out of sequence is an input error."""

    def __init__(self, chapter: Chapter, flow: list[Block]) -> None:
        self.chapter, self.flow, self.layout = chapter, flow, chapter.layout
        self.kana_order = self.layout.kana_order
        self.section: Section | None = None
        self.item: Item | None = None
        self.sub = self.paren = 0
        self.kana = ""
        # where the item and sub-item headings are, to tell one from the other by what follows
        self.numbered = [i for i, b in enumerate(flow) if isinstance(b, Heading) and b.kind in ("numbered", "section")]

    def add(self, idx: int, b: Block) -> None:
        if isinstance(b, Heading) and b.kind == "section":
            self.section_heading(b)
        elif isinstance(b, Heading) and b.kind == "numbered":
            self.numbered_heading(idx, b)
        elif isinstance(b, Heading) and b.kind == "paren":
            n = int(b.num)
            item = self.expect_item(n == self.paren + 1, b, f"（{self.paren + 1}）")
            self.paren, self.kana = n, ""
            item.blocks.append(labelled(b, "paren", self.layout))
        elif isinstance(b, Heading) and b.kind == "kana":
            want = self.kana_order[self.kana_order.index(self.kana) + 1] if self.kana else self.kana_order[0]
            item = self.expect_item(b.num == want, b, want)
            self.kana = b.num
            item.blocks.append(labelled(b, "kana", self.layout))
        elif isinstance(b, FootnoteBody):
            if self.section is None:
                raise InputError(self.chapter.config.raw, b.nos[0], f"footnote {b.num} before any 第N節 heading")
            self.section.footnotes.append(b)
        elif self.item is not None:
            self.item.blocks.append(b)
        elif self.section is not None:
            self.section.intro.append(b)
        else:
            self.chapter.intro.append(b)

    def section_heading(self, b: Heading) -> None:
        n = int(b.num)
        section = self.section
        if section is not None and n != section.num + 1:
            raise self.out_of_sequence(b, f"第{section.num + 1}節")
        self.section = Section(self.chapter, n, labelled(b, "section", self.layout))
        self.chapter.sections.append(self.section)
        self.item, self.sub, self.paren, self.kana = None, 0, 0, ""

    def numbered_heading(self, idx: int, b: Heading) -> None:
        """An item's heading (1, 2, …) or, inside an item, a sub-item's: told apart by their sequences."""
        n = int(b.num)
        if self.section is None:
            raise InputError(
                self.chapter.config.raw, b.nos[0], f"numbered heading '{b.title}' before any 第N節 heading"
            )
        item, sub = self.item, self.sub
        next_item = (item.num + 1) if item else 1
        fits_item, fits_sub = n == next_item, item is not None and n == sub + 1
        if fits_item and fits_sub:
            # told apart by what follows: a new item's own sub-items start again at 1
            later = next((self.flow[k] for k in self.numbered if k > idx), None)
            fits_sub = not (isinstance(later, Heading) and later.kind == "numbered" and int(later.num) == 1)
            fits_item = not fits_sub
        if not (fits_item or fits_sub):
            raise self.out_of_sequence(b, f"item {next_item}" + (f" or sub-item {sub + 1}" if item else ""))
        if fits_sub and item is not None:
            self.sub, self.paren, self.kana = n, 0, ""
            item.blocks.append(labelled(b, "sub", self.layout))
        else:
            self.item = Item(self.section, n, labelled(b, "item", self.layout))
            self.section.items.append(self.item)
            self.sub, self.paren, self.kana = 0, 0, ""

    def out_of_sequence(self, heading: Heading, what: str) -> InputError:
        return InputError(
            self.chapter.config.raw,
            heading.nos[0],
            f"heading '{heading.num} {heading.title}' is out of sequence; expected {what}",
        )

    def expect_item(self, cond: bool, heading: Heading, what: str) -> Item:
        """The item a heading below an item's belongs to; none, or the heading out of sequence, is an error."""
        if self.item is None or not cond:
            raise self.out_of_sequence(heading, what)
        return self.item


def mark_acronyms(chapter: Chapter) -> None:
    """Where the text defines its acronyms inline (English: 「ASEAN Regional Forum (ARF)」), each
    use of one in the text and the notes is marked with its expansion (rules_inline/acronyms_inline)."""
    texts = (
        [p.text for item in chapter.items() for p in item.paragraphs()]
        + [p.text for p in chapter.intro if isinstance(p, Paragraph)]
        + [n.text for item in chapter.items() for n in item.footnotes]
    )
    known: dict[str, str] = {}
    for text in texts:
        for acronym, expansion in acronyms_inline.definitions(plain(text)).items():
            known.setdefault(acronym, expansion)

    def marked(p: Texted) -> Texted:
        return replace(p, text=acronyms_inline.mark(p.text, known))

    chapter.intro = _map_paragraphs(chapter.intro, marked)
    for item in chapter.items():
        item.blocks = _map_paragraphs(item.blocks, marked)
        item.footnotes = [marked(n) for n in item.footnotes]


def labelled(heading: Heading, level: str, layout: Layout) -> Heading:
    """The heading at its level, with its number as the book prints it there (heading_labels)."""
    return replace(heading, level=level, label=layout.heading_labels[level].format(num=heading.num))


def set_anchors(chapter: Chapter) -> None:
    """Each paragraph's id on its page, from its place in the outline
    (p-<section>-<item>-<n>; p-0-<n> for the chapter's intro), so that a link
    to a paragraph survives edits elsewhere in the chapter."""
    chapter.intro = _numbered(chapter.intro, "p-0")
    for s in chapter.sections:
        for item in s.items:
            item.blocks = _numbered(item.blocks, f"p-{s.num}-{item.num}")


def _numbered(blocks: list[Block], prefix: str) -> list[Block]:
    """The blocks with their paragraphs anchored prefix-1, prefix-2, … in reading order."""
    count = iter(range(1, 10**6))
    return _map_paragraphs(blocks, lambda p: replace(p, anchor=f"{prefix}-{next(count)}"))


def _map_paragraphs(blocks: list[Block], fn: Callable[[Paragraph], Paragraph]) -> list[Block]:
    """The blocks with fn applied to each paragraph in reading order, a box's
    paragraphs included (a new box holds the new paragraphs)."""
    out: list[Block] = []
    for b in blocks:
        if isinstance(b, Paragraph):
            b = fn(b)
        elif isinstance(b, Box):
            b = replace(b, paragraphs=[fn(p) for p in b.paragraphs])
        out.append(b)
    return out


def link_footnotes(section: Section, config: ChapterConfig, layout: Layout) -> None:
    """Put each note's reference where its printed marker is, and the note on
    the page that cites it. A printed marker is the profile's footnote_marker
    (「[3]」); without one, the number glued to a word (rules_inline/footnote_markers)."""
    finder = fm.Finder(layout)
    notes = sorted(section.footnotes, key=lambda f: f.num)
    nums = [f.num for f in notes]
    if nums != list(range(1, len(nums) + 1)):
        bad = next(f for i, f in enumerate(notes) if f.num != i + 1)
        raise InputError(
            config.raw,
            bad.nos[0],
            f"footnote {bad.num} in 第{section.num}節 is out of sequence; expected notes numbered 1, 2, 3, …",
        )
    paragraphs = [(item, p) for item in section.items for p in item.paragraphs()]
    texts = [p.text for _, p in paragraphs]  # with the references placed so far
    pos_p, pos_c = 0, 0
    for note in notes:
        found = None
        for k in range(pos_p, len(paragraphs)):
            span = finder.find(texts[k], note.num, pos_c if k == pos_p else 0)
            if span:
                found = (k, span)
                break
        if not found:
            raise InputError(
                config.raw,
                note.nos[0],
                f"footnote {note.num} of 第{section.num}節 has no marker in the text after note "
                f"{note.num - 1}'s; expected the number {note.num} glued to a word",
            )
        k, span = found
        texts[k] = fm.place(texts[k], span, note.num)
        paragraphs[k][0].footnotes.append(note)
        pos_p, pos_c = k, fm.after(texts[k], note.num)
    changed = {id(p): t for (_, p), t in zip(paragraphs, texts) if t != p.text}
    for item in section.items:
        item.blocks = _map_paragraphs(item.blocks, lambda p: replace(p, text=changed[id(p)]) if id(p) in changed else p)
    # a marker whose note is missing
    nxt = len(notes) + 1
    for k in range(pos_p, len(paragraphs)):
        p, text = paragraphs[k][1], texts[k]
        at = finder.orphan(text, nxt, pos_c if k == pos_p else 0)
        if at is not None:
            raise InputError(
                config.raw,
                p.nos[0],
                f"'{text[max(0, at - 8) : at + 4]}' reads as footnote marker {nxt} in 第{section.num}節, "
                f"but there is no footnote {nxt}; expected a note body '{nxt}<tab> …'",
            )
