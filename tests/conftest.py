"""Shared fixtures: the real chapter, processed once, and small hand-made chapters."""
from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from builder.config import Layout
from builder.pipeline import process_chapter

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
REAL = CONTENT / "dwp2015-part3-ch3"


@pytest.fixture(scope="session")
def layout():
    return Layout(CONTENT / "layout.yaml")


@pytest.fixture(scope="session")
def real(layout):
    return process_chapter(REAL, layout)


@pytest.fixture(scope="session")
def chapter(real):
    return real.chapter


CHAPTER_YAML = """\
id: test-ch
raw: raw.txt
book: 防衛白書
part: 第Ⅲ部 テスト
number: 第3章
title: テストの章
furniture:
  running_heads:
    - pattern: '^第Ⅲ部 テスト$'
      reason: running head
  page_numbers:
    - pattern: '^(?P<page>\\d+) ?平成27年版 防衛白書$'
      reason: page foot
  vertical_title: 第３章テスト
  see_also_marker: '^参 照$'
"""


def make_chapter(tmp_path: Path, raw, hints: str | None = None, extra_yaml: str = "") -> Path:
    """A chapter folder with the given raw text (a list of lines, or bytes)."""
    d = tmp_path / "ch"
    d.mkdir(parents=True, exist_ok=True)
    (d / "chapter.yaml").write_text(CHAPTER_YAML + extra_yaml, encoding="utf-8")
    if isinstance(raw, list):
        raw = ("\n".join(raw) + "\n").encode("utf-8")
    (d / "raw.txt").write_bytes(raw)
    if hints is not None:
        (d / "hints.yaml").write_text(textwrap.dedent(hints), encoding="utf-8")
    return d


def make_content(tmp_path: Path, chapter_dir: Path) -> Path:
    """A content folder holding one chapter, for whole-site builds."""
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(CONTENT / "layout.yaml", content / "layout.yaml")
    shutil.copytree(chapter_dir, content / chapter_dir.name)
    (content / "hakusho.yaml").write_text(f"site_name: test\nchapters:\n  - {chapter_dir.name}\n", encoding="utf-8")
    return content


@pytest.fixture
def small(tmp_path, layout):
    """Process a small hand-made chapter: small(raw, hints=None) -> ChapterResult."""
    def run(raw, hints=None, extra_yaml=""):
        return process_chapter(make_chapter(tmp_path, raw, hints, extra_yaml), layout)
    return run
