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

from . import arranged, capacity_building, counterpart, printed_text, table, visits


def _no_check(spec, layout, error) -> None:
    pass


def _no_events(chapter, num, fig, registry, page_url, alone=None) -> list:
    return []


@dataclass(frozen=True)
class ProfileRows:
    """What a kind adds to a country's profile: rows of its data, each naming
    one country, shown under a heading in a table of their own."""

    rows: Callable  # data -> its rows
    country: Callable  # row -> the name the figure prints for the country
    heading: str  # the profile's section (ハイレベルの訪問)
    column: str  # the count's column in the country index (訪問)
    short: str  # the count in the chart's description (訪問)
    chart_class: str  # the bar's CSS class (hk-v)
    table: Callable  # rows -> Markdown table
    export: Callable  # row -> its record in data/countries.json
    export_key: str


@dataclass(frozen=True)
class FigureKind:
    name: str
    read: Callable  # (figure, spec, config, layout) -> data
    render: Callable  # (data, spec) -> Markdown of the figure's page
    format: str  # the label that names its form in the list of figures
    check: Callable = _no_check  # (spec, layout, error(key, message)) -> None; raises what error() returns
    # (chapter, num, figure, registry, page_url, alone=None) -> timeline events: a row each, for the
    # chronology to merge; with `alone` (the ids of the rows it left), those rows as the figure tells them
    events: Callable = _no_events
    profile: ProfileRows | None = None
    data_file: bool = True  # its data as JSON beside the page


def _kind(module, **more) -> FigureKind:
    return FigureKind(module.NAME, module.read, module.render, module.FORMAT, **more)


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
        _kind(visits, check=visits.check, events=visits.events, profile=ProfileRows(**visits.PROFILE)),
        _kind(table),
        _kind(capacity_building, events=capacity_building.events, profile=ProfileRows(**capacity_building.PROFILE)),
        _kind(arranged),
        _kind(counterpart, data_file=False),
    )
}


def kind_of(figure) -> FigureKind:
    return KINDS.get(figure.kind, TEXT)


def figure_events(ch, registry, page_url, alone: set[str] | None = None) -> list:
    """The timeline events a chapter's figures give: a row an event (visits, projects);
    with `alone`, the rows the chronology left, as each kind tells them (a trip an event)."""
    return [e for num, fig in ch.figures.items() for e in kind_of(fig).events(ch, num, fig, registry, page_url, alone)]


def read_figure(figure, config, layout):
    """The figure with its kind and data set."""
    spec = config.figures.get(figure.num)
    kind = KINDS[spec["kind"]] if spec else TEXT
    return replace(figure, kind=kind.name, data=kind.read(figure, spec, config, layout))
