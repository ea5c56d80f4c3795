"""The builder reads its own output: every page is parsed with markdown-it-py
before MkDocs sees it, and a page whose footnote references and definitions
do not match, or whose headings skip a level, is refused."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from .errors import InputError

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore

_UNRESOLVED = re.compile(r"\[\^([^\]\s]+)\]")


def _inline_where_refs(state: StateCore) -> None:
    """markdown-it's inline pass, on the inline runs that can hold a footnote
    reference: headings and definitions are block structure, and inline
    parsing is most of the cost of a full parse."""
    for token in state.tokens:
        if token.type == "inline" and "[^" in token.content:
            token.children = []
            state.md.inline.parse(token.content, state.md, state.env, token.children)


@functools.cache
def _parser() -> MarkdownIt:
    """Only the rules that decide what a heading or a footnote is (block structure,
    raw HTML, code, escapes, links): the checker need not know emphasis or tables.
    Made on first use: a rebuild whose pages all passed before (memo) never needs it."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    md = (
        MarkdownIt("zero")
        .use(footnote_plugin)
        .enable(
            [
                "heading",
                "lheading",
                "list",
                "blockquote",
                "fence",
                "code",
                "html_block",
                "hr",
                "reference",
                "escape",
                "backticks",
                "html_inline",
                "link",
                "entity",
                "newline",
            ]
        )
    )
    md.core.ruler.at("inline", _inline_where_refs)
    return md


def check_page(path: str, text: str) -> None:
    env: dict[str, Any] = {}  # markdown-it's environment: what its plugins record
    if text.startswith("---\n"):  # YAML front matter is MkDocs', not Markdown
        end = text.index("\n---\n", 3) + 5
        text = "\n" * text[:end].count("\n") + text[end:]
    tokens = _parser().parse(text, env)
    refs = set()
    defs = {k.lstrip(":") for k in env.get("footnotes", {}).get("refs", {})}
    last_level = 0
    for t in tokens:
        if t.type == "heading_open":
            level = int(t.tag[1])
            line = (t.map[0] + 1) if t.map else None
            if last_level == 0 and level != 1:
                raise InputError(path, line, f"the page starts with an h{level}; expected an h1")
            if level > last_level + 1:
                raise InputError(path, line, f"heading h{level} follows h{last_level}; a level is skipped")
            last_level = level
        if t.type == "inline":
            for c in t.children or []:
                if c.type == "footnote_ref":
                    refs.add(c.meta["label"])
                elif c.type == "text":
                    # a reference markdown-it could not resolve stays as text
                    refs.update(_UNRESOLVED.findall(c.content))
    if refs - defs:
        raise InputError(path, None, f"footnote reference(s) {sorted(refs - defs)} with no definition")
    if defs - refs:
        raise InputError(path, None, f"footnote definition(s) {sorted(defs - refs)} never referenced")
