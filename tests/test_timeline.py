"""The timeline: the chapter's chronology (dwp2015-part3-ch3/events.yaml) held
to the text it quotes, the figures' rows it merges, the proposals and the
house style, checked against a reading of the chapter."""

import csv
import html
import io
import json
import re

import pytest
import yaml
from conftest import CONTENT, copy_content

from builder.__main__ import main
from builder.export import dump_records
from builder.page import page_url
from builder.site import build_site
from builder.timeline.chronology import passages
from builder.timeline.propose import propose_headline
from builder.timeline.style import headline_problems

CHRONOLOGY = CONTENT / "dwp2015-part3-ch3" / "events.yaml"


@pytest.fixture(scope="module")
def site():
    return build_site(CONTENT)


@pytest.fixture(scope="module")
def events(site):
    return json.loads(site.files["data/timeline.json"])


def by_title(events, title):
    [e] = [e for e in events if e["title"] == title]
    return e


def passage(site, url: str):
    """The paragraph or note an event links to, as a reader reads it (from the chapter model)."""
    page, anchor = url.split("#")
    [p] = [p for p in passages(site.chapters[0].chapter, "index.md") if p.anchor == anchor and page_url(p.page) == page]
    return p


def test_each_event_quotes_its_paragraph_or_note(site, events):
    quoted = [e for e in events if e["quote"]]
    chronology = yaml.safe_load(CHRONOLOGY.read_text(encoding="utf-8"))["events"]
    assert len(quoted) == len(chronology)
    for e in quoted:
        text = passage(site, e["url"]).text
        assert e["quote"] in text and e["quote"] in e["text"], e["title"]
        first = e["text"].split("\n")[0]
        assert first in text and (first.endswith("。") or text.endswith(first)), e["title"]  # whole sentences
    # a note is a source as a paragraph is: the ARF's start is told in note 1 of 第1節2項
    arf = by_title(events, "ASEAN地域フォーラム（ARF）開始")
    assert arf["url"].endswith("item-2.html#fn:1") and arf["date"] == "1994"


def test_a_visit_told_by_the_text_and_the_figure_is_one_event(site, events):
    """図表Ⅲ-3-1-1's rows and the sentences about the same trip: one event, every source,
    each row linked by its own anchor on the figure's page."""
    e = by_title(events, "空幕長がベトナム、フィリピンを訪問")
    assert e["date"] == "2015-05" and e["countries"] == ["VNM", "PHL"]
    assert e["sources"] == [
        "dwp2015-3-3/section-1/item-4.html#p-1-4-52",
        "dwp2015-3-3/section-1/item-4.html#p-1-4-58",
        "dwp2015-3-3/figures/fig-iii-3-1-1.html#visit-ベトナム-2015-05-空幕長-1",
        "dwp2015-3-3/figures/fig-iii-3-1-1.html#visit-フィリピン-2015-05-空幕長-1",
    ]
    assert not [x for x in events if x["source"] == "figure" and x["date"] == "2015-05" and "空幕長" in x["title"]]
    # every row of the figures, once: merged into an event of the text, or in one of the figures' own
    rows = [s for x in events for s in x["sources"] if "/figures/" in s]
    assert len(rows) == len(set(rows)) == 108 + 25
    figure_page = (
        site.files["dwp2015-3-3/figures/fig-iii-3-1-1.md"] + site.files["dwp2015-3-3/figures/fig-iii-3-1-6.md"]
    )
    assert all(f'id="{html.escape(r.split("#")[1])}"' in figure_page for r in rows)


def test_the_figures_rows_are_told_as_the_chronology_tells(events, layout):
    """Titles of office in full; a post's visits in one month, one event; a summary in plain dates."""
    alone = [e for e in events if e["source"] == "figure"]
    visits = [e for e in alone if e["kind"] == "visit"]
    assert by_title(events, "防衛大臣政務官がウガンダ、ジブチ、南スーダン、バーレーンを訪問")["summary"] == (
        "2015年5月、防衛大臣政務官がウガンダ、ジブチ、南スーダンおよびバーレーンを訪問した。"
    )
    trips = [(e["date"], e["title"].split("が")[0]) for e in visits]
    assert len(trips) == len(set(trips))
    assert not [e for e in visits if re.match(r"(政務官|副大臣|事務次官)", e["title"])]
    assert not [e for e in alone if re.search(r"\d+\.\d+|（同\d+）", e["summary"] + e["title"])]
    assert all(e["era"].startswith("平成") for e in visits)
    project = next(e for e in alone if e["id"] == "dwp2015-3-3-capacity-building-12")
    assert project["title"] == "能力構築支援「潜水医学分野に関するセミナー」（ベトナム）"
    assert "派遣要員：海上自衛官×3、内局事務官×1" in project["summary"] and project["era"] == ""


