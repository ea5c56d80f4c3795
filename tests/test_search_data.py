"""The search worker's data (builder/search_data.py, written by builder/search_hook.py after each
build) and the words it finds by other names (builder/search_words.py, content/data/variants.yaml):
on small hand-made inputs, and on the real site (its data, its index cut to its settings)."""

import json
import shutil
import subprocess
from types import SimpleNamespace

import pytest
from conftest import CONTENT, REPO

from builder import search_data, search_hook
from builder.countries.registry import load_registry
from builder.errors import InputError
from builder.search_words import Variants, groups, load_variants, unused_group

WORKER = REPO / "overrides" / "assets" / "javascripts" / "search-worker.js"
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node not found (make test needs Node)")


def node(script: str, data) -> object:
    run = subprocess.run(
        [NODE, "-e", script, str(WORKER)], input=json.dumps(data), capture_output=True, text=True, check=True
    )
    return json.loads(run.stdout)


FOLD = """const w = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
console.log(JSON.stringify({folded: input.texts.map(w.foldText), slow: input.texts.map(t => w.fold(t).text),
                            postings: input.encoded.map(w.postings)}));"""


@needs_node
def test_the_builder_folds_and_encodes_as_the_worker_reads(built):
    """The candidate index is the builder's: a pair of characters it folds otherwise than the worker
    would lose a section. Every text of the real site's data, and the hard cases, fold the same
    in Python and in the worker (both its folds); the posting lists decode to what was encoded."""
    data = json.loads((built["site"] / "search" / "hakusho_search.json").read_text(encoding="utf-8"))
    texts = [t for row in data["docs"] for t in row[1:3]] + [
        "ＡＲＦ「2＋2」・ﾊﾟｼﾌｨｯｸ　Ⅲ部 ㈱ Chiefs’ \U0001f600 İstanbul ΣΑΣ ｶﾞ"
    ]
    lists = [[0], [3, 31, 32, 33, 1024, 1025, 40000], list(range(0, 3000, 7))]
    out = node(FOLD, {"texts": texts, "encoded": [search_data.encode(n) for n in lists]})
    assert out["folded"] == out["slow"] == [search_data.fold(t) for t in texts]
    assert out["postings"] == lists == [search_data.decode(search_data.encode(n)) for n in lists]


def test_the_text_of_a_section_and_where_its_first_paragraph_ends():
    html = '<p>能力構築支援<sup id="fnref:7">7</sup>は &amp; 重要</p> <p>次の段落</p>'
    assert search_data.plain(html) == "能力構築支援は & 重要 次の段落"
    assert search_data.lead(html) == len("能力構築支援は & 重要")
    assert search_data.lead("<ul><li>地雷処理</li></ul><p>本文</p>") == 0  # a bullet is no first paragraph


