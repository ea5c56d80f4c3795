"""The builder's own HTML around the text (a profile's mentions, a long list folded under its
heading), written as Jinja templates in builder/templates/ and filled with autoescape on: what
comes from data is escaped as it goes in; what is HTML already goes in through `safe`."""

from __future__ import annotations

import functools
import html
from pathlib import Path

import jinja2
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        # text escaped as the builder's Python escapes it (&#x27;, &quot;), so a page reads the same whoever wrote it
        finalize=lambda v: Markup(html.escape(v)) if isinstance(v, str) and not isinstance(v, Markup) else v,
    )


def render(name: str, **values: object) -> str:
    """The template `name` filled with `values`, as HTML."""
    return _environment().get_template(name).render(**values)


def safe(html: str) -> Markup:
    """HTML the builder has already written (escaped where it came from data), to go in as it is."""
    return Markup(html)