def test_the_full_titles_are_the_texts_own(site):
    text = "".join(p.text for p in passages(site.chapters[0].chapter, "index.md"))
    titles = site.chapters[0].chapter.config.figures["Ⅲ-3-1-1"]["titles"]
    assert titles and all(full in text for full in titles.values())


def test_each_source_says_where_a_reader_lands(site):
    """本文（第1節4項 ¶N） for a paragraph, 本文（第1節2項 注N） for a note, as the glossary names
    them; 図表Ⅲ-3-1-1 for a figure's row, linked to the row itself."""
    page = site.files["timeline.md"]
    [item] = [
        li
        for li in page.split("<li ")
        if '<strong class="hk-tl-title">空幕長がベトナム、フィリピンを訪問</strong>' in li
    ]
    assert re.search(
        r'<a href="dwp2015-3-3/section-1/item-4.html#p-1-4-(\d+)">本文（第1節4項 ¶\1）</a> .*'
        r'<a href="dwp2015-3-3/figures/fig-iii-3-1-1.html#visit-ベトナム-2015-05-空幕長-1">図表Ⅲ-3-1-1</a>',
        item,
    ), item
    [acdj] = [li for li in page.split("<li ") if "空軍参謀長等招へい行事（ACDJ）を主催" in li]
    [arf] = [li for li in page.split("<li ") if "ASEAN地域フォーラム（ARF）開始" in li]
    assert '<a href="dwp2015-3-3/section-1/item-2.html#fn:1">本文（第1節2項 注1）</a>' in arf
    [wpns] = [li for li in page.split("<li ") if "西太平洋海軍シンポジウム（WPNS）開始" in li]
    assert "（平成26年）" in acdj and "（昭和63年）" in wpns


def test_spans_are_one_event_with_an_end(events):
    tour = by_title(events, "安倍内閣総理大臣が欧州6か国を訪問、EU・NATOの首脳と会談")
    assert (tour["date"], tour["end"]) == ("2014-04", "2014-05")
    assert {"DEU", "GBR", "PRT", "ESP", "FRA", "BEL", "EU", "NATO"} == set(tour["countries"])
    phiblex = by_title(events, "米比共同訓練PHIBLEX15に陸上自衛官4名がオブザーバー参加")
    assert (phiblex["date"], phiblex["end"]) == ("2014-09", "2014-10")
    pp = by_title(events, "パシフィック・パートナーシップに医療要員・施設要員・艦艇を派遣")
    assert (pp["date"], pp["end"]) == ("2015-05", "2015-08")
    project = next(e for e in events if e["id"] == "dwp2015-3-3-capacity-building-1")
    assert (project["date"], project["end"]) == ("2012-12", "2013-03")


def test_two_happenings_in_one_clause_are_two_events(events):
    """「13年5月および8月」: two trips; a signing the text names, apart from its summit."""
    gulf = [e for e in events if e["title"].startswith("安倍内閣総理大臣が") and "中東" in e["title"]]
    assert [e["date"] for e in gulf] == ["2013-05", "2013-08"] and all(not e["end"] for e in gulf)
    # the text does not say which country was visited when: neither trip claims one
    assert all(e["countries"] == [] and "アラブ首長国連邦" in e["summary"] for e in gulf)
    assert (
        by_title(events, "日豪首脳会談")["date"]
        == by_title(events, "日豪防衛装備品・技術移転協定に署名（日豪首脳会談）")["date"]
    )
    assert by_title(events, "空幕長がタイを訪問")["date"] == by_title(events, "陸幕長がタイを訪問")["date"] == "2013-01"


