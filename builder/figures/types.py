"""The types the figure kinds share. The chapter's settings are named by their shape
(Protocols): builder/config.py imports the kinds, so they do not import it back
(tests/test_imports.py), nor the countries, whose profiles import the kinds. The layout
is config's Layout, which each kind imports for its type alone (under TYPE_CHECKING)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..inputs.yamldoc import Doc

# a figure's settings in chapter.yaml, as its schema (builder/inputs/schemas/figure-<kind>.yaml) checked them
Spec = dict[str, Any]
# a row of a figure's data (a visit, a project): JSON, as data/<figure>.json exports it
Row = dict[str, Any]


class ChapterSettings(Protocol):
    @property
    def raw(self) -> Path: ...
    @property
    def doc(self) -> Doc | None: ...
    @property
    def counterpart_figures(self) -> dict[str, Any]: ...
    @property
    def figures(self) -> dict[str, Spec]: ...


class Named(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name_ja(self) -> str: ...


class CountryRegistry(Protocol):
    def named_in_figure(self, name: str, figure: str, raw: Path, line: int) -> Named: ...


# the page URL of a Markdown page (builder/page.py: page_url)
PageUrl = Callable[[str], str]
# (a key of the figure's settings, a message) -> the error that names that key's line in chapter.yaml
ErrorAt = Callable[[str, str], Exception]


@dataclass(frozen=True)
class ProfileRows:
    """What a kind adds to a country's profile: rows of its data, each naming
    one country, shown under a heading in a table of their own."""

    rows: Callable[[Any], list[Row]]  # the figure's data -> its rows
    country: Callable[[Row], str]  # a row -> the name the figure prints for the country
    heading: str  # the profile's section (ハイレベルの訪問)
    column: str  # the count's column in the country index (訪問)
    short: str  # the count in the chart's description (訪問)
    chart_class: str  # the bar's CSS class (hk-v)
    table: Callable[[list[Row]], str]  # rows -> Markdown table
    export: Callable[[Row], dict[str, Any]]  # a row -> its record in data/countries.json
    export_key: str
