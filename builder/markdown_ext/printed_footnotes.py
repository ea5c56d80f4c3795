"""Footnotes keep their printed numbers.

Python-Markdown numbers footnotes 1, 2, 3 … on every page, but the white
paper numbers them through a section (item 4's page holds notes 8–16). This
runs after the footnotes extension and shows each note's own label instead.
"""

from __future__ import annotations

from markdown import Extension
from markdown.treeprocessors import Treeprocessor


class PrintedNumbers(Treeprocessor):
    def run(self, root):
        for a in root.iter("a"):
            if "footnote-ref" in (a.get("class") or "") and (a.get("href") or "").startswith("#fn:"):
                a.text = a.get("href")[len("#fn:") :]
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
    def extendMarkdown(self, md):
        # the footnotes treeprocessor has priority 50; run after it
        md.treeprocessors.register(PrintedNumbers(md), "printed_footnotes", 5)


def makeExtension(**kwargs):
    return PrintedFootnotesExtension(**kwargs)