def test_series_start_where_the_text_says_so_and_background_is_no_event(events):
    """content/README-events.md, Series: a series' start (or Japan's part in it) is an event,
    the years between and a session skipped are not."""
    from builder.timeline.series import dates_a_start

    wpns = by_title(events, "西太平洋海軍シンポジウム（WPNS）開始（以後隔年）")
    assert wpns["date"] == "1988" and wpns["precision"] == "year"
    starts = {e["date"]: e["title"] for e in events if "開始" in e["title"] or "以後" in e["title"]}
    assert {"1989", "1990", "1998", "2005", "2009", "2010"} <= set(starts)
    # 「13（同25）年の第13回を除き」: the meeting Japan missed is no event
    assert not [e for e in events if e["date"] == "2013" and "第13回" in e["quote"]]
    chronology = yaml.safe_load(CHRONOLOGY.read_text(encoding="utf-8"))
    assert not [n for n in chronology["not_events"] if dates_a_start(n["quote"])]
    # the background clause of the second Japan–France meeting; the meeting and its signing are there
    assert not [e for e in events if e["date"][:7] in ("2015-01", "2015-02") and "テロの脅威" in e["quote"]]
    fr = by_title(events, "第2回日仏外務・防衛閣僚会合（東京）")
    assert fr["date"] == "2015-03" and fr["countries"] == ["FRA"] and fr["place"] == "東京"


def test_the_series_rule_is_checked():
    from builder.timeline import series

    found = series.problems(
        [(3, {"headline": "マナーマ対話に参加", "quote": "05（同17）年の第2回会議以降、毎回参加している"})],
        [
            (9, {"quote": "09（同21）年以来、海洋安全保障に関する会期間会合（ISM-MS）が開催されており"}),
            (11, {"quote": "13（同25）年の第13回を除き"}),
            (12, {"quote": "（以上95（同7）年から）"}),
        ],
    )
    assert [line for line, _ in found] == [3, 9]
    assert "dates the start of a series" in found[0][1] and "which is an event" in found[1][1]


def test_countries_are_those_that_took_part(events):
    assert by_title(events, "西太平洋海軍シンポジウム（WPNS）開始（以後隔年）")["countries"] == []
    assert by_title(events, "日カンボジア次官級会談（シャングリラ会合の際）")["countries"] == ["KHM"]
    assert by_title(events, "日豪防衛相会談（東京）")["countries"] == ["AUS"]  # not China, the topic
    # the seven countries note 6 names
    acdj = by_title(events, "空自が空軍参謀長等招へい行事（ACDJ）を主催、7か国から8名")
    assert set(acdj["countries"]) == {"AUS", "IND", "IDN", "SGP", "GBR", "VNM", "USA"}
    assert by_title(events, "国連安保理決議第1816号（ソマリア沖・アデン湾の海賊）採択")["countries"] == ["UNSC"]


def test_summaries_stand_alone(events, layout):
    """No 同年, no （同26）, no 同提案: a summary a reader can read without the text around it."""
    from builder.timeline.summary import leans_on

    assert [(e["title"], leans_on(e["summary"])) for e in events if leans_on(e["summary"])] == []
    assert all(e["summary"] for e in events)
    pp = by_title(events, "第5回日豪「2＋2」")  # its clause sits in the July summit's sentence
    assert pp["summary"].startswith("2014（平成26）年6月の第5回日豪「2＋2」会合で") and "首脳会談" not in pp["summary"]


def test_a_summary_made_from_its_sentence_writes_its_dates_out(layout):
    from builder.dates import DateReader
    from builder.timeline.summary import absolute

    text = "14（同26）年4月に第1回を開催した。また、同年9月には、防衛大臣がタイを訪問し、5月には統幕長が訪問した。"
    reader = DateReader(layout.eras, layout.two_digit_pivot)
    reader.era = "平成"
    dates = reader.read(text)
    second = text.index("また")
    assert absolute(text, dates, 0, second, layout.eras) == "2014（平成26）年4月に第1回を開催した。"
    assert absolute(text, dates, second, len(text), layout.eras) == (
        "2014年9月には、防衛大臣がタイを訪問し、5月には統幕長が訪問した。"
    )


