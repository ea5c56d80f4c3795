"""The blocks the segmenter produces, before they are placed in the chapter.

Each is a frozen record: a later stage that changes one (a heading's level, a
paragraph's anchor) makes a new one, so what a stage returned stays as it was."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    from ..lines import Line


@dataclass(frozen=True)
class Block:
    nos: list[int]


@dataclass(frozen=True)
class Heading(Block):
    kind: str  # section | numbered | paren | kana
    num: str
    title: str
    level: str = ""  # set by the chapter model: section | item | sub | paren | kana
    label: str = ""  # its number as the book prints it at its level (第1節　, (1) ), set with the level


@dataclass(frozen=True)
class Paragraph(Block):
    text: str
    cut_off: bool = False
    anchor: str = ""
    beyond: bool = False  # past where the chapter's other edition ends (hint counterpart_end)


class CrossRefEntry(TypedDict):
    label: str
    title: str
    target: tuple[str, str] | None  # ('figure', 'Ⅲ-3-1-1'), or None: a place the site has no page for


@dataclass(frozen=True)
class CrossRef(Block):
    entries: list[CrossRefEntry]


@dataclass(frozen=True)
class Caption(Block):
    text: str


@dataclass(frozen=True)
class Box(Block):
    kind: str
    title: str
    lines: Sequence[Line] = field(default_factory=list)  # its raw text, until paragraphs are made
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass(frozen=True)
class FootnoteBody(Block):
    num: int
    text: str
    state: str = "whole"  # whole | cut (the text layer stops inside it) | missing (only its marker is there)


@dataclass(frozen=True)
class Figure(Block):
    num: str
    caption: str
    lines: Sequence[Line] = field(default_factory=list)  # the figure's content
    caption_nos: list[int] = field(default_factory=list)
    kind: str = ""  # set when the figure is read (builder/figures)
    data: object = None


@dataclass(frozen=True)
class TextBlock(Block):
    """A run of body lines between blank lines, not yet reflowed."""

    lines: Sequence[Line]
    before_blank: bool = False  # a blank line follows it in the raw text
