"""The words a reader may type for the words the text writes, for the search worker: groups of
words that name one thing, each group's words found by any other. From the registry (each
entry's names in both languages, and the text's compounds that name it by one character:
日豪 for オーストラリア), from the glossaries (an acronym and its names), and from
content/data/variants.yaml (the rest, and the katakana spellings folded one way).
builder/search_hook.py writes them into the worker's data."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .checked import line_at, yaml_map
from .inputs.schema import did_you_mean, load_checked
from .text import plain

if TYPE_CHECKING:
    from .countries.registry import Registry
    from .structure.chapter import Chapter


@dataclass
class Group:
    words: list[str]
    note: str
    line: int


@dataclass
class Variants:
    path: Path
    kana: list[tuple[str, str]] = field(default_factory=list)
    countries: dict[str, list[str]] = field(default_factory=dict)
    groups: list[Group] = field(default_factory=list)


def load_variants(path: Path, registry: Registry | None) -> Variants:
    doc = load_checked(path, "variants")
    data = yaml_map(doc)
    known = registry.entries if registry else {}
    for cid in data.get("countries") or {}:
        if cid not in known:
            raise doc.error(
                ("countries", cid),
                f"'{cid}' is not an id of the registry"
                f"{did_you_mean(cid, known) or ''}; expected an entry of countries.yaml",
                on_key=True,
            )
    groups = [Group(list(g["words"]), g["note"], line_at(doc, ("groups", i))) for i, g in enumerate(data["groups"])]
    # the longest spelling first, so that ヴェ folds before ヴ
    kana = sorted(((a, b) for a, b in data["kana"]), key=lambda p: -len(p[0]))
    return Variants(path, kana, dict(data.get("countries") or {}), groups)


def unused_group(variants: Variants, texts: list[str]) -> Group | None:
    """The first group none of whose words any text holds (Latin ones in any case), or None:
    a group of words the site never writes finds nothing, and says nothing true."""
    folded = [t.lower() for t in texts]
    for g in variants.groups:
        if not any(w.lower() in t for w in g.words for t in folded):
            return g
    return None


def chapter_texts(chapter: Chapter) -> list[str]:
    """A chapter's headings, paragraphs and notes, as a reader reads them."""
    out: list[str] = []
    for item in chapter.items():
        out += [plain(getattr(b, "title", "")) for b in item.blocks if getattr(b, "title", "")]
        out += [plain(p.text) for p in item.paragraphs()]
        out += [plain(n.text) for n in item.footnotes]
    return out


def groups(
    registry: Registry | None,
    variants: Variants | None,
    glossary: dict[str, tuple[str, list[str]]],
    texts: list[str],
) -> list[list[list[str]]]:
    """[[names, targets], …]: names find one another (inside a longer query word too); targets
    are found by a name typed whole (日豪 for オーストラリア, not inside オーストラリア軍)."""
    out: list[list[list[str]]] = []
    if registry:
        compounds = _compounds(registry, texts)
        for c in registry.entries.values():
            names = [
                c.name_ja,
                *c.names,
                c.name_en,
                *c.names_en,
                *(variants.countries.get(c.id, []) if variants else []),
            ]
            out.append([_unique(n for n in names if len(n) >= 2), compounds.get(c.id, [])])
    for acronym, (ja, en) in sorted(glossary.items()):
        words = _unique([acronym, *([ja] if ja else []), *en])
        if len(words) > 1:
            out.append([words, []])
    for g in variants.groups if variants else []:
        out.append([list(g.words), []])
    return out


def _compounds(registry: Registry, texts: list[str]) -> dict[str, list[str]]:
    """Each entry's compounds in the texts (日米豪 for USA and AUS), as the registry's pattern finds them."""
    if not registry.compound_pattern:
        return {}
    found: dict[str, list[str]] = {}
    pattern = re.compile(registry.compound_pattern)
    for text in texts:
        for m in pattern.finditer(text):
            for ch in m.group():
                cid = registry.abbreviations.get(ch)
                if cid and m.group() not in found.setdefault(cid, []):
                    found[cid].append(m.group())
    return {cid: sorted(v) for cid, v in found.items()}


def _unique(words: Iterable[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        if w not in out:
            out.append(w)
    return out
