"""An edition's chapter paired with its counterpart in the main edition: headings
by their numbers (the two outlines are the same, page_order saw to it), then,
under each heading, paragraphs in order; boxes and captions by their order in
the item, and the boxes' paragraphs in order; notes and figures by their numbers.

Paragraphs are paired by a dynamic programme over each unit (the run under one
heading): one to one, two to one, one to two, or one left alone, each scored by
the evidence both texts share (years after era conversion, months, numbers,
acronyms, countries) and by their lengths. A pairing other than one to one is
an exception: the chapter's alignment.yaml must list it, with its reason (an
editor confirms what the builder proposes, `python -m builder align`), or the
build stops; a paragraph past the counterpart's end (hint counterpart_end) is
alone by its nature. A one-to-one pair whose shared evidence disagrees is a
warning naming both paragraphs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .blocks.model import Block, Box, Caption, Heading, Paragraph
from .dates import DateReader
from .errors import InputError
from .structure.chapter import figure_slug
from .text import plain

if TYPE_CHECKING:
    from .checked import YamlMap
    from .countries.matcher import Matcher
    from .inputs.yamldoc import Doc
    from .structure.chapter import Chapter, Item

Feature = tuple[str, int | str]  # ("y", 2014), ("a", "NATO"): one piece of a text's evidence

MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        1,
    )
}
ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z][A-Z0-9\-]*[A-Z0-9](?=s?(?![A-Za-z]))")  # NGOs: NGO
YEAR_EN = re.compile(r"(?<!\d)(19[4-9]\d|20[0-4]\d)(?!\d)")
MONTH_YEAR_EN = re.compile(r"\b(" + "|".join(MONTHS) + r")(?:\s+\d{1,2},)?\s+(19\d\d|20\d\d)\b")
DAY_MONTH_EN = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\s+\d{1,2}\b|\b\d{1,2}\s+(?:" + "|".join(MONTHS) + r")\b")
# a count or an ordinal, as digits or (in English) words; not a part of a name (CTF151, P-3C)
NUMBER = re.compile(r"(?<![A-Za-z0-9.,\-])(\d{1,3}(?:,\d{3})*)(?:st|nd|rd|th)?(?![A-Za-z0-9.\-]|,\d)")
# "one" and "two" are left out: "the two countries" is 両国, "one of" no count at all
WORDS = {
    w: i for i, w in enumerate(["three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"], 3)
}
WORDS.update(
    {
        w: i
        for i, w in enumerate(
            ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"], 1
        )
    }
)
NUMBER_WORD = re.compile(r"\b(" + "|".join(WORDS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class Evidence:
    years: frozenset[int]
    months: frozenset[str]  # YYYY-MM
    acronyms: frozenset[str]
    countries: frozenset[str]
    numbers: frozenset[int] = frozenset()  # counts and ordinals, not dates

    def features(self) -> set[Feature]:
        return (
            {("y", y) for y in self.years}
            | {("m", m) for m in self.months}
            | {("a", a) for a in self.acronyms}
            | {("c", c) for c in self.countries}
            | {("n", n) for n in self.numbers}
        )


@dataclass
class Pair:
    unit: str
    theirs: list[Paragraph]  # the main edition's paragraphs
    mine: list[Paragraph]  # this edition's
    why: str = ""  # the exception's reason, where it is one

    @property
    def kind(self) -> str:
        return f"{len(self.theirs)}-{len(self.mine)}"


@dataclass
class Match:
    """A heading, note, figure, caption or box of one edition with its counterpart's (None: it
    has none, and `why` says why)."""

    kind: str
    key: str  # how both editions name it: "1-2 sub 3", "1 note 6", "fig-iii-3-1-1", "1-2 caption 4"
    theirs: object
    mine: object
    why: str = ""


@dataclass
class Alignment:
    pairs: list[Pair] = field(default_factory=list)
    theirs_chapter: Chapter | None = None  # the main edition's chapter
    mine_chapter: Chapter | None = None  # this edition's
    matches: list[Match] = field(default_factory=list)
    # each paragraph's evidence by its anchor, read once, in reading order (a date such as
    # 同年 is read against the one before it)
    evidence_theirs: dict[str, Evidence] = field(default_factory=dict)
    evidence_mine: dict[str, Evidence] = field(default_factory=dict)

    def evidence(self, pair: Pair) -> tuple[Evidence, Evidence]:
        """The evidence of each side of a pair (of two paragraphs, both together)."""
        return (
            merged(self.evidence_theirs[p.anchor] for p in pair.theirs),
            merged(self.evidence_mine[p.anchor] for p in pair.mine),
        )

    def of_mine(self) -> dict[str, Pair]:
        """This edition's paragraph anchor -> the pair it is in."""
        return {p.anchor: pair for pair in self.pairs for p in pair.mine}

    def of_theirs(self) -> dict[str, Pair]:
        return {p.anchor: pair for pair in self.pairs for p in pair.theirs}


