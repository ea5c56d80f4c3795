"""Each rule alone, driven by fixture files in the style of markdown-it-py's:
tests/fixtures/<rule>.txt holds cases of

    what the case shows
    .
    raw lines
    .
    what the rule gives
    .

The registry (builder/ruler.py) gives the runner: a file named after a rule
runs that rule alone on lines made straight from the raw text, so a new rule
needs only its fixture file (and must have one). Two files are stages, not
rules: segment.txt and paragraphs.txt get the whole chain of the profile's
rules before them, as the pipeline gives them their input, and run the
profile's segmenter (segment.en.txt: another profile's cases of a stage).

A file may start with `% profile: en`: its cases run with that profile's
layout (content/layout-<profile>.yaml) and a small chapter of that edition;
the default is content/layout.yaml and the Japanese one.

In the raw lines `\\t`, `\\u3000` and `\\ufffd` stand for a tab, an ideographic
space and U+FFFD, and `⏎` ends a line that ends in spaces. The output is the
rule's result written out line by line (see show_lines and show_blocks), so
a case reads as what a person expects of the rule.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import CHAPTER_YAMLS, CONTENT

from builder import ruler
from builder.blocks.model import Box, Caption, CrossRef, FootnoteBody, Heading, Paragraph, TextBlock
from builder.blocks.paragraphs import assemble
from builder.config import ChapterConfig, Hint, Layout
from builder.errors import InputError, Warnings
from builder.ledger import Ledger
from builder.lines import line_of
from builder.pipeline import segmenter
from builder.source import RawLine
from builder.state import LineState
from builder.text import ABBR_RE, FN_RE, LINK_RE, RUBY_RE

FIXTURES = Path(__file__).parent / "fixtures"


def read_cases(path: Path) -> tuple[str, list[tuple[str, list[str], str]]]:
    """The file's profile, and (title, raw lines, expected output) for each case."""
    cases, block, parts = [], [], []
    text = path.read_text(encoding="utf-8")
    profile, before = "ja", []
    while m := re.match(r"% (profile|after): ([\w ,]+)\n", text):
        if m.group(1) == "profile":
            profile = m.group(2)
        else:
            before = [r.strip() for r in m.group(2).split(",")]
        text = text[m.end() :]
    for line in text.split("\n"):
        if line == ".":
            parts.append(block)
            block = []
            if len(parts) == 3:
                title, raw, expected = parts
                cases.append((" ".join(t for t in title if t).strip(), raw, "\n".join(expected)))
                parts = []
        else:
            block.append(line)
    assert not parts, f"{path.name}: a case is not closed by three '.' lines"
    return profile, before, cases


def unescape(line: str) -> str:
    line = re.sub(r"\\(t|u[0-9a-f]{4})", lambda m: "\t" if m.group(1) == "t" else chr(int(m.group(1)[1:], 16)), line)
    return line.removesuffix("⏎")


def chapter(profile: str, title: str = "") -> ChapterConfig:
    """The profile's small chapter, with what a case's title adds to it:
    [hint KIND: QUOTE | MORE] (MORE: a ruby hint's reading, a page_order hint's `after`, a
    ligature hint's `as`, a footnote_number hint's number), [outline: numbered 1, paren 2, …]
    (the counterpart's headings) and [figure NUM: FROM | TO] (a figure's run of lines)."""
    data = yaml.safe_load(CHAPTER_YAMLS[profile])
    hints = []
    for kind, quote, more in re.findall(r"\[hint (\w+): ([^\]|]+?)(?: \| ([^\]]+))?\]", title):
        field = {"ruby_base": "reading", "page_order": "after", "ligature": "shows", "footnote_number": "num"}.get(kind)
        extra = {field: int(more) if field == "num" else more} if field and more else {}
        hints.append(Hint(kind, quote, "fixture", **{"reading": "", "line": None, **extra}))
    outline = re.search(r"\[outline: ([^\]]+)\]", title)
    figures = {
        num: {"runs": [{"from": a, "to": b}]}
        for num, a, b in re.findall(r"\[figure (\S+): ([^\]|]+?) \| ([^\]]+)\]", title)
    }
    return ChapterConfig(
        dir=Path("."),
        id=data["id"],
        raw=Path("raw.txt"),
        book="",
        book_en="",
        part="",
        number="",
        title="",
        source_note="",
        furniture=data["furniture"],
        layout=layout_of(profile),
        figures=data.get("figures") or {},
        hints=hints,
        figure_lines=figures,
        outline=tuple((k, n) for k, n in (x.strip().split(" ") for x in outline.group(1).split(",")))
        if outline
        else (),
    )


