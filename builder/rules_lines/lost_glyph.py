"""A glyph the text layer lost, shown as missing: where it could not map a printed
character, the text layer writes a space, as it writes print's own spaces (解 説, a
name set apart from its title, ハーグルンド フィンランド国防大臣), so the text cannot
tell the two apart; a hint (lost_glyph) quotes the place, and the space becomes the
profile's mark for a missing character (lost_glyph: 〓), counted in the account.
Nothing is guessed: 「右：齊 空幕長」 reads 「右：齊〓空幕長」, not 齊藤."""

from __future__ import annotations

from dataclasses import replace

from ..state import LineState

NEEDS = ("lost_glyph",)


def apply(state: LineState) -> LineState:
    mark = state.layout.lost_glyph
    assert mark is not None  # NEEDS: a profile that runs this rule has its mark (Layout checks it)
    hints = state.chapter.hints_of("lost_glyph")
    out = list(state.lines)
    for h in hints:  # its quote holds one space (the hints' schema)
        for k, line in enumerate(out):
            if line.kind == "text" and h.quote in line.text:
                at = line.text.index(h.quote) + h.quote.index(" ")
                out[k] = replace(line, text=line.text[:at] + mark + line.text[at + 1 :])
                state.ledger.use_hint(h)
                state.ledger.lose_glyph(line.text.strip(), out[k].text.strip(), line.no)
    return state.with_lines(out)
