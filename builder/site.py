"""Write the docs folder (Markdown pages, data files, the nav) for MkDocs.

Everything is built in memory and checked first; only then is the docs folder
touched, so bad input never leaves a half-written site.
"""

from __future__ import annotations

import functools
import html
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from . import memo
from .align import Alignment, Evidencer, align, check, unexplained
from .blocks.model import Heading
from .check import check_page
from .content import load_content
from .counterparts import Counterparts
from .countries.matcher import Matcher
from .countries.mentions import Mentions, find_mentions
from .countries.profiles import Profiles
from .errors import InputError
from .escape import escape
from .figures import KINDS, figure_events, kind_of
from .inputs.schema import load_checked
from .labels import Labels
from .page import Page, page_url
from .pipeline import ChapterResult, process_chapter
from .render.pages import ChapterRenderer, heading_ids, heading_plain
from .search_words import chapter_texts, groups, unused_group
from .timeline.chronology import place_events
from .timeline.page import TimelinePage
from .timeline.propose import chronology_report


@dataclass
class SiteResult:
    """One edition of the site (the main one holds the others in `editions`)."""

    files: dict[str, str]
    nav: list
    chapters: list[ChapterResult] = field(default_factory=list)
    profiles: object = None
    timeline: object = None
    mentions: object = None
    theme_words: dict = field(default_factory=dict)  # labels the theme's templates show (overrides/main.html)
    timeline_report: dict = field(default_factory=dict)  # chapter id -> what its chronology gave the timeline
    lang: str = "ja"
    root: str = ""  # its folder in the built site: "" for the main edition, "en/" for another
    site_name: str = ""
    site_description: str = ""
    dark_mode: str = ""  # the palette toggles' names (labels dark_mode, light_mode)
    light_mode: str = ""
    permalink: str = ""  # the title of the link after each heading (label permalink)
    editions: list[SiteResult] = field(default_factory=list)  # the other editions, in hakusho.yaml's order
    alignments: dict = field(default_factory=dict)  # another edition's: chapter id -> its Alignment (align.py)
    notices: list = field(default_factory=list)  # what an absent input turned off (content.py), every build
    glossary: dict = field(default_factory=dict)  # acronym -> (its Japanese name, its English names)
    search: dict = field(default_factory=dict)  # the search worker's words (builder/search_words.py)


@dataclass
class Edition:
    """Another edition's chapters, processed, with what they are built with."""

    edition: object
    labels: Labels
    registry: object
    results: list
    pairs: dict = field(default_factory=dict)  # chapter id -> its Alignment with the main edition's


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
    links = paragraph_links(content.site.editions[0], others)
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
    for edition in [main] + main.editions:
        if main.editions:
            edition.files[COUNTERPARTS] = counterparts_script(edition, main)
    search_words(content, main, main_results, others)
    return main


def search_words(content, main: SiteResult, main_results, others) -> None:
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
    glossary: dict = {}
    for edition in [main] + main.editions:
        for acronym, (ja, en) in edition.glossary.items():
            had = glossary.get(acronym, ("", []))
            glossary[acronym] = (had[0] or ja, sorted(set(had[1]) | set(en)))
    found = groups(content.registry, variants, glossary, texts)
    labels = {main.lang: content.labels, **{o.edition.lang: o.labels for o in others}}
    for edition in [main] + main.editions:
        other = next((e.lang for e in [main] + main.editions if e is not edition), "")
        headings = {}
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
    for other in [main] + main.editions:
        if other is edition:
            continue
        theirs = {page_url(p) for p in other.files if p.endswith(".md")}
        pages = {page_url(p): {} for p in edition.files if p.endswith(".md") and page_url(p) in theirs}
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


