"""Each rule alone, driven by fixture files in the style of markdown-it-py's:
tests/fixtures/<rule>.txt holds cases of

    what the case shows
    .
    raw lines
    .
    what the rule gives
    .

In the raw lines `\\t`, `\\u3000` and `\\ufffd` stand for a tab, an ideographic
space and U+FFFD, and `⏎` ends a line that ends in spaces. The output is the
rule's result written out line by line (see show_lines and show_blocks), so
a case reads as what a person expects of the rule.

The furniture and line rules run alone on lines made straight from the raw
text; the segmenter and the paragraph assembler get the stages before them
(furniture, figures, acronyms, ruby), as the pipeline gives them their input.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from builder.figures.extract import extract_figures
from builder.blocks.model import Box, Caption, CrossRef, FootnoteBody, Heading, Paragraph, TextBlock
from builder.blocks.paragraphs import assemble
from builder.blocks.segment import Segmenter
from builder.config import ChapterConfig, Hint
from builder.errors import Warnings
from builder.ledger import Ledger
from builder.lines import Line
from builder.rules_furniture import glyph, page_foot, page_start, remove_furniture, running_head, see_also, \
    vertical_title
from builder.rules_lines.acronym import join_acronyms
from builder.rules_lines.ruby import join_ruby
from builder.source import RawLine
from builder.text import ABBR_RE, FN_RE, LINK_RE, RUBY_RE

from conftest import CHAPTER_YAML

FIXTURES = Path(__file__).parent / "fixtures"


def read_cases(path: Path) -> list[tuple[str, list[str], str]]:
    """(title, raw lines, expected output) for each case of a fixture file."""
    cases, block, parts = [], [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
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
    return cases


def unescape(line: str) -> str:
    line = re.sub(r"\\(t|u[0-9a-f]{4})", lambda m: "\t" if m.group(1) == "t" else chr(int(m.group(1)[1:], 16)), line)
    return line.removesuffix("⏎")


def chapter(hints=()) -> ChapterConfig:
    data = yaml.safe_load(CHAPTER_YAML)
    return ChapterConfig(dir=Path("."), id=data["id"], raw=Path("raw.txt"), book="", book_en="", part="",
                         number="", title="", source_note="", furniture=data["furniture"], hints=list(hints))


def raw_lines(raw: list[str]) -> list[RawLine]:
    return [RawLine(no, unescape(t)) for no, t in enumerate(raw, 1)]


def lines_of(raw: list[RawLine]) -> list[Line]:
    return [Line([r.no], r.text, kind="text" if r.text.strip() else "blank") for r in raw]


def show_text(text: str) -> str:
    """Inline markup as tags a reader knows."""
    text = ABBR_RE.sub(lambda m: f'<abbr title="{m.group(2)}">{m.group(1)}</abbr>', text)
    text = RUBY_RE.sub(lambda m: f"<ruby>{m.group(1)}<rt>{m.group(2)}</rt></ruby>", text)
    text = LINK_RE.sub(lambda m: f"[{m.group(2)}]({m.group(1)})", text)
    return FN_RE.sub(lambda m: f"[^{m.group(1)}]", text).replace("\t", "\\t").replace("\u3000", "\\u3000")


def show_lines(lines: list[Line], ledger: Ledger | None = None) -> str:
    """One row a line: its raw line numbers, what it is, its text; then what was dropped."""
    out = []
    for line in lines:
        marks = [m for m in (line.kind if line.kind != "text" else "", "page" if line.page_start else "",
                             "hanging" if line.hanging else "") if m]
        if line.blank:
            out.append(f"{','.join(map(str, line.nos))}: (blank)")
        else:
            out.append(f"{','.join(map(str, line.nos))}: {'[' + ' '.join(marks) + '] ' if marks else ''}"
                       f"{show_text(line.text)}")
    if ledger:
        for no, e in sorted(ledger.entries.items()):
            if e.category == "furniture":
                out.append(f"dropped {no}: {e.detail}" + (f" (page {e.page})" if e.page else ""))
        for reason, n in ledger.chars.items():
            out.append(f"characters dropped: {n} {reason}")
    return "\n".join(out)


def show_blocks(blocks) -> str:
    out = []
    for b in blocks:
        if isinstance(b, Heading):
            out.append(f"heading {b.kind} {b.num}: {show_text(b.title)}")
        elif isinstance(b, TextBlock):
            out.append("text" + (" (blank line after)" if b.before_blank else ""))
            out += [f"  {show_text(line.text)}" for line in b.lines]
        elif isinstance(b, Paragraph):
            out.append(f"paragraph{' (cut off)' if b.cut_off else ''}: {show_text(b.text)}")
        elif isinstance(b, FootnoteBody):
            out.append(f"footnote {b.num}: {show_text(b.text)}")
        elif isinstance(b, CrossRef):
            out.append("see also: " + " / ".join(
                f"{e['label']}（{e['title']}）" + (f" → {e['target'][1]}" if e["target"] else "") for e in b.entries))
        elif isinstance(b, Caption):
            out.append(f"caption: {show_text(b.text)}")
        elif isinstance(b, Box):
            out.append(f"box {b.kind}: {b.title}")
            if b.paragraphs:
                out += [f"  paragraph: {show_text(p.text)}" for p in b.paragraphs]
            else:
                out += [f"  {show_text(line.text)}" for line in b.lines if not line.blank]
    return "\n".join(out)


def furniture_rule(rule):
    def run(raw, layout, cfg):
        ledger = Ledger(Path("raw.txt"), len(raw))
        return show_lines(rule.apply(lines_of(raw), cfg, layout, ledger), ledger)
    return run


def before_blocks(raw, layout, cfg):
    """What the segmenter is given: furniture out, figures out, acronyms and ruby joined."""
    ledger = Ledger(Path("raw.txt"), len(raw))
    lines = remove_furniture(raw, cfg, layout, ledger)
    _, lines = extract_figures(lines, layout, ledger)
    lines = join_ruby(join_acronyms(lines, layout), layout, cfg, Warnings(), ledger)
    return lines, ledger


def segment(raw, layout, cfg):
    lines, ledger = before_blocks(raw, layout, cfg)
    return show_blocks(Segmenter(lines, layout, cfg, ledger).run())


def paragraphs(raw, layout, cfg):
    lines, ledger = before_blocks(raw, layout, cfg)
    blocks = Segmenter(lines, layout, cfg, ledger).run()
    return show_blocks(assemble(blocks, layout, cfg.hints_of("paragraph_break"), ledger))


RUNNERS = {
    "furniture-page_start": furniture_rule(page_start),
    "furniture-glyph": furniture_rule(glyph),
    "furniture-vertical_title": furniture_rule(vertical_title),
    "furniture-running_head": furniture_rule(running_head),
    "furniture-page_foot": furniture_rule(page_foot),
    "furniture-see_also": furniture_rule(see_also),
    "lines-acronym": lambda raw, layout, cfg: show_lines(join_acronyms(lines_of(raw), layout)),
    "lines-ruby": lambda raw, layout, cfg: show_lines(join_ruby(lines_of(raw), layout, cfg, Warnings(),
                                                                Ledger(Path("raw.txt"), len(raw)))),
    "segment": segment,
    "paragraphs": paragraphs,
}

CASES = [(name, *case) for name in RUNNERS for case in read_cases(FIXTURES / f"{name}.txt")]


def test_every_fixture_file_has_a_runner():
    assert {p.stem for p in FIXTURES.glob("*.txt")} == set(RUNNERS)


@pytest.mark.parametrize("name,title,raw,expected", CASES, ids=[f"{c[0]}: {c[1]}" for c in CASES])
def test_rule(name, title, raw, expected, layout):
    # a hint is written in the case's title: [hint paragraph_break: quote]
    hints = [Hint(k, q, "fixture", r or "", None) for k, q, r in
             re.findall(r"\[hint (\w+): ([^\]|]+?)(?: \| ([^\]]+))?\]", title)]
    assert RUNNERS[name](raw_lines(raw), layout, chapter(hints)) == expected
