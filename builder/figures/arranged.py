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
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Required, TypedDict, cast

from ..errors import InputError
from ..markup import render as render_template
from ..markup import safe

if TYPE_CHECKING:
    from pathlib import Path

    from markupsafe import Markup

    from ..blocks.model import Figure
    from ..config import Layout
    from ..inputs.yamldoc import Doc
    from ..labels import Labels
    from .types import ChapterSettings, Spec


NAME = "arranged"
FORMAT = "format_arranged"  # the label (content/labels.yaml) that names its form in the list of figures
BREAK = "\n"  # a line break before a quote (the template writes <br>): between a table cell's entries

Place = tuple[str | int, ...]  # a place in chapter.yaml: keys and list indices, outermost first
# a printed line quoted, or a label supplied (its words, why, and from the printed figure or the editor)
Quote = TypedDict("Quote", {"text": Required[str], "supplied": str, "from": str, "entry": bool}, total=False)


def printed_lines(figure: Figure) -> list[tuple[str, int]]:
    """(text, raw line) of each printed line, ideographic spacing at its edges dropped."""
    return [(line.text.replace("\u3000", " ").strip(), line.no) for line in figure.lines if not line.blank]


class _Quotes:
    """The printed lines an arrangement quotes, each once and whole; a line the text layer glued
    from several labels may be quoted in pieces, which together must make it up exactly."""

    def __init__(self, figure: Figure, doc: Doc, lines: list[tuple[str, int]]):
        self.figure = figure
        self.doc = doc
        self.lines = lines
        self.available = Counter(text for text, _ in lines)
        self.used: Counter[str] = Counter()
        self.pieces: dict[str, list[tuple[str, Place]]] = {}  # a glued line -> its pieces, where they are quoted

    def quote(self, q: Any, place: Place) -> Quote:
        if isinstance(q, dict) and "supplied" in q:
            return {"text": q["supplied"], "supplied": q["why"], "from": q["from"]}
        if isinstance(q, dict):
            if not self.pieces.get(q["of"]):
                self.quote(q["of"], place)  # the whole line is used once, by its first piece
            self.pieces.setdefault(q["of"], []).append((q["piece"], place))
            return {"text": q["piece"]}
        if self.used[q] >= self.available[q]:
            what = "is not a printed line of" if not self.available[q] else "is quoted more often than it is printed in"
            raise self.doc.error(
                place, f"'{q}' {what} 図表{self.figure.num}; expected each printed line quoted once, whole"
            )
        self.used[q] += 1
        return {"text": q}

    def cell(self, c: list[Any], place: Place) -> list[Quote]:
        # entries (lists of quotes) are told apart by a break before each
        out: list[Quote] = []
        for k, q in enumerate(c):
            if isinstance(q, list):
                entry = [self.quote(x, (*place, k, j)) for j, x in enumerate(q)]
                if entry and out:
                    entry[0] = {**entry[0], "entry": True}
                out += entry
            else:
                out.append(self.quote(q, (*place, k)))
        return out

    def item(self, it: Any, place: Place) -> dict[str, Any]:
        if isinstance(it, dict):
            return {
                "cell": self.cell(it["cell"], (*place, "cell")),
                "items": [self.item(x, (*place, "items", k)) for k, x in enumerate(it["items"])],
            }
        return {"cell": self.cell(it, place), "items": []}

    def part(self, part: dict[str, Any], at: Place) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if "title" in part:
            out["title"] = self.cell(part["title"], (*at, "title"))
        if "table" in part:
            t = part["table"]
            out["table"] = {
                "header": [self.cell(c, (*at, "table", "header", k)) for k, c in enumerate(t["header"])],
                "rows": [
                    [self.cell(c, (*at, "table", "rows", r, k)) for k, c in enumerate(row)]
                    for r, row in enumerate(t["rows"])
                ],
            }
        if "items" in part:
            out["items"] = [self.item(x, (*at, "items", k)) for k, x in enumerate(part["items"])]
        return out

    def check_pieces(self) -> None:
        """The pieces of a glued line, in the order they stand in it, make it up exactly."""
        for line, parts_of in self.pieces.items():
            ordered = sorted(parts_of, key=lambda p: line.find(p[0]))
            if "".join(p for p, _ in ordered).replace(" ", "") != line.replace(" ", ""):
                raise self.doc.error(
                    parts_of[0][1],
                    f"the pieces {[p for p, _ in parts_of]} do not make up the printed line "
                    f"'{line}'; expected its parts, each once",
                )

    def check_all_quoted(self, raw: Path) -> None:
        """Every printed line is quoted: the first one no quote took is named, by its raw line."""
        left = sum((self.available - self.used).values())
        if not left:
            return
        seen: Counter[str] = Counter()
        for text, no in self.lines:
            seen[text] += 1
            if seen[text] > self.used[text]:
                raise InputError(
                    raw,
                    no,
                    f"'{text}' of 図表{self.figure.num} is in no part of its arrangement "
                    f"in chapter.yaml ({left} line(s) left); expected every printed "
                    "line quoted",
                )