def counterpart_headings(alignment, from_main: bool) -> dict[str, str]:
    """Each item page's and heading's place (page.html, page.html#anchor) -> the other edition's
    title there, for the search (the other edition's paragraphs under it are on the page, hidden)."""
    out = {}
    for t_item, m_item in zip(alignment.theirs_chapter.items(), alignment.mine_chapter.items()):
        ids_t, ids_m = heading_ids(t_item.blocks), heading_ids(m_item.blocks)
        mine, other = (t_item, m_item) if from_main else (m_item, t_item)
        out[page_url(mine.path)] = heading_plain(other.heading)
        for m in alignment.matches:
            if m.kind == "heading" and id(m.theirs) in ids_t and m.mine is not None and id(m.mine) in ids_m:
                if from_main:
                    out[f"{page_url(t_item.path)}#{ids_t[id(m.theirs)]}"] = heading_plain(m.mine)
                else:
                    out[f"{page_url(m_item.path)}#{ids_m[id(m.mine)]}"] = heading_plain(m.theirs)
    return out


def heading_anchor_pairs(alignment, from_main: bool):
    """(item page, the heading's anchor on this side, its counterpart's on the other) for each pair of
    headings inside the items of an aligned chapter."""
    for t_item, m_item in zip(alignment.theirs_chapter.items(), alignment.mine_chapter.items()):
        ids_t, ids_m = heading_ids(t_item.blocks), heading_ids(m_item.blocks)
        for m in alignment.matches:
            if m.kind == "heading" and id(m.theirs) in ids_t and m.mine is not None and id(m.mine) in ids_m:
                pair = (ids_t[id(m.theirs)], ids_m[id(m.mine)])
                yield t_item.path, *(pair if from_main else pair[::-1])


def process_editions(content, root: Path) -> tuple[list[ChapterResult], list[Edition]]:
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


def aligned(content, counterpart, result, registry, langs) -> Alignment:
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


def alignment_file(config) -> tuple[dict, Path]:
    """The chapter's alignment.yaml, as data ({} where it has none), and its path."""
    spec = (config.alignment.data if config.alignment else None) or {}
    return spec, config.alignment.path if config.alignment else config.dir / "alignment.yaml"


def evidencers(content, config, registry) -> tuple[Evidencer, Evidencer]:
    """What each edition's text shares: the main edition's dates read with its eras, its countries
    by its names; this edition's by its own."""
    theirs = Evidencer(
        content.layout.eras,
        content.layout.two_digit_pivot,
        Matcher(content.registry) if content.registry else None,
    )
    mine = Evidencer(config.layout.eras, 50, Matcher(registry) if registry else None)
    return theirs, mine


def paragraph_links(main_edition, others) -> dict:
    """lang -> (page, paragraph anchor) -> its counterparts in the other edition: (lang, root, page,
    anchor, text) each, for the pages that show them or point at them (the chapter's pages, a
    profile's mentions, the timeline's sources)."""
    out: dict = {}
    for other in others:
        edition, pairs = other.edition, other.pairs
        for r in other.results:
            cid = r.chapter.id
            theirs_at = anchor_pages(pairs[cid].theirs_chapter, len(main_edition.chapters) > 1)
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


def anchor_pages(chapter, several: bool) -> dict[str, str]:
    """Each paragraph's anchor -> the page it is on: the intro's on the chapter's home."""
    home = f"{chapter.id}/index.md" if several else "index.md"
    out = {p.anchor: home for p in chapter.intro if getattr(p, "anchor", "")}
    for item in chapter.items():
        out.update({p.anchor: item.path for p in item.paragraphs()})
    return out


def with_counterpart(config, counterpart, registry):
    """Another edition's chapter, with what its rules take from the main edition's: the outline
    (page_order) and the figures (kind counterpart)."""
    return replace(config, outline=outline(counterpart), counterpart_figures=figures_of(counterpart, registry))


def outline(chapter) -> tuple:
    """The chapter's headings as (kind, number), in order: what another edition's pages are ordered by."""
    out = []
    for s in chapter.sections:
        out.append((s.heading.kind, s.heading.num))
        for item in s.items:
            out.append((item.heading.kind, item.heading.num))
            out += [(b.kind, b.num) for b in item.blocks if isinstance(b, Heading) and b.kind != "kana"]
    return tuple(out)


