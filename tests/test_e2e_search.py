"""Search as a reader uses it, served and from the offline bundle, in headless Chromium:
the Japanese query set of issues 12 and 24, the English one of issue 22, a result followed to its
page (where the words are), results checked by axe, and a result's offer of the same place in
the other edition."""

from urllib.parse import quote, unquote

import pytest
import yaml
from conftest import REPO, axe_violations, search

# Japanese queries with the pages that should come first (issue 12; issue 24 grew it by the kinds a
# reader types that the text does not write, in parts: `tune`, worked on; `held-out`, kept aside)
QUERY_SET = yaml.safe_load((REPO / "tests" / "search_queries.yaml").read_text(encoding="utf-8"))
ISSUE_12 = {"compound", "katakana", "acronym", "mixed", "single", "none", "typo"}


@pytest.mark.parametrize("site_url", ["http"], indirect=True)
def test_japanese_search(page, site_url, request):
    """The query set, served (bench/search.py runs it from the bundle too: the same pages for every
    query), held to issue 12's bar for its kinds (a compound's first result holds the whole phrase,
    any other has a right page in the top 5, a phrase found nowhere gives nothing) and to issue 24's
    for the tune part of its kinds (the first result right for 90 %); the held-out part is reported.
    The search's data is fetched when the search box is first focused, not with the page."""
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(site_url("dwp2015-3-3/figures"))  # a small page: the search data is the same
    page.wait_for_load_state("networkidle")
    assert not [u for u in fetched if "hakusho_search" in u]
    rows = {"compound": [], "other": [], "none": []}
    parts, table = {}, []
    for q in QUERY_SET:
        found = search(page, q["q"])
        wanted = {
            site_url(a if a.startswith("countries/") else f"dwp2015-3-3/{a.removeprefix('dwp2015-3-3/')}")
            for a in q["about"]
        }
        part = q.get("part", "held-out")  # the lead adds the held-out half as its reader wrote it
        first = found == [] if q["kind"] == "none" else bool(found) and found[0] in wanted
        if q["kind"] in ISSUE_12:
            group = q["kind"] if q["kind"] in rows else "other"
            rows[group].append(first if group != "other" else any(f in wanted for f in found[:5]))
        else:
            parts.setdefault(part, []).append(first)
        table.append(
            f"{'hit ' if first else 'MISS'} {part:8} {q['kind']:12} {q['q']} -> "
            f"{', '.join(f.rsplit('/', 2)[-1] for f in found[:3])}"
        )
    assert [u for u in fetched if u.endswith("search/hakusho_search.json")], "the search data was never fetched"
    summary = {part: f"{sum(v)}/{len(v)}" for part, v in parts.items()}
    report = REPO / "build" / f"search-{request.node.callspec.id}.txt"
    report.parent.mkdir(exist_ok=True)
    report.write_text("\n".join(table) + f"\nP@1 of issue 24's kinds: {summary}\n", encoding="utf-8")
    print(f"\nJapanese search, P@1 of issue 24's kinds: {summary}")
    assert sum(rows["compound"]) >= 0.95 * len(rows["compound"]), "\n".join(table)
    assert sum(rows["other"]) >= 0.95 * len(rows["other"]), "\n".join(table)
    assert all(rows["none"]), "\n".join(table)
    assert sum(parts["tune"]) >= 0.9 * len(parts["tune"]), "\n".join(table)


def first_mark(page) -> dict:
    """The first word marked on the page after the section the URL names: its text, whether the
    reader sees it (in the viewport, not hidden)."""
    return page.evaluate("""() => {
        const from = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
        const m = [...document.querySelectorAll('article mark[data-hk-highlight]')].find(m =>
            !m.closest('[hidden]') && (!from || from.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING));
        if (!m) return {};
        const r = m.getBoundingClientRect();
        return {text: m.textContent, seen: r.top >= 0 && r.bottom <= innerHeight};
    }""")


