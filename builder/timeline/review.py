"""The chronology's checks that need the text: what the build warns of, with
the file and line, and `python -m builder events` prints (content/README-events.md).

- the headline's house style (style.py), full titles of office included;
- the series rule (series.py);
- a summary that leans on text the reader cannot see (同年, 同提案), or that is
  the sentence of another event too, or whose words are not its sources';
- a place that none of its sources gives;
- a figure's rows: each row's country among the event's, and a trip (a post's
  visits in one month) merged whole into the visit that tells of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import series
from .chronology import captions
from .style import headline_problems
from .summary import leans_on, stray_share, strays

if TYPE_CHECKING:
    from ..config import Layout
    from ..structure.chapter import Chapter
    from .chronology import Chronology, Placed
    from .event import Event

# the share of a written summary's words (by characters) its sources may lack:
# a word of the editor's to join the text's (最初, 訪問した国)
STRAY = 0.1


def problems(
    placed: list[Placed], alone: list[Event], chron: Chronology, ch: Chapter, layout: Layout, titles: dict[str, str]
) -> list[tuple[int | None, str]]:
    out: list[tuple[int | None, str]] = []
    caps = captions(ch)
    for p in placed:
        e = p.event
        for problem in headline_problems(e.title, layout.eras, titles):
            out.append((chron.line("events", p.index, "headline"), f"headline '{e.title}': {problem}"))
        sources = _sources(p, caps)
        out += _summary_problems(p, chron)
        out += _unsourced(p, chron, sources)
        out += _foreign_rows(p, chron, ch)
    out += trips(placed, alone, chron, ch)
    out += series.problems(
        [(chron.line("events", p.index), p.entry) for p in placed],
        [(chron.line("not_events", i), e) for i, e in enumerate(chron.not_events)],
    )
    return out


def _sources(p: Placed, caps: dict[str, list[str]]) -> str:
    """What an event's summary and place may draw on: its quotes' paragraphs, their headings and
    the paragraphs under them, the notes they point at, the captions of their pages, its figure rows."""
    return "\n".join(
        [q.text for q in p.found_in]
        + [q.heading for q in p.found_in]
        + p.notes
        + p.context
        + [c for q in p.found_in for c in caps.get(q.page, [])]
        + [r.text + r.summary + r.place for r in p.rows]
    )


def _summary_problems(p: Placed, chron: Chronology) -> list[tuple[int | None, str]]:
    """A summary (or the sentence that stands for one) that leans on unseen text, or that tells
    of other events too."""
    e, line = p.event, chron.line("events", p.index)
    word = leans_on(e.summary)
    if word:
        what = "its sentence" if p.derived else "its summary"
        return [
            (
                line,
                f"'{e.title}': {what} leans on text the reader cannot see ('{word}'); "
                "write a summary that stands alone",
            )
        ]
    if p.derived and p.others:
        return [(line, f"'{e.title}': its sentence tells of other events too; write its own summary")]
    return []


def _unsourced(p: Placed, chron: Chronology, sources: str) -> list[tuple[int | None, str]]:
    """A written summary's words, and the parts of a place, that none of the event's sources gives."""
    e = p.event
    out: list[tuple[int | None, str]] = []
    if not p.derived and stray_share(e.summary, sources) > STRAY:
        out.append(
            (
                chron.line("events", p.index, "summary"),
                f"'{e.title}': words of its summary in none of its sources: "
                f"{'、'.join(strays(e.summary, sources))}; write it in the text's words",
            )
        )
    for part in filter(None, e.place.split("、")):
        if part not in sources:
            out.append(
                (
                    chron.line("events", p.index, "place"),
                    f"'{e.title}': place '{part}' is in none of its sources (the text, its notes, "
                    "the captions of its page, its figure rows)",
                )
            )
    return out


def _foreign_rows(p: Placed, chron: Chronology, ch: Chapter) -> list[tuple[int | None, str]]:
    """The event's figure rows of a country the event is not of."""
    e = p.event
    out: list[tuple[int | None, str]] = []
    for r in p.rows:
        missing = [c for c in r.countries if c not in e.countries]
        if missing:
            out.append(
                (
                    chron.line("events", p.index),
                    f"'{e.title}': figure row {r.id.removeprefix(ch.id + '-')} is of "
                    f"{', '.join(missing)}, not among its countries",
                )
            )
    return out


def trips(placed: list[Placed], alone: list[Event], chron: Chronology, ch: Chapter) -> list[tuple[int | None, str]]:
    """A post's visits in one month are one trip (content/README-events.md,
    Visits): a visit of the text that merges one of its rows merges them all,
    and no trip is split between two such visits."""
    out: list[tuple[int | None, str]] = []
    groups: dict[str, list[Placed]] = {}
    for p in placed:
        for r in p.rows:
            if r.group:
                groups.setdefault(r.group, []).append(p)
    left: dict[str, list[Event]] = {}
    for r in alone:
        if r.group:
            left.setdefault(r.group, []).append(r)
    for group, holders in groups.items():
        visits = [p for k, p in enumerate(holders) if p.event.kind == "visit" and p not in holders[:k]]
        line = chron.line("events", visits[0].index) if visits else None
        if len(visits) > 1:
            out.append(
                (
                    chron.line("events", visits[1].index),
                    f"'{visits[1].event.title}' and '{visits[0].event.title}' tell of one trip "
                    f"({group}): make them one event",
                )
            )
        if visits and group in left:
            ids = ", ".join(r.id.removeprefix(ch.id + "-") for r in left[group])
            out.append(
                (line, f"'{visits[0].event.title}': the trip's other rows ({ids}) stand alone; merge the trip whole")
            )
    return out
