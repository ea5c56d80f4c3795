"""The types the figure kinds share. The chapter's settings and the layout are named by their
shape (Protocols): builder/config.py imports the kinds, so they do not import it back
(tests/test_imports.py), nor the countries, whose profiles import the kinds."""

from __future__ import annotations

import re
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


class LayoutSettings(Protocol):
    @property
    def data(self) -> dict[str, Any]: ...
    @property
    def eras(self) -> dict[str, int]: ...
    def re(self, name: str) -> re.Pattern[str]: ...


class Named(Protocol):
    @property
    def id(self) -> str: ...


class CountryRegistry(Protocol):
    def named_in_figure(self, name: str, figure: str, raw: Path, line: int) -> Named: ...
