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
        spec = schema("labels")
        fields_of = {}
        for key, prop in spec["properties"].items():
            if "$ref" in prop:
                prop = spec["$defs"][prop["$ref"].rsplit("/", 1)[1]]
            fields_of[key] = set(prop.get("template", []))
        self._parts: dict[str, list[tuple[str, str | None]]] = {}
        for key, text in self._words.items():
            try:
                parsed = list(string.Formatter().parse(text))
            except ValueError as e:
                raise doc.error((key,), f"'{text}' is not a label's words ({e}); expected {{field}} where a value "
                                        "goes, and {{ or }} for a brace of its own") from None
            parts = []
            for literal, field, spec_, conversion in parsed:
                if field is not None:
                    plain_labels = [k for k, v in self._words.items() if k != key and "{" not in v]
                    if spec_ or conversion:
                        raise doc.error((key,), f"'{{{field}!{conversion}:{spec_}}}': a field here is a bare name; "
                                                f"expected {{{field}}}")
                    if field not in fields_of.get(key, ()) and field not in plain_labels:
                        own = sorted(fields_of.get(key, ()))
                        raise doc.error((key,), f"'{{{field}}}' is neither a field of this label nor another label's "
                                                "name; expected " + (f"{', '.join(f'{{{f}}}' for f in own)} or " if own
                                                                     else "") + "the name of a label without fields"
                                                + did_you_mean(field, own + plain_labels))
                parts.append((literal, field))
            self._parts[key] = parts

    def _fill(self, key: str, quote, fields: dict) -> str:
        out = []
        for literal, field in self._parts[key]:
            out.append(quote(literal))
            if field is None:
                continue
            out.append(str(fields[field]) if field in fields else quote(self._words[field]))
        return "".join(out)

    def text(self, key: str, **fields) -> str:
        """Plain text (a title, an attribute's value before escaping)."""
        return self._fill(key, str, fields)

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
