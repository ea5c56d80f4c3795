"""The country registry, the matcher's precision and recall, and the profiles."""

import json
import re

import pytest
from conftest import CONTENT, copy_content

from builder.countries.matcher import Matcher
from builder.countries.mentions import EXCERPT_WIDTH, excerpt, words_of
from builder.countries.registry import load_registry
from builder.errors import InputError
from builder.site import build_site
from builder.text import abbr, fnref, ruby

REGISTRY = CONTENT / "data" / "countries.yaml"


@pytest.fixture(scope="module")
def registry():
    return load_registry(REGISTRY)


@pytest.fixture(scope="module")
def matcher(registry):
    return Matcher(registry)


@pytest.fixture(scope="module")
def site():
    return build_site(CONTENT)


def ids(matcher, text):
    return [m.id for m in matcher.find(text)]


@pytest.mark.parametrize(
    "text",
    [
        "中谷防衛大臣",
        "中東諸国",
        "中心に",
        "中長期的",
        "モディ首相の来日中に署名",
        "在日米軍",
        "ジョコインドネシア大統領",
    ],
)
def test_no_false_mentions(matcher, text):
    assert ids(matcher, text) == []


def test_compounds_name_every_country(matcher):
    assert ids(matcher, "日米豪共同訓練") == ["USA", "AUS"]
    assert ids(matcher, "日米韓三か国") == ["USA", "KOR"]
    assert ids(matcher, "印米海上共同訓練") == ["IND", "USA"]
    assert ids(matcher, "米・タイ共催の多国間共同訓練") == ["USA", "THA"]
    assert ids(matcher, "初の日米比親善訓練") == ["USA", "PHL"]
    assert ids(matcher, "豪州政府と豪国防省") == ["AUS", "AUS"]


def test_longest_name_wins(matcher):
    assert ids(matcher, "ASEAN地域フォーラム") == ["ARF"]
    assert ids(matcher, "拡大ASEAN国防相会議（ADMMプラス）") == ["ADMMPLUS", "ADMMPLUS"]
    assert ids(matcher, "インドネシアとインド") == ["IDN", "IND"]
    assert ids(matcher, "国連安保理と国連PKO") == ["UNSC", "UN"]


def test_markup_is_not_searched_but_acronyms_count(matcher):
    text = "中谷防衛大臣は、" + ruby("韓民求", "ハン・ミング") + "国防部長官と（" + abbr("EU", "European Union") + "）"
    found = matcher.find(text)
    assert [(m.id, m.linkable) for m in found] == [("EU", False)]


def test_registry_covers_every_country_of_the_figures(site):
    profiles = site.profiles.profiles
    visits = {cid: prof.figure_rows.get("visits", []) for cid, prof in profiles.items()}
    assert sum(len(v) for v in visits.values()) == 108
    assert len(visits["USA"]) == 22 and len(visits["AUS"]) == 9
    assert [v["date"] for v in visits["IDN"]] == ["2014-04", "2014-03", "2015-05", "2014-06"]
    projects = {
        cid: [p["no"] for p in prof.figure_rows["capacity_building"]]
        for cid, prof in profiles.items()
        if "capacity_building" in prof.figure_rows
    }
    assert projects == {
        "TLS": [1, 2, 3],
        "KHM": [4, 5, 6],
        "MNG": [7, 8, 9, 10, 11],
        "VNM": [12, 13, 14, 15, 16, 17, 18],
        "IDN": [19, 20, 21],
        "MMR": [22, 23, 24],
        "PNG": [25],
    }


def test_dedicated_items(site):
    best = {}
    for cid, p in site.profiles.profiles.items():
        if p.dedicated:
            rank = min(r for r, *_ in p.dedicated)
            best[cid] = [t for r, _, _, t in p.dedicated if r == rank]
    assert best["AUS"] == ["1\u3000日豪防衛協力・交流"]
    assert best["CHN"] == ["4\u3000日中防衛交流・協力"]
    assert best["IDN"] == ["（1）インドネシア"] and best["KHM"] == ["（6）カンボジア"]
    assert best["ARF"] == ["2\u3000ASEAN地域フォーラム（ARF）"]


def test_mentions_by_compound_and_their_surfaces(site):
    matched = site.mentions.matched
    assert set(matched["CHN"]) == {"中国", "中"}  # 中 only inside 日中
    assert set(matched["AUS"]) == {"オーストラリア", "豪州", "豪"}
    assert set(matched["USA"]) == {"米国", "アメリカ合衆国", "米"}
    assert set(matched["KOR"]) == {"韓国", "大韓民国", "韓"}
    mention_pages = {m.anchor for m in site.profiles.profiles["RUS"].mentions}
    assert "fn:1" in mention_pages  # an ARF member named in note 1


def test_text_links_to_profiles_once_per_paragraph(site):
    page = site.files["dwp2015-3-3/section-1/item-4.md"]
    paragraphs = [p for p in page.split("\n\n") if p.rstrip().endswith("}") and "{: #p-" in p]
    first = next(p for p in paragraphs if "は、わが国にとってアジア太平洋地域の重要なパートナー" in p)
    assert first.count("](../../countries/aus.md)") == 1
    assert first.startswith("[オーストラリア](../../countries/aus.md)は")
    for line in page.splitlines():
        if line.startswith("#"):
            assert "countries/" not in line  # never inside headings


