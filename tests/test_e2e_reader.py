"""The bilingual reader in Chromium (issue 22), its second half (the first,
test_e2e_bilingual.py, follows the language switch): the small EN/JA link opens the
counterpart under its paragraph on a tap; side by side, paired paragraphs stand level; axe
finds nothing serious in either language at 1366 and 390 px. A file of its own, so that
make test's workers share the two halves."""

import pytest
from conftest import axe_violations


def test_tap_opens_the_counterpart_under_its_paragraph(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    phone = context.new_page()
    phone.goto(site_url("en/dwp2015-3-3/section-1/item-2"))
    link = phone.locator("#p-1-2-18 a.hk-cp-link")
    counterpart = phone.locator("#cp-p-1-2-18")
    assert counterpart.is_hidden() and link.get_attribute("aria-expanded") == "false"
    url = phone.url
    link.tap()
    assert counterpart.is_visible() and link.get_attribute("aria-expanded") == "true"
    assert phone.url == url
    assert counterpart.get_attribute("lang") == "ja" and counterpart.inner_text().startswith(
        "¶ 14（平成26）年10月、空自は"
    )
    below = phone.evaluate("""() => document.getElementById('cp-p-1-2-18').getBoundingClientRect().top -
                                    document.getElementById('p-1-2-18').getBoundingClientRect().bottom""")
    assert 0 <= below < 30
    # the English cuts one Japanese paragraph in two: each English part opens the same one
    phone.goto(site_url("en/dwp2015-3-3/section-1/item-4"))
    july = phone.locator("p[id^='p-']", has_text="At the Japan-Australia Summit Meeting in July 2014")
    july = july.locator("a.hk-cp-link")
    july.tap()
    ids = july.get_attribute("aria-controls").split()
    assert len(ids) == 1 and phone.locator(f"#{ids[0]}").inner_text().startswith(
        "¶ 14（同26）年7月、安倍内閣総理大臣は"
    )
    october = phone.locator("p[id^='p-']", has_text="At the Japan-Australia Ministers Meeting in October")
    assert october.locator("a.hk-cp-link").get_attribute("href") == july.get_attribute("href")
    july.tap()
    assert phone.locator(f"#{ids[0]}").is_hidden()
    context.close()


def test_one_english_paragraph_that_is_two_shows_both_under_it(page, server):
    page.goto(f"{server}/dwp2015-3-3/section-1/item-4.html")
    link = page.locator("p[id^='p-']", has_text="14（同26）年7月、安倍内閣総理大臣は").locator("a.hk-cp-link")
    ids = link.get_attribute("aria-controls").split()
    assert len(ids) == 2
    link.click()
    texts = [page.locator(f"#{i}").inner_text() for i in ids]
    assert texts[0].startswith("¶ At the Japan-Australia Summit Meeting in July 2014")
    assert texts[1].startswith("¶ At the Japan-Australia Ministers Meeting in October")


@pytest.mark.parametrize("width", [1366, 390])
def test_side_by_side_pairs_stand_level_and_the_choice_is_kept(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url("en/dwp2015-3-3/section-1/item-4"))
    page.locator(".hk-bilingual-toggle").click()
    assert page.locator(".hk-bilingual-toggle").get_attribute("aria-pressed") == "true"
    rows = page.eval_on_selector_all(
        ".hk-pair",
        """rows => rows.map(r => {
        const mine = r.firstElementChild.getBoundingClientRect(), other = r.lastElementChild.getBoundingClientRect();
        return [mine.top, mine.left, mine.bottom, other.top, other.left]; })""",
    )
    paired = page.locator("article p[id^='p-'] a.hk-cp-link").count()
    assert len(rows) == paired
    for mine_top, mine_left, mine_bottom, other_top, other_left in rows:
        if width == 1366:  # level, beside it
            assert abs(other_top - mine_top) < 2 and other_left > mine_left + 200
        else:  # under it
            assert other_top >= mine_bottom - 1 and abs(other_left - mine_left) < 2
    # every counterpart shown, in its language
    # (side by side, the second of two English paragraphs that are one Japanese leaves its column
    # empty; one under the other, each shows it)
    shown = page.locator("p.hk-cp[lang='ja']:visible").count()
    assert shown == page.locator("p.hk-cp" + (":not([data-again])" if width == 1366 else "")).count() > paired - 10
    # the next page opens side by side too, from file:// as well as served
    page.goto(site_url("en/dwp2015-3-3/section-1/item-2"))
    assert page.locator(".hk-pair").count() > 10
    page.locator(".hk-bilingual-toggle").click()
    assert page.locator(".hk-pair").count() == 0 and page.locator("p.hk-cp:visible").count() == 0
    context.close()


@pytest.mark.parametrize("width", [1366, 390])
@pytest.mark.parametrize("kind", ["item", "item side by side", "profile"])
def test_english_pages_and_the_reader_pass_axe(browser, server, kind, width):
    path = {
        "item": "en/dwp2015-3-3/section-1/item-2.html",
        "item side by side": "dwp2015-3-3/section-1/item-4.html",
        "profile": "en/countries/aus.html",
    }[kind]
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/{path}")
    if kind == "item":
        page.locator("a.hk-cp-link").first.click()  # a counterpart open under its paragraph
    if kind == "item side by side":
        page.locator(".hk-bilingual-toggle").click()
    found = axe_violations(page)
    context.close()
    assert found == []
