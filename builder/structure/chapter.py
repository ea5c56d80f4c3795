"""Plain classes named after what they are, and the one function that builds
them from the flow of blocks."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..blocks.model import Box, FootnoteBody, Heading, Paragraph
from ..errors import InputError
from ..rules_inline import acronyms_inline
from ..rules_inline import footnote_markers as fm
from ..text import plain
from .captions import place_captions


@dataclass(eq=False)
class Item:
    """A 項 (numbered item): one page of the site."""

    section: Section
    num: int
    heading: Heading
    blocks: list = field(default_factory=list)
    footnotes: list[FootnoteBody] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.heading.title

    @property
    def place(self) -> str:
        """第1節4項 (Section 1-4): how the site names the item where it points a reader at it,
        in the form of the chapter's layout profile (place)."""
        return self.section.chapter.config.layout.place.format(section=self.section.num, item=self.num)

    @property
    def slug(self) -> str:
        return f"item-{self.num}"

    @property
    def path(self) -> str:
        return f"{self.section.path_dir}/{self.slug}.md"

    def paragraphs(self):
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
    intro: list = field(default_factory=list)
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
    config: object
    intro: list = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    figures: dict = field(default_factory=dict)
    acronym_names: dict = field(default_factory=dict)  # acronym -> the Japanese name the text gives it

    @property
    def id(self) -> str:
        return self.config.id

    @property
    def title(self) -> str:
        return self.config.title

    def items(self):
        for s in self.sections:
            yield from s.items

    def figure_path(self, num: str) -> str:
        return f"{self.id}/figures/{figure_slug(num)}.md"


def figure_slug(num: str) -> str:
    """Ⅲ-3-1-1 → fig-iii-3-1-1"""
    return "fig-" + num.replace("Ⅲ", "iii").replace("Ⅱ", "ii").replace("Ⅰ", "i").replace("Ⅳ", "iv").lower()


def build_chapter(flow, figures, config, layout) -> Chapter:
    chapter = Chapter(config=config, figures={f.num: f for f in figures})
    kana_order = layout.kana_order
    section = item = None
    sub = paren = 0
    kana = ""
    numbered = [i for i, b in enumerate(flow) if isinstance(b, Heading) and b.kind in ("numbered", "section")]

    def expect(cond, heading, what):
        if not cond:
            raise InputError(
                config.raw,
                heading.nos[0],
                f"heading '{heading.num} {heading.title}' is out of sequence; expected {what}",
            )

    for idx, b in enumerate(flow):
        if isinstance(b, Heading) and b.kind == "section":
            n = int(b.num)
            expect(n == (section.num + 1 if section else n), b, f"第{section.num + 1 if section else 1}節")
            b = labelled(b, "section", layout)
            section = Section(chapter, n, b)
            chapter.sections.append(section)
            item, sub, paren, kana = None, 0, 0, ""
        elif isinstance(b, Heading) and b.kind == "numbered":
            n = int(b.num)
            if section is None:
                raise InputError(config.raw, b.nos[0], f"numbered heading '{b.title}' before any 第N節 heading")
            next_item = (item.num + 1) if item else 1
            fits_item, fits_sub = n == next_item, item is not None and n == sub + 1
            if fits_item and fits_sub:
                # told apart by what follows: a new item's own sub-items start again at 1
                later = next((flow[k] for k in numbered if k > idx), None)
                fits_sub = not (later is not None and later.kind == "numbered" and int(later.num) == 1)
                fits_item = not fits_sub
            expect(fits_item or fits_sub, b, f"item {next_item}" + (f" or sub-item {sub + 1}" if item else ""))
            if fits_item:
                item = Item(section, n, labelled(b, "item", layout))
                section.items.append(item)
                sub, paren, kana = 0, 0, ""
            else:
                sub, paren, kana = n, 0, ""
                item.blocks.append(labelled(b, "sub", layout))
        elif isinstance(b, Heading) and b.kind == "paren":
            n = int(b.num)
            expect(item is not None and n == paren + 1, b, f"（{paren + 1}）")
            paren, kana = n, ""
            item.blocks.append(labelled(b, "paren", layout))
        elif isinstance(b, Heading) and b.kind == "kana":
            want = kana_order[kana_order.index(kana) + 1] if kana else kana_order[0]
            expect(item is not None and b.num == want, b, want)
            kana = b.num
            item.blocks.append(labelled(b, "kana", layout))
        elif isinstance(b, FootnoteBody):
            if section is None:
                raise InputError(config.raw, b.nos[0], f"footnote {b.num} before any 第N節 heading")
            section.footnotes.append(b)
        elif item is not None:
            item.blocks.append(b)
        elif section is not None:
            section.intro.append(b)
        else:
            chapter.intro.append(b)
    for section in chapter.sections:
        link_footnotes(section, config, layout)
    for item in chapter.items():
        place_captions(item)
    if layout.acronyms == "inline":
        mark_acronyms(chapter)
    set_anchors(chapter)
    return chapter


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

    def marked(p):
        return replace(p, text=acronyms_inline.mark(p.text, known))

    chapter.intro = _map_paragraphs(chapter.intro, marked)
    for item in chapter.items():
        item.blocks = _map_paragraphs(item.blocks, marked)
        item.footnotes = [marked(n) for n in item.footnotes]


def labelled(heading: Heading, level: str, layout) -> Heading:
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


def _numbered(blocks, prefix: str) -> list:
    """The blocks with their paragraphs anchored prefix-1, prefix-2, … in reading order."""
    count = iter(range(1, 10**6))
    return _map_paragraphs(blocks, lambda p: replace(p, anchor=f"{prefix}-{next(count)}"))


def _map_paragraphs(blocks, fn) -> list:
    """The blocks with fn applied to each paragraph in reading order, a box's
    paragraphs included (a new box holds the new paragraphs)."""
    out = []
    for b in blocks:
        if isinstance(b, Paragraph):
            b = fn(b)
        elif isinstance(b, Box):
            b = replace(b, paragraphs=[fn(p) for p in b.paragraphs])
        out.append(b)
    return out


def link_footnotes(section: Section, config, layout) -> None:
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
