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
"""

from __future__ import annotations

import html
import string

from .escape import escape
from .inputs.schema import did_you_mean, schema
from .inputs.yamldoc import Doc


class Labels:
    def __init__(self, doc: Doc):
        self._words: dict[str, str] = dict(doc.data)
        fields_of = _fields_of(schema("labels"))
        parsed = {key: _parse(doc, key, text) for key, text in self._words.items()}
        # the labels another may name: those without fields, whose words are whole ({{ and }} are a brace)
        plain = [k for k, parts in parsed.items() if all(field is None for _, field, _, _ in parts)]
        self._parts = {
            key: _parts(doc, key, parsed[key], fields_of.get(key, set()), [k for k in plain if k != key])
            for key in self._words
        }

    def _fill(self, key: str, quote, fields: dict | None) -> str:
        """The label's words quoted, another label's words quoted in its place, and each
        of its own fields from `fields` (None: left as {field}, for a script to fill)."""
        out = []
        for literal, field, own in self._parts[key]:
            out.append(quote(literal))
            if field is None:
                continue
            if not own:
                out.append(quote(self.text(field)))
            else:
                out.append(f"{{{field}}}" if fields is None else str(fields[field]))
        return "".join(out)

    def text(self, key: str, **fields) -> str:
        """Plain text (a title, an attribute's value before escaping)."""
        return self._fill(key, str, fields)

    def template(self, key: str) -> str:
        """Plain text with its own fields left as {field}: for the reader's script to fill."""
        return self._fill(key, str, None)

    def md(self, key: str, **fields) -> str:
        """Markdown: the label's words escaped; fields go in as given (Markdown already)."""
        return self._fill(key, escape, fields)

    def html(self, key: str, **fields) -> str:
        """HTML: the label's words escaped; fields go in as given (HTML already)."""
        return self._fill(key, lambda s: html.escape(s, quote=True), fields)

    def __getattr__(self, key: str) -> str:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self.text(key)
        except KeyError:
            raise AttributeError(key) from None


def _fields_of(spec: dict) -> dict[str, set[str]]:
    """Each label's fields, as its schema's `template` names them."""
    out = {}
    for key, prop in spec["properties"].items():
        if "$ref" in prop:
            prop = spec["$defs"][prop["$ref"].rsplit("/", 1)[1]]
        out[key] = set(prop.get("template", []))
    return out


def _parse(doc: Doc, key: str, text: str) -> list[tuple]:
    """A label's words as (literal, field, spec, conversion) pieces, {{ and }} a brace of the literal's."""
    try:
        return list(string.Formatter().parse(text))
    except ValueError as e:
        raise doc.error(
            (key,),
            f"'{text}' is not a label's words ({e}); expected {{field}} where a value "
            "goes, and {{ or }} for a brace of its own",
        ) from None


def _parts(doc: Doc, key: str, parsed: list, own: set[str], others: list[str]) -> list[tuple[str, str | None, bool]]:
    """(words, field or None, whether the field is the label's own) pieces of one label, each field
    checked: one of its own (which wins over a label of the same name), or another label."""
    parts = []
    for literal, field, spec, conversion in parsed:
        if field is not None:
            if spec or conversion:
                written = field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
                raise doc.error((key,), f"'{{{written}}}': a field here is a bare name; expected {{{field}}}")
            if field not in own and field not in others:
                expected = "".join(f"{{{f}}} or " for f in sorted(own)) + "the name of a label without fields"
                what = (
                    "a label with fields of its own"
                    if field in doc.data and field != key
                    else "neither a field of this label nor another label's name"
                )
                raise doc.error(
                    (key,), f"'{{{field}}}' is {what}; expected {expected}" + did_you_mean(field, sorted(own) + others)
                )
        parts.append((literal, field, field in own))
    return parts