def built_site(tmp_path, offline: bool):
    site = tmp_path / ("offline" if offline else "site")
    (site / "search").mkdir(parents=True)
    index = {
        "config": {"lang": ["ja"]},
        "docs": [
            {"location": "a.html", "title": "項目", "text": ""},
            {"location": "a.html#s1", "title": "（1）海賊対処", "text": "<p>海賊行為の発生状況</p>", "boost": 0.5},
            {"location": "a.html#s2", "title": "（2）その他", "text": "<p>協力</p>"},
        ],
    }
    (site / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    if offline:
        (site / "search" / "search_index.js").write_text("var __index = " + json.dumps(index), encoding="utf-8")
    return site


def test_the_hook_writes_the_data_and_cuts_the_index_to_its_settings(tmp_path):
    """After a build: the other edition's paragraphs under each heading (under the nearest heading
    the index has), the builder's words, and the index Material fetches with every page cut to its
    settings; the offline build's data is a script, for a worker opened from file://."""
    page = SimpleNamespace(url="a.html")
    html = (
        '<h1 id="top">項目</h1><h2 id="s1">（1）海賊対処</h2><p>海賊行為</p>'
        '<p class="hk-cp" hidden lang="en"><a href="x">¶</a> Piracy is a grave threat.</p>'
        '<h3 id="not-indexed">細目</h3><p class="hk-cp" hidden lang="en"><a href="y">¶</a> More piracy.</p>'
    )
    words = {
        "groups": [[["海自", "海上自衛隊"], []]],
        "kana": [["ー", ""]],
        "headings": {"a.html#s1": "Piracy"},
        "lang": "ja",
        "other_lang": "en",
        "words": {"variant": "{found}", "other": "EN"},
    }
    for offline in (False, True):
        site = built_site(tmp_path, offline)
        search_hook.on_pre_build({})
        search_hook.on_page_content(html, page=page, config={}, files=None)
        search_hook.on_post_build({"site_dir": str(site), "extra": {"hakusho_search": words}})
        stub = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert stub == {"config": {"lang": ["ja"]}, "docs": []}
        if offline:
            script = (site / "search" / "hakusho_search.js").read_text(encoding="utf-8")
            assert script.startswith("self.HK_SEARCH = {") and not (site / "search" / "hakusho_search.json").exists()
            assert (site / "search" / "search_index.js").read_text(encoding="utf-8") == "var __index = " + json.dumps(
                stub, ensure_ascii=False
            )
            data = json.loads(script.removeprefix("self.HK_SEARCH = ").rstrip(";\n"))
        else:
            data = json.loads((site / "search" / "hakusho_search.json").read_text(encoding="utf-8"))
        rows = {row[0]: row for row in data["docs"]}
        assert rows["a.html#s1"] == [
            "a.html#s1",
            "（1）海賊対処",
            "海賊行為の発生状況",
            len("海賊行為の発生状況"),
            0.5,
            "Piracy is a grave threat. More piracy.",
            "Piracy",
        ]
        assert rows["a.html#s2"] == ["a.html#s2", "（2）その他", "協力", 2]
        assert data["groups"] == words["groups"] and data["words"] == words["words"]
        assert search_data.decode(data["grams"]["海賊"]) == [1] and search_data.decode(data["grams"]["pi"]) == [1]


def test_the_registry_s_names_in_both_languages_and_its_compounds_are_groups():
    registry = load_registry(CONTENT / "data" / "countries.yaml")
    variants = load_variants(CONTENT / "data" / "variants.yaml", registry)
    found = groups(
        registry,
        variants,
        {"ACSA": ("物品役務相互提供協定", ["Acquisition and Cross-Servicing Agreement"])},
        ["日米豪の協力関係と日豪防衛相会談。来日中の要人。"],
    )
    aus = next(g for g in found if "オーストラリア" in g[0])
    assert aus == [["オーストラリア", "豪州", "Australia", "オーストラリア連邦"], ["日米豪", "日豪"]]
    gbr = next(g for g in found if "英国" in g[0])
    assert "イギリス" in gbr[0] and "United Kingdom" in gbr[0] and gbr[1] == []
    assert ["ACSA", "物品役務相互提供協定", "Acquisition and Cross-Servicing Agreement"] in [g[0] for g in found]
    assert any(g[0][:2] == ["海自", "海上自衛隊"] for g in found)


def test_a_group_the_text_never_writes_and_an_unknown_country_are_refused_with_their_line(tmp_path):
    registry = load_registry(CONTENT / "data" / "countries.yaml")
    path = tmp_path / "variants.yaml"
    path.write_text(
        "kana: []\ncountries:\n  XYZ: [ジパング]\ngroups:\n  - {words: [海自, 海上自衛隊], note: n}\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as e:
        load_variants(path, registry)
    assert e.value.line == 3 and "XYZ" in str(e.value)
    path.write_text(
        "kana: []\ngroups:\n  - {words: [海自, 海上自衛隊], note: n}\n  - {words: [核融合炉, 核融合], note: n}\n",
        encoding="utf-8",
    )
    variants = load_variants(path, registry)
    assert isinstance(variants, Variants)
    unused = unused_group(variants, ["海自が主催した。"])
    assert unused.words == ["核融合炉", "核融合"] and unused.line == 4


def test_the_real_site_searches_its_own_data(built):
    """The real site: the index Material fetches with every page is its settings alone; the data
    holds the other edition's text and headings at each place, and the words of content/data."""
    for root, other in ((built["site"], "Counter-Piracy Operations"), (built["site"] / "en", "海賊対処への取組")):
        assert (root / "search" / "search_index.json").stat().st_size < 1000
        data = json.loads((root / "search" / "hakusho_search.json").read_text(encoding="utf-8"))
        assert any(len(row) > 6 and other in row[6] for row in data["docs"])
        assert any("capacity building" in g[0] for g in data["groups"])
    assert (built["offline"] / "search" / "hakusho_search.js").exists()
