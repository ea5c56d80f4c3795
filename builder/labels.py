"""The words the site shows readers around the white paper's own text
(content/labels.yaml), each written once.

A label may hold fields: `{n}件` takes a number from the page that shows it
(the fields a label may take are its schema's `template`), and `{timeline}の一覧`
takes the words of the label `timeline`, so that a word renamed there is
renamed everywhere. A field a label cannot have, or a brace left open, is an
input error told with its line, before any page is made.

    labels.timeline                      年表 (plain text: a page title, the nav)
    labels.md("count", n=3)              3件, its words escaped for Markdown
    labels.html("timeline_filters")      年表の絞り込み, escaped for HTML

Each label is a typed field of Words (mypy knows `labels.timeline`, and not
`labels.timline`), with its words as `template` gives them.
"""

from __future__ import annotations

import dataclasses
import html
import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from .escape import escape
from .inputs.schema import did_you_mean, schema
from .inputs.yamldoc import Doc

Piece = tuple[str, str | None, bool]  # (words, field or None, whether the field is the label's own)


@dataclass(frozen=True, eq=False)
class Words:
    """Each label of content/labels.yaml, one field per property of its schema
    (builder/inputs/schemas/labels.yaml; tests/test_settings.py holds the two to each other): its
    words with other labels' words filled in, its own fields (the comment's) left as {field}."""

    home: str
    figures: str
    figure_index: str
    glossary: str
    countries: str
    timeline: str
    chapter_contents: str
    source_scope: str
    photo: str
    see_also: str
    cut_off: str
    cut_off_note: str
    note: str  # {n}
    figure_count: str  # {n}
    number: str
    format: str
    figure_data: str
    cited_in: str
    glossary_intro: str
    acronym: str
    name_ja: str
    name_en: str
    examples: str
    only_within: str  # {acronyms}
    countries_intro: str  # {figure_kinds}
    countries_chart: str  # {counts}
    chart_mentions: str
    name: str
    mentions: str
    member_of: str
    members: str
    members_source: str  # {according_to}
    sections_on: str
    by_chapter: str
    chapter: str
    part_lead: str  # {country}, {chapters}
    text_mentions: str  # {n}
    in_note: str  # {n}
    no_mention: str
    figures_only: str
    timeline_intro: str  # {figure_kinds}
    timeline_split: str
    timeline_list: str
    timeline_total: str  # {n}
    timeline_chart: str
    timeline_filters: str
    from_timeline: str
    count: str  # {n}
    period: str
    events: str
    event_kind: str
    all: str
    year_from: str
    year_to: str
    source: str
    text_source: str
    search_none: str
    search_inexact: str
    table_region: str  # {name}
    to_note: str
    after_heading: str
    list_sep: str
    list_dot: str
    and_: str = dataclasses.field(metadata={"key": "and"})  # a Python keyword: the label `and`
    in_brackets: str  # {text}
    other_name: str
    book_line: str  # {book}, {book_en}, {part}
    note_cut: str
    note_missing: str
    counterpart_note: str  # {n}
    beyond: str
    beyond_note: str
    figure_number: str  # {num}
    figure_as_printed: str
    figure_unreadable: str
    figure_from_counterpart: str
    editor_words: str  # {words}
    supplied_print: str  # {label}, {why}
    supplied_editor: str  # {label}, {why}
    editor_explains: str
    dark_mode: str
    light_mode: str
    counterpart_mark: str
    counterpart_title: str
    side_by_side: str
    search_counterpart: str
    format_table: str
    format_data: str
    format_arranged: str
    format_printed: str
    format_counterpart: str
    country_find: str
    timeline_data: str
    paragraph: str  # {n}
    fold: str  # {n}
    trail: str
    permalink: str
    search_variant: str  # {typed}, {found}
    search_other: str


# the label each field holds, where the field cannot have its name
_KEY = {f.name: f.metadata.get("key", f.name) for f in dataclasses.fields(Words)}


