"""Every date form of the chapter, read in order."""

import pytest

from builder.dates import DateReader

ERAS = {"昭和": 1925, "平成": 1988, "令和": 2018}


@pytest.mark.parametrize(
    "text, iso, precision",
    [
        ("10（平成22）年10月、第1回会議", "2010-10", "month"),
        ("88（昭和63）年以降", "1988", "year"),
        ("15（平成27）年1月21日に開催", "2015-01-21", "day"),
        ("平成26年度より", "2014", "fiscal_year"),
        ("平成25年12月17日", "2013-12-17", "day"),
        ("02（平成14）年の閣僚会合", "2002", "year"),
        ("00（平成12）年より", "2000", "year"),
    ],
)
def test_one_form(text, iso, precision):
    [d] = DateReader(ERAS).read(text)
    assert (d.iso, d.precision, d.warnings) == (iso, precision, [])


def test_same_era_and_heisei_1():
    r = DateReader(ERAS)
    assert [d.iso for d in r.read("88（昭和63）年以降、90（平成2）年の第2回、14（同26）年4月")] == [
        "1988",
        "1990",
        "2014-04",
    ]
    [d] = r.read("89（同01）年の第1回以来")
    assert d.iso == "1989" and d.warnings == []


def test_same_year_and_month_across_sentences_and_paragraphs():
    r = DateReader(ERAS)
    r.read("14（平成26）年4月、わが国は共同議長国となった。")
    [a] = r.read("同年9月には演習に参加した。")  # another sentence
    assert a.iso == "2014-09"
    [b] = r.read("同月、会談を行った。")  # the next paragraph
    assert b.iso == "2014-09"
    [c, d] = r.read("14（同26）年には、5月に統幕長が、7月には防衛副大臣が訪問した。")[1:]
    assert (c.iso, d.iso) == ("2014-05", "2014-07")


def test_ranges():
    r = DateReader(ERAS)
    [d] = r.read("14（平成26）年1月～15（平成27）年5月")
    assert (d.iso, d.range_end.iso) == ("2014-01", "2015-05")
    [e] = r.read("同年10月～11月の間")
    assert (e.iso, e.range_end.iso) == ("2015-10", "2015-11")


def test_western_year_is_authoritative_and_a_mismatch_warns():
    [d] = DateReader(ERAS).read("14（平成25）年に")
    assert d.iso == "2014" and "平成25年 is 2013, not 2014" in d.warnings[0]


def test_no_date_without_context_or_in_quantities():
    r = DateReader(ERAS)
    assert r.read("同年に") == [] and r.read("5月に") == []  # nothing to resolve against yet
    r.read("14（平成26）年")
    assert r.read("約18か月間、3か月の間、今後3年間") == []


@pytest.mark.parametrize("text, expected", [("26.7", "2014-07"), ("27.12", "2015-12"), ("26.13", None), ("2014", None)])
def test_figure_era_dot(text, expected):
    from builder.dates import era_dot

    assert era_dot(text, 1988) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2012.12 ～ 2013.3", ("2012-12", "2013-03")),
        ("2013.1 ～ 3", ("2013-01", "2013-03")),
        ("2014.7", ("2014-07", "2014-07")),
        ("2014.11 ～ 3", None),
        ("2014.13", None),
    ],
)
def test_figure_western_dot_range(text, expected):
    from builder.dates import western_dot_range

    assert western_dot_range(text) == expected
