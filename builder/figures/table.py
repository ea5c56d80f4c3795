"""A figure printed as a table whose first column groups the rows (Fig.
III-3-1-2): a header line naming the columns, the group names set vertically,
then for each row a short label (kept in its printed lines), a sentence or two, and a list
of points.

The text layer gives the cells in reading order, blank lines between most of
them; a label and the first line of its sentence can share a line, parted by
a space.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, TypedDict

from ..errors import InputError
from ..markup import render as render_template
from .printed_text import read as read_groups

if TYPE_CHECKING:
    from ..blocks.model import Figure
    from ..config import Layout
    from ..labels import Labels
    from .types import ChapterSettings, Spec

NAME = "table"
FORMAT = "format_table"  # the label (content/labels.yaml) that names its form in the list of figures


class TableRow(TypedDict):
    group: str  # the first column's group
    label: list[str]  # its printed lines
    meaning: str  # a sentence or two
    points: list[str]


def _is_label(line: str) -> bool:
    return len(line) <= 12 and not line.endswith("。") and not line.startswith("・")


def read(figure: Figure, spec: Spec, config: ChapterSettings, layout: Layout) -> dict[str, Any]:
    body = read_groups(figure)[1:]
    header = next((line.text for line in figure.lines if line.text.strip()), None)
    if header is None:
        raise InputError(
            config.raw,
            next(iter(figure.nos or figure.caption_nos), None),
            "the figure has no printed text; expected a header line naming its four columns",
        )
    # column names are parted by a space; the letter-spacing inside them is U+3000
    columns = [c.replace("\u3000", "") for c in header.split(" ") if c.strip()]
    if len(columns) != 4:
        raise InputError(config.raw, figure.nos[0], f"table header '{header}'; expected four column names")
    rows: list[TableRow] = []
    group: str | None = None
    row: TableRow | None = None
    for lines in body:
        if len(lines) == 1 and lines[0] in spec["groups"]:
            group = lines[0]
            continue
        if group is None:
            raise InputError(config.raw, figure.nos[0], f"table cell '{lines[0]}' before any of {spec['groups']}")
        rest = list(lines)
        if row is None or row["points"]:
            # a new row starts with its label
            label: list[str] = []
            while rest and _is_label(rest[0].split(" ")[0]):
                first, _, tail = rest.pop(0).partition(" ")
                label.append(first)
                if tail:
                    rest.insert(0, tail)
                    break
            if not label:
                raise InputError(config.raw, figure.nos[0], f"table row '{lines[0]}' has no label")
            row = {"group": group, "label": label, "meaning": "", "points": []}
            rows.append(row)
        if rest and not row["meaning"].endswith("。"):
            while rest and not row["meaning"].endswith("。"):
                row["meaning"] += rest.pop(0)
        if rest:
            points: list[str] = []
            for line in rest:
                if line.startswith("・") or not points:
                    points.append(line.lstrip("・"))
                else:
                    points[-1] += line
            row["points"] += points
    return {"columns": columns, "rows": rows}


def render(data: dict[str, Any], spec: Spec, labels: Labels) -> str:
    """A grouped table as HTML (the group cell spans its rows)."""
    spans: Counter[str] = Counter(r["group"] for r in data["rows"])
    rows, seen = [], set()
    for r in data["rows"]:
        rows.append((r, 0 if r["group"] in seen else spans[r["group"]]))
        seen.add(r["group"])
    return render_template("figure-table.html", columns=data["columns"], rows=rows)
