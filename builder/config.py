"""The site's, the layout's and a chapter's settings, read and checked
against their schemas (builder/inputs/schemas/) before any stage runs."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from . import patterns, ruler
from .checked import YamlMap, yaml_map
from .errors import InputError
from .figures import KINDS as FIGURE_KINDS
from .inputs.schema import did_you_mean, load_checked, validate
from .inputs.yamldoc import Doc, dotted
from .rules_inline.justification import remove_justification
from .text import char_width, join_lines, plain

if TYPE_CHECKING:
    from .ledger import Ledger
    from .lines import Line
    from .source import RawLine

HEADING_KINDS = ("section", "numbered", "paren", "kana")  # outermost first
Regex = patterns.Pattern | re.Pattern[str]  # what patterns.compile makes: RE2's, or Python's for a lookaround
RegexMatch = patterns.Match | re.Match[str]


@dataclass(frozen=True)
class BoxKind:
    """A kind of box (box_kinds): its name as the text layer prints it, and its admonition's style."""

    printed: str
    style: str


@dataclass(frozen=True)
class CharWidth:
    """A class of characters (char_widths) and the width the page sets them at."""

    chars: str
    width: float


@dataclass(frozen=True, eq=False)
class Profile:
    """A layout profile's settings (content/layout.yaml), one typed field per property of its
    schema (builder/inputs/schemas/layout.yaml): a required property has no default, an optional
    one a default that says it is absent (tests/test_settings.py holds the two to each other).
    Only Layout makes one, from a file its schema has passed."""

    rules: tuple[str, ...]
    segmenter: Literal["segment", "segment_marked"]
    paragraph_end_slack: float
    acronyms: Literal["inline", "lines"]
    line_join: Literal["script", "words"]
    section_heading: str
    numbered_heading: str
    paren_heading: str
    kana_heading: str
    kana_order: str
    heading_labels: Mapping[str, str]  # by level: section, item, sub, paren, kana
    place: str
    sentence_end: str
    footnote_start: str
    footnote_full_width: float
    crossref_start: str
    crossref_entry: str
    figure_caption: str
    box_title: str
    box_kinds: Mapping[str, BoxKind]
    box_line_width: float
    char_widths: tuple[CharWidth, ...]
    body_width: float
    caption_split_min: int
    paragraph_short_line: float | None = None
    paragraph_indent: float = 0.0
    joined_lines: bool = False
    page_start: str | None = None
    heading_mark: Mapping[str, Literal["bold"]] = field(default_factory=dict)
    footnote_marker: str | None = None
    footnote_min_width: float | None = None
    box_indent: float = 0.0
    ruby_reading: str | None = None
    acronym_first: str | None = None
    acronym_name: str | None = None
    acronym_rest: str | None = None
    lost_glyph: str | None = None
    eras: Mapping[str, int] = field(default_factory=dict)  # none: the text counts western years only
    two_digit_pivot: int = 50  # a two-digit year below it is 20xx (builder/dates.py)


# the fields whose schema type is number, which YAML reads as int where the file writes 40
_WIDTHS = (
    "paragraph_end_slack",
    "footnote_full_width",
    "box_line_width",
    "body_width",
    "paragraph_short_line",
    "paragraph_indent",
    "footnote_min_width",
    "box_indent",
)


def _profile_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The checked data as Profile's arguments: lists as tuples, widths as floats, nested settings as theirs."""
    out = dict(data)
    out["rules"] = tuple(data["rules"])
    out["box_kinds"] = {name: BoxKind(**k) for name, k in data["box_kinds"].items()}
    out["char_widths"] = tuple(CharWidth(c["chars"], float(c["width"])) for c in data["char_widths"])
    for name in _WIDTHS:
        if name in data:
            out[name] = float(data[name])
    return out


