"""Photo captions by subject. The text layer gives a page's captions where the
page's running text ends, so a caption lands after whatever paragraph the page
broke in, which may belong to the neighbouring sub-item (「フィリピン国防次官
および海軍司令官と会談する武居海幕長」 after the Myanmar paragraph). A caption
goes after the paragraph (or box) of its item that shares most of what it
names: katakana and Latin words (コブラ・ゴールド, ASEAN) and pairs of kanji
(次官, 横浜), each weighed by how rare it is in the item. It moves only on
clear evidence: a score of at least MIN_SCORE, clearly above the best of any
other sub-item and above where it stands; otherwise it stays where print put
it."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from ..blocks.model import Box, Caption, Heading, Paragraph
from ..text import plain

if TYPE_CHECKING:
    from .chapter import Item

MIN_SCORE = 5.0  # about two terms that few paragraphs of the item share
NAME_WEIGHT = 3.0  # a katakana or Latin word names a country, a person, an exercise: the best evidence
WORD = re.compile(r"[ァ-ヺー・]{2,}|[A-Za-z][A-Za-z0-9\-]+|[\u4e00-\u9fff々]{2,}")
KANJI = re.compile(r"[\u4e00-\u9fff々]")


def terms(text: str) -> set[str]:
    """What a text names: katakana and Latin words whole, kanji runs as overlapping pairs."""
    out: set[str] = set()
    for m in WORD.finditer(text):
        w = m.group().strip("・")
        if KANJI.match(w):
            out.update(w[i : i + 2] for i in range(len(w) - 1))
        elif len(w) >= 2:
            out.add(w)
    return out


def _text(block: Paragraph | Box) -> str:
    if isinstance(block, Box):
        return block.title + "".join(plain(p.text) for p in block.paragraphs)
    return plain(block.text)


def place_captions(item: Item) -> None:
    """Move each caption of the item after the block that best shares its terms."""
    blocks = item.blocks
    texts = [b for b in blocks if isinstance(b, (Paragraph, Box))]
    if not texts:
        return
    # the sub-item (the run under one heading) each text belongs to
    unit_of, unit = {}, 0
    for b in blocks:
        if isinstance(b, Heading):
            unit += 1
        unit_of[id(b)] = unit
    vocab = [terms(_text(b)) for b in texts]
    df: dict[str, int] = {}
    for v in vocab:
        for t in v:
            df[t] = df.get(t, 0) + 1
    n = len(texts)

    def score(caption_terms: set[str], k: int) -> float:
        return sum(
            math.log((n + 1) / df[t]) * (1.0 if KANJI.match(t) else NAME_WEIGHT) for t in caption_terms & vocab[k]
        )

    for cap in [b for b in blocks if isinstance(b, Caption)]:
        words = terms(cap.text)
        position = {id(b): i for i, b in enumerate(blocks)}
        # where it stands: after the last paragraph or box before it
        here = max((k for k, b in enumerate(texts) if position[id(b)] < position[id(cap)]), default=None)
        scores = [score(words, k) for k in range(n)]
        best = max(range(n), key=lambda k: scores[k])
        # the runner-up in another sub-item: two paragraphs of one sub-item are no doubt about where it goes
        runner_up = max((scores[k] for k in range(n) if unit_of[id(texts[k])] != unit_of[id(texts[best])]), default=0.0)
        current = scores[here] if here is not None else 0.0
        if (
            scores[best] < MIN_SCORE
            or scores[best] < runner_up * 1.2
            or scores[best] <= current * 1.2 + 1.0
            or best == here
        ):
            continue
        blocks.remove(cap)
        target = blocks.index(texts[best]) + 1
        # after the block and any captions already placed after it
        while target < len(blocks) and isinstance(blocks[target], Caption):
            target += 1
        blocks.insert(target, cap)