def merged(evidences: Iterable[Evidence]) -> Evidence:
    evidences = list(evidences)
    return Evidence(
        frozenset().union(*(e.years for e in evidences)),
        frozenset().union(*(e.months for e in evidences)),
        frozenset().union(*(e.acronyms for e in evidences)),
        frozenset().union(*(e.countries for e in evidences)),
        frozenset().union(*(e.numbers for e in evidences)),
    )


class Evidencer:
    """The evidence of a text: its years and months (Japanese dates read with their eras),
    acronyms and countries (the edition's matcher)."""

    def __init__(self, eras: Mapping[str, int], pivot: int, matcher: Matcher | None):
        self.reader = DateReader(eras, pivot) if eras else None
        self.matcher = matcher

    def __call__(self, text: str) -> Evidence:
        t = plain(text)
        years: set[int] = set()
        months: set[str] = set()
        rest = t  # the text with its dates blanked, where counts are read
        if self.reader:
            for d in self.reader.read(t):
                years.add(d.year)
                if len(d.iso) >= 7:
                    months.add(d.iso[:7])
                rest = rest[: d.start] + " " * (d.end - d.start) + rest[d.end :]
        for m in MONTH_YEAR_EN.finditer(t):
            months.add(f"{m.group(2)}-{MONTHS[m.group(1)]:02d}")
        for m in YEAR_EN.finditer(t):
            years.add(int(m.group(1)))
        for pattern in (MONTH_YEAR_EN, DAY_MONTH_EN, YEAR_EN):
            rest = pattern.sub(lambda m: " " * len(m.group()), rest)
        numbers = {int(n.replace(",", "")) for n in NUMBER.findall(rest)}
        numbers |= {WORDS[w.lower()] for w in NUMBER_WORD.findall(rest)}
        acronyms = {a for a in ACRONYM.findall(t) if len(a) >= 2}
        countries = {m.id for m in self.matcher.find(text)} if self.matcher else set()
        return Evidence(
            frozenset(years), frozenset(months), frozenset(acronyms), frozenset(countries), frozenset(numbers)
        )


def heading_keys(item: Item, prefix: str, kana_order: str) -> Iterator[tuple[str | None, Block]]:
    """(key, block) for an item's blocks: a heading's key holds the numbers of the headings it is
    under (1-2 sub 1 paren 3 kana 2), since a 2nd-level count starts again under each 1st-level one;
    a kana heading by its place (ア is 1), so that both editions name it alike."""
    chain: list[tuple[str, str]] = []
    for b in item.blocks:
        if isinstance(b, Heading):
            order = ("sub", "paren", "kana")
            rank = order.index(b.level) if b.level in order else len(order)
            chain = [c for c in chain if order.index(c[0]) < rank] if b.level in order else chain
            num = kana_order.index(b.num) + 1 if b.level == "kana" else b.num
            chain.append((b.level, str(num)))
            yield " ".join([prefix] + [f"{level} {n}" for level, n in chain]), b
        else:
            yield None, b


def units(chapter: Chapter) -> list[tuple[str, list[Paragraph]]]:
    """(name, paragraphs) for the chapter's intro, each section's, the run under each heading,
    and each box."""
    out = [("intro", [b for b in chapter.intro if isinstance(b, Paragraph)])]
    kana = chapter.config.layout.kana_order
    for s in chapter.sections:
        out.append((f"{s.num}", [b for b in s.intro if isinstance(b, Paragraph)]))
        for item in s.items:
            name = f"{s.num}-{item.num}"
            run: list[Paragraph] = []
            boxes: list[Box] = []
            for key, b in heading_keys(item, name, kana):
                if key:
                    out.append((name, run))
                    name, run = key, []
                elif isinstance(b, Paragraph):
                    run.append(b)
                elif isinstance(b, Box):
                    boxes.append(b)
            out.append((name, run))
            # boxes by their order in the item: each edition sets one where its page breaks
            out += [(f"{s.num}-{item.num} box {k}", list(b.paragraphs)) for k, b in enumerate(boxes, 1)]
    return out