def read(figure: Figure, spec: Spec, config: ChapterSettings, layout: Layout) -> dict[str, Any]:
    assert config.doc is not None, "an arranged figure is read from chapter.yaml"
    quotes = _Quotes(figure, config.doc, printed_lines(figure))
    at: Place = ("figures", figure.num, "parts")
    parts = [quotes.part(part, (*at, i)) for i, part in enumerate(spec["parts"])]
    quotes.check_pieces()
    quotes.check_all_quoted(config.raw)
    # how its lines join into one text: Japanese runs on, English words keep a space (line_join)
    return {"parts": parts, "join": " " if layout.line_join == "words" else ""}


# A printed line that starts with one of these marks starts an entry of its
# own; any other line continues the one before it (print wrapped it there).
ENTRY_MARKS = "○●・★【①②③④⑤⑥⑦⑧⑨⑩"
WIDE_SPACE = "\u3000"


@dataclass
class Piece:
    """A quote of a cell as the page shows it, and what stands before it."""

    br: bool  # a line break before it
    before: str  # else these words before it ("", a space, a wide space)
    text: str
    why: str | None = None  # a supplied label: why it is supplied
    label: Markup | None = None  # a supplied label's words as the page shows them


@dataclass
class Item:
    cell: list[Piece]
    items: list[Item]


def _label(q: Quote, labels: Labels) -> str:
    """A supplied label as the page shows it (HTML): the editor's own words marked as such."""
    text = html.escape(q["text"])
    return labels.html("editor_words", words=text) if q["from"] == "editor" else text


def _cell(c: list[Quote], labels: Labels, between: str = BREAK, join: str = "") -> list[Piece]:
    """A cell's quotes as one text: `between` before each entry after the first
    (a line break in a table; a wide space in a list item, a milestone and its year),
    `join` between the lines of one entry."""
    out = []
    for k, q in enumerate(c):
        before = ""
        if k and q.get("entry"):
            before = between
        elif k and q["text"][:1] in ENTRY_MARKS:
            before = BREAK
        elif k:
            before = join
        supplied = "supplied" in q
        out.append(
            Piece(
                before == BREAK,
                "" if before == BREAK else before,
                q["text"],
                q["supplied"] if supplied else None,
                safe(_label(q, labels)) if supplied else None,
            )
        )
    return out


def _items(items: list[dict[str, Any]], labels: Labels, join: str = "") -> list[Item]:
    return [Item(_cell(it["cell"], labels, WIDE_SPACE, join), _items(it["items"], labels, join)) for it in items]


def supplied(data: dict[str, Any]) -> list[Quote]:
    """The supplied labels of an arrangement, in its order."""
    out: list[Quote] = []

    def walk(x: object) -> None:
        if isinstance(x, dict):
            if "supplied" in x:
                out.append(cast(Quote, x))  # a quote of the data read() made
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(data)
    return out


def render(data: dict[str, Any], spec: Spec, labels: Labels) -> str:
    j = data.get("join", "")
    parts = []
    for part in data["parts"]:
        t = part.get("table")
        parts.append(
            {
                "title": _cell(part["title"], labels, join=j) if "title" in part else None,
                "header": [_cell(c, labels, join=j) for c in t["header"]] if t else None,
                "rows": [[_cell(c, labels, join=j) for c in row] for row in t["rows"]] if t else [],
                "items": _items(part["items"], labels, j) if "items" in part else None,
            }
        )
    # where each supplied label comes from: the printed figure, or the editor
    notes = [
        safe(labels.html(f"supplied_{n['from']}", label=_label(n, labels), why=html.escape(n["supplied"])))
        for n in supplied(data)
    ]
    return render_template("arranged.html", parts=parts, notes=notes, note=spec.get("note", ""))
