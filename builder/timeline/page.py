"""The timeline page: events by year, each with its headline, its summary,
its countries and its sources; filters by country (grouped by region, found
as one types), kind and years that work offline and live in the URL
(overrides/assets/javascripts/timeline.js); and an events-per-year chart whose
rows jump to their year and count what the filters show. Its data, in three
files: timeline.json, timeline.csv and timeline.timelinejs.json (TimelineJS3)."""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from markupsafe import Markup

from ..charts import Row, bar_chart
from ..counterparts import NONE, Counterparts
from ..dates import range_label
from ..escape import escape
from ..export import json_text
from ..markup import render, safe
from ..page import Page, href, page_url, rel
from .event import EXPORTED, Event, Source

if TYPE_CHECKING:
    from ..labels import Labels
    from .kinds import Kinds

# Events quote the chapter: keep them out of the search index, where they would
# only repeat the chapter's own pages (and triple the index).
NO_SEARCH = 'data-search-exclude="quotes"'

# The filters' script: country, kind and a range of years, combined; their
# state is the page's URL (#country=AUS&kind=meeting&from=2013&to=2015), so a
# view can be shared. No library, no network: it runs the same from file://.
SCRIPT = "assets/javascripts/timeline.js"
DATA = {"json": "data/timeline.json", "csv": "data/timeline.csv", "timelinejs": "data/timeline.timelinejs.json"}


