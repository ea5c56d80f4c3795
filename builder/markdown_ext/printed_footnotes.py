"""Footnotes keep their printed numbers.

Python-Markdown numbers footnotes 1, 2, 3 … on every page, but the white
paper numbers them through a section (item 4's page holds notes 8–16). This
runs after the footnotes extension and shows each note's own label instead.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


class PrintedNumbers(Treeprocessor):
    def run(self, root: Element) -> None:
        for a in root.iter("a"):
            href = a.get("href") or ""
            if "footnote-ref" in (a.get("class") or "") and href.startswith("#fn:"):
                a.text = href[len("#fn:") :]
        for div in root.iter("div"):
            if "footnote" in (div.get("class") or "").split():
                for li in div.iter("li"):
                    label = (li.get("id") or "").removeprefix("fn:")
                    if label.isdigit():
                        li.set("value", label)
                for a in div.iter("a"):
                    if "footnote-backref" in (a.get("class") or ""):
                        a.set("title", f"本文の脚注{a.get('href', '').removeprefix('#fnref:')}へ戻る")


class PrintedFootnotesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # the footnotes treeprocessor has priority 50; run after it
        md.treeprocessors.register(PrintedNumbers(md), "printed_footnotes", 5)


def makeExtension(**kwargs: Any) -> PrintedFootnotesExtension:
    return PrintedFootnotesExtension(**kwargs)