def test_a_search_result_opens_its_section_with_the_phrase_marked_whole(page, site_url):
    """The result links to the section's anchor; the page marks the phrase as one,
    across the <abbr> the builder writes (DiREx) and without the ruby readings (深圳); every link
    of a result, the title line and Enter's included, opens the page at the first word marked."""
    page.goto(site_url("dwp2015-3-3/figures"))
    search(page, "ARF-DiREx")
    first = page.locator(".md-search-result__item").first
    assert "ARF-DiREx" in first.locator("mark").all_inner_texts()  # the snippet marks the phrase
    page.keyboard.press("ArrowDown")  # by keyboard, as before: the page, then its best section
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/item-2.html?h=*#*")
    marked = page.evaluate("""() => [...document.querySelectorAll('article mark[data-hk-highlight]')]
        .map(m => (m.closest('abbr') ? 'abbr:' : '') + m.textContent).join('|')""")
    assert "ARF-|abbr:DiREx" in marked  # one phrase, marked in both its nodes
    assert first_mark(page)["seen"]
    search(page, "深圳")
    page.locator(".md-search-result__item a.md-search-result__link").nth(1).click()
    page.wait_for_load_state()
    assert (
        page.evaluate("""() => [...document.querySelectorAll('article mark[data-hk-highlight]')]
        .map(m => m.textContent).join('')""")
        == "深圳"
    )
    # a typo: the near phrase, with the word as typed listed as not found exactly
    search(page, "シャングリア会合")
    first = page.locator(".md-search-result__item").first
    assert first.locator("mark").first.inner_text() == "シャングリラ会合"
    assert first.locator(".md-search-result__terms del").first.inner_text() == "シャングリア会合"
    if site_url("").startswith("http"):
        return  # what follows is the same served: from the bundle alone (the test-time budget)
    # another name: the result says which word it found; the title line of item 1-4 (the second
    # result, after the profile of 英国) opens the page where the first of them is, in view
    search(page, "イギリス")
    second = page.locator(".md-search-result__item").nth(1)
    assert "「英国、日英」で一致（「イギリス」の別の表記）" in second.locator(".hk-search-found").first.inner_text()
    second.locator("a.md-search-result__link").first.click()
    page.wait_for_url("**/item-4.html?h=*")
    assert first_mark(page) == {"text": "日英", "seen": True}
    # a word only the English edition writes: Enter opens the section, the English paragraph shown
    search(page, "Malabar")
    assert (
        page.locator(".md-search-result__item").first.locator(".hk-search-found").inner_text() == "英語版の本文で一致"
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**/item-4.html?h=Malabar#*")
    assert first_mark(page) == {"text": "Malabar", "seen": True}
    assert page.locator("p.hk-cp:not([hidden]) mark[data-hk-highlight]").count() == 1


@pytest.mark.parametrize("site_url", ["http"], indirect=True)
def test_search_results_pass_axe_in_both_palettes_on_a_desktop_and_a_phone(browser, site_url):
    """With results open (words found by another name, a word missing, words marked), at 1366 and
    390 px: axe finds no serious or critical problem, in the light palette and the dark one."""
    found = {}
    for width, height, phone in ((1366, 768, False), (390, 844, True)):
        context = browser.new_context(viewport={"width": width, "height": height}, has_touch=phone, is_mobile=phone)
        page = context.new_page()
        page.goto(site_url("dwp2015-3-3/figures"))
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
        if phone:  # the header's search button opens the box
            page.locator("label.md-header__button[for=__search]").click()
        search(page, "海上自衛隊 潜水艦救難訓練 シャングリア")
        assert page.locator(".hk-search-found").count() and page.locator(".md-search-result__terms del").count()
        for scheme in ("default", "slate"):
            page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
            found[f"{width} {scheme}"] = axe_violations(page, colours_only=scheme == "slate")
        context.close()
    assert found == {"1366 default": [], "1366 slate": [], "390 default": [], "390 slate": []}


# English queries written by helpers from the raw text alone (tests/search_queries.en.yaml):
# `tune` is the part the search was worked on against, `held-out` the part kept aside (seen
# once before the work and once after), `unseen-2` a second set written after the work;
# the figures of the last two are reported, not held to a bar
QUERY_SET_EN = yaml.safe_load((REPO / "tests" / "search_queries.en.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("site_url", ["http"], indirect=True)
def test_english_search(page, site_url, request):
    """Served only: the worker and the index are those of the bundle, and the Japanese set runs
    both ways (bench/search.py compares the two: the same pages for every English query)."""
    page.goto(site_url("en/dwp2015-3-3/figures"))
    hits, table = {}, []
    for q in QUERY_SET_EN:
        found = search(page, q["q"])
        wanted = {site_url("en/" + a) for a in q["about"]}
        ok = found == [] if q["kind"] == "none" else bool(found) and found[0] in wanted
        hits.setdefault(q["part"], []).append(ok)
        table.append(
            f"{'hit ' if ok else 'MISS'} {q['part']:8} {q['kind']:8} {q['q']} -> "
            f"{', '.join(f.rsplit('/', 2)[-1] for f in found[:3])}"
        )
    summary = {part: f"{sum(rows)}/{len(rows)}" for part, rows in hits.items()}
    report = REPO / "build" / f"search-en-{request.node.callspec.id}.txt"
    report.parent.mkdir(exist_ok=True)
    report.write_text("\n".join(table) + f"\nP@1: {summary}\n", encoding="utf-8")
    print(f"\nEnglish search, P@1: {summary}")
    assert sum(hits["tune"]) >= 0.9 * len(hits["tune"]), "\n".join(table)
    # a phrase found nowhere gives nothing, in either part
    nones = [line for q, line in zip(QUERY_SET_EN, table) if q["kind"] == "none"]
    assert all(line.startswith("hit") for line in nones), "\n".join(nones)


def test_a_result_offers_the_same_place_in_the_other_edition(page, site_url):
    """An English result links to the Japanese page and heading it is (and the other way round),
    beside the result, served and from file://."""
    page.goto(site_url("en/dwp2015-3-3/figures"))
    search(page, "Tokyo Defense Forum")
    page.wait_for_selector(".md-search-result__item > a.hk-search-other")
    first = page.locator(".md-search-result__item").first
    assert (
        first.locator("> a.md-search-result__link")
        .first.get_attribute("href")
        .split("?")[0]
        .endswith("en/dwp2015-3-3/section-1/item-2.html")
    )
    offer = first.locator("> a.hk-search-other")
    assert offer.get_attribute("hreflang") == "ja" and offer.inner_text() == "JA"
    # the best section's counterpart: (2) Tokyo Defense Forum etc. is （2）東京ディフェンス・フォーラムなど
    assert offer.get_attribute("href") == site_url("dwp2015-3-3/section-1/item-2") + "#" + quote(
        "2東京ディフェンスフォーラムなど"
    )
    offer.click()
    page.wait_for_load_state()
    assert page.get_attribute("html", "lang") == "ja"
    assert unquote(page.url).endswith("dwp2015-3-3/section-1/item-2.html#2東京ディフェンスフォーラムなど")
    search(page, "東京ディフェンス・フォーラム")
    page.wait_for_selector(".md-search-result__item > a.hk-search-other")
    assert (
        page.locator(".md-search-result__item > a.hk-search-other").first.get_attribute("href")
        == site_url("en/dwp2015-3-3/section-1/item-2") + "#2-tokyo-defense-forum-etc"
    )