def raw_lines(raw: list[str]) -> list[RawLine]:
    return [RawLine(no, unescape(t)) for no, t in enumerate(raw, 1)]


def state_of(raw: list[RawLine], layout, cfg) -> LineState:
    """What the first rule is given: a line a raw line, blank ones accounted for."""
    ledger = Ledger(Path("raw.txt"), len(raw))
    lines = tuple(line_of(r.no, r.text) for r in raw)
    for line in lines:
        if line.blank:
            ledger.mark(line.nos, "blank")
    return LineState(lines, cfg, layout, ledger, Warnings(), raw=tuple(r.text for r in raw))


def show_text(text: str) -> str:
    """Inline markup as tags a reader knows."""
    text = ABBR_RE.sub(lambda m: f'<abbr title="{m.group(2)}">{m.group(1)}</abbr>', text)
    text = RUBY_RE.sub(lambda m: f"<ruby>{m.group(1)}<rt>{m.group(2)}</rt></ruby>", text)
    text = LINK_RE.sub(lambda m: f"[{m.group(2)}]({m.group(1)})", text)
    return FN_RE.sub(lambda m: f"[^{m.group(1)}]", text).replace("\t", "\\t").replace("\u3000", "\\u3000")


def show_lines(lines, ledger: Ledger | None = None) -> str:
    """One row a line: its raw line numbers, what it is, its text; then what was dropped."""
    out = []
    for line in lines:
        marks = [
            m
            for m in (
                line.kind if line.kind != "text" else "",
                "page" if line.page_start else "",
                "hanging" if line.hanging else "",
                *sorted(line.flags - {"acronym", "ruby"}),
            )
            if m
        ]
        if line.blank:
            out.append(f"{','.join(map(str, line.nos))}: (blank)")
        else:
            out.append(
                f"{','.join(map(str, line.nos))}: {'[' + ' '.join(marks) + '] ' if marks else ''}{show_text(line.text)}"
            )
    if ledger:
        for no, e in sorted(ledger.entries.items()):
            if e.category == "furniture":
                out.append(f"dropped {no}: {e.detail}" + (f" (page {e.page})" if e.page else ""))
        for reason, n in ledger.chars.items():
            out.append(f"characters dropped: {n} {reason}")
    return "\n".join(out)


def show_state(state: LineState) -> str:
    out = [show_lines(state.lines, state.ledger)]
    for f in state.figures:
        out.append(f"figure {f.num}: {f.caption} (lines {','.join(map(str, f.nos))})")
    for m in state.ledger.moves:
        out.append(f"moved {m.nos[0]}-{m.nos[-1]}: {m.evidence}")
    for r in state.ledger.repair_log:
        out.append(f"{r.kind} {r.line}: {r.before} → {r.after}")
    for r in state.ledger.lost:
        out.append(f"glyph lost {r.line}: {r.before} → {r.after}")
    return "\n".join(x for x in out if x)


