"""The chronology: a chapter's events.yaml, the happenings an editor has
reviewed, each with a headline and the clause of the text it comes from
(`quote`, and `also` for the text's other accounts of the same happening),
and the figure rows that tell of the same happening (`figure`).

On every build each quote is looked up in the chapter's text and notes: it
must occur exactly once. Its paragraph (or note) is the event's source link;
its summary is the editor's `summary`, or else the quote's sentence with its
dates written out in full (2014（平成26）年, never 同年). A quote that no
longer occurs, or occurs twice, stops the build naming the event: the text
has changed, and the event needs review (`python -m builder events` shows
what changed). `not_events` lists the dated clauses an editor has judged not
to be happenings (background, a meeting that was skipped), so that the
proposals stop offering them."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..blocks.model import Box, Caption, Heading, Paragraph
from ..dates import Date, DateReader
from ..inputs.schema import did_you_mean, load_checked
from ..inputs.yamldoc import Doc
from ..text import FN_RE, plain
from .era import era_label

if TYPE_CHECKING:  # for the types alone: the chapter model and the profile import what imports the timeline
    from ..config import Layout
    from ..structure.chapter import Chapter
from .event import Event, Source
from .kinds import Kinds
from .summary import absolute

SENTENCE = re.compile(r"[^。]+。?")

# An entry of events.yaml as read (its schema: builder/inputs/schemas/chronology.yaml).
Entry = dict[str, Any]


# What the chronology reads of the chapter model (builder/structure/chapter.py) and of the
# layout profile (builder/config.py): both import what imports the timeline.
class CountryIds(Protocol):
    """The registry of countries (builder/countries/registry.py), by id."""

    @property
    def entries(self) -> Mapping[str, object]: ...


@dataclass
class Passage:
    """A paragraph or a note of the text as a reader reads it, with where it is."""

    page: str
    anchor: str
    text: str
    heading: str  # the nearest heading above it, as printed
    nos: list[int]
    where: str = ""  # the item it is in as the glossary writes it (第1節4項), with ¶45 for a paragraph
    note: int = 0  # a footnote: its number
    notes: list[tuple[int, int]] = field(default_factory=list)  # (where in text, number): its note markers


def note_markers(raw: str) -> list[tuple[int, int]]:
    """Where each note marker stands in the text as plain() gives it."""
    return [(len(plain(raw[: m.start()])), int(m.group(1))) for m in FN_RE.finditer(raw)]


def passages(ch: Chapter, home: str) -> list[Passage]:
    """The chapter's paragraphs in reading order, each item's notes after its paragraphs."""
    out = [
        Passage(home, p.anchor, plain(p.text), "", list(p.nos), notes=note_markers(p.text))
        for p in ch.intro
        if isinstance(p, Paragraph) and p.anchor
    ]
    for item in ch.items():
        heading = plain(item.heading.title)
        for b in item.blocks:
            if isinstance(b, Heading):
                heading = plain(b.title)
            paragraphs: list[Paragraph] = (
                [b] if isinstance(b, Paragraph) else b.paragraphs if isinstance(b, Box) else []
            )
            out += [
                Passage(
                    item.path,
                    p.anchor,
                    plain(p.text),
                    heading,
                    list(p.nos),
                    f"{item.place} ¶{p.anchor.rsplit('-', 1)[1]}",
                    notes=note_markers(p.text),
                )
                for p in paragraphs
                if p.anchor
            ]
        out += [
            Passage(
                item.path, f"fn:{n.num}", plain(n.text), plain(item.heading.title), list(n.nos), item.place, note=n.num
            )
            for n in item.footnotes
        ]
    return out


def captions(ch: Chapter) -> dict[str, list[str]]:
    """Each page's photo captions, as printed: a place an event's text leaves out may be there."""
    out: dict[str, list[str]] = {}
    for item in ch.items():
        out[item.path] = [plain(b.text) for b in item.blocks if isinstance(b, Caption)]
    return out


def dates_of(where: list[Passage], layout: Layout) -> dict[tuple[str, str], list[Date]]:
    """Every date of each passage, read in reading order: 同年 in a paragraph is
    the year of the date before it, in that paragraph or an earlier one. A note
    reads on its own."""
    reader = DateReader(layout.eras, layout.two_digit_pivot)
    out = {}
    for p in where:
        if p.note:
            out[(p.page, p.anchor)] = DateReader(layout.eras, layout.two_digit_pivot).read(p.text)
        else:
            out[(p.page, p.anchor)] = reader.read(p.text)
    return out


def occurrences(where: list[Passage], quote: str) -> list[tuple[Passage, int]]:
    found = []
    for p in where:
        i = p.text.find(quote)
        while i != -1:
            found.append((p, i))
            i = p.text.find(quote, i + 1)
    return found


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence, or sentences, that hold text[start:end] start and end."""
    spans = [(m.start(), m.end()) for m in SENTENCE.finditer(text)]
    first = next((a for a, b in spans if a <= start < b), 0)
    last = next((b for a, b in spans if a < end <= b), len(text))
    while first < last and text[first].isspace():
        first += 1
    while last > first and text[last - 1].isspace():
        last -= 1
    return first, last


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence, or sentences, that hold text[start:end]."""
    a, b = sentence_span(text, start, end)
    return text[a:b]


def event_id(chapter: str, date: str, quote: str) -> str:
    """Stable while the quote is: the id (and the page's #ev- anchor) survives edits elsewhere."""
    return f"{chapter}-{date}-{hashlib.sha1(quote.encode('utf-8')).hexdigest()[:6]}"


def precision_of(date: str, fiscal: bool = False) -> str:
    return "fiscal_year" if fiscal else {4: "year", 7: "month", 10: "day"}[len(date)]


@dataclass
class Chronology:
    path: Path
    doc: Doc  # the checked YAML document (line marks for errors)

    @property
    def events(self) -> list[Entry]:
        return self._entries("events")

    @property
    def not_events(self) -> list[Entry]:
        return self._entries("not_events")

    def _entries(self, key: str) -> list[Entry]:
        data = self.doc.data if isinstance(self.doc.data, dict) else {}
        entries: list[Entry] = data.get(key) or []
        return entries

    def line(self, *place: str | int) -> int | None:
        return self.doc.at(place)[0]


def quotes_of(e: Entry) -> list[str]:
    """An entry's quotes: its own clause first, then the text's other accounts of it."""
    return ([e["quote"]] if "quote" in e else []) + list(e.get("also", []))


def load_chronology(path: Path, registry: CountryIds, kinds: Kinds) -> Chronology:
    """The file, checked against its schema and against the registry and the kinds."""
    doc = load_checked(path, "chronology", optional=True)
    chron = Chronology(path, doc)
    quotes: dict[str, int | None] = {}
    for i, e in enumerate(chron.events):
        for k, cid in enumerate(e.get("countries", [])):
            if cid not in registry.entries:
                raise doc.error(
                    ("events", i, "countries", k),
                    f"country id '{cid}' is not in the registry" + did_you_mean(cid, registry.entries),
                )
        if e["kind"] not in kinds.labels:
            raise doc.error(
                ("events", i, "kind"),
                f"kind '{e['kind']}' is not one of: {', '.join(kinds.labels)}" + did_you_mean(e["kind"], kinds.labels),
            )
        if e.get("end") and e["end"] <= e["date"]:
            raise doc.error(
                ("events", i, "end"), f"end {e['end']} is not after the date {e['date']}; expected a later end, or none"
            )
        if "also" in e and "quote" not in e:
            raise doc.error(
                ("events", i, "also"),
                "other accounts of a happening whose own clause is not quoted; expected a quote first",
            )
    quoting: list[tuple[tuple[str | int, ...], str]] = [
        (("events", i, "quote"), e["quote"]) for i, e in enumerate(chron.events) if "quote" in e
    ]
    quoting += [
        (("events", i, "also", k), q) for i, e in enumerate(chron.events) for k, q in enumerate(e.get("also", []))
    ]
    quoting += [(("not_events", i, "quote"), e["quote"]) for i, e in enumerate(chron.not_events)]
    for place, quote in sorted(quoting, key=lambda pq: doc.at(pq[0])[0] or 0):
        if quote in quotes:
            raise doc.error(
                place, f"quote given twice (first at line {quotes[quote]}); expected one entry for each clause"
            )
        quotes[quote] = doc.at(place)[0]
    return chron


@dataclass(eq=False)
class Placed:
    """What the text gave an event, for the checks of builder/timeline/review.py."""

    event: Event
    entry: Entry  # its entry in events.yaml
    index: int
    sentences: list[str]  # the sentence of each quote, as printed
    derived: bool  # its summary was made from its sentence, not written
    others: bool = False  # its sentence tells of other events too
    found_in: list[Passage] = field(default_factory=list)  # where each quote is
    rows: list[Event] = field(default_factory=list)  # the figure rows it merges
    notes: list[str] = field(default_factory=list)  # the notes its quotes' paragraphs point at
    context: list[str] = field(default_factory=list)  # the paragraphs under its quotes' headings


@dataclass
class Placement:
    events: list[Event]  # the chronology's, each found in the text
    alone: list[Event]  # the figure rows no event merges: they stand alone
    problems: list[tuple[int | None, str]]  # (line of events.yaml, what breaks the house style)


def place_events(
    chron: Chronology,
    ch: Chapter,
    home: str,
    page_url: Callable[[str], str],
    figure_events: list[Event],
    layout: Layout,
) -> Placement:
    """The chronology's events, each found in the text; the figure rows that no
    event merges; and what the build warns of (builder/timeline/review.py)."""
    from .review import problems

    placed, alone = place(chron, ch, home, page_url, figure_events, layout)
    titles = {short: full for spec in ch.config.figures.values() for short, full in spec.get("titles", {}).items()}
    return Placement([p.event for p in placed], alone, problems(placed, alone, chron, ch, layout, titles))


def place(
    chron: Chronology,
    ch: Chapter,
    home: str,
    page_url: Callable[[str], str],
    figure_events: list[Event],
    layout: Layout,
) -> tuple[list[Placed], list[Event]]:
    """place_events, with what the checks need to know of each event."""
    placer = Placer(chron, ch, passages(ch, home), page_url, figure_events, layout)
    out = [placer.placed(i, e) for i, e in enumerate(chron.events)]
    placer.mark_shared_sentences(out)
    for i, e in enumerate(chron.not_events):
        found = occurrences(placer.where, e["quote"])
        if len(found) != 1:
            raise chron.doc.error(("not_events", i, "quote"), quote_problem(e, found, e["quote"]))
    return out, [f for f in figure_events if f.id not in placer.merged]


@dataclass
class Quoted:
    """What an event's quotes give it: where each is, its sentence, its sources; the first
    quote's paragraph is the event's, and its sentence its summary."""

    sources: list[Source] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    found_in: list[Passage] = field(default_factory=list)
    page: str = ""
    anchor: str = ""
    nos: list[int] = field(default_factory=list)
    summary: str = ""


class Placer:
    """Finds each event of a chronology in the chapter's text, and merges the figure rows it names."""

    def __init__(
        self,
        chron: Chronology,
        ch: Chapter,
        where: list[Passage],
        page_url: Callable[[str], str],
        figure_events: list[Event],
        layout: Layout,
    ) -> None:
        self.chron, self.ch, self.where, self.page_url, self.layout = chron, ch, where, page_url, layout
        self.dates = dates_of(where, layout)
        self.note_text = {(p.page, p.note): p.text for p in where if p.note}
        self.by_id = {e.id: e for e in figure_events}
        self.merged: dict[str, int | None] = {}  # a merged row's id -> its line in events.yaml
        # the sentence spans of each passage's quotes: (start, end, the event's index)
        self.spans: dict[tuple[str, str], list[tuple[int, int, int]]] = {}

    def placed(self, i: int, e: Entry) -> Placed:
        quoted = self.quoted(i, e)
        rows = self.rows(i, e)
        sources = list(quoted.sources)
        text = "\n".join(dict.fromkeys(quoted.sentences))
        page, anchor, nos, summary = quoted.page, quoted.anchor, quoted.nos, quoted.summary
        for fig in rows:
            sources += [s for s in fig.sources if s not in sources]
            if not page:  # a figure's rows alone: a row is the source
                text, page, anchor, nos, summary = fig.text, fig.page, fig.anchor, fig.lines, fig.summary
        fiscal = e.get("fiscal_year", False)
        precision = precision_of(e["date"], fiscal)
        if "quote" in e:
            era = era_label(e["date"], e.get("end", ""), precision, self.layout.eras)
        else:  # a figure's rows alone: the era its first row is printed in, if any
            era = rows[0].era if rows else ""
        event = Event(
            id=event_id(self.ch.id, e["date"], e.get("quote") or e["figure"][0]),
            date=e["date"],
            precision=precision,
            end=e.get("end", ""),
            title=e["headline"],
            text=text,
            countries=list(e.get("countries", [])),
            kind=e["kind"],
            url=self.page_url(page) + (f"#{anchor}" if anchor else ""),
            page=page,
            anchor=anchor,
            chapter=self.ch.id,
            source="text" if "quote" in e else "figure",
            lines=list(nos),
            sources=sources,
            quote=e.get("quote", ""),
            yaml_line=self.chron.line("events", i),
            summary=e.get("summary") or summary,
            place=e.get("place", ""),
            era=era,
        )
        found_in = quoted.found_in
        return Placed(
            event,
            e,
            i,
            quoted.sentences,
            derived="summary" not in e,
            found_in=found_in,
            rows=rows,
            notes=self.notes(found_in),
            context=self.context(found_in),
        )

    def quoted(self, i: int, e: Entry) -> Quoted:
        """Each of the event's quotes found once in the text, its sentence and its source."""
        out = Quoted()
        for k, quote in enumerate(quotes_of(e)):
            found = occurrences(self.where, quote)
            if len(found) != 1:
                raise self.chron.doc.error(
                    ("events", i, "quote") if k == 0 else ("events", i, "also", k - 1), quote_problem(e, found, quote)
                )
            p, at = found[0]
            a, b = sentence_span(p.text, at, at + len(quote))
            self.spans.setdefault((p.page, p.anchor), []).append((a, b, i))
            out.sentences.append(p.text[a:b])
            out.found_in.append(p)
            if k == 0:
                out.page, out.anchor, out.nos = p.page, p.anchor, p.nos
                out.summary = absolute(p.text, self.dates[(p.page, p.anchor)], a, b, self.layout.eras)
            source = Source(p.page, p.anchor, where=p.where, note=p.note)
            if source not in out.sources:
                out.sources.append(source)
        return out

    def rows(self, i: int, e: Entry) -> list[Event]:
        """The figure rows the event names, each merged into one event only."""
        rows = []
        for k, fid in enumerate(e.get("figure", [])):
            fig = self.by_id.get(
                f"{self.ch.id}-{fid}"
            )  # written without the chapter's id, which the file's place gives
            if fig is None:
                ids = [r.removeprefix(f"{self.ch.id}-") for r in self.by_id]
                raise self.chron.doc.error(
                    ("events", i, "figure", k),
                    f"no figure row '{fid}'" + did_you_mean(fid, ids) + "; expected the id of a figure's row, "
                    "as `python -m builder events` lists them",
                )
            if fig.id in self.merged:
                raise self.chron.doc.error(
                    ("events", i, "figure", k),
                    f"figure row '{fig.id}' is merged already (line {self.merged[fig.id]}); expected each row in one event",
                )
            self.merged[fig.id] = self.chron.line("events", i, "figure", k)
            rows.append(fig)
        return rows

    def notes(self, found_in: list[Passage]) -> list[str]:
        """The notes the quotes' paragraphs point at."""
        return [self.note_text[(p.page, n)] for p in found_in for _, n in p.notes if (p.page, n) in self.note_text]

    def context(self, found_in: list[Passage]) -> list[str]:
        """The paragraphs under the same heading as a quote; for a note, those of the paragraph that points at it."""
        return [
            q.text
            for q in self.where
            if not q.note
            and any(
                q.page == p.page and (q.heading == p.heading if not p.note else any(n == p.note for _, n in q.notes))
                for p in found_in
            )
        ]

    def mark_shared_sentences(self, out: list[Placed]) -> None:
        """A sentence that holds the quotes of two events tells of both: neither's summary can be the sentence."""
        for held in self.spans.values():
            for a, b, i in held:
                if any(j != i and a < b2 and a2 < b for a2, b2, j in held):
                    out[i].others = True


def quote_problem(e: Entry, found: list[tuple[Passage, int]], quote: str) -> str:
    what = f"'{e.get('headline') or quote[:30]}'"
    if not found:
        return (
            f"event {what}: its quote occurs nowhere in the chapter's text; the text has changed: "
            "review the event (python -m builder events)"
        )
    where = ", ".join(sorted({f'{p.page}#{p.anchor}' for p, _ in found}))
    return f"event {what}: its quote occurs {len(found)} times ({where}); expected a quote found once: lengthen it"
