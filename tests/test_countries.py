"""The country registry, the matcher's precision and recall, and the profiles."""
import json
import re

import pytest

from builder.countries.matcher import Matcher
from builder.countries.registry import load_registry
from builder.errors import InputError
from builder.site import build_site
from builder.text import abbr, ruby

from conftest import CONTENT, copy_content

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


@pytest.mark.parametrize("text", ["中谷防衛大臣", "中東諸国", "中心に", "中長期的", "モディ首相の来日中に署名",
                                  "在日米軍", "ジョコインドネシア大統領"])
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
    projects = {cid: [p["no"] for p in prof.figure_rows["capacity_building"]] for cid, prof in profiles.items()
                if "capacity_building" in prof.figure_rows}
    assert projects == {"TLS": [1, 2, 3], "KHM": [4, 5, 6], "MNG": [7, 8, 9, 10, 11],
                        "VNM": [12, 13, 14, 15, 16, 17, 18], "IDN": [19, 20, 21], "MMR": [22, 23, 24],
                        "PNG": [25]}


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
    assert set(matched["CHN"]) == {"中国", "中"}        # 中 only inside 日中
    assert set(matched["AUS"]) == {"オーストラリア", "豪州", "豪"}
    assert set(matched["USA"]) == {"米国", "アメリカ合衆国", "米"}
    assert set(matched["KOR"]) == {"韓国", "大韓民国", "韓"}
    mention_pages = {m.anchor for m in site.profiles.profiles["RUS"].mentions}
    assert "fn:1" in mention_pages        # an ARF member named in note 1


def test_text_links_to_profiles_once_per_paragraph(site):
    page = site.files["dwp2015-3-3/section-1/item-4.md"]
    paragraphs = [p for p in page.split("\n\n") if p.rstrip().endswith("}") and "{: #p-" in p]
    first = next(p for p in paragraphs if "は、わが国にとってアジア太平洋地域の重要なパートナー" in p)
    assert first.count("](../../countries/aus.md)") == 1
    assert first.startswith("[オーストラリア](../../countries/aus.md)は")
    for line in page.splitlines():
        if line.startswith("#"):
            assert "countries/" not in line      # never inside headings


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


def edited_registry(tmp_path, old, new):
    text = REGISTRY.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "countries.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path, needle):
    return next(i for i, l in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in l)


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
    reg.write_text(reg.read_text(encoding="utf-8").replace(
        "  - {id: UGA, name_ja: ウガンダ, name_en: Uganda, region: アフリカ, names: [ウガンダ], names_en: [Uganda]}\n", ""),
        encoding="utf-8")
    variants = content / "data" / "variants.yaml"       # its other names go with it
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
    assert 100 < total < 140       # 167 when every paragraph linked its own first mentions


def test_a_profile_never_links_to_itself(site):
    for path, text in site.files.items():
        if re.fullmatch(r"countries/[a-z]+\.md", path):
            own = path.split("/")[1][:-3]
            assert f'href="{own}.html' not in text and f"]({own}.md" not in text, path
