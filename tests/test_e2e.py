"""What a reader gets: the built site served on localhost (and the offline
bundle from file://), driven in headless Chromium."""

import re

import pytest
from conftest import attributes, axe_violations, page_file, palettes_pass_axe

PAGE_TYPES = {
    "home": "",
    "item": "dwp2015-3-3/section-1/item-2",
    "profile": "countries/aus",
    "index": "countries",
    "timeline": "timeline",
    "glossary": "dwp2015-3-3/glossary",
    "figure": "dwp2015-3-3/figures/fig-iii-3-1-2",
    "figure index": "dwp2015-3-3/figures",
    "section": "dwp2015-3-3/section-1",
}


# from the bundle only: the served site has the same pages and links (test_site checks
# every link of it), and a walk through every page is the suite's slowest test
@pytest.mark.parametrize("site_url", ["file"], indirect=True)
def test_every_chapter_page_in_order_by_next_links(page, site_url):
    page.goto(site_url(""))
    seen, errors = [], {}
    while True:
        path = page.url.split("#")[0]
        seen.append(path)
        if page.console_errors:
            errors[path] = list(page.console_errors)
            page.console_errors.clear()
        nxt = page.locator("a.md-footer__link--next")
        # the chapter ends at the country index: its profiles follow it in the nav, then the timeline
        if nxt.count() == 0 or path.endswith("countries/index.html"):
            break
        nxt.first.click()
        page.wait_for_load_state()
        assert len(seen) < 40
    chapter = [s for s in seen if "/section-" in s]
    order = [s.split("dwp2015-3-3/")[1] for s in chapter]
    assert order == [
        "section-1/index.html",
        "section-1/item-1.html",
        "section-1/item-2.html",
        "section-1/item-3.html",
        "section-1/item-4.html",
        "section-2/index.html",
        "section-2/item-1.html",
    ]
    assert errors == {}


def test_footnote_tooltip_and_jump(page, server):
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(f"{server}/dwp2015-3-3/section-1/item-4.html")
    ref = page.locator("a.footnote-ref").first
    assert ref.inner_text() == "8"
    ref.hover()
    tip = page.locator(".md-tooltip2--active")
    tip.wait_for(timeout=5000)
    assert "普遍的価値：国家安全保障戦略" in tip.inner_text()
    # Material's tooltip is a dialog: it is named after its note (axe: aria-dialog-name), and
    # with it open the page passes axe in both palettes
    assert tip.get_attribute("aria-label") == "注8"
    # (the tooltip and its paragraph: the page as it loads is checked by test_accessibility)
    assert palettes_pass_axe(page, within=[".md-tooltip2--active", "#p-1-4-2"]) == {"default": [], "slate": []}
    ref.click()
    assert page.evaluate("location.hash") == "#fn:8"
    assert page.locator("li[id='fn:8']").is_visible()


def test_acronym_carries_its_english_name(page, site_url):
    page.goto(site_url("dwp2015-3-3/section-1/item-2"))
    arf = page.locator("abbr", has_text="ARF").first
    assert arf.get_attribute("title") == "ASEAN Regional Forum"


def in_viewport(page, selector):
    return page.evaluate(f"""() => {{ const r = document.querySelector("{selector}").getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight; }}""")


def test_country_mention_to_profile_and_back_to_the_paragraph(page, server):
    page.goto(f"{server}/dwp2015-3-3/section-1/item-4.html")
    page.locator("a[href$='countries/aus.html']").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/countries/aus.html")
    # item 1-4's 17 mentions are folded under their heading: opened, a mention's link to its paragraph
    page.locator("details.hk-fold", has=page.locator("a[href*='item-4.html#p-1-4-']")).last.locator("summary").click()
    link = page.locator("a.hk-mention-link[href*='item-4.html#p-1-4-']").nth(2)
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_load_state()
    page.wait_for_timeout(300)
    assert page.url.endswith(f"/item-4.html#{anchor}")
    assert in_viewport(page, f"[id='{anchor}']")
    # the paragraph the link lands on is marked for the eye
    marked = page.evaluate(f"getComputedStyle(document.getElementById('{anchor}')).boxShadow")
    assert marked != "none"


