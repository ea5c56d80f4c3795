"""Builder text (with its inline markup) to Markdown, escaping everything that
comes from the input."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from .text import ABBR_RE, FN_RE, LINK_RE, RUBY_RE

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|])")
_LINE_START = re.compile(r"^([-+>]|\d+\.)(?=\s)")
_TOKEN = re.compile(f"{ABBR_RE.pattern}|{RUBY_RE.pattern}|{FN_RE.pattern}|{LINK_RE.pattern}")


def escape(text: str) -> str:
    """Plain text safe in Markdown and in the HTML it becomes."""
    text = html.escape(text, quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(r"\\\1", text)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def to_markdown(text: str, link_url: Callable[[str], str] | None = None) -> str:
    """Render abbreviations, ruby, footnote references and links (`link_url`
    maps a link's target to a URL; without it the link text stays plain);
    escape the rest."""
    out, pos = [], 0
    for m in _TOKEN.finditer(text):
        out.append(escape(text[pos : m.start()]))
        if m.group(1) is not None:
            out.append(f'<abbr title="{attr(m.group(2))}">{html.escape(m.group(1))}</abbr>')
        elif m.group(3) is not None:
            # the reading stays out of the search index, so 深圳 finds 深圳
            out.append(
                f'<ruby>{html.escape(m.group(3))}<rt data-search-exclude="rt">{html.escape(m.group(4))}</rt></ruby>'
            )
        elif m.group(5) is not None:
            out.append(f"[^{m.group(5)}]")
        else:
            inner = escape(m.group(7))
            url = link_url(m.group(6)) if link_url else None
            out.append(f"[{inner}]({url})" if url else inner)
        pos = m.end()
    out.append(escape(text[pos:]))
    return "".join(out)
