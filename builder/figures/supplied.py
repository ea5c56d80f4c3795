"""Words a figure's page shows that its text does not hold: table heads, headings and
sentences the editor writes to explain the figure. Each is marked as the editor's (〔…〕,
the label editor_words) in a span whose title says why, and the headings are named in a
note under the figure (supplied_editor), as the arranged figures' supplied labels are."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from ..markup import render, safe

if TYPE_CHECKING:
    from ..labels import Labels


def mark(words: str, why: str, labels: Labels) -> str:
    """The editor's words as the page shows them: 〔words〕, with why as its title (HTML)."""
    return render("supplied.html", why=why, words=safe(labels.html("editor_words", words=html.escape(words))))


def heads(words: list[str], why: str, labels: Labels) -> tuple[list[str], str]:
    """A table's heads the editor supplies: each marked, and the note's sentence on them."""
    return (
        [mark(w, why, labels) for w in words],
        labels.html(
            "supplied_editor",
            label="".join(labels.html("editor_words", words=html.escape(w)) for w in words),
            why=html.escape(why),
        ),
    )


def sentence(words: str, labels: Labels) -> str:
    """An explaining sentence of the editor's, marked as such."""
    return mark(words, labels.text("editor_explains"), labels)


def note(sentences: list[str]) -> str:
    """The note under a figure that names its supplied headings (HTML sentences)."""
    return render("figure-note.html", sentences=[safe(s) for s in sentences]) + "\n" if sentences else ""