def test_countries_json(site):
    data = json.loads(site.files["data/countries.json"])
    aus = next(c for c in data if c["id"] == "AUS")
    assert {"id", "name_ja", "name_en", "url", "visits", "capacity_building", "mentions"} <= set(aus)
    assert aus["url"] == "countries/aus.html" and aus["name_en"] == "Australia"
    assert {"post": "陸幕長", "date": "2014-09", "printed": "26.9"} in aus["visits"]
    assert all(re.fullmatch(r"\d{4}-\d{2}", v["date"]) for c in data for v in c["visits"])
    assert all(m["url"].startswith("dwp2015-3-3/section-") and "#" in m["url"] for m in aus["mentions"])
    vnm = next(c for c in data if c["id"] == "VNM")
    assert [p["no"] for p in vnm["capacity_building"]] == list(range(12, 19))


BRACKETS = ["（）", "「」", "()", "“”"]


@pytest.mark.parametrize("edition", ["ja", "en"])
def test_each_mention_is_a_short_excerpt_around_its_name(site, edition):
    """A profile lists mentions, not the paragraphs they are in: the words around the name (the
    name once, whole), at most EXCERPT_WIDTH full-width characters, cut where a clause or a word
    ends, never inside brackets (the cut that left 「（96（同…」)."""
    result = site if edition == "ja" else site.editions[0]
    layout = result.chapters[0].chapter.config.layout
    excerpts = [m for prof in result.profiles.profiles.values() for m in prof.mentions]
    assert len(excerpts) > 250
    for m in excerpts:
        names = [words for kind, words in m.pieces if kind == "name"]
        assert len(names) == 1 and names[0] == m.surfaces[0], m.pieces
        words = m.excerpt.strip("…")
        assert layout.width(words) <= EXCERPT_WIDTH + 1e-9, m.excerpt
        assert all(words.count(o) == words.count(c) for o, c in BRACKETS), m.excerpt
    # some were whole paragraphs, up to 90 characters of a sentence before
    longest = max(len(m.excerpt) for m in excerpts)
    assert longest <= (60 if edition == "ja" else 110), longest
    # note 1 lists the ARF's members with their years in brackets in brackets: cut between members
    rus = next(m for m in result.profiles.profiles["RUS"].mentions if m.anchor == "fn:1")
    assert re.search(r"（以上98（同10）年から）|\(since 1998\)", rus.excerpt), rus.excerpt


def test_an_excerpt_takes_in_the_brackets_around_a_name_and_more_than_a_clause(layout):
    """Hand-made: a name inside brackets gets the brackets and words around them (it was 「…UNMISS…」);
    a sentence whose first clause is short gives more than that clause (it was 「India, …」); a word
    is cut where kana give way to kanji, not inside it; a note the text references is kept, in place."""
    text = (
        "わが国は、国連南スーダン共和国ミッション（UNMISS）に司令部要員を派遣しており、"
        "現地で施設部隊による道路の補修や給水などの活動を続けている。"
    )
    pieces = excerpt(text, "UNMISS", layout)
    assert words_of(pieces) == "…国連南スーダン共和国ミッション（UNMISS）に司令部要員を派遣しており、…"
    assert ("name", "UNMISS") in pieces
    text = (
        "マレーシアとの間では、14（平成26）年5月に防衛相会談"
        + fnref(7)
        + "を行い、防衛協力の強化で一致するとともに、海洋安全保障分野での協力を進めることで合意した。"
    )
    pieces = excerpt(text, "マレーシア", layout)
    assert words_of(pieces) == "マレーシアとの間では、14（平成26）年5月に防衛相会談を行い、…"
    assert pieces[:3] == [("name", "マレーシア"), ("text", "との間では、14（平成26）年5月に防衛相会談"), ("note", "7")]
    # a clause too long to show whole is cut where kana give way to kanji (after として), not in a word
    text = "同年には、" + "国際緊急援助隊として航空自衛隊の輸送機が被災地へ物資を輸送し" * 2 + "た。"
    assert (
        words_of(excerpt(text, "航空自衛隊", layout))
        == "…国際緊急援助隊として航空自衛隊の輸送機が被災地へ物資を輸送し国際緊急援助隊として…"
    )