def things(chapter: Chapter) -> dict[str, list[tuple[str, object]]]:
    """kind -> [(key, the thing)] for what pairs by its number or its order: headings, notes,
    figures, and each item's captions and boxes."""
    kana = chapter.config.layout.kana_order
    out: dict[str, list[tuple[str, object]]] = {"heading": [], "note": [], "figure": [], "caption": [], "box": []}
    for s in chapter.sections:
        out["heading"].append((f"{s.num}", s.heading))
        out["note"] += [(f"{s.num} note {f.num}", f) for f in s.footnotes]
        for item in s.items:
            name = f"{s.num}-{item.num}"
            out["heading"].append((name, item.heading))
            out["heading"] += [(key, b) for key, b in heading_keys(item, name, kana) if key]
            out["caption"] += [
                (f"{name} caption {k}", b) for k, b in enumerate((b for b in item.blocks if isinstance(b, Caption)), 1)
            ]
            out["box"] += [
                (f"{name} box {k}", b) for k, b in enumerate((b for b in item.blocks if isinstance(b, Box)), 1)
            ]
    out["figure"] = [(figure_slug(num), f) for num, f in chapter.figures.items()]
    return out


def match(theirs_ch: Chapter, mine_ch: Chapter) -> list[Match]:
    """Headings, notes, figures, captions and boxes paired by their keys; one without its
    counterpart is a Match with None on the other side."""
    out: list[Match] = []
    ours, others = things(theirs_ch), things(mine_ch)
    for kind in ours:
        mine = dict(others[kind])
        theirs = dict(ours[kind])
        for side, keys in ((theirs_ch, ours[kind]), (mine_ch, others[kind])):
            if len({k for k, _ in keys}) != len(keys):  # a key names one thing, or pairing is a guess
                twice = next(k for k, _ in keys if sum(1 for j, _ in keys if j == k) > 1)
                raise InputError(
                    side.config.raw,
                    None,
                    f"two {kind}s are both '{twice}'; expected each heading numbered once under the one above it",
                )
        out += [Match(kind, key, t, mine.get(key)) for key, t in ours[kind]]
        out += [Match(kind, key, None, m) for key, m in others[kind] if key not in theirs]
    return out


def _similarity(ev_a: set[Feature], ev_b: set[Feature], len_a: int, len_b: int, ratio: float) -> float:
    shared = len(ev_a & ev_b)
    either = len(ev_a | ev_b)
    agree = shared / either if either else 0.5
    length = math.exp(-2 * abs(math.log(max(len_b, 1) / (max(len_a, 1) * ratio))))
    return 0.6 * agree + 0.4 * length


def pair_unit(
    name: str,
    theirs: list[Paragraph],
    mine: list[Paragraph],
    ev_theirs: list[Evidence],
    ev_mine: list[Evidence],
    ratio: float,
) -> list[Pair]:
    """The unit's best pairing (a dynamic programme over 1-1, 2-1, 1-2, 1-0 and 0-1)."""
    n, m = len(theirs), len(mine)
    lt = [len(plain(p.text)) for p in theirs]
    lm = [len(plain(p.text)) for p in mine]
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]  # where the best way came from
    cost[0][0] = 0.0

    def sim(i0: int, i1: int, j0: int, j1: int) -> float:
        a: set[Feature] = set().union(*(ev_theirs[k].features() for k in range(i0, i1)))
        b: set[Feature] = set().union(*(ev_mine[k].features() for k in range(j0, j1)))
        return _similarity(a, b, sum(lt[i0:i1]), sum(lm[j0:j1]), ratio)

    moves = ((1, 1, 0.0), (2, 1, 0.35), (1, 2, 0.35), (1, 0, 0.9), (0, 1, 0.9))
    for i in range(n + 1):
        for j in range(m + 1):
            if cost[i][j] == inf:
                continue
            for di, dj, penalty in moves:
                a, b = i + di, j + dj
                if a > n or b > m:
                    continue
                c = cost[i][j] + penalty + (1 - sim(i, a, j, b) if di and dj else 0)
                if c < cost[a][b]:
                    cost[a][b], back[a][b] = c, (i, j)
    pairs: list[Pair] = []
    i, j = n, m
    while (i, j) != (0, 0):
        pi, pj = back[i][j]
        pairs.append(Pair(name, theirs[pi:i], mine[pj:j]))
        i, j = pi, pj
    return pairs[::-1]


