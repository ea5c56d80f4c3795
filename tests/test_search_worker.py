"""The search worker (overrides/assets/javascripts/search-worker.js) on small
hand-made indexes, run under Node: the order of its tiers, folding, escaping,
and what it tells Material to show. The real chapter's query set runs in the
browser (test_e2e, bench/search.py)."""

import json
import re
import shutil
import subprocess
from urllib.parse import quote

import pytest
from conftest import REPO

WORKER = REPO / "overrides" / "assets" / "javascripts" / "search-worker.js"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node not found (make test needs Node)")

RUN = """
const {Index} = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const index = new Index(input.docs);
console.log(JSON.stringify(input.queries.map(q => index.search(q).items)));
"""


def search(docs: list[dict], *queries: str) -> list[list[list[dict]]]:
    """Each query's result groups, as the worker posts them to Material."""
    run = subprocess.run(
        [NODE, "-e", RUN, str(WORKER)],
        input=json.dumps({"docs": docs, "queries": queries}),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout)


def pages(groups) -> list[str]:
    return [g[0]["location"].split("#")[0].split("?")[0] for g in groups]


def doc(location: str, text: str, title: str = "見出し", **extra) -> dict:
    return {"location": location, "title": title, "text": text, **extra}


def site(*sections: dict) -> list[dict]:
    """Each section's page doc too, as MkDocs writes them (Material shows the page over its sections)."""
    out = []
    for s in sections:
        page = s["location"].split("#")[0]
        if not any(d["location"] == page for d in out):
            out.append(doc(page, "", title=page))
        out.append(s)
    return out


def test_a_compound_s_parts_are_found_only_where_no_section_holds_it_whole():
    """A page that shares a piece of the phrase is noise where another holds the phrase, and
    the best there is where none does."""
    parts = doc("parts.html#a", "<p>シャングリラ地方で開かれた会合について。</p>")
    docs = site(parts, doc("phrase.html#a", "<p>第14回シャングリラ会合に際して会談した。</p>"))
    [groups] = search(docs, "シャングリラ会合")
    assert pages(groups) == ["phrase.html"]
    phrase = groups[0][0]
    assert phrase["terms"] == {"シャングリラ会合": True}
    assert "<mark data-md-highlight>シャングリラ会合</mark>" in phrase["text"]
    [alone] = search(site(parts), "シャングリラ会合")
    assert pages(alone) == ["parts.html"]
    # the partial match says what it lacks (Material strikes it through)
    assert alone[0][0]["terms"] == {"シャングリラ会合": False}


def test_a_typo_finds_the_phrase_marked_as_not_exact():
    docs = site(doc("a.html#x", "<p>IISSアジア安全保障会議（シャングリラ会合）が開かれた。</p>"))
    [groups] = search(docs, "シャングリア会合")
    terms = groups[0][0]["terms"]
    assert terms == {"シャングリア会合": False, "シャングリラ会合": True}
    assert "?h=" + "%E3%82%B7" in groups[0][0]["location"]  # the page marks what was found


def test_nothing_found_is_nothing_rather_than_noise():
    docs = site(doc("a.html#x", "<p>融合した部隊が核となり、炉の近くで訓練した。</p>"))
    assert search(docs, "核融合炉", "   ") == [[], []]


def test_short_words_allow_no_typo():
    """日豪協定 is one edit from 日豪協力: a different word, not a typo."""
    docs = site(doc("a.html#x", "<p>日豪協力の強化。</p>"))
    [groups] = search(docs, "日豪協定")
    assert groups == []


def test_folding_finds_full_width_text_and_marks_it_as_printed():
    docs = site(doc("a.html#x", "<p>閣僚級の協議（「2＋2」）を立ち上げた。ＡＲＦでも議論した。</p>"))
    plus, arf = search(docs, "2+2", "arf")
    assert plus[0][0]["terms"] == {"2＋2": True}
    assert arf[0][0]["terms"] == {"ＡＲＦ": True}
    assert "<mark data-md-highlight>2＋2</mark>" in plus[0][0]["text"]


