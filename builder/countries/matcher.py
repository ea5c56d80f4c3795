"""Finding countries and organizations in the text, from the registry's
table of names and patterns.

Markup is masked first (an abbreviation's English title, a ruby reading and
footnote numbers are never searched), and at each spot the longest match wins,
so ASEAN地域フォーラム is the ARF and インドネシア is not India.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import patterns
from ..text import HAS_MARKUP, MARKUP_CHARS

if TYPE_CHECKING:
    from ..config import Regex
    from .registry import Registry

KATAKANA = "ァ-ヺー"


@dataclass
class Mention:
    id: str
    start: int
    end: int
    surface: str
    linkable: bool  # a full name in plain text, not inside markup


def _name_pattern(name: str) -> str:
    p = re.escape(name)
    if re.match(f"[{KATAKANA}]", name):
        p = f"(?<![{KATAKANA}]){p}"
    if re.search(f"[{KATAKANA}]$", name):
        p = f"{p}(?![{KATAKANA}])"
    if re.match("[A-Za-z]", name):
        p = f"(?<![A-Za-z]){p}"
    if re.search("[A-Za-z0-9]$", name):
        p = f"{p}(?![A-Za-z0-9])"
    return p


def mask(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with markup hidden (same length), and the spans of markup."""
    out, spans, i = list(text), [], 0
    opens = {"\ue000": "\ue002", "\ue003": "\ue005", "\ue006": "\ue007", "\ue008": "\ue00a"}
    while i < len(text):
        c = text[i]
        if c in opens:
            end = text.index(opens[c], i)
            spans.append((i, end + 1))
            # what shows: an acronym's letters, a ruby base, a link's text
            sep = {"\ue000": "\ue001", "\ue003": "\ue004", "\ue008": "\ue009"}.get(c)
            if c == "\ue008" and sep:
                shown = range(text.index(sep, i) + 1, end)
            elif sep:
                shown = range(i + 1, text.index(sep, i))
            else:
                shown = range(0)
            for k in range(i, end + 1):
                if k not in shown:
                    out[k] = "\x00"
            i = end + 1
        else:
            i += 1
    return "".join(out), spans


class Matcher:
    def __init__(self, registry: Registry):
        self.registry = registry
        # (the literal a match must contain or None, pattern, id or None for compounds, linkable)
        # a name's pattern is made here from its escaped words; a form's is the registry's (builder/patterns.py)
        rules: list[tuple[str | None, Regex, str | None, bool]] = []
        for c in registry.entries.values():
            for name in c.names:
                rules.append((name, re.compile(_name_pattern(name)), c.id, True))
            for form in c.forms:
                rules.append((None, patterns.compile(form), c.id, False))
        if registry.compound_pattern:
            rules.append((None, patterns.compile(registry.compound_pattern), None, False))
        for place in registry.places:  # a place named after a country mentions no one: it shadows the name
            rules.append((place, re.compile(_name_pattern(place)), "", False))
        self.rules = rules

    def find(self, text: str) -> list[Mention]:
        masked, spans = mask(text) if HAS_MARKUP(text) else (text, [])
        candidates = []
        for literal, pattern, cid, link in self.rules:
            # most names are absent from most paragraphs: a substring test is far cheaper than the regex
            if literal is not None and literal not in masked:
                continue
            for m in pattern.finditer(masked):
                if m.end() > m.start():
                    candidates.append((m.start(), -(m.end() - m.start()), m.end(), cid, link, m.group()))
        candidates.sort()
        out, taken_until = [], -1
        for start, _, end, cid, link, surface in candidates:
            if start < taken_until:
                continue
            taken_until = end
            inside = any(a <= start < b for a, b in spans)
            if cid == "":
                continue
            if cid is None:
                # a compound: each abbreviation after 日 names a country
                for k, ch in enumerate(surface):
                    if ch in self.registry.abbreviations:
                        out.append(Mention(self.registry.abbreviations[ch], start + k, start + k + 1, ch, False))
            else:
                out.append(Mention(cid, start, end, surface, link and not inside))
        return out


assert "\x00" not in MARKUP_CHARS
