"""A date in the era the text prints it in: 2014-05 → 平成26年, 1989 → 平成元年,
1988 → 昭和63年, 2014 as a fiscal year → 平成26年度."""

from __future__ import annotations

from collections.abc import Mapping


def era_year(year: int, eras: Mapping[str, int]) -> tuple[str, int]:
    """The era of a western year and the year in it: the latest era begun by then.
    (A year in which an era changed is the new era's first: 1989 is 平成元年, as the text has it.)"""
    name, base = max(((n, b) for n, b in eras.items() if b < year), key=lambda nb: nb[1])
    return name, year - base


def era_label(date: str, end: str, precision: str, eras: Mapping[str, int]) -> str:
    """The era year(s) of a date or span: 平成26年, 平成26～27年, 平成26年度; '' before any era."""
    if not eras or int(date[:4]) <= min(eras.values()):
        return ""
    name, n = era_year(int(date[:4]), eras)
    first = "元" if n == 1 else str(n)
    if precision == "fiscal_year":
        return f"{name}{first}年度"
    if end and end[:4] != date[:4]:
        name2, n2 = era_year(int(end[:4]), eras)
        last = "元" if n2 == 1 else str(n2)
        return f"{name}{first}～{last}年" if name2 == name else f"{name}{first}年～{name2}{last}年"
    return f"{name}{first}年"
