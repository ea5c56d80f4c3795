"""Bad input gets a clear error naming file, line and what was expected; the
build stops before it writes anything."""

import subprocess
import sys

import pytest
from conftest import REPO, make_chapter, make_content

from builder.engines import write_docs
from builder.errors import InputError
from builder.site import build_site

GOOD = [
    "第1節\u3000節の題",
    "\t1\t 項の題",
    "",
    "アジア太平洋地域の安全保障環境を改善する取組1",
    "が進められている。",
    "",
    "1\t 注の本文。",
]


def error_of(small, raw, hints=None):
    with pytest.raises(InputError) as e:
        small(raw, hints)
    return e.value


def test_good_input_builds(small):
    r = small(GOOD)
    assert [n.num for n in r.chapter.sections[0].items[0].footnotes] == [1]


def test_empty_file(small):
    e = error_of(small, b"")
    assert e.path.name == "raw.txt" and e.line == 1 and "empty" in e.message


def test_not_utf8(small):
    e = error_of(small, "一行目\n二行目\n".encode() + "三行目\n".encode("shift_jis"))
    assert e.line == 3 and "not UTF-8" in e.message


def test_footnote_body_with_no_marker(small):
    raw = GOOD[:3] + ["アジア太平洋地域の安全保障環境を改善する取組", "が進められている。", "", "1\t 注の本文。"]
    e = error_of(small, raw)
    assert e.line == 7 and "footnote 1" in e.message and "no marker" in e.message


def test_marker_with_no_footnote_body(small):
    raw = GOOD[:6] + ["安全保障分野での協力を進める北大西洋理事会2", "では演説を行った。", ""] + GOOD[6:]
    e = error_of(small, raw)
    assert e.line == 7 and "marker 2" in e.message and "no footnote 2" in e.message


def test_footnotes_out_of_sequence(small):
    e = error_of(small, GOOD + ["3\t 三番目の注。"])
    assert e.line == 8 and "footnote 3" in e.message


def test_heading_number_out_of_sequence(small):
    raw = ["第1節\u3000節", "\t1\t 項", "", "（1）一", "本文である。", "", "（3）三", "本文である。"]
    e = error_of(small, raw)
    assert e.line == 7 and "out of sequence" in e.message and "（2）" in e.message


def test_numbered_heading_out_of_sequence(small):
    e = error_of(small, ["第1節\u3000節", "\t1\t 項", "", "本文である。", "", "\t3\t 三"])
    assert e.line == 6 and "expected item 2 or sub-item 1" in e.message


def test_hint_that_matches_nothing(small):
    hint = "- kind: paragraph_break\n  quote: どこにもない文。\n  reason: test\n"
    e = error_of(small, GOOD, hint)
    assert e.path.name == "hints.yaml" and e.line == 2 and "matches nothing" in e.message