def test_a_latin_word_matches_at_the_start_of_a_word():
    docs = site(doc("a.html#x", "<p>in warfare</p>"), doc("b.html#x", "<p>ARF-DiRExに参加</p>"))
    [groups] = search(docs, "ARF")
    assert pages(groups) == ["b.html"]


def test_the_middle_dot_is_optional_on_both_sides():
    docs = site(doc("a.html#x", "<p>パシフィック・パートナーシップ（PP）、防衛装備・技術</p>"))
    [joined, before_dot] = search(docs, "パシフィックパートナーシップ", "防衛装備")
    assert joined[0][0]["terms"] == {"パシフィック・パートナーシップ": True}
    assert before_dot[0][0]["terms"] == {"防衛装備": True}  # the dot after it is not part of it


def test_footnote_numbers_do_not_split_a_phrase():
    docs = site(doc("a.html#x", "<p>人道支援<sup>3</sup>・災害救援の分野</p>"))
    [groups] = search(docs, "人道支援・災害救援")
    assert groups and groups[0][0]["terms"] == {"人道支援・災害救援": True}


def test_a_word_inside_a_longer_word_counts_for_less():
    """国連 is whole in 国連PKO, and only part of アラブ首長国連邦 (the word breaker says so)."""
    docs = site(
        doc("are.html#x", "<p>湾岸の国々との協力。</p>", title="アラブ首長国連邦との協力"),
        doc("pko.html#x", "<p>国連PKOへの派遣を続けている。</p>", title="その他"),
    )
    [groups] = search(docs, "国連")
    assert pages(groups) == ["pko.html", "are.html"]


def test_every_word_of_a_query_must_be_held():
    docs = site(doc("a.html#x", "<p>海賊対処の訓練</p>"), doc("b.html#x", "<p>海賊対処</p>"))
    [groups] = search(docs, "海賊対処 訓練")
    assert pages(groups) == ["a.html"]


def test_quoting_pages_come_after_the_chapter_within_a_tier():
    """A profile (search boost 0.5) that quotes a figure row ranks below the figure,
    short as it is, unless its heading holds the word."""
    docs = site(
        doc("figure.html", "<p>" + "人材育成の事業。" * 40 + "地雷処理の人材育成。</p>"),
        doc("countries/khm.html#rows", "<p>地雷処理の人材育成。</p>", boost=0.5),
        doc("countries/khm.html", "", title="カンボジア", boost=0.5),
    )
    [mine, country] = search(docs, "地雷", "カンボジア")
    assert pages(mine) == ["figure.html", "countries/khm.html"]
    assert pages(country)[0] == "countries/khm.html"


def test_each_group_has_its_page_and_its_best_section_first():
    docs = site(doc("a.html#one", "<p>訓練</p>"), doc("a.html#two", "<p>訓練と訓練と訓練</p>"))
    [[group]] = search(docs, "訓練")
    assert [re.sub(r"\?h=[^#]*", "", d["location"]) for d in group] == ["a.html#two", "a.html#one", "a.html"]
    # the page's own line (Material's title line) comes last in score, and opens the page with
    # the words marked, as its best section does (the reader's script scrolls to the first)
    assert group[-1]["score"] < group[1]["score"] < group[0]["score"] and group[-1]["terms"] == {}
    assert group[-1]["location"] == "a.html?h=" + quote("訓練")


def test_data_is_escaped_in_titles_and_snippets():
    """The index holds HTML: tags are dropped, entities read, and the text escaped again."""
    docs = site(
        doc("a.html#x", "<p>&lt;script&gt;alert(1)&lt;/script&gt; 訓練</p>", title="<code>訓練</code> &amp; &lt;b&gt;")
    )
    [[group]] = search(docs, "訓練")
    best = group[0]
    assert "<script>" not in best["text"] and "&lt;script&gt;alert(1)" in best["text"]
    assert best["title"] == "<mark data-md-highlight>訓練</mark> &amp; &lt;b&gt;"


