"""A figure whose text another edition's text layer scrambled beyond reading
(Fig. III-3-1-1 in the English edition: its labels interleaved letter by
letter): the page says so, shows the main edition's data of the same figure
with the edition's own names for what it names, and keeps the scrambled text,
as it came, in a fold. Nothing is read from the scrambled text and nothing is
translated: a country's name is the registry's (content/data/countries.yaml),
and each title of office is the spec's, which must be words of the edition's
own raw text (the build checks each one there).

    III-3-1-1:
      kind: counterpart
      titles: {防衛大臣: Minister of Defense, 統幕長: 'Chief of Staff, Joint Staff', …}

Only the visits kind's data is shown this way (a row a visit: country, title, month).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..markup import render as render_template
from ..markup import safe
from . import printed_text

if TYPE_CHECKING:
    from ..blocks.model import Figure
    from ..config import Layout
    from ..labels import Labels
    from .types import ChapterSettings, Spec

NAME = "counterpart"
FORMAT = "format_counterpart"  # the label (content/labels.yaml) that names its form in the list of figures
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def read(figure: Figure, spec: Spec, config: ChapterSettings, layout: Layout) -> dict[str, list[Any]]:
    doc = config.doc
    assert doc is not None, "a figure with settings has its chapter.yaml"
    theirs = (config.counterpart_figures or {}).get(figure.num)
    if theirs is None or theirs["kind"] != "visits":
        raise doc.error(
            ("figures", figure.num, "kind"),
            f"figure {figure.num} has no visits figure in the main edition's chapter to show; "
            "expected the kind the main edition reads it as",
            on_key=False,
        )
    raw = config.raw.read_text(encoding="utf-8")
    titles = spec["titles"]
    for post, title in titles.items():
        if title not in raw:
            raise doc.error(
                ("figures", figure.num, "titles", post),
                f"'{title}' is not in {config.raw.name}; expected a title of office as this edition's text writes it",
            )
    rows = []
    for v in theirs["data"]:
        if v["post"] not in titles:
            raise doc.error(
                ("figures", figure.num, "titles"),
                f"no English title for '{v['post']}'; expected one for each title the figure names",
                on_key=True,
            )
        rows.append(
            {"country": theirs["names"].get(v["country"], v["country"]), "title": titles[v["post"]], "date": v["date"]}
        )
    return {"rows": rows, "printed": [cell for group in printed_text.read(figure) for cell in group]}


def month(iso: str) -> str:
    year, m = iso.split("-")[:2]
    return f"{MONTHS[int(m) - 1]} {year}"


def render(data: dict[str, list[Any]], spec: Spec, labels: Labels) -> str:
    rows: list[tuple[str, str, str, str]] = []
    last = None
    for r in data["rows"]:
        # a country's name on its first row only
        rows.append(("" if r["country"] == last else r["country"], r["title"], r["date"], month(r["date"])))
        last = r["country"]
    return render_template(
        "figure-counterpart.html",
        unreadable=safe(labels.html("figure_unreadable")),
        why=spec.get("why", ""),
        from_counterpart=safe(labels.html("figure_from_counterpart")),
        rows=rows,
        as_printed=safe(labels.html("figure_as_printed")),
        printed=data["printed"],
    )