def test_malformed_yaml(tmp_path, layout):
    from conftest import process_chapter

    d = make_chapter(tmp_path, GOOD)
    (d / "chapter.yaml").write_text("id: x\nfurniture: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        process_chapter(d, layout)
    assert e.value.path.name == "chapter.yaml" and e.value.line == 3 and "malformed YAML" in e.value.message


def test_a_hints_file_of_comments_alone_is_refused(small):
    """Emptied by a slip, it would drop every hint without a word (issue 25); no hints is no file."""
    e = error_of(small, GOOD, "# no hints yet\n")
    assert (e.path.name, e.line) == ("hints.yaml", 1)
    assert "holds nothing" in e.message and "delete the file" in e.message


def test_unknown_hint_kind(small):
    e = error_of(small, GOOD, "- kind: guess\n  quote: x\n  reason: y\n")
    assert (e.path.name, e.line, e.column, e.key) == ("hints.yaml", 1, 9, "[0].kind")
    assert "'guess' is not one of: ruby_base, box_start, paragraph_break" in e.message


def test_a_yaml_file_not_in_utf8_names_its_byte_and_line(tmp_path, capsys):
    """A hints.yaml saved as Shift_JIS: the byte, its line and column (issue 25: it had no line), through the
    command line, and the previous build's docs as they were."""
    from builder.__main__ import main

    hints = "- kind: box_start\n  quote: 取組\n  reason: 解説の始まり\n"
    content = make_content(tmp_path, make_chapter(tmp_path, GOOD, hints))
    (content / "ch" / "hints.yaml").write_bytes(hints.encode("shift_jis"))
    previous = tmp_path / "out" / "docs" / "index.md"
    previous.parent.mkdir(parents=True)
    previous.write_text("before", encoding="utf-8")
    assert main(["build", "--content", str(content), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert (
        err.startswith(f"error: {content / 'ch' / 'hints.yaml'}:2:10: not UTF-8: byte 0x8e ") and "Traceback" not in err
    )
    assert list(previous.parent.rglob("*")) == [previous] and previous.read_text(encoding="utf-8") == "before"


def test_characters_that_are_not_text_reach_no_page_and_are_counted(tmp_path):
    """Issue 25: a lone CR cut a heading; BEL, U+202E, U+200B and a BOM reached the pages. Each is
    dropped by the rule `controls` and counted (tests/fixtures/controls.txt has each class); here, a
    whole small site: no page and no data file holds one, the override is a warning with its line,
    and the files a small site lacks are told, not silent."""
    from builder.rules_furniture.controls import ANY

    raw = [
        "\ufeff" + GOOD[0],
        "\t1\r\t 項の題\r",
        "",
        "アジア太平洋\u202e地域の安全保障環境を改善する取組1\u200b",
        "が進\x07められている。\x0c",
        "",
        "1\t 注の本文。",
    ]
    result = build_site(make_content(tmp_path, make_chapter(tmp_path, raw)))
    ch = result.chapters[0]
    assert ch.chapter.sections[0].items[0].title == "項の題"
    assert dict(ch.ledger.chars) == {
        "byte order mark": 1,
        "CR inside a line": 1,
        "CR of a CRLF line end": 1,
        "bidirectional control": 1,
        "zero-width character": 1,
        "control character": 2,
    }
    assert [w for w in ch.warnings.items if "bidirectional" in w] == [
        f"{tmp_path / 'content' / 'ch' / 'raw.txt'}:4: a bidirectional control character, dropped: it can make a line read in "
        "another order than the source's"
    ]
    leaks = {path: ANY.search(text).group() for path, text in result.files.items() if ANY.search(text)}
    assert leaks == {} and any("環境を改善する取組" in t for t in result.files.values())
    assert [n.split(": ", 1)[0] for n in result.notices] == [
        str(tmp_path / "content" / "data" / "countries.yaml"),
        str(tmp_path / "content" / "ch" / "hints.yaml"),
        str(tmp_path / "content" / "data" / "variants.yaml"),
    ]


def test_no_half_written_site(tmp_path):
    good = make_content(tmp_path / "a", make_chapter(tmp_path / "a", GOOD))
    out = tmp_path / "build"
    write_docs(build_site(good), out, REPO)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    bad = make_content(tmp_path / "b", make_chapter(tmp_path / "b", GOOD + ["3\t 三番目の注。"]))
    with pytest.raises(InputError):
        write_docs(build_site(bad), out, REPO)
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before


def test_command_line_reports_without_a_traceback(tmp_path):
    bad = make_content(tmp_path, make_chapter(tmp_path, GOOD + ["3\t 三番目の注。"]))
    run = subprocess.run(
        [sys.executable, "-m", "builder", "build", "--content", str(bad), "--out", str(tmp_path / "out")],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert run.stderr.startswith("error: ") and "raw.txt:8: footnote 3" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "out" / "docs").exists()


VISITS_SPEC = """
figures:
  Ⅲ-3-1-1:
    kind: visits
    era: 平成
    period: ['2014-01', '2015-04']
    posts: [政務官, 空幕長]
"""


def test_visit_date_outside_the_figures_period(small):
    raw = GOOD + ["", "ハイレベルの訪問実績図表Ⅲ-3-1-1", "", "ウガンダ", "政務官\u3000\u300027.5"]
    with pytest.raises(InputError) as e:
        small(raw, extra_yaml=VISITS_SPEC)
    assert e.value.line == 12 and "27.5 (2015-05) is outside the figure's period 2014-01 to 2015-04" in e.value.message


TABLE_SPEC = """
figures:
  Ⅲ-3-1-2:
    kind: table
    groups: [二国間, 多国間]
"""


def test_a_table_figure_with_no_printed_text(small):
    """The caption ends the page: nothing is left for the figure (a page_start
    pattern that matches every line did this to every figure)."""
    raw = GOOD + ["", "安全保障対話・防衛交流図表Ⅲ-3-1-2"]
    with pytest.raises(InputError) as e:
        small(raw, extra_yaml=TABLE_SPEC)
    assert e.value.line == 9 and "the figure has no printed text" in e.value.message
