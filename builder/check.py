"""The builder reads its own output: every page is parsed with markdown-it-py
before MkDocs sees it, and a page whose footnote references and definitions
do not match, or whose headings skip a level, is refused."""
from __future__ import annotations

import re

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from .errors import InputError

_UNRESOLVED = re.compile(r"\[\^([^\]\s]+)\]")
# Only the rules that decide what a heading or a footnote is (block structure,
# raw HTML, code, escapes, links): the checker need not know emphasis.
def _parser(inline: bool) -> MarkdownIt:
    md = (MarkdownIt("zero").use(footnote_plugin)
          .enable(["heading", "lheading", "list", "blockquote", "fence", "code", "html_block", "hr", "table",
                   "reference", "escape", "backticks", "html_inline", "link", "entity", "newline"]))
    if not inline:
        md.core.ruler.disable("inline")
    return md


_md = _parser(inline=True)
# headings and footnote definitions are block structure; a page with no
# footnote reference needs no inline pass (most of the parse's cost)
_md_blocks = _parser(inline=False)


def check_page(path: str, text: str) -> None:
    env: dict = {}
    if text.startswith("---\n"):                 # YAML front matter is MkDocs', not Markdown
        end = text.index("\n---\n", 3) + 5
        text = "\n" * text[:end].count("\n") + text[end:]
    tokens = (_md if "[^" in text else _md_blocks).parse(text, env)
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
