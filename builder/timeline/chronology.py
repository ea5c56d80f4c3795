"""The chronology: a chapter's events.yaml, the happenings an editor has
reviewed, each with a headline and the clause of the text it comes from
(`quote`), and the figure rows that tell of the same happening (`figure`).

On every build each quote is looked up in the chapter's text: it must occur
exactly once. Its paragraph is the event's source link, its sentence the
summary a reader sees. A quote that no longer occurs, or occurs twice, stops
the build naming the event: the text has changed, and the event needs
review (`python -m builder events` shows what changed). `not_events` lists
the dated clauses an editor has judged not to be happenings (background,
a meeting that was skipped), so that the proposals stop offering them."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..blocks.model import Box, Heading, Paragraph
from ..inputs.schema import did_you_mean, load_checked
from ..text import plain
from .event import Event, Source

SENTENCE = re.compile(r"[^。]+。?")


@dataclass
class Passage:
    """A paragraph of the text as a reader reads it, with where it is."""
    page: str
    anchor: str
    text: str
    heading: str          # the nearest heading above it, as printed
    nos: list[int]
    where: str = ""       # its place as the glossary writes it: 第1節4項 ¶45


def passages(ch, home: str) -> list[Passage]:
    out = [Passage(home, p.anchor, plain(p.text), "", list(p.nos)) for p in ch.intro
           if isinstance(p, Paragraph) and p.anchor]
    for item in ch.items():
        heading = plain(item.heading.title)
        for b in item.blocks:
            if isinstance(b, Heading):
                heading = plain(b.title)
            paragraphs = [b] if isinstance(b, Paragraph) else b.paragraphs if isinstance(b, Box) else []
            out += [Passage(item.path, p.anchor, plain(p.text), heading, list(p.nos),
                            f"{item.place} ¶{p.anchor.rsplit('-', 1)[1]}")
                    for p in paragraphs if p.anchor]
    return out


def occurrences(where: list[Passage], quote: str) -> list[tuple[Passage, int]]:
    found = []
    for p in where:
        i = p.text.find(quote)
        while i != -1:
            found.append((p, i))
            i = p.text.find(quote, i + 1)
    return found


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence, or sentences, that hold text[start:end]."""
    spans = [(m.start(), m.end()) for m in SENTENCE.finditer(text)]
    first = next((a for a, b in spans if a <= start < b), 0)
    last = next((b for a, b in spans if a < end <= b), len(text))
    return text[first:last].strip()


def event_id(chapter: str, date: str, quote: str) -> str:
    """Stable while the quote is: the id (and the page's #ev- anchor) survives edits elsewhere."""
    return f"{chapter}-{date}-{hashlib.sha1(quote.encode('utf-8')).hexdigest()[:6]}"


def precision_of(date: str, fiscal: bool = False) -> str:
    return "fiscal_year" if fiscal else {4: "year", 7: "month", 10: "day"}[len(date)]


@dataclass
class Chronology:
    path: Path
    doc: object           # the checked YAML document (line marks for errors)

    @property
    def events(self) -> list[dict]:
        return (self.doc.data or {}).get("events") or []

    @property
    def not_events(self) -> list[dict]:
        return (self.doc.data or {}).get("not_events") or []

    def line(self, *place) -> int | None:
        return self.doc.at(place)[0]


