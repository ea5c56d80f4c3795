"""The site model: what the site is, in every edition: its pages and data files, its navigation,
and the words its theme shows, each edition's paragraphs paired with the main edition's.

Everything is built in memory and checked first; builder/engines.py, the only part that
knows an engine, then writes it for one, so bad input never leaves a half-written site.
"""

from __future__ import annotations

import functools
import html
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeAlias, TypedDict

from . import config, memo
from .align import Alignment, Evidencer, align, check, unexplained
from .blocks.model import Figure, Heading, Paragraph
from .check import check_page
from .config import ChapterConfig, Layout
from .content import Content, load_content
from .counterparts import Counterparts
from .countries.matcher import Matcher
from .countries.mentions import Mentions, find_mentions
from .countries.profiles import Profiles
from .countries.registry import Registry
from .errors import InputError
from .escape import escape
from .figures import KINDS, figure_events, kind_of
from .inputs.schema import load_checked
from .labels import Labels
from .page import Page, page_url
from .pipeline import ChapterResult, process_chapter
from .render.pages import ChapterRenderer, heading_ids, heading_plain
from .search_words import chapter_texts, groups, unused_group
from .structure.chapter import Chapter, Item
from .timeline.chronology import Chronology, place_events
from .timeline.event import Event
from .timeline.kinds import Kinds
from .timeline.page import TimelinePage
from .timeline.propose import chronology_report

# The navigation: each entry a title (escaped: label) and its page, or its own entries.
Nav: TypeAlias = "list[dict[str, str | Nav]]"
# book -> part -> [(a chapter's title, its nav)]
Books: TypeAlias = dict[str, dict[str, list[tuple[str, Nav]]]]
# acronym -> (its Japanese name, its English names)
Glossary: TypeAlias = dict[str, tuple[str, list[str]]]
# lang -> (page, paragraph anchor) -> its counterparts: (lang, root, page, anchor, text) each
Link: TypeAlias = tuple[str, str, str, str, str]
Links: TypeAlias = dict[tuple[str, str], list[Link]]


class SearchWords(TypedDict):
    """An edition's words for the search worker (overrides/assets/javascripts/search-worker.js)."""

    lang: str
    other_lang: str
    groups: list[list[list[str]]]  # words a reader may type for one another
    headings: dict[str, str]  # a page's and heading's place -> the other edition's title there
    kana: list[list[str]]
    words: dict[str, str]  # the search's labels


@dataclass
class SiteResult:
    """One edition of the site (the main one holds the others in `editions`)."""

    files: dict[str, str]  # path in the docs folder -> its text
    nav: Nav
    chapters: list[ChapterResult] = field(default_factory=list)
    profiles: Profiles | None = None
    timeline: TimelinePage | None = None
    mentions: Mentions | None = None
    theme_words: dict[str, str] = field(default_factory=dict)  # labels the theme's templates show (overrides/main.html)
    timeline_report: dict[str, str] = field(default_factory=dict)  # chapter id -> what its chronology gave the timeline
    lang: str = "ja"
    root: str = ""  # its folder in the built site: "" for the main edition, "en/" for another
    site_name: str = ""
    site_description: str = ""
    dark_mode: str = ""  # the palette toggles' names (labels dark_mode, light_mode)
    light_mode: str = ""
    permalink: str = ""  # the title of the link after each heading (label permalink)
    editions: list[SiteResult] = field(default_factory=list)  # the other editions, in hakusho.yaml's order
    alignments: dict[str, Alignment] = field(default_factory=dict)  # another edition's: chapter id -> its Alignment
    notices: list[str] = field(default_factory=list)  # what an absent input turned off (content.py), every build
    glossary: Glossary = field(default_factory=dict)
    search: SearchWords | None = None  # the search worker's words (builder/search_words.py)
    scripts: list[str] = field(default_factory=list)  # the site's own scripts, for every page (its files)


@dataclass
class Edition:
    """Another edition's chapters, processed, with what they are built with."""

    edition: config.Edition
    labels: Labels
    registry: Registry | None
    results: list[ChapterResult]
    pairs: dict[str, Alignment] = field(default_factory=dict)  # chapter id -> its Alignment with the main edition's


