"""All of content/, read and checked before any stage runs: the site and its
chapters, the layout, and the data (registry, event kinds, each chapter's
chronology). A file in content/data/ that is absent turns its feature off,
as does a chapter's events.yaml for its events from the text, and its
hints.yaml for its hints: each such absence is a notice that every build
prints, so that a file deleted by mistake is never lost without a word."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .config import Layout, SiteConfig, load_site
from .countries.registry import Registry, load_registry
from .inputs.schema import load_checked
from .labels import Labels
from .search_words import Variants, load_variants
from .timeline.chronology import Chronology, load_chronology
from .timeline.kinds import Kinds


@dataclass
class Content:
    root: Path
    layout: Layout
    labels: Labels  # the words around the text (content/labels.yaml): labels.timeline …
    site: SiteConfig
    registry: Registry | None = None
    kinds: Kinds | None = None
    chronologies: dict[str, Chronology] | None = None  # chapter id -> its events.yaml
    notices: list[str] = field(default_factory=list)  # what an absent file turned off
    variants: Variants | None = None  # words a reader may type for the text's (data/variants.yaml)


def load_content(root: Path) -> Content:
    layout = Layout(root / "layout.yaml")
    labels = Labels(load_checked(root / "labels.yaml", "labels"))
    content = Content(root, layout, labels, load_site(root, layout))
    data = root / "data"

    def absent(path: Path, what: str) -> bool:
        if path.exists():
            return False
        content.notices.append(f"{path}: no such file, so {what}")
        return True

    if not absent(data / "countries.yaml", "the site has no country profiles, no links to them and no timeline"):
        content.registry = load_registry(data / "countries.yaml")
        if not absent(data / "event_kinds.yaml", "the site has no timeline"):
            content.kinds = Kinds(data / "event_kinds.yaml")
            content.chronologies = {
                ch.id: load_chronology(ch.dir / "events.yaml", content.registry, content.kinds)
                for ch in content.site.chapters
                if not absent(
                    ch.dir / "events.yaml",
                    f"the timeline has no events from the text of {ch.id} (its figures' rows alone)",
                )
            }
    for edition in content.site.editions:
        for ch in edition.chapters:
            absent(ch.dir / "hints.yaml", f"{ch.dir.name} follows no hints")
    if not absent(data / "variants.yaml", "search finds the text's words only as written, by no other name"):
        content.variants = load_variants(data / "variants.yaml", content.registry)
    return content
