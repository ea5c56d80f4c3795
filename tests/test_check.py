"""The builder reads its own output (builder/check.py), and remembers what passed
between runs (builder/memo.py) without letting anything new through unchecked."""

import os
import shutil
import subprocess
import sys

import pytest
from conftest import REPO, copy_content

from builder import memo
from builder.check import check_page
from builder.errors import InputError


def test_a_page_with_matching_footnotes_and_no_skipped_level_passes():
    check_page("p.md", "---\nsearch:\n  boost: 2\n---\n# 題\n\n本文[^1]。\n\n## 節\n\n### 項\n\n[^1]: 注。\n")


@pytest.mark.parametrize(
    "text, says",
    [
        ("## 題\n", "the page starts with an h2; expected an h1"),
        ("# 題\n\n### 項\n", "heading h3 follows h1; a level is skipped"),
        ("# 題\n\n本文[^1]。\n", "footnote reference(s) ['1'] with no definition"),
        ("# 題\n\n本文。\n\n[^2]: 注。\n", "footnote definition(s) ['2'] never referenced"),
        ("# 題\n\n本文[^1]。\n\n[^2]: 注。\n", "footnote reference(s) ['1'] with no definition"),
    ],
)
def test_a_page_that_does_not_hold_together_is_refused(text, says):
    with pytest.raises(InputError) as e:
        check_page("p.md", text)
    assert says in str(e.value) and "p.md" in str(e.value)


def test_the_skipped_level_is_told_by_its_line():
    with pytest.raises(InputError) as e:
        check_page("p.md", "# 題\n\n本文。\n\n### 項\n")
    assert e.value.line == 5


def test_what_looks_like_a_reference_in_code_is_not_one():
    check_page("p.md", "# 題\n\n`[^1]` と書く。\n\n```\n[^2]\n```\n")


def test_a_pass_is_remembered_and_a_failure_is_not(tmp_path):
    store = tmp_path / "passed"
    runs = []
    first = memo.Passed(store)
    first.check(lambda: runs.append("a"), "page", "a")
    with pytest.raises(InputError):
        first.check(lambda: check_page("b.md", "## b\n"), "page", "b")
    first.save()
    again = memo.Passed(store)
    again.check(lambda: runs.append("a again"), "page", "a")  # passed before: not run
    again.check(lambda: runs.append("b again"), "page", "b")  # failed before: run again
    again.check(lambda: runs.append("c"), "page", "c")  # new: run
    assert runs == ["a", "b again", "c"]


def test_new_code_checks_everything_again(tmp_path, monkeypatch):
    store = tmp_path / "passed"
    first = memo.Passed(store)
    first.check(lambda: None, "page", "a")
    first.save()
    monkeypatch.setattr(memo, "_code_fingerprint", lambda: "another version of the builder")
    runs = []
    memo.Passed(store).check(lambda: runs.append("a"), "page", "a")
    assert runs == ["a"]


def test_the_fingerprint_covers_the_checks_code_and_moves_with_an_edit(tmp_path):
    files = memo._code_files()
    for part in (
        "builder/check.py",
        "builder/inputs/schema.py",
        "builder/inputs/schemas/chronology.yaml",
        "markdown_it/__init__.py",
        "jsonschema/__init__.py",
        "mdit_py_plugins/__init__.py",
        "referencing/__init__.py",
        "jsonschema_specifications/__init__.py",
    ):
        assert any(f.as_posix().endswith(part) for f in files), part
    code = tmp_path / "check.py"
    code.write_text("a = 1\n")
    before = memo._fingerprint([code])
    stat = code.stat()
    os.utime(code, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert memo._fingerprint([code]) != before


def build(content, out):
    return subprocess.run(
        [sys.executable, "-m", "builder", "build", "--content", str(content), "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )


def test_a_slip_after_a_good_build_is_still_caught(tmp_path):
    """The command line remembers; an edit that breaks a schema is told as on a first build."""
    content, out = copy_content(tmp_path), tmp_path / "build"
    assert build(content, out).returncode == 0
    assert (out / "cache" / "passed").exists()
    kinds = content / "dwp2015-part3-ch3" / "events.yaml"
    text = kinds.read_text(encoding="utf-8")
    kinds.write_text(text.replace("kind: meeting", "kind: meetign", 1), encoding="utf-8")
    run = build(content, out)
    assert run.returncode == 2 and "events.yaml:" in run.stderr and "did you mean 'meeting'" in run.stderr
    shutil.rmtree(out / "cache")
    assert build(content, out).stderr == run.stderr  # the same message with nothing remembered