def build_site(root: Path) -> SiteResult:
    """Every edition of the site, built and checked in memory: first each edition's chapters
    (another edition's take the main edition's outline and figures as evidence), then each
    other edition's paragraphs paired with the main one's (builder/align.py), then the pages,
    each paragraph with its counterpart."""
    content = load_content(root)
    main_results, others = process_editions(content, root)
    main_lang = content.site.editions[0].lang
    counterparts = {r.chapter.id: r.chapter for r in main_results}
    for other in others:
        other.pairs = {
            r.chapter.id: aligned(
                content, counterparts[r.chapter.id], r, other.registry, (main_lang, other.edition.lang)
            )
            for r in other.results
        }
    links = paragraph_links(content.site.editions[0], others, counterparts)
    main = build_edition(
        content, content.site.editions[0], content.labels, main_results, content.chronologies, links.get(main_lang, {})
    )
    for other in others:
        main.editions.append(
            build_edition(
                content,
                other.edition,
                other.labels,
                other.results,
                None,
                links.get(other.edition.lang, {}),
                counterparts,
                main_lang,
            )
        )
        main.editions[-1].alignments = other.pairs
    main.notices = list(content.notices)
    for edition in [main, *main.editions]:
        if main.editions:
            edition.files[COUNTERPARTS] = counterparts_script(edition, main)
            edition.scripts.append(COUNTERPARTS)
    search_words(content, main, main_results, others)
    return main


def search_words(content: Content, main: SiteResult, main_results: list[ChapterResult], others: list[Edition]) -> None:
    """Each edition's words for the search worker: the same groups for every edition (a reader may
    type either language's name), its own language, the other edition's, and its labels."""
    texts = [t for r in main_results for t in chapter_texts(r.chapter)]
    every = texts + [t for other in others for r in other.results for t in chapter_texts(r.chapter)]
    variants = content.variants
    if variants:
        unused = unused_group(variants, every)
        if unused:
            raise InputError(
                variants.path,
                unused.line,
                f"none of the words {', '.join(unused.words)} is in a "
                "chapter's text; expected at least one the text writes",
            )
    glossary: Glossary = {}
    for edition in [main, *main.editions]:
        for acronym, (ja, en) in edition.glossary.items():
            had = glossary.get(acronym, ("", []))
            glossary[acronym] = (had[0] or ja, sorted(set(had[1]) | set(en)))
    found = groups(content.registry, variants, glossary, texts)
    labels = {main.lang: content.labels, **{o.edition.lang: o.labels for o in others}}
    for edition in [main, *main.editions]:
        other = next((e.lang for e in [main, *main.editions] if e is not edition), "")
        headings: dict[str, str] = {}
        for alignment in (edition.alignments or next((e.alignments for e in main.editions), {})).values():
            headings.update(counterpart_headings(alignment, edition is main))
        edition.search = {
            "lang": edition.lang,
            "other_lang": other,
            "groups": found,
            "headings": headings,
            "kana": [list(p) for p in variants.kana] if variants else [],
            "words": {
                "variant": labels[edition.lang].template("search_variant"),
                "other": labels[edition.lang].text("search_other"),
                "list_sep": labels[edition.lang].text("list_sep"),
            },
        }


COUNTERPARTS = "assets/javascripts/counterparts.js"


def counterparts_script(edition: SiteResult, main: SiteResult) -> str:
    """Where each of this edition's pages is in each other edition, with its headings' anchors there,
    for the reader's script (a search result's offer of the other edition's page): a script, not a
    JSON file, since a page opened from file:// may load a script but not fetch a file."""
    others = []
    for other in [main, *main.editions]:
        if other is edition:
            continue
        theirs = {page_url(p) for p in other.files if p.endswith(".md")}
        # page -> this edition's heading anchors -> the other's
        pages: dict[str, dict[str, str]] = {
            page_url(p): {} for p in edition.files if p.endswith(".md") and page_url(p) in theirs
        }
        for alignment in (edition.alignments or other.alignments).values():
            for page, mine_anchor, their_anchor in heading_anchor_pairs(alignment, edition is main):
                pages.setdefault(page_url(page), {})[mine_anchor] = their_anchor
        others.append({"lang": other.lang, "root": other.root, "pages": pages})
    return (
        "/* Generated by the builder (builder/site.py, counterparts_script): this edition's pages in the "
        "others. */\nwindow.HK_COUNTERPARTS = "
        + json.dumps({"root": edition.root, "editions": others}, ensure_ascii=False, sort_keys=True).replace(
            "</", "<\\/"
        )
        + ";\n"
    )