def load_chronology(path: Path, registry, kinds) -> Chronology:
    """The file, checked against its schema and against the registry and the kinds."""
    doc = load_checked(path, "chronology")
    chron = Chronology(path, doc)
    quotes: dict[str, int] = {}
    for i, e in enumerate(chron.events):
        for k, cid in enumerate(e.get("countries", [])):
            if cid not in registry.entries:
                raise doc.error(("events", i, "countries", k), f"country id '{cid}' is not in the registry"
                                + did_you_mean(cid, registry.entries))
        if e["kind"] not in kinds.labels:
            raise doc.error(("events", i, "kind"), f"kind '{e['kind']}' is not one of: {', '.join(kinds.labels)}"
                            + did_you_mean(e["kind"], kinds.labels))
        if e.get("end") and e["end"] <= e["date"]:
            raise doc.error(("events", i, "end"), f"end {e['end']} is not after the date {e['date']}; "
                                                  "expected a later end, or none")
    quoting = [("events", i, e) for i, e in enumerate(chron.events) if "quote" in e]
    quoting += [("not_events", i, e) for i, e in enumerate(chron.not_events)]
    for section, i, e in quoting:
        place = (section, i, "quote")
        if e["quote"] in quotes:
            raise doc.error(place, f"quote given twice (first at line {quotes[e['quote']]}); "
                                   "expected one entry for each clause")
        quotes[e["quote"]] = doc.at(place)[0]
    return chron


def place_events(chron: Chronology, ch, home: str, page_url, figure_events: list[Event]) -> tuple[list, list]:
    """The chronology's events, each found in the text; and the figure events
    that no chronology event merges (they stand alone, as the figure gives them)."""
    where = passages(ch, home)
    by_id = {e.id: e for e in figure_events}
    merged: dict[str, int] = {}
    out = []
    for i, e in enumerate(chron.events):
        sources, text, page, anchor, nos = [], "", "", "", []
        if "quote" in e:
            found = occurrences(where, e["quote"])
            if len(found) != 1:
                raise chron.doc.error(("events", i, "quote"), quote_problem(e, found))
            p, at = found[0]
            text, page, anchor, nos = sentence_of(p.text, at, at + len(e["quote"])), p.page, p.anchor, p.nos
            sources.append(Source(p.page, p.anchor, where=p.where))
        for k, fid in enumerate(e.get("figure", [])):
            fig = by_id.get(f"{ch.id}-{fid}")        # written without the chapter's id, which the file's place gives
            if fig is None:
                rows = [r.removeprefix(f"{ch.id}-") for r in by_id]
                raise chron.doc.error(("events", i, "figure", k), f"no figure row '{fid}'"
                                      + did_you_mean(fid, rows) + "; expected the id of a figure's row, "
                                      "as `python -m builder events` lists them")
            fid = fig.id
            if fid in merged:
                raise chron.doc.error(("events", i, "figure", k), f"figure row '{fid}' is merged already "
                                      f"(line {merged[fid]}); expected each row in one event")
            merged[fid] = chron.line("events", i, "figure", k)
            sources += fig.sources
            if not page:
                text, page, anchor, nos = fig.text, fig.page, fig.anchor, fig.lines
        out.append(Event(
            id=event_id(ch.id, e["date"], e.get("quote") or e["figure"][0]), date=e["date"],
            precision=precision_of(e["date"], e.get("fiscal_year", False)), end=e.get("end", ""),
            title=e["headline"], text=text, countries=list(e.get("countries", [])), kind=e["kind"],
            url=page_url(page) + (f"#{anchor}" if anchor else ""), page=page, anchor=anchor, chapter=ch.id,
            source="text" if "quote" in e else "figure", lines=list(nos), sources=sources,
            quote=e.get("quote", ""), yaml_line=chron.line("events", i)))
    for i, e in enumerate(chron.not_events):
        found = occurrences(where, e["quote"])
        if len(found) != 1:
            raise chron.doc.error(("not_events", i, "quote"), quote_problem(e, found))
    return out, [f for f in figure_events if f.id not in merged]


def quote_problem(e: dict, found: list) -> str:
    what = f"'{e.get('headline') or e['quote'][:30]}'"
    if not found:
        return (f"event {what}: its quote occurs nowhere in the chapter's text; the text has changed: "
                "review the event (python -m builder events)")
    where = ", ".join(sorted({f'{p.page}#{p.anchor}' for p, _ in found}))
    return f"event {what}: its quote occurs {len(found)} times ({where}); expected a quote found once: lengthen it"

