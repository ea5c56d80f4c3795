"""Inline markup inside builder strings, and measuring printed width.

Rules that run before rendering mark abbreviations, ruby and footnote
references with private-use characters, so the text stays one string that
later rules can search and reflow. The raw input may not contain them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

ABBR_OPEN, ABBR_SEP, ABBR_CLOSE = "\ue000", "\ue001", "\ue002"
RUBY_OPEN, RUBY_SEP, RUBY_CLOSE = "\ue003", "\ue004", "\ue005"
FN_OPEN, FN_CLOSE = "\ue006", "\ue007"
LINK_OPEN, LINK_SEP, LINK_CLOSE = "\ue008", "\ue009", "\ue00a"
MARKUP_CHARS = set("\ue000\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009\ue00a")
# a search in C: set.isdisjoint(text) walks the string in Python objects
HAS_MARKUP = re.compile("[\ue000-\ue00a]").search

ABBR_RE = re.compile(f"{ABBR_OPEN}([^{ABBR_SEP}]*){ABBR_SEP}([^{ABBR_CLOSE}]*){ABBR_CLOSE}")
RUBY_RE = re.compile(f"{RUBY_OPEN}([^{RUBY_SEP}]*){RUBY_SEP}([^{RUBY_CLOSE}]*){RUBY_CLOSE}")
FN_RE = re.compile(f"{FN_OPEN}(\\d+){FN_CLOSE}")
LINK_RE = re.compile(f"{LINK_OPEN}([^{LINK_SEP}]*){LINK_SEP}([^{LINK_CLOSE}]*){LINK_CLOSE}")


def abbr(acronym: str, title: str) -> str:
    return f"{ABBR_OPEN}{acronym}{ABBR_SEP}{title}{ABBR_CLOSE}"


def ruby(base: str, reading: str) -> str:
    return f"{RUBY_OPEN}{base}{RUBY_SEP}{reading}{RUBY_CLOSE}"


def fnref(number: int) -> str:
    return f"{FN_OPEN}{number}{FN_CLOSE}"


def link(target: str, text: str) -> str:
    return f"{LINK_OPEN}{target}{LINK_SEP}{text}{LINK_CLOSE}"


def insert_links(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """The text with a link around each (start, end, target) span."""
    for start, end, target in sorted(spans, reverse=True):
        text = text[:start] + link(target, text[start:end]) + text[end:]
    return text


def plain(text: str) -> str:
    """The text as a reader sees it: acronym letters, ruby bases, no note numbers."""
    if not HAS_MARKUP(text):
        return text
    text = LINK_RE.sub(lambda m: m.group(2), text)
    text = ABBR_RE.sub(lambda m: m.group(1), text)
    text = RUBY_RE.sub(lambda m: m.group(1), text)
    return FN_RE.sub("", text)


def char_width(c: str) -> float:
    """A character's width in full-width characters by its Unicode class: half-width ones
    count one half. (Layout.width refines it by the classes of layout.yaml's char_widths.)"""
    return 0.5 if unicodedata.east_asian_width(c) in "NaH" else 1.0


def width(text: str) -> float:
    """Width in full-width characters by Unicode class alone."""
    return sum(map(char_width, plain(text)))


def is_kanji(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or "\uf900" <= c <= "\ufaff" or c in "々〆"


def is_wide(c: str) -> bool:
    """Japanese script or full-width punctuation (not ASCII)."""
    return unicodedata.east_asian_width(c) in "WF"


def join_lines(parts: Iterable[str]) -> str:
    """Reflow printed lines: Japanese joins without a space, Latin words keep theirs."""
    out = ""
    for part in parts:
        if out and part:
            a, b = plain(out)[-1:], plain(part)[:1]
            if a.isascii() and a.isalnum() and b.isascii() and b.isalpha():
                out += " "
            elif a == " " and b and not b.isascii():
                out = out.rstrip(" ")
        out += part
    return out.strip(" ")