class Layout(Profile):
    """The table of layout patterns (content/layout.yaml), checked against its schema, typed, and
    its patterns compiled on first use."""

    def __init__(self, path: Path):
        doc = load_checked(path, "layout")
        # the schema passed the file: a mapping of its properties, each of its type
        super().__init__(**_profile_fields(cast("dict[str, Any]", doc.data)))
        self.path = path
        self.doc = doc
        self._compiled: dict[str, Regex] = {}
        # box_title names the kinds by a placeholder, so that box_kinds is their one list
        printed = "|".join(re.escape(k.printed) for k in self.box_kinds.values())
        self._sources = {"box_title": self.box_title.replace("{box_kinds}", printed)}
        self.box_kind = {re.sub(r"\s", "", k.printed): name for name, k in self.box_kinds.items()}
        self._classes = [(patterns.compile(f"[{c.chars}]"), c.width) for c in self.char_widths]
        self._char_width = functools.lru_cache(maxsize=None)(self._one_width)
        self._check_rules()

    def _check_rules(self) -> None:
        """Each of the profile's rules exists, and the profile has the keys it reads."""
        known = ruler.rules()
        for i, name in enumerate(self.rules):
            if name not in known:
                raise self.doc.error(
                    ("rules", i),
                    f"no rule '{name}'" + (did_you_mean(name, known) or f"; expected one of: {', '.join(known)}"),
                )
            missing = [k for k in known[name].needs if getattr(self, k) is None]
            if missing:
                raise self.doc.error(
                    ("rules", i),
                    f"the rule '{name}' reads {', '.join(missing)}, which this "
                    "profile lacks; expected the pattern(s) it needs, or not the rule",
                )

    def _one_width(self, c: str) -> float:
        for pattern, w in self._classes:
            if pattern.match(c):
                return w
        return char_width(c)

    def width(self, text: str) -> float:
        """A line's printed width in full-width characters, as the page set it:
        by character class, without the spaces justification added, markup as shown."""
        return sum(map(self._char_width, plain(remove_justification(text))))

    def re(self, name: str) -> Regex:
        """The profile's pattern `name` (a field holding a pattern, such as crossref_start), compiled."""
        if name not in self._compiled:
            source = self._sources.get(name, getattr(self, name))
            if not isinstance(source, str):
                raise KeyError(f"the layout profile has no pattern '{name}'")
            self._compiled[name] = patterns.compile(source)
        return self._compiled[name]

    def heading(self, line: Line) -> tuple[str, RegexMatch] | None:
        """(kind, match) where the line is a heading: its text matches a level's pattern and it
        carries the mark the profile asks of that level (heading_mark); else None."""
        for kind in HEADING_KINDS:
            m = self.re(f"{kind}_heading").match(line.text)
            if m and (kind not in self.heading_mark or self.heading_mark[kind] in line.flags):
                return kind, m
        return None

    def join(self, parts: Iterable[str]) -> str:
        """Printed lines as one text: Japanese runs on with no space (Latin words keep theirs);
        where the profile says its lines break between words (line_join: words), a space."""
        if self.line_join == "words":
            return " ".join(p.strip() for p in parts if p.strip())
        return join_lines(parts)

    def tail_width(self, text: str) -> float:
        """The width of a line's last printed line: the line itself, or, where the profile's
        extractor joins printed lines (joined_lines), what is left after the full lines in it."""
        width = self.width(text)
        body = self.body_width
        if not self.joined_lines or width <= body * 1.2:
            return width
        return width - max(1, int((width - body / 2) // body)) * body

    def ends_sentence(self, text: str) -> bool:
        return bool(self.re("sentence_end").search(text.rstrip()))


@dataclass(frozen=True)
class Hint:
    kind: str
    quote: str
    reason: str
    reading: str
    line: int | None
    after: str = ""  # page_order: the end of the text the quoted text goes after
    num: int = 0  # footnote_number: the note's number
    shows: str = ""  # ligature: what the page shows in place of the quote


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
    furniture: YamlMap
    layout: Layout  # the layout profile its rules read (layout.yaml, or the one it names)
    figures: dict[str, YamlMap] = field(default_factory=dict)  # figure -> its spec (schemas/figure-<kind>.yaml)
    hints: list[Hint] = field(default_factory=list)
    hints_path: Path | None = None
    doc: Doc | None = None  # chapter.yaml as read, for errors that name its lines
    figure_lines: dict[str, YamlMap] = field(
        default_factory=dict
    )  # figure -> where its lines are (rule figures_quoted)
    outline: tuple[tuple[str, str], ...] = ()  # the counterpart chapter's headings, (kind, num) in order (page_order)
    counterpart_figures: dict[str, dict[str, Any]] = field(
        default_factory=dict
    )  # figure -> main edition's kind, data, names
    alignment: Doc | None = None  # alignment.yaml: how it pairs with its counterpart (builder/align.py)

    def hints_of(self, kind: str) -> list[Hint]:
        return [h for h in self.hints if h.kind == kind]

    def error(self, place: tuple[str | int, ...], message: str, on_key: bool = False) -> InputError:
        """An error at a place in chapter.yaml, with its line where the file was read (a chapter a
        test makes in code has none)."""
        if self.doc is None:
            return InputError(self.dir / "chapter.yaml", None, message, key=dotted(place))
        return self.doc.error(place, message, on_key)

    def hint_error(self, hint: Hint, message: str) -> InputError:
        """An error in a hint of hints.yaml, at its line."""
        return InputError(self.hints_path or self.dir / "hints.yaml", hint.line, message)


def load_chapter(chapter_dir: Path, layout: Layout, layouts: dict[str, Layout] | None = None) -> ChapterConfig:
    """The chapter's settings; `layout` is the site's profile, used unless the chapter names its own
    (read once into `layouts`, by file name)."""
    path = chapter_dir / "chapter.yaml"
    doc = load_checked(path, "chapter")
    data = yaml_map(doc)
    if "layout" in data:
        layout = _named_layout(chapter_dir, doc, data["layout"], {} if layouts is None else layouts)
    raw = chapter_dir / data["raw"]
    if not raw.is_file():
        raise doc.error(("raw",), f"no file '{data['raw']}' in {chapter_dir}; expected the raw chapter's file name")
    figures: dict[str, YamlMap] = data.get("figures") or {}
    _check_figures(doc, figures, layout)
    cfg = ChapterConfig(
        dir=chapter_dir,
        id=data["id"],
        raw=raw,
        book=data["book"],
        book_en=data.get("book_en", ""),
        part=data["part"],
        number=data["number"],
        title=data["title"],
        source_note=data.get("source_note", ""),
        furniture=data["furniture"],
        figures=figures,
        doc=doc,
        layout=layout,
        figure_lines=data.get("figure_lines") or {},
    )
    if (chapter_dir / "alignment.yaml").exists():
        cfg.alignment = load_checked(chapter_dir / "alignment.yaml", "alignment", optional=True)
    hints_path = chapter_dir / "hints.yaml"
    if hints_path.exists():
        cfg.hints_path = hints_path
        cfg.hints = _load_hints(hints_path)
    return cfg


def _named_layout(chapter_dir: Path, doc: Doc, name: str, layouts: dict[str, Layout]) -> Layout:
    """The profile a chapter names, beside the site's; read once into `layouts`."""
    if name not in layouts:
        profile = chapter_dir.parent / name
        if not profile.is_file():
            raise doc.error(
                ("layout",),
                f"no layout profile '{name}' in {chapter_dir.parent}; "
                "expected a file such as layout-en.yaml beside layout.yaml",
            )
        layouts[name] = Layout(profile)
    return layouts[name]


def _check_figures(doc: Doc, figures: dict[str, YamlMap], layout: Layout) -> None:
    """Check each figure's spec: a known kind, its kind's schema, and what the kind checks itself."""
    for num, spec in figures.items():
        kind = FIGURE_KINDS.get(spec["kind"])
        if kind is None:
            raise doc.error(
                ("figures", num, "kind"),
                f"unknown figure kind '{spec['kind']}'"
                + (did_you_mean(spec["kind"], FIGURE_KINDS) or f"; expected one of: {', '.join(FIGURE_KINDS)}"),
            )
        validate(doc, f"figure-{spec['kind']}", at=("figures", num))
        kind.check(spec, layout, functools.partial(_figure_error, doc, num))


def _load_hints(hints_path: Path) -> list[Hint]:
    """The chapter's hints (hints.yaml), each with the line of its quote."""
    hints = load_checked(hints_path, "hints", optional=True)
    entries: list[YamlMap] = cast("list[YamlMap]", hints.data) or []  # a list of mappings: its schema
    return [
        Hint(
            h["kind"],
            h["quote"],
            h["reason"],
            h.get("reading", ""),
            hints.at((i, "quote"))[0],
            h.get("after", ""),
            h.get("num", 0),
            h.get("as", ""),
        )
        for i, h in enumerate(entries)
    ]


def _figure_error(doc: Doc, num: str, key: str, message: str) -> InputError:
    """An error in a figure's spec, at its key (what a figure kind's check raises)."""
    return doc.error(("figures", num, key), message)


def unused_furniture(cfg: ChapterConfig, raw_lines: Sequence[RawLine]) -> list[tuple[int | None, str]]:
    """(line in chapter.yaml, message) for each furniture pattern that matches no raw line: a
    pattern with a slip in it leaves its running heads in the text."""
    out: list[tuple[int | None, str]] = []
    for group in ("running_heads", "page_numbers"):
        for i, rule in enumerate(cfg.furniture.get(group, [])):
            pattern = patterns.compile(rule["pattern"])
            if not any(pattern.search(r.text) for r in raw_lines):
                out.append(
                    (
                        cfg.doc.at(("furniture", group, i, "pattern"))[0] if cfg.doc else None,
                        f"furniture.{group}[{i}].pattern '{rule['pattern']}' matches no line of {cfg.raw.name}",
                    )
                )
    return out


def check_hints_used(cfg: ChapterConfig, ledger: Ledger) -> None:
    for h in cfg.hints:
        if not ledger.hints[h]:
            raise cfg.hint_error(
                h,
                f"hint ({h.kind}: '{h.quote}') matches nothing in the raw text; "
                "expected it to quote the raw text it applies to",
            )


@dataclass
class Edition:
    """The site in one language: its chapters, its words (a labels file) and where its pages live."""

    lang: str
    site_name: str
    chapters: list[ChapterConfig]
    labels: str  # its labels file's name in content/
    root: str = ""  # its folder in the built site: "" for the main edition, "en/" for another
    site_description: str = ""


@dataclass
class SiteConfig:
    path: Path
    site_name: str
    chapters: list[ChapterConfig]  # the main edition's
    editions: list[Edition] = field(default_factory=list)  # the main edition first

    @property
    def main(self) -> Edition:
        return self.editions[0]


def load_site(content: Path, layout: Layout) -> SiteConfig:
    path = content / "hakusho.yaml"
    doc = load_checked(path, "hakusho")
    layouts: dict[str, Layout] = {}

    def chapters_of(names: list[str], at: tuple[str, ...]) -> list[ChapterConfig]:
        chapters: list[ChapterConfig] = []
        ids: dict[str, str] = {}
        for i, name in enumerate(names):
            chapter_dir = content / name
            if not (chapter_dir / "chapter.yaml").is_file():
                raise doc.error(at + (i,), f"no chapter folder '{name}' (with a chapter.yaml) under {content}")
            cfg = load_chapter(chapter_dir, layout, layouts)
            if cfg.id in ids:
                raise doc.error(
                    at + (i,),
                    f"chapter '{name}' has the id '{cfg.id}' of chapter '{ids[cfg.id]}'; "
                    "expected each chapter's id once",
                )
            ids[cfg.id] = name
            chapters.append(cfg)
        return chapters

    data = yaml_map(doc)
    main = chapters_of(data["chapters"], ("chapters",))
    editions = [Edition(data.get("lang", "ja"), data["site_name"], main, "labels.yaml")]
    ids = {c.id for c in main}
    for lang, spec in (data.get("editions") or {}).items():
        chapters = chapters_of(spec["chapters"], ("editions", lang, "chapters"))
        for i, cfg in enumerate(chapters):
            # an edition's chapter is a chapter of the main edition in another language: it has its id
            if cfg.id not in ids:
                raise doc.error(
                    ("editions", lang, "chapters", i),
                    f"chapter '{spec['chapters'][i]}' has the id '{cfg.id}', which no chapter of the main "
                    f"edition has; expected the id of the chapter it is an edition of ({', '.join(sorted(ids))})",
                )
        if not (content / spec["labels"]).is_file():
            raise doc.error(
                ("editions", lang, "labels"),
                f"no file '{spec['labels']}' in {content}; expected the "
                "edition's labels, as labels.yaml holds the main edition's",
            )
        editions.append(
            Edition(lang, spec["site_name"], chapters, spec["labels"], f"{lang}/", spec.get("site_description", ""))
        )
    return SiteConfig(path, data["site_name"], main, editions)
