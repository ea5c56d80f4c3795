"""Country and organization profiles, cross-linked with the text both ways.

From the mentions (builder/countries/mentions.py), the chapters' figures
(visits, projects) and the timeline: the profile pages, the country index and
data/countries.json.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..charts import Row, bar_chart
from ..counterparts import NONE
from ..escape import escape
from ..export import json_text
from ..figures import KINDS, ProfileRows, kind_of
from ..markup import render, safe
from ..page import Page, page_url, rel
from ..text import plain
from ..timeline.page import NO_SEARCH
from .mentions import Dedicated, MentionRecord, Mentions
from .registry import Country, Registry

if TYPE_CHECKING:
    from ..counterparts import Counterparts
    from ..figures.types import Row as FigureRow
    from ..labels import Labels
    from ..structure.chapter import Chapter, Item
    from ..timeline.page import TimelinePage

# Entries (mentions, visits, projects, events) on one profile page; past this,
# a profile is cut into pages by chapters, so that no page grows with the corpus.
PROFILE_LIMIT = 300


# A list on a profile longer than this is folded under its heading (the heading and its count
# stay): a long profile is its headings first, on a phone as on a wide screen.
FOLD_AFTER = 5


# the figure kinds that add rows to a profile (visits, projects), in their order
@dataclass(frozen=True)
class ProfileKind:
    name: str  # the figure kind's
    rows: ProfileRows  # what it adds to a profile


PROFILE_KINDS = [ProfileKind(k.name, k.profile) for k in KINDS.values() if k.profile]


@dataclass
class ChapterPart:
    """What one chapter says of a country."""

    mentions: list[MentionRecord] = field(default_factory=list)
    figure_rows: dict[str, list[FigureRow]] = field(default_factory=dict)  # figure kind -> its rows for the country


@dataclass
class Profile:
    country: Country
    mentions: list[MentionRecord] = field(default_factory=list)
    figure_rows: dict[str, list[FigureRow]] = field(default_factory=dict)  # figure kind -> its rows for the country
    dedicated: list[Dedicated] = field(default_factory=list)  # (rank, item, heading id, title)
    parts: dict[str, ChapterPart] = field(default_factory=dict)  # chapter id -> its part, once gathered


class Profiles:
    """The profiles of every registry entry, from the mentions (a stage of
    its own), the chapters' figures and the timeline."""

    def __init__(
        self,
        registry: Registry,
        chapters: list[Chapter],
        mentions: Mentions,
        labels: Labels,
        timeline: TimelinePage | None = None,
        others: Counterparts = NONE,
    ):
        self.registry = registry
        self.others = others  # each mentioning paragraph's counterpart in the other editions
        self.labels = labels
        self.chapters = chapters
        self.timeline = timeline
        self.profiles = {cid: Profile(c) for cid, c in registry.entries.items()}
        for cid, records in mentions.records.items():
            self.profiles[cid].mentions = records
        for cid, dedicated in mentions.dedicated.items():
            self.profiles[cid].dedicated = dedicated
        # the figure kinds whose rows these chapters have (an edition whose figures are kept as
        # their printed text has none), in their order
        present = {kind_of(f).name for ch in chapters for f in ch.figures.values()}
        self.kinds = [k for k in PROFILE_KINDS if k.name in present]
        for ch in chapters:
            self._figures(ch)
        for prof in self.profiles.values():
            for m in prof.mentions:
                prof.parts.setdefault(m.chapter, ChapterPart()).mentions.append(m)
            for kind, rows in prof.figure_rows.items():
                for row in rows:
                    prof.parts.setdefault(row["chapter"], ChapterPart()).figure_rows.setdefault(kind, []).append(row)

    def other_name(self, c: Country) -> str:
        """The country's name in the registry's other language, marked with that language (screen
        readers and fonts switch with it)."""
        return render("in-language.html", lang=self.registry.other_lang, words=c.other_name)

    def path(self, cid: str) -> str:
        return self.registry.entries[cid].path

    def _figures(self, ch: Chapter) -> None:
        for num, fig in ch.figures.items():
            kind = kind_of(fig)
            if kind.profile is None:
                continue
            for row in kind.profile.rows(fig.data):
                c = self.registry.named_in_figure(kind.profile.country(row), num, ch.config.raw, row["line"])
                self.profiles[c.id].figure_rows.setdefault(kind.name, []).append(
                    {**row, "figure": num, "chapter": ch.id}
                )

    def count_columns(self) -> list[str]:
        """The counts a table of countries or chapters shows, in the order counts() gives them."""
        return (
            [self.labels.mentions]
            + [k.rows.column for k in self.kinds]
            + ([self.labels.timeline] if self.timeline else [])
        )

    def figure_counts(self, rows_by_kind: dict[str, list[FigureRow]]) -> list[int]:
        return [len(rows_by_kind.get(k.name, [])) for k in self.kinds]

    # -- pages ---------------------------------------------------------------
    def profile_page(self, prof: Profile, pages: list[list[Chapter]]) -> Page:
        """The profile: who the country is, and what the text says of it. With
        one chapter that is all on this page; with several, each chapter's part
        is a page of its own, so no page grows with the corpus."""
        c = prof.country
        path = self.path(c.id)
        out = [
            f"# {escape(c.name)}\n",
            render("profile-meta.html", other_name=safe(self.other_name(c)), region=c.region_name, id=c.id) + "\n",
        ]
        groups = [o for o in self.registry.entries.values() if c.id in o.members]
        if groups:
            lb = self.labels
            out.append(
                f"**{lb.md('member_of')}**{lb.md('after_heading')}"
                + lb.md("list_sep").join(
                    f"[{escape(o.name)}]({rel(path, self.path(o.id))})"
                    + lb.md("in_brackets", text=escape(o.members_note))
                    for o in groups
                )
                + "\n"
            )
        if c.members:
            lb = self.labels
            out.append(
                f"**{lb.md('members')}**{lb.md('members_source', according_to=escape(c.members_note))}"
                + lb.md("after_heading")
                + lb.md("list_sep").join(
                    f"[{escape(self.registry.entries[m].name)}]({rel(path, self.path(m))})" for m in c.members
                )
                + "\n"
            )
        if prof.dedicated:
            best = min(rank for rank, *_ in prof.dedicated)
            out.append(f"## {self.labels.md('sections_on')}\n")
            for rank, item, hid, title in prof.dedicated:
                if rank == best:
                    where = item.place
                    if len(self.chapters) > 1:
                        where = f"{escape(item.section.chapter.config.number)} {where}"
                    out.append(
                        f"- [{escape(title)}]({rel(path, item.path)}#{hid})" + self.labels.md("in_brackets", text=where)
                    )
            out.append("")
        if len(self.chapters) == 1:
            out.append(self.chapter_part(prof, self.chapters[0].id, path, 2))
        elif not pages[0]:
            out.append(self.labels.md("no_mention") + "\n")
        elif len(pages) == 1:
            out += [self.chapter_heading(r) + self.chapter_part(prof, r.id, path, 3) for r in pages[0]]
        else:
            out.append(self.chapter_table(prof, path, pages))
        return Page(path, c.name, "\n".join(out) + "\n", search_boost=0.5)

    def split(self, prof: Profile) -> list[list[Chapter]]:
        """The chapters that speak of the country, cut into pages of at most
        PROFILE_LIMIT entries at chapter edges (a chapter is never cut); one
        page while it all fits on the profile itself."""
        pages: list[list[Chapter]] = [[]]
        size = 0
        for r in self.chapters:
            n = sum(self.counts(prof, r.id))
            if not n:
                continue
            if pages[-1] and size + n > PROFILE_LIMIT:
                pages.append([])
                size = 0
            pages[-1].append(r)
            size += n
        return pages

    def part_path(self, cid: str, chapters: list[Chapter]) -> str:
        first, last = chapters[0].id, chapters[-1].id
        slug = self.registry.entries[cid].slug
        return f"countries/{slug}/{first}.md" if first == last else f"countries/{slug}/{first}--{last}.md"

    @staticmethod
    def chapter_heading(ch: Chapter) -> str:
        cfg = ch.config
        return f"## {escape(cfg.number)}\u3000{escape(cfg.title)} {{ #{ch.id} }}\n\n"

    def chapter_table(self, prof: Profile, path: str, pages: list[list[Chapter]]) -> str:
        """One row a chapter, with its counts and a link to its part of the profile."""
        columns = self.count_columns()
        lb = self.labels
        out = [
            f"## {lb.md('by_chapter')}\n",
            f"| {lb.md('chapter')} | " + " | ".join(map(escape, columns)) + " |",
            "| --- |" + " ---: |" * len(columns),
        ]
        for chapters in pages:
            target = rel(path, self.part_path(prof.country.id, chapters))
            for r in chapters:
                n = self.counts(prof, r.id)
                cfg = r.config
                out.append(
                    f"| [{escape(cfg.number)}\u3000{escape(cfg.title)}]({target}#{r.id}) | "
                    + " | ".join(map(str, n))
                    + " |"
                )
        return "\n".join(out) + "\n"

    @staticmethod
    def part(prof: Profile, chapter: str) -> ChapterPart:
        return prof.parts.get(chapter) or ChapterPart()

    def counts(self, prof: Profile, chapter: str) -> list[int]:
        """Mentions, each figure kind's rows, events: what one chapter says of the country."""
        part = self.part(prof, chapter)
        events = [len(self.timeline.events_of(prof.country.id, chapter))] if self.timeline else []
        return [len(part.mentions), *self.figure_counts(part.figure_rows), *events]

    def part_page(self, prof: Profile, chapters: list[Chapter]) -> Page:
        c = prof.country
        path = self.part_path(c.id, chapters)
        first, last = chapters[0].config, chapters[-1].config
        span = first.number if first is last else f"{first.number}～{last.number}"
        title = f"{c.name}：{span}"
        out = [
            f"# {escape(title)}\n",
            self.labels.md(
                "part_lead", country=f"[{escape(c.name)}]({rel(path, self.path(c.id))})", chapters=escape(span)
            )
            + "\n",
        ]
        out += [self.chapter_heading(r) + self.chapter_part(prof, r.id, path, 3) for r in chapters]
        # out of the search index: its quotations are excluded, its tables are the figures' (indexed there)
        return Page(path, title, "\n".join(out) + "\n", search_exclude=True)

    def chapter_part(self, prof: Profile, chapter: str, path: str, level: int) -> str:
        """The figures' rows (visits, projects), the timeline's slice and the
        mentions: what one chapter says, under headings of the given level."""
        c = prof.country
        out: list[str] = []
        h, h2 = "#" * level, "#" * (level + 1)
        part = self.part(prof, chapter)
        mentions = part.mentions
        for kind in self.kinds:
            rows = part.figure_rows.get(kind.name)
            if rows:
                figure = self.labels.md("figure_number", num=escape(rows[0]["figure"]))
                out += [
                    f"{h} {escape(kind.rows.heading)}{self.labels.md('in_brackets', text=figure)}\n",
                    self.fold(kind.rows.table(rows), len(rows)),
                    "",
                ]
        if self.timeline:
            # one chapter: its slice is the whole timeline's, events added outside the chapter included
            events = self.timeline.events_of(c.id, chapter if len(self.chapters) > 1 else None)
            if events:
                # on the country's own page, its chip would link the page to itself
                out += [
                    f"{h} {self.labels.md('from_timeline')}\n",
                    self.fold(self.timeline.item_list(events, path, own=c.id), len(events)),
                ]
        out.append(f"{h} {self.labels.md('text_mentions', n=len(mentions))}\n")
        if not mentions:
            out.append(self.labels.md("figures_only") + "\n")
        groups: dict[Item, list[MentionRecord]] = {}
        for m in mentions:
            groups.setdefault(m.item, []).append(m)
        for item, ms in groups.items():
            out.append(f"\n{h2} {item.place}{self.labels.md('after_heading')}{escape(plain(item.title))}\n")
            out.append(self.fold(self.mention_list(ms, path), len(ms)) + "\n")
        return "\n".join(out)

    def fold(self, body: str, n: int) -> str:
        """A list of n entries as it is, or folded under its heading where it is long."""
        if n <= FOLD_AFTER:
            return body
        return render("fold.html", summary=self.labels.text("fold", n=n), body=safe(body))

    def mention_list(self, mentions: list[MentionRecord], path: str) -> str:
        """Mentions as a list: each the words around the name (the name marked), linked to its place."""
        lb = self.labels

        def to(m: MentionRecord, anchor: str) -> str:
            return page_url(rel(path, m.item.path)) + f"#{anchor}"

        entries = [
            {
                "pieces": [(kind, words, to(m, f"fn:{words}") if kind == "note" else None) for kind, words in m.pieces],
                "href": to(m, m.anchor),
                "label": (
                    lb.text("in_note", n=m.anchor[3:])
                    if m.anchor.startswith("fn:")
                    else lb.text("paragraph", n=m.anchor.rsplit("-", 1)[1])
                ),
                "counterpart": safe(self.others.link(path, m.item.path, m.anchor)),
            }
            for m in mentions
        ]
        return render("mentions.html", mentions=entries, no_search=safe(NO_SEARCH))

    def by_region(self) -> list[tuple[str, list[Profile]]]:
        """The profiles by the registry's regions, in its order; in each, the most mentioned first."""
        out = []
        for region in self.registry.regions:
            members = [p for p in self.profiles.values() if p.country.region == region]
            if members:
                out.append(
                    (members[0].country.region_name, sorted(members, key=lambda p: (-len(p.mentions), p.country.id)))
                )
        return out

    def nav(self) -> list[dict[str, Any]]:
        """The navigation's 国・機関: the index, then each region's profiles (titles as plain text)."""
        return [{self.labels.countries: "countries/index.md"}] + [
            {region: [{p.country.name: self.path(p.country.id)} for p in members]}
            for region, members in self.by_region()
        ]

    def index_page(self) -> Page:
        path = "countries/index.md"
        lb = self.labels
        out = [
            f"# {lb.md('countries')}\n",
            lb.md("countries_intro", figure_kinds=lb.md("and").join(escape(k.rows.heading) for k in self.kinds)) + "\n",
            self.chart(path),
            "",
        ]
        for region, members in self.by_region():
            out.append(f"## {escape(region)}\n")
            columns = self.count_columns()
            out.append(
                f"| {lb.md('name')} | {lb.md('other_name')} | "
                + " | ".join(map(escape, columns))
                + " |\n| --- | --- |"
                + " ---: |" * len(columns)
            )
            for p in members:
                c = p.country
                events = [len(self.timeline.events_of(c.id, None))] if self.timeline else []
                counts = [len(p.mentions), *self.figure_counts(p.figure_rows), *events]
                out.append(
                    f"| [{escape(c.name)}]({rel(path, self.path(c.id))}) | {self.other_name(c)} | "
                    + " | ".join(map(str, counts))
                    + " |"
                )
            out.append("")
        return Page(path, self.labels.countries, "\n".join(out) + "\n", search_boost=0.5)

    def chart(self, path: str) -> str:
        """Mentions and the figures' rows (visits, projects) per country, each row a link to its profile."""

        def parts(p: Profile) -> list[tuple[int, str]]:  # (count, CSS class) of each part of the bar, mentions first
            return [(len(p.mentions), "m")] + [
                (n, k.rows.chart_class) for n, k in zip(self.figure_counts(p.figure_rows), self.kinds)
            ]

        profiles = sorted(
            (p for p in self.profiles.values() if not p.country.is_org and sum(n for n, _ in parts(p)) > 0),
            key=lambda p: (-sum(n for n, _ in parts(p)), p.country.id),
        )
        lb = self.labels
        labels = [lb.mentions] + [k.rows.short for k in self.kinds]
        rows = [
            Row(
                p.country.name,
                page_url(rel(path, self.path(p.country.id))),
                parts(p),
                lb.text("list_dot").join(f"{label}{n}" for label, (n, _) in zip(labels, parts(p))),
            )
            for p in profiles
        ]
        key = [("m", self.labels.chart_mentions)] + [(k.rows.chart_class, k.rows.heading) for k in self.kinds]
        return bar_chart(lb.text("countries_chart", counts=lb.text("list_dot").join(labels)), rows, key)

    def pages(self) -> list[Page]:
        pages = [self.index_page()]
        for prof in self.profiles.values():
            parts = self.split(prof)
            pages.append(self.profile_page(prof, parts))
            if len(parts) > 1:
                pages += [self.part_page(prof, chapters) for chapters in parts]
        return pages

    def export(self) -> str:
        out = []
        for p in self.profiles.values():
            c = p.country
            out.append(
                {
                    "id": c.id,
                    "name_ja": c.name_ja,
                    "name_en": c.name_en,
                    "region": c.region,
                    "url": page_url(self.path(c.id)),
                    "members": c.members,
                    **{
                        k.rows.export_key: [k.rows.export(r) for r in p.figure_rows.get(k.name, [])] for k in self.kinds
                    },
                    "mentions": [{"url": f"{page_url(m.item.path)}#{m.anchor}", "text": m.excerpt} for m in p.mentions],
                }
            )
        return json_text(out, 1)
