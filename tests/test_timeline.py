"""Events from the real chapter, checked against its text; curated edits."""
import csv
import io
import json

import pytest
import yaml

from builder.export import dump_records
from builder.errors import InputError
from builder.site import build_site

from conftest import CONTENT, copy_content


@pytest.fixture(scope="module")
def site():
    return build_site(CONTENT)


@pytest.fixture(scope="module")
def events(site):
    return json.loads(site.files["data/timeline.json"])


def find(events, date, words):
    return [e for e in events if e["date"] == date and words in e["text"]]


def test_events_read_from_the_text(site, events):
    [e] = find(events, "2015-01-21", "外務・防衛閣僚会合")
    assert e["precision"] == "day" and "GBR" in e["countries"] and e["kind"] == "meeting"
    page, anchor = e["url"].split("#")
    assert page == "dwp2015-3-3/section-1/item-4.html"
    paragraph = site.files["dwp2015-3-3/section-1/item-4.md"].split(f"{{: #{anchor} }}")[0].rsplit("\n\n", 1)[-1]
    assert "15（同27）年1月21日に開催された外務・防衛閣僚会合" in paragraph
    [fy] = find(events, "2014", "日豪防衛協力室")
    assert fy["precision"] == "fiscal_year" and fy["countries"] == ["AUS", "USA"]
    # one sentence, two dates: signed in 2010, in force in 2013
    assert find(events, "2010-05", "日豪物品役務相互提供協定") and find(events, "2013-01", "発効した")
    [r] = find(events, "2014-10", "アラビア半島周辺")
    assert r["end"] == "2014-11" and r["kind"] == "exercise"
    # 13（同25）年5月および8月、…: both months are events, with the same clause
    may, aug = find(events, "2013-05", "クウェート"), find(events, "2013-08", "クウェート")
    assert may and aug and may[0]["countries"] == ["ARE", "BHR", "KWT", "QAT"] == aug[0]["countries"]
    [heisei1] = find(events, "1989", "第1回以来")
    assert heisei1["precision"] == "year"


def test_events_from_the_figures(events):
    visits = [e for e in events if e["kind"] == "visit" and e["source"] == "figure"]
    assert len(visits) == 108
    cb = [e for e in events if e["id"].startswith("dwp2015-3-3-capacity-building-")]
    first = next(e for e in cb if e["id"] == "dwp2015-3-3-capacity-building-1")
    assert len(cb) == 25 and (first["date"], first["end"], first["countries"]) == ("2012-12", "2013-03", ["TLS"])


def test_no_event_outside_the_chapter_or_from_furniture(site, events):
    assert all("1988" <= e["date"] and e["date"][:7] <= "2015-12" for e in events)
    ledger = site.chapters[0].ledger
    for e in site.timeline.events:
        for no in e.lines:
            assert ledger.entries[no].category in ("text", "box", "figure"), (e.id, no)


def test_ids_are_unique_and_the_exports_agree(site, events):
    ids = [e["id"] for e in events]
    assert len(ids) == len(set(ids))
    rows = list(csv.DictReader(io.StringIO(site.files["data/timeline.csv"])))
    assert [r["id"] for r in rows] == ids
    assert {"id", "date", "precision", "title", "text", "countries", "kind", "url"} <= set(events[0])


def test_curated_edits_apply(site, events):
    [e] = [x for x in events if x["id"] == "dwp2015-3-3-p-1-2-1-1"]
    assert e["title"] == "第1回拡大ASEAN国防相会議（ADMMプラス）がハノイで開催"
    assert not [x for x in events if x["id"] == "dwp2015-3-3-p-1-4-16-1"]      # hidden
    extracted = yaml.safe_load(site.files["data/timeline.extracted.yaml"])
    assert "dwp2015-3-3-p-1-4-16-1" in {e["id"] for e in extracted}


def test_the_extracted_events_read_back_as_written(site):
    """data/timeline.extracted.yaml is written without yaml.dump: it must still be YAML that loads as the events."""
    written = [e.as_dict() for e in site.timeline.events]
    hard = {"id": "x", "title": "a: b # c", "text": 'quote " \\ back\nline\u2028sep\x85nel\x7f', "countries": [],
            "end": "", "kind": "- no", "url": "yes", "source": "@&*!|>%"}
    loaded = yaml.safe_load(dump_records(written + [hard]))
    assert loaded[-1] == hard
    assert {e["id"]: e for e in loaded[:-1]} == {e["id"]: e for e in written}
    assert yaml.safe_load(dump_records([])) == []


def test_profiles_show_their_slice(site):
    page = site.files["countries/aus.md"]
    assert "## 年表から" in page and 'data-countries="AUS' in page


def edited_content(tmp_path, text):
    content = copy_content(tmp_path)
    (content / "data" / "events.yaml").write_text(text, encoding="utf-8")
    return content


def test_a_curated_entry_that_misses_fails_the_build(tmp_path):
    content = edited_content(tmp_path, "- id: dwp2015-3-3-p-9-9-9-1\n  title: x\n")
    with pytest.raises(InputError) as e:
        build_site(content)
    assert e.value.path.name == "events.yaml" and e.value.line == 1 and "points at no event" in e.value.message


def test_a_curated_event_can_be_added(tmp_path):
    content = edited_content(tmp_path, (
        "- id: added-1\n  add: true\n  date: '2015-06'\n  precision: month\n  title: 追加した出来事\n"
        "  text: 手で加えた\n  page: dwp2015-3-3/section-1/item-4.md\n  anchor: p-1-4-1\n  countries: [AUS]\n"))
    site = build_site(content)
    added = [e for e in json.loads(site.files["data/timeline.json"]) if e["id"] == "added-1"]
    assert added and added[0]["url"] == "dwp2015-3-3/section-1/item-4.html#p-1-4-1"


ADDED = "- id: added-1\n  add: true\n  date: '2015-06'\n  precision: month\n  title: t\n  text: t\n"


@pytest.mark.parametrize("where, expected", [
    ("  page: dwp2015-3-3/section-1/item-9.md\n", "is not a page of the site"),
    ("  page: dwp2015-3-3/section-1/item-4.md\n  anchor: p-1-4-999\n", "has no anchor 'p-1-4-999'"),
    ("  page: dwp2015-3-3/section-1/item-4.md\n  anchor: 'fn:99'\n", "has no anchor 'fn:99'"),
])
def test_an_added_event_must_point_at_a_real_paragraph(tmp_path, where, expected):
    """Its link is plain HTML that MkDocs does not check: the builder does, naming the entry's line."""
    content = edited_content(tmp_path, "- id: dwp2015-3-3-p-1-2-1-1\n  title: x\n\n" + ADDED + where)
    with pytest.raises(InputError) as e:
        build_site(content)
    assert e.value.path.name == "events.yaml" and e.value.line == 4 and expected in e.value.message


def test_an_added_event_may_point_at_a_footnote(tmp_path):
    content = edited_content(tmp_path, ADDED + "  page: dwp2015-3-3/section-1/item-4.md\n  anchor: 'fn:8'\n")
    assert any(e.id == "added-1" for e in build_site(content).timeline.events)