def figures_of(chapter, registry) -> dict:
    """The main edition's figures, as another edition's kind counterpart shows them: each one's kind
    and data, and the edition's names for the countries it names (the registry's)."""
    out = {}
    for num, fig in chapter.figures.items():
        names = {}
        if registry and fig.kind == "visits":
            names = {
                v["country"]: registry.named_in_figure(v["country"], num, chapter.config.raw, v["line"]).name
                for v in fig.data
            }
        out[_roman(num)] = {"kind": fig.kind, "data": fig.data, "names": names}
    return out


def _roman(num: str) -> str:
    """Ⅲ-3-1-1 → III-3-1-1: a figure's number as an edition in Latin letters prints it."""
    return num.replace("Ⅳ", "IV").replace("Ⅲ", "III").replace("Ⅱ", "II").replace("Ⅰ", "I")


def build_edition(
    content, edition, labels, results, chronologies, links=None, counterparts=None, main_lang=""
) -> SiteResult:
    """One edition's pages, data files and navigation from its chapters' results; `chronologies`
    (the main edition's events.yaml files) give it a timeline; `links` give each paragraph, by its
    page and anchor, its counterparts in the other editions; `counterparts` (the main edition's chapters by id) are
    what another edition's notes point at where its own text falls short."""
    files: dict[str, str] = {}
    nav: list = [{label(labels.home): "index.md"}]
    home = [f"# {escape(edition.site_name)}\n"]
    several = len(edition.chapters) > 1
    books: dict[str, dict[str, list]] = {}  # book -> part -> [(chapter's nav title, its nav)]
    chapters = [r.chapter for r in results]
    layout = content.layout
    # several chapters: each has a home page of its own, and the site's lists them
    homes = [f"{ch.id}/index.md" if several else "index.md" for ch in chapters]
    registry, mentions, timeline, profiles = content.registry, Mentions(), None, None
    timeline_report: dict[str, str] = {}
    acronyms: dict = {}  # the glossaries' entries, for the search
    # the same paragraphs in the other editions, for the pages that point at paragraphs
    others = Counterparts(links or {}, edition.root, labels)
    if registry:
        registry = registry.in_language(edition.lang)
        matcher = Matcher(registry)
        mentions = find_mentions(chapters, matcher)
        if content.kinds and chronologies is not None:
            events, gave = [], set()  # gave: the kinds of figure that give events
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
                    timeline_report[ch.id] = chronology_report(placed.events, len(from_figures))
                events += from_figures
            timeline = TimelinePage(
                events,
                registry,
                content.kinds,
                labels,
                [k.profile.heading for k in KINDS.values() if k.name in gave and k.profile],
                others,
            )
        profiles = Profiles(registry, chapters, mentions, labels, timeline, others)
    link_path = (lambda cid: registry.entries[cid].path) if registry else None
    for result, chapter_home in zip(results, homes):
        box_styles = {name: k.style for name, k in result.chapter.config.layout.box_kinds.items()}
        counterpart = (
            (counterparts[result.chapter.id], "../" * edition.root.count("/"), main_lang) if counterparts else None
        )
        renderer = ChapterRenderer(
            result.chapter, box_styles, labels, chapter_home, mentions.links, link_path, counterpart, others
        )
        pages: list[Page] = renderer.pages()
        for page in pages:
            files[page.path] = page.text
        names, japanese, _, _ = renderer.glossary_entries()
        for acronym, english in names.items():
            acronyms.setdefault(acronym, (japanese.get(acronym, ""), sorted(english)))
        files.update(renderer.data_files())
        for nos, where in renderer.placements():
            result.ledger.place(nos, where)
        # nothing lost: every raw line has a place or a reason, before anything is written
        missing = result.ledger.unaccounted(result.raw_lines)
        if missing:
            raise InputError(
                result.ledger.path,
                missing[0],
                f"{len(missing)} raw line(s) were not accounted for; "
                "expected each line in the text, a figure, a note or "
                "dropped as furniture",
            )
        chapter_nav = []
        for s in result.chapter.sections:
            title = next(p.title for p in pages if p.path == s.path)
            entries = [{label(title): s.path}] + [
                {label(p.title): p.path} for p in pages if p.path.startswith(s.path_dir + "/item-")
            ]
            chapter_nav.append({label(title): entries})
        chapter_nav.append({label(labels.figures): [{label(p.title): p.path} for p in pages if "/figures/" in p.path]})
        glossary = next(p for p in pages if p.path == f"{result.chapter.id}/glossary.md")
        chapter_nav.append({label(glossary.title): glossary.path})
        cfg = result.chapter.config
        if several:
            files[renderer.home] = renderer.home_section(level=1)
            books.setdefault(cfg.book, {}).setdefault(cfg.part, []).append(
                (f"{cfg.number} {cfg.title}", [{label(f"{cfg.number} {cfg.title}"): renderer.home}] + chapter_nav)
            )
        else:
            home.append(renderer.home_section())
            nav.extend(chapter_nav)
    if several:
        home.append(contents(books))
        nav.extend(grouped_nav(books))
    # the nav and the home page name a page by its own title, written once where the page is made
    if profiles:
        pages = profiles.pages()
        for page in pages:
            files[page.path] = page.text
        files["data/countries.json"] = profiles.export()
        # each profile under 国・機関, by region: a profile's trail and nav lead back to the index
        nav.append({label(pages[0].title): nested_labels(profiles.nav())})
        home.append(f"[{escape(pages[0].title)}]({pages[0].path})\n")
    if timeline:
        pages = timeline.pages()
        for page in pages:
            files[page.path] = page.text
        files.update(timeline.data_files())
        # the overview as the section's titled first page (its index, with navigation.indexes)
        nav.append(
            {
                label(pages[0].title): pages[0].path
                if len(pages) == 1
                else [{label(pages[0].title): pages[0].path}] + [{label(p.nav_title): p.path} for p in pages[1:]]
            }
        )
        home.append(f"[{escape(pages[0].title)}]({pages[0].path})\n")
    # the home page lists the others: search ranks it below the pages it lists
    files["index.md"] = Page("index.md", labels.home, "\n".join(home), search_boost=0.5).text
    for path, text in files.items():
        if path.endswith(".md"):
            memo.passed.check(functools.partial(check_page, path, text), "page", text)
    # the theme's words (overrides/main.html) and the reader's script's (hakusho.js)
    theme_words = {
        key: labels.template(key)
        for key in (
            "search_none",
            "search_inexact",
            "table_region",
            "note",
            "to_note",
            "side_by_side",
            "counterpart_mark",
            "search_counterpart",
        )
    }
    theme_words |= {key: labels.template(key) for key in ("trail",)}  # the trail (overrides/partials/path.html)
    return SiteResult(
        files,
        nav,
        results,
        profiles,
        timeline,
        mentions,
        theme_words,
        timeline_report,
        lang=edition.lang,
        root=edition.root,
        site_name=edition.site_name,
        site_description=edition.site_description,
        dark_mode=labels.dark_mode,
        light_mode=labels.light_mode,
        permalink=labels.permalink,
        glossary=acronyms,
    )


