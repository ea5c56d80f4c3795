"""The house style of a headline (content/README-events.md): the checks the
build and `python -m builder events` warn with. A table, one rule a row."""
from __future__ import annotations

import re

LIMIT = 40

RULES = [
    (re.compile(r"（同\d+）|（?(?:明治|大正|昭和|平成|令和)\d*）?年?|\d+年(?!ぶり)|\d+月"),
     "a date or era year: the date column gives the date"),
    (re.compile(r"[…‥]$|\.\.\.$"), "ends with …: write the headline whole"),
    (re.compile(r"^(?:また|さらに|同年|同月|なお|一方|その後|このほか|続いて)"), "opens with a connective"),
    (re.compile(r"(?:て|し|り|、|を|に|は|が|の|と|や|および|ため|ほか|など)$"), "stops mid-clause"),
    (re.compile(r"^(?:わが国|防衛省・自衛隊|防衛省)は"), "opens with the subject of a sentence"),
]


def headline_problems(headline: str) -> list[str]:
    found = [why for pattern, why in RULES if pattern.search(headline)]
    if len(headline) > LIMIT:
        found.append(f"{len(headline)} characters: at most {LIMIT}")
    return found