def counterpart_headings(alignment: Alignment, from_main: bool) -> dict[str, str]:
    """Each item page's and heading's place (page.html, page.html#anchor) -> the other edition's
    title there, for the search (the other edition's paragraphs under it are on the page, hidden)."""
    out = {}
    for t_item, m_item, headings in aligned_items(alignment):
        mine, other = (t_item, m_item) if from_main else (m_item, t_item)
        out[page_url(mine.path)] = heading_plain(other.heading)
        for theirs_h, t_anchor, mine_h, m_anchor in headings:
            if from_main:
                out[f"{page_url(t_item.path)}#{t_anchor}"] = heading_plain(mine_h)
            else:
                out[f"{page_url(m_item.path)}#{m_anchor}"] = heading_plain(theirs_h)
    return out


def heading_anchor_pairs(alignment: Alignment, from_main: bool) -> Iterator[tuple[str, str, str]]:
    """(item page, the heading's anchor on this side, its counterpart's on the other) for each pair of
    headings inside the items of an aligned chapter."""
    for t_item, _, headings in aligned_items(alignment):
        for _, t_anchor, _, m_anchor in headings:
            yield (t_item.path, t_anchor, m_anchor) if from_main else (t_item.path, m_anchor, t_anchor)


def aligned_items(alignment: Alignment) -> Iterator[tuple[Item, Item, list[tuple[Heading, str, Heading, str]]]]:
    """Each item of the main edition's aligned chapter with this edition's, and the headings inside
    them that the alignment pairs: (the main edition's heading, its anchor, this edition's, its anchor)."""
    theirs, mine = alignment.theirs_chapter, alignment.mine_chapter
    if not (isinstance(theirs, Chapter) and isinstance(mine, Chapter)):
        return
    for t_item, m_item in zip(theirs.items(), mine.items()):
        ids_t, ids_m = heading_ids(t_item.blocks), heading_ids(m_item.blocks)
        yield (
            t_item,
            m_item,
            [
                (m.theirs, ids_t[id(m.theirs)], m.mine, ids_m[id(m.mine)])
                for m in alignment.matches
                if m.kind == "heading"
                and isinstance(m.theirs, Heading)
                and isinstance(m.mine, Heading)
                and id(m.theirs) in ids_t
                and id(m.mine) in ids_m
            ],
        )


def process_editions(content: Content, root: Path) -> tuple[list[ChapterResult], list[Edition]]:
    """Each edition's chapters through the stages: the main edition's, then each other's with
    the main one's as evidence (its outline and figures)."""
    editions = content.site.editions
    main_results = [process_chapter(c, c.layout or content.layout) for c in editions[0].chapters]
    counterparts = {r.chapter.id: r.chapter for r in main_results}
    others = []
    for edition in editions[1:]:
        labels = Labels(load_checked(root / edition.labels, "labels"))
        registry = content.registry.in_language(edition.lang) if content.registry else None
        chapters = [with_counterpart(c, counterparts[c.id], registry) for c in edition.chapters]
        others.append(
            Edition(
                replace(edition, chapters=chapters), labels, registry, [process_chapter(c, c.layout) for c in chapters]
            )
        )
    return main_results, others


def aligned(
    content: Content,
    counterpart: Chapter,
    result: ChapterResult,
    registry: Registry | None,
    langs: tuple[str, str],
) -> Alignment:
    """The chapter's paragraphs paired with its counterpart's, checked against its alignment.yaml;
    a one-to-one pair whose evidence disagrees, and that the file does not explain, is a warning."""
    config = result.chapter.config
    theirs, mine = evidencers(content, config, registry)
    spec, where = alignment_file(config)
    alignment = check(align(counterpart, result.chapter, theirs, mine), spec, config.alignment, where, langs)
    for pair, why in unexplained(alignment, spec, config.alignment, langs):
        result.warnings.add(
            where,
            None,
            f"paragraphs {pair.theirs[0].anchor} and {pair.mine[0].anchor} "
            f"({pair.unit}) are paired but their evidence differs: {why}",
        )
    return alignment


