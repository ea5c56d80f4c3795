"""The change report (builder/changes.py): what changed since the last build, on small hand-made
inputs. A valid edit must never change the site without a word (issue 25b)."""

from __future__ import annotations

import itertools
from pathlib import Path

from conftest import make_chapter, make_content

from builder import changes
from builder.__main__ import main

EVENTS = """\
# a chronology
events:
- date: '1992'
  headline: 初の国連PKO派遣
  kind: dispatch
- date: '1994'
  headline: ARF第1回会合
  kind: meeting
  countries: [USA]
"""

REGISTRY = """\
regions: [東南アジア]
entries:
  - {id: BRN, name_ja: ブルネイ}
  - {id: KHM, name_ja: カンボジア}
  - {id: IDN, name_ja: インドネシア}
  - {id: LAO, name_ja: ラオス}
"""


def content(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "content"
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def report(root: Path, before: changes.State, outputs: dict[str, str] | None = None) -> list[str]:
    now = changes.state_of(root, outputs if outputs is not None else before["outputs"], before)
    return changes.compare(before, now).lines(root, root / "changes.json")


def test_an_edited_headline_names_its_file_line_key_and_the_pages_it_changed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    root = content(tmp_path, {"ch/events.yaml": EVENTS})
    before = changes.state_of(root, {"docs/timeline.md": "1", "docs/index.md": "2", "docs/data/t.json": "3"}, None)
    (root / "ch" / "events.yaml").write_text(EVENTS.replace("ARF第1回会合", "ARF第一回会合"), encoding="utf-8")
    lines = report(root, before, {"docs/timeline.md": "1b", "docs/index.md": "2", "docs/data/t.json": "3b"})
    assert lines == [
        "changes since the last build:",
        "  content/ch/events.yaml:7: events[1].headline changed",
        "  output: 2 of 3 files changed: docs/timeline.md, docs/data/t.json",
    ]


def test_an_entry_moved_in_the_registry_is_named_with_where_it_was(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    root = content(tmp_path, {"data/countries.yaml": REGISTRY})
    before = changes.state_of(root, {"docs/data/countries.json": "1"}, None)
    moved = REGISTRY.split("\n")
    moved.insert(5, moved.pop(2))  # BRN after LAO
    (root / "data" / "countries.yaml").write_text("\n".join(moved), encoding="utf-8")
    assert report(root, before, {"docs/data/countries.json": "2"}) == [
        "changes since the last build:",
        "  content/data/countries.yaml:6: entries[3] moved (was entries[0], line 3)",
        "  output: 1 of 1 files changed: docs/data/countries.json",
    ]


def test_keys_in_another_order_an_entry_removed_and_a_comment(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    root = content(tmp_path, {"a.yaml": "x: 1\ny: 2\nz: [a, b, c]\n", "b.yaml": "# one\nk: v\n"})
    before = changes.state_of(root, {}, None)
    (root / "a.yaml").write_text("y: 2\nx: 1\nz: [a, c]\n", encoding="utf-8")
    (root / "b.yaml").write_text("# two\nk: v\n", encoding="utf-8")
    assert report(root, before) == [
        "changes since the last build:",
        "  content/a.yaml:1: y moved (was at line 2)",
        "  content/a.yaml: z[1] removed (at line 3 before)",
        "  content/b.yaml: changed, no value changed (comments or layout)",
        "  output: no file changed",
    ]


def test_a_deleted_input_and_a_new_one_are_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    root = content(tmp_path, {"data/countries.yaml": REGISTRY, "labels.yaml": "a: b\n"})
    before = changes.state_of(root, {"docs/index.md": "1", "docs/countries/khm.md": "2"}, None)
    (root / "data" / "countries.yaml").unlink()
    (root / "new.txt").write_text("x\n", encoding="utf-8")
    assert report(root, before, {"docs/index.md": "1b"}) == [
        "changes since the last build:",
        "  content/data/countries.yaml: deleted",
        "  content/new.txt: new file",
        "  output: 1 of 1 files changed: docs/index.md",
        "  output: 1 of 1 files removed: docs/countries/khm.md",
    ]


def test_a_long_report_is_cut_per_file_and_says_how_much_more(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    root = content(tmp_path, {"a.yaml": "".join(f"k{i}: {i}\n" for i in range(20))})
    before = changes.state_of(root, {}, None)
    (root / "a.yaml").write_text("".join(f"k{i}: {i + 1}\n" for i in range(20)), encoding="utf-8")
    lines = report(root, before)
    assert lines[1:3] == ["  content/a.yaml:1: k0 changed", "  content/a.yaml:2: k1 changed"]
    assert len(lines) == 1 + changes.SHOWN_PER_FILE + 2
    assert lines[-2] == f"  content/a.yaml: and {20 - changes.SHOWN_PER_FILE} more entries"


def test_an_alias_bomb_in_a_file_the_build_does_not_read_is_kept_as_lines(tmp_path):
    """Nothing expands: the tree refuses a node met twice, and the file is compared line by line."""
    names = ["a"] + [f"b{i}" for i in range(12)]
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{name}: &{name} [{', '.join([f'*{before}'] * 10)}]\n" for before, name in itertools.pairwise(names)
    )
    root = content(tmp_path, {"stray.yaml": bomb})
    state = changes.state_of(root, {}, None)
    kind, *_, lines = state["inputs"]["stray.yaml"][1]
    assert kind == "t" and len(lines) == 14


def small_build(root: Path, out: Path, capsys) -> list[str]:
    """What `python -m builder build` prints of a small site, less the account of its raw lines."""
    assert main(["build", "--content", str(root), "--out", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    start = next((i for i, line in enumerate(printed) if line.startswith("changes")), len(printed))
    return [line for line in printed[start:] if not line.startswith("wrote ")]


RAW = ["第1節\u3000節の題", "", "本文である。", "", "二つ目の段落である。"]


def test_the_command_line_first_build_says_so_an_unchanged_rebuild_says_nothing_an_edit_is_named(
    tmp_path, capsys, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    root, out = make_content(tmp_path / "s", make_chapter(tmp_path / "s", RAW)), tmp_path / "build"
    assert small_build(root, out, capsys) == [
        "changes: none to report, this is the first build recorded in build/cache/changes.json"
    ]
    assert small_build(root, out, capsys) == []
    raw = root / "ch" / "raw.txt"
    raw.write_text(raw.read_text(encoding="utf-8").replace("二つ目の段落", "二番目の段落"), encoding="utf-8")
    assert small_build(root, out, capsys) == [
        "changes since the last build:",
        "  s/content/ch/raw.txt:5: 1 line changed",
        "  output: 1 of 5 files changed: docs/test-ch/section-1/index.md",
    ]
