"""The timeline page: events by year, each with its headline, the sentence it
comes from, its countries and its sources; filters by country, kind and years
that work offline and live in the URL (a few lines of inline script); and an
events-per-year chart whose rows jump to their year and count what the
filters show."""
from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass

from ..dates import range_label
from ..charts import Row, bar_chart
from ..export import json_text
from ..escape import escape
from ..page import Page, href, page_url, rel

# Events quote the chapter: keep them out of the search index, where they would
# only repeat the chapter's own pages (and triple the index).
NO_SEARCH = 'data-search-exclude="quotes"'

# The filters: country, kind and a range of years, combined; their state is
# the page's URL (#country=AUS&kind=meeting&from=2013&to=2015), so a view can
# be shared; the chart's bars count what the filters show. No library, no
# network: it runs the same from file:// in the offline bundle.
FILTER_SCRIPT = """<script>
(function () {
  var form = document.getElementById("hk-tl-filters");
  if (!form) return;
  var fields = ["country", "kind", "from", "to"], count = document.getElementById("hk-tl-count");
  function field(name) { return document.getElementById("hk-tl-" + name); }
  function read() {
    if (location.hash.indexOf("=") < 0) return;       // #y2014: a year's heading, not a view
    var params = new URLSearchParams(location.hash.slice(1));
    fields.forEach(function (f) {
      var v = params.get(f), el = field(f);
      if (v !== null && Array.prototype.some.call(el.options, function (o) { return o.value === v; })) el.value = v;
    });
  }
  function apply(write) {
    var c = field("country").value, k = field("kind").value;
    var from = field("from").value, to = field("to").value, shown = 0, years = {};
    if (from && to && from > to) { var t = from; from = to; to = t; }     // a range given backwards
    document.querySelectorAll(".hk-tl-event").forEach(function (li) {
      var y = li.dataset.year;
      var ok = (!c || (" " + li.dataset.countries + " ").indexOf(" " + c + " ") >= 0) && (!k || li.dataset.kind === k)
        && (!from || y >= from) && (!to || y <= to);
      li.hidden = !ok;
      if (ok) { shown++; years[y] = (years[y] || 0) + 1; }
    });
    document.querySelectorAll(".hk-tl-year").forEach(function (sec) {
      sec.hidden = !sec.querySelector(".hk-tl-event:not([hidden])");
    });
    var top = Math.max.apply(null, [1].concat(Object.keys(years).map(function (y) { return years[y]; })));
    document.querySelectorAll(".hk-bars-years li").forEach(function (row) {
      var n = years[row.dataset.year] || 0, bar = row.querySelector(".hk-bar > span");
      if (bar) bar.style.width = (100 * n / top).toFixed(2) + "%";
      row.querySelector(".hk-bar-n").firstChild.textContent = n;
      row.classList.toggle("hk-empty", !n);
    });
    count.textContent = count.dataset.words.replace("{n}", shown);
    if (write) {
      var params = new URLSearchParams();
      fields.forEach(function (f) { if (field(f).value) params.set(f, field(f).value); });
      var hash = params.toString();
      history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
    }
  }
  read();
  form.addEventListener("change", function () { apply(true); });
  window.addEventListener("hashchange", function () { read(); apply(false); });
  apply(false);
})();
</script>"""


def date_label(e) -> str:
    return range_label(e.date, e.end, e.precision == "fiscal_year")


