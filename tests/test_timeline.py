"""The timeline: the chapter's chronology (dwp2015-part3-ch3/events.yaml) held
to the text it quotes, the figures' rows it merges, the proposals and the
house style, checked against a reading of the chapter."""
import csv
import io
import json
import re

import pytest
import yaml

from builder.__main__ import main
from builder.export import dump_records
from builder.site import build_site
from builder.page import page_url
from builder.timeline.chronology import passages
from builder.timeline.propose import propose_headline
from builder.timeline.style import headline_problems

from conftest import CONTENT, copy_content

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


def paragraph(site, url: str) -> str:
    """The paragraph an event links to, as a reader reads it (from the chapter model)."""
    page, anchor = url.split("#")
    [p] = [p for p in passages(site.chapters[0].chapter, "index.md")
           if p.anchor == anchor and page_url(p.page) == page]
    return p.text


def test_each_event_quotes_its_paragraph_and_shows_the_whole_sentence(site, events):
    quoted = [e for e in events if e["quote"]]
    assert len(quoted) == len(yaml.safe_load(CHRONOLOGY.read_text(encoding="utf-8"))["events"])
    for e in quoted:
        text = paragraph(site, e["url"])
        assert e["quote"] in text and e["quote"] in e["text"] and e["text"] in text, e["title"]
        assert e["text"].endswith("。") or text.endswith(e["text"]), e["title"]     # whole sentences


def test_a_visit_told_by_the_text_and_the_figure_is_one_event(events):
    """図表Ⅲ-3-1-1's row and the sentence about the same visit: one event, both sources."""
    e = by_title(events, "空幕長がベトナムを訪問")
    assert e["date"] == "2015-05" and e["countries"] == ["VNM"]
    assert [s.split("#")[0] for s in e["sources"]] == ["dwp2015-3-3/section-1/item-4.html",
                                                      "dwp2015-3-3/figures/fig-iii-3-1-1.html"]
    assert not [x for x in events if x["source"] == "figure" and x["date"] == "2015-05"
                and x["countries"] == ["VNM"] and "空幕長" in x["title"]]
    figure_alone = [x for x in events if x["source"] == "figure"]
    merged = sum(len(x["sources"]) - 1 for x in events if x["source"] == "text")
    assert len(figure_alone) + merged == 108 + 25          # the figures' visits and projects, each once


def test_each_source_says_where_a_reader_lands(site):
    """本文（第1節4項 ¶N） for a paragraph, as the glossary names it; 図表Ⅲ-3-1-1 for a figure's row."""
    page = site.files["timeline.md"]
    [item] = [li for li in page.split("<li ") if '<strong class="hk-tl-title">空幕長がベトナムを訪問</strong>' in li]
    assert re.search(r'<a href="dwp2015-3-3/section-1/item-4.html#p-1-4-(\d+)">本文（第1節4項 ¶\1）</a> '
                     r'<a href="dwp2015-3-3/figures/fig-iii-3-1-1.html">図表Ⅲ-3-1-1</a>', item), item


def test_spans_are_one_event_with_an_end(events):
    tour = by_title(events, "首相が欧州6か国を歴訪、EU・NATOの首脳とも会談")
    assert (tour["date"], tour["end"]) == ("2014-04", "2014-05")
    assert {"DEU", "GBR", "PRT", "ESP", "FRA", "BEL", "EU", "NATO"} == set(tour["countries"])
    phiblex = by_title(events, "米比共同訓練PHIBLEX15に陸自がオブザーバー参加")
    assert (phiblex["date"], phiblex["end"]) == ("2014-09", "2014-10")
    pp = by_title(events, "パシフィック・パートナーシップ2015に派遣")
    assert (pp["date"], pp["end"]) == ("2015-05", "2015-08")
    project = next(e for e in events if e["id"] == "dwp2015-3-3-capacity-building-1")
    assert (project["date"], project["end"]) == ("2012-12", "2013-03")


