"""The house style of a headline (content/README-events.md): the checks the
build and `python -m builder events` warn with. A table, one rule a row.
The proposals (propose.py) strip the same connectives and subjects."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

LIMIT = 40
# words that tie a clause to the one before it, and the subjects a headline leaves out
CONNECTIVES = "また|さらに|なお|一方|このほか|その後|同年|同月|続いて"
SUBJECTS = "わが国|防衛省・自衛隊|防衛省"


@functools.cache
def rules(eras: tuple[str, ...]) -> list[tuple[re.Pattern[str], str]]:
    """The rules, with the eras of layout.yaml."""
    names = "|".join(map(re.escape, eras))
    return [
        (
            re.compile(rf"（同\d+）|（?(?:{names})\d*）?年?|\d+年(?!ぶり)|\d+月"),
            "a date or era year: the date column gives the date",
        ),
        (re.compile(r"[…‥]$|\.\.\.$"), "ends with …: write the headline whole"),
        (re.compile(rf"^(?:{CONNECTIVES})"), "opens with a connective"),
        (re.compile(r"(?:て|し|り|、|を|に|は|が|の|と|や|および|ため|ほか|など)$"), "stops mid-clause"),
        (re.compile(rf"^(?:{SUBJECTS})は"), "opens with the subject of a sentence"),
    ]


def headline_problems(headline: str, eras: Iterable[str], titles: dict[str, str] | None = None) -> list[str]:
    """What the headline breaks. `titles`: a post as a figure prints it -> its
    title as the text writes it (政務官 -> 防衛大臣政務官): the title in full, everywhere."""
    found = [why for pattern, why in rules(tuple(eras)) if pattern.search(headline)]
    if len(headline) > LIMIT:
        found.append(f"{len(headline)} characters: at most {LIMIT}")
    for short, full in (titles or {}).items():
        if short != full and short in headline.replace(full, ""):
            found.append(f"'{short}': write the title in full, as the text does ({full})")
    if JAPANS_PM.search(headline):
        found.append("'首相': the text names Japan's as 安倍内閣総理大臣")
    return found


# 首相 alone, at the head of a clause, is Japan's: a foreign one has a name (モディ首相)
JAPANS_PM = re.compile(r"(?:^|[、（])首相(?:が|と|の|、)")