def test_a_profile_marks_the_name_links_each_mention_and_folds_long_lists(site):
    aus = site.files["countries/aus.md"]
    assert "<mark>オーストラリア</mark>は、わが国にとってアジア太平洋地域の重要なパートナーであり、…" in aus
    # the link to the place is apart from the words: ¶ and the paragraph's number, or the note's
    assert '<a class="hk-mention-link" href="../dwp2015-3-3/section-1/item-4.html#p-1-4-2">¶2</a>' in aus
    assert '<a class="hk-mention-link" href="../dwp2015-3-3/section-1/item-2.html#fn:1">脚注1</a>' in aus
    # a note the text references inside the excerpt is a link to it (the English: ACSA's note 9)
    en = site.editions[0].files["countries/aus.md"]
    assert '(ACSA)<sup><a class="hk-note-ref" href="../dwp2015-3-3/section-1/item-4.html#fn:9">9</a></sup>' in en
    # lists of more than FOLD_AFTER entries fold under their headings: the visits (9), the timeline's
    # events (40) and item 1-4's mentions (17); item 1-3's one mention stays open
    assert aus.count('<details class="hk-fold"') == 3
    assert [int(n) for n in re.findall(r"<summary>(\d+)件を表示</summary>", aus)] == [9, 40, 17]
    one = aus.split("### 第1節3項", 1)[1].split("###", 1)[0]
    assert "<details" not in one and one.count("<li>") == 1


def edited_registry(tmp_path, old, new):
    text = REGISTRY.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "countries.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path, needle):
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_duplicated_name(tmp_path):
    path = edited_registry(tmp_path, "names: [ブルネイ]", "names: [ブルネイ, カナダ]")
    with pytest.raises(InputError) as e:
        load_registry(path)
    assert e.value.path == path and "already a name of" in e.value.message
    assert e.value.line == line_of(path, "id: CAN")


def test_unknown_member_id(tmp_path):
    path = edited_registry(tmp_path, "ids: [USA, GBR, FRA, DEU, ITA, CAN]", "ids: [USA, GBR, XYZ]")
    with pytest.raises(InputError) as e:
        load_registry(path)
    assert "member 'XYZ' of G7" in e.value.message and e.value.line == line_of(path, "ids: [USA, GBR, XYZ]")
    assert e.value.key.endswith(".members.ids[2]")


def test_bad_id_and_region(tmp_path):
    path = edited_registry(tmp_path, "id: BRN,", "id: Brunei,")
    with pytest.raises(InputError) as e:
        load_registry(path)
    assert "ISO 3166-1 alpha-3" in e.value.message and e.value.line == line_of(path, "id: Brunei")
    path = edited_registry(tmp_path, "region: 東南アジア, names: [ブルネイ]", "region: 南極, names: [ブルネイ]")
    with pytest.raises(InputError) as e:
        load_registry(path)
    assert "region '南極'" in e.value.message


def test_malformed_registry(tmp_path):
    path = edited_registry(tmp_path, "  - {id: BRN,", "  - {id: BRN,,: [")
    with pytest.raises(InputError) as e:
        load_registry(path)
    assert "malformed YAML" in e.value.message and e.value.line is not None


def test_country_in_a_figure_the_registry_lacks(tmp_path):
    content = copy_content(tmp_path)
    reg = content / "data" / "countries.yaml"
    reg.write_text(
        reg.read_text(encoding="utf-8").replace(
            "  - {id: UGA, name_ja: ウガンダ, name_en: Uganda, region: アフリカ, names: [ウガンダ], names_en: [Uganda]}\n",
            "",
        ),
        encoding="utf-8",
    )
    variants = content / "data" / "variants.yaml"  # its other names go with it
    variants.write_text(variants.read_text(encoding="utf-8").replace("  UGA: [ウガンダ共和国]\n", ""), encoding="utf-8")
    with pytest.raises(InputError) as e:
        build_site(content)
    assert e.value.path.name.endswith(".raw.txt") and e.value.line == 110
    assert "ウガンダ" in e.value.message and "registry" in e.value.message


def units(page: str):
    """A page's Markdown cut at its headings, boxes (indented admonition text) left out."""
    out, unit = [], []
    for line in page.splitlines():
        if line.startswith("#"):
            out.append("\n".join(unit))
            unit = []
        elif not line.startswith("    "):
            unit.append(line)
    return out + ["\n".join(unit)]


def test_a_country_is_linked_once_under_each_heading(site):
    pages = {p: t for p, t in site.files.items() if "/section-" in p and "/item-" in p}
    total = 0
    for path, page in pages.items():
        for unit in units(page):
            targets = re.findall(r"\]\(\.\./\.\./countries/([a-z]+)\.md\)", unit)
            total += len(targets)
            assert len(targets) == len(set(targets)), (path, sorted(t for t in targets if targets.count(t) > 1))
    # the sub-item on Viet Nam names it ten times over three paragraphs: one link
    item4 = units(pages["dwp2015-3-3/section-1/item-4.md"])
    unit = next(u for u in item4 if u.lstrip().startswith("14（同26）年3月の日[ベトナム]"))
    paragraphs = [p for p in unit.split("{: #") if "ベトナム" in p]
    assert unit.count("countries/vnm.md") == 1 and unit.count("ベトナム") == 10 and len(paragraphs) == 3
    assert 100 < total < 140  # 167 when every paragraph linked its own first mentions


def test_a_profile_never_links_to_itself(site):
    for path, text in site.files.items():
        if re.fullmatch(r"countries/[a-z]+\.md", path):
            own = path.split("/")[1][:-3]
            assert f'href="{own}.html' not in text and f"]({own}.md" not in text, path
