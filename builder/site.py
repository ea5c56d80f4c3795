"""Write the docs folder (Markdown pages, data files, the nav) for MkDocs.

Everything is built in memory and checked first; only then is the docs folder
touched, so bad input never leaves a half-written site.
"""
from __future__ import annotations

import functools
import html
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import memo
from .check import check_page
from .content import load_content
from .errors import InputError
from .pipeline import ChapterResult, process_chapter
from .escape import escape
from .figures import KINDS, figure_events, kind_of
from .countries.matcher import Matcher
from .countries.mentions import Mentions, find_mentions
from .countries.profiles import Profiles
from .page import Page, page_url
from .render.pages import ChapterRenderer
from .timeline.chronology import place_events
from .timeline.propose import chronology_report
from .timeline.page import TimelinePage


@dataclass
class SiteResult:
    files: dict[str, str]
    nav: list
    chapters: list[ChapterResult] = field(default_factory=list)
    profiles: object = None
    timeline: object = None
    mentions: object = None
    theme_words: dict = field(default_factory=dict)   # labels the theme's templates show (overrides/main.html)
    timeline_report: dict = field(default_factory=dict)   # chapter id -> what its chronology gave the timeline


def build_site(root: Path) -> SiteResult:
    content = load_content(root)
    layout = content.layout
    files: dict[str, str] = {}
    labels = content.labels
    nav: list = [{label(labels.home): "index.md"}]
    home = [f"# {escape(content.site.site_name)}\n"]
    several = len(content.site.chapters) > 1
    books: dict[str, dict[str, list]] = {}     # book -> part -> [(chapter's nav title, its nav)]
    # the stages, each from the output of the ones before it
    results = [process_chapter(config, layout) for config in content.site.chapters]
    chapters = [r.chapter for r in results]
    # several chapters: each has a home page of its own, and the site's lists them
    homes = [f"{ch.id}/index.md" if several else "index.md" for ch in chapters]
    registry, mentions, timeline, profiles = content.registry, Mentions(), None, None
    timeline_report: dict[str, str] = {}
    if registry:
        matcher = Matcher(registry)
        mentions = find_mentions(chapters, matcher)
        if content.kinds:
            events, gave = [], set()        # gave: the kinds of figure that give events
            for result, chapter_home in zip(results, homes):
                ch = result.chapter
                from_figures = figure_events(ch, registry, page_url)
                gave |= {kind_of(ch.figures[s.figure]).name for e in from_figures for s in e.sources if s.figure}
                chron = content.chronologies.get(ch.id)
                if chron:
                    placed = place_events(chron, ch, chapter_home, page_url, from_figures, layout)
                    events += placed.events
                    for line, problem in placed.problems:      # the house style (content/README-events.md)
                        result.warnings.add(chron.path, line, problem)
                    from_figures = placed.alone
                # the rows no event merges, as their figure tells them (a post's visits in a month: one trip)
                from_figures = figure_events(ch, registry, page_url, alone={e.id for e in from_figures})
                if chron:
                    timeline_report[ch.id] = chronology_report(placed.events, len(from_figures))
                events += from_figures
            timeline = TimelinePage(events, registry, content.kinds, labels,
                                    [k.profile.heading for k in KINDS.values() if k.name in gave and k.profile])
        profiles = Profiles(registry, chapters, mentions, labels, timeline)
    box_styles = {name: k["style"] for name, k in layout.value("box_kinds").items()}
    link_path = (lambda cid: registry.entries[cid].path) if registry else None
    for result, chapter_home in zip(results, homes):
        renderer = ChapterRenderer(result.chapter, box_styles, labels, chapter_home, mentions.links, link_path)
        pages: list[Page] = renderer.pages()
        for page in pages:
            files[page.path] = page.text
        files.update(renderer.data_files())
        for nos, where in renderer.placements():
            result.ledger.place(nos, where)
        # nothing lost: every raw line has a place or a reason, before anything is written
        missing = result.ledger.unaccounted(result.raw_lines)
        if missing:
            raise InputError(result.ledger.path, missing[0], f"{len(missing)} raw line(s) were not accounted for; "
                                                            "expected each line in the text, a figure, a note or "
                                                            "dropped as furniture")
        chapter_nav = []
        for s in result.chapter.sections:
            title = next(p.title for p in pages if p.path == s.path)
            entries = [{label(title): s.path}] + [{label(p.title): p.path} for p in pages
                                                 if p.path.startswith(s.path_dir + "/item-")]
            chapter_nav.append({label(title): entries})
        chapter_nav.append({label(labels.figures): [{label(p.title): p.path} for p in pages if "/figures/" in p.path]})
        glossary = next(p for p in pages if p.path == f"{result.chapter.id}/glossary.md")
        chapter_nav.append({label(glossary.title): glossary.path})
        cfg = result.chapter.config
        if several:
            files[renderer.home] = renderer.home_section(level=1)
            books.setdefault(cfg.book, {}).setdefault(cfg.part, []).append(
                (f"{cfg.number} {cfg.title}", [{label(f"{cfg.number} {cfg.title}"): renderer.home}] + chapter_nav))
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
        nav.append({label(pages[0].title): pages[0].path})
        home.append(f"[{escape(pages[0].title)}]({pages[0].path})\n")
    if timeline:
        pages = timeline.pages()
        for page in pages:
            files[page.path] = page.text
        files.update(timeline.data_files())
        # the overview as the section's titled first page (its index, with navigation.indexes)
        nav.append({label(pages[0].title): pages[0].path if len(pages) == 1 else
                    [{label(pages[0].title): pages[0].path}] + [{label(p.nav_title): p.path} for p in pages[1:]]})
        home.append(f"[{escape(pages[0].title)}]({pages[0].path})\n")
    # the home page lists the others: search ranks it below the pages it lists
    files["index.md"] = Page("index.md", labels.home, "\n".join(home), search_boost=0.5).text
    for path, text in files.items():
        if path.endswith(".md"):
            memo.passed.check(functools.partial(check_page, path, text), "page", text)
    # the theme's words (overrides/main.html) and the reader's script's (hakusho.js)
    theme_words = {key: labels.template(key) for key in ("search_none", "search_inexact", "table_region", "note",
                                                         "to_note")}
    return SiteResult(files, nav, results, profiles, timeline, mentions, theme_words, timeline_report)


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
    """Bring the docs folder in line with the (already checked) result: write
    what changed, remove what is no longer built. Writing in place keeps
    `mkdocs serve` watching the same folder."""
    docs = build_dir / "docs"
    wanted = {docs / path: text for path, text in result.files.items()}
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
    # MkDocs (and ProperDocs) read the repository's mkdocs.yml; this adds the generated nav.
    config = {
        "INHERIT": str((repo / "mkdocs.yml").resolve()),
        "docs_dir": str(docs.resolve()),
        "site_dir": str((repo / "site").resolve()),
        "theme": {"custom_dir": str((repo / "overrides").resolve())},
        "nav": result.nav,
        "extra": {"hakusho": result.theme_words},
    }
    write_config(build_dir / "mkdocs.yml", config)
    return docs


