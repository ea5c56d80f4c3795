"""Words whose fi or fl ligature the text layer dropped or spaced, repaired
against an English word list (pyspellchecker's, pinned):

    diff cult → difficult    f rst → first    conf icts → conflicts   (the ligature lost, a space left)
    Signifi cance → Significance    fl ying → flying                    (kept, but spaced)
    offcer → officer    fghter → fighter                                (lost, no space)

A repair is made only where exactly one of the two ligatures makes a word of
the damaged form (two words parted by a space, "off ce", are one word there
only if that word is in the list; the list has no "offiten" for "of ten"): where fi and fl both would ("f at": fiat or
flat), or where the damage made another real word ("few" for "flew"), the
chapter's hints say what the page shows (kind ligature, quote, as), and a
repair no rule could make is never guessed. Figures are repaired too, but for
one whose letters the text layer interleaved (figure_lines: unreadable). Each
repair is a ledger step, with its before and after.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..lines import Line
from ..state import LineState

if TYPE_CHECKING:
    from spellchecker import WordFrequency

    from ..config import Hint
    from ..ledger import Ledger

WORD = re.compile(r"[A-Za-z]+")
LIGATURES = ("fi", "fl")


@functools.lru_cache(maxsize=1)
def _words() -> WordFrequency:
    from spellchecker import SpellChecker  # imported here: only an edition that runs this rule pays for it

    return SpellChecker(distance=1).word_frequency


def frequency(w: str) -> int:
    """How often the word list's corpus has the word (0: not a word of the list)."""
    return _words()[w.lower()]


def is_word(w: str) -> bool:
    # a lone letter is a word only as a or I: "f rst" is not two words
    return (len(w) > 1 or w in "aAI") and w.lower() in _words()


# the parts of a word the extractor also joined at a lost hyphen (AsiaPacific: rule hyphens)
PARTS = re.compile(r"(?<=[a-z])(?=[A-Z])")


def is_word_or_joined(w: str) -> bool:
    return is_word(w) or (bool(PARTS.search(w)) and all(is_word(p) for p in PARTS.split(w)))


def _case_like(model: str, word: str) -> str:
    return word[0].upper() + word[1:] if model[:1].isupper() else word


def candidates(left: str, right: str | None) -> list[str]:
    """The words the damaged form could stand for; right is the next token when a space parts them."""
    out = []
    if right is not None:
        if left.endswith("f") and right[:1].islower():  # the ligature lost, a space left
            out += [left[:-1] + lig + right for lig in LIGATURES]
        if left.endswith(LIGATURES) and right[:1].islower():  # kept, but spaced
            out.append(left + right)
    elif left[1:].islower():  # lost with no space: f then a letter
        out += [
            left[: k + 1] + lig[1] + left[k + 1 :] for k, c in enumerate(left[:-1]) if c in "fF" for lig in LIGATURES
        ]
    return [w if w[:1].isupper() else _case_like(left, w) for w in dict.fromkeys(out) if is_word_or_joined(w)]


def repair_text(text: str, line: int, ledger: Ledger, hinted: list[Hint], where: Path) -> str:
    """The text with every dropped ligature repaired; hinted repairs (quote → as) first."""
    for hint in hinted:
        if hint.quote in text:
            ledger.use_hint(hint)
            ledger.repair("ligature", hint.quote, hint.shows, line)
            text = text.replace(hint.quote, hint.shows)
    out: list[str] = []
    pos = 0
    tokens = list(WORD.finditer(text))
    k = 0
    while k < len(tokens):
        m = tokens[k]
        word = m.group()
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if nxt is not None and text[m.end() : nxt.start()] == " ":  # spaced
            found = candidates(word, nxt.group())
            if len(found) == 1:
                out.append(text[pos : m.start()] + found[0])
                ledger.repair("ligature", f"{word} {nxt.group()}", found[0], line)
                pos = nxt.end()
                k += 2
                continue
            if len(found) > 1:
                raise InputError(
                    where,
                    line,
                    f"'{word} {nxt.group()}' could be {' or '.join(found)}: a dropped "
                    "ligature that is not guessed; expected a ligature hint saying "
                    "which the page shows",
                )
        if not is_word(word) and ("f" in word[:-1] or "F" in word[:-1]):
            found = candidates(word, None)
            if len(found) == 1:
                out.append(text[pos : m.start()] + found[0])
                ledger.repair("ligature", word, found[0], line)
                pos = m.end()
        k += 1
    out.append(text[pos:])
    return "".join(out)


def apply(state: LineState) -> LineState:
    ledger, chapter = state.ledger, state.chapter
    hinted = chapter.hints_of("ligature")

    def fix(line: Line) -> Line:
        if line.kind != "text":
            return line
        text = repair_text(line.text, line.no, ledger, hinted, chapter.raw)
        return line if text == line.text else replace(line, text=text)

    # a figure the text layer scrambled letter by letter is shown as it came, not "repaired" into words
    figures = tuple(
        f
        if "unreadable" in chapter.figure_lines.get(f.num, {})
        else replace(f, lines=tuple(fix(line) for line in f.lines))
        for f in state.figures
    )
    return replace(state.with_lines(fix(line) for line in state.lines), figures=figures)
