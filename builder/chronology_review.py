"""`python -m builder events`: a chapter's chronology (builder/timeline/) against
its text, for an editor.

Prints, for each chapter: the events whose quote the text no longer holds
(changed: with the text as it now reads, when a stretch of it is close; gone:
when none is) or holds twice; the dated clauses no event or not-event covers, as YAML to paste
(a background clause as a not-event); the figure rows that look like an
event's own happening (same month, same country, a visit) and are not merged;
and how many headlines the rules proposed that were kept, against those
written by hand. `--init` writes a first events.yaml for a chapter that has
none, from the proposals alone."""
from __future__ import annotations

import sys
from difflib import SequenceMatcher
from pathlib import Path

from .content import load_content
from .countries.matcher import Matcher
from .export import dump_records
from .figures import figure_events
from .page import page_url
from .pipeline import process_chapter
from .timeline.chronology import occurrences, passages
from .timeline.propose import kept_headlines, propose
from .timeline.style import headline_problems


def review(root: Path, init: bool = False, out=None) -> int:
    out = out or sys.stdout          # looked up now: the stream may have been replaced since import
    content = load_content(root)
    matcher = Matcher(content.registry)
    several = len(content.site.chapters) > 1
    problems = 0
    for config in content.site.chapters:
        ch = process_chapter(config, content.layout).chapter
        home = f"{ch.id}/index.md" if several else "index.md"
        proposals = propose(ch, home, matcher, content.kinds, content.layout)
        path = config.dir / "events.yaml"
        chron = content.chronologies.get(ch.id)
        if chron is None:
            if init:
                path.write_text(draft(proposals), encoding="utf-8")
                print(f"{path}: {len(proposals)} proposals written; review them", file=out)
            else:
                print(f"{ch.id}: no {path.name}; `python -m builder events --init` writes a first one", file=out)
            continue
        where = passages(ch, home)
        covered: dict[tuple[str, str], list[tuple[int, int]]] = {}
        print(f"# {ch.id}: {path}", file=out)
        for section in ("events", "not_events"):
            for i, e in enumerate(getattr(chron, section)):
                if "quote" not in e:
                    continue
                found = occurrences(where, e["quote"])
                for p, at in found:
                    covered.setdefault((p.page, p.anchor), []).append((at, at + len(e["quote"])))
                if len(found) != 1:
                    problems += 1
                    what = f"{path}:{chron.line(section, i)}: {e.get('headline') or e['quote'][:30]}"
                    near = closest(where, e["quote"]) if not found else None
                    if found:
                        print(f"doubled: {what}: quote found {len(found)} times; lengthen it", file=out)
                    elif near:
                        print(f"changed: {what}: the text now reads 「{near}」", file=out)
                    else:
                        print(f"gone: {what}: quote gone from the text", file=out)
        new = [p for p in proposals if not any(a < p.start + len(p.clause) and p.start < b
                                               for a, b in covered.get((p.page, p.anchor), []))]
        if new:
            print(f"\n# {len(new)} dated clause(s) no entry covers:", file=out)
            out.write(draft(new, header=False))
        # figure rows of the same happening as an event of the text
        figure_rows = figure_events(ch, content.registry, page_url)
        merged = {f"{ch.id}-{fid}" for e in chron.events for fid in e.get("figure", [])}
        for i, e in enumerate(chron.events):
            if e["kind"] != "visit":
                continue
            # a visit's row, same month and country, whose post the entry names (its
            # headline starts with the post: figures/visits.py)
            said = e.get("quote", "") + e["headline"]
            same = [f.id.removeprefix(f"{ch.id}-") for f in figure_rows if f.kind == "visit" and f.id not in merged
                    and f.date == e["date"] and set(f.countries) & set(e.get("countries", []))
                    and f.title.split("が", 1)[0] in said]
            if same:
                print(f"merge?: {path}:{chron.line('events', i)}: {e['headline']}: figure: {same}", file=out)
        kept = kept_headlines((e.get("quote", ""), e["headline"]) for e in chron.events)
        quoted = sum(1 for e in chron.events if "quote" in e)
        for i, e in enumerate(chron.events):
            for problem in headline_problems(e["headline"], content.layout.eras):
                print(f"style: {path}:{chron.line('events', i, 'headline')}: {e['headline']}: {problem}", file=out)
        print(f"\n{ch.id}: {len(chron.events)} events ({quoted} from the text, "
              f"{sum(len(e.get('figure', [])) for e in chron.events)} figure rows merged), "
              f"{len(chron.not_events)} not-events; headlines: {kept} as the rules proposed, "
              f"{quoted - kept} written by hand; {len(new)} new clause(s)", file=out)
    return 1 if problems else 0


def closest(where, quote: str, least: float = 0.8) -> str | None:
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


def draft(proposals, header: bool = True) -> str:
    """The proposals as entries to review. A clause with two dates (5月および8月)
    is one entry, its other dates in a note: a quote is given once."""
    events, not_events, seen = [], [], {}
    for p in proposals:
        if p.clause in seen:
            first = seen[p.clause]
            if "why" not in first:                   # a not-event needs no dates
                first["note"] = first.get("note", "同じ節の別の日付:") + f" {p.date}"
            continue
        if p.background:
            not_events.append({"quote": p.clause, "why": p.background})
            seen[p.clause] = not_events[-1]
            continue
        e = {"date": p.date}
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
        text = ("# yaml-language-server: $schema=../../builder/inputs/schemas/chronology.yaml\n"
                "# The chapter's chronology (see content/README-events.md for the house style).\n")
    if events:
        text += ("events:\n" if header else "# events:\n") + dump_records(events)
    if not_events:
        text += ("not_events:\n" if header else "# not_events:\n") + dump_records(not_events)
    return text
