"""The offline bundle, unzipped and opened from file:// in headless Chromium
with every network request blocked and recorded; and the bundle's own checks."""

import shutil

import pytest
from conftest import attributes, search

from builder.bundle import check_offline
from builder.errors import InputError


@pytest.fixture(scope="session")
def bundle(built):
    return built["offline"], built["unzipped"]


@pytest.fixture
def page(browser):
    context = browser.new_context()
    requests = []

    def route(r):
        requests.append(r.request.url)
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)
    p = context.new_page()
    p.errors = []
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    yield p, requests
    context.close()


def test_home_renders_and_nothing_leaves_file_url(bundle, page):
    _, root = bundle
    p, requests = page
    p.goto((root / "index.html").as_uri())
    assert p.locator("h1").first.inner_text().startswith("防衛白書")
    assert "今日の国際社会においては" in p.content()
    assert requests and all(u.startswith("file://") for u in requests), [
        u for u in requests if not u.startswith("file:")
    ]
    assert p.errors == []


def test_japanese_search_works_offline(bundle, page):
    _, root = bundle
    p, requests = page
    p.goto((root / "index.html").as_uri())
    p.wait_for_load_state("networkidle")
    # the search's data is loaded as the search box opens, not with every page
    assert not [u for u in requests if "hakusho_search" in u]
    # the chapter's page is among the results (a profile quoting the sentence may be too)
    assert any(h.endswith("dwp2015-3-3/section-1/item-2.html") for h in search(p, "ハノイ"))
    assert [u for u in requests if u.endswith("search/hakusho_search.js")]
    result = p.locator(".md-search-result__item a[href*='section-1/item-2.html']").first
    result.click()
    p.wait_for_load_state()
    assert p.url.split("#")[0].split("?")[0].endswith("dwp2015-3-3/section-1/item-2.html")
    assert "第1回会議がハノイで開催された" in p.locator("article").inner_text()
    assert all(u.startswith("file://") for u in requests)


def test_footnote_works_offline(bundle, page):
    _, root = bundle
    p, requests = page
    p.goto((root / "dwp2015-3-3" / "section-1" / "item-2.html").as_uri())
    ref = p.locator("a.footnote-ref").first
    assert ref.inner_text() == "1"
    ref.click()
    assert p.evaluate("location.hash") == "#fn:1"
    assert "ARFは、政治・安全保障問題" in p.locator("li[id='fn:1']").inner_text()
    assert all(u.startswith("file://") for u in requests)


def test_bundle_refuses_a_missing_vendored_asset(bundle, tmp_path):
    offline, _ = bundle
    copy = tmp_path / "offline"
    shutil.copytree(offline, copy)
    (copy / "assets/javascripts/vendor/iframe-worker-1.0.4/shim.js").unlink()
    with pytest.raises(InputError) as e:
        check_offline(copy)
    assert "iframe-worker-1.0.4/shim.js" in e.value.message and e.value.path.suffix == ".html"


def test_bundle_leaves_out_what_nothing_in_it_loads(bundle):
    """Source maps and Material's lunr search (its worker, its languages): our worker
    replaces it. The search tests run on this unzipped bundle, so nothing needed is gone."""
    offline, unzipped = bundle
    js = unzipped / "assets" / "javascripts"
    assert (offline / "assets" / "javascripts" / "lunr").is_dir()  # the build has them
    assert not (js / "lunr").exists() and not (js / "workers").exists()
    assert not list(unzipped.rglob("*.map"))
    assert (js / "search-worker.js").is_file() and list(js.glob("bundle.*.min.js"))


def test_bundle_refuses_a_network_fetch(bundle, tmp_path):
    offline, _ = bundle
    copy = tmp_path / "offline"
    shutil.copytree(offline, copy)
    page = copy / "dwp2015-3-3" / "glossary.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "</head>", '<script src="https://unpkg.com/iframe-worker/shim"></script></head>'
        ),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as e:
        check_offline(copy)
    assert e.value.path == page and "https://unpkg.com/iframe-worker/shim" in e.value.message


def test_country_link_works_offline(bundle, page):
    _, root = bundle
    p, requests = page
    p.goto((root / "dwp2015-3-3" / "section-1" / "item-4.html").as_uri())
    p.locator("a[href$='countries/aus.html']").first.click()
    p.wait_for_load_state()
    assert p.url.endswith("countries/aus.html")
    assert p.locator("h1").first.inner_text().rstrip("¶") == "オーストラリア"
    # and back: the profile's mention link lands on the paragraph (item 1-4's, folded: opened first)
    p.locator("details.hk-fold").last.locator("summary").click()
    mention = p.locator("a.hk-mention-link[href*='section-1/item-4.html#p-1-4-']").first
    target = mention.get_attribute("href").split("#")[1]
    mention.click()
    p.wait_for_load_state()
    assert p.evaluate("location.hash") == f"#{target}"
    assert p.locator(f"[id='{target}']").count() == 1
    assert all(u.startswith("file://") for u in requests)


def test_timeline_filters_work_offline(bundle, page):
    _, root = bundle
    p, requests = page
    p.goto((root / "timeline.html").as_uri())
    total = p.locator(".hk-tl-event").count()
    assert total > 300 and p.locator("#hk-tl-count").inner_text() == f"{total}件"
    p.select_option("#hk-tl-country", "AUS")
    visible = attributes(p, ".hk-tl-event:not([hidden])", "data-countries")
    n = len(visible)
    assert 0 < n < total
    assert all("AUS" in c.split() for c in visible)
    p.select_option("#hk-tl-kind", "exercise")
    both = attributes(p, ".hk-tl-event:not([hidden])", "data-kind")
    assert 0 < len(both) < n
    assert set(both) == {"exercise"}
    assert p.locator("#hk-tl-count").inner_text() == f"{len(both)}件"
    assert p.errors == [] and all(u.startswith("file://") for u in requests)
