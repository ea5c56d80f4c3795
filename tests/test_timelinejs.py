"""The timeline in TimelineJS3's JSON format (data/timeline.timelinejs.json),
opened in the real TimelineJS (npm @knight-lab/timelinejs, pinned in
tests/tools/package.json and its lock; served from here, never from a CDN) in
Chromium: every event becomes a slide, and the console shows no error. The page
asks for nothing but what is served here (by default TimelineJS fetches its
locale from its CDN, and Google's fonts)."""

import json
import shutil

import pytest
from conftest import CONTENT, REPO, serve

from builder.site import build_site

TIMELINEJS = REPO / "tests" / "tools" / "node_modules" / "@knight-lab" / "timelinejs" / "dist"

PAGE = """<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>TimelineJS</title>
<link rel="stylesheet" href="tl/css/timeline.css">
<script src="tl/js/timeline.js"></script></head>
<body><div id="timeline" style="width: 1000px; height: 650px"></div>
<script>
  // its locale from beside its script, not from its CDN (its default); no web font, which is Google's
  window.timeline = new TL.Timeline("timeline", "timeline.timelinejs.json",
    {language: "ja", font: null, script_path: new URL("tl/js/", location.href).href});
</script></body></html>
"""


@pytest.fixture(scope="module")
def site():
    return build_site(CONTENT)


@pytest.fixture(scope="module")
def data(site):
    return site.files["data/timeline.timelinejs.json"]


def test_the_export_follows_timelinejs_format(site, data):
    doc = json.loads(data)
    events = json.loads(site.files["data/timeline.json"])
    assert [s["unique_id"] for s in doc["events"]] == [e["id"] for e in events]
    for slide, e in zip(doc["events"], events):
        assert isinstance(slide["start_date"]["year"], int) and slide["text"]["headline"]
        assert slide["start_date"]["year"] == int(e["date"][:4])
        if e["end"] and e["precision"] != "fiscal_year":
            assert slide["end_date"]["year"] == int(e["end"][:4])
    # a fiscal year runs April to March
    [fy] = [s for s, e in zip(doc["events"], events) if e["precision"] == "fiscal_year"]
    assert fy["start_date"] == {"year": 2014, "month": 4} and fy["end_date"] == {"year": 2015, "month": 3}
    assert fy["display_date"] == "2014年度（平成26年度）"


def test_every_event_is_a_slide_in_the_real_timelinejs(data, browser, tmp_path):
    if not (TIMELINEJS / "js" / "timeline.js").exists():
        pytest.fail(f"{TIMELINEJS} is missing: `make test` installs tests/tools (npm ci)")
    shutil.copytree(TIMELINEJS, tmp_path / "tl")
    (tmp_path / "timeline.timelinejs.json").write_text(data, encoding="utf-8")
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    ids = [s["unique_id"] for s in json.loads(data)["events"]]
    context = browser.new_context(viewport={"width": 1100, "height": 800})
    outside, errors = [], []

    def route(r):
        if r.request.url.startswith("http://127.0.0.1"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    with serve(tmp_path) as url:
        page.goto(f"{url}/index.html")
        # the title slide and one a event; TimelineJS gives each slide its event's unique_id
        page.wait_for_function(f"document.querySelectorAll('.tl-slide').length >= {len(ids) + 1}", timeout=20000)
        slides = page.eval_on_selector_all(".tl-slide", "els => els.map(e => e.id)")
        markers = page.locator(".tl-timemarker").count()
        page.wait_for_timeout(300)  # what a late error would print
    context.close()
    assert len(slides) == len(ids) + 1 and set(ids) <= set(slides)
    assert markers == len(ids)  # each on the time navigation too
    assert outside == [] and errors == []