def test_timeline_filters_by_mouse_and_keyboard(page, server):
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(f"{server}/timeline.html")
    total = page.locator(".hk-tl-event").count()
    page.select_option("#hk-tl-kind", "agreement")
    kinds = attributes(page, ".hk-tl-event:not([hidden])", "data-kind")
    assert 0 < len(kinds) < total
    assert set(kinds) == {"agreement"}
    assert page.url.endswith("#kind=agreement")  # the view is in the URL
    page.select_option("#hk-tl-kind", "")
    page.focus("#hk-tl-country")
    page.keyboard.press("ArrowDown")  # the first country, by keyboard alone
    chosen = page.eval_on_selector("#hk-tl-country", "s => s.value")
    assert chosen
    assert all(chosen in c.split() for c in attributes(page, ".hk-tl-event:not([hidden])", "data-countries"))
    # the chart: a row a year, each a link to that year's events on the page
    years = page.locator(".hk-bars li a")
    assert years.count() >= 10
    target = years.nth(years.count() - 1).get_attribute("href")
    assert target.startswith("#y") and page.locator(f"[id='{target[1:]}']").count() == 1
    # a shared view: country, kind and years combined, read back from the URL; the chart counts what it shows
    page.goto(f"{server}/timeline.html#country=AUS&kind=meeting&from=2014&to=2014")
    page.reload()
    rows = list(
        zip(*(attributes(page, ".hk-tl-event:not([hidden])", a) for a in ("data-countries", "data-kind", "data-year")))
    )
    assert rows and all("AUS" in c.split() and k == "meeting" and y == "2014" for c, k, y in rows)
    assert page.locator("#hk-tl-count").inner_text() == f"{len(rows)}件"
    assert page.locator(".hk-bars-years li[data-year='2014'] .hk-bar-n").inner_text().startswith(str(len(rows)))
    assert page.locator(".hk-bars-years li[data-year='2013']").get_attribute("class") == "hk-empty"
    # the summary is on the page, not in a tooltip
    assert page.locator(".hk-tl-event:not([hidden]) .hk-tl-summary").first.is_visible()
    # a filtered view (emptied years in the chart) is as legible as the whole one, in both palettes
    # (in the dark one, the article: the filters, the chart and the list are what filtering changes)
    assert palettes_pass_axe(page, dark_within=["article"]) == {"default": [], "slate": []}


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_accessibility(page, server, built, kind):
    """axe-core on every page type, in the light palette and then the dark one (slate), one page load for both."""
    page.goto(f"{server}/{page_file(built['site'], PAGE_TYPES[kind])}")
    assert page.get_attribute("html", "lang") == "ja"
    assert palettes_pass_axe(page) == {"default": [], "slate": []}


@pytest.fixture
def phone(browser):
    """A 390 × 844 touch screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


# the narrowest column of the page's tables, in characters of its own text (a full-width one is 1 em)
NARROWEST_COLUMN = """() => Math.min(...[...document.querySelectorAll('article table th, article table td')]
    .map(c => parseFloat(getComputedStyle(c).width) / parseFloat(getComputedStyle(c).fontSize)))"""


@pytest.mark.parametrize("kind", ["item", "index", "figure", "projects"])
def test_phone_pages_pass_axe(phone, server, built, kind):
    path = {**PAGE_TYPES, "projects": "dwp2015-3-3/figures/fig-iii-3-1-6"}[kind]
    phone.goto(f"{server}/{page_file(built['site'], path)}")
    assert axe_violations(phone) == []
    # and, on the same page, what a phone reader gets (issue 24)
    if kind == "item":
        where_am_i_and_abbreviations(phone)
    if kind == "index":
        a_wide_table_shows_it_scrolls(phone)
    if kind == "figure":  # Fig. III-3-1-2: its columns were two characters wide (「交/流」)
        assert phone.evaluate(NARROWEST_COLUMN) >= 4


def where_am_i_and_abbreviations(phone):
    """Item 1-2: the trail says 節 › 項 above the title; the header, the page's title (not the site's
    name cut short); an abbreviation's expansion shows on a tap, and goes on a second."""
    assert phone.locator("nav.hk-trail li").all_inner_texts() == [
        "ホーム",
        "第1節\u3000各国等との防衛協力・交流",
        "2\u3000多国間安全保障枠組み・対話における取組",
    ]
    assert phone.locator("nav.hk-trail a").evaluate_all("as => as.map(a => a.getAttribute('href'))") == [
        "../../index.html",
        "index.html",
    ]
    title = phone.locator(".md-header__topic + .md-header__topic")
    assert title.evaluate("t => getComputedStyle(t).opacity") == "1"
    assert title.inner_text() == "2\u3000多国間安全保障枠組み・対話における取組"
    assert title.locator(".md-ellipsis").evaluate("e => e.scrollHeight <= e.clientHeight + 1")  # whole
    arf = phone.locator("article abbr[title='ASEAN Regional Forum']").first
    arf.scroll_into_view_if_needed()
    arf.tap()
    shown = phone.locator(".hk-abbr-open")
    assert shown.inner_text() == "ASEAN Regional Forum" and shown.get_attribute("lang") == "en"
    assert phone.evaluate("""() => { const r = document.querySelector('.hk-abbr-open').getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; }""")
    # the words moved: the link now under the finger is hovered, and a link hovered or focused keeps
    # its contrast (Material's colour for both, its accent, is 4.25:1)
    phone.locator("#p-1-2-1 a[href$='arf.html']").focus()
    phone.wait_for_timeout(200)  # Material's colour transition
    assert axe_violations(phone, colours_only=True) == []
    arf.tap()
    assert shown.count() == 0