def test_series_start_where_the_text_says_so_and_background_is_no_event(events):
    wpns = by_title(events, "西太平洋海軍シンポジウム（WPNS）開始（以後隔年）")
    assert wpns["date"] == "1988" and wpns["precision"] == "year"
    # 「13（同25）年の第13回を除き」: the meeting that was skipped is no event
    assert not [e for e in events if e["date"] == "2013" and "第13回" in e["quote"]]
    # 「…以来、継続的に参加」: participation since, not a happening
    assert not [e for e in events if "以来" in e["quote"]]
    # the background clause of the second Japan–France 「2＋2」; the happening itself is there
    assert not [e for e in events if e["date"][:7] in ("2015-01", "2015-02") and "テロの脅威" in e["quote"]]
    fr = by_title(events, "第2回日仏外務・防衛閣僚会合（東京）、防衛装備品・技術移転協定に署名")
    assert fr["date"] == "2015-03" and fr["countries"] == ["FRA"]


def test_countries_are_those_that_took_part(events):
    assert by_title(events, "西太平洋海軍シンポジウム（WPNS）開始（以後隔年）")["countries"] == []
    assert by_title(events, "日カンボジア次官級会談（シャングリラ会合の際）")["countries"] == ["KHM"]
    assert by_title(events, "日豪防衛相会談（東京）")["countries"] == ["AUS"]       # not China, the topic


@pytest.fixture(scope="module")
def proposals(site):
    from builder.countries.matcher import Matcher
    from builder.content import load_content
    from builder.timeline.propose import propose
    content = load_content(CONTENT)
    return propose(site.chapters[0].chapter, "index.md", Matcher(content.registry), content.kinds, content.layout)


def test_proposals_take_the_countries_of_the_clause_and_of_a_bilateral_heading(proposals):
    def of(words):
        [p] = [p for p in proposals if words in p.clause]
        return p
    assert of("88（昭和63）年以降").countries == []              # not 中国, named later in the paragraph
    assert of("中国の主催により青島で開催され").countries == ["CHN"]
    assert "KHM" in of("シャングリラ会合に際して次官級会談を行い").countries    # under （6）カンボジア
    pp = of("5月から、フィジー、パプアニューギニアおよびフィリピンに")
    assert pp.countries == ["FJI", "PHL", "PNG"]
    tour = of("安倍内閣総理大臣が、ドイツ、英国、ポルトガル")
    assert (tour.date, tour.end) == ("2014-04", "2014-05")          # 「AからBにかけて」: one span
    assert of("13（同25）年の第13回を除き").background                # offered as a not-event


def test_no_happening_appears_twice(events):
    keys = [(e["date"], e["title"]) for e in events]
    assert len(keys) == len(set(keys))
    ids = [e["id"] for e in events]
    assert len(ids) == len(set(ids))


def test_every_headline_keeps_the_house_style(events, layout):
    assert [(e["title"], headline_problems(e["title"], layout.eras)) for e in events
            if headline_problems(e["title"], layout.eras)] == []


@pytest.mark.parametrize("headline, problem", [
    ("14（同26）年2月、統幕長がタイを訪問", "a date or era year"),
    ("統幕長がタイを訪問し、コブラ・ゴールド14を視察するとともに…", "ends with …"),
    ("また、日豪防衛相会談", "opens with a connective"),
    ("同年7月には東京で", "a date or era year"),
    ("空自は、89（同01）年の第1回以来", "a date or era year"),
    ("陸幕長が豪陸軍本部長と", "stops mid-clause"),
    ("わが国は日ASEAN防衛担当大臣ラウンドテーブルを開催", "opens with the subject"),
    ("日" * 41, "41 characters: at most 40"),
])
def test_the_style_checks_name_what_a_headline_breaks(headline, problem, layout):
    assert any(problem in p for p in headline_problems(headline, layout.eras))


@pytest.mark.parametrize("headline", ["日豪防衛相会談（東京）", "統幕長がタイを訪問（コブラ・ゴールド14視察）",
                                      "日仏防衛装備品・技術移転協定に署名", "日韓安保対話（約5年ぶり、ソウル）"])
def test_headlines_in_the_house_style_pass(headline, layout):
    assert headline_problems(headline, layout.eras) == []


