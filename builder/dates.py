"""Japanese dates as the white paper prints them, to ISO dates with their
precision.

    10（平成22）年10月     → 2010-10   (month)     the two-digit year is authoritative
    14（同26）年4月        → 2014-04   (month)     同 = the era last named
    89（同01）年           → 1989      (year)      平成元年
    15（同27）年1月21日    → 2015-01-21 (day)
    平成26年度             → 2014      (fiscal_year)
    同年9月 / 同月 / 5月   → resolved against the date before them in reading order
    A～B                   → a range, B resolved against A

Where the era year disagrees with the western year, a warning names the spot.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

NUM = r"\d{1,2}"


def date_pattern(eras: Iterable[str]) -> re.Pattern[str]:
    """The date forms above, with the eras of layout.yaml."""
    names = "|".join(map(re.escape, eras))
    return re.compile(
        rf"(?P<w>\d{{2}})（(?P<era>同|{names})(?P<ey>{NUM})）年(?:(?P<m>{NUM})月(?:(?P<d>{NUM})日)?)?"
        rf"|(?P<era2>{names})(?P<ey2>{NUM})年(?P<fy>度)?(?:(?P<m2>{NUM})月(?:(?P<d2>{NUM})日)?)?"
        rf"|同年(?:(?P<m3>{NUM})月(?:(?P<d3>{NUM})日)?)?"
        rf"|同月(?:(?P<d4>{NUM})日)?"
        rf"|(?<![\d（.．年])(?P<m5>{NUM})月(?:(?P<d5>{NUM})日)?"
    )


@dataclass
class Date:
    iso: str  # YYYY, YYYY-MM or YYYY-MM-DD
    precision: str  # year | month | day | fiscal_year
    start: int  # span in the text
    end: int
    surface: str
    range_end: Date | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def year(self) -> int:
        return int(self.iso[:4])

    @property
    def month(self) -> int | None:
        return int(self.iso[5:7]) if len(self.iso) >= 7 else None


def iso_label(iso: str, fiscal_year: bool = False) -> str:
    """An ISO date at its precision, as Japanese reads it: 2014年7月, 2015年1月21日, 2014年度."""
    parts = [int(x) for x in iso.split("-")]
    if fiscal_year:
        return f"{parts[0]}年度"
    return "".join(f"{x}{unit}" for x, unit in zip(parts, ("年", "月", "日")))


def range_label(start: str, end: str = "", fiscal_year: bool = False) -> str:
    label = iso_label(start, fiscal_year)
    return f"{label}～{iso_label(end)}" if end and end != start else label


def time_html(start: str, end: str = "") -> str:
    """A date or a range as HTML <time> elements: machine-readable, and kept
    whole where a narrow column breaks the line (at ～, never inside 2012年12月)."""

    def one(iso: str) -> str:
        return f'<time datetime="{html.escape(iso)}">{html.escape(iso_label(iso))}</time>'

    return f"{one(start)}～{one(end)}" if end and end != start else one(start)


class DateReader:
    """Reads dates in reading order, remembering the era and the last date."""

    def __init__(self, eras: Mapping[str, int], pivot: int = 50):
        self.eras = eras
        self.pattern = date_pattern(eras)
        self.pivot = pivot
        self.era: str | None = None
        self.last: Date | None = None

    def _iso(self, y: int, m: int | None = None, d: int | None = None) -> tuple[str | None, str | None]:
        if m is None:
            return f"{y:04d}", "year"
        if not 1 <= m <= 12:
            return None, None
        if d is None:
            return f"{y:04d}-{m:02d}", "month"
        if not 1 <= d <= 31:
            return None, None
        return f"{y:04d}-{m:02d}-{d:02d}", "day"

    def _one(self, m: re.Match[str]) -> Date | None:
        g = m.groupdict()

        def num(k: str) -> int | None:  # a number group: its digits, or None where it did not take part
            v = g[k]
            return int(v) if v else None

        warnings: list[str] = []
        w, era2 = num("w"), g["era2"]
        if w is not None:
            era = self.era if g["era"] == "同" else g["era"]
            if era is None or era not in self.eras:
                return None
            self.era = era
            ey = int(g["ey"])  # the pattern takes it with w
            year = w + (1900 if w >= self.pivot else 2000)
            if self.eras[era] + ey != year:
                warnings.append(
                    f"'{m.group()}': {era}{ey}年 is {self.eras[era] + ey}, not {year}; the western year is used"
                )
            iso, prec = self._iso(year, num("m"), num("d"))
        elif era2 is not None:
            self.era = era2
            year = self.eras[era2] + int(g["ey2"])  # the pattern takes it with era2
            if g["fy"]:
                iso, prec = f"{year:04d}", "fiscal_year"
            else:
                iso, prec = self._iso(year, num("m2"), num("d2"))
        elif m.group().startswith("同年"):
            if self.last is None:
                return None
            iso, prec = self._iso(self.last.year, num("m3"), num("d3"))
        elif m.group().startswith("同月"):
            if self.last is None or self.last.month is None:
                return None
            iso, prec = self._iso(self.last.year, self.last.month, num("d4"))
        else:
            if self.last is None:
                return None
            iso, prec = self._iso(self.last.year, num("m5"), num("d5"))
        if iso is None or prec is None:
            return None
        return Date(iso, prec, m.start(), m.end(), m.group(), warnings=warnings)

    def read(self, text: str) -> list[Date]:
        """Every date in `text`; a date right after ～ closes the range the one before opened."""
        out: list[Date] = []
        for m in self.pattern.finditer(text):
            d = self._one(m)
            if d is None:
                continue
            if out and text[out[-1].end : d.start].strip() == "～" and out[-1].range_end is None:
                out[-1].range_end = d
            else:
                out.append(d)
            self.last = d
        return out


ERA_DOT = re.compile(r"^(?P<y>\d{1,2})\.(?P<m>\d{1,2})$")
WESTERN_DOT = re.compile(r"^(?P<y>\d{4})\.(?P<m>\d{1,2})(?: ～ (?:(?P<y2>\d{4})\.)?(?P<m2>\d{1,2}))?$")


def era_dot(text: str, era_base: int) -> str | None:
    """Figures' 平成年.月: 26.7 → 2014-07 (era_base 1988 for 平成)."""
    m = ERA_DOT.match(text)
    if not m or not 1 <= int(m["m"]) <= 12:
        return None
    return f"{era_base + int(m['y']):04d}-{int(m['m']):02d}"


def western_dot_range(text: str) -> tuple[str, str] | None:
    """Figures' periods: 2012.12 ～ 2013.3, 2013.1 ～ 3, 2014.7 → (start, end) months."""
    m = WESTERN_DOT.match(text)
    if not m or not 1 <= int(m["m"]) <= 12 or (m["m2"] and not 1 <= int(m["m2"]) <= 12):
        return None
    start = f"{int(m['y']):04d}-{int(m['m']):02d}"
    end = f"{int(m['y2'] or m['y']):04d}-{int(m['m2']):02d}" if m["m2"] else start
    return (start, end) if end >= start else None
