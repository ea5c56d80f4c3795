"""The builder's packages import one another one way: the graph of imports
between them (builder/x and builder/x.py as one node) has no cycle, so each
stage can be read, and tested, knowing only the ones below it.

An import under `if TYPE_CHECKING:` is not an edge: it names a type for mypy
(a rule's `state: LineState`, whose layout is config's Layout) and runs never."""

from __future__ import annotations

import ast
from pathlib import Path

BUILDER = Path(__file__).resolve().parent.parent / "builder"


def unit(module: str) -> str:
    """builder.countries.profiles -> countries"""
    return module.split(".")[1] if "." in module else module


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in BUILDER.rglob("*.py"):
        parts = path.relative_to(BUILDER.parent).with_suffix("").parts
        package = parts[:-1]
        module = ".".join(parts[:-1] if path.name == "__init__.py" else parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {
            id(n)
            for block in ast.walk(tree)
            if isinstance(block, ast.If) and ast.unparse(block.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")
            for stmt in block.body
            for n in ast.walk(stmt)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level and id(node) not in typing_only:
                base = list(package[: len(package) - node.level + 1])
                targets = (
                    [".".join(base + [node.module])] if node.module else [".".join(base + [a.name]) for a in node.names]
                )
                for target in targets:
                    if unit(target) != unit(module) and "." in target:
                        graph.setdefault(unit(module), set()).add(unit(target))
    return graph


def test_the_import_graph_has_no_cycle():
    graph = import_graph()
    assert "figures" in graph and "config" in graph["pipeline"]  # the graph is really read

    def path_back(start):
        stack, seen = [(start, [start])], set()
        while stack:
            node, trail = stack.pop()
            for nxt in graph.get(node, ()):
                if nxt == start:
                    return trail + [start]
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, trail + [nxt]))
        return None

    cycles = [" → ".join(c) for c in map(path_back, graph) if c]
    assert cycles == []
