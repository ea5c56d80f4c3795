"""The words around the text (content/labels.yaml, builder/labels.py): each
written once, each reaching the site, and a label's slip told with its line."""

from __future__ import annotations

import json
import re
import string

import pytest
import yaml
from conftest import CONTENT, REPO, copy_content, make_chapter, make_content

from bench.corpus import synthetic_content
from builder.countries import profiles as profiles_mod
from builder.engines import edition_settings, markdown_extensions
from builder.errors import InputError
from builder.inputs.yamldoc import load
from builder.labels import Labels
from builder.site import build_site
from builder.timeline import page as timeline_mod


def labels_from(tmp_path, text: str) -> Labels:
    """Labels from `text`, then each label it lacks as content/labels.yaml has it (Labels holds every
    label); the text's own lines come first, so that an error in them is told at its line."""
    real = yaml.safe_load((CONTENT / "labels.yaml").read_text(encoding="utf-8"))
    given = yaml.safe_load(text)
    rest = {k: v for k, v in real.items() if k not in given}
    path = tmp_path / "labels.yaml"
    path.write_text(text + yaml.safe_dump(rest, allow_unicode=True), encoding="utf-8")
    return Labels(load(path))


def test_a_label_fills_its_fields_and_other_labels_words(tmp_path):
    lb = labels_from(tmp_path, "timeline: 年表\ncount: '{n}件'\ntimeline_list: '{timeline}の一覧'\n")
    assert lb.timeline == "年表" and lb.timeline_list == "年表の一覧"
    assert lb.text("count", n=3) == "3件"
    # Markdown: the label's own words are escaped, a field goes in as the caller made it
    lb = labels_from(tmp_path, "timeline: '*年表*'\ncount: '[{n}] 件'\ntimeline_list: '{timeline}の一覧'\n")
    assert lb.md("timeline_list") == r"\*年表\*の一覧"
    assert lb.md("count", n="[3](x.md)") == r"\[[3](x.md)\] 件"
    assert lb.html("timeline") == "*年表*"
    # a brace of the label's own
    assert labels_from(tmp_path, "count: '{{{n}}}件'\n").text("count", n=2) == "{2}件"


def test_a_label_with_braces_of_its_own_is_words_another_label_may_name(tmp_path):
    """README's way to write a brace: '年表{{x}}' stopped the build, and the error named the label
    that used it (issue 25)."""
    lb = labels_from(tmp_path, "timeline: '年表{{x}}'\ntimeline_list: '{timeline}の一覧'\n")
    assert lb.timeline == "年表{x}" and lb.timeline_list == "年表{x}の一覧"
    assert lb.md("timeline_list") == r"年表\{x\}の一覧"
    # a slip in the braced label is told at its own line, with its key
    with pytest.raises(InputError) as e:
        labels_from(tmp_path, "timeline: '年表{{x}'\ntimeline_list: '{timeline}の一覧'\n")
    assert (e.value.line, e.value.key) == (1, "timeline")


@pytest.mark.parametrize(
    "text, says",
    [
        ("count: '{m}件'\n", "'{m}' is neither a field of this label nor another label's name; expected {n} or"),
        ("count: '{n件'\n", "is not a label's words"),
        ("count: '{n:>3}件'\n", "'{n:>3}': a field here is a bare name; expected {n}"),
        # a label that takes fields cannot stand inside another: its fields would go unfilled
        ("count: '{n}件'\ntimeline_list: '{count}の一覧'\n", "'{count}' is a label with fields of its own; expected"),
        ("timeline_list: '{}の一覧'\n", "'{}' is neither a field"),
    ],
)
def test_a_slip_in_a_labels_fields_is_told_with_its_line(tmp_path, text, says):
    with pytest.raises(InputError) as e:
        labels_from(tmp_path, "home: ホーム\n" + text)
    message = str(e.value)
    assert says in message, message
    assert f"{tmp_path / 'labels.yaml'}:{text.count(chr(10)) + 1}:" in message


def marker(key: str) -> str:
    return f"⟦{key.replace('_', '-')}⟧"  # nothing Markdown would escape


def fields(text: str) -> list[str]:
    return [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]