def grouped_nav(books: dict) -> list:
    """Chapters under their parts under their books, a level left out where it
    has one member: with navigation.prune a page then carries its own branch
    and the titles above it, however many chapters the site has."""

    def parts(by_part: dict) -> list:
        if len(by_part) == 1:
            return [{label(title): nav} for title, nav in next(iter(by_part.values()))]
        return [{label(part): [{label(title): nav} for title, nav in chapters]} for part, chapters in by_part.items()]

    if len(books) == 1:
        return parts(next(iter(books.values())))
    return [{label(book): parts(by_part)} for book, by_part in books.items()]


def nested_labels(nav: list) -> list:
    """A part of the nav with every title escaped (label)."""
    return [{label(k): nested_labels(v) if isinstance(v, list) else v for k, v in entry.items()} for entry in nav]


def label(title: str) -> str:
    """A nav title from data, escaped: Material writes nav titles into every page as raw HTML."""
    return html.escape(title)


def contents(books: dict) -> str:
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


def write_docs(result: SiteResult, build_dir: Path, repo: Path) -> Path:
    """Bring each edition's docs folder in line with the (already checked) result: write
    what changed, remove what is no longer built; then its MkDocs config. Writing in
    place keeps `mkdocs serve` watching the same folder. The main edition's folder is
    build/docs, another's build/docs-<lang>; their sites are site/ and site/<lang>/."""
    docs = _write_folder(result.files, build_dir / "docs")
    write_config(build_dir / "mkdocs.yml", _mkdocs_config(result, result, docs, repo / "site", repo))
    for edition in result.editions:
        folder = _write_folder(edition.files, build_dir / f"docs-{edition.lang}")
        write_config(
            build_dir / f"mkdocs-{edition.lang}.yml",
            _mkdocs_config(edition, result, folder, repo / "site" / edition.lang, repo),
        )
    for stale in build_dir.glob("mkdocs-*.yml"):
        if stale.stem.removeprefix("mkdocs-") not in {e.lang for e in result.editions}:
            stale.unlink()
    return docs