def align(
    theirs_ch: Chapter,
    mine_ch: Chapter,
    evidence_theirs: Callable[[str], Evidence],
    evidence_mine: Callable[[str], Evidence],
) -> Alignment:
    """The proposed pairing of two editions of one chapter (nothing checked yet)."""
    ut, um = units(theirs_ch), units(mine_ch)
    if [n for n, _ in ut] != [n for n, _ in um]:
        first = next(
            (f"{a} against {b}" for (a, _), (b, _) in zip(ut, um) if a != b), f"{len(ut)} units against {len(um)}"
        )
        raise InputError(
            mine_ch.config.raw,
            None,
            f"its headings and boxes are not its counterpart's ({first}); expected the same outline in both editions",
        )
    total_t = sum(len(plain(p.text)) for _, ps in ut for p in ps) or 1
    total_m = sum(len(plain(p.text)) for _, ps in um for p in ps if not p.beyond) or 1
    ratio = total_m / total_t
    out = Alignment(theirs_chapter=theirs_ch, mine_chapter=mine_ch, matches=match(theirs_ch, mine_ch))
    for (name, pt), (_, pm) in zip(ut, um):
        inside = [p for p in pm if not p.beyond]
        out.evidence_theirs.update((p.anchor, evidence_theirs(p.text)) for p in pt)
        out.evidence_mine.update((p.anchor, evidence_mine(p.text)) for p in pm)
        out.pairs += pair_unit(
            name,
            pt,
            inside,
            [out.evidence_theirs[p.anchor] for p in pt],
            [out.evidence_mine[p.anchor] for p in inside],
            ratio,
        )
        out.pairs += [
            Pair(name, [], [p], "past the end of the counterpart's text (hint counterpart_end)") for p in pm if p.beyond
        ]
    return out


def start(p: Paragraph, n: int = 40) -> str:
    return plain(p.text)[:n]


def check(
    alignment: Alignment, spec: YamlMap, doc: Doc | None, where: Path, langs: tuple[str, str] = ("ja", "en")
) -> Alignment:
    """Every pairing other than one to one is listed in alignment.yaml (as its paragraphs' first
    words in each edition, under each edition's language: the main one's, then this one's), and
    every listed one is found; the reasons go on the pairs."""
    listed = list(enumerate(spec.get("exceptions") or []))
    odd = [pair for pair in alignment.pairs if pair.kind != "1-1" and not pair.why]
    found = {k: next((pair for pair in odd if _matches(e, pair, langs)), None) for k, e in listed}
    # an entry that pairs nothing first: it is likely the slip behind a pairing left unlisted
    for k, e in listed:
        found_k = found[k]
        if found_k is None:
            unlisted = [pair for pair in odd if not any(_matches(x, pair, langs) for _, x in listed)]
            hint = f"; the builder finds one unlisted: {_entry(unlisted[0], langs).strip()}" if unlisted else ""
            assert doc is not None  # an entry was read from the file
            raise doc.error(
                ("exceptions", k),
                "no such pairing in the chapter; expected the paragraphs' first words "
                f"as a pairing the builder finds (python -m builder align){hint}",
            )
        found_k.why = e["why"]
    for pair in odd:
        if not pair.why:
            raise InputError(
                where,
                None,
                f"unit {pair.unit}: {_describe(pair)} is not in alignment.yaml; expected "
                "an exception that says why (python -m builder align proposes it): " + _entry(pair, langs).strip(),
            )
    _check_unpaired(alignment, spec.get("unpaired") or [], doc, where, langs)
    return alignment


def _check_unpaired(
    alignment: Alignment, listed: list[YamlMap], doc: Doc | None, where: Path, langs: tuple[str, str]
) -> None:
    """A heading, note, figure, caption or box without its counterpart is listed under `unpaired`
    by its key and the edition that has it, with its reason; a listed one must be one."""
    lone = {
        ((langs[0] if m.mine is None else langs[1]), m.key): m
        for m in alignment.matches
        if m.theirs is None or m.mine is None
    }
    for k, e in enumerate(listed):
        side = langs[0] if langs[0] in e else langs[1]
        m = lone.pop((side, e[side]), None)
        if m is None:
            rest = (
                f"expected one of: {', '.join(s + ' ' + key for s, key in lone)}"
                if lone
                else "every other one is paired"
            )
            assert doc is not None  # an entry was read from the file
            raise doc.error(
                ("unpaired", k), f"'{e[side]}' is not an unpaired {side} heading, note, figure, caption or box; {rest}"
            )
        m.why = e["why"]
    for (side, key), m in lone.items():
        raise InputError(
            where,
            None,
            f"the {m.kind} '{key}' of the {side} edition has no counterpart; expected "
            f"its pair, or an entry under unpaired that says why: "
            f"- {{{side}: '{key}', why: …}}",
        )


