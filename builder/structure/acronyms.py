"""The Japanese name the text gives each acronym, for the glossary.

The text writes a name next to its acronym in brackets: 「ASEAN地域フォーラム（ARF）」,
「「ソウル安保対話」（SDD）」, 「IISS（英国国際戦略研究所）」. Where the name holds kana (a
particle, a word in kana) the text does not show where it starts, and the run of kanji,
katakana and Latin before the bracket stops short (会期間会合 of 海洋安全保障に関する会期間会合):
a hint (acronym_name) quotes the name with its acronym as the text writes them.

A glossary names the acronym itself, not one use of it: where the text gives several
forms (日豪物品役務相互提供協定 once, 物品役務相互提供協定 for the other countries'
agreements), the name is the longest form that every form ends with.

An acronym made of two, its first part an acronym the text names (ARF-DiREx), whose name
starts with that part as written (ARF災害救援実動演習), names its second part by the rest:
DiREx is 災害救援実動演習 (print sets DiREx's English name over DiREx alone).

An acronym's uses are its own: inside a longer acronym (ADMM in ADMMプラス, ISM in ISM-MS,
DiREx in ARF-DiREx) it names that one, not itself."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..blocks.model import Heading
from ..text import plain

if TYPE_CHECKING:
    from ..config import Hint
    from ..ledger import Ledger
    from .chapter import Chapter

# a name: kanji, katakana, Latin, digits, ・ and ー, with no kana particle in it
NAME = (
    r"[A-Za-z0-9・ー\u30a1-\u30fa\u4e00-\u9fff々]*[\u30a1-\u30fa\u4e00-\u9fff々]"
    r"[A-Za-z0-9・ー\u30a1-\u30fa\u4e00-\u9fff々]*"
)
# an acronym: Latin capitals (ADMM), perhaps with プラス (ADMMプラス)
ACRONYM = r"[A-Z][A-Za-z0-9\-/]*[A-Za-z0-9](?:プラス)?"
BEFORE = re.compile(rf"(?P<name>{NAME})（(?P<acronym>{ACRONYM})[）：]")  # ASEAN地域フォーラム（ARF）
QUOTED = re.compile(rf"「(?P<name>{NAME})」（(?P<acronym>{ACRONYM})[）：]")  # 「ソウル安保対話」（SDD）
AFTER = re.compile(rf"(?<![A-Za-z0-9])(?P<acronym>{ACRONYM})（(?P<name>{NAME})）")  # IISS（英国国際戦略研究所）
SHORTEST = 3  # a run shorter stops short of a name (…招へい行事（ACDJ）: 行事)


def texts(chapter: Chapter) -> Iterator[str]:
    """The text that can name an acronym, in order: headings, paragraphs (in boxes too), notes."""
    for section in chapter.sections:
        for item in section.items:
            for b in item.blocks:
                if isinstance(b, Heading):
                    yield b.title
            for p in item.paragraphs():
                yield p.text
            for n in item.footnotes:
                yield n.text


def forms(chapter: Chapter, hints: Iterable[Hint] = (), ledger: Ledger | None = None) -> dict[str, list[str]]:
    """Each acronym's names as the text gives them, in order; a hint's name where one quotes it."""
    out: dict[str, list[str]] = {}
    for text in texts(chapter):
        seen = plain(text)
        found: dict[int, tuple[str, str]] = {}  # where the acronym's bracket opens -> (acronym, name)
        for m in BEFORE.finditer(seen):
            if len(m.group("name")) >= SHORTEST:
                found[m.end("name")] = (m.group("acronym"), m.group("name"))
        for m in QUOTED.finditer(seen):
            found[m.end("name") + 1] = (m.group("acronym"), m.group("name"))
        for m in AFTER.finditer(seen):
            found[m.end("acronym")] = (m.group("acronym"), m.group("name"))
        for h in hints:
            name, _, acronym = h.quote.partition("（")
            for m in re.finditer(re.escape(h.quote), seen):
                found[m.start() + len(name)] = (acronym, name)
                if ledger is not None:
                    ledger.use_hint(h)
        for _, (acronym, name) in sorted(found.items()):
            out.setdefault(acronym, []).append(name)
    for acronym, names in list(out.items()):
        first, dash, rest = acronym.partition("-")
        if dash and first in out and re.fullmatch(ACRONYM, rest):
            out.setdefault(rest, []).extend(
                n[len(first) :] for n in names if n.startswith(first) and len(n) - len(first) >= SHORTEST
            )
    return {a: names for a, names in out.items() if names}


def name_of(names: list[str]) -> str:
    """The name of the acronym itself: the longest of its forms that every form ends with
    (a form that only adds to it names one use); where there is none, the first."""
    shared = [n for n in names if all(m.endswith(n) for m in names)]
    return max(shared, key=len) if shared else names[0]


def japanese_names(chapter: Chapter, hints: Iterable[Hint] = (), ledger: Ledger | None = None) -> dict[str, str]:
    """acronym -> its Japanese name, as the chapter's text gives it (hints: acronym_name)."""
    return {acronym: name_of(names) for acronym, names in forms(chapter, hints, ledger).items()}


def uses(acronyms: Iterable[str], text: str) -> tuple[set[str], dict[str, set[str]]]:
    """The acronyms the text uses on their own, and for each one it holds only inside
    longer ones, those (DiREx: {ARF-DiREx}). A use stands apart from Latin letters (SOM is
    not in ADSOM); inside a longer acronym's use it is that one's (ADMM in ADMMプラス)."""
    spans = [
        (m.start(), m.end(), a)
        for a in acronyms
        for m in re.finditer(rf"(?<![A-Za-z]){re.escape(a)}(?![A-Za-z])", text)
    ]
    own: set[str] = set()
    inside: dict[str, set[str]] = {}
    for s, e, a in spans:
        longer = {b for s2, e2, b in spans if s2 <= s and e <= e2 and (s2, e2) != (s, e)}
        if longer:
            inside.setdefault(a, set()).update(longer)
        else:
            own.add(a)
    return own, {a: bs for a, bs in inside.items() if a not in own}
