"""The chapter model as Markdown pages: home, section landings, one page per
item, figure pages and their index, and the glossary."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from pymdownx.slugs import slugify  # type: ignore[import-untyped]  # pymdown-extensions ships no types

from ..blocks.model import Block, Box, Caption, CrossRef, FootnoteBody, Heading, Paragraph
from ..counterparts import NONE, Counterparts
from ..escape import attr, escape, to_markdown
from ..export import json_text
from ..figures import kind_of
from ..markup import render, safe
from ..page import Page, page_url, rel
from ..structure.acronyms import uses as acronym_uses
from ..structure.chapter import figure_slug
from ..text import ABBR_RE, insert_links, plain

if TYPE_CHECKING:
    from ..config import Layout
    from ..labels import Labels
    from ..structure.chapter import Chapter, Item, Section


def heading_text(h: Heading) -> str:
    return escape(h.label) + to_markdown(h.title)


def first_sentence(text: str, layout: Layout) -> str:
    """Up to and with the first sentence's end, as the layout knows one (the whole text if it has none)."""
    for m in re.finditer(r"[。.?!][」）”’\")]?(?=\s|$)|。", text):
        if layout.ends_sentence(text[: m.end()]):
            return text[: m.end()]
    return text


def heading_plain(h: Heading) -> str:
    return html.unescape(re.sub(r"<rt>.*?</rt>|<[^>]+>", "", heading_text(h)).replace("\\", ""))


_slugify = slugify(case="lower")


def heading_slug(h: Heading) -> str:
    """A readable id from the heading's printed number and title."""
    slug: str = _slugify(heading_plain(h).replace("\u3000", " "), "-")
    return slug


def heading_ids(blocks: Sequence[Block]) -> dict[int, str]:
    """Ids for a page's headings (by the heading's id()), made unique the way MkDocs' toc would."""
    ids: dict[int, str] = {}
    used: set[str] = set()
    for b in blocks:
        if isinstance(b, Heading):
            base = slug = heading_slug(b)
            n = 0
            while slug in used:
                n += 1
                slug = f"{base}_{n}"
            used.add(slug)
            ids[id(b)] = slug
    return ids


def cp_id(anchor: str, k: int) -> str:
    """The id of a paragraph's k-th counterpart shown under it: cp-p-1-2-3, cp-p-1-2-3-2."""
    return f"cp-{anchor}" + (f"-{k + 1}" if k else "")


