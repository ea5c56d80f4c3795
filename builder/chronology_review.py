"""`python -m builder events`: a chapter's chronology (builder/timeline/) against
its text, for an editor.

Prints, for each chapter: the events whose quote the text no longer holds
(changed: with the text as it now reads, when a stretch of it is close; gone:
when none is) or holds twice; the dated clauses no event or not-event covers, in the text
and its notes, as YAML to paste (a background clause as a not-event); the merges to
consider: figure rows, and other events, that look like an event's own happening
(same_happenings);
and how many headlines the rules proposed that were kept, against those
written by hand. `--init` writes a first events.yaml for a chapter that has
none, from the proposals alone."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .content import load_content
from .countries.matcher import Matcher
from .errors import InputError
from .export import dump_records
from .figures import figure_events
from .page import page_url
from .pipeline import process_chapter
from .timeline.chronology import occurrences, passages, quotes_of
from .timeline.propose import kept_headlines, propose
from .timeline.style import headline_problems

if TYPE_CHECKING:
    from .checked import YamlMap
    from .structure.chapter import Chapter
    from .timeline.chronology import Chronology, Entry, Passage
    from .timeline.event import Event
    from .timeline.propose import Proposal


def review(root: Path, init: bool = False, out: TextIO | None = None) -> int:
    out = out or sys.stdout  # looked up now: the stream may have been replaced since import
    content = load_content(root)
    if content.registry is None or content.kinds is None:
        # an events.yaml's entries name countries and kinds of event: there are none to review against
        missing = "countries.yaml" if content.registry is None else "event_kinds.yaml"
        raise InputError(root / "data" / missing, None, "no such file; expected it: a chronology's review reads it")
    kinds = content.kinds
    matcher = Matcher(content.registry)
    several = len(content.site.chapters) > 1
    problems = 0
    for config in content.site.chapters:
        ch = process_chapter(config, content.layout).chapter
        home = f"{ch.id}/index.md" if several else "index.md"
        proposals = propose(ch, home, matcher, kinds, content.layout)
        path = config.dir / "events.yaml"
        chron = (content.chronologies or {}).get(ch.id)
        if chron is None:
            if init:
                path.write_text(draft(proposals), encoding="utf-8")
                print(f"{path}: {len(proposals)} proposals written; review them", file=out)
            else:
                print(f"{ch.id}: no {path.name}; `python -m builder events --init` writes a first one", file=out)
            continue
        print(f"# {ch.id}: {path}", file=out)
        found, covered = check_quotes(chron, path, passages(ch, home), out)
        problems += found
        new = [
            p
            for p in proposals
            if not any(a < p.start + len(p.clause) and p.start < b for a, b in covered.get((p.page, p.anchor), []))
        ]
        if new:
            print(f"\n# {len(new)} dated clause(s) no entry covers:", file=out)
            out.write(draft(new, header=False))
        # figure rows, and other events, that tell of the same happening as an event of the text
        for line, what in same_happenings(chron, ch, figure_events(ch, content.registry, page_url), matcher):
            print(f"merge?: {path}:{line}: {what}", file=out)
        headlines(chron, ch.id, path, content.layout.eras, len(new), out)
    return 1 if problems else 0


def check_quotes(
    chron: Chronology, path: Path, where: list[Passage], out: TextIO
) -> tuple[int, dict[tuple[str, str], list[tuple[int, int]]]]:
    """Print each quote of an entry the text no longer holds once (changed, gone or doubled); return
    how many, and the stretches of each paragraph (page, anchor) the quotes cover."""
    problems = 0
    covered: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for section in ("events", "not_events"):
        for i, e in enumerate(getattr(chron, section)):
            for quote in quotes_of(e):
                found = occurrences(where, quote)
                for p, at in found:
                    covered.setdefault((p.page, p.anchor), []).append((at, at + len(quote)))
                if len(found) == 1:
                    continue
                problems += 1
                what = f"{path}:{chron.line(section, i)}: {e.get('headline') or quote[:30]}"
                near = closest(where, quote) if not found else None
                if found:
                    print(f"doubled: {what}: quote found {len(found)} times; lengthen it", file=out)
                elif near:
                    print(f"changed: {what}: the text now reads 「{near}」", file=out)
                else:
                    print(f"gone: {what}: quote gone from the text", file=out)
    return problems, covered


def headlines(chron: Chronology, chapter: str, path: Path, eras: Iterable[str], new: int, out: TextIO) -> None:
    """Print the headlines' faults of style, then the chapter's counts: events, not-events,
    headlines kept as the rules proposed, and the `new` dated clauses no entry covers."""
    kept = kept_headlines((e.get("quote", ""), e["headline"]) for e in chron.events)
    quoted = sum(1 for e in chron.events if "quote" in e)
    for i, e in enumerate(chron.events):
        for problem in headline_problems(e["headline"], eras):
            print(f"style: {path}:{chron.line('events', i, 'headline')}: {e['headline']}: {problem}", file=out)
    print(
        f"\n{chapter}: {len(chron.events)} events ({quoted} from the text, "
        f"{sum(len(e.get('figure', [])) for e in chron.events)} figure rows merged), "
        f"{len(chron.not_events)} not-events; headlines: {kept} as the rules proposed, "
        f"{quoted - kept} written by hand; {new} new clause(s)",
        file=out,
    )


HOSTED = re.compile(r"来日|訪日")


def same_happenings(
    chron: Chronology, ch: Chapter, rows: list[Event], matcher: Matcher
) -> list[tuple[int | None, str]]:
    """Merges to propose (content/README-events.md, One event per happening):

    - a figure's row whose month, country and post (or kind of work) agree with
      an event of the text: a visit row whose post the event's clause names, of a
      country the event is of or its clause names; a capacity-building project of
      the event's country starting in its month;
    - the other rows of a trip (a post's visits in one month) a visit already merges;
    - two events of the text in the same month that name the same post and tell
      of the same country, or are both visits: one happening told twice, or one trip."""
    spec: YamlMap = next((s for s in ch.config.figures.values() if s.get("kind") == "visits"), {})
    posts = Posts(list(spec.get("posts", [])), spec.get("titles", {}))
    told = []
    for i, e in enumerate(chron.events):
        words = " ".join(quotes_of(e)) + " " + e["headline"]
        countries = set(e.get("countries", [])) | {m.id for q in quotes_of(e) for m in matcher.find(q)}
        told.append(Told(i, e, words, countries))
    return row_merges(chron, ch.id, rows, told, posts) + told_twice(chron, told, posts)


@dataclass
class Posts:
    """The posts of the chapter's visits figure, and their titles in full."""

    posts: list[str]
    titles: dict[str, str]

    def named(self, post: str, words: str) -> bool:
        """The post, as printed or in full, in the words: not inside another post's title
        (防衛大臣 inside 防衛大臣政務官)."""
        own = {post, self.titles.get(post, post)}
        longer = {t for p in self.posts if p != post for t in (p, self.titles.get(p, p)) if any(o in t for o in own)}
        for t in sorted(longer, key=len, reverse=True):
            words = words.replace(t, "")
        return any(o in words for o in own)


@dataclass
class Told:
    """An event of the text as the merges read it: its words (quotes and headline) and countries."""

    i: int
    e: Entry
    words: str
    countries: set[str]


def row_merges(
    chron: Chronology, chapter: str, rows: list[Event], told: list[Told], posts: Posts
) -> list[tuple[int | None, str]]:
    """The figure rows no event merges yet that tell of an event's happening (of its trip, for a visit)."""
    merged = {f"{chapter}-{fid}" for e in chron.events for fid in e.get("figure", [])}
    by_id = {r.id: r for r in rows}
    out = []
    for t in told:
        e = t.e
        same = []
        for r in rows:
            if r.id in merged or r.date != e["date"][:7]:
                continue
            post = r.group.split("|")[2] if r.group else ""
            if (post and posts.named(post, t.words) and set(r.countries) & t.countries) or (
                not post and r.kind == e["kind"] and set(r.countries) & t.countries
            ):
                same.append(r.id)
        # the rest of a trip a visit merges part of
        if e["kind"] == "visit":
            groups = {by_id[f"{chapter}-{fid}"].group for fid in e.get("figure", []) if f"{chapter}-{fid}" in by_id}
            same += [r.id for r in rows if r.group in groups and r.id not in merged and r.id not in same]
        if same:
            ids = [x.removeprefix(f"{chapter}-") for x in same]
            out.append((chron.line("events", t.i), f"{e['headline']}: figure: {ids}"))
    return out


def told_twice(chron: Chronology, told: list[Told], posts: Posts) -> list[tuple[int | None, str]]:
    """Later events of a month that name a post an earlier one names, of its country or both visits."""
    out = []
    for a, t in enumerate(told):
        e = t.e
        for u in told[a + 1 :]:
            f = u.e
            if e["date"][:7] != f["date"][:7]:
                continue
            both = [p for p in posts.posts if posts.named(p, t.words) and posts.named(p, u.words)]
            # two visits by the post: not a visit to Japan (来日), which the post only received
            abroad = e["kind"] == f["kind"] == "visit" and not HOSTED.search(e["headline"] + f["headline"])
            if both and (t.countries & u.countries or abroad):
                out.append(
                    (
                        chron.line("events", u.i),
                        f"{f['headline']}: the same happening as '{e['headline']}' (line {chron.line('events', t.i)})?",
                    )
                )
    return out


def closest(where: Iterable[Passage], quote: str, least: float = 0.8) -> str | None:
    """The stretch of the text most like a quote it no longer holds, if it is
    like enough (an edited clause rather than a removed one)."""
    best, best_ratio = None, least
    for p in where:
        m = SequenceMatcher(None, quote, p.text, autojunk=False).find_longest_match(0, len(quote), 0, len(p.text))
        if m.size < len(quote) // 3:
            continue
        start = max(0, m.b - m.a)
        for end in range(start + len(quote) * 4 // 5, min(len(p.text), start + len(quote) * 6 // 5) + 1):
            ratio = SequenceMatcher(None, quote, p.text[start:end], autojunk=False).ratio()
            if ratio > best_ratio:
                best, best_ratio = p.text[start:end], ratio
    return best


def draft(proposals: Iterable[Proposal], header: bool = True) -> str:
    """The proposals as entries to review. A clause with two dates (5月および8月)
    is one entry, its other dates in a note: a quote is given once."""
    events: list[dict[str, object]] = []
    not_events: list[dict[str, object]] = []
    seen: dict[str, dict[str, object]] = {}  # a clause -> its entry
    for p in proposals:
        if p.clause in seen:
            first = seen[p.clause]
            if "why" not in first:  # a not-event needs no dates
                first["note"] = f"{first.get('note', '同じ節の別の日付:')} {p.date}"
            continue
        if p.background:
            not_events.append({"quote": p.clause, "why": p.background})
            seen[p.clause] = not_events[-1]
            continue
        e: dict[str, object] = {"date": p.date}
        if p.end:
            e["end"] = p.end
        if p.precision == "fiscal_year":
            e["fiscal_year"] = True
        e["headline"] = p.headline or f"【見出しを書く】{p.clause[:30]}"
        e["kind"] = p.kind
        e["countries"] = p.countries
        e["quote"] = p.clause
        events.append(e)
        seen[p.clause] = e
    text = ""
    if header:
        text = (
            "# yaml-language-server: $schema=../../builder/inputs/schemas/chronology.yaml\n"
            "# The chapter's chronology (see content/README-events.md for the house style).\n"
        )
    if events:
        text += ("events:\n" if header else "# events:\n") + dump_records(events)
    if not_events:
        text += ("not_events:\n" if header else "# not_events:\n") + dump_records(not_events)
    return text
