"""A figure whose printed lines an editor arranges into tables and lists, in
chapter.yaml: for a diagram whose layout the text layer scrambles (a grid of
stages, an organization chart). Nothing is lost or invented: every printed
line of the figure is quoted exactly once, and a label the text layer lacks is
supplied, with where it comes from and the reason, and the page says so: the
printed figure has it (the text layer lost it), or the editor adds it to
explain, and then the page marks it as the editor's words."""

from __future__ import annotations

import html
from collections import Counter

from ..errors import InputError

NAME = "arranged"
FORMAT = "format_arranged"  # the label (content/labels.yaml) that names its form in the list of figures


def printed_lines(figure) -> list[tuple[str, int]]:
    """(text, raw line) of each printed line, ideographic spacing at its edges dropped."""
    return [(line.text.replace("\u3000", " ").strip(), line.no) for line in figure.lines if not line.blank]


def read(figure, spec, config, layout) -> dict:
    lines = printed_lines(figure)
    available = Counter(text for text, _ in lines)
    used: Counter = Counter()
    doc = config.doc

    pieces: dict[str, list[tuple[str, tuple]]] = {}  # a glued line -> its pieces, where they are quoted

    def quote(q, place):
        if isinstance(q, dict) and "supplied" in q:
            return {"text": q["supplied"], "supplied": q["why"], "from": q["from"]}
        if isinstance(q, dict):
            if not pieces.get(q["of"]):
                quote(q["of"], place)  # the whole line is used once, by its first piece
            pieces.setdefault(q["of"], []).append((q["piece"], place))
            return {"text": q["piece"]}
        if used[q] >= available[q]:
            what = "is not a printed line of" if not available[q] else "is quoted more often than it is printed in"
            raise doc.error(place, f"'{q}' {what} 図表{figure.num}; expected each printed line quoted once, whole")
        used[q] += 1
        return {"text": q}

    def cell(c, place):
        # entries (lists of quotes) are told apart by a break before each
        out = []
        for k, q in enumerate(c):
            if isinstance(q, list):
                out += [
                    dict(quote(x, place + (k, j)), **({"entry": True} if j == 0 and out else {}))
                    for j, x in enumerate(q)
                ]
            else:
                out.append(quote(q, place + (k,)))
        return out

    def item(it, place):
        if isinstance(it, dict):
            return {
                "cell": cell(it["cell"], place + ("cell",)),
                "items": [item(x, place + ("items", k)) for k, x in enumerate(it["items"])],
            }
        return {"cell": cell(it, place), "items": []}

    at = ("figures", figure.num, "parts")
    parts = []
    for i, part in enumerate(spec["parts"]):
        out = {}
        if "title" in part:
            out["title"] = cell(part["title"], at + (i, "title"))
        if "table" in part:
            t = part["table"]
            out["table"] = {
                "header": [cell(c, at + (i, "table", "header", k)) for k, c in enumerate(t["header"])],
                "rows": [
                    [cell(c, at + (i, "table", "rows", r, k)) for k, c in enumerate(row)]
                    for r, row in enumerate(t["rows"])
                ],
            }
        if "items" in part:
            out["items"] = [item(x, at + (i, "items", k)) for k, x in enumerate(part["items"])]
        parts.append(out)
    for line, parts_of in pieces.items():
        # the pieces, in the order they stand in the line, must make it up exactly
        ordered = sorted(parts_of, key=lambda p: line.find(p[0]))
        if "".join(p for p, _ in ordered).replace(" ", "") != line.replace(" ", ""):
            raise doc.error(
                parts_of[0][1],
                f"the pieces {[p for p, _ in parts_of]} do not make up the printed line "
                f"'{line}'; expected its parts, each once",
            )
    left = sum((available - used).values())
    if left:
        seen: Counter = Counter()
        for text, no in lines:
            seen[text] += 1
            if seen[text] > used[text]:  # the first printed line no quote took
                raise InputError(
                    config.raw,
                    no,
                    f"'{text}' of 図表{figure.num} is in no part of its arrangement "
                    f"in chapter.yaml ({left} line(s) left); expected every printed "
                    "line quoted",
                )
    # how its lines join into one text: Japanese runs on, English words keep a space (line_join)
    return {"parts": parts, "join": " " if layout.line_join == "words" else ""}


# A printed line that starts with one of these marks starts an entry of its
# own; any other line continues the one before it (print wrapped it there).
ENTRY_MARKS = "○●・★【①②③④⑤⑥⑦⑧⑨⑩"
WIDE_SPACE = "\u3000"


def _label(q: dict, labels) -> str:
    """A supplied label as the page shows it: the editor's own words marked as such."""
    text = html.escape(q["text"])
    return labels.html("editor_words", words=text) if q["from"] == "editor" else text


def _cell(c: list[dict], labels, between: str = "<br>", join: str = "") -> str:
    """A cell's quotes as one text: `between` before each entry after the first
    (a line break in a table; a wide space in a list item, a milestone and its year),
    `join` between the lines of one entry."""
    out = []
    for q in c:
        text = (
            f'<span class="hk-supplied" title="{html.escape(q["supplied"])}">{_label(q, labels)}</span>'
            if "supplied" in q
            else html.escape(q["text"])
        )
        if out and q.get("entry"):
            out.append(between)
        elif out and q["text"][:1] in ENTRY_MARKS:
            out.append("<br>")
        elif out:
            out.append(join)
        out.append(text)
    return "".join(out)


def _items(items: list[dict], labels, join: str = "") -> str:
    return (
        "<ul>"
        + "".join(
            f"<li>{_cell(it['cell'], labels, WIDE_SPACE, join)}"
            f"{_items(it['items'], labels, join) if it['items'] else ''}</li>"
            for it in items
        )
        + "</ul>"
    )


def supplied(data: dict) -> list[dict]:
    out = []

    def walk(x):
        if isinstance(x, dict):
            if "supplied" in x:
                out.append(x)
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(data)
    return out


def render(data: dict, spec: dict, labels) -> str:
    out = ['<div class="hk-arranged" markdown="0">']
    j = data.get("join", "")
    for part in data["parts"]:
        if "title" in part:
            out.append(f"<h2>{_cell(part['title'], labels, join=j)}</h2>")
        if "table" in part:
            t = part["table"]
            head = "".join(f'<th scope="col">{_cell(c, labels, join=j)}</th>' for c in t["header"])
            rows = "".join(
                "<tr>"
                + "".join(
                    (
                        f'<th scope="row">{_cell(c, labels, join=j)}</th>'
                        if k == 0
                        else f"<td>{_cell(c, labels, join=j)}</td>"
                    )
                    for k, c in enumerate(row)
                )
                + "</tr>"
                for row in t["rows"]
            )
            out.append(f'<table class="hk-figtable"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')
        if "items" in part:
            out.append(_items(part["items"], labels, j))
    out.append("</div>\n")
    notes = supplied(data)
    if notes:
        # where each supplied label comes from: the printed figure, or the editor
        out.append(
            "<small>"
            + "　".join(
                labels.html(f"supplied_{n['from']}", label=_label(n, labels), why=html.escape(n["supplied"]))
                for n in notes
            )
            + "</small>\n"
        )
    if spec.get("note"):
        out.append(f"<small>{html.escape(spec['note'])}</small>\n")
    return "\n".join(out)