# a registry entry the text never names: its profile says so
SILENT = """
  - id: ZZZ
    name_ja: 架空国
    name_en: Nowhere
    region: 国際機関
    names: [架空国]
"""


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    """The site built with every label replaced by a marker of its own (its
    fields kept): the real chapter; two chapters with page limits small enough
    that the timeline and the profiles are cut into several pages; both with a
    country the text never names; and a small chapter whose text stops mid-sentence."""
    words = yaml.safe_load((CONTENT / "labels.yaml").read_text(encoding="utf-8"))
    english = yaml.safe_load((CONTENT / "labels-en.yaml").read_text(encoding="utf-8"))
    assert set(english) == set(words)
    marked = {k: marker(k) + "".join(f"{{{f}}}" for f in fields(v)) for k, v in words.items()}
    text = yaml.safe_dump(marked, allow_unicode=True)
    root = tmp_path_factory.mktemp("labels")
    one = copy_content(root / "one")
    two = synthetic_content(root / "two", 2)
    stops = [
        "第1節\u3000節の題",
        "\t1\t 項の題",
        "",
        "原文の最後の文は、途中で切",
        "れている",
        "",
        "段階の図　図表Ⅲ-3-9-9",
        "○例",
    ]
    # and a figure whose heading the chapter's inputs show print has, though its text layer lost it
    arranged = (
        "figures:\n  Ⅲ-3-9-9:\n    kind: arranged\n    parts:\n"
        "      - title: [{supplied: 段階, from: print, why: 印刷された図にある}]\n        items: [[○例]]\n"
    )
    cut = make_content(root / "cut", make_chapter(root / "cut", stops, extra_yaml=arranged))
    for content in (one, two, cut):
        (content / "labels.yaml").write_text(text, encoding="utf-8")
    # the English edition's words too: some labels only another edition's pages show (a note its text lacks)
    (one / "labels-en.yaml").write_text(text, encoding="utf-8")
    for content in (one, two):
        with open(content / "data" / "countries.yaml", "a", encoding="utf-8") as f:
            f.write(SILENT)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(timeline_mod, "PAGE_LIMIT", 150)
        mp.setattr(profiles_mod, "PROFILE_LIMIT", 60)
        results = [build_site(one), build_site(two), build_site(cut)]
    settings = [edition_settings(e, r) for r in results for e in r.editions]  # the engine's config: the palette
    results += [e for r in results for e in r.editions]
    settings += [markdown_extensions(r) for r in results]  # and every edition's: the heading links' title
    out = "\n".join(t for r in results for t in r.files.values())
    out += json.dumps(settings, ensure_ascii=False, default=repr)
    # the theme's words, the nav, and the search worker's (the builder's hook writes them into its data)
    out += json.dumps(
        [r.theme_words for r in results] + [r.nav for r in results] + [r.search for r in results], ensure_ascii=False
    )
    return words, english, out


def test_every_label_reaches_the_site(marked):
    words, _, out = marked
    assert [k for k in words if marker(k) not in out] == []


def test_no_labels_words_are_written_anywhere_else(marked):
    """With every label replaced, none of their words is left in what the builder
    writes, nor in the theme's template and script: where one is, it was written
    a second time, in code."""
    words, english, out = marked
    inputs = "\n".join(
        p.read_text(encoding="utf-8")
        for p in CONTENT.rglob("*")
        if p.is_file() and not p.name.startswith("labels") and p.suffix != ".md"
    )
    theme = "\n".join(
        p.read_text(encoding="utf-8")
        for p in (REPO / "overrides").rglob("*")
        if p.suffix in (".html", ".js") and "vendor" not in p.parts
    )

    # a label's own words, its fields taken out, that the inputs never use (shorter ones
    # would be found where they mean something else: の一覧 in a figure's own note)
    def ours(shortest):
        pieces = {
            piece
            for v in [*words.values(), *english.values()]
            for piece in re.split(r"\{[^{}]*\}", v)
            if len(piece.strip()) >= shortest
        }
        return sorted(p for p in pieces if p not in inputs)

    assert len(ours(4)) > 30

    # (an English label's word is found as a word: "Timeline" is not in the name "TimelineJS")
    def written(piece, text):
        if not piece.isascii():
            return piece in text
        return re.search(r"(?<![A-Za-z])" + re.escape(piece) + r"(?![A-Za-z])", text) is not None

    assert [p for p in ours(4) if written(p, out)] == []
    # in the script, an English word alone is a name of the code (Text in innerText): phrases only
    assert [p for p in ours(2) if p in theme and (not p.isascii() or " " in p.strip())] == []
