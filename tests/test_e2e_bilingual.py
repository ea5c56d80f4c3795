"""The bilingual reader in Chromium (issue 22), served and from the offline bundle: the
language switch leads to the counterpart of the paragraph in view; the small EN/JA link opens
the counterpart under its paragraph on a tap; side by side, paired paragraphs stand level;
axe finds nothing serious in either language at 1366 and 390 px."""
import pytest

from conftest import axe_violations

ITEMS = ["section-1/item-1", "section-1/item-2", "section-1/item-3", "section-1/item-4", "section-2/item-1"]
EDITIONS = {"ja": "", "en": "en/"}
OTHER = {"ja": "en", "en": "ja"}

# the paragraph at the top of the reader's view, as a reader scrolls it there: its top just under
# the header; the page gets room below it, so that the last paragraph can be scrolled up too
SCROLL_TO = """(id) => {
    document.body.style.paddingBottom = '200vh';
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    const p = document.getElementById(id);
    window.scrollBy(0, p.getBoundingClientRect().top - header - 4);
}"""

# each paragraph scrolled to the top of the view in turn, and the switch to the other edition
# clicked without leaving the page: the href it has when the browser would follow it (after the
# page's own click handlers ran), by paragraph
SWITCH_HREFS = """([ids, lang]) => {
    const scrollTo = """ + SCROLL_TO + """;
    const link = document.querySelector(`a.hk-edition[hreflang='${lang}']`);
    const out = {};
    for (const id of ids) {
        scrollTo(id);
        let href = null;
        const stop = (e) => { href = link.href; e.preventDefault(); };
        link.addEventListener('click', stop);
        link.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}));
        link.removeEventListener('click', stop);
        out[id] = href;
    }
    return out;
}"""


def paragraphs_with_counterparts(page):
    return page.eval_on_selector_all("article p[id^='p-']", """els => els.map(p => {
        const a = p.querySelector('a.hk-cp-link'); return [p.id, a ? a.href : null]; })""")


@pytest.mark.parametrize("lang", list(EDITIONS))
@pytest.mark.parametrize("item", ITEMS)
def test_switch_from_every_paragraph_leads_to_its_counterpart(page, site_url, lang, item):
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(site_url(EDITIONS[lang] + "dwp2015-3-3/" + item))
    assert page.get_attribute("html", "lang") == lang
    found = paragraphs_with_counterparts(page)
    alone = [pid for pid, href in found if href is None]
    # only the English paragraph past the Japanese text's end has no counterpart
    assert alone == (["p-2-1-6"] if (lang, item) == ("en", "section-2/item-1") else [])
    paired = [(pid, href) for pid, href in found if href]
    assert page.evaluate(SWITCH_HREFS, [[pid for pid, _ in paired], OTHER[lang]]) == dict(paired)
    # and followed for real, from the last paragraph: the counterpart is in view
    for pid, href in paired[-1:]:
        page.goto(site_url(EDITIONS[lang] + "dwp2015-3-3/" + item))
        page.evaluate(SCROLL_TO, pid)
        with page.expect_navigation():
            page.evaluate(f"document.querySelector(`a.hk-edition[hreflang='{OTHER[lang]}']`).click()")
        page.wait_for_timeout(150)
        target = href.split("#")[1]
        assert page.url.split("#")[1] == target and page.get_attribute("html", "lang") == OTHER[lang]
        assert page.evaluate(f"""() => {{ const r = document.getElementById('{target}').getBoundingClientRect();
            return r.top >= 0 && r.top < window.innerHeight / 2; }}"""), (pid, target)
    assert page.console_errors == []


def test_switch_at_the_top_of_a_page_leads_to_the_top_of_the_other(page, server):
    page.goto(f"{server}/dwp2015-3-3/section-1/item-2.html")
    href = page.evaluate(SWITCH_HREFS.replace("scrollTo(id);", ""), [["p-1-2-1"], "en"])["p-1-2-1"]
    assert href.endswith("/en/dwp2015-3-3/section-1/item-2.html")


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
    assert counterpart.get_attribute("lang") == "ja" and counterpart.inner_text().startswith("¶ 14（平成26）年10月、空自は")
    below = phone.evaluate("""() => document.getElementById('cp-p-1-2-18').getBoundingClientRect().top -
                                    document.getElementById('p-1-2-18').getBoundingClientRect().bottom""")
    assert 0 <= below < 30
    # the English joins two Japanese paragraphs: the Japanese PACS paragraph opens both parts
    phone.goto(site_url("dwp2015-3-3/section-1/item-2"))
    pacs = phone.locator("p[id^='p-']", has_text="PACSは、米国の主催により").locator("a.hk-cp-link")
    pacs.tap()
    ids = pacs.get_attribute("aria-controls").split()
    assert len(ids) == 1 and phone.locator(f"#{ids[0]}").inner_text().startswith("¶ The PACS")
    nxt = phone.locator("p[id^='p-']", has_text="空自は、89（同01）年").locator("a.hk-cp-link")
    assert nxt.get_attribute("href") == pacs.get_attribute("href")
    pacs.tap()
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
    rows = page.eval_on_selector_all(".hk-pair", """rows => rows.map(r => {
        const mine = r.firstElementChild.getBoundingClientRect(), other = r.lastElementChild.getBoundingClientRect();
        return [mine.top, mine.left, mine.bottom, other.top, other.left]; })""")
    paired = page.locator("article p[id^='p-'] a.hk-cp-link").count()
    assert len(rows) == paired
    for mine_top, mine_left, mine_bottom, other_top, other_left in rows:
        if width == 1366:       # level, beside it
            assert abs(other_top - mine_top) < 2 and other_left > mine_left + 200
        else:                   # under it
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
@pytest.mark.parametrize("kind", ["home", "item", "item side by side", "profile", "figure"])
def test_english_pages_and_the_reader_pass_axe(browser, server, kind, width):
    path = {"home": "en/index.html", "item": "en/dwp2015-3-3/section-1/item-2.html",
            "item side by side": "dwp2015-3-3/section-1/item-4.html", "profile": "en/countries/aus.html",
            "figure": "en/dwp2015-3-3/figures/fig-iii-3-1-1.html"}[kind]
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/{path}")
    if kind == "item":
        page.locator("a.hk-cp-link").first.click()         # a counterpart open under its paragraph
    if kind == "item side by side":
        page.locator(".hk-bilingual-toggle").click()
    found = axe_violations(page)
    context.close()
    assert found == []
