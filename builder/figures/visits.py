"""Fig. III-3-1-1, high-level visits: country lines, then one line a post with
its dates as era year.month (平成: 26.9 = 2014-09). A post's dates can run on to the next
line, and the next country's name can end a post's line."""
from __future__ import annotations

import re

from collections import OrderedDict

from ..dates import era_dot, iso_label
from ..errors import InputError
from ..escape import escape
from ..timeline.event import Event, Source

NAME = "visits"
FORMAT = "format_data"      # the label (content/labels.yaml) that names its form in the list of figures

DATE = r"\d{1,2}\.\d{1,2}"


def check(spec, layout, error) -> None:
    if spec["era"] not in layout.eras:
        raise error("era", f"era '{spec['era']}' is not in layout.yaml's eras ({', '.join(layout.eras)})")
    lo, hi = spec["period"]
    if lo > hi:
        raise error("period", f"period {lo} to {hi} ends before it starts; expected [first month, last month]")


def read(figure, spec, config, layout) -> list[dict]:
    posts = "|".join(map(re.escape, spec["posts"]))
    post_re = re.compile(rf"^(?P<post>{posts})[\u3000 ]*(?P<dates>{DATE}(?:、{DATE})*、?)(?:[\u3000 ]+(?P<next>\S+))?$")
    more_re = re.compile(rf"^[\u3000 ]*(?P<dates>{DATE}(?:、{DATE})*、?)$")
    lo, hi = spec["period"]
    visits, country, post = [], None, None
    for line in figure.lines:
        text = line.text.strip()
        if not text:
            continue
        m, more = post_re.match(text), more_re.match(text)
        if m:
            if country is None:
                raise InputError(config.raw, line.no, f"visit '{text}' before any country name")
            post = m.group("post")
            dates = m.group("dates")
        elif more and post:
            dates = more.group("dates")
        else:
            country, post = text.replace("\u3000", ""), None
            continue
        for d in filter(None, dates.split("、")):
            iso = era_dot(d, layout.eras[spec["era"]])
            if iso is None or not (lo <= iso <= hi):
                raise InputError(config.raw, line.no,
                                 f"visit date {d} ({iso or 'no such month'}) is outside the figure's period {lo} to {hi}")
            visits.append({"country": country, "post": post, "printed": d, "date": iso, "line": line.no})
        if m and m.group("next"):
            country, post = m.group("next"), None
    return visits


def render(visits: list[dict], spec, labels=None) -> str:
    by_country: OrderedDict = OrderedDict()
    for v in visits:
        by_country.setdefault(v["country"], OrderedDict()).setdefault(v["post"], []).append(v)
    rows = ["| 国 | 訪問した者 | 時期 |", "| --- | --- | --- |"]
    for country, posts in by_country.items():
        first = True
        for post, vs in posts.items():
            when = "、".join(f'<time datetime="{v["date"]}">{iso_label(v["date"])}</time>' for v in vs)
            rows.append(f"| {escape(country) if first else ''} | {escape(post)} | {when} |")
            first = False
    # how the figure's dates read, with its last visit as the example
    era, last = escape(spec["era"]), visits[-1] if visits else None
    example = (f"（{last['printed']} は{era}{last['printed'].replace('.', '年')}月 = {iso_label(last['date'])}）"
               if last else "")
    return (f"{len(by_country)}か国・地域への訪問 {len(visits)} 件。原図の日付は{era}年.月{example}。\n\n"
            + "\n".join(rows) + "\n")


def events(ch, num, fig, registry, page_url) -> list[Event]:
    """A visit is an event; ids start with the chapter's, as the text's do."""
    out, seen = [], {}
    page = ch.figure_path(num)
    for v in fig.data:
        c = registry.named_in_figure(v["country"], num, ch.config.raw, v["line"])
        key = f"{ch.id}-visit-{c.id}-{v['date']}-{v['post']}"
        seen[key] = seen.get(key, 0) + 1
        out.append(Event(
            page=page, chapter=ch.id, id=f"{key}-{seen[key]}", date=v["date"], precision="month",
            title=f"{v['post']}が{c.name_ja}を訪問", text=f"図表{num}：{v['country']} {v['post']} {v['printed']}",
            countries=[c.id], kind="visit", url=page_url(page), source="figure", lines=[v["line"]],
            sources=[Source(page, figure=num)]))
    return out


def profile_table(visits: list[dict]) -> str:
    rows = ["| 訪問した者 | 時期 |", "| --- | --- |"]
    rows += [f"| {escape(v['post'])} | <time datetime=\"{v['date']}\">{iso_label(v['date'])}</time> |" for v in visits]
    return "\n".join(rows)


PROFILE = dict(rows=lambda data: data, country=lambda v: v["country"], heading="ハイレベルの訪問", column="訪問",
               short="訪問", chart_class="v", table=profile_table, export_key="visits",
               export=lambda v: {"post": v["post"], "date": v["date"], "printed": v["printed"]})