def alignment_file(config: ChapterConfig) -> tuple[dict[str, Any], Path]:
    """The chapter's alignment.yaml, as data ({} where it has none), and its path."""
    data = config.alignment.data if config.alignment else None
    spec: dict[str, Any] = data if isinstance(data, dict) else {}
    return spec, config.alignment.path if config.alignment else config.dir / "alignment.yaml"


def evidencers(content: Content, config: ChapterConfig, registry: Registry | None) -> tuple[Evidencer, Evidencer]:
    """What each edition's text shares: the main edition's dates read with its eras, its countries
    by its names; this edition's by its own."""
    theirs = Evidencer(
        content.layout.eras,
        content.layout.two_digit_pivot,
        Matcher(content.registry) if content.registry else None,
    )
    mine = Evidencer(config.layout.eras, 50, Matcher(registry) if registry else None)
    return theirs, mine


def paragraph_links(
    main_edition: config.Edition, others: list[Edition], counterparts: dict[str, Chapter]
) -> dict[str, Links]:
    """lang -> (page, paragraph anchor) -> its counterparts in the other edition: (lang, root, page,
    anchor, text) each, for the pages that show them or point at them (the chapter's pages, a
    profile's mentions, the timeline's sources). `counterparts`: the main edition's chapters by id."""
    out: dict[str, Links] = {}
    for other in others:
        edition, pairs = other.edition, other.pairs
        for r in other.results:
            cid = r.chapter.id
            theirs_at = anchor_pages(counterparts[cid], len(main_edition.chapters) > 1)
            mine_at = anchor_pages(r.chapter, len(edition.chapters) > 1)
            for pair in pairs[cid].pairs:
                for p in pair.mine:
                    out.setdefault(edition.lang, {})[(mine_at[p.anchor], p.anchor)] = [
                        (main_edition.lang, main_edition.root, theirs_at[q.anchor], q.anchor, q.text)
                        for q in pair.theirs
                    ]
                for q in pair.theirs:
                    out.setdefault(main_edition.lang, {}).setdefault((theirs_at[q.anchor], q.anchor), []).extend(
                        (edition.lang, edition.root, mine_at[p.anchor], p.anchor, p.text) for p in pair.mine
                    )
    return out


def anchor_pages(chapter: Chapter, several: bool) -> dict[str, str]:
    """Each paragraph's anchor -> the page it is on: the intro's on the chapter's home."""
    home = f"{chapter.id}/index.md" if several else "index.md"
    out = {p.anchor: home for p in chapter.intro if isinstance(p, Paragraph) and p.anchor}
    for item in chapter.items():
        out.update({p.anchor: item.path for p in item.paragraphs()})
    return out


def with_counterpart(config: ChapterConfig, counterpart: Chapter, registry: Registry | None) -> ChapterConfig:
    """Another edition's chapter, with what its rules take from the main edition's: the outline
    (page_order) and the figures (kind counterpart)."""
    return replace(config, outline=outline(counterpart), counterpart_figures=figures_of(counterpart, registry))


def outline(chapter: Chapter) -> tuple[tuple[str, str], ...]:
    """The chapter's headings as (kind, number), in order: what another edition's pages are ordered by."""
    out: list[tuple[str, str]] = []
    for section in chapter.sections:
        out.append((section.heading.kind, section.heading.num))
        for item in section.items:
            out.append((item.heading.kind, item.heading.num))
            out += [(b.kind, b.num) for b in item.blocks if isinstance(b, Heading) and b.kind != "kana"]
    return tuple(out)


def figures_of(chapter: Chapter, registry: Registry | None) -> dict[str, dict[str, Any]]:
    """The main edition's figures, as another edition's kind counterpart shows them: each one's kind
    and data, and the edition's names for the countries it names (the registry's). The figure's
    data is as its kind reads it (builder/figures/), which the counterpart kind reads again."""
    out = {}
    for num, fig in chapter.figures.items():
        names: dict[str, str] = {}
        if registry and fig.kind == "visits":
            names = {
                v["country"]: registry.named_in_figure(v["country"], num, chapter.config.raw, v["line"]).name
                for v in visits(fig)
            }
        out[_roman(num)] = {"kind": fig.kind, "data": fig.data, "names": names}
    return out