def test_the_snippet_is_the_sentence_around_the_word():
    long = "前の文。" * 30 + "ここで訓練を行った。" + "後の文。" * 30
    [[group]] = search(site(doc("a.html#x", f"<p>{long}</p>")), "訓練")
    text = group[0]["text"]
    assert text.startswith("<p>…ここで<mark") and text.endswith("…</p>")
    assert len(text) < 200


# -- English (issue 22): case and number folded, and a reader's own words --------------


def test_an_english_word_finds_its_singular_and_plural_as_exact():
    docs = site(
        doc("one.html#x", "<p>a joint exercise with the country</p>", title="One"),
        doc("many.html#x", "<p>joint Exercises with other countries</p>", title="Many"),
    )
    exercises, country, countries = search(docs, "exercises", "Country", "COUNTRIES")
    assert sorted(pages(exercises)) == ["many.html", "one.html"]
    assert all(g[0]["terms"].get("exercise", g[0]["terms"].get("Exercises")) for g in exercises)
    assert sorted(pages(country)) == sorted(pages(countries)) == ["many.html", "one.html"]
    # the plural is marked whole, as printed
    many = next(g for g in exercises if pages([g]) == ["many.html"])
    assert "<mark data-md-highlight>Exercises</mark>" in many[0]["text"]


def test_words_that_only_look_plural_are_not_cut():
    docs = site(doc("a.html#x", "<p>a clas of its own; the statu quo; a basi</p>"))
    found = search(docs, "class", "status", "basis")
    # at most a near match (a typo's), never the word as written
    assert [[g[0]["terms"].get(q) for g in groups] for q, groups in zip(("class", "status", "basis"), found)] == [
        [False],
        [False],
        [False],
    ]


def test_a_curly_apostrophe_is_an_apostrophe():
    docs = site(doc("a.html#x", "<p>the Air Chiefs’ Dialogue in Japan</p>"))
    [groups] = search(docs, "chiefs' dialogue")
    assert groups and groups[0][0]["terms"] == {"Chiefs’": True, "Dialogue": True}


def test_a_long_query_finds_the_section_holding_most_of_its_words_last():
    docs = site(
        doc("all.html#x", "<p>female GSDF personnel were sent to NATO</p>"),
        doc("most.html#x", "<p>female GSDF personnel were dispatched to NATO headquarters</p>"),
        doc("few.html#x", "<p>GSDF personnel in Japan</p>"),
    )
    [groups, short] = search(docs, "female GSDF personnel sent to NATO", "personnel sent")
    assert pages(groups) == ["all.html", "most.html"]  # few.html lacks three of six words
    assert groups[1][0]["terms"]["sent"] is False  # Material strikes the missing word through
    assert pages(short) == ["all.html"]  # two words: both or nothing


# -- issue 24: the builder's data (builder/search_data.py): words by other names, the other
#    edition's text, the page about the subject; the candidate index changes no result ----------

RUN_DATA = """
const {Index} = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const narrowed = Index.fromData(input.data), whole = Index.fromData(Object.assign({}, input.data, {grams: null}));
console.log(JSON.stringify(input.queries.map(q => [narrowed.search(q).items, whole.search(q).items])));
"""
WORDS = {"variant": "「{found}」で一致（「{typed}」の別の表記）", "other": "英語版の本文で一致", "list_sep": "、"}


