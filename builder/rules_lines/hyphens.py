"""Line-end hyphens the text layer dropped where it joined two printed lines
into one:

    … the f rst ADMM- / Plus f eld training …   →   a raw line "… ADMMPlus …" → ADMM-Plus
    … agreed to promote high- / level exchanges  →   "highlevel" → high-level

The evidence is in the line: it is longer than a column's line, as a line
the extractor joined is, and the word is not one: its two parts are (a case change inside it,
AsiaPacific, JapanROK, U.S.hosted; or two words of the word list, highlevel).
A joined word that is a word (multifaceted: the hyphen was only the line's
break) stays as it is, and so does a form the chapter prints whole on a line
of its own width (DiREx). Runs after the ligature repair (AsiaPacif c →
AsiaPacific → Asia-Pacific). Each repair is a ledger step.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lines import Line
from ..state import LineState
from .ligatures import frequency, is_word

TOKEN = re.compile(r"(?<![A-Za-z.])[A-Za-z][A-Za-z.]*[A-Za-z]")
# where a case change parts two words: a lower-case letter then a capital (AsiaPacific),
# capitals then a capitalized word (ADMMPlus), an abbreviation's full stop then a letter (U.S.hosted)
CASE_SPLIT = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Z]\.)(?=[A-Za-z]{2})")
# a joined line is longer than a column's line (a caption's, a box's or a note's may be too)
JOINED = 1.3
COMMON = 300


def _splits(token: str) -> list[str]:
    """The hyphenated forms the token could be, on the evidence of its letters."""
    out = []
    for m in CASE_SPLIT.finditer(token):
        a, b = token[: m.start()], token[m.start() :]
        if len(a.rstrip(".")) >= 2 and len(b) >= 2:
            out.append(f"{a}-{b}")
    if not out and token[1:].islower():
        out = [f"{token[:k]}-{token[k:]}" for k in range(3, len(token) - 2) if common(token[:k]) and common(token[k:])]
    return out


def common(word: str) -> bool:
    """A word of the list common enough to be half of a compound: rarer ones split words that
    are not compounds (rebalancing is not reba-lancing: 'reba' is met 50 times in the list's
    corpus, 'high' 332,870, 'ministerial' 453)."""
    return frequency(word) >= COMMON


def apply(state: LineState) -> LineState:
    layout, ledger = state.layout, state.ledger
    body = layout.body_width
    # forms the chapter prints on lines of a printed line's width: real words, whatever the list says
    printed = {
        m.group()
        for line in state.lines
        if line.kind == "text" and layout.width(line.text) <= body * 1.1
        for m in TOKEN.finditer(line.text)
    }

    def fix(line: Line) -> Line:
        if line.kind != "text":
            return line
        if layout.width(line.text) <= body * JOINED:
            return line
        out, pos = [], 0
        for m in TOKEN.finditer(line.text):
            token = m.group()
            if is_word(token) or token in printed or token.isupper():
                continue
            forms = _splits(token)
            if len(forms) == 1:
                out.append(line.text[pos : m.start()] + forms[0])
                ledger.repair("hyphen", token, forms[0], line.no)
                pos = m.end()
        if not out:
            return line
        return replace(line, text="".join(out) + line.text[pos:])

    return state.with_lines(fix(line) for line in state.lines)