def _matches(entry: YamlMap, pair: Pair, langs: tuple[str, str]) -> bool:
    def same(quotes: list[str], paragraphs: list[Paragraph]) -> bool:
        return len(quotes) == len(paragraphs) and all(plain(p.text).startswith(q) for q, p in zip(quotes, paragraphs))

    return same(entry.get(langs[0]) or [], pair.theirs) and same(entry.get(langs[1]) or [], pair.mine)


def _describe(pair: Pair) -> str:
    if not pair.mine:
        return f"the paragraph '{start(pair.theirs[0])}…' has no counterpart"
    if not pair.theirs:
        return f"the paragraph '{start(pair.mine[0])}…' has no counterpart"
    return (
        f"{len(pair.theirs)} paragraph(s) '{start(pair.theirs[0], 20)}…' pair with {len(pair.mine)} '"
        f"{start(pair.mine[0], 30)}…'"
    )


def _entry(pair: Pair, langs: tuple[str, str]) -> str:
    theirs = ", ".join(repr(start(p, 20)) for p in pair.theirs)
    mine = ", ".join(repr(start(p, 40)) for p in pair.mine)
    return f"  - {{{langs[0]}: [{theirs}], {langs[1]}: [{mine}], why: …}}"


def verdict(alignment: Alignment, pair: Pair) -> tuple[str, str]:
    """What the evidence both sides share says of a pair: ("flagged", why) where a kind of evidence
    both hold (years, acronyms, numbers) has nothing in common; else ("confirmed", what they share)
    where they share any; else ("unchecked", "")."""
    if not pair.theirs or not pair.mine:
        return "unchecked", ""
    a, b = alignment.evidence(pair)
    why = disagreement(a, b)
    if why:
        return "flagged", why
    shared = sorted((a.features() & b.features()) - {("c", c) for c in a.countries}, key=str)
    countries = a.countries & b.countries
    if shared or countries:
        return "confirmed", ", ".join([str(v) for _, v in shared] + sorted(countries))
    return "unchecked", ""


def disagreement(a: Evidence, b: Evidence) -> str:
    """Where two texts' shared kinds of evidence do not meet: both hold years (after era
    conversion) and none is the same, or acronyms, or numbers."""
    why = []
    for kind in ("years", "acronyms", "numbers"):
        x, y = getattr(a, kind), getattr(b, kind)
        if x and y and not x & y:
            why.append(f"{kind} {sorted(x)} against {sorted(y)}")
    return "; ".join(why)


def disagreements(alignment: Alignment) -> list[tuple[Pair, str]]:
    """The pairs whose shared kinds of evidence do not meet, each with what differs."""
    return [(pair, why) for pair in alignment.pairs for v, why in [verdict(alignment, pair)] if v == "flagged"]


def _explains(entry: YamlMap, pair: Pair, langs: tuple[str, str]) -> bool:
    """Whether a `disagreements` entry names the pair: its paragraphs' first words in each edition."""
    return plain(pair.theirs[0].text).startswith(entry[langs[0]]) and plain(pair.mine[0].text).startswith(
        entry[langs[1]]
    )


def unexplained(
    alignment: Alignment, spec: YamlMap, doc: Doc | None, langs: tuple[str, str] = ("ja", "en")
) -> list[tuple[Pair, str]]:
    """The disagreeing pairs alignment.yaml does not explain (under `disagreements`, by their first
    words); the explained ones take its reason. A listed pair the check no longer flags is an error,
    so that the file says only what is true of the text."""
    listed = list(enumerate(spec.get("disagreements") or []))
    used: set[int] = set()
    out: list[tuple[Pair, str]] = []
    for pair, why in disagreements(alignment):
        k = next((k for k, d in listed if _explains(d, pair, langs)), None)
        if k is None:
            out.append((pair, why))
        else:
            used.add(k)
            pair.why = listed[k][1]["why"]
    for k, _ in listed:
        if k not in used:
            assert doc is not None  # an entry was read from the file
            raise doc.error(
                ("disagreements", k),
                "no paired paragraphs with these first words whose evidence "
                "differs; expected a pair the check flags (python -m builder align)",
            )
    return out