def visits(fig: Figure) -> list[dict[str, Any]]:
    """A visits figure's rows (builder/figures/visits.py): each a country, as printed, and its line."""
    rows: list[dict[str, Any]] = fig.data if isinstance(fig.data, list) else []
    return rows


def _roman(num: str) -> str:
    """Ⅲ-3-1-1 → III-3-1-1: a figure's number as an edition in Latin letters prints it."""
    return num.replace("Ⅳ", "IV").replace("Ⅲ", "III").replace("Ⅱ", "II").replace("Ⅰ", "I")


def build_edition(
    content: Content,
    edition: config.Edition,
    labels: Labels,
    results: list[ChapterResult],
    chronologies: dict[str, Chronology] | None,
    links: Links | None = None,
    counterparts: dict[str, Chapter] | None = None,
    main_lang: str = "",
) -> SiteResult:
    """One edition's pages, data files and navigation from its chapters' results; `chronologies`
    (the main edition's events.yaml files) give it a timeline; `links` give each paragraph, by its
    page and anchor, its counterparts in the other editions; `counterparts` (the main edition's chapters by id) are
    what another edition's notes point at where its own text falls short."""
    several = len(edition.chapters) > 1
    # several chapters: each has a home page of its own, and the site's lists them
    homes = [f"{r.chapter.id}/index.md" if several else "index.md" for r in results]
    # the same paragraphs in the other editions, for the pages that point at paragraphs
    others = Counterparts(links or {}, edition.root, labels)
    around = surroundings(content, edition.lang, labels, results, homes, chronologies, others)
    contents = Contents(labels, several, [{label(labels.home): "index.md"}], [f"# {escape(edition.site_name)}\n"])
    up = "../" * edition.root.count("/")
    for result, chapter_home in zip(results, homes):
        counterpart = (counterparts[result.chapter.id], up, main_lang) if counterparts else None
        contents.add_chapter(result, renderer(result, chapter_home, labels, around, others, counterpart))
    contents.add_books()
    # the nav and the home page name a page by its own title, written once where the page is made
    if around.profiles:
        contents.add_profiles(around.profiles)
    if around.timeline:
        contents.add_timeline(around.timeline)
    # the home page lists the others: search ranks it below the pages it lists
    contents.files["index.md"] = Page("index.md", labels.home, "\n".join(contents.home), search_boost=0.5).text
    check_pages(contents.files)
    return SiteResult(
        contents.files,
        contents.nav,
        results,
        around.profiles,
        around.timeline,
        around.mentions,
        theme_words(labels),
        around.report,
        lang=edition.lang,
        root=edition.root,
        site_name=edition.site_name,
        site_description=edition.site_description,
        dark_mode=labels.dark_mode,
        light_mode=labels.light_mode,
        permalink=labels.permalink,
        glossary=contents.glossary,
    )


def renderer(
    result: ChapterResult,
    home: str,
    labels: Labels,
    around: Surroundings,
    others: Counterparts,
    counterpart: tuple[Chapter, str, str] | None,
) -> ChapterRenderer:
    """The chapter's pages' maker: its boxes styled as its profile says, countries linked to their
    profiles, and (another edition's) the main edition's chapter, its root and language."""
    box_styles = {name: k.style for name, k in result.chapter.layout.box_kinds.items()}
    return ChapterRenderer(
        result.chapter, box_styles, labels, home, around.mentions.links, around.link_path, counterpart, others
    )


@dataclass
class Surroundings:
    """What an edition's chapters stand among: where they name countries, the countries' profiles
    and the timeline (none of them without a registry of countries)."""

    mentions: Mentions
    link_path: Callable[[str], str] | None = None  # a country's id -> its profile's page
    profiles: Profiles | None = None
    timeline: TimelinePage | None = None
    report: dict[str, str] = field(default_factory=dict)  # chapter id -> what its chronology gave the timeline