class Country(Protocol):
    """A registry entry as the timeline reads it (builder/countries/registry.py: Country; the
    countries' profiles import the timeline, so it is named by its shape)."""

    @property
    def id(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def name_ja(self) -> str: ...
    @property
    def name_en(self) -> str: ...
    @property
    def kana(self) -> str: ...
    @property
    def names(self) -> list[str]: ...
    @property
    def region(self) -> str: ...


class Registry(Protocol):
    @property
    def regions(self) -> list[str]: ...
    @property
    def entries(self) -> Mapping[str, Country]: ...


def date_label(e: Event) -> str:
    return range_label(e.date, e.end, e.precision == "fiscal_year")


@dataclass
class EventItem:
    """An event as its list item shows it."""

    event: Event
    when: str  # its date as the page writes it (date_label)
    kind: str  # its kind's label
    chips: list[tuple[str, str]]  # (href, name) of each country that took part
    sources: list[tuple[str, str, Markup]]  # (href, label, link to the counterpart) of each source


class TimelinePage:
    def __init__(
        self,
        events: list[Event],
        registry: Registry,
        kinds: Kinds,
        labels: Labels,
        figure_kinds: Sequence[str] = (),
        others: Counterparts = NONE,
    ):
        self.events = sorted(events, key=lambda e: e.sort_key)
        self.others = others  # each source paragraph's counterpart in the other editions
        self.figure_kinds = list(figure_kinds)  # the kinds of figure that gave events (ハイレベルの訪問…)
        self.registry = registry
        self.kinds = kinds
        self.labels = labels
        self._by_country: dict[tuple[str, str | None], list[Event]] | None = (
            None  # (country, chapter or None) -> events, built on first use
        )

    def item(self, e: Event, page: str, own: str | None = None) -> EventItem:
        """What one event's list item shows (builder/templates/timeline-events.html): its date,
        kind, the countries that took part but `own` (a profile's), and each source, linked."""
        chips = [
            (href(page, self.registry.entries[c].path), self.registry.entries[c].name_ja)
            for c in e.countries
            if c != own
        ]
        sources = [
            (href(page, s.page, s.anchor), self.source_label(s), safe(self.others.link(page, s.page, s.anchor)))
            for s in e.sources
        ]
        kind: str = self.kinds.labels.get(e.kind, e.kind)
        return EventItem(e, date_label(e), kind, chips, sources)

    def source_label(self, s: Source) -> str:
        """図表Ⅲ-3-1-1, or 本文（第1節4項 ¶45）: where a reader will land."""
        if s.figure:
            return self.labels.text("figure_number", num=s.figure)
        where = f"{s.where} {self.labels.text('note', n=s.note)}" if s.note else s.where
        return f"{self.labels.text_source}（{where}）" if where else self.labels.text_source

    def chart(self, year_href: Callable[[int], str]) -> str:
        """Events a year, each row a link to that year's events (`year_href`: year -> URL)."""
        years: dict[int, int] = {}
        for e in self.events:
            years[int(e.date[:4])] = years.get(int(e.date[:4]), 0) + 1
        if not years:
            return ""
        rows = [
            Row(f"{y}年", year_href(y), [(n, "m")], self.labels.text("count", n=n), year=str(y))
            for y, n in sorted(years.items())
        ]
        # on a phone the script folds it, so that the first result is on the first screen
        chart = bar_chart(self.labels.timeline_chart, rows, css="hk-bars-years")
        return render("timeline-chart.html", title=self.labels.timeline_chart, chart=safe(chart))

    def filters(self, events: list[Event]) -> str:
        """Country (by region, and a box that finds one as one types, in kana or
        kanji), kind, and the years from and to: a form the script reads and writes."""
        used = {c for e in events for c in e.countries}
        order = list(self.registry.entries)
        groups = []
        for region in self.registry.regions:
            members = sorted((c for c in used if self.registry.entries[c].region == region), key=order.index)
            if members:
                groups.append((region, [(c, self.find_words(c), self.registry.entries[c].name_ja) for c in members]))
        kinds = sorted({e.kind for e in events}, key=list(self.kinds.labels).index)
        lb = self.labels
        return render(
            "timeline-filters.html",
            labels=lb,
            aria_label=safe(lb.html("timeline_filters")),
            groups=groups,
            kinds=[(k, self.kinds.labels[k]) for k in kinds],
            years=sorted({e.date[:4] for e in events}),
            count_words=lb.template("count"),
            count=safe(lb.html("count", n=len(events))),
        )

    def find_words(self, cid: str) -> str:
        """What the country box matches: its names, their reading, its English name and id."""
        c = self.registry.entries[cid]
        return " ".join(dict.fromkeys([c.name_ja, *c.names, c.kana, c.name_en, c.id]))

    def pages(self) -> list[Page]:
        """One page while the events fit; past PAGE_LIMIT, an overview and a
        page per period, so that no page grows with the corpus."""
        periods = split_periods(self.events, PAGE_LIMIT)
        if len(periods) <= 1:
            chart = self.chart(lambda y: f"#y{y}")
            return [self.period_page("timeline.md", self.labels.timeline, self.events, self.intro(), chart=chart)]
        index = "timeline/index.md"
        lb = self.labels
        rows = [f"| {lb.md('period')} | {lb.md('events')} |", "| --- | ---: |"]
        rows += [f"| [{escape(pd.label)}]({rel(index, pd.path)}) | {len(pd.events)} |" for pd in periods]
        period_of: dict[int, Period] = {}  # a year -> the first page that holds it
        for pd in periods:
            for k in pd.keys:
                period_of.setdefault(int(k[:4]), pd)
        chart = self.chart(
            lambda y: page_url(rel(index, period_of[y].path)) + ("" if period_of[y].months else f"#y{y}")
        )
        overview = [
            f"# {lb.md('timeline')}\n",
            self.intro() + lb.md("timeline_split") + "\n",
            chart,
            "",
            "\n".join(rows),
            "",
        ]
        pages = [Page(index, self.labels.timeline, "\n".join(overview), search_boost=0.5)]
        for pd in periods:
            back = f"[{lb.md('timeline_list')}]({rel(pd.path, index)}){lb.md('timeline_total', n=len(self.events))}"
            # by its dates alone under 年表 in the nav
            pages.append(
                self.period_page(
                    pd.path,
                    f"{self.labels.timeline}：{pd.label}",
                    pd.events,
                    back,
                    by_month=pd.months,
                    search_exclude=True,
                    nav_title=pd.label,
                )
            )
        return pages

    def period_page(
        self,
        path: str,
        title: str,
        events: list[Event],
        lead: str,
        chart: str = "",
        by_month: bool = False,
        search_exclude: bool = False,
        nav_title: str | None = None,
    ) -> Page:
        """A page of events. A period's page is kept out of the search index:
        its items are (they quote the chapter), and so only its headings would be."""
        groups: dict[str, list[Event]] = {}
        for e in events:
            groups.setdefault(month_key(e) if by_month else e.date[:4], []).append(e)
        sections = [
            (month_label(key) if by_month else f"{int(key)}年", key, safe(self.item_list(evs, path)))
            for key, evs in groups.items()
        ]
        body = render(
            "timeline-period.md",
            title=safe(escape(title)),
            lead=safe(lead),
            exports=safe(self.exports(path)),
            filters=safe(self.filters(events)),
            chart=safe(chart),
            groups=sections,
            script=rel(path, SCRIPT),
        )
        return Page(path, title, body, search_boost=0.5, search_exclude=search_exclude, nav_title=nav_title)

    def exports(self, path: str) -> str:
        """The links to the timeline's data, from the page at `path`."""
        links = "、".join(
            f"[{name}]({rel(path, DATA[key])})"
            for key, name in (("json", "JSON"), ("csv", "CSV"), ("timelinejs", "TimelineJS"))
        )
        return f"{self.labels.md('timeline_data')}：{links}"

    def data_files(self) -> dict[str, str]:
        return {
            DATA["json"]: export_json(self.events),
            DATA["csv"]: export_csv(self.events),
            DATA["timelinejs"]: export_timelinejs(self.events, self.labels, self.kinds),
        }

    def events_of(self, cid: str, chapter: str | None) -> list[Event]:
        """A country's events in one chapter, or in all (chapter None)."""
        if self._by_country is None:
            self._by_country = {}
            for e in self.events:
                for c in e.countries:
                    self._by_country.setdefault((c, e.chapter), []).append(e)
                    self._by_country.setdefault((c, None), []).append(e)
        return self._by_country.get((cid, chapter), [])

    def intro(self) -> str:
        """What the timeline is made from, and what its links are."""
        kinds = f"（{'、'.join(map(escape, self.figure_kinds))}）" if self.figure_kinds else ""
        return self.labels.md("timeline_intro", figure_kinds=kinds)

    def item_list(self, events: list[Event], page: str, own: str | None = None) -> str:
        items = [self.item(e, page, own) for e in events]
        return render("timeline-events.html", events=items, source=self.labels.source, no_search=safe(NO_SEARCH))


# Events on one timeline page; a longer timeline is split into periods (years,
# or the months of a busy year) so that a page stays quick to build and to load.
PAGE_LIMIT = 400


def month_key(e: Event) -> str:
    """'2014-05'; '2014-00' for an event dated by its year alone."""
    return e.date[:7] if len(e.date) >= 7 else e.date[:4] + "-00"


def month_label(key: str) -> str:
    month = int(key[5:7])
    return f"{int(key[:4])}年{month}月" if month else f"{int(key[:4])}年（月の記載なし）"


@dataclass
class Period:
    keys: list[str]  # years ('2014'), or months of one year ('2014-05', '2014-00')
    events: list[Event]
    months: bool = False

    @property
    def label(self) -> str:
        first, last = self.keys[0], self.keys[-1]
        if first == last:
            return month_label(first) if self.months else f"{int(first)}年"
        if not self.months:
            return f"{int(first)}–{int(last)}年"
        named = [int(k[5:]) for k in self.keys if not k.endswith("-00")]
        span = f"{named[0]}月" if len(named) == 1 else f"{named[0]}–{named[-1]}月"
        return f"{int(first[:4])}年{span}" + ("（月の記載なしを含む）" if first.endswith("-00") else "")

    @property
    def path(self) -> str:
        first, last = self.keys[0], self.keys[-1]
        if first == last:
            return f"timeline/{first}.md"
        return f"timeline/{first}--{last[5:] if self.months else last}.md"


def split_periods(events: list[Event], limit: int) -> list[Period]:
    """Cut the (sorted) events into pages of at most `limit` where it can be
    done at a year's edge, or else at a month's: whole years are put together
    while they fit, and a year too large for one page is cut by months (a
    month larger than the limit stays one page)."""
    years: dict[str, list[Event]] = {}
    for e in events:
        years.setdefault(e.date[:4], []).append(e)
    periods: list[Period] = []
    for year, evs in years.items():
        if len(evs) > limit:
            months: dict[str, list[Event]] = {}
            for e in evs:
                months.setdefault(month_key(e), []).append(e)
            periods += [Period([k], v, months=True) for k, v in months.items()]
        else:
            periods.append(Period([year], evs))
    out: list[Period] = []
    for pd in periods:
        last = out[-1] if out else None
        if last and joinable(last, pd) and len(last.events) + len(pd.events) <= limit:
            last.keys.append(pd.keys[0])
            last.events += pd.events
        else:
            out.append(pd)
    return out


def joinable(a: Period, b: Period) -> bool:
    """Years join years; months join the months of their own year."""
    return a.months == b.months and (not a.months or a.keys[0][:4] == b.keys[0][:4])


def export_json(events: list[Event]) -> str:
    return json_text([e.as_dict() for e in sorted(events, key=lambda e: e.sort_key)], 1)


def export_csv(events: list[Event]) -> str:
    """The fields of the JSON, in its order; a list's items joined by spaces."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(EXPORTED)
    for e in sorted(events, key=lambda e: e.sort_key):
        values = [e.as_dict()[k] for k in EXPORTED]
        w.writerow([" ".join(v) if isinstance(v, list) else v for v in values])
    return buf.getvalue()


def tl_date(iso: str) -> dict[str, int]:
    parts = iso.split("-")
    return {k: int(v) for k, v in zip(("year", "month", "day"), parts)}


def export_timelinejs(events: list[Event], labels: Labels, kinds: Kinds) -> str:
    """The events in TimelineJS3's JSON format (a slide each), its text escaped:
    TimelineJS shows it as HTML. Links are relative to the site's root."""
    esc = html.escape
    slides = []
    for e in sorted(events, key=lambda e: e.sort_key):
        start = tl_date(e.date)
        end = tl_date(e.end) if e.end else None
        if e.precision == "fiscal_year":  # 2014年度: April 2014 to March 2015
            start, end = {"year": start["year"], "month": 4}, {"year": start["year"] + 1, "month": 3}
        links = [
            (
                page_url(s.page) + ("#" + s.anchor if s.anchor else ""),
                (s.figure and labels.figures + s.figure) or labels.text_source,
            )
            for s in e.sources
        ]
        text = render("timelinejs-text.html", summary=e.summary or e.text, source=labels.source, links=links)
        slide = {
            "unique_id": e.id,
            "start_date": start,
            "display_date": date_label(e) + (f"（{e.era}）" if e.era else ""),
            "text": {
                "headline": esc(e.title),
                "text": text,
            },
            "group": kinds.labels.get(e.kind, e.kind),
        }
        if end:
            slide["end_date"] = end
        slides.append(slide)
    doc = {"title": {"text": {"headline": esc(labels.timeline), "text": ""}}, "events": slides}
    return json_text(doc, 2)  # a slide a line