class ChapterRenderer:
    def __init__(
        self,
        chapter: Chapter,
        box_styles: dict[str, str],
        labels: Labels,
        home: str = "index.md",
        links: dict[tuple[str, str], list[tuple[int, int, str]]] | None = None,
        link_path: Callable[[str], str] | None = None,
        counterpart: tuple[Chapter, str, str] | None = None,
        others: Counterparts = NONE,
    ):
        self.ch = chapter
        self.cid = chapter.id
        self.home = home  # the page with the chapter's overview and its intro
        self.box_styles = box_styles  # box kind -> admonition type and classes (layout.yaml)
        self.labels = labels  # the words around the text (content/labels.yaml)
        self.figures = {num: (fig, fig.kind, fig.data) for num, fig in chapter.figures.items()}
        self.links = links or {}  # (page, anchor) -> spans to link (builder/countries/mentions.py)
        self.link_path = link_path  # link target -> its page, where there are profiles
        self.page = ""  # the page being rendered
        layout = chapter.config.layout
        assert layout is not None, "a chapter's settings carry its layout profile"
        self.layout = layout
        self.counterpart = counterpart  # (the main edition's chapter, "../" to its root, its lang) for another
        self.beyond_said = False
        self.others = others  # each paragraph's counterparts, and how to link to them
        self.cp_shown: set[tuple[str, str]] = set()  # the counterparts already shown, by (page, anchor)

    # -- places -----------------------------------------------------------
    def figure_path(self, num: str) -> str:
        return self.ch.figure_path(num)

    # -- blocks -----------------------------------------------------------
    def md(self, text: str) -> str:
        link_path = self.link_path
        return to_markdown(text, (lambda target: rel(self.page, link_path(target))) if link_path else None)

    def paragraph(self, p: Paragraph) -> str:
        text = insert_links(p.text, self.links.get((self.page, p.anchor), ()))
        out = ""
        if p.beyond and not self.beyond_said:
            # the first paragraph past the main edition's end says so, once
            self.beyond_said = True
            out += f'!!! info "{attr(self.labels.beyond)}"\n    {escape(self.labels.beyond_note)}\n\n'
        out += f"{self.md(text)}{self.counterpart_link(p)}\n{{: #{p.anchor} }}\n" + self.counterpart_text(p)
        if p.cut_off:
            out += f'\n!!! warning "{attr(self.labels.cut_off)}"\n    {escape(self.labels.cut_off_note)}\n'
        return out

    def counterpart_href(self, lang_root: str, page: str, anchor: str) -> str:
        """From this page to a paragraph of another edition (each edition has its root: "" or "en/")."""
        return self.others.href(self.page, lang_root, page, anchor)

    def counterpart_link(self, p: Paragraph) -> str:
        """A small link at the paragraph's end to its counterpart in the other edition (the first of
        two, where one is two there); the reader's script opens the counterpart under it on a tap."""
        controls = " ".join(cp_id(p.anchor, k) for k in range(len(self.others.of(self.page, p.anchor))))
        return self.others.link(self.page, self.page, p.anchor, controls)

    def counterpart_text(self, p: Paragraph) -> str:
        """The counterpart's words, a paragraph each, hidden until the reader asks: under the paragraph
        on a tap, beside it in the side-by-side view; in their language, and out of this edition's
        search index (the other edition indexes them). Paragraphs with attributes (attr_list), not
        raw HTML, so that they stay blocks inside a box too."""
        out = ""
        for k, (lang, root, page, anchor, text) in enumerate(self.others.of(self.page, p.anchor)):
            href = self.counterpart_href(root, page, anchor)
            # the second of two paragraphs that are one there shows it again; side by side, once
            again = (page, anchor) in self.cp_shown
            self.cp_shown.add((page, anchor))
            out += render(
                "counterpart-paragraph.md",
                href=href,
                lang=lang,
                text=safe(escape(plain(text))),
                id=cp_id(p.anchor, k),
                again=again,
            )
        return out

    def crossref(self, c: CrossRef, page: str) -> str:
        lines = [f'!!! seealso "{attr(self.labels.see_also)}"']
        for e in c.entries:
            label = escape(e['label']) + self.labels.md("in_brackets", text=escape(e['title']))
            target = e["target"]
            if target and target[0] == "figure" and target[1] in self.figures:
                lines.append(f"    - [{label}]({rel(page, self.figure_path(target[1]))})")
            else:
                lines.append(f"    - {label}")
        return "\n".join(lines) + "\n"

    def caption(self, c: Caption) -> str:
        return render("photo-caption.html", label=self.labels.photo, text=c.text) + "\n"

    def box(self, b: Box) -> str:
        kind = self.box_styles[b.kind]
        title = attr(f"{b.kind}{self.labels.after_heading}{b.title}")
        body = "\n".join(
            "    " + line if line else "" for p in b.paragraphs for line in (self.paragraph(p) + "\n").split("\n")
        )
        return f'!!! {kind} "{title}"\n\n{body.rstrip()}\n'

    def blocks(self, blocks: Sequence[Block], page: str, levels: dict[int, int]) -> list[str]:
        out = []
        ids = heading_ids(blocks)
        for b in blocks:
            if isinstance(b, Heading):
                out.append("#" * levels[id(b)] + " " + heading_text(b) + f" {{ #{ids[id(b)]} }}\n")
            elif isinstance(b, Paragraph):
                out.append(self.paragraph(b))
            elif isinstance(b, CrossRef):
                out.append(self.crossref(b, page))
            elif isinstance(b, Caption):
                out.append(self.caption(b))
            elif isinstance(b, Box):
                out.append(self.box(b))
        return out

    @staticmethod
    def heading_levels(blocks: Sequence[Block]) -> dict[int, int]:
        """Markdown levels under the page's H1: each printed level one below
        the nearest one above it that the page actually has."""
        rank = {"sub": 1, "paren": 2, "kana": 3}
        levels: dict[int, int] = {}
        stack: list[tuple[int, int]] = []  # (rank, markdown level)
        for b in blocks:
            if isinstance(b, Heading):
                r = rank[b.level]
                while stack and stack[-1][0] >= r:
                    stack.pop()
                level = (stack[-1][1] + 1) if stack else 2
                levels[id(b)] = level
                stack.append((r, level))
        return levels

    def footnote(self, note: FootnoteBody, section: Section) -> str:
        text = self.md(note.text)
        text = re.sub(r"脚注(\d+)参照", lambda m: f"[脚注{m.group(1)}](#fn:{m.group(1)})参照", text)
        if note.state != "whole":
            # where the text layer stops inside a note, or lost it: say so, and point at the other edition's
            where = self.counterpart_note(section, note.num)
            lost = render(
                "note-lost.html",
                words=safe(self.labels.html("note_cut" if note.state == "cut" else "note_missing")),
                href=where,
                lang=self.counterpart[2] if self.counterpart and where else "",
                link=safe(self.labels.html("counterpart_note", n=note.num)),
            )
            text = (text + " " if text else "") + lost
        return f"[^{note.num}]: {text}\n"

    def counterpart_note(self, section: Section, num: int) -> str:
        """The link from this page to note `num` of the section in the chapter's main edition, if it has one."""
        if not self.counterpart:
            return ""
        chapter, up, _ = self.counterpart
        s = next((s for s in chapter.sections if s.num == section.num), None)
        item = next((i for i in (s.items if s else []) for n in i.footnotes if n.num == num), None)
        if item is None:
            return ""
        return "../" * self.page.count("/") + up + page_url(item.path) + f"#fn:{num}"

    # -- pages ------------------------------------------------------------
    def item_page(self, item: Item) -> Page:
        path = self.page = item.path
        parts = [f"# {heading_text(item.heading)}\n"]
        parts += self.blocks(item.blocks, path, self.heading_levels(item.blocks))
        if item.footnotes:
            parts.append("")
            parts += [self.footnote(n, item.section) for n in item.footnotes]
        return Page(path, heading_plain(item.heading), "\n".join(parts))

    def section_page(self, s: Section) -> Page:
        """The section's landing page: its own text, then what each item covers:
        the item's title, its first sentence, its sub-items."""
        page = self.page = s.path
        parts = [f"# {heading_text(s.heading)}\n"]
        parts += self.blocks(s.intro, s.path, {})
        for item in s.items:
            parts.append(f"## [{heading_text(item.heading)}]({rel(page, item.path)})\n")
            first = next(item.paragraphs(), None)
            if first is not None:
                parts.append(f"{escape(first_sentence(plain(first.text), self.layout))}\n")
            parts.append(self.sub_items(item, page))
        # a digest of its items: search ranks it below them (its own text, if any, is still found)
        return Page(s.path, heading_plain(s.heading), "\n".join(parts), search_boost=0.5)

    def sub_items(self, item: Item, page: str, indent: str = "") -> str:
        ids = heading_ids(item.blocks)
        return "".join(
            f"{indent}- [{heading_text(b)}]({rel(page, item.path)}#{ids[id(b)]})\n"
            for b in item.blocks
            if isinstance(b, Heading) and b.level == "sub"
        )

    def outline_list(self, s: Section, page: str) -> str:
        lines = []
        for item in s.items:
            lines.append(f"- [{heading_text(item.heading)}]({rel(page, item.path)})\n")
            lines.append(self.sub_items(item, page, "    "))
        return "".join(lines)

    def home_section(self, level: int = 2) -> str:
        """The chapter's overview (title, intro, outline) on its home page, its
        title a heading of the given level: 2 under the site's title, 1 on a
        page of its own."""
        page = self.page = self.home
        cfg = self.ch.config
        h = "#" * level
        lb = self.labels
        parts = [
            f"{h} {escape(cfg.number)}{lb.md('after_heading')}{escape(cfg.title)}\n",
            lb.md("book_line", book=escape(cfg.book), book_en=escape(cfg.book_en), part=escape(cfg.part)) + "\n",
        ]
        if cfg.source_note:
            # what the source holds (and where it stops), before the reader starts
            parts.append(f'!!! info "{attr(self.labels.source_scope)}"\n    {escape(cfg.source_note)}\n')
        parts += [self.paragraph(p) for p in self.ch.intro if isinstance(p, Paragraph)]
        parts.append(f"{h}# {escape(self.labels.chapter_contents)}\n")
        for s in self.ch.sections:
            parts.append(f"{h}## [{heading_text(s.heading)}]({rel(page, s.path)})\n")
            parts.append(self.outline_list(s, page))
        parts.append(
            f"- [{escape(self.labels.figure_index)}]({rel(page, self.cid + '/figures/index.md')})"
            f"{self.labels.md('figure_count', n=len(self.figures))}\n"
            f"- [{escape(self.labels.glossary)}]({rel(page, self.cid + '/glossary.md')})\n"
        )
        return "\n".join(parts)

    def figure_pages(self) -> list[Page]:
        pages = []
        lb = self.labels
        index = [
            f"# {lb.md('figure_index')}\n",
            f"| {lb.md('number')} | {lb.md('figures')} | {lb.md('format')} |",
            "| --- | --- | --- |",
        ]
        for num, (fig, _, data) in self.figures.items():
            path = self.figure_path(num)
            title = f"{lb.text('figure_number', num=num)}{lb.after_heading}{fig.caption}"
            handler = kind_of(fig)
            body = [f"# {escape(title)}\n", handler.render(data, self.ch.config.figures.get(num, {}), self.labels)]
            if handler.data_file:
                body.append(f"\n[{lb.md('figure_data')}]({rel(path, self.data_path(num))})\n")
            cited = self.cited_from(num, path)
            if cited:
                body.append(f"\n**{lb.md('cited_in')}**{lb.md('after_heading')}" + lb.md("list_sep").join(cited) + "\n")
            pages.append(Page(path, title, "\n".join(body)))
            index.append(
                f"| {escape(num)} | [{escape(fig.caption)}]({rel(self.cid + '/figures/index.md', path)})"
                f" | {lb.md(handler.format)} |"
            )
        pages.insert(0, Page(f"{self.cid}/figures/index.md", self.labels.figure_index, "\n".join(index) + "\n"))
        return pages

    def data_path(self, num: str) -> str:
        return f"{self.cid}/data/{figure_slug(num)}.json"

    def data_files(self) -> dict[str, str]:
        out = {}
        for num, (fig, _, data) in self.figures.items():
            if kind_of(fig).data_file:
                out[self.data_path(num)] = json_text({"caption": fig.caption, "data": data, "figure": num}, 3)
        return out

    def cited_from(self, num: str, page: str) -> list[str]:
        links = []
        for item in self.ch.items():
            for b in item.blocks:
                if isinstance(b, CrossRef) and any(e["target"] == ("figure", num) for e in b.entries):
                    links.append(f"[{escape(item.place)} {escape(item.title)}]({rel(page, item.path)})")
                    break
        return links

    # -- glossary ---------------------------------------------------------
    def glossary_entries(
        self,
    ) -> tuple[dict[str, set[str]], dict[str, str], dict[str, list[tuple[Item, str]]], dict[str, set[str]]]:
        """The acronyms the text and notes name: each one's English names, its Japanese name (as the
        text first writes it, or the main edition's text where this is another edition), and where
        it is used ((item, anchor) each), and the longer acronyms that alone hold one the text never
        writes by itself. The glossary shows them; the search finds one by another."""
        names: dict[str, set[str]] = {}
        places: dict[str, list[tuple[Item, str]]] = {}
        texts: list[tuple[Item, str, str | None]] = []  # (item, text, anchor: None for a heading)
        for item in self.ch.items():
            for b in item.blocks:
                if isinstance(b, Heading):
                    texts.append((item, b.title, None))
            for p in item.paragraphs():
                texts.append((item, p.text, p.anchor))
            for n in item.footnotes:
                texts.append((item, n.text, f"fn:{n.num}"))
        shown = [plain(text) for _, text, _ in texts]
        japanese = self.ch.acronym_names  # acronym -> its Japanese name (builder/structure/acronyms.py)
        for (_, text, _), seen in zip(texts, shown):
            for m in ABBR_RE.finditer(text):
                names.setdefault(m.group(1), set()).add(m.group(2))
            for m in re.finditer(r"（([A-Z][A-Za-z/ ]*?)：([A-Z][^（）：]+)）", seen):
                names.setdefault(m.group(1).strip(), set()).add(m.group(2).strip())
        # an acronym the text gives only a Japanese name (拡大ASEAN国防相会議（ADMMプラス）) is listed
        # too; one with digits names an event (PHIBLEX15), not a body
        for acronym in japanese:
            if not re.search(r"\d", acronym):
                names.setdefault(acronym, set())
        if self.counterpart:
            # another edition: the Japanese name the main edition's text gives the same acronym
            theirs = self.counterpart[0].acronym_names
            japanese = {a: theirs[a] for a in names if a in theirs}
        within: dict[str, set[str]] = {}  # an acronym the text holds only inside longer ones -> those
        for (item, _, anchor), seen in zip(texts, shown):
            if anchor:
                own, inside = acronym_uses([a for a in names if a in seen], seen)
                for acronym in sorted(own):
                    places.setdefault(acronym, []).append((item, anchor))
                for acronym, longer in inside.items():
                    within.setdefault(acronym, set()).update(longer)
        return names, japanese, places, within

    def glossary(self) -> Page:
        path = f"{self.cid}/glossary.md"
        names, japanese, places, within = self.glossary_entries()
        lb = self.labels
        rows = [
            f"# {lb.md('glossary')}\n",
            lb.md("glossary_intro") + "\n",
            f"| {lb.md('acronym')} | {lb.md('name_ja')} | {lb.md('name_en')} | {lb.md('examples')} |",
            "| --- | --- | --- | --- |",
        ]
        for acronym in sorted(names, key=str.upper):
            by_page: dict[Item, list[str]] = {}
            for item, anchor in places.get(acronym, []):
                by_page.setdefault(item, []).append(anchor)
            uses = []
            for item, anchors in by_page.items():
                links = " ".join(
                    f"[{lb.md('note', n=a[3:]) if a.startswith('fn:') else '¶' + a.rsplit('-', 1)[1]}]"
                    f"({rel(path, item.path)}#{a})"
                    for a in anchors
                )
                uses.append(f"{item.place} {links}")
            if not uses and acronym in within:
                uses.append(
                    lb.md("only_within", acronyms=lb.md("list_sep").join(escape(a) for a in sorted(within[acronym])))
                )
            # each name column in its language, whatever the page's (screen readers and fonts switch)
            ja, en = escape(japanese.get(acronym, "")), escape(" / ".join(sorted(names[acronym])))
            ja = render("in-language.html", lang="ja", words=safe(ja)) if ja else ""
            en = render("in-language.html", lang="en", words=safe(en)) if en else ""
            rows.append(f"| {escape(acronym)} | {ja} | {en} | {'<br>'.join(uses)} |")
        # a list of what the chapter's pages say: search ranks it below them (its heading still counts)
        return Page(path, self.labels.glossary, "\n".join(rows) + "\n", search_boost=0.5)

    def placements(self) -> Iterator[tuple[Sequence[int], str]]:
        """(raw line numbers, where they went) for every block, for the ledger."""
        home = self.home
        for p in self.ch.intro:
            yield p.nos, f"{home}#{getattr(p, 'anchor', '')}"
        for s in self.ch.sections:
            yield s.heading.nos, s.path
            for b in s.intro:
                yield b.nos, s.path
            for item in s.items:
                yield item.heading.nos, item.path
                for b in item.blocks:
                    anchor = getattr(b, "anchor", "")
                    yield b.nos, f"{item.path}#{anchor}" if anchor else item.path
                    for p in getattr(b, "paragraphs", []):
                        yield p.nos, f"{item.path}#{p.anchor}"
                for n in item.footnotes:
                    yield n.nos, f"{item.path}#fn:{n.num}"
        for num, (fig, _, _) in self.figures.items():
            yield fig.nos, self.figure_path(num)

    def pages(self) -> list[Page]:
        out = []
        for s in self.ch.sections:
            out.append(self.section_page(s))
            out += [self.item_page(i) for i in s.items]
        out += self.figure_pages()
        out.append(self.glossary())
        return out
