"""All of content/, read and checked before any stage runs: the site and its
chapters, the layout, and the data (registry, event kinds, each chapter's
chronology). A file in content/data/ that is absent turns its feature off,
as does a chapter's events.yaml for its events from the text."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .config import Layout, SiteConfig, load_site
from .inputs.schema import load_checked
from .labels import Labels
from .countries.registry import Registry, load_registry
from .search_words import Variants, load_variants
from .timeline.chronology import Chronology, load_chronology
from .timeline.kinds import Kinds


@dataclass
class Content:
    root: Path
    layout: Layout
    labels: Labels              # the words around the text (content/labels.yaml): labels.timeline …
    site: SiteConfig
    registry: Registry | None = None
    kinds: Kinds | None = None
    chronologies: dict[str, Chronology] | None = None    # chapter id -> its events.yaml
    variants: Variants | None = None     # words a reader may type for the text's (data/variants.yaml)


def load_content(root: Path) -> Content:
    layout = Layout(root / "layout.yaml")
    labels = Labels(load_checked(root / "labels.yaml", "labels"))
    content = Content(root, layout, labels, load_site(root, layout))
    data = root / "data"
    if (data / "countries.yaml").exists():
        content.registry = load_registry(data / "countries.yaml")
        if (data / "event_kinds.yaml").exists():
            content.kinds = Kinds(data / "event_kinds.yaml")
            content.chronologies = {
                ch.id: load_chronology(ch.dir / "events.yaml", content.registry, content.kinds)
                for ch in content.site.chapters if (ch.dir / "events.yaml").exists()}
    if (data / "variants.yaml").exists():
        content.variants = load_variants(data / "variants.yaml", content.registry)
    return content