def test_a_summary_in_words_its_sources_lack_is_told():
    from builder.timeline.summary import strays

    source = "14（同26）年8月に統幕長が国軍司令官と会談し、相互理解および信頼・友好関係の増進を図った。"
    assert strays("2014年8月、統幕長が豪国軍司令官と会談し、相互理解を図った。", source) == []
    assert strays("2014年8月、統幕長が国軍司令官と晩餐会で会談した。", source) == ["晩餐会"]
    assert strays("〔本文は月を記していない〕統幕長が会談した。", source) == []  # the editor's, said so


def test_era_years_as_the_text_prints_them():
    from builder.timeline.era import era_label

    eras = {"昭和": 1925, "平成": 1988, "令和": 2018}
    assert era_label("1988", "", "year", eras) == "昭和63年"
    assert era_label("1989", "", "year", eras) == "平成元年"
    assert era_label("2014", "", "fiscal_year", eras) == "平成26年度"
    assert era_label("2014-09", "2015-01", "month", eras) == "平成26～27年"


def test_a_fiscal_year_sorts_by_its_start(events):
    order = [e["id"] for e in events]
    [office] = [e for e in events if e["precision"] == "fiscal_year"]
    at = order.index(office["id"])
    assert all(e["date"][:7] < "2014-04" for e in events[:at]) and all(
        e["date"][:7] >= "2014-04" for e in events[at + 1 :]
    )


@pytest.fixture(scope="module")
def proposals(site):
    from builder.content import load_content
    from builder.countries.matcher import Matcher
    from builder.timeline.propose import propose

    content = load_content(CONTENT)
    return propose(site.chapters[0].chapter, "index.md", Matcher(content.registry), content.kinds, content.layout)


def test_proposals_take_the_countries_of_the_clause_and_of_a_bilateral_heading(proposals):
    def of(words):
        [p] = [p for p in proposals if words in p.clause]
        return p

    assert of("88（昭和63）年以降").countries == []  # not 中国, named later in the paragraph
    assert of("中国の主催により青島で開催され").countries == ["CHN"]
    assert "KHM" in of("シャングリラ会合に際して次官級会談を行い").countries  # under （6）カンボジア
    pp = of("5月から、フィジー、パプアニューギニアおよびフィリピンに")
    assert pp.countries == ["FJI", "PHL", "PNG"]
    tour = of("安倍内閣総理大臣が、ドイツ、英国、ポルトガル")
    assert (tour.date, tour.end) == ("2014-04", "2014-05")  # 「AからBにかけて」: one span
    assert of("13（同25）年の第13回を除き").background  # offered as a not-event
    # a series' start is offered as a happening, not as background
    assert not of("09（同21）年以来、海洋安全保障に関する会期間会合").background


def test_proposals_read_the_notes_and_the_countries_they_name(proposals):
    """Note 6 names the seven countries of 空軍参謀長等招へい行事; note 4 holds a happening of its own."""
    [acdj] = [p for p in proposals if "空軍参謀長等招へい行事（ACDJ）を主催" in p.clause]
    assert {"AUS", "IND", "IDN", "SGP", "GBR", "VNM", "USA"} <= set(acdj.countries)
    [ism] = [p for p in proposals if "第3回会期間会合を東京で共催" in p.clause]
    assert ism.date == "2011" and ism.anchor == "fn:4" and {"IDN", "NZL"} <= set(ism.countries)


def test_no_happening_appears_twice(events):
    keys = [(e["date"], e["title"]) for e in events]
    assert len(keys) == len(set(keys))
    ids = [e["id"] for e in events]
    assert len(ids) == len(set(ids))


def test_every_headline_keeps_the_house_style(events, layout):
    assert [
        (e["title"], headline_problems(e["title"], layout.eras))
        for e in events
        if headline_problems(e["title"], layout.eras)
    ] == []


def test_the_build_has_nothing_to_warn_of_in_the_chronology(site):
    """Every rule of content/README-events.md the build checks holds: headlines, full titles,
    summaries that stand alone and keep to their sources' words, places their sources give,
    figure rows whose countries the event has, trips merged whole, the series rule."""
    assert [w for r in site.chapters for w in r.warnings.items if "events.yaml" in w] == []