def show_blocks(blocks) -> str:
    out = []
    for b in blocks:
        if isinstance(b, Heading):
            out.append(f"heading {b.kind} {b.num}: {show_text(b.title)}")
        elif isinstance(b, TextBlock):
            out.append("text" + (" (blank line after)" if b.before_blank else ""))
            out += [f"  {show_text(line.text)}" for line in b.lines]
        elif isinstance(b, Paragraph):
            marks = " ".join(m for m in ("(cut off)" if b.cut_off else "", "(beyond)" if b.beyond else "") if m)
            out.append(f"paragraph{' ' + marks if marks else ''}: {show_text(b.text)}")
        elif isinstance(b, FootnoteBody):
            out.append(f"footnote {b.num}{'' if b.state == 'whole' else f' ({b.state})'}: {show_text(b.text)}")
        elif isinstance(b, CrossRef):
            out.append(
                "see also: "
                + " / ".join(
                    f"{e['label']}（{e['title']}）" + (f" → {e['target'][1]}" if e["target"] else "") for e in b.entries
                )
            )
        elif isinstance(b, Caption):
            out.append(f"caption: {show_text(b.text)}")
        elif isinstance(b, Box):
            out.append(f"box {b.kind}: {b.title}")
            if b.paragraphs:
                out += [f"  paragraph: {show_text(p.text)}" for p in b.paragraphs]
            else:
                out += [f"  {show_text(line.text)}" for line in b.lines if not line.blank]
    return "\n".join(out)


def raw_texts(raw) -> tuple:
    return tuple(r.text for r in raw)


def before_blocks(raw, layout, cfg):
    """What the segmenter is given: the profile's whole chain of rules."""
    state = ruler.run(layout.rules, state_of(raw, layout, cfg))
    return state.lines, state.ledger


def segment(raw, layout, cfg):
    lines, ledger = before_blocks(raw, layout, cfg)
    try:
        return show_blocks(segmenter(layout)(lines, layout, cfg, ledger, raw_texts(raw)).run())
    except InputError as e:
        return f"error: {e}"


def paragraphs(raw, layout, cfg):
    lines, ledger = before_blocks(raw, layout, cfg)
    blocks = segmenter(layout)(lines, layout, cfg, ledger, raw_texts(raw)).run()
    return show_blocks(
        assemble(blocks, layout, cfg.hints_of("paragraph_break"), ledger, cfg.hints_of("counterpart_end"))
    )


STAGES = {"segment": segment, "paragraphs": paragraphs}


def run_rule(name, before=()):
    """The rule alone (after the rules its file names with `% after:`, whose output it reads);
    an input error it stops with is its output too, as `error: …`."""
    rule = ruler.rules()[name]

    def run(raw, layout, cfg):
        try:
            state = ruler.run(before, state_of(raw, layout, cfg))
            state.ledger.entries.clear()  # what the rules before it did is their fixtures' matter
            state.ledger.chars.clear()
            return show_state(rule.fn(state))
        except InputError as e:
            return f"error: {e}"

    return run


FILES = sorted(FIXTURES.glob("*.txt"))
CASES = [
    (p.stem.split(".")[0], profile, before, *case)
    for p in FILES
    for profile, before, cases in [read_cases(p)]
    for case in cases
]
LAYOUTS: dict[str, Layout] = {}


def layout_of(profile: str) -> Layout:
    if profile not in LAYOUTS:
        LAYOUTS[profile] = Layout(CONTENT / ("layout.yaml" if profile == "ja" else f"layout-{profile}.yaml"))
    return LAYOUTS[profile]


def test_every_rule_has_a_fixture_file_and_every_file_a_rule():
    stems = {p.stem.split(".")[0] for p in FILES}
    assert set(ruler.rules()) <= stems, f"rules without fixtures: {sorted(set(ruler.rules()) - stems)}"
    assert stems <= set(ruler.rules()) | set(STAGES), (
        f"fixtures of no rule: {sorted(stems - set(ruler.rules()) - set(STAGES))}"
    )


@pytest.mark.parametrize("name,profile,before,title,raw,expected", CASES, ids=[f"{c[0]}: {c[3]}" for c in CASES])
def test_rule(name, profile, before, title, raw, expected):
    run = STAGES[name] if name in STAGES else run_rule(name, before)
    assert run(raw_lines(raw), layout_of(profile), chapter(profile, title)) == expected