def a_wide_table_shows_it_scrolls(phone):
    """The country index's tables are wider than a phone: a fade at the right edge says there is
    more; scrolled, the first column (the names) stays in view, with a shadow at its edge."""
    frame = phone.locator(".hk-scroll").first
    scroller = frame.locator(".md-typeset__scrollwrap")
    assert scroller.evaluate("w => w.scrollWidth > w.clientWidth + 20")
    assert (scroller.get_attribute("role"), scroller.get_attribute("tabindex")) == ("region", "0")
    fade = "f => getComputedStyle(f, '::after').opacity"
    assert frame.get_attribute("data-more") == "right" and frame.evaluate(fade) == "1"
    scroller.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    phone.wait_for_timeout(300)  # the fade's transition
    assert frame.get_attribute("data-more") == "left" and frame.evaluate(fade) == "0"
    first = frame.locator("tbody tr").first.locator("td").first
    assert first.inner_text() == "インドネシア"
    assert abs(first.bounding_box()["x"] - scroller.bounding_box()["x"]) < 1
    assert first.evaluate("c => getComputedStyle(c).boxShadow") != "none"


def test_phone_tables_keep_four_characters_a_column_in_labelled_regions(phone, server):
    """Figs. III-3-1-3 and 3-1-6 and the glossary (3-1-2 and the country index: above): no column
    narrower than four characters; each table in a region named after its heading; dates whole."""
    narrowest = {}
    for path in ("figures/fig-iii-3-1-6", "figures/fig-iii-3-1-3", "glossary"):
        phone.goto(f"{server}/dwp2015-3-3/{path}.html")
        narrowest[path] = round(phone.evaluate(NARROWEST_COLUMN), 2)
        if path.endswith("3-1-6"):
            for w in phone.locator(".md-typeset__scrollwrap").all():
                assert (w.get_attribute("tabindex"), w.get_attribute("role")) == ("0", "region")
                assert w.get_attribute("aria-label").startswith("表：図表Ⅲ-3-1-6")
            # a period such as 2012年12月～2013年3月 breaks at ～ if anywhere, never inside a date
            heights = phone.eval_on_selector_all(
                ".md-typeset td time, .md-typeset td .hk-date", "els => els.map(e => e.getClientRects().length)"
            )
            assert heights and max(heights) == 1
    assert min(narrowest.values()) >= 4, narrowest


def test_phone_profile_lists_short_marked_mentions_folded_by_section(phone, server):
    """オーストラリア on a phone: headings first, each long list folded (14,895 px tall before);
    each mention a short excerpt, the name marked, then its link (¶N, or 脚注N for a note); the
    trail and the nav lead back to 国・機関; axe finds nothing with the lists open."""
    phone.goto(f"{server}/countries/aus.html")
    assert phone.locator("nav.hk-trail li").all_inner_texts() == ["ホーム", "国・機関", "オーストラリア"]
    assert phone.locator("nav.hk-trail a").nth(1).get_attribute("href") == "index.html"
    nav = phone.locator(".md-nav--primary")
    assert nav.locator("a[href='index.html']", has_text="国・機関").count() == 1
    assert nav.locator("a.md-nav__link--active[href='aus.html']").count() == 1
    height = phone.evaluate("document.documentElement.scrollHeight")
    folds = phone.locator("details.hk-fold")
    assert height < 3000 and folds.count() == 3, height  # the visits, the timeline's 40 events, 1-4's 17 mentions
    assert folds.evaluate_all("ds => ds.filter(d => d.open).length") == 0
    folds.last.locator("summary").tap()
    assert folds.last.locator(".hk-mentions > li").first.is_visible()
    folds.evaluate_all("ds => ds.forEach(d => d.open = true)")
    mentions = phone.eval_on_selector_all(
        ".hk-mentions > li",
        """lis => lis.map(li => {
        const link = li.querySelector('a.hk-mention-link');
        return [li.querySelector('.hk-excerpt').textContent, [...li.querySelectorAll('.hk-excerpt mark')].map(m => m.textContent),
                link.getAttribute('href'), link.textContent]; })""",
    )
    assert len(mentions) == 23
    for excerpt, marks, href, label in mentions:
        assert len(excerpt) <= 48 and marks and set(marks) <= {"オーストラリア", "豪州", "豪"}, excerpt
        where = re.fullmatch(r"\.\./dwp2015-3-3/section-1/item-\d\.html#(?:p-1-\d-(\d+)|fn:(\d+))", href)
        assert where and label == (f"¶{where[1]}" if where[1] else f"脚注{where[2]}"), (href, label)
    assert sum(label.startswith("脚注") for *_, label in mentions) == 6
    assert palettes_pass_axe(phone) == {"default": [], "slate": []}