def test_the_build_warns_where_the_data_breaks_a_rule(tmp_path):
    """Each rule of README-events.md the build checks, broken once in a copy of the chronology."""
    content = copy_content(tmp_path)
    path = content / "dwp2015-part3-ch3" / "events.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in [
        ("visit-MYS-2014-06-海幕長-1, visit-LKA-2014-06-海幕長-1", "visit-MYS-2014-06-海幕長-1"),  # a trip in part
        (
            "  place: 東京\n  quote: 同年6月、東京において",
            "  place: 大阪\n  quote: 同年6月、東京において",
        ),  # no source's
        (
            "  summary: 2014（平成26）年7月、防衛副大臣がミャンマーを訪問した。",
            "  summary: 同年7月、防衛副大臣がミャンマーを訪問した。",
        ),  # leans on
        (
            "  summary: 2014（平成26）年4月、ラオスとの外務・防衛当局間の第1回安保対話を開催した。",
            "  summary: 2014（平成26）年4月、ラオスとの第1回安保対話を晩餐会で開催した。",
        ),  # not the text's
        (
            "headline: 防衛大臣政務官がシンガポール、インドネシアを訪問",
            "headline: 政務官がシンガポール、インドネシアを訪問",
        ),
        ("  countries: [VNM, PHL]\n  place: ベトナム、フィリピン", "  countries: [VNM]\n  place: ベトナム、フィリピン"),
        ("not_events:\n", "not_events:\n- quote: 05（同17）年の第2回会議以降、毎回参加している\n  why: 継続\n"),
    ]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    text = text.replace(
        "  quote: 05（同17）年の第2回会議以降、毎回参加している\n  summary:",
        "  quote: 05（同17）年の第2回会議以降\n  summary:",
    )
    path.write_text(text, encoding="utf-8")
    warned = "\n".join(w for r in build_site(content).chapters for w in r.warnings.items)
    for said in [
        "the trip's other rows (visit-LKA-2014-06-海幕長-1) stand alone",
        "place '大阪' is in none of its sources",
        "its summary leans on text the reader cannot see ('同年')",
        "words of its summary in none of its sources: 晩餐会",
        "'政務官': write the title in full",
        "figure row visit-PHL-2015-05-空幕長-1 is of PHL, not among its countries",
        "it dates the start of a series, which is an event",
    ]:
        assert said in warned, said
    # and the trip's row gone, its country is no source's: its place and its summary are told too
    assert warned.count("events.yaml:") == 9 and "place 'スリランカ' is in none of its sources" in warned


@pytest.mark.parametrize(
    "headline, problem",
    [
        ("14（同26）年2月、統幕長がタイを訪問", "a date or era year"),
        ("統幕長がタイを訪問し、コブラ・ゴールド14を視察するとともに…", "ends with …"),
        ("また、日豪防衛相会談", "opens with a connective"),
        ("同年7月には東京で", "a date or era year"),
        ("空自は、89（同01）年の第1回以来", "a date or era year"),
        ("陸幕長が豪陸軍本部長と", "stops mid-clause"),
        ("わが国は日ASEAN防衛担当大臣ラウンドテーブルを開催", "opens with the subject"),
        ("日" * 41, "41 characters: at most 40"),
        ("政務官が英国を訪問", "write the title in full, as the text does (防衛大臣政務官)"),
        ("首相がフランスを訪問", "安倍内閣総理大臣"),
    ],
)
def test_the_style_checks_name_what_a_headline_breaks(headline, problem, layout):
    titles = {"副大臣": "防衛副大臣", "政務官": "防衛大臣政務官", "事務次官": "防衛事務次官"}
    assert any(problem in p for p in headline_problems(headline, layout.eras, titles))


@pytest.mark.parametrize(
    "headline",
    [
        "日豪防衛相会談（東京）",
        "統幕長がタイを訪問（コブラ・ゴールド14視察）",
        "日仏防衛装備品・技術移転協定に署名",
        "日韓安保対話（約5年ぶり、ソウル）",
        "防衛大臣政務官が英国、フランスを訪問",
        "モディ首相来日、日印首脳会談",
    ],
)
def test_headlines_in_the_house_style_pass(headline, layout):
    titles = {"副大臣": "防衛副大臣", "政務官": "防衛大臣政務官", "事務次官": "防衛事務次官"}
    assert headline_problems(headline, layout.eras, titles) == []