class TimelinePage:
    def __init__(self, events, registry, kinds, labels, figure_kinds: list[str] = ()):
        self.events = sorted(events, key=lambda e: (e.date, e.id))
        self.figure_kinds = list(figure_kinds)     # the kinds of figure that gave events (ハイレベルの訪問…)
        self.registry = registry
        self.kinds = kinds
        self.labels = labels
        self._by_country: dict | None = None   # (country, chapter or None) -> events, built on first use

    def item(self, e, page: str, own: str | None = None) -> str:
        """One event as a list item, in HTML: its date, kind and headline, the
        sentence it comes from, who took part, and each source, linked (the
        links are the builder's own, builder/page.py, href; Python-Markdown has
        nothing to parse)."""
        esc = html.escape
        chips = "".join(f'<a class="hk-chip" href="{href(page, self.registry.entries[c].path)}">'
                        f"{esc(self.registry.entries[c].name_ja)}</a> " for c in e.countries if c != own)
        sources = " ".join(f'<a href="{href(page, s.page, s.anchor)}">{esc(self.source_label(s))}</a>'
                           for s in e.sources)
        return (f'<li class="hk-tl-event" data-countries="{esc(" ".join(e.countries))}" data-kind="{esc(e.kind)}" '
                f'data-year="{esc(e.date[:4])}" id="ev-{esc(e.id)}">'
                f'<p class="hk-tl-head"><time datetime="{esc(e.date)}">{esc(date_label(e))}</time> '
                f'<span class="hk-kind hk-kind-{esc(e.kind)}">{esc(self.kinds.labels.get(e.kind, e.kind))}</span> '
                f'<strong class="hk-tl-title">{esc(e.title)}</strong></p>'
                f'<p class="hk-tl-summary">{esc(e.text)}</p>'
                f'<p class="hk-tl-meta">{chips}<span class="hk-tl-sources">{esc(self.labels.source)}：{sources}</span></p>'
                "</li>")

    def source_label(self, s) -> str:
        """図表Ⅲ-3-1-1, or 本文（第1節4項 ¶45）: where a reader will land."""
        if s.figure:
            return self.labels.text("figure_number", num=s.figure)
        return f"{self.labels.text_source}（{s.where}）" if s.where else self.labels.text_source

    def chart(self, year_href) -> str:
        """Events a year, each row a link to that year's events (`year_href`: year -> URL)."""
        years: dict[int, int] = {}
        for e in self.events:
            years[int(e.date[:4])] = years.get(int(e.date[:4]), 0) + 1
        if not years:
            return ""
        rows = [Row(f"{y}年", year_href(y), [(n, "m")], self.labels.text("count", n=n), year=str(y))
                for y, n in sorted(years.items())]
        return bar_chart(self.labels.timeline_chart, rows, css="hk-bars-years")

    def filters(self, events) -> str:
        """Country, kind, and the years from and to: a form the script reads and writes."""
        esc = html.escape
        used = sorted({c for e in events for c in e.countries},
                      key=lambda c: (self.registry.regions.index(self.registry.entries[c].region), c))
        countries = "".join(f'<option value="{esc(c)}">{esc(self.registry.entries[c].name_ja)}</option>' for c in used)
        kinds = sorted({e.kind for e in events}, key=lambda k: list(self.kinds.labels).index(k))
        kind_opts = "".join(f'<option value="{esc(k)}">{esc(self.kinds.labels[k])}</option>' for k in kinds)
        years = sorted({e.date[:4] for e in events})
        year_opts = "".join(f'<option value="{y}">{int(y)}年</option>' for y in years)
        lb = self.labels
        every = f'<option value="">{esc(lb.all)}</option>'
        return ('<form id="hk-tl-filters" class="hk-tl-filters" role="group" '
                f'aria-label="{lb.html("timeline_filters")}">'
                f'<label>{esc(lb.countries)} <select id="hk-tl-country">{every}{countries}</select></label> '
                f'<label>{esc(lb.event_kind)} <select id="hk-tl-kind">{every}{kind_opts}</select></label> '
                f'<label>{esc(lb.year_from)} <select id="hk-tl-from">{every}{year_opts}</select></label> '
                f'<label>{esc(lb.year_to)} <select id="hk-tl-to">{every}{year_opts}</select></label> '
                f'<output id="hk-tl-count" aria-live="polite" data-words="{esc(lb.template("count"))}">'
                f'{lb.html("count", n=len(events))}</output></form>')

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
        period_of: dict[int, Period] = {}     # a year -> the first page that holds it
        for pd in periods:
            for k in pd.keys:
                period_of.setdefault(int(k[:4]), pd)
        chart = self.chart(lambda y: page_url(rel(index, period_of[y].path))
                           + ("" if period_of[y].months else f"#y{y}"))
        overview = [f"# {lb.md('timeline')}\n", self.intro() + lb.md("timeline_split") + "\n", chart, "",
                    "\n".join(rows), ""]
        pages = [Page(index, self.labels.timeline, "\n".join(overview), search_boost=0.5)]
        for pd in periods:
            back = f"[{lb.md('timeline_list')}]({rel(pd.path, index)}){lb.md('timeline_total', n=len(self.events))}"
            # by its dates alone under 年表 in the nav
            pages.append(self.period_page(pd.path, f"{self.labels.timeline}：{pd.label}", pd.events, back, by_month=pd.months,
                                          search_exclude=True, nav_title=pd.label))
        return pages

    def period_page(self, path: str, title: str, events: list, lead: str, chart: str = "", by_month: bool = False,
                    search_exclude: bool = False, nav_title: str | None = None) -> Page:
        """A page of events. A period's page is kept out of the search index:
        its items are (they quote the chapter), and so only its headings would be."""
        # the filters before the chart: on a phone the chart is a screen long, and it counts what they show
        out = [f"# {escape(title)}\n", lead + "\n", self.filters(events), "", chart, ""]
        groups: dict[str, list] = {}
        for e in events:
            groups.setdefault(month_key(e) if by_month else e.date[:4], []).append(e)
        for key, evs in groups.items():
            label = month_label(key) if by_month else f"{int(key)}年"
            out.append(f'<section class="hk-tl-year" markdown="1">\n\n## {label} {{ #y{key} }}\n')
            out.append(self.item_list(evs, path) + "\n</section>\n")
        out.append(FILTER_SCRIPT + "\n")
        return Page(path, title, "\n".join(out), search_boost=0.5, search_exclude=search_exclude, nav_title=nav_title)

    def events_of(self, cid: str, chapter: str | None) -> list:
        """A country's events in one chapter, or in all (chapter None)."""
        if self._by_country is None:
            self._by_country = {}
            for e in self.events:
                for c in e.countries:
                    self._by_country.setdefault((c, e.chapter), []).append(e)
                    self._by_country.setdefault((c, None), []).append(e)
        return self._by_country.get((cid, chapter), [])

    def slice_md(self, cid: str, page: str, chapter: str | None = None, h: str = "##") -> str:
        evs = self.events_of(cid, chapter)
        if not evs:
            return ""
        # on the country's own page, its chip would link the page to itself
        return f"{h} {self.labels.md('from_timeline')}\n\n" + self.item_list(evs, page, own=cid)

    def intro(self) -> str:
        """What the timeline is made from, and what its links are."""
        kinds = f"（{'、'.join(map(escape, self.figure_kinds))}）" if self.figure_kinds else ""
        return self.labels.md("timeline_intro", figure_kinds=kinds)

    def item_list(self, events: list, page: str, own: str | None = None) -> str:
        return (f'<ol class="hk-tl-list" {NO_SEARCH}>\n' + "\n".join(self.item(e, page, own) for e in events)
                + "\n</ol>\n")


