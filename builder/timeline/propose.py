"""Proposals for the chronology, from the text: what `python -m builder events`
offers an editor. Not part of the site build, which reads events.yaml only.

A dated clause runs from its date (or from the start of its sentence, when
the date opens it) to the next date; a date whose clause is empty
(13年5月および8月、…) shares the next one's, and 「AからBにかけて」 is one
span. Its countries are those the clause names, those the notes its markers
point at name (the note of 空軍参謀長等招へい行事 lists who came), and the
country of the heading it sits under when the heading names one
(（6）カンボジア); never those of the paragraph's other sentences. The notes
are read too: a note's dated clause is proposed as the text's are. Clauses that event_kinds.yaml
calls background (以来, を除き …) are offered as not-events. The headline is
proposed by the rules of HEADLINE below, or left for the editor where they
give nothing short."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..dates import Date, DateReader
from .chronology import SENTENCE, Passage, passages
from .series import dates_a_start
from .style import CONNECTIVES, LIMIT, SUBJECTS

if TYPE_CHECKING:
    from ..config import Layout
    from ..countries.matcher import Matcher
    from ..structure.chapter import Chapter
    from .event import Event
    from .kinds import Kinds

EMPTY_CLAUSE = re.compile(r"^[、，\s]*(?:および|または|と|や|、|から|まで|には|では|に|は|の)*[、，\s]*$")
SPAN = re.compile(r"^\s*から\s*$")
SPAN_END = re.compile(r"^\s*(?:にかけて|の間|まで)")
LEAD = re.compile(r"^[、，\s]*(?:には|では|にも|は|に|の|から|より|以降|以来|まで)?[、，\s]*")
CONNECTIVE = re.compile(rf"^(?:{CONNECTIVES})[、，]?")
SUBJECT = re.compile(rf"^(?:{SUBJECTS})は、?")
DATE_PHRASE = re.compile(
    r"^[^、。]{0,30}?(?:年度?|月|日)(?:[^、。]{0,6}?(?:にかけて|の間|まで))?(?:には|にも|に|は|、)+"
)

# (what the clause ends with, what the headline ends with): a verb phrase
# becomes the noun phrase a chronology prints (…を訪問した → …を訪問).
HEADLINE = [
    (re.compile(r"(?:が|を)?(?:開催|実施)(?:された|した|され|し)$"), "開催"),
    (re.compile(r"を訪問(?:した|し)$"), "を訪問"),
    (re.compile(r"に署名(?:した|し)$"), "に署名"),
    (re.compile(r"に参加(?:した|し)$"), "に参加"),
    (re.compile(r"(?:を|が)?発効(?:した|し)$"), "発効"),
    (re.compile(r"を(?:行った|行い|実施した)$"), ""),
    (re.compile(r"(?:が行われた|を行った)$"), ""),
]


@dataclass
class Proposal:
    date: str
    precision: str
    end: str
    clause: str  # the quote it would have
    start: int  # where the clause starts in its paragraph
    page: str
    anchor: str
    countries: list[str]
    kind: str
    headline: str | None  # None: the rules give nothing short enough; the editor writes one
    background: str = ""  # why it looks like no happening (event_kinds.yaml), or ""


def propose_headline(clause: str) -> str | None:
    """The clause without its date and connective, its verb made a noun phrase; None if longer than a headline."""
    t = CONNECTIVE.sub("", LEAD.sub("", clause).strip())
    t = DATE_PHRASE.sub("", t, count=1)
    t = CONNECTIVE.sub("", t).strip("、，。 ")
    for pattern, ending in HEADLINE:
        if pattern.search(t):
            t = pattern.sub(ending, t)
            break
    t = SUBJECT.sub("", t).strip("、，。 ")
    return t if 2 <= len(t) <= LIMIT else None


def propose(ch: Chapter, home: str, matcher: Matcher, kinds: Kinds, layout: Layout) -> list[Proposal]:
    reader = DateReader(layout.eras, layout.two_digit_pivot)
    heading_countries: dict[str, list[str]] = {}
    out: list[Proposal] = []
    where = passages(ch, home)
    note_countries = {(p.page, p.note): {m.id for m in matcher.find(p.text)} for p in where if p.note}
    for p in where:
        # a note reads on its own: its 同 is its own era
        dates = (DateReader(layout.eras, layout.two_digit_pivot) if p.note else reader).read(p.text)
        if p.heading not in heading_countries:
            named = sorted({m.id for m in matcher.find(p.heading)})
            heading_countries[p.heading] = named if len(named) == 1 else []
        for d, start, stop, end in dated_clauses(p.text, dates):
            clause = p.text[start:stop].strip().rstrip("、，")
            at = p.text.find(clause, start)
            noted = set().union(
                *[note_countries.get((p.page, n), set()) for pos, n in p.notes if at <= pos <= at + len(clause)]
            )
            # under a bilateral heading every clause is about that country too
            countries = sorted({m.id for m in matcher.find(clause)} | set(heading_countries[p.heading]) | noted)
            out.append(proposal(p, d, clause, at, end, countries, kinds))
    return out


def dated_clauses(text: str, dates: list[Date]) -> Iterator[tuple[Date, int, int, str]]:
    """(date, where its clause starts, where it stops, the date its span ends or "") for each
    date of text that opens a clause of its own."""
    sentences = [(m.start(), m.end()) for m in SENTENCE.finditer(text)]
    skip: set[int] = set()
    starts: dict[int, int] = {}
    for i, d in enumerate(dates):
        if i in skip:
            continue
        s0, s1 = next(((a, b) for a, b in sentences if a <= d.start < b), (0, len(text)))
        same = [x for x in dates if s0 <= x.start < s1]
        k = same.index(d)
        # the sentence's first date takes the words before it (its subject); a later one starts
        # at itself, unless it shares the clause of the date before it (5月および8月)
        if k > 0 and EMPTY_CLAUSE.match(text[same[k - 1].end : d.start]):
            start = starts.get(same[k - 1].start, d.start)
        else:
            start = s0 if k == 0 and d.start - s0 <= 25 else d.start
        starts[d.start] = start
        end = d.range_end.iso if d.range_end else ""
        # AからBにかけて: one span
        if (
            k + 1 < len(same)
            and SPAN.match(text[d.end : same[k + 1].start])
            and SPAN_END.match(text[same[k + 1].end :])
        ):
            end = same[k + 1].iso
            skip.add(dates.index(same[k + 1]))
            k += 1
        j = k
        while j + 1 < len(same) and EMPTY_CLAUSE.match(text[same[j].end : same[j + 1].start]):
            j += 1
        # 15（同27）年は、5月から…: the year only sets the month's context
        if j > k and same[k + 1].iso.startswith(d.iso + "-"):
            continue
        yield d, start, same[j + 1].start if j + 1 < len(same) else s1, end


def proposal(p: Passage, d: Date, clause: str, at: int, end: str, countries: list[str], kinds: Kinds) -> Proposal:
    """The proposal of one dated clause, its kind, headline and background read from its words."""
    # a series' start is a happening (content/README-events.md, Series), whatever its words
    background = "" if dates_a_start(clause) else kinds.background(clause)
    return Proposal(
        date=d.iso,
        precision=d.precision,
        end=end,
        clause=clause,
        start=at,
        page=p.page,
        anchor=p.anchor,
        countries=countries,
        kind=kinds.of(clause),
        headline=propose_headline(clause),
        background=background,
    )


def kept_headlines(entries: Iterable[tuple[str, str]]) -> int:
    """How many (quote, headline) pairs carry the headline the rules propose for the quote."""
    return sum(1 for quote, headline in entries if quote and propose_headline(quote) == headline)


def chronology_report(events: list[Event], figure_only: int) -> str:
    """For the build's report: how many events, and whose headlines they carry."""
    kept = kept_headlines((e.quote, e.title) for e in events)
    merged = sum(1 for e in events for s in e.sources if s.figure)
    return (
        f"{len(events)} events from the chronology ({merged} figure rows merged into them), "
        f"{figure_only} from the figures alone; headlines: {kept} as the rules proposed, "
        f"{len(events) - kept} written by hand"
    )
