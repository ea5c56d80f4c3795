"""Acronyms that the text defines inline, as English prints them:

    ASEAN Regional Forum (ARF)            → ARF = ASEAN Regional Forum
    ADSOM-Plus (ASEAN Defence Senior Officials’ Meeting Plus)   (the other way round)

An expansion is the shortest run of words before the bracket whose letters
spell the acronym: each word gives a prefix of its letters (the first word,
and the last, at least one; a word inside the run may give none), so "Chiefs
of Defense" spells CHOD and "United Nations Mission in the Republic of South
Sudan" UNMISS. The run starts with a capital, has at most three words more
than the acronym has letters, and may stop a word or two short of the
bracket ("Chiefs of Defense Conference (CHOD)"). Once defined, the acronym is
marked with its expansion wherever the chapter uses it (an <abbr> on the page).
"""

from __future__ import annotations

import re

from ..text import ABBR_OPEN, HAS_MARKUP, abbr

ACRONYM = r"[A-Z][A-Za-z]*[A-Z](?:-[A-Z][A-Za-z]*)?"
DEFINED_AFTER = re.compile(rf"\((?P<acr>{ACRONYM})\)")
DEFINED_BEFORE = re.compile(rf"(?<![A-Za-z\-])(?P<acr>{ACRONYM}) \((?P<exp>[A-Z][^()]{{6,}})\)")
WORD = re.compile(r"[A-Za-z][A-Za-z.’'\-]*")
MAX_WORDS = 14


def _letters(acronym: str) -> str:
    return re.sub(r"[^A-Za-z]", "", acronym).lower()


def _spells(words: list[str], letters: str) -> bool:
    """Whether the words, each giving a prefix of its letters, spell `letters` (see the module's note)."""
    parts = [re.sub(r"[^A-Za-z]", "", p).lower() for w in words for p in w.split("-") if re.sub(r"[^A-Za-z]", "", p)]
    if not parts or parts[0][0] != letters[0]:
        return False
    n = len(parts)
    # can[i][j]: parts[i:] spell letters[j:]
    can = [[False] * (len(letters) + 1) for _ in range(n + 1)]
    can[n][len(letters)] = True
    for i in range(n - 1, -1, -1):
        must = i == 0 or i == n - 1
        for j in range(len(letters), -1, -1):
            k = 0 if not must else 1
            ok = False
            while not ok and k <= len(parts[i]) and j + k <= len(letters):
                if parts[i][:k] == letters[j : j + k] and can[i + 1][j + k]:
                    ok = True
                k += 1
            can[i][j] = ok
    return can[0][0]


def definitions(text: str) -> dict[str, str]:
    """acronym → expansion, for each inline definition in the text."""
    out: dict[str, str] = {}
    for m in DEFINED_AFTER.finditer(text):
        acr, letters = m.group("acr"), _letters(m.group("acr"))
        words = [w.group() for w in WORD.finditer(text[: m.start()])][-MAX_WORDS:]
        found = None
        for short in range(0, 3):  # words between the run and the bracket
            end = len(words) - short
            # a run of at most three words more than the acronym has letters (the small ones)
            for k in range(1, min(end, len(letters) + 3) + 1):
                run = words[end - k : end]
                if run[0][:1].isupper() and _spells(run, letters):
                    found = " ".join(run)
                    break
            if found:
                break
        if found:
            out.setdefault(acr, found)
    for m in DEFINED_BEFORE.finditer(text):
        exp = m.group("exp").split(",")[0].strip()
        if _spells(exp.split(), _letters(m.group("acr"))):
            out.setdefault(m.group("acr"), exp)
    return out


def mark(text: str, known: dict[str, str]) -> str:
    """The text with each known acronym marked with its expansion (not inside markup already there)."""
    if not known:
        return text
    pattern = re.compile(
        r"(?<![A-Za-z\-])(" + "|".join(map(re.escape, sorted(known, key=len, reverse=True))) + r")(?![A-Za-z])"
    )
    out, pos = [], 0
    depth = 0
    for m in pattern.finditer(text):
        if HAS_MARKUP(text[pos : m.start()]) or ABBR_OPEN in text[max(0, m.start() - 1) : m.start()]:
            depth = _inside(text, m.start())
        if depth:
            continue
        out.append(text[pos : m.start()] + abbr(m.group(1), known[m.group(1)]))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _inside(text: str, at: int) -> int:
    """Whether position `at` is inside markup (an abbr, a link, a note reference)."""
    opens = sum(text[:at].count(c) for c in "\ue000\ue003\ue006\ue008")
    closes = sum(text[:at].count(c) for c in "\ue002\ue005\ue007\ue00a")
    return opens - closes