def test_phone_charts_write_text_at_12_px_or_more(phone, server):
    for path in ("countries/index.html", "timeline.html"):
        phone.goto(f"{server}/{path}")
        sizes = phone.eval_on_selector_all(
            ".hk-bars a, .hk-bars .hk-bar-n, .hk-bars figcaption",
            "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))",
        )
        assert sizes and min(sizes) >= 12, (path, min(sizes))
    phone.goto(f"{server}/countries/index.html")
    first = phone.locator(".hk-bars li a").first
    assert first.inner_text() == "米国" and first.get_attribute("href") == "usa.html"
    # the key wraps between its entries, never inside one (a colour apart from its words)
    lines = phone.eval_on_selector_all(".hk-legend-item", "els => els.map(e => e.getClientRects().length)")
    assert len(lines) == 3 and lines == [1, 1, 1]
    tops = phone.eval_on_selector_all(".hk-legend-item", "els => els.map(e => e.getBoundingClientRect().top)")
    assert len(set(tops)) > 1, "on a phone the key takes more than one line: the test would show nothing"


def test_phone_footnote_is_a_24_px_target_and_opens_in_place(phone, server):
    phone.goto(f"{server}/dwp2015-3-3/section-1/item-4.html")
    ref = phone.locator("a.footnote-ref").first
    ref.evaluate("r => r.scrollIntoView({block: 'center'})")  # its whole target on the screen
    box = ref.bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    # the target reaches 12 px each way from the number's centre (24 × 24), though the number is small
    reach = phone.evaluate(f"""() => [[-11.5, -11.5], [11.5, -11.5], [-11.5, 11.5], [11.5, 11.5]].map(([dx, dy]) => {{
        const el = document.elementFromPoint({cx} + dx, {cy} + dy); return !!(el && el.closest('a.footnote-ref')); }})""")
    assert reach == [True, True, True, True] and box["width"] < 12
    url = phone.url
    phone.touchscreen.tap(cx + 10, cy + 10)
    note = phone.locator(".hk-note")
    note.wait_for(timeout=3000)
    assert note.inner_text().startswith("注8") and "普遍的価値：国家安全保障戦略" in note.inner_text()
    assert phone.url == url  # it opened in place, the page did not jump
    assert ref.get_attribute("aria-expanded") == "true"
    # once and whole: Material's tooltip (over the text, cut short) is not shown on a phone, and
    # the note in place holds every word of the note at the foot
    assert phone.locator(".md-tooltip2").evaluate_all("ts => ts.filter(t => t.getClientRects().length).length") == 0
    whole = phone.evaluate("""() => { const li = document.getElementById('fn:8').cloneNode(true);
        li.querySelectorAll('.footnote-backref').forEach(a => a.remove()); return li.textContent.trim(); }""")
    assert len(whole) > 60 and whole in note.text_content()
    # with the note open, axe in both palettes (the dark one's link on the note fell to 4.1:1), on the
    # note and its paragraph (a phone's item page as it loads: test_phone_pages_pass_axe)
    assert palettes_pass_axe(phone, within=[".hk-note", "#p-1-4-2"]) == {"default": [], "slate": []}
    phone.touchscreen.tap(cx, cy)
    phone.wait_for_timeout(200)
    assert note.count() == 0


def test_no_section_title_sits_under_the_sidebars_heading(page, server):
    """On a wide screen the sidebar scrolls (Material scrolls it to show the page being
    read); a section title brought near its top must be in the open, not under the
    site's name, which Material keeps at the top of the sidebar."""
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(f"{server}/timeline.html")
    hidden = page.evaluate("""() => {
        const wrap = document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap');
        return [...document.querySelectorAll('.md-sidebar--primary .md-nav__item--section > .md-nav__link')]
          .filter(el => {
              // scroll the title to 10 px below the top of the sidebar's view
              wrap.scrollTop += el.getBoundingClientRect().top - wrap.getBoundingClientRect().top - 10;
              const r = el.getBoundingClientRect();
              const at = document.elementFromPoint(r.left + 4, r.top + 3);
              return !(at && el.contains(at)); })
          .map(el => el.textContent.trim()); }""")
    assert hidden == []
