"""No HTML or JavaScript longer than one line inside a Python string of builder/ (issue 26): markup
lives in builder/templates/ (Jinja) and overrides/, and Python hands it data. A string literal or
f-string (implicit concatenation included) that spans more than one source line and holds an HTML
tag or JavaScript fails, named file:line. Docstrings are prose, and regular expressions (a pattern
given to re) match markup rather than write it: both are told apart by where the string stands in
the code, not by a list of files."""

from __future__ import annotations

import ast
import re
import textwrap
from pathlib import Path

BUILDER = Path(__file__).resolve().parent.parent / "builder"

# the elements of HTML (and svg), by name
ELEMENT_NAMES = (
    "a abbr address article aside audio b bdi bdo blockquote body br button canvas caption cite code col "
    "colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main "
    "map mark menu meta meter nav noscript object ol optgroup option output p picture pre progress q rp rt "
    "ruby s samp script search section select small source span strong style sub summary sup svg table "
    "tbody td template textarea tfoot th thead time title tr track u ul var video wbr"
)
ELEMENTS = set(ELEMENT_NAMES.split())
VOID = {"br", "hr", "img", "input", "wbr", "meta", "link", "col", "source", "track", "embed", "area"}
# HTML: an element's closing tag, an opening tag with attributes, or a void element. A word in angle
# brackets alone (an error message's '<tab>', a regex's named group '(?P<w>') is neither.
TAG = re.compile(r"</([a-z][a-z0-9]*)\s*>|<([a-z][a-z0-9]*)(\s+[\w:-]+\s*=|\s*/?>)", re.IGNORECASE)
SCRIPT = re.compile(
    r"<script\b|\bfunction\s*\w*\s*\([^)]*\)\s*\{|\)\s*=>|\b\w+\s*=>\s*[{(]"
    r"|\b(?:const|let|var)\s+\w+\s*=|\baddEventListener\s*\(|\bdocument\.(?:querySelector|getElementById)"
)
REGEX_MODULES = {"re", "regex"}


def holds_markup(text: str) -> bool:
    for m in TAG.finditer(text):
        if m.group(1) and m.group(1).lower() in ELEMENTS:
            return True
        name, attributes = (m.group(2) or "").lower(), "=" in (m.group(3) or "")
        if name in ELEMENTS and (attributes or name in VOID):
            return True
    return bool(SCRIPT.search(text))


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _is_docstring(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    stmt = parents.get(node)
    owner = parents.get(stmt) if isinstance(stmt, ast.Expr) else None
    body = getattr(owner, "body", None)
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return isinstance(owner, kinds) and bool(body) and body[0] is stmt


def _is_regex(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """An argument (or a piece of one) of a call to the re module: re.compile(r"..." r"...")."""
    at = node
    while isinstance(parents.get(at), (ast.BinOp, ast.JoinedStr, ast.FormattedValue)):
        at = parents[at]
    call = parents.get(at)
    return (
        isinstance(call, ast.Call)
        and at in call.args
        and isinstance(call.func, ast.Attribute)
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id in REGEX_MODULES
    )


def markup_strings(source: str) -> list[int]:
    """The first line of each string that spans source lines and holds HTML or JavaScript."""
    tree = ast.parse(source)
    parents = _parents(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            pass
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if isinstance(parents.get(node), ast.JoinedStr):
                continue  # a piece of an f-string: the f-string is checked whole
        else:
            continue
        if node.end_lineno == node.lineno or _is_docstring(node, parents) or _is_regex(node, parents):
            continue
        if holds_markup(ast.get_source_segment(source, node) or ""):
            found.append(node.lineno)
    return sorted(found)


def test_the_check_finds_markup_and_leaves_prose_and_patterns():
    source = textwrap.dedent(
        '''
        """A module that writes <li> items: its docstring is prose."""
        import re

        def item(x):
            """<p class="a">a paragraph</p> in a docstring is prose too."""
            one = f'<li class="x">{x}</li>'
            two = (
                f'<li class="x">{x}'
                "</li>"
            )
            script = (
                "document.querySelector('#a')"
                ".addEventListener('click', () => {})"
            )
            pattern = re.compile(
                r"<a href=\\"(?P<href>[^\\"]+)\\">"
                r"(?P<w>.*?)</a>"
            )
            message = (
                f"'{x}' reads as a footnote marker; "
                "expected '<tab>' after it"
            )
            return one, two, script, pattern, message
        '''
    )
    assert markup_strings(source) == [9, 13]


def test_what_counts_as_markup():
    assert holds_markup('<span class="hk-era">')
    assert holds_markup("</summary>")
    assert holds_markup("a<br>b")
    assert holds_markup("const rows = document.querySelectorAll('li');")
    assert holds_markup("rows.forEach((r) => r.remove())")
    assert not holds_markup("expected '<tab>' or <number>")
    assert not holds_markup("(?P<w>\\d{2})")
    assert not holds_markup("<title>")  # a word in brackets, as an error message may write one


def test_no_markup_spans_lines_in_a_python_string_of_the_builder():
    found = [
        f"{path.relative_to(BUILDER.parent)}:{line}"
        for path in sorted(BUILDER.rglob("*.py"))
        for line in markup_strings(path.read_text(encoding="utf-8"))
    ]
    assert not found, (
        "HTML or JavaScript over several lines in a Python string (move it into builder/templates/ "
        "or overrides/, and hand it data): " + ", ".join(found)
    )