def write_zensical_config(result: SiteResult, build_dir: Path, repo: Path) -> dict[str, Path]:
    """Zensical reads the same mkdocs.yml, but refuses a theme folder, a docs
    folder or a site folder outside the folder of the config it is given: its
    configs sit at the repository's root (zensical.yml, zensical-offline.yml,
    not committed), with paths relative to it. It has no option for the site
    folder, so the site and the offline build each have a config naming its
    own, under build/ (the Makefile runs them side by side, then moves them)."""
    targets = {}
    for name, config_file, site_dir in (("site", "zensical.yml", "zensical-site"),
                                        ("offline", "zensical-offline.yml", "zensical-offline")):
        config = {
            "INHERIT": "mkdocs.yml",
            "docs_dir": (build_dir / "docs").resolve().relative_to(repo.resolve()).as_posix(),
            "site_dir": (build_dir / site_dir).resolve().relative_to(repo.resolve()).as_posix(),
            "theme": {"custom_dir": "overrides", "variant": "classic"},     # classic: Material's look
            "nav": result.nav,
            "extra": {"hakusho": result.theme_words},
        }
        targets[name] = repo / config_file
        write_config(targets[name], config)
    return targets


def write_config(target: Path, config: dict) -> None:
    text = ("# Generated by `python -m builder build`; edit the repository's mkdocs.yml instead.\n"
            + yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