def _write_folder(files: dict[str, str], docs: Path) -> Path:
    wanted = {docs / path: text for path, text in files.items()}
    if docs.exists():
        for old in sorted(docs.rglob("*"), reverse=True):
            if old.is_file() and old not in wanted:
                old.unlink()
            elif old.is_dir() and not any(old.iterdir()):
                old.rmdir()
    for target, text in sorted(wanted.items()):
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return docs


def _mkdocs_config(edition: SiteResult, main: SiteResult, docs: Path, site: Path, repo: Path) -> dict:
    """MkDocs (and ProperDocs) read the repository's mkdocs.yml; this adds an edition's folders, its
    generated nav, its words and, where the site has several editions, the language switch."""
    config = {
        "INHERIT": str((repo / "mkdocs.yml").resolve()),
        "docs_dir": str(docs.resolve()),
        "site_dir": str(site.resolve()),
        "theme": {"custom_dir": str((repo / "overrides").resolve())},
        "nav": edition.nav,
        "extra": {"hakusho": edition.theme_words, "hakusho_search": edition.search},
        "markdown_extensions": markdown_extensions(edition),
        # the search worker's data, from the index the search plugin writes (builder/search_hook.py)
        "hooks": [str((repo / "builder" / "search_hook.py").resolve())],
    }
    for key, value in edition_settings(edition, main).items():
        config[key] = {**config.get(key, {}), **value} if isinstance(value, dict) else value
    return config


def edition_settings(edition: SiteResult, main: SiteResult) -> dict:
    """What sets an edition apart in its engine's config: its name and language, and the switch
    to the others (links relative to its own root, so that they work from file:// too)."""
    if not main.editions:
        return {}
    up = "../" * edition.root.count("/")
    every = [main] + main.editions
    # our switch (overrides/partials/alternate.html); alternate: true only makes Material's header show it
    out: dict = {
        "extra": {
            "hakusho": edition.theme_words,
            "alternate": True,
            "hakusho_editions": [
                {
                    "name": LANGUAGE_NAMES.get(e.lang, e.lang),
                    "lang": e.lang,
                    "link": f"{up}{e.root}",
                    "current": e is edition,
                    "pages": sorted(page_url(p) for p in e.files if p.endswith(".md")),
                }
                for e in every
            ],
        }
    }
    # where each page is in the other editions, for the search results' offer (hakusho.js)
    out["extra_javascript"] = list(repo_config().get("extra_javascript") or []) + [COUNTERPARTS]
    if edition is not main:
        out["site_name"] = edition.site_name
        out["site_description"] = edition.site_description or edition.site_name
        out["theme"] = {"language": edition.lang, "palette": palette(edition.dark_mode, edition.light_mode)}
    return out


