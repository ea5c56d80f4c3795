"""Reading the YAML inputs, with errors that point at the line."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import InputError

# libyaml's loader when PyYAML has it (the wheels do): several times faster
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

def load_yaml(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, None, "file not found") from None
    except UnicodeDecodeError as e:
        raise InputError(path, None, f"not UTF-8 ({e.reason})") from None
    try:
        return yaml.load(text, Loader=SafeLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(e, "problem", None) or str(e)
        raise InputError(path, line, f"malformed YAML: {problem}") from None


def _require(data, key: str, path: Path, kind=str):
    if not isinstance(data, dict) or key not in data:
        raise InputError(path, None, f"expected a key '{key}'")
    value = data[key]
    if not isinstance(value, kind):
        raise InputError(path, None, f"'{key}' should be a {kind.__name__}")
    return value


class Layout:
    """The table of layout patterns (content/layout.yaml), compiled."""

    def __init__(self, path: Path):
        self.path = path
        data = load_yaml(path)
        if not isinstance(data, dict):
            raise InputError(path, None, "expected a mapping of pattern names")
        self.data = data
        self._compiled: dict[str, re.Pattern] = {}

    def re(self, name: str) -> re.Pattern:
        if name not in self._compiled:
            source = _require(self.data, name, self.path)
            try:
                self._compiled[name] = re.compile(source)
            except re.error as e:
                raise InputError(self.path, None, f"pattern '{name}' is not a valid regex: {e}") from None
        return self._compiled[name]

    def value(self, name: str):
        if name not in self.data:
            raise InputError(self.path, None, f"expected a key '{name}'")
        return self.data[name]


@dataclass
class Hint:
    kind: str
    quote: str
    reason: str
    extra: dict
    index: int
    used: int = 0


@dataclass
class ChapterConfig:
    dir: Path
    id: str
    raw: Path
    book: str
    book_en: str
    part: str
    number: str
    title: str
    source_note: str
    furniture: dict
    figures: dict = field(default_factory=dict)
    hints: list[Hint] = field(default_factory=list)
    hints_path: Path | None = None


HINT_KINDS = {"ruby_base", "box_start", "paragraph_break"}


def load_chapter(chapter_dir: Path) -> ChapterConfig:
    path = chapter_dir / "chapter.yaml"
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise InputError(path, None, "expected a mapping")
    cfg = ChapterConfig(
        dir=chapter_dir,
        id=_require(data, "id", path),
        raw=chapter_dir / _require(data, "raw", path),
        book=_require(data, "book", path),
        book_en=data.get("book_en", ""),
        part=_require(data, "part", path),
        number=_require(data, "number", path),
        title=_require(data, "title", path),
        source_note=data.get("source_note", ""),
        furniture=_require(data, "furniture", path, dict),
        figures=data.get("figures") or {},
    )
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", cfg.id):
        raise InputError(path, None, f"id '{cfg.id}' should be lower-case letters, digits and '-'")
    hints_path = chapter_dir / "hints.yaml"
    if hints_path.exists():
        cfg.hints_path = hints_path
        raw_hints = load_yaml(hints_path) or []
        if not isinstance(raw_hints, list):
            raise InputError(hints_path, None, "expected a list of hints")
        for i, h in enumerate(raw_hints):
            if not isinstance(h, dict) or not {"kind", "quote", "reason"} <= set(h):
                raise InputError(hints_path, None, f"hint {i + 1}: expected kind, quote and reason")
            if h["kind"] not in HINT_KINDS:
                raise InputError(hints_path, None,
                                 f"hint {i + 1}: unknown kind '{h['kind']}' (expected one of {sorted(HINT_KINDS)})")
            extra = {k: v for k, v in h.items() if k not in {"kind", "quote", "reason"}}
            cfg.hints.append(Hint(h["kind"], str(h["quote"]), str(h["reason"]), extra, i + 1))
    return cfg


def hints_of(cfg: ChapterConfig, kind: str) -> list[Hint]:
    return [h for h in cfg.hints if h.kind == kind]


def check_hints_used(cfg: ChapterConfig) -> None:
    for h in cfg.hints:
        if not h.used:
            text = cfg.hints_path.read_text(encoding="utf-8").splitlines()
            line = next((i + 1 for i, t in enumerate(text) if "quote:" in t and h.quote in t), None)
            raise InputError(cfg.hints_path, line,
                             f"hint {h.index} ({h.kind}: '{h.quote}') matches nothing in the raw text; "
                             "expected it to quote the raw text it applies to")
