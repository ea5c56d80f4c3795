"""The site's, the layout's and a chapter's settings, read and checked
against their schemas (builder/inputs/schemas/) before any stage runs."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .figures import KINDS as FIGURE_KINDS
from . import ruler
from .inputs.schema import did_you_mean, load_checked, validate
from .inputs.yamldoc import Doc
from .rules_inline.justification import remove_justification
from .text import char_width, plain


class Layout:
    """The table of layout patterns (content/layout.yaml), compiled."""

    def __init__(self, path: Path):
        self.path = path
        self.doc = load_checked(path, "layout")
        self.data = self.doc.data
        self._compiled: dict[str, re.Pattern] = {}
        kinds = self.data["box_kinds"]
        # box_title names the kinds by a placeholder, so that box_kinds is their one list
        printed = "|".join(re.escape(k["printed"]) for k in kinds.values())
        self._sources = {"box_title": self.data["box_title"].replace("{box_kinds}", printed)}
        self.box_kind = {re.sub(r"\s", "", k["printed"]): name for name, k in kinds.items()}
        self._classes = [(re.compile(f"[{c['chars']}]"), float(c["width"])) for c in self.data["char_widths"]]
        self._char_width = functools.lru_cache(maxsize=None)(self._one_width)
        self.rules = self._check_rules()

    def _check_rules(self) -> list[str]:
        """The profile's rules, each one that exists, with the keys it reads present."""
        known = ruler.rules()
        for i, name in enumerate(self.data["rules"]):
            if name not in known:
                raise self.doc.error(("rules", i), f"no rule '{name}'" + (did_you_mean(name, known) or
                                                                            f"; expected one of: {', '.join(known)}"))
            missing = [k for k in known[name].needs if k not in self.data]
            if missing:
                raise self.doc.error(("rules", i), f"the rule '{name}' reads {', '.join(missing)}, which this "
                                                   "profile lacks; expected the pattern(s) it needs, or not the rule")
        return list(self.data["rules"])

    def _one_width(self, c: str) -> float:
        for pattern, w in self._classes:
            if pattern.match(c):
                return w
        return char_width(c)

    def width(self, text: str) -> float:
        """A line's printed width in full-width characters, as the page set it:
        by character class, without the spaces justification added, markup as shown."""
        return sum(map(self._char_width, plain(remove_justification(text))))

    def re(self, name: str) -> re.Pattern:
        if name not in self._compiled:
            self._compiled[name] = re.compile(self._sources.get(name, self.data[name]))
        return self._compiled[name]

    def value(self, name: str):
        return self.data[name]

    @property
    def eras(self) -> dict[str, int]:
        return self.data["eras"]


@dataclass(frozen=True)
class Hint:
    kind: str
    quote: str
    reason: str
    reading: str
    line: int | None


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
    doc: Doc | None = None          # chapter.yaml as read, for errors that name its lines

    def hints_of(self, kind: str) -> list[Hint]:
        return [h for h in self.hints if h.kind == kind]


def load_chapter(chapter_dir: Path, layout: Layout) -> ChapterConfig:
    path = chapter_dir / "chapter.yaml"
    doc = load_checked(path, "chapter")
    data = doc.data
    raw = chapter_dir / data["raw"]
    if not raw.is_file():
        raise doc.error(("raw",), f"no file '{data['raw']}' in {chapter_dir}; expected the raw chapter's file name")
    figures = data.get("figures") or {}
    for num, spec in figures.items():
        kind = FIGURE_KINDS.get(spec["kind"])
        if kind is None:
            raise doc.error(("figures", num, "kind"), f"unknown figure kind '{spec['kind']}'"
                            + (did_you_mean(spec["kind"], FIGURE_KINDS) or
                               f"; expected one of: {', '.join(FIGURE_KINDS)}"))
        validate(doc, f"figure-{spec['kind']}", at=("figures", num))
        kind.check(spec, layout, lambda key, message: doc.error(("figures", num, key), message))
    cfg = ChapterConfig(
        dir=chapter_dir, id=data["id"], raw=raw, book=data["book"], book_en=data.get("book_en", ""),
        part=data["part"], number=data["number"], title=data["title"], source_note=data.get("source_note", ""),
        furniture=data["furniture"], figures=figures, doc=doc,
    )
    hints_path = chapter_dir / "hints.yaml"
    if hints_path.exists():
        hints = load_checked(hints_path, "hints")
        cfg.hints_path = hints_path
        cfg.hints = [Hint(h["kind"], h["quote"], h["reason"], h.get("reading", ""), hints.at((i, "quote"))[0])
                     for i, h in enumerate(hints.data or [])]
    return cfg


def unused_furniture(cfg: ChapterConfig, raw_lines) -> list[tuple[int | None, str]]:
    """(line in chapter.yaml, message) for each furniture pattern that matches no raw line: a
    pattern with a slip in it leaves its running heads in the text."""
    out = []
    for group in ("running_heads", "page_numbers"):
        for i, rule in enumerate(cfg.furniture.get(group, [])):
            pattern = re.compile(rule["pattern"])
            if not any(pattern.search(r.text) for r in raw_lines):
                out.append((cfg.doc.at(("furniture", group, i, "pattern"))[0] if cfg.doc else None,
                            f"furniture.{group}[{i}].pattern '{rule['pattern']}' matches no line of {cfg.raw.name}"))
    return out


def check_hints_used(cfg: ChapterConfig, ledger) -> None:
    for h in cfg.hints:
        if not ledger.hints[h]:
            raise InputError(cfg.hints_path, h.line,
                             f"hint ({h.kind}: '{h.quote}') matches nothing in the raw text; "
                             "expected it to quote the raw text it applies to")


@dataclass
class SiteConfig:
    path: Path
    site_name: str
    chapters: list[ChapterConfig]


def load_site(content: Path, layout: Layout) -> SiteConfig:
    path = content / "hakusho.yaml"
    doc = load_checked(path, "hakusho")
    chapters, ids = [], {}
    for i, name in enumerate(doc.data["chapters"]):
        chapter_dir = content / name
        if not (chapter_dir / "chapter.yaml").is_file():
            raise doc.error(("chapters", i), f"no chapter folder '{name}' (with a chapter.yaml) under {content}")
        cfg = load_chapter(chapter_dir, layout)
        if cfg.id in ids:
            raise doc.error(("chapters", i), f"chapter '{name}' has the id '{cfg.id}' of chapter '{ids[cfg.id]}'; "
                                             "expected each chapter's id once")
        ids[cfg.id] = name
        chapters.append(cfg)
    return SiteConfig(path, doc.data["site_name"], chapters)
