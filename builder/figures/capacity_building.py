"""Fig. III-3-1-6, capacity-building projects: numbered boxes with
期間 (period), 対象 (recipient) and 派遣要員 (personnel), then the legend and
the map's labels (country names and project-number ranges)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ..dates import range_label, time_html, western_dot_range
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
    from .types import ChapterSettings, CountryRegistry, PageUrl, Row, Spec

NAME = "capacity_building"
FORMAT = "format_data"  # the label (content/labels.yaml) that names its form in the list of figures

NUM = re.compile(r"^(?P<n>[0-9０-９]{1,3})\u3000(?P<title>.+)$")
FIELD = re.compile(r"^(?P<key>期間|対象|派遣要員)：(?P<value>.*)$")
RANGE = re.compile(r"^(?P<a>\d+)(?:～(?P<b>\d+))?$")


def read(figure: Figure, spec: Spec, config: ChapterSettings, layout: Layout) -> dict[str, Any]:
    projects, legend, labels = _printed(figure, config.raw)
    for p in projects:
        _check(p, spec, config.raw)
    numbers = sorted(p["no"] for p in projects)
    if numbers != list(range(1, len(numbers) + 1)):
        raise InputError(config.raw, figure.nos[0], f"project numbers {numbers} are not 1 to {len(numbers)}")
    projects.sort(key=lambda p: p["no"])
    return {
        "projects": projects,
        "legend": legend,
        "map_labels": labels,
        "map_key": map_key(labels, projects, figure, config),
    }


def _printed(figure: Figure, raw: Path) -> tuple[list[Row], list[str], dict[str, list[str]]]:
    """The figure's lines read in order: the projects' boxes (a number and title, then its fields,
    each maybe wrapped), the legend, and the map's labels (country names and number ranges)."""
    projects: list[Row] = []
    legend: list[str] = []
    labels: dict[str, list[str]] = {"countries": [], "ranges": []}
    current: Row | None = None
    key: str | None = None
    section = "projects"
    for line in figure.lines:
        text = line.text.strip()
        if not text:
            continue
        if text == "【凡例】":
            section = "legend"
            continue
        if section == "legend":
            if text.startswith("\u3000") or line.text.startswith("\u3000") or "：" in text:
                legend.append(text.replace("\u3000", " ").strip())
                continue
            section = "map"
        if section == "map":
            for part in text.split(" "):
                (labels["ranges"] if RANGE.match(part) else labels["countries"]).append(part)
            continue
        m, f = NUM.match(text), FIELD.match(text)
        if m:
            current = {
                "no": int(unicodedata.normalize("NFKC", m.group("n"))),
                "title": m.group("title"),
                "period": "",
                "target": "",
                "personnel": "",
                "line": line.no,
            }
            projects.append(current)
            key = "title"
        elif f and current:
            key = {"期間": "period", "対象": "target", "派遣要員": "personnel"}[f.group("key")]
            current[key] = f.group("value")
        elif current and key:
            current[key] += text
        else:
            raise InputError(raw, line.no, f"'{text}' in the projects figure is not a project, a field or the legend")
    return projects, legend, labels


def _check(p: Row, spec: Spec, raw: Path) -> None:
    """A project's period, recipient and personnel, checked and read into start, end, recipient, people."""
    period = western_dot_range(p["period"])
    if period is None:
        raise InputError(
            raw,
            p["line"],
            f"project period '{p['period']}'; expected YYYY.M or "
            "YYYY.M ～ [YYYY.]M, a real month, ending after it starts",
        )
    p["start"], p["end"] = period
    p["recipient"] = next((c for c in spec["recipients"] if p["target"].startswith(c)), None)
    if p["recipient"] is None:
        raise InputError(raw, p["line"], f"recipient '{p['target']}' is not one of {spec['recipients']}")
    people = re.findall(r"([^\s、（）×]+)×(\d+)", p["personnel"])
    unknown = [k for k, _ in people if k not in spec["personnel"] and not k.endswith("官")]
    if unknown:
        raise InputError(raw, p["line"], f"personnel kind '{unknown[0]}' is not in the legend")
    p["people"] = {k: int(v) for k, v in people}


def map_key(
    labels: dict[str, list[str]], projects: list[Row], figure: Figure, config: ChapterSettings
) -> list[dict[str, Any]]:
    """The map prints its country names in one order and its project numbers
    in another, so the text layer loses which number stands by which country.
    The projects say it: every number of a label has one recipient. The key is
    the map's countries in the map's order, each with its labels."""
    by_country: dict[str, list[str]] = {c: [] for c in labels["countries"]}
    for label in labels["ranges"]:
        first, _, last = label.partition("～")
        nums = range(int(first), int(last or first) + 1)
        recipients = {projects[n - 1]["recipient"] for n in nums if 0 < n <= len(projects)}
        if len(recipients) != 1 or len(nums) == 0 or max(nums) > len(projects):
            raise InputError(
                config.raw,
                figure.nos[-1],
                f"map label {label} covers projects of {sorted(recipients) or 'no project'}; expected one country's",
            )
        (country,) = recipients
        if country not in by_country:
            raise InputError(
                config.raw,
                figure.nos[-1],
                f"map label {label} is {country}'s, but the map names only {', '.join(labels['countries'])}",
            )
        by_country[country].append(label)
    return [{"country": c, "labels": ls} for c, ls in by_country.items()]