def report(alignment: Alignment, spec: YamlMap, langs: tuple[str, str] = ("ja", "en")) -> tuple[list[str], bool]:
    """What `python -m builder align` prints: the pairing the builder proposes, what its evidence
    says of each pair, and each exception, with the file's reason or, where the file has none,
    the entry to add; and whether the file already says all it must."""
    out = [_match_counts(alignment)]
    alone, alone_ok = _report_unpaired(alignment, spec, langs)
    out += alone
    kinds_of: dict[str, int] = {}
    for pair in alignment.pairs:
        kinds_of[pair.kind] = kinds_of.get(pair.kind, 0) + 1
    out.append("  paragraphs: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds_of.items(), key=lambda kv: -kv[1])))
    verdicts = {pair_id: verdict(alignment, pair) for pair_id, pair in enumerate(alignment.pairs)}
    tally: dict[str, int] = {}
    for v, _ in verdicts.values():
        tally[v] = tally.get(v, 0) + 1
    out.append(
        "  shared evidence: "
        + ", ".join(f"{tally.get(v, 0)} {v}" for v in ("confirmed", "flagged", "unchecked"))
        + " (unchecked: no year, acronym, number or country in common, or one side empty)"
    )
    exceptions, exceptions_ok = _report_exceptions(alignment, spec, langs)
    out += exceptions
    out += _report_flagged(alignment, verdicts, spec, langs)
    return out, alone_ok and exceptions_ok


def _match_counts(alignment: Alignment) -> str:
    """The report's line of counts: of each kind of match, how many are paired and how many alone."""
    counts = []
    for kind in ("heading", "note", "figure", "caption", "box"):
        ms = [m for m in alignment.matches if m.kind == kind]
        alone = [m for m in ms if m.theirs is None or m.mine is None]
        plural = kind + ("es" if kind.endswith("x") else "s")
        counts.append(f"{plural} {len(ms) - len(alone)} paired" + (f", {len(alone)} alone" if alone else ""))
    return "  " + "; ".join(counts)


def _report_unpaired(alignment: Alignment, spec: YamlMap, langs: tuple[str, str]) -> tuple[list[str], bool]:
    """A line for each match one side lacks, with the file's reason or the entry to add; and
    whether the file gives a reason for each."""
    ok = True
    out = []
    listed_alone = {(side, e[side]): e["why"] for e in spec.get("unpaired") or [] for side in langs if side in e}
    for m in alignment.matches:
        if m.theirs is None or m.mine is None:
            side = langs[0] if m.mine is None else langs[1]
            why = listed_alone.get((side, m.key))
            ok &= why is not None
            out.append(
                f"    {m.kind} {m.key} ({side} only): "
                + (why or f"NOT LISTED; add under unpaired:\n      - {{{side}: '{m.key}', why: …}}")
            )
    return out, ok


def _report_exceptions(alignment: Alignment, spec: YamlMap, langs: tuple[str, str]) -> tuple[list[str], bool]:
    """A line for each pair other than one paragraph to one, with its reason (the file's) or the
    entry to add; and whether each has a reason."""
    ok = True
    out = []
    for pair in alignment.pairs:
        if pair.kind == "1-1":
            continue
        why = pair.why or next((e["why"] for e in spec.get("exceptions") or [] if _matches(e, pair, langs)), None)
        ok &= why is not None
        out.append(
            f"    {pair.unit}: {_describe(pair)}: "
            + (" ".join(why.split()) if why else "NOT LISTED; add under exceptions:\n" + _entry(pair, langs))
        )
    return out, ok


def _report_flagged(
    alignment: Alignment, verdicts: dict[int, tuple[str, str]], spec: YamlMap, langs: tuple[str, str]
) -> list[str]:
    """A line for each pair whose evidence disagrees, with the file's reason or the entry to add."""
    explained = spec.get("disagreements") or []
    out = []
    for k, pair in enumerate(alignment.pairs):
        v, why = verdicts[k]
        if v != "flagged":
            continue
        reason = next((d["why"] for d in explained if _explains(d, pair, langs)), None)
        out.append(
            f"    flagged {', '.join(p.anchor for p in pair.theirs)} / {', '.join(p.anchor for p in pair.mine)} "
            f"({pair.unit}): {why}: "
            + (
                " ".join(reason.split())
                if reason
                else "read both; if they are right, add under disagreements:\n"
                f"      - {{{langs[0]}: '{start(pair.theirs[0], 20)}', "
                f"{langs[1]}: '{start(pair.mine[0], 40)}', why: …}}"
            )
        )
    return out
