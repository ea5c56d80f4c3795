"""The timeline page in headless Chromium, served: what the filters leave (the
chart's years, the page's contents, the first result on a phone's first screen),
the country box that finds a country as one types, and the era years."""

from conftest import attributes, palettes_pass_axe

SHOWN = ".hk-tl-event:not([hidden])"


def visible_years(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(
        selector, "els => els.filter(e => e.offsetParent !== null).map(e => e.textContent.trim())"
    )


def test_after_filtering_only_the_years_shown_are_listed(page, server):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{server}/timeline.html")
    everything = visible_years(page, ".hk-bars-years li a")
    page.select_option("#hk-tl-country", "FRA")
    years = sorted(set(attributes(page, SHOWN, "data-year")))
    assert 0 < len(years) < len(everything)
    # the chart: only the years with events, each counting them
    assert visible_years(page, ".hk-bars-years li a") == [f"{int(y)}年" for y in years]
    # the page's contents (Material's table of contents): the same years
    assert visible_years(page, ".md-nav--secondary a.md-nav__link") == [f"{int(y)}年" for y in years]
    # and back: everything again
    page.select_option("#hk-tl-country", "")
    assert visible_years(page, ".hk-bars-years li a") == everything


def test_the_first_result_is_on_a_phones_first_screen(page, server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{server}/timeline.html#country=AUS")
    for view in ("#country=AUS", "#kind=agreement", "#country=IDN&kind=visit", "#from=2015"):
        page.evaluate(f"location.hash = '{view}'; window.scrollTo(0, 0)")
        first = page.locator(SHOWN).first
        box = first.bounding_box()
        assert box and box["y"] + 40 < 844, (view, box)  # its date and headline, at least, without scrolling
    # the chart is folded there, a tap away, and lists what the filters show
    chart = page.locator("details.hk-tl-chart")
    assert chart.get_attribute("open") is None
    chart.locator("summary").click()
    assert visible_years(page, ".hk-bars-years li a") == ["2015年"]
    assert palettes_pass_axe(page, dark_within=["article"]) == {"default": [], "slate": []}


def test_the_country_box_finds_a_country_as_one_types(page, server):
    page.goto(f"{server}/timeline.html")
    box = page.locator("#hk-tl-find")
    for typed, country in [
        ("おーすと", "AUS"),
        ("オーストラリア", "AUS"),
        ("ごうしゅう", "AUS"),
        ("べいこく", "USA"),
        ("米", "USA"),
        ("英国", "GBR"),
        ("かんこく", "KOR"),
        ("ｲﾝﾄﾞﾈｼｱ", "IDN"),
        ("nato", "NATO"),
    ]:
        box.fill("")
        box.press_sequentially(typed)
        assert page.eval_on_selector("#hk-tl-country", "s => s.value") == country, typed
        assert page.url.endswith(f"#country={country}")
        shown = attributes(page, SHOWN, "data-countries")
        assert shown and all(country in c.split() for c in shown)


def test_the_country_filter_is_grouped_by_region(page, server):
    page.goto(f"{server}/timeline.html")
    groups = page.eval_on_selector_all(
        "#hk-tl-country optgroup", "gs => gs.map(g => [g.label, [...g.querySelectorAll('option')].map(o => o.value)])"
    )
    regions = [label for label, _ in groups]
    assert regions[:3] == ["東南アジア", "東アジア", "南アジア"] and regions[-1] == "国際機関"
    assert dict(groups)["東南アジア"][:2] == ["BRN", "KHM"] and "NATO" in dict(groups)["国際機関"]
    # a word that is no country's: the box says so, and the choice stays
    page.select_option("#hk-tl-country", "THA")
    page.locator("#hk-tl-find").fill("ぞぞぞ")
    page.locator("#hk-tl-find").dispatch_event("input")
    assert page.eval_on_selector("#hk-tl-find", "i => i.validationMessage") == "該当なし"
    assert page.eval_on_selector("#hk-tl-country", "s => s.value") == "THA"
    assert page.console_errors == []


def test_each_date_shows_its_era_year_where_the_source_prints_one(page, server):
    page.goto(f"{server}/timeline.html")
    first = page.locator(".hk-tl-event").first.locator("time").inner_text()
    assert first == "1988年（昭和63年）"
    office = page.locator(".hk-tl-event", has_text="日豪防衛協力室").locator("time").inner_text()
    assert office == "2014年度（平成26年度）"
    project = page.locator("[id='ev-dwp2015-3-3-capacity-building-12'] time").inner_text()
    assert project == "2012年10月"  # the figure prints western dates: no era