@pytest.mark.parametrize(
    "clause, headline",
    [
        ("14（同26）年4月には、海幕長が青島を訪問した。", "海幕長が青島を訪問"),
        ("また、同年10月にも海自が多国間捜索・救難訓練を主催した。", "海自が多国間捜索・救難訓練を主催した"),
        ("13（同25）年1月に発効した。", "発効"),
        (
            "15（同27）年3月、日英の防衛当局がこれまでの協力の成果と今後の課題について長時間にわたり協議を重ねた上で合意した。",
            None,
        ),
    ],
)
def test_the_rules_propose_a_headline_or_leave_it_to_the_editor(clause, headline):
    assert propose_headline(clause) == headline


def test_the_events_command_compares_the_chronology_with_the_text(tmp_path, capsys):
    assert main(["events"]) == 0
    out = capsys.readouterr().out
    assert "0 new clause(s)" in out and "39 figure rows merged" in out
    # what it proposes and the editor keeps apart: a meeting the text names, held on a trip (README-events.md)
    assert [
        re.sub(r"\(line \d+\)", "(line N)", line.split(": ", 2)[2])
        for line in out.splitlines()
        if line.startswith("merge?:")
    ] == [
        "日シンガポール防衛相会談（シャングリラ会合の際）: the same happening as "
        "'防衛大臣がシンガポールを訪問、第14回シャングリラ会合でスピーチ' (line N)?"
    ]
    # the text changes under an event: the command names it, and offers the clause anew
    content = copy_content(tmp_path)
    raw = content / "dwp2015-part3-ch3" / "dwp2015-part3-ch3.raw.txt"
    raw.write_text(
        raw.read_text(encoding="utf-8").replace("第1回会議がハノイ", "第1回会議がハノイ市"), encoding="utf-8"
    )
    assert main(["events", "--content", str(content)]) == 1
    out = capsys.readouterr().out
    assert re.search(
        r"changed: .*events.yaml:\d+: 第1回拡大ASEAN国防相会議（ハノイ）: "
        r"the text now reads 「10（平成22）年10月、第1回会議がハノイ市で開催された」",
        out,
    )
    assert (
        "1 dated clause(s) no entry covers" in out
        and 'quote: "10（平成22）年10月、第1回会議がハノイ市で開催された。"' in out
    )
    # a sentence removed: its event is gone, not changed
    text = raw.read_text(encoding="utf-8")
    raw.write_text(text.replace("第1回会議がハノイ市で開", "").replace("10（平成22）年10月、", "", 1), encoding="utf-8")
    assert main(["events", "--content", str(content)]) == 1
    assert re.search(r"gone: .*: 第1回拡大ASEAN国防相会議（ハノイ）: quote gone from the text", capsys.readouterr().out)


def test_the_events_command_proposes_merges_of_every_kind(tmp_path, capsys):
    """A visit row whose post, month and country agree with an event of any kind; the rest of a
    trip; two events of the text that tell of one happening."""
    content = copy_content(tmp_path)
    events_yaml = content / "dwp2015-part3-ch3" / "events.yaml"
    text = events_yaml.read_text(encoding="utf-8")
    for old, new in [
        ("  figure: [visit-AUS-2014-11-海幕長-1]\n", ""),  # a meeting's row, left apart
        ("visit-MYS-2014-06-海幕長-1, visit-LKA-2014-06-海幕長-1", "visit-MYS-2014-06-海幕長-1"),
        (
            "  also: [14（同26）年11月、統幕長がブルネイで行われた第17回アジア太平洋諸国参謀総長等会議にあわせ、"
            "国軍司令官との会談を行った]\n",
            "",
        ),
    ]:
        assert old in text
        text = text.replace(old, new)
    text = text.replace(
        "not_events:\n",
        """- date: '2014-11'
  headline: 統幕長がブルネイ国軍司令官と会談
  kind: meeting
  countries: [BRN]
  quote: 14（同26）年11月、統幕長がブルネイで行われた第17回アジア太平洋諸国参謀総長等会議にあわせ、国軍司令官との会談を行った
not_events:
""",
    )
    events_yaml.write_text(text, encoding="utf-8")
    assert main(["events", "--content", str(content)]) == 0
    merges = [line for line in capsys.readouterr().out.splitlines() if line.startswith("merge?:")]
    assert any(
        "海幕長がオーストラリアを訪問、豪海軍本部長と会談: figure: ['visit-AUS-2014-11-海幕長-1']" in m for m in merges
    )
    assert any("海幕長がマレーシア、スリランカを訪問: figure: ['visit-LKA-2014-06-海幕長-1']" in m for m in merges)
    assert any("統幕長がブルネイ国軍司令官と会談: the same happening as '統幕長がブルネイを訪問" in m for m in merges)


