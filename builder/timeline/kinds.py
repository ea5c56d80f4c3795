"""The kinds of event (content/data/event_kinds.yaml): a clause's kind from its
keywords, and the clauses that tell of background rather than a happening."""

from __future__ import annotations

from pathlib import Path

from .. import patterns
from ..checked import line_at, yaml_map
from ..inputs.schema import load_checked


class Kinds:
    def __init__(self, path: Path):
        doc = load_checked(path, "event_kinds", optional=True)
        data = yaml_map(doc)
        self.table: list[tuple[str, str, list[str]]] = [
            (k["kind"], k["label"], list(k["keywords"])) for k in data["kinds"]
        ]
        self.default: tuple[str, str] = (data["default"]["kind"], data["default"]["label"])
        self.backgrounds = [(patterns.compile(b["pattern"]), b["why"]) for b in data.get("background", [])]
        self.labels: dict[str, str] = {}
        first: dict[str, int] = {}
        for i, (kind, label, _) in enumerate(self.table + [(*self.default, [])]):
            place = ("kinds", i, "kind") if i < len(self.table) else ("default", "kind")
            if kind in self.labels:
                raise doc.error(
                    place, f"kind '{kind}' is defined twice (first at line {first[kind]}); expected each kind once"
                )
            self.labels[kind], first[kind] = label, line_at(doc, place)

    def of(self, text: str) -> str:
        for kind, _, words in self.table:
            if any(w in text for w in words):
                return kind
        return self.default[0]

    def background(self, clause: str) -> str:
        """Why the clause looks like background rather than a happening, or ''."""
        return next((why for pattern, why in self.backgrounds if pattern.search(clause)), "")
