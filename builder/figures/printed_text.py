"""A figure kept as its printed text: blocks of lines, as the figure groups
them. Characters set vertically (one a line) are joined back into a word. A
row of an extractor's Markdown table is its cells, one a line: the pipes, the
rule under the header and the empty cells it names Col3 leave nothing behind."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..markup import render as render_template
from ..markup import safe

if TYPE_CHECKING:
    from ..blocks.model import Figure
    from ..labels import Labels
    from .types import Spec

FORMAT = "format_printed"  # the label (content/labels.yaml) that names its form in the list of figures
PLACEHOLDER = re.compile(r"^(?:Col\d+|-+|:?-+:?)$")


def cells(text: str) -> list[str]:
    """A table row's cells with text in them."""
    return [c.strip() for c in text.strip().strip("|").split("|") if c.strip() and not PLACEHOLDER.match(c.strip())]


def read(figure: Figure) -> list[list[str]]:
    groups: list[list[str]] = []
    group: list[str] = []
    for line in list(figure.lines) + [None]:
        if line is None or line.blank or line.text.startswith("|"):
            if group:
                groups.append(_join_vertical(group))
            group = []
            if line is not None and line.text.startswith("|") and cells(line.text):
                groups.append(cells(line.text))
        else:
            group.append(line.text.replace("\u3000", " ").strip())
    return groups


def _join_vertical(lines: list[str]) -> list[str]:
    out, run = [], ""
    for t in [*lines, None]:
        if t is not None and len(t) == 1:
            run += t
            continue
        if run:
            out.append(run)
            run = ""
        if t is not None:
            out.append(t)
    return out


def render(groups: list[list[str]], spec: Spec, labels: Labels) -> str:
    return render_template("printed-text.html", groups=groups, as_printed=safe(labels.html("figure_as_printed")))
