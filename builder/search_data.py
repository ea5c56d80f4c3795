"""The search worker's data (overrides/assets/javascripts/search-worker.js), written from the
index MkDocs' search plugin writes and the pages it was written from (builder/search_hook.py
runs this after each build): every section's text as a reader sees it, where its first paragraph
ends, the same place's text in the other edition, the words a reader may type for the words the
text writes (the builder's variants), and a candidate index: for each pair of characters, the
sections that hold it, so that the worker checks phrases in those sections alone.

Nothing here ranks or matches: the worker does, and folds text as `fold` does here (a test runs
both on the real index). The search box's own index (search_index.json) is cut to its settings:
Material fetches it with every page, the worker fetches this file when the reader first searches.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from typing import Any

Json = dict[str, Any]  # a JSON object: MkDocs' search index, the theme's config, the worker's data

# the worker's fold: these characters stay as they are, these are dropped, these are '
STABLE = re.compile("[\u3040-\u309f\u30a1-\u30fa\u30fc\u4e00-\u9fff]")
DROPPED = "・･"
APOSTROPHES = "\u2018\u2019"
# what JavaScript's \s matches
SPACE = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]")


def fold_char(ch: str) -> str:
    if ord(ch) < 0x80:
        n = ch.lower()
    elif STABLE.match(ch):
        n = ch
    elif ch in DROPPED:
        n = ""
    elif ch in APOSTROPHES:
        n = "'"
    else:
        n = unicodedata.normalize("NFKC", ch).lower()
    return " " if SPACE.search(n) else n


def fold(text: str) -> str:
    """As the worker folds a text: NFKC, lower case, the middle dot dropped, ’ as '."""
    return "".join(fold_char(c) for c in text)


def loose(folded: str, kana: list[tuple[str, str]]) -> str:
    """A folded text with the katakana spellings that vary folded one way (ヴェ→ベ, the long
    vowel mark dropped): what the worker compares for a variant's match."""
    for a, b in kana:
        folded = folded.replace(a, b)
    return folded


BLOCK_END = re.compile(r"</(?:p|li|h\d|td|th|dd|dt)>|<br\s*/?>")


def plain(markup: str) -> str:
    """The index's HTML as text: footnote references (<sup>) out, block ends as spaces."""
    text = re.sub(r"<sup\b[^>]*>.*?</sup>", "", markup, flags=re.S)
    text = BLOCK_END.sub(" ", text)
    text = html.unescape(re.sub(r"<[^>]*>", "", text))
    return re.sub(r"\s+", " ", text).strip()


def lead(markup: str) -> int:
    """Where the section's first paragraph ends, in its plain text: 0 where it opens with
    something else (a list, a table: a figure's bullet is not a paragraph about its subject)."""
    m = BLOCK_END.search(markup)
    return len(plain(markup[: m.start()])) if m and m.group() == "</p>" else 0


# posting lists: each document number as its distance from the one before, in base 32, the
# high digits from one alphabet and the last from another (so the digits need no separator)
MORE = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
LAST = "0123456789abcdefghijklmnopqrstuv"


def encode(numbers: list[int]) -> str:
    out, before = [], 0
    for n in numbers:
        gap, digits = n - before, []
        before = n
        digits.append(LAST[gap % 32])
        gap //= 32
        while gap:
            digits.append(MORE[gap % 32])
            gap //= 32
        out.append("".join(reversed(digits)))
    return "".join(out)


def decode(text: str) -> list[int]:
    out, value, before = [], 0, 0
    for ch in text:
        k = MORE.find(ch)
        if k >= 0:
            value = value * 32 + k
        else:
            before += value * 32 + LAST.index(ch)
            out.append(before)
            value = 0
    return out


def grams(texts: list[str]) -> set[str]:
    """The pairs of characters in the texts, each text apart."""
    return {t[i : i + 2] for t in texts for i in range(len(t) - 1)}


def search_data(index: Json, other: dict[str, str], variants: Json, words: Json) -> Json:
    """The worker's data from MkDocs' search index (its docs: location, title, text as HTML,
    boost), the other edition's text by location, and the builder's words ({"groups": [[names,
    targets], …], "kana": [[from, to], …], "headings": {location: the other edition's title},
    "lang", "other_lang"})."""
    headings = variants.get("headings", {})
    kana = [tuple(pair) for pair in variants.get("kana", [])]
    docs: list[list[object]] = []
    postings: dict[str, list[int]] = {}
    for n, d in enumerate(index["docs"]):
        title, text = plain(d.get("title") or ""), plain(d.get("text") or "")
        there, there_title = other.get(d["location"], ""), headings.get(d["location"], "")
        row = [d["location"], title, text, lead(d.get("text") or ""), d.get("boost", 1), there, there_title]
        while row[-1] in ("", 1) and len(row) > 4:  # the common case left out: boost 1, nothing in the other
            row.pop()
        docs.append(row)
        folded = [fold(t) for t in (title, text, there, there_title)]
        # the loose spellings too: a variant's pairs find the section as the phrase's do
        for g in grams(folded + [loose(f, kana) for f in folded]):
            postings.setdefault(g, []).append(n)
    return {
        "version": 1,
        "lang": variants.get("lang", ""),
        "other_lang": variants.get("other_lang", ""),
        "docs": docs,
        "grams": {g: encode(ns) for g, ns in sorted(postings.items())},
        "groups": variants.get("groups", []),
        "kana": [list(p) for p in kana],
        "words": words,
    }


def as_json(data: Json) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def as_script(data: Json) -> str:
    """For the bundle opened from file://, where a worker may load a script but not fetch a file."""
    return "self.HK_SEARCH = " + as_json(data).replace("</", "<\\/") + ";\n"