class Labels(Words):
    def __init__(self, doc: Doc):
        # the schema passed the file: a mapping of every label to its words
        self._words: dict[str, str] = dict(cast("dict[str, str]", doc.data))
        fields_of = _fields_of(schema("labels"))
        parsed = {key: _parse(doc, key, text) for key, text in self._words.items()}
        # the labels another may name: those without fields, whose words are whole ({{ and }} are a brace)
        plain = [k for k, parts in parsed.items() if all(field is None for _, field, _, _ in parts)]
        self._parts = {
            key: _parts(doc, key, parsed[key], fields_of.get(key, set()), [k for k in plain if k != key])
            for key in self._words
        }
        super().__init__(**{name: self.template(key) for name, key in _KEY.items()})

    def _fill(self, key: str, quote: Callable[[str], str], fields: dict[str, Any] | None) -> str:
        """The label's words quoted, another label's words quoted in its place, and each
        of its own fields from `fields` (None: left as {field}, for a script to fill)."""
        out: list[str] = []
        for literal, field, own in self._parts[key]:
            out.append(quote(literal))
            if field is None:
                continue
            if not own:
                out.append(quote(self.text(field)))
            else:
                out.append(f"{{{field}}}" if fields is None else str(fields[field]))
        return "".join(out)

    def text(self, key: str, **fields: Any) -> str:
        """Plain text (a title, an attribute's value before escaping)."""
        return self._fill(key, str, fields)

    def template(self, key: str) -> str:
        """Plain text with its own fields left as {field}: for the reader's script to fill."""
        return self._fill(key, str, None)

    def md(self, key: str, **fields: Any) -> str:
        """Markdown: the label's words escaped; fields go in as given (Markdown already)."""
        return self._fill(key, escape, fields)

    def html(self, key: str, **fields: Any) -> str:
        """HTML: the label's words escaped; fields go in as given (HTML already)."""
        return self._fill(key, lambda s: html.escape(s, quote=True), fields)


def _fields_of(spec: dict[str, Any]) -> dict[str, set[str]]:
    """Each label's fields, as its schema's `template` names them."""
    out: dict[str, set[str]] = {}
    for key, prop in spec["properties"].items():
        if "$ref" in prop:
            prop = spec["$defs"][prop["$ref"].rsplit("/", 1)[1]]
        out[key] = set(prop.get("template", []))
    return out


def _parse(doc: Doc, key: str, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """A label's words as (literal, field, spec, conversion) pieces, {{ and }} a brace of the literal's."""
    try:
        return list(string.Formatter().parse(text))
    except ValueError as e:
        raise doc.error(
            (key,),
            f"'{text}' is not a label's words ({e}); expected {{field}} where a value "
            "goes, and {{ or }} for a brace of its own",
        ) from None


def _parts(
    doc: Doc, key: str, parsed: list[tuple[str, str | None, str | None, str | None]], own: set[str], others: list[str]
) -> list[Piece]:
    """(words, field or None, whether the field is the label's own) pieces of one label, each field
    checked: one of its own (which wins over a label of the same name), or another label."""
    parts: list[Piece] = []
    for literal, field, spec, conversion in parsed:
        if field is not None:
            if spec or conversion:
                written = field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
                raise doc.error((key,), f"'{{{written}}}': a field here is a bare name; expected {{{field}}}")
            if field not in own and field not in others:
                expected = "".join(f"{{{f}}} or " for f in sorted(own)) + "the name of a label without fields"
                what = (
                    "a label with fields of its own"
                    if field in cast("dict[str, str]", doc.data) and field != key
                    else "neither a field of this label nor another label's name"
                )
                raise doc.error(
                    (key,), f"'{{{field}}}' is {what}; expected {expected}" + did_you_mean(field, sorted(own) + others)
                )
        parts.append((literal, field, field in own))
    return parts
