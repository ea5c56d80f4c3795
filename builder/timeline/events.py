"""Events: one for every dated statement in the running text (a sentence with
two dates is two events) and for every row of the figures' data, then the
curated edits of content/data/events.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..inputs.schema import did_you_mean, load_checked
from ..dates import DateReader
from ..errors import InputError
from ..text import plain
from .event import Event

LEAD = re.compile(r"^[、，\s]*(?:には|では|にも|は|に|の|から|より|以降|以来|まで)?[、，\s]*")


class Kinds:
    def __init__(self, path: Path):
        doc = load_checked(path, "event_kinds")
        data = doc.data
        self.table = [(k["kind"], k["label"], list(k["keywords"])) for k in data["kinds"]]
        self.default = (data["default"]["kind"], data["default"]["label"])
        self.labels, first = {}, {}
        for i, (kind, label, _) in enumerate(self.table + [(*self.default, [])]):
            place = ("kinds", i, "kind") if i < len(self.table) else ("default", "kind")
            if kind in self.labels:
                raise doc.error(place, f"kind '{kind}' is defined twice (first at line {first[kind]}); "
                                       "expected each kind once")
            self.labels[kind], first[kind] = label, doc.at(place)[0]

    def of(self, text: str) -> str:
        for kind, _, words in self.table:
            if any(w in text for w in words):
                return kind
        return self.default[0]


EMPTY_CLAUSE = re.compile(r"^[、，\s]*(?:および|または|と|や|、|から|まで|には|では|に|は|の)*[、，\s]*$")


def short_title(clause: str, limit: int = 48) -> str:
    t = LEAD.sub("", clause).rstrip("。、（ ")
    return t if len(t) <= limit else t[: limit - 1] + "…"


def text_events(ch, home, matcher, kinds, layout, warnings, page_url) -> list[Event]:
    """An event for every date in the running text. Its clause runs from the
    date (or the start of its sentence, when the date opens it) to the next
    date; a date whose clause is empty (13年5月および8月、…) shares the next
    one's. Countries come from the clause, else its sentence, else the
    paragraph's first sentence (モンゴルとの間では、…)."""
    reader = DateReader(layout.eras, layout.value("two_digit_pivot"))
    events: list[Event] = []
    blocks = [(None, p) for p in ch.intro if getattr(p, "anchor", "")]
    for item in ch.items():
        blocks += [(item, p) for p in item.paragraphs()]
    for item, p in blocks:
        text = plain(p.text)
        dates = reader.read(text)
        for d in dates:
            for w in d.warnings:
                warnings.add(ch.config.raw, p.nos[0], w)
        sentences = [(m.start(), m.end()) for m in re.finditer(r"[^。]+。?", text)]
        topic = text[sentences[0][0]:sentences[0][1]] if sentences else text
        page = item.path if item else home
        for k, d in enumerate(dates):
            s0, s1 = next(((a, b) for a, b in sentences if a <= d.start < b), (0, len(text)))
            same = [x for x in dates if s0 <= x.start < s1]
            i = same.index(d)
            # a date that context-sets or lists (…年には、5月に… / 5月および8月) shares the next clause
            j = i
            while j + 1 < len(same) and EMPTY_CLAUSE.match(text[same[j].end:same[j + 1].start]):
                j += 1
            stop = same[j + 1].start if j + 1 < len(same) else s1
            start = s0 if d.start - s0 <= 25 else d.start
            clause = text[start:stop].strip()
            sentence = text[s0:s1]
            countries = ({m.id for m in matcher.find(clause)} or {m.id for m in matcher.find(sentence)}
                         or {m.id for m in matcher.find(topic)})
            events.append(Event(
                page=page, anchor=p.anchor, chapter=ch.id,
                id=f"{ch.id}-{p.anchor}-{k + 1}", date=d.iso, precision=d.precision,
                title=short_title(clause), text=clause, countries=sorted(countries), kind=kinds.of(clause),
                url=page_url(page) + f"#{p.anchor}", end=d.range_end.iso if d.range_end else "",
                source="text", lines=list(p.nos)))
    return events


