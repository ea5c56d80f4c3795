"""Figure pages: data figures as tables, the others as their printed text."""
from __future__ import annotations

import html
from collections import OrderedDict

from ..dates import iso_label, range_label
from .inline import escape


def visits_md(visits: list[dict]) -> str:
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
    n_countries = len(by_country)
    return (f"{n_countries}か国・地域への訪問 {len(visits)} 件。原図の日付は平成年.月（26.9 は平成26年9月 = 2014年9月）。\n\n"
            + "\n".join(rows) + "\n")


def capacity_md(data: dict, spec: dict) -> str:
    rows = ["| No. | 事業 | 期間 | 対象 | 派遣要員 |", "| ---: | --- | --- | --- | --- |"]
    for p in data["projects"]:
        period = range_label(p["start"], p["end"])
        rows.append(f"| {p['no']} | {escape(p['title'])} | {period} | {escape(p['target'])} | {escape(p['personnel'])} |")
    legend = "、".join(f"{escape(k)}：{escape(v)}" for k, v in spec["personnel"].items())
    labels = data["map_labels"]
    return ("\n".join(rows) + "\n\n"
            + f"**凡例**　{legend}。{escape(spec.get('note', ''))}\n\n"
            + "**地図上の表記**　国名："
            + "、".join(escape(c) for c in labels["countries"])
            + "。事業番号：" + "、".join(escape(r) for r in labels["ranges"]) + "。\n")


def printed_text_md(groups: list[list[str]]) -> str:
    cells = []
    for g in groups:
        inner = "<br>".join(html.escape(t) for t in g)
        cells.append(f'<div class="hk-figcell">{inner}</div>')
    return ('<div class="hk-figtext" markdown="0">\n' + "\n".join(cells) + "\n</div>\n\n"
            "<small>図の配置は再現していない。原図の文字を、図の中のまとまりごとに原文の順で示す。</small>\n")


def table_md(data: dict) -> str:
    """A grouped table as HTML (the group cell spans its rows)."""
    e = html.escape
    head = "".join(f"<th>{e(c)}</th>" for c in data["columns"])
    rows = []
    spans: dict = {}
    for r in data["rows"]:
        spans[r["group"]] = spans.get(r["group"], 0) + 1
    seen = set()
    for r in data["rows"]:
        cells = []
        if r["group"] not in seen:
            seen.add(r["group"])
            cells.append(f'<th rowspan="{spans[r["group"]]}">{e(r["group"])}</th>')
        cells.append(f"<td>{'<br>'.join(e(x) for x in r['label'])}</td>")
        cells.append(f"<td>{e(r['meaning'])}</td>")
        points = "".join(f"<li>{e(p)}</li>" for p in r["points"])
        cells.append(f"<td><ul>{points}</ul></td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<table class="hk-figtable">\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
            + "\n".join(rows) + "\n</tbody>\n</table>\n")