def search_data(docs: list[dict], *queries: str, other: dict | None = None, groups=(), kana=(), headings=None):
    """Each query's result groups, from the data the builder writes for these MkDocs documents;
    the same as without the candidate index, or the index would have lost something."""
    from builder.search_data import search_data as write

    data = write(
        {"docs": docs},
        other or {},
        {
            "groups": [list(g) for g in groups],
            "kana": list(kana),
            "headings": headings or {},
            "lang": "ja",
            "other_lang": "en",
        },
        WORDS,
    )
    run = subprocess.run(
        [NODE, "-e", RUN_DATA, str(WORKER)],
        input=json.dumps({"data": data, "queries": queries}),
        capture_output=True,
        text=True,
        check=True,
    )
    out = []
    for narrowed, whole in json.loads(run.stdout):
        assert narrowed == whole
        out.append(narrowed)
    return out


def found_line(item) -> str:
    return re.sub(r"<[^>]+>", "", "".join(re.findall(r'<p class="hk-search-found">.*?</p>', item["text"])))


def test_a_word_by_another_name_ranks_below_it_as_typed_and_says_which_word_it_found():
    groups = [[["海自", "海上自衛隊", "MSDF"], []]]
    docs = site(
        doc("short.html#x", "<p>海自が訓練を主催した。</p>"),
        doc("full.html#x", "<p>海上自衛隊の艦艇が寄港した。</p>"),
        doc("inside.html#x", "<p>海自の訓練に参加した。</p>"),
    )
    typed, inside = search_data(docs, "海上自衛隊", "海上自衛隊の訓練", groups=groups)
    assert pages(typed)[0] == "full.html" and set(pages(typed)[1:]) == {"short.html", "inside.html"}
    short = next(g[0] for g in typed if pages([g]) == ["short.html"])
    assert found_line(short) == "「海自」で一致（「海上自衛隊」の別の表記）"
    assert short["terms"] == {"海自": True} and "<mark data-md-highlight>海自</mark>" in short["text"]
    assert short["location"].startswith("short.html?h=" + quote("海自"))
    # a name inside a longer query word is replaced there (陸上自衛隊の訓練 → 陸自の訓練)
    assert pages(inside) == ["inside.html"]


def test_a_country_typed_whole_finds_the_compounds_that_name_it_and_a_latin_name_is_a_whole_word():
    groups = [[["オーストラリア", "豪州", "australia"], ["日豪"]], [["英国", "uk"], []]]
    docs = site(
        doc("aus.html#x", "<p>日豪防衛相会談を行った。</p>"),
        doc("ukr.html#x", "<p>Ukraine and Japan</p>"),
        doc("gbr.html#x", "<p>the UK and Japan</p>"),
    )
    whole, longer, britain = search_data(docs, "オーストラリア", "オーストラリア軍", "英国", groups=groups)
    assert pages(whole) == ["aus.html"] and found_line(whole[0][0]) == "「日豪」で一致（「オーストラリア」の別の表記）"
    assert longer == []  # not 日豪軍: a compound is found by the name alone
    assert pages(britain) == ["gbr.html"]  # UK is not in Ukraine


def test_katakana_written_two_ways_meet_one_tier_below_the_spelling_typed():
    kana = [["ティ", "チ"], ["ー", ""]]
    docs = site(
        doc("long.html#x", "<p>首都ネーピードーで協議を開催し、東ティモールを訪れた。</p>"),
        doc("typed.html#x", "<p>ネピドーの空港</p>"),
    )
    short, timor = search_data(docs, "ネピドー", "東チモール", kana=kana)
    assert pages(short) == ["typed.html", "long.html"]
    assert "<mark data-md-highlight>ネーピードー</mark>" in short[1][0]["text"]  # the whole word, as printed
    assert pages(timor) == ["long.html"] and timor[0][0]["terms"] == {"東ティモール": True}