def surroundings(
    content: Content,
    lang: str,
    labels: Labels,
    results: list[ChapterResult],
    homes: list[str],
    chronologies: dict[str, Chronology] | None,
    others: Counterparts,
) -> Surroundings:
    """The edition's mentions of countries, their profiles and, for the main edition, the timeline."""
    if not content.registry:
        return Surroundings(Mentions())
    registry = content.registry.in_language(lang)
    chapters = [r.chapter for r in results]
    mentions = find_mentions(chapters, Matcher(registry))
    timeline: TimelinePage | None = None
    report: dict[str, str] = {}
    if content.kinds and chronologies is not None:
        timeline, report = edition_timeline(
            content.layout, content.kinds, registry, labels, results, homes, chronologies, others
        )
    profiles = Profiles(registry, chapters, mentions, labels, timeline, others)
    return Surroundings(mentions, lambda cid: registry.entries[cid].path, profiles, timeline, report)


def edition_timeline(
    layout: Layout,
    kinds: Kinds,
    registry: Registry,
    labels: Labels,
    results: list[ChapterResult],
    homes: list[str],
    chronologies: dict[str, Chronology],
    others: Counterparts,
) -> tuple[TimelinePage, dict[str, str]]:
    """The timeline: each chapter's chronology found in its text, and its figures' rows that no
    event merges; with what each chronology gave it, by chapter id."""
    events: list[Event] = []
    gave: set[str] = set()  # the kinds of figure that give events
    report: dict[str, str] = {}
    for result, chapter_home in zip(results, homes):
        ch = result.chapter
        from_figures = figure_events(ch, registry, page_url)
        gave |= {kind_of(ch.figures[s.figure]).name for e in from_figures for s in e.sources if s.figure}
        chron = chronologies.get(ch.id)
        if chron:
            placed = place_events(chron, ch, chapter_home, page_url, from_figures, layout)
            events += placed.events
            for line, problem in placed.problems:  # the house style (content/README-events.md)
                result.warnings.add(chron.path, line, problem)
            from_figures = placed.alone
        # the rows no event merges, as their figure tells them (a post's visits in a month: one trip)
        from_figures = figure_events(ch, registry, page_url, alone={e.id for e in from_figures})
        if chron:
            report[ch.id] = chronology_report(placed.events, len(from_figures))
        events += from_figures
    headings = [k.profile.heading for k in KINDS.values() if k.name in gave and k.profile]
    return TimelinePage(events, registry, kinds, labels, headings, others), report


@dataclass
class Contents:
    """An edition's files, navigation and home page, as each part of the site adds its own."""

    labels: Labels
    several: bool  # several chapters: each has a home page of its own, listed by books and parts
    nav: Nav
    home: list[str]  # the home page's Markdown, a part a line
    files: dict[str, str] = field(default_factory=dict)  # path in the docs folder -> its text
    books: Books = field(default_factory=dict)
    glossary: Glossary = field(default_factory=dict)  # the glossaries' entries, for the search

    def add_pages(self, pages: list[Page]) -> None:
        for page in pages:
            self.files[page.path] = page.text

    def add_chapter(self, result: ChapterResult, renderer: ChapterRenderer) -> None:
        """The chapter's pages and data files, its glossary's entries, and its place in the nav."""
        pages: list[Page] = renderer.pages()
        self.add_pages(pages)
        names, japanese, _, _ = renderer.glossary_entries()
        for acronym, english in names.items():
            self.glossary.setdefault(acronym, (japanese.get(acronym, ""), sorted(english)))
        self.files.update(renderer.data_files())
        account(result, renderer)
        nav = chapter_nav(result.chapter, pages, self.labels)
        cfg = result.chapter.config
        if self.several:
            self.files[renderer.home] = renderer.home_section(level=1)
            title = f"{cfg.number} {cfg.title}"
            chapter: Nav = [{label(title): renderer.home}, *nav]
            self.books.setdefault(cfg.book, {}).setdefault(cfg.part, []).append((title, chapter))
        else:
            self.home.append(renderer.home_section())
            self.nav.extend(nav)

    def add_books(self) -> None:
        """With several chapters, the home lists them, and the nav holds them, by books and parts."""
        if self.several:
            self.home.append(contents(self.books))
            self.nav.extend(grouped_nav(self.books))

    def add_profiles(self, profiles: Profiles) -> None:
        pages = profiles.pages()
        self.add_pages(pages)
        self.files["data/countries.json"] = profiles.export()
        # each profile under 国・機関, by region: a profile's trail and nav lead back to the index
        self.nav.append({label(pages[0].title): nested_labels(profiles.nav())})
        self.home.append(f"[{escape(pages[0].title)}]({pages[0].path})\n")

    def add_timeline(self, timeline: TimelinePage) -> None:
        pages = timeline.pages()
        self.add_pages(pages)
        self.files.update(timeline.data_files())
        # the overview as the section's titled first page (its index, with navigation.indexes)
        first = pages[0]
        section: Nav = [{label(first.title): first.path}]
        section.extend({label(p.nav_title): p.path} for p in pages[1:])
        self.nav.append({label(first.title): first.path if len(pages) == 1 else section})
        self.home.append(f"[{escape(first.title)}]({first.path})\n")


