"""Compare the article HTML of every page between two builds of the site (one
engine against another): the text a reader reads must not depend on the
engine. Prints the first difference it finds, with the page and some context.

    python tests/article_diff.py SITE_A SITE_B        (exit 0: identical)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
# what an engine puts in the article that is not the text: Zensical's skip
# target, and the blank space its templates leave between tags
ENGINE = [(re.compile(r'<a id="__skip" tabindex="-1"></a>'), ""), (re.compile(r">\s+<"), "><")]


def article(html: str) -> str | None:
    m = ARTICLE.search(html)
    if not m:
        return None
    text = m.group(1)
    for pattern, replacement in ENGINE:
        text = pattern.sub(replacement, text)
    return text.strip()


def pages(site: Path) -> dict[str, str]:
    out = {}
    for path in sorted(site.rglob("*.html")):
        text = article(path.read_text(encoding="utf-8"))
        if text is not None:
            out[path.relative_to(site).as_posix()] = text
    return out


def first_difference(a: str, b: str, context: int = 80) -> str:
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"…{a[max(0, i - context) : i + context]!r}\n  vs\n…{b[max(0, i - context) : i + context]!r}"


def compare(site_a: Path, site_b: Path) -> tuple[int, list[str]]:
    """(pages compared, problems): a page in one site only, or an article that differs."""
    a, b = pages(site_a), pages(site_b)
    problems = [f"{p}: only in {site_a}" for p in sorted(a.keys() - b.keys())]
    problems += [f"{p}: only in {site_b}" for p in sorted(b.keys() - a.keys())]
    for p in sorted(a.keys() & b.keys()):
        if a[p] != b[p]:
            problems.append(f"{p}: the article differs at\n{first_difference(a[p], b[p])}")
    return len(a.keys() & b.keys()), problems


def main(argv: list[str]) -> int:
    n, problems = compare(Path(argv[0]), Path(argv[1]))
    if problems:
        print(f"{len(problems)} difference(s) in {n} pages; the first:\n{problems[0]}")
        return 1
    print(f"{n} pages: every article identical")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
