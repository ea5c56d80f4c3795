"""Figure kinds: how a figure's printed text is read as data. A kind is
registered once, here, with its reader and the checks on its settings (its
settings' schema is builder/inputs/schemas/figure-<kind>.yaml). A figure
with no settings in chapter.yaml is kept as its printed text."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from . import capacity_building, printed_text, table, visits


def _no_check(spec, layout, error) -> None:
    pass


@dataclass(frozen=True)
class FigureKind:
    name: str
    read: Callable                 # (figure, spec, config, layout) -> data
    check: Callable = _no_check    # (spec, layout, error(key, message)) -> None; raises what error() returns


KINDS = {k.name: k for k in (
    FigureKind("visits", visits.read, visits.check),
    FigureKind("table", table.read),
    FigureKind("capacity_building", capacity_building.read),
)}


def read_figure(figure, config, layout):
    """The figure with its kind and data set."""
    spec = config.figures.get(figure.num)
    if spec:
        return replace(figure, kind=spec["kind"], data=KINDS[spec["kind"]].read(figure, spec, config, layout))
    return replace(figure, kind="text", data=printed_text.read(figure))