def account(result: ChapterResult, renderer: ChapterRenderer) -> None:
    """Each raw line's place in the pages, in the chapter's ledger. Nothing lost: every raw line
    has a place or a reason, before anything is written."""
    for nos, where in renderer.placements():
        result.ledger.place(nos, where)
    missing = result.ledger.unaccounted(result.raw_lines)
    if missing:
        raise InputError(
            result.ledger.path,
            missing[0],
            f"{len(missing)} raw line(s) were not accounted for; "
            "expected each line in the text, a figure, a note or "
            "dropped as furniture",
        )


def chapter_nav(chapter: Chapter, pages: list[Page], labels: Labels) -> Nav:
    """A chapter's part of the nav: each section with its items, the figures, the glossary."""
    nav: Nav = []
    for s in chapter.sections:
        title = next(p.title for p in pages if p.path == s.path)
        entries: Nav = [{label(title): s.path}]
        entries.extend({label(p.title): p.path} for p in pages if p.path.startswith(s.path_dir + "/item-"))
        nav.append({label(title): entries})
    figures: Nav = [{label(p.title): p.path} for p in pages if "/figures/" in p.path]
    nav.append({label(labels.figures): figures})
    glossary = next(p for p in pages if p.path == f"{chapter.id}/glossary.md")
    nav.append({label(glossary.title): glossary.path})
    return nav


def check_pages(files: dict[str, str]) -> None:
    """Every page parsed back (builder/check.py) before any is written; a page that passed
    with the same text before passes again unread (builder/memo.py)."""
    for path, text in files.items():
        if path.endswith(".md"):
            memo.passed.check(functools.partial(check_page, path, text), "page", text)


def theme_words(labels: Labels) -> dict[str, str]:
    """The theme's words (overrides/main.html), the reader's script's (hakusho.js) and the
    trail's (overrides/partials/path.html)."""
    keys = (
        "search_none",
        "search_inexact",
        "table_region",
        "note",
        "to_note",
        "side_by_side",
        "counterpart_mark",
        "search_counterpart",
        "trail",
    )
    return {key: labels.template(key) for key in keys}


def grouped_nav(books: Books) -> Nav:
    """Chapters under their parts under their books, a level left out where it
    has one member: with navigation.prune a page then carries its own branch
    and the titles above it, however many chapters the site has."""

    def parts(by_part: dict[str, list[tuple[str, Nav]]]) -> Nav:
        if len(by_part) == 1:
            return [{label(title): nav} for title, nav in next(iter(by_part.values()))]
        return [{label(part): [{label(title): nav} for title, nav in chapters]} for part, chapters in by_part.items()]

    if len(books) == 1:
        return parts(next(iter(books.values())))
    return [{label(book): parts(by_part)} for book, by_part in books.items()]


def nested_labels(nav: Nav) -> Nav:
    """A part of the nav with every title escaped (label)."""
    return [{label(k): nested_labels(v) if isinstance(v, list) else v for k, v in entry.items()} for entry in nav]


def label(title: str) -> str:
    """A nav title from data, escaped: Material writes nav titles into every page as raw HTML."""
    return html.escape(title)


def contents(books: Books) -> str:
    """The site's home with several chapters: books, parts and chapter titles,
    each linked to the chapter's home (the first page of its nav)."""
    out = []
    for book, by_part in books.items():
        out.append(f"## {escape(book)}\n")
        for part, chapters in by_part.items():
            out.append(f"### {escape(part)}\n")
            out += [f"- [{escape(title)}]({next(iter(nav[0].values()))})" for title, nav in chapters]
            out.append("")
    return "\n".join(out)
