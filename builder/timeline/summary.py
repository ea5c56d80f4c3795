"""An event's summary: one or two sentences a reader can read alone.

Made from the quote's sentence, its dates are written out (14（同26）年4月 →
2014（平成26）年4月, 同年10月 → 2014年10月, a month whose year the sentence
does not give → 2014年5月). What else in it points at text the reader of a
timeline cannot see (同提案, 上記の, 本ラウンドテーブル, これを受け) is found
here, for the build to ask for a summary written by the editor; and a written
summary is held to its sources (`strays`): its words must be the text's."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .era import era_year

if TYPE_CHECKING:
    from ..dates import Date

ERA_DATE = re.compile(r"^(?P<w>\d{2})（(?P<era>[^）\d]+)(?P<ey>\d{1,2})）年")
# words that lean on text before them: 同年, 同提案, 上記の… anywhere (not 同盟, 同時, 同様,
# 共同, 合同, 協同); この覚書, これにより… at the summary's start (after its first
# sentence they may point at the summary's own)
REFERENT = re.compile(
    r"（同\d+）|(?<![共合協混賛])同(?!盟|時|様|士|じ|一|等|意|行(?![事者]))[一-龥ァ-ヴー]+"
    r"|上記|本(?:ラウンドテーブル|プロセス|計画|提案|協定|覚書)"
    r"|^(?:この|これ|こうした|その後|以上の)"
)
# what a date is written as, in the text and in a summary: left out of the comparison of their words
DATES = re.compile(r"\d+(?:（[^）]*）)?年度?|\d+月|\d+日|(?:平成|昭和|令和)(?:\d+|元)?|同年|同月")


# a sentence's opening that ties it to the one before (また、さらに、): dropped from a summary
# (and the openings that name the part of a section it stands in: 訓練・演習では、)
LEAD = re.compile(
    r"^(?:(?:また|さらに|なお|特に|加えて|このほか|一方)、)?"
    r"(?:(?:訓練・演習|演習・訓練|軍種間|運用面|政策面)では、)?"
)


def absolute(text: str, dates: list[Date], start: int, end: int, eras: Mapping[str, int]) -> str:
    """text[start:end] with each date in it written out in full, and its leading また dropped."""
    out: list[str] = []
    at, year_given = start, False
    for d in dates:
        if not (start <= d.start and d.end <= end):
            continue
        out.append(text[at : d.start])
        out.append(written_out(d, eras, year_given))
        at = d.end if d.range_end is None else d.range_end.end
        if d.range_end is not None:
            out.append(text[d.end : d.range_end.start] + d.range_end.surface)
        year_given = True
    out.append(text[at:end])
    return LEAD.sub("", "".join(out).strip())


def written_out(d: Date, eras: Mapping[str, int], year_given: bool) -> str:
    s, year = d.surface, d.iso[:4]
    m = ERA_DATE.match(s)
    if m:
        era = m["era"]
        if era == "同":
            era = era_year(int(year), eras)[0]
        n = int(m["ey"])
        return f"{year}（{era}{'元' if n == 1 else n}）年" + s[m.end() :]
    if s.startswith("同年"):
        return f"{year}年" + s[2:]
    if s.startswith("同月"):
        return f"{year}年{int(d.iso[5:7])}月" + s[2:]
    if s[0].isdigit() and not year_given:
        return f"{year}年{s}"
    return s


def leans_on(summary: str) -> str:
    """The first word of the summary that points at text a reader cannot see, or ''."""
    m = REFERENT.search(summary)
    return m.group() if m else ""


CONTENT = re.compile(r"[一-龥々ァ-ヴーA-Za-z0-9\-＋]+")


# 〔…〕: the editor's own words in a summary, said as such (〔本文は、どの国を何月に訪問したかを記していない〕)
EDITOR = re.compile(r"〔[^〕]*〕")


def words(text: str) -> list[str]:
    """The summary's content words: its runs of kanji, katakana and Latin letters;
    dates and the editor's 〔…〕 left out."""
    return CONTENT.findall(DATES.sub("、", EDITOR.sub("、", text)))


# one character that joins the text's words into a name: 日 (日豪), 豪 (豪国防軍), 第 and 回 (第2回)
JOINS = set("日豪米英仏韓印中露比第回初各両")


def found(word: str, sources: str) -> bool:
    """Whether the word is the sources' own, or pieces of theirs (two characters
    or more, or a joining character) put together: 第2回 + 西太平洋海軍シンポジウム."""
    if len(word) == 1:
        return word in sources
    can = [True] + [False] * len(word)
    for i in range(1, len(word) + 1):
        can[i] = any(can[j] and (word[j:i] in JOINS or (i - j >= 2 and word[j:i] in sources)) for j in range(i))
    return can[-1]


def strays(summary: str, sources: str) -> list[str]:
    """The content words of a written summary that its sources do not hold
    (its particles and endings are the editor's; its words must be the text's)."""
    return [w for w in words(summary) if not found(w, sources)]


def stray_share(summary: str, sources: str) -> float:
    own = words(summary)
    size = sum(len(w) for w in own)
    return sum(len(w) for w in strays(summary, sources)) / size if size else 0.0