@dataclass
class Edit:
    """One entry of events.yaml, checked: its fields and the line it starts on."""
    fields: dict
    line: int | None

    @property
    def id(self) -> str:
        return self.fields["id"]


def load_edits(path: Path, registry, kinds) -> list[Edit]:
    """The curated edits, checked against the schema, the registry and the kinds."""
    doc = load_checked(path, "events")
    edits, ids = [], {}
    for i, entry in enumerate(doc.data or []):
        for k, cid in enumerate(entry.get("countries", [])):
            if cid not in registry.entries:
                raise doc.error((i, "countries", k), f"country id '{cid}' is not in the registry"
                                + did_you_mean(cid, registry.entries))
        if "kind" in entry and entry["kind"] not in kinds.labels:
            raise doc.error((i, "kind"), f"kind '{entry['kind']}' is not one of: {', '.join(kinds.labels)}"
                            + did_you_mean(entry["kind"], kinds.labels))
        if entry["id"] in ids:
            raise doc.error((i, "id"), f"a second edit for event '{entry['id']}' (the first is at line "
                                       f"{ids[entry['id']]}); expected one edit an event")
        ids[entry["id"]] = doc.at((i,))[0]
        edits.append(Edit(entry, doc.at((i,))[0]))
    return edits


def apply_curated(events: list[Event], edits: list[Edit], path: Path, kinds, page_url) -> list[Event]:
    """Retitle, retag, hide or add events; an edit that matches no event stops the build."""
    by_id = {e.id: e for e in events}
    for edit in edits:
        entry, line = edit.fields, edit.line
        if entry.get("add"):
            if entry["id"] in by_id:
                raise InputError(path, line, f"added event '{entry['id']}' has the id of an extracted event; "
                                             "expected a new id")
            page = entry["page"]
            e = Event(id=entry["id"], date=entry["date"], precision=entry["precision"],
                      title=entry["title"], text=entry["text"], countries=list(entry.get("countries", [])),
                      kind=entry.get("kind", kinds.default[0]),
                      url=page_url(page) + (f"#{entry['anchor']}" if entry.get("anchor") else ""),
                      page=page, anchor=entry.get("anchor", ""), end=entry.get("end", ""),
                      source="curated", lines=[line] if line else [], chapter=page.split("/")[0] if "/" in page else "")
            events.append(e)
            by_id[e.id] = e
            continue
        e = by_id.get(entry["id"])
        if e is None:
            raise InputError(path, line, f"edit for event '{entry['id']}' points at no event; "
                                         "expected the id of an extracted event (see data/timeline.extracted.yaml)")
        if "title" in entry:
            e.title = entry["title"]
        if "kind" in entry:
            e.kind = entry["kind"]
        if "countries" in entry:
            e.countries = list(entry["countries"])
        if entry.get("hide"):
            e.hidden = True
    return events


def check_sources(events: list[Event], files: dict[str, str], path: Path) -> None:
    """An added event names its source page and anchor by hand, and the link
    is written as plain HTML, which MkDocs does not check: the builder does."""
    for e in events:
        if e.source != "curated":
            continue
        line = e.lines[0] if e.lines else None
        text = files.get(e.page)
        if text is None:
            raise InputError(path, line, f"event '{e.id}': page '{e.page}' is not a page of the site; expected "
                                         "one such as dwp2015-3-3/section-1/item-4.md")
        if e.anchor and not defines_anchor(text, e.anchor):
            raise InputError(path, line, f"event '{e.id}': page '{e.page}' has no anchor '{e.anchor}'; expected "
                                         "a paragraph's (p-1-4-1) or a footnote's (fn:8)")


def defines_anchor(text: str, anchor: str) -> bool:
    if anchor.startswith("fn:"):
        return f"[^{anchor[3:]}]:" in text
    return f"{{: #{anchor} }}" in text or f"{{ #{anchor} }}" in text or f'id="{anchor}"' in text