@pytest.mark.parametrize("clause, headline", [
    ("14（同26）年4月には、海幕長が青島を訪問した。", "海幕長が青島を訪問"),
    ("また、同年10月にも海自が多国間捜索・救難訓練を主催した。", "海自が多国間捜索・救難訓練を主催した"),
    ("13（同25）年1月に発効した。", "発効"),
    ("15（同27）年3月、日英の防衛当局がこれまでの協力の成果と今後の課題について長時間にわたり協議を重ねた上で合意した。", None),
])
def test_the_rules_propose_a_headline_or_leave_it_to_the_editor(clause, headline):
    assert propose_headline(clause) == headline


def test_the_events_command_compares_the_chronology_with_the_text(tmp_path, capsys):
    assert main(["events"]) == 0
    out = capsys.readouterr().out
    assert "0 new clause(s)" in out and "29 figure rows merged" in out and "merge?:" not in out
    # the text changes under an event: the command names it, and offers the clause anew
    content = copy_content(tmp_path)
    raw = content / "dwp2015-part3-ch3" / "dwp2015-part3-ch3.raw.txt"
    raw.write_text(raw.read_text(encoding="utf-8").replace("第1回会議がハノイ", "第1回会議がハノイ市"), encoding="utf-8")
    assert main(["events", "--content", str(content)]) == 1
    out = capsys.readouterr().out
    assert re.search(r"changed: .*events.yaml:\d+: 第1回拡大ASEAN国防相会議（ハノイ）: "
                     r"the text now reads 「10（平成22）年10月、第1回会議がハノイ市で開催された」", out)
    assert "1 dated clause(s) no entry covers" in out and 'quote: "10（平成22）年10月、第1回会議がハノイ市で開催された。"' in out
    # a sentence removed: its event is gone, not changed
    text = raw.read_text(encoding="utf-8")
    raw.write_text(text.replace("第1回会議がハノイ市で開", "").replace("10（平成22）年10月、", "", 1), encoding="utf-8")
    assert main(["events", "--content", str(content)]) == 1
    assert re.search(r"gone: .*: 第1回拡大ASEAN国防相会議（ハノイ）: quote gone from the text", capsys.readouterr().out)


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
    assert any("同じ節の別の日付: 2013-08" in e.get("note", "") for e in draft["events"])   # 5月および8月
    events = build_site(content).timeline.events
    assert sum(1 for e in events if e.source == "text") == len(draft["events"])
    assert any(e.title.startswith("【見出しを書く】") for e in events)


def test_the_build_reports_whose_headlines_they_are(tmp_path, capsys):
    assert main(["build", "--out", str(tmp_path)]) == 0
    line = next(t for t in capsys.readouterr().out.splitlines() if "timeline:" in t)
    assert re.search(r"\d+ events from the chronology \(29 figure rows merged into them\), \d+ from the figures "
                     r"alone; headlines: \d+ as the rules proposed, \d+ written by hand", line)


def test_no_event_outside_the_chapter_or_from_furniture(site, events):
    assert all("1988" <= e["date"] and e["date"][:7] <= "2015-12" for e in events)
    ledger = site.chapters[0].ledger
    for e in site.timeline.events:
        for no in e.lines:
            assert ledger.entries[no].category in ("text", "box", "figure"), (e.id, no)


def test_the_exports_agree(site, events):
    rows = list(csv.DictReader(io.StringIO(site.files["data/timeline.csv"])))
    assert [r["id"] for r in rows] == [e["id"] for e in events]
    assert {"id", "date", "precision", "title", "text", "quote", "countries", "kind", "url", "sources"} <= set(events[0])


def test_records_written_by_hand_read_back_as_written(site):
    """dump_records writes YAML without yaml.dump: it must still load as the records."""
    written = [e.as_dict() for e in site.timeline.events]
    hard = {"id": "x", "title": "a: b # c", "text": 'quote " \\ back\nline\u2028sep\x85nel\x7f', "countries": [],
            "end": "", "kind": "- no", "url": "yes", "source": "@&*!|>%"}
    loaded = yaml.safe_load(dump_records(written + [hard]))
    assert loaded[-1] == hard
    assert {e["id"]: e for e in loaded[:-1]} == {e["id"]: e for e in written}
    assert yaml.safe_load(dump_records([])) == []


def test_profiles_show_their_slice(site):
    page = site.files["countries/aus.md"]
    assert "## 年表から" in page and 'data-countries="AUS' in page and "日豪防衛相会談（東京）" in page
