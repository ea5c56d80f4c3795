"""Figure kinds. A figure is taken out of the running text (extract.py) and
read as data where chapter.yaml names its kind; one without settings is kept
as its printed text. Each kind is one module, registered once below, holding
all that is particular to it: how its printed text is read, what its
settings must satisfy (their schema is builder/inputs/schemas/figure-<kind>.yaml),
how its page shows it, the timeline events it gives, and the rows it adds to
a country's profile."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from . import arranged, capacity_building, counterpart, printed_text, table, visits
from .types import ProfileRows

if TYPE_CHECKING:
    from ..blocks.model import Figure
    from ..config import Layout
    from ..labels import Labels
    from ..structure.chapter import Chapter
    from ..timeline.event import Event
    from .types import ChapterSettings, CountryRegistry, ErrorAt, PageUrl, Spec

__all__ = ["KINDS", "FigureKind", "ProfileRows", "figure_events", "kind_of", "read_figure"]


class EventsOf(Protocol):
    """The timeline events a kind's figure gives: a row each, for the chronology to merge; with
    `alone` (the ids of the rows it left), those rows as the figure tells them."""

    def __call__(
        self,
        ch: Chapter,
        num: str,
        fig: Figure,
        registry: CountryRegistry,
        page_url: PageUrl,
        alone: set[str] | None = None,
    ) -> list[Event]: ...


def _no_check(spec: Spec, layout: Layout, error: ErrorAt) -> None:
    pass


def _no_events(
    ch: Chapter, num: str, fig: Figure, registry: CountryRegistry, page_url: PageUrl, alone: set[str] | None = None
) -> list[Event]:
    return []


@dataclass(frozen=True)
class FigureKind:
    name: str
    read: Callable[[Figure, Spec, ChapterSettings, Layout], Any]  # -> the figure's data (JSON)
    render: Callable[[Any, Spec, Labels], str]  # (data, spec, labels) -> Markdown of the figure's page
    format: str  # the label that names its form in the list of figures
    check: Callable[[Spec, Layout, ErrorAt], None] = _no_check  # raises what error() returns
    events: EventsOf = _no_events
    profile: ProfileRows | None = None
    data_file: bool = True  # its data as JSON beside the page


TEXT = FigureKind(
    "text",
    lambda figure, spec, config, layout: printed_text.read(figure),
    printed_text.render,
    printed_text.FORMAT,
    data_file=False,
)

KINDS = {
    k.name: k
    for k in (
        FigureKind(
            visits.NAME,
            visits.read,
            visits.render,
            visits.FORMAT,
            check=visits.check,
            events=visits.events,
            profile=visits.PROFILE,
        ),
        FigureKind(table.NAME, table.read, table.render, table.FORMAT),
        FigureKind(
            capacity_building.NAME,
            capacity_building.read,
            capacity_building.render,
            capacity_building.FORMAT,
            events=capacity_building.events,
            profile=capacity_building.PROFILE,
        ),
        FigureKind(arranged.NAME, arranged.read, arranged.render, arranged.FORMAT),
        FigureKind(counterpart.NAME, counterpart.read, counterpart.render, counterpart.FORMAT, data_file=False),
    )
}


def kind_of(figure: Figure) -> FigureKind:
    return KINDS.get(figure.kind, TEXT)


def figure_events(
    ch: Chapter, registry: CountryRegistry, page_url: PageUrl, alone: set[str] | None = None
) -> list[Event]:
    """The timeline events a chapter's figures give: a row an event (visits, projects);
    with `alone`, the rows the chronology left, as each kind tells them (a trip an event)."""
    return [e for num, fig in ch.figures.items() for e in kind_of(fig).events(ch, num, fig, registry, page_url, alone)]


def read_figure(figure: Figure, config: ChapterSettings, layout: Layout) -> Figure:
    """The figure with its kind and data set."""
    spec = config.figures.get(figure.num)
    if not spec:  # no settings: kept as its printed text
        return replace(figure, kind=TEXT.name, data=printed_text.read(figure))
    kind = KINDS[spec["kind"]]
    return replace(figure, kind=kind.name, data=kind.read(figure, spec, config, layout))