# Events on one timeline page; a longer timeline is split into periods (years,
# or the months of a busy year) so that a page stays quick to build and to load.
PAGE_LIMIT = 400


def month_key(e) -> str:
    """'2014-05'; '2014-00' for an event dated by its year alone."""
    return e.date[:7] if len(e.date) >= 7 else e.date[:4] + "-00"


def month_label(key: str) -> str:
    month = int(key[5:7])
    return f"{int(key[:4])}年{month}月" if month else f"{int(key[:4])}年（月の記載なし）"


@dataclass
class Period:
    keys: list[str]               # years ('2014'), or months of one year ('2014-05', '2014-00')
    events: list
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


def split_periods(events: list, limit: int) -> list[Period]:
    """Cut the (sorted) events into pages of at most `limit` where it can be
    done at a year's edge, or else at a month's: whole years are put together
    while they fit, and a year too large for one page is cut by months (a
    month larger than the limit stays one page)."""
    years: dict[str, list] = {}
    for e in events:
        years.setdefault(e.date[:4], []).append(e)
    periods: list[Period] = []
    for year, evs in years.items():
        if len(evs) > limit:
            months: dict[str, list] = {}
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


def export_json(events) -> str:
    return json_text([e.as_dict() for e in sorted(events, key=lambda e: (e.date, e.id))], 1)


def export_csv(events) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "date", "end", "precision", "title", "text", "quote", "countries", "kind", "url", "sources"])
    for e in sorted(events, key=lambda e: (e.date, e.id)):
        d = e.as_dict()
        w.writerow([e.id, e.date, e.end, e.precision, e.title, e.text, e.quote, " ".join(e.countries), e.kind, e.url,
                    " ".join(d["sources"])])
    return buf.getvalue()
