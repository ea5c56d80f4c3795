"""The timeline page: events by year, country chips, kind, source link,
filters that work offline (a few lines of inline script), and an
events-per-year chart as inline SVG."""
from __future__ import annotations

import csv
import html
import io
import json

from ..dates import range_label
from ..render.inline import escape
from ..render.pages import Page, rel

# Events quote the chapter: keep them out of the search index, where they would
# only repeat the chapter's own pages (and triple the index).
NO_SEARCH = 'data-search-exclude="quotes"'

FILTER_SCRIPT = """<script>
(function () {
  var country = document.getElementById("hk-tl-country"), kind = document.getElementById("hk-tl-kind");
  var count = document.getElementById("hk-tl-count");
  function apply() {
    var c = country.value, k = kind.value, shown = 0;
    document.querySelectorAll(".hk-tl-event").forEach(function (li) {
      var ok = (!c || (" " + li.dataset.countries + " ").indexOf(" " + c + " ") >= 0) && (!k || li.dataset.kind === k);
      li.hidden = !ok;
      if (ok) shown++;
    });
    document.querySelectorAll(".hk-tl-year").forEach(function (sec) {
      sec.hidden = !sec.querySelector(".hk-tl-event:not([hidden])");
    });
    count.textContent = shown + "件";
  }
  country.addEventListener("change", apply);
  kind.addEventListener("change", apply);
  apply();
})();
</script>"""


def date_label(e) -> str:
    return range_label(e.date, e.end, e.precision == "fiscal_year")


class TimelinePage:
    def __init__(self, events, registry, kinds, profile_path):
        self.events = sorted((e for e in events if not e.hidden), key=lambda e: (e.date, e.id))
        self.registry = registry
        self.kinds = kinds
        self.profile_path = profile_path

    def item(self, e, page: str) -> str:
        """One event as a list item; its links are Markdown, so MkDocs resolves
        them for the online site and for the offline bundle alike."""
        esc = html.escape
        chips = " ".join(f"[{escape(self.registry.entries[c].name_ja)}]({rel(page, self.profile_path(c))})"
                         "{ .hk-chip }" for c in e.countries)
        source = rel(page, e.page) + (f"#{e.anchor}" if e.anchor else "")
        return (f'<li class="hk-tl-event" data-countries="{esc(" ".join(e.countries))}" data-kind="{esc(e.kind)}" '
                f'id="ev-{esc(e.id)}" markdown="span">'
                f'<time datetime="{esc(e.date)}">{esc(date_label(e))}</time> '
                f'<span class="hk-kind hk-kind-{esc(e.kind)}">{esc(self.kinds.labels.get(e.kind, e.kind))}</span> '
                f'{escape(e.title)} {chips} [出典]({source} "{esc(e.text)}")</li>')

    def chart(self) -> str:
        years: dict[int, int] = {}
        for e in self.events:
            years[int(e.date[:4])] = years.get(int(e.date[:4]), 0) + 1
        if not years:
            return ""
        lo, hi = min(years), max(years)
        w, h, bar = 640, 200, (640 - 40) / (hi - lo + 1)
        top = max(years.values())
        parts = []
        for i, y in enumerate(range(lo, hi + 1)):
            n = years.get(y, 0)
            bh = (h - 30) * n / top
            x = 30 + i * bar
            if n:
                parts.append(f'<rect x="{x:.1f}" y="{h - 20 - bh:.1f}" width="{bar * 0.8:.1f}" height="{bh:.1f}">'
                             f"<title>{y}年：{n}件</title></rect>")
                parts.append(f'<text x="{x + bar * 0.4:.1f}" y="{h - 23 - bh:.1f}" text-anchor="middle" '
                             f'class="hk-n">{n}</text>')
            if y % 5 == 0 or y == hi:
                parts.append(f'<text x="{x + bar * 0.4:.1f}" y="{h - 5}" text-anchor="middle">{y}</text>')
        desc = "、".join(f"{y}年 {n}件" for y, n in sorted(years.items()))
        return (f'<figure class="hk-chart" markdown="0"><svg role="img" aria-labelledby="hk-tl-chart-t hk-tl-chart-d" '
                f'viewBox="0 0 {w} {h}" width="100%"><title id="hk-tl-chart-t">年ごとの出来事の数</title>'
                f'<desc id="hk-tl-chart-d">{html.escape(desc)}</desc>' + "".join(parts) + "</svg></figure>")

    def filters(self) -> str:
        esc = html.escape
        used = sorted({c for e in self.events for c in e.countries},
                      key=lambda c: (self.registry.regions.index(self.registry.entries[c].region), c))
        countries = "".join(f'<option value="{esc(c)}">{esc(self.registry.entries[c].name_ja)}</option>' for c in used)
        kinds = sorted({e.kind for e in self.events}, key=lambda k: list(self.kinds.labels).index(k))
        kind_opts = "".join(f'<option value="{esc(k)}">{esc(self.kinds.labels[k])}</option>' for k in kinds)
        return ('<div class="hk-tl-filters" role="group" aria-label="年表の絞り込み">'
                f'<label>国・機関 <select id="hk-tl-country"><option value="">すべて</option>{countries}</select></label> '
                f'<label>種類 <select id="hk-tl-kind"><option value="">すべて</option>{kind_opts}</select></label> '
                f'<output id="hk-tl-count" aria-live="polite">{len(self.events)}件</output></div>')

    def page(self) -> Page:
        path = "timeline.md"
        out = ["# 年表\n",
               "本文の日付のある記述と、図表のデータ（ハイレベル訪問、能力構築支援事業）から作った年表。"
               "各項目の「出典」は、その記述の段落または図表へのリンク。\n",
               self.chart(), "", self.filters(), ""]
        by_year: dict[str, list] = {}
        for e in self.events:
            by_year.setdefault(e.date[:4], []).append(e)
        for year, evs in by_year.items():
            out.append(f'<section class="hk-tl-year" markdown="1">\n\n## {int(year)}年 {{ #y{year} }}\n')
            out.append(f'<ol class="hk-tl-list" markdown="1" {NO_SEARCH}>\n' + "\n".join(self.item(e, path) for e in evs)
                       + "\n</ol>\n\n</section>\n")
        out.append(FILTER_SCRIPT + "\n")
        return Page(path, "年表", "\n".join(out), search_boost=0.5)

    def slice_md(self, cid: str, page: str) -> str:
        evs = [e for e in self.events if cid in e.countries]
        if not evs:
            return ""
        return ("## 年表から\n\n" + f'<ol class="hk-tl-list" markdown="1" {NO_SEARCH}>\n'
                + "\n".join(self.item(e, page) for e in evs) + "\n</ol>\n")


def export_json(events) -> str:
    return json.dumps([e.as_dict() for e in sorted(events, key=lambda e: (e.date, e.id)) if not e.hidden],
                      ensure_ascii=False, indent=1)


def export_csv(events) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "date", "end", "precision", "title", "text", "countries", "kind", "url"])
    for e in sorted(events, key=lambda e: (e.date, e.id)):
        if not e.hidden:
            w.writerow([e.id, e.date, e.end, e.precision, e.title, e.text, " ".join(e.countries), e.kind, e.url])
    return buf.getvalue()