def test_a_new_chapter_gets_a_first_chronology_that_builds(tmp_path, capsys):
    """`events --init` on a chapter with no events.yaml: the proposals, each quote given
    once, and the site builds from them as they are (headlines to write are marked)."""
    content = copy_content(tmp_path)
    (content / "dwp2015-part3-ch3" / "events.yaml").unlink()
    assert main(["events", "--content", str(content)]) == 0
    assert "events --init" in capsys.readouterr().out
    assert main(["events", "--init", "--content", str(content)]) == 0
    draft = yaml.safe_load((content / "dwp2015-part3-ch3" / "events.yaml").read_text(encoding="utf-8"))
    assert len(draft["events"]) > 150 and draft["not_events"]
    assert any("同じ節の別の日付: 2013-08" in e.get("note", "") for e in draft["events"])  # 5月および8月
    events = build_site(content).timeline.events
    assert sum(1 for e in events if e.source == "text") == len(draft["events"])
    assert any(e.title.startswith("【見出しを書く】") for e in events)


def test_the_build_reports_whose_headlines_they_are(tmp_path, capsys):
    assert main(["build", "--out", str(tmp_path)]) == 0
    line = next(t for t in capsys.readouterr().out.splitlines() if "timeline:" in t)
    assert re.search(
        r"\d+ events from the chronology \(39 figure rows merged into them\), \d+ from the figures "
        r"alone; headlines: \d+ as the rules proposed, \d+ written by hand",
        line,
    )


def test_no_event_outside_the_chapter_or_from_furniture(site, events):
    assert all(e["date"] >= "1988" and e["date"][:7] <= "2015-12" for e in events)
    ledger = site.chapters[0].ledger
    for e in site.timeline.events:
        for no in e.lines:
            assert ledger.entries[no].category in ("text", "box", "figure", "footnote"), (e.id, no)


def test_the_exports_agree(site, events):
    """timeline.json and timeline.csv: the same fields, in the same order (README: The timeline)."""
    from builder.timeline.event import EXPORTED

    rows = list(csv.DictReader(io.StringIO(site.files["data/timeline.csv"])))
    assert [r["id"] for r in rows] == [e["id"] for e in events]
    assert list(rows[0]) == list(events[0]) == list(EXPORTED)
    assert {"summary", "place", "era", "countries", "sources"} <= set(EXPORTED)
    for r, e in zip(rows, events):
        assert r["summary"] == e["summary"] and r["place"] == e["place"] and r["countries"].split() == e["countries"]
    assert by_title(events, "日豪防衛相会談（東京）")["place"] == "東京"
    page = site.files["timeline.md"]
    assert all(
        f"]({path})" in page for path in ("data/timeline.json", "data/timeline.csv", "data/timeline.timelinejs.json")
    )


def test_records_written_by_hand_read_back_as_written(site):
    """dump_records writes YAML without yaml.dump: it must still load as the records."""
    written = [e.as_dict() for e in site.timeline.events]
    hard = {
        "id": "x",
        "title": "a: b # c",
        "text": 'quote " \\ back\nline\u2028sep\x85nel\x7f',
        "countries": [],
        "end": "",
        "kind": "- no",
        "url": "yes",
        "source": "@&*!|>%",
    }
    loaded = yaml.safe_load(dump_records(written + [hard]))
    assert loaded[-1] == hard
    assert {e["id"]: e for e in loaded[:-1]} == {e["id"]: e for e in written}
    assert yaml.safe_load(dump_records([])) == []


def test_profiles_show_their_slice(site):
    page = site.files["countries/aus.md"]
    assert "## 年表から" in page and 'data-countries="AUS' in page and "日豪防衛相会談（東京）" in page
