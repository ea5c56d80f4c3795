"""Fig. III-3-1-1, high-level visits: country lines, then one line a post with
its dates as era year.month (平成: 26.9 = 2014-09). A post's dates can run on to the next
line, and the next country's name can end a post's line.

Each visit is a row of the timeline's data, with an anchor of its own on the
figure's page. On the timeline a post's visits in one month are one trip and
one event (content/README-events.md, Visits), its title of office written in
full, as the text writes it (`titles`: 政務官 → 防衛大臣政務官)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TypedDict, cast

from ..dates import era_dot, iso_label
from ..errors import InputError
from ..escape import escape
from ..markup import render as render_template
from ..timeline.event import Event, Source
from . import supplied
from .types import ProfileRows

if TYPE_CHECKING:
    from ..blocks.model import Figure
    from ..config import Layout
    from ..labels import Labels
    from ..structure.chapter import Chapter
    from .types import ChapterSettings, CountryRegistry, ErrorAt, PageUrl, Row, Spec

NAME = "visits"
FORMAT = "format_data"  # the label (content/labels.yaml) that names its form in the list of figures

DATE = r"\d{1,2}\.\d{1,2}"


def check(spec: Spec, layout: Layout, error: ErrorAt) -> None:
    if spec["era"] not in layout.eras:
        raise error("era", f"era '{spec['era']}' is not in layout.yaml's eras ({', '.join(layout.eras)})")
    for short in spec.get("titles", {}):
        if short not in spec["posts"]:
            raise error(
                "titles",
                f"'{short}' is not one of the posts ({', '.join(spec['posts'])}); "
                "expected a post as the figure prints it",
            )
    lo, hi = spec["period"]
    if lo > hi:
        raise error("period", f"period {lo} to {hi} ends before it starts; expected [first month, last month]")


class Visit(TypedDict):
    country: str  # as the figure prints it
    post: str  # as the figure prints it (政務官)
    printed: str  # its date as printed (26.9)
    date: str  # YYYY-MM
    line: int  # its raw line


def read(figure: Figure, spec: Spec, config: ChapterSettings, layout: Layout) -> list[Visit]:
    posts = "|".join(map(re.escape, spec["posts"]))
    post_re = re.compile(rf"^(?P<post>{posts})[\u3000 ]*(?P<dates>{DATE}(?:、{DATE})*、?)(?:[\u3000 ]+(?P<next>\S+))?$")
    more_re = re.compile(rf"^[\u3000 ]*(?P<dates>{DATE}(?:、{DATE})*、?)$")
    lo, hi = spec["period"]
    visits: list[Visit] = []
    country: str | None = None
    post: str | None = None
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
        assert country is not None and post is not None  # a post's dates follow its country
        for d in filter(None, dates.split("、")):
            iso = era_dot(d, layout.eras[spec["era"]])
            if iso is None or not (lo <= iso <= hi):
                raise InputError(
                    config.raw,
                    line.no,
                    f"visit date {d} ({iso or 'no such month'}) is outside the figure's period {lo} to {hi}",
                )
            visits.append({"country": country, "post": post, "printed": d, "date": iso, "line": line.no})
        if m and m.group("next"):
            country, post = m.group("next"), None
    return visits


def anchors(visits: list[Visit]) -> list[str]:
    """Each visit's anchor on the figure's page: its country and post as printed, its
    month, and its number among the same (陸幕長 went to オーストラリア twice in 2014-09)."""
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for v in visits:
        key = (v["country"], v["date"], v["post"])
        seen[key] = seen.get(key, 0) + 1
        out.append(f"visit-{v['country']}-{v['date']}-{v['post']}-{seen[key]}")
    return out


# the table's heads are the editor's: the figure's text has a country's name, then its posts with dates
HEADS = ["国", "訪問した者", "時期"]
HEADS_WHY = "原文のテキストには国名の行と肩書・日付の行だけがあり、表の見出しはない"


def render(visits: list[Visit], spec: Spec, labels: Labels) -> str:
    by_country: dict[str, dict[str, list[tuple[Visit, str]]]] = {}
    for v, anchor in zip(visits, anchors(visits)):
        by_country.setdefault(v["country"], {}).setdefault(v["post"], []).append((v, anchor))
    heads, said = supplied.heads(HEADS, HEADS_WHY, labels)
    rows = ["| " + " | ".join(heads) + " |", "| --- | --- | --- |"]
    for country, posts in by_country.items():
        first = True
        for post, vs in posts.items():
            when = "、".join(
                render_template("time.html", id=a, date=v["date"], label=iso_label(v["date"])) for v, a in vs
            )
            rows.append(f"| {escape(country) if first else ''} | {escape(post)} | {when} |")
            first = False
    # how the figure's dates read, with its last visit as the example
    era, last = spec["era"], visits[-1] if visits else None
    example = (
        f"（{last['printed']} は{era}{last['printed'].replace('.', '年')}月 = {iso_label(last['date'])}）"
        if last
        else ""
    )
    intro = f"{len(by_country)}か国・地域への訪問 {len(visits)} 件。原図の日付は{era}年.月{example}。"
    return supplied.sentence(intro, labels) + "\n\n" + "\n".join(rows) + "\n\n" + supplied.note([said])


def events(
    ch: Chapter, num: str, fig: Figure, registry: CountryRegistry, page_url: PageUrl, alone: set[str] | None = None
) -> list[Event]:
    """A visit is a row, for the chronology to merge (ids start with the chapter's,
    as the text's do); of the rows `alone` (those it does not merge), a post's
    visits in one month are one event, one trip."""
    rows: list[Event] = []
    names: dict[str, str] = {}  # an event's id -> its country's name
    seen: dict[str, int] = {}
    visits = cast("list[Visit]", fig.data)  # what read() made
    page = ch.figure_path(num)
    spec = ch.config.figures[num]
    titles = spec.get("titles", {})
    for v, anchor in zip(visits, anchors(visits)):
        c = registry.named_in_figure(v["country"], num, ch.config.raw, v["line"])
        key = f"{ch.id}-visit-{c.id}-{v['date']}-{v['post']}"
        seen[key] = seen.get(key, 0) + 1
        who = titles.get(v["post"], v["post"])
        rows.append(
            Event(
                page=page,
                chapter=ch.id,
                id=f"{key}-{seen[key]}",
                date=v["date"],
                precision="month",
                title=f"{who}が{c.name_ja}を訪問",
                text=f"図表{num}：{v['country']} {v['post']} {v['printed']}",
                summary=f"{iso_label(v['date'])}、{who}が{c.name_ja}を訪問した。",
                place=v["country"],
                era=f"{spec['era']}{v['printed'].split('.')[0]}年",
                countries=[c.id],
                kind="visit",
                url=page_url(page) + f"#{anchor}",
                anchor=anchor,
                source="figure",
                lines=[v["line"]],
                sources=[Source(page, anchor, figure=num)],
                group=f"visit|{v['date']}|{v['post']}",
            )
        )
        names[rows[-1].id] = c.name_ja
    if alone is None:
        return rows
    trips: dict[str, list[Event]] = {}
    for r in rows:
        if r.id in alone:
            trips.setdefault(r.group, []).append(r)
    return [t[0] if len(t) == 1 else trip(t, [names[r.id] for r in t], titles) for t in trips.values()]


def trip(rows: list[Event], names: list[str], titles: dict[str, str]) -> Event:
    """A post's visits in one month, one event: every country (twice if twice),
    each visit's row a source."""
    first, post = rows[0], rows[0].group.split("|")[2]
    who = titles.get(post, post)
    times = {name: names.count(name) for name in names}
    said = [f"{name}（{n}回）" if n > 1 else name for name, n in times.items()]
    listed = said[0] if len(said) == 1 else "、".join(said[:-1]) + "および" + said[-1]
    return Event(
        page=first.page,
        chapter=first.chapter,
        id=f"{first.chapter}-visit-{first.date}-{post}",
        date=first.date,
        precision="month",
        title=f"{who}が{'、'.join(said)}を訪問",
        text="\n".join(r.text for r in rows),
        summary=f"{iso_label(first.date)}、{who}が{listed}を訪問した。",
        place="、".join(dict.fromkeys(r.place for r in rows)),
        era=first.era,
        countries=list(dict.fromkeys(c for r in rows for c in r.countries)),
        kind="visit",
        url=first.url,
        anchor=first.anchor,
        source="figure",
        lines=[n for r in rows for n in r.lines],
        sources=[s for r in rows for s in r.sources],
        group=first.group,
    )


def profile_table(visits: list[Row]) -> str:
    rows = ["| 訪問した者 | 時期 |", "| --- | --- |"]
    rows += [
        f"| {escape(v['post'])} | {render_template('time.html', id='', date=v['date'], label=iso_label(v['date']))} |"
        for v in visits
    ]
    return "\n".join(rows)


PROFILE = ProfileRows(
    rows=lambda data: data,
    country=lambda v: v["country"],
    heading="ハイレベルの訪問",
    column="訪問",
    short="訪問",
    chart_class="v",
    table=profile_table,
    export_key="visits",
    export=lambda v: {"post": v["post"], "date": v["date"], "printed": v["printed"]},
)
