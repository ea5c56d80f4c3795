"""A site of several chapters: the timeline and the profiles are cut into
pages of bounded size, nothing is lost or shown twice, and MkDocs accepts
every link and anchor (--strict)."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from conftest import REPO, mkdocs_build

from bench.corpus import synthetic_content
from builder.countries import profiles as profiles_mod
from builder.engines import write_docs
from builder.site import build_site
from builder.timeline import page as timeline_mod
from builder.timeline.page import split_periods


def ev(date, i=0):
    return SimpleNamespace(date=date, id=f"e{i}")


def test_years_that_fit_share_a_page():
    events = [ev("1990"), ev("1995-03"), ev("2001-01"), ev("2001-02")]
    (period,) = split_periods(events, 10)
    assert period.keys == ["1990", "1995", "2001"]
    assert period.label == "1990–2001年" and period.path == "timeline/1990--2001.md"


def test_years_are_joined_only_while_they_fit():
    events = [ev("2010-01")] * 3 + [ev("2011-01")] * 3 + [ev("2012-01")] * 2
    periods = split_periods(events, 5)
    assert [p.keys for p in periods] == [["2010"], ["2011", "2012"]]
    assert [len(p.events) for p in periods] == [3, 5]


def test_a_busy_year_is_cut_by_months_and_events_dated_by_year_alone_come_first():
    events = [ev("2013")] + [ev("2014")] + [ev("2014-01")] * 2 + [ev("2014-02")] * 3 + [ev("2014-05-03")] * 2
    periods = split_periods(events, 4)
    assert [p.keys for p in periods] == [["2013"], ["2014-00", "2014-01"], ["2014-02"], ["2014-05"]]
    assert periods[1].label == "2014年1月（月の記載なしを含む）"
    assert periods[1].path == "timeline/2014-00--01.md"
    assert periods[2].label == "2014年2月" and periods[3].path == "timeline/2014-05.md"
    # a month is never cut, even past the limit
    assert [len(p.events) for p in split_periods([ev("2014-02")] * 7, 4)] == [7]


def test_months_of_different_years_are_not_joined():
    events = [ev("2014-11")] * 3 + [ev("2014-12")] + [ev("2015-01")] + [ev("2015-02")] * 3
    periods = split_periods(events, 3)
    assert [p.keys for p in periods] == [["2014-11"], ["2014-12"], ["2015-01"], ["2015-02"]]


@pytest.fixture(scope="module")
def two_chapters(tmp_path_factory):
    """The real chapter twice, with page limits small enough to cut the timeline and the profiles."""
    root = tmp_path_factory.mktemp("scale")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(timeline_mod, "PAGE_LIMIT", 150)
        mp.setattr(profiles_mod, "PROFILE_LIMIT", 60)
        result = build_site(synthetic_content(root, 2))
    write_docs(result, root / "build", REPO)
    return result, root


def events_on(text: str) -> list[str]:
    return re.findall(r'<li class="hk-tl-event"[^>]* id="ev-([^"]+)"', text)


def test_every_event_is_on_exactly_one_timeline_page(two_chapters):
    result, _ = two_chapters
    pages = {p: t for p, t in result.files.items() if p.startswith("timeline/") and p != "timeline/index.md"}
    assert len(pages) > 2
    shown = [i for t in pages.values() for i in events_on(t)]
    expected = [e.id for e in result.timeline.events]
    assert sorted(shown) == sorted(expected) and len(set(shown)) == len(shown)
    for path, text in pages.items():
        n = len(events_on(text))
        one_month = re.fullmatch(r"timeline/\d{4}-\d{2}\.md", path)
        assert n <= 150 or one_month, (path, n)
    index = result.files["timeline/index.md"]
    for path in pages:
        assert f"]({path[len('timeline/') :]})" in index
    timeline_nav = next(e["年表"] for e in result.nav if "年表" in e)
    assert timeline_nav[0] == {"年表": "timeline/index.md"}  # the overview, titled, as the section index
    assert sorted(path for entry in timeline_nav[1:] for path in entry.values()) == sorted(pages)
    assert all(re.fullmatch(r"\d{4}(–\d{4})?年.*", label) for entry in timeline_nav[1:] for label in entry)


def test_a_large_profile_is_cut_at_chapter_edges(two_chapters):
    result, _ = two_chapters
    usa = result.profiles.profiles["USA"]
    parts = sorted(p for p in result.files if p.startswith("countries/usa/"))
    assert parts == ["countries/usa/ch001.md", "countries/usa/ch002.md"]
    profile = result.files["countries/usa.md"]
    assert "usa/ch001.md#ch001" in profile and "usa/ch002.md#ch002" in profile
    # each mention is listed once, on its own chapter's page
    mentions = [re.findall(r'<a class="hk-mention-link" href="([^"]+)"', result.files[p]) for p in parts]
    assert sum(len(m) for m in mentions) == len(usa.mentions)
    for p, links in zip(parts, mentions):
        chapter = p.rsplit("/", 1)[1][:-3]
        assert all(h.startswith(f"../../{chapter}/") for h in links)


def test_a_small_profile_keeps_everything_on_one_page(two_chapters):
    result, _ = two_chapters
    small = min(
        (p for p in result.profiles.profiles.values() if p.mentions),
        key=lambda p: len(p.mentions) + sum(len(rows) for rows in p.figure_rows.values()),
    )
    slug = small.country.slug
    assert not any(p.startswith(f"countries/{slug}/") for p in result.files)
    text = result.files[f"countries/{slug}.md"]
    assert "{ #ch001 }" in text or "{ #ch002 }" in text


def test_event_ids_are_unique_across_chapters(two_chapters):
    result, _ = two_chapters
    ids = [e.id for e in result.timeline.events]
    assert len(ids) == len(set(ids))


def test_mkdocs_accepts_every_link_and_anchor_of_the_cut_pages(two_chapters):
    _, root = two_chapters
    mkdocs_build(root / "build", root / "site")
    assert (root / "site" / "timeline" / "index.html").exists()
    assert (root / "site" / "countries" / "usa" / "ch001.html").exists()


def test_each_chapter_has_a_home_and_the_site_home_lists_them(two_chapters):
    result, _ = two_chapters
    home = result.files["index.md"]
    assert "- [第1章 安全保障協力の積極的な推進（1）](ch001/index.md)" in home
    assert "- [第2章 安全保障協力の積極的な推進（2）](ch002/index.md)" in home
    assert "この章の内容" not in home  # the outlines are on the chapters' homes
    chapter_home = result.files["ch002/index.md"]
    assert chapter_home.startswith("# 第2章\u3000安全保障協力の積極的な推進（2）\n")
    assert "## この章の内容" in chapter_home and "](section-1/index.md)" in chapter_home
    # one book, one part: the nav lists the chapters themselves, each opening on its home
    titles = [next(iter(e)) for e in result.nav]
    assert titles == [
        "ホーム",
        "第1章 安全保障協力の積極的な推進（1）",
        "第2章 安全保障協力の積極的な推進（2）",
        "国・機関",
        "年表",
    ]
    assert result.nav[2][titles[2]][0] == {titles[2]: "ch002/index.md"}


def test_the_nav_groups_chapters_by_book_and_part():
    from builder.site import grouped_nav

    books = {
        "白書A": {"第1部": [("第1章", ["a1"]), ("第2章", ["a2"])], "第2部": [("第1章", ["a3"])]},
        "白書B": {"第1部": [("第1章", ["b1"])]},
    }
    assert grouped_nav(books) == [
        {"白書A": [{"第1部": [{"第1章": ["a1"]}, {"第2章": ["a2"]}]}, {"第2部": [{"第1章": ["a3"]}]}]},
        {"白書B": [{"第1章": ["b1"]}]},
    ]
    assert grouped_nav({"白書A": books["白書A"]}) == [
        {"第1部": [{"第1章": ["a1"]}, {"第2章": ["a2"]}]},
        {"第2部": [{"第1章": ["a3"]}]},
    ]


def test_the_cut_pages_stay_out_of_the_search_index(two_chapters):
    """Their items quote the chapter and are excluded anyway; Material then skips parsing them."""
    result, _ = two_chapters
    excluded = {p for p, t in result.files.items() if t.startswith("---\nsearch:\n  exclude: true\n")}
    periods = {p for p in result.files if p.startswith("timeline/") and p != "timeline/index.md"}
    parts = {p for p in result.files if p.startswith("countries/usa/")}
    assert periods | parts <= excluded
    assert not {"timeline/index.md", "countries/usa.md", "ch001/section-1/item-4.md"} & excluded


def nav_titles(nav) -> list[str]:
    """Every title of the nav, at every depth; an entry without a title shows as ''."""
    out = []
    for entry in nav:
        if isinstance(entry, dict):
            for title, sub in entry.items():
                out.append(title)
                if isinstance(sub, list):
                    out += nav_titles(sub)
        else:
            out.append("")  # a bare path: MkDocs would show its file or folder name
    return out


@pytest.mark.parametrize("chapters", [1, 2])
def test_no_nav_entry_is_a_slug_or_a_folder_name(chapters, two_chapters, tmp_path):
    """However the site is built (one chapter, or several with a cut timeline), every
    entry has a title a reader can read: Japanese, never a path's segment."""
    result = two_chapters[0] if chapters == 2 else build_site(synthetic_content(tmp_path, 1))
    titles = nav_titles(result.nav)
    assert len(titles) > 10
    segments = {s.removesuffix(".md") for p in result.files for s in p.split("/")}
    # a profile's entry is its country's name, in Latin letters for some (G7, NATO): the registry's
    names = {c.name for c in result.profiles.registry.entries.values()}
    for title in titles:
        assert title and (title in names or (title not in segments and re.search(r"[^\x00-\x7f]", title))), repr(title)
    assert names <= set(titles)  # every profile is in the nav (under 国・機関)