@functools.cache
def repo_config() -> dict:
    """The repository's mkdocs.yml, for the lists an edition's config extends: a list in a config
    replaces the inherited one whole, so it is read there and written again (a Python object the
    engine makes, the toc's slugify, as its tag: PythonTag)."""

    class Loader(yaml.SafeLoader):
        pass

    # !ENV: not needed here
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor(
        "tag:yaml.org,2002:python/",
        lambda loader, suffix, node: PythonTag(
            node.tag, loader.construct_mapping(node, deep=True) if isinstance(node, yaml.MappingNode) else None
        ),
    )
    return yaml.load((Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8"), Loader)


@dataclass(frozen=True)
class PythonTag:
    """A YAML node the engine reads as a Python object (!!python/object/apply:…), kept to be written again."""

    tag: str
    value: dict | None


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(PythonTag, lambda dumper, t: dumper.represent_mapping(t.tag, t.value or {}))


def markdown_extensions(edition: SiteResult) -> list:
    """The repository's Markdown extensions, with the title of the link after each heading in the
    edition's words (label permalink; the toc extension's own is English)."""
    out = []
    for ext in repo_config()["markdown_extensions"]:
        if isinstance(ext, dict) and "toc" in ext:
            ext = {"toc": {**ext["toc"], "permalink_title": edition.permalink}}
        out.append(ext)
    return out


def palette(dark: str, light: str) -> list:
    """The repository's palette, its toggles named in the edition's words."""
    schemes = [dict(s, toggle=dict(s.get("toggle", {}))) for s in repo_config()["theme"]["palette"]]
    for scheme, name in zip(schemes, (dark, light)):
        scheme["toggle"]["name"] = name
    return schemes


# each language's name in itself, for the switch
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}


def write_zensical_config(result: SiteResult, build_dir: Path, repo: Path) -> dict[str, Path]:
    """Zensical reads the same mkdocs.yml, but refuses a theme folder, a docs
    folder or a site folder outside the folder of the config it is given: its
    configs sit at the repository's root (zensical.yml, zensical-offline.yml,
    and zensical-<lang>.yml, zensical-<lang>-offline.yml for another edition;
    not committed), with paths relative to it. It has no option for the site
    folder, so the site and the offline build each have a config naming its
    own, under build/ (the Makefile runs them side by side, then moves them)."""
    targets = {}
    for edition in [result] + result.editions:
        tag = "" if edition is result else f"-{edition.lang}"
        docs = build_dir / ("docs" if edition is result else f"docs-{edition.lang}")
        for name, config_file, site_dir in (
            ("site", f"zensical{tag}.yml", f"zensical-site{tag}"),
            ("offline", f"zensical{tag}-offline.yml", f"zensical-offline{tag}"),
        ):
            config = {
                "INHERIT": "mkdocs.yml",
                "docs_dir": docs.resolve().relative_to(repo.resolve()).as_posix(),
                "site_dir": (build_dir / site_dir).resolve().relative_to(repo.resolve()).as_posix(),
                "theme": {"custom_dir": "overrides", "variant": "classic"},  # classic: Material's look
                "nav": edition.nav,
                "extra": {"hakusho": edition.theme_words},
                "markdown_extensions": markdown_extensions(edition),
            }
            for key, value in edition_settings(edition, result).items():
                config[key] = {**config.get(key, {}), **value} if isinstance(value, dict) else value
            targets[name + tag] = repo / config_file
            write_config(targets[name + tag], config)
    for stale in repo.glob("zensical-*.yml"):
        if stale not in targets.values() and stale.name != "zensical-offline.yml":
            stale.unlink()
    return targets


def write_config(target: Path, config: dict) -> None:
    text = "# Generated by `python -m builder build`; edit the repository's mkdocs.yml instead.\n" + yaml.dump(
        config, Dumper=_Dumper, allow_unicode=True, sort_keys=False
    )
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