def test_a_word_only_the_other_edition_writes_finds_its_place_there_and_says_so():
    docs = site(
        doc("item4.html#india", "<p>印米海上共同訓練（マラバール）への日本の継続参加</p>"),
        doc("item4.html#europe", "<p>海賊対処を含む協力の継続</p>"),
        doc("item1.html#piracy", "<p>海賊行為の発生状況</p>"),
    )
    other = {
        "item4.html#india": "Indo-U.S. Naval Exercises (Malabar)",
        "item4.html#europe": "cooperation including anti-piracy operations; piracy off Somalia",
        "item1.html#piracy": "piracy continued to occur",
    }
    headings = {"item1.html": "Ensuring Maritime Security", "item1.html#piracy": "Initiatives against Piracy"}
    malabar, piracy = search_data(docs, "Malabar", "piracy", other=other, headings=headings)
    item = malabar[0][0]
    assert pages(malabar) == ["item4.html"] and item["location"] == "item4.html?h=Malabar#india"
    assert '<p lang="en">Indo-U.S. Naval Exercises (<mark data-md-highlight>Malabar</mark>)</p>' in item["text"]
    assert found_line(item) == "英語版の本文で一致"
    # the section whose heading, in the other edition, names the word is the place for it
    assert pages(piracy) == ["item1.html", "item4.html"]


def test_the_page_about_a_subject_comes_before_a_short_one_that_mentions_it_once():
    """Issue 24's length bias: a figure page holding the phrase once, in one bullet, ranked above
    the item that treats the subject four times."""
    long = "。".join(["前後の文" * 20] * 3)
    docs = site(
        doc("figure.html", "<ul><li>地雷処理</li></ul>"),
        doc("item.html#a", f"<p>{long}。地雷処理の人材育成を行った。</p><p>{long}。地雷処理の教官を派遣した。</p>"),
        doc("item.html#b", f"<p>{long}。地雷処理の機材。{long}。地雷処理の課程。</p>"),
        doc("head.html#c", f"<p>{long}</p>", title="地雷処理"),
        doc("lead.html#d", f"<p>地雷処理の協力。</p><p>{long}</p>"),
    )
    [groups] = search_data(docs, "地雷処理")
    # a heading that names it first, then the page that holds it most, then the first paragraph
    assert pages(groups) == ["head.html", "item.html", "lead.html", "figure.html"]


def test_a_page_named_by_another_name_of_the_word_is_the_place_for_it_unless_a_heading_has_the_word():
    groups = [[["米国", "アメリカ合衆国", "united states"], ["日米"]]]
    item = [
        doc("item.html#a", "<p>" + "米国との協力。日米の会談。" * 8 + "</p>"),
        doc("item.html#note", "<p>日本国防衛省及びアメリカ合衆国国防省の間の取決め</p>"),
    ]
    profile = [
        doc("countries/usa.html", "<p>United States · 北米</p>", title="米国", boost=0.5),
        doc("countries/usa.html#visits", "<p>防衛大臣 2014年7月</p>", title="ハイレベルの訪問", boost=0.5),
    ]
    [named] = search_data(site(*item, *profile), "アメリカ合衆国", groups=groups)
    assert pages(named)[0] == "countries/usa.html"
    assert found_line(named[0][0]) == "「United States、米国」で一致（「アメリカ合衆国」の別の表記）"
    headed = doc("item2.html#h", "<p>会談を行った。</p>", title="アメリカ合衆国との協力")
    [chapter] = search_data(site(*item, headed, *profile), "アメリカ合衆国", groups=groups)
    assert pages(chapter).index("item2.html") < pages(chapter).index("countries/usa.html")


def test_where_no_section_holds_every_word_the_one_holding_the_rarer_comes_first():
    docs = site(
        doc("seminar.html#x", "<p>飛行安全分野に関するセミナー</p>"),
        *[doc(f"asdf{k}.html#x", "<p>空自が参加した。</p>") for k in range(4)],
    )
    both, nowhere = search_data(docs, "空自 飛行安全", "台湾 飛行安全")
    assert pages(both)[0] == "seminar.html" and both[0][0]["terms"]["空自"] is False
    assert nowhere == []  # a word the site never writes: nothing, rather than noise