# the editor's heads: a project's number and title are printed without one (１　車両整備技術に関する…),
# its 期間：, 対象：, 派遣要員： with theirs; the map's names and numbers are printed apart
HEADS_WHY = "原文のテキストでは事業の番号と名称に見出しがない。期間・対象・派遣要員は原文の見出し"
KEY = "地図上の表記"
KEY_WHY = (
    "原文のテキストでは地図上の国名と事業番号の範囲が別々に並ぶ。"
    "各範囲の事業の対象国から、国とその国の事業の番号を対応づけた"
)
KEY_HEADS = ["国", "事業番号"]


def render(data: dict[str, Any], spec: Spec, labels: Labels) -> str:
    heads, heads_said = supplied.heads(["No.", "事業"], HEADS_WHY, labels)
    rows = project_rows(data["projects"], anchored=True, heads=heads)
    legend = "、".join(f"{escape(k)}：{escape(v)}" for k, v in spec["personnel"].items())
    note = supplied.sentence(spec["note"], labels) if spec.get("note") else ""
    (heading, *key_heads), key_said = supplied.heads([KEY] + KEY_HEADS, KEY_WHY, labels)
    key = ["| " + " | ".join(key_heads) + " |", "| --- | --- |"] + [
        f"| {escape(k['country'])} | {'、'.join(escape(label) for label in k['labels'])} |" for k in data["map_key"]
    ]
    return (
        "\n".join(rows)
        + "\n\n"
        + f"**凡例**　{legend}。{note}\n\n"
        + f"**{heading}**\n\n"
        + "\n".join(key)
        + "\n\n"
        + supplied.note([heads_said, key_said])
    )


def anchor(p: Row) -> str:
    """A project's anchor on the figure's page, by its printed number."""
    return f"project-{p['no']}"


def events(
    ch: Chapter, num: str, fig: Figure, registry: CountryRegistry, page_url: PageUrl, alone: set[str] | None = None
) -> list[Event]:
    """A project is an event over its period, each one alone."""
    out = []
    data = cast("dict[str, Any]", fig.data)  # what read() made
    page = ch.figure_path(num)
    legend = ch.config.figures[num]["personnel"]
    for p in data["projects"]:
        c = registry.named_in_figure(p["recipient"], num, ch.config.raw, p["line"])
        end = p["end"] if p["end"] != p["start"] else ""
        # 陸×2 as the legend reads it: 陸上自衛官×2
        people = re.sub(r"([^\s、（）×]+)(?=×)", lambda m: legend.get(m.group(1), m.group(1)), p["personnel"])
        out.append(
            Event(
                page=page,
                chapter=ch.id,
                id=f"{ch.id}-capacity-building-{p['no']}",
                date=p["start"],
                precision="month",
                title=f"能力構築支援「{p['title']}」（{c.name_ja}）",
                end=end,
                text=f"図表{num} {p['no']}：{p['title']}。対象：{p['target']}。派遣要員：{p['personnel']}",
                summary=f"{range_label(p['start'], end)}、{p['target']}を対象に、能力構築支援事業「{p['title']}」を実施した"
                f"（派遣要員：{people}）。",
                place=p["recipient"],
                countries=[c.id],
                kind="capacity_building",
                url=page_url(page) + f"#{anchor(p)}",
                anchor=anchor(p),
                source="figure",
                lines=[p["line"]],
                sources=[Source(page, anchor(p), figure=num)],
            )
        )
    return [e for e in out if alone is None or e.id in alone]


def project_rows(projects: list[Row], anchored: bool = False, heads: Sequence[str] = ("No.", "事業")) -> list[str]:
    """The projects as table rows; on the figure's page each with its anchor (the timeline links to it),
    and its first two heads marked as the editor's."""
    rows = [f"| {' | '.join(heads)} | 期間 | 対象 | 派遣要員 |", "| ---: | --- | --- | --- | --- |"]
    for p in projects:
        period = time_html(p["start"], p["end"])
        no = render_template("anchored.html", id=anchor(p), words=str(p["no"])) if anchored else p["no"]
        rows.append(f"| {no} | {escape(p['title'])} | {period} | {escape(p['target'])} | {escape(p['personnel'])} |")
    return rows


PROFILE = ProfileRows(
    rows=lambda data: data["projects"],
    country=lambda p: p["recipient"],
    heading="能力構築支援事業",
    column="能力構築支援",
    short="支援",
    chart_class="p",
    table=lambda ps: "\n".join(project_rows(ps)),
    export_key="capacity_building",
    export=lambda p: {k: p[k] for k in ("no", "title", "start", "end", "target", "personnel")},
)
