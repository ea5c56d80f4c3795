"""No function of the builder is over 60 lines: a longer one does several jobs, and each
job is a step with a name of its own (issue 26)."""

from __future__ import annotations

import ast
from pathlib import Path

BUILDER = Path(__file__).resolve().parent.parent / "builder"
LONGEST = 60


def long_functions(root: Path, longest: int = LONGEST) -> list[str]:
    """file:line:function (its lines) for each function or method under root over `longest`
    lines, from its `def` (its decorators left out) to its last line."""
    out = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > longest:
                    out.append(f"{path.relative_to(root.parent).as_posix()}:{node.lineno}:{node.name} ({lines} lines)")
    return out


def test_no_function_of_the_builder_is_over_60_lines():
    assert long_functions(BUILDER) == []


def test_a_long_function_is_named_with_its_place(tmp_path):
    # the check itself: a method of 61 lines is named, a function of 60 is not
    package = tmp_path / "builder"
    package.mkdir()
    body = "".join(f"    x{i} = {i}\n" for i in range(58))
    method = "".join(f"        x{i} = {i}\n" for i in range(59))
    (package / "a.py").write_text(
        f"def short():\n{body}    return 0\n\n\nclass C:\n    def long(self):\n{method}        return 1\n",
        encoding="utf-8",
    )
    assert long_functions(package) == ["builder/a.py:64:long (61 lines)"]
