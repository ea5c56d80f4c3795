"""The search worker (overrides/assets/javascripts/search-worker.js) on small
hand-made indexes, run under Node: the order of its tiers, folding, escaping,
and what it tells Material to show. The real chapter's query set runs in the
browser (test_e2e, bench/search.py)."""
import json
import re
from urllib.parse import quote
import shutil
import subprocess

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
    run = subprocess.run([NODE, "-e", RUN, str(WORKER)], input=json.dumps({"docs": docs, "queries": queries}),
                         capture_output=True, text=True, check=True)
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
    assert "?h=" + "%E3%82%B7" in groups[0][0]["location"]       # the page marks what was found


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
    assert before_dot[0][0]["terms"] == {"防衛装備": True}          # the dot after it is not part of it


def test_footnote_numbers_do_not_split_a_phrase():
    docs = site(doc("a.html#x", "<p>人道支援<sup>3</sup>・災害救援の分野</p>"))
    [groups] = search(docs, "人道支援・災害救援")
    assert groups and groups[0][0]["terms"] == {"人道支援・災害救援": True}


def test_a_word_inside_a_longer_word_counts_for_less():
    """国連 is whole in 国連PKO, and only part of アラブ首長国連邦 (the word breaker says so)."""
    docs = site(doc("are.html#x", "<p>湾岸の国々との協力。</p>", title="アラブ首長国連邦との協力"),
                doc("pko.html#x", "<p>国連PKOへの派遣を続けている。</p>", title="その他"))
    [groups] = search(docs, "国連")
    assert pages(groups) == ["pko.html", "are.html"]


def test_every_word_of_a_query_must_be_held():
    docs = site(doc("a.html#x", "<p>海賊対処の訓練</p>"), doc("b.html#x", "<p>海賊対処</p>"))
    [groups] = search(docs, "海賊対処 訓練")
    assert pages(groups) == ["a.html"]


def test_quoting_pages_come_after_the_chapter_within_a_tier():
    """A profile (search boost 0.5) that quotes a figure row ranks below the figure,
    short as it is, unless its heading holds the word."""
    docs = site(doc("figure.html", "<p>" + "人材育成の事業。" * 40 + "地雷処理の人材育成。</p>"),
                doc("countries/khm.html#rows", "<p>地雷処理の人材育成。</p>", boost=0.5),
                doc("countries/khm.html", "", title="カンボジア", boost=0.5))
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
    docs = site(doc("a.html#x", "<p>&lt;script&gt;alert(1)&lt;/script&gt; 訓練</p>",
                    title="<code>訓練</code> &amp; &lt;b&gt;"))
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
    docs = site(doc("one.html#x", "<p>a joint exercise with the country</p>", title="One"),
                doc("many.html#x", "<p>joint Exercises with other countries</p>", title="Many"))
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
    assert [[g[0]["terms"].get(q) for g in groups] for q, groups in zip(("class", "status", "basis"), found)] == \
           [[False], [False], [False]]


def test_a_curly_apostrophe_is_an_apostrophe():
    docs = site(doc("a.html#x", "<p>the Air Chiefs’ Dialogue in Japan</p>"))
    [groups] = search(docs, "chiefs' dialogue")
    assert groups and groups[0][0]["terms"] == {"Chiefs’": True, "Dialogue": True}


def test_a_long_query_finds_the_section_holding_most_of_its_words_last():
    docs = site(doc("all.html#x", "<p>female GSDF personnel were sent to NATO</p>"),
                doc("most.html#x", "<p>female GSDF personnel were dispatched to NATO headquarters</p>"),
                doc("few.html#x", "<p>GSDF personnel in Japan</p>"))
    [groups, short] = search(docs, "female GSDF personnel sent to NATO", "personnel sent")
    assert pages(groups) == ["all.html", "most.html"]          # few.html lacks three of six words
    assert groups[1][0]["terms"]["sent"] is False               # Material strikes the missing word through
    assert pages(short) == ["all.html"]                          # two words: both or nothing
