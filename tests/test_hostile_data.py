"""Hostile data in the registry, the chronology and the labels: the built pages
show it as text and run nothing."""

import functools
import http.server
import re
import threading
from html.parser import HTMLParser

import pytest
from conftest import REPO, copy_content, mkdocs_build

from builder.site import build_site

LONG = "長" * 3000
HOSTILE_ENTRY = f"""
  - id: XSS
    name_ja: '<script>alert("name_ja")</script></title><script>alert("title")</script>'
    name_en: '" onmouseover="alert(1)" data-x="{LONG}'
    region: 国際機関
    names: ['<img src=x onerror=alert(2)>', "javascript:alert(3)"]
"""
# an event of the chapter's chronology: its headline and its countries are data
HOSTILE_EVENT = f"""
- date: '2015-06'
  headline: '<script>alert("title")</script> "quoted" &amp; {LONG}'
  kind: meeting
  countries: [XSS, AUS]
  quote: 第1回会議がハノイで開催された
"""

# the words around the text are data too (content/labels.yaml)
HOSTILE_LABELS = {
    "timeline": '<script>alert("label")</script>年表',
    "countries": "<img src=x onerror=alert(6)>国",
    "photo": '" onmouseover="alert(7)',
    "see_also": '"><script>alert(8)</script>',
    "glossary": "<b onclick=alert(9)>略語集</b>",
    "all": "<img src=y onerror=alert(10)>",
    "source": "<img src=z onerror=alert(11)>出典",
    "text_source": '"><b onclick=alert(12)>本文',
    # the reader's script's words, in the page as JSON; a count, in an attribute too
    "to_note": "</script><img src=w onerror=alert(13)>",
    "table_region": "</script>{name}<script>alert(14)",
    "count": '{n}"><img src=v onerror=alert(15)>',
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    content = copy_content(root)
    with open(content / "data" / "countries.yaml", "a", encoding="utf-8") as f:
        f.write(HOSTILE_ENTRY)
    events = content / "dwp2015-part3-ch3" / "events.yaml"
    events.write_text(
        events.read_text(encoding="utf-8").replace("\nevents:\n", "\nevents:" + HOSTILE_EVENT, 1), encoding="utf-8"
    )
    labels = content / "labels.yaml"
    text = labels.read_text(encoding="utf-8")
    for key, hostile in HOSTILE_LABELS.items():
        text = re.sub(rf"^{key}: .*$", f"{key}: '{hostile}'", text, count=1, flags=re.M)
    labels.write_text(text, encoding="utf-8")
    from builder.engines import write_docs

    write_docs(build_site(content), root / "build", REPO)
    mkdocs_build(root / "build", root / "site")
    return root / "site"


class Elements(HTMLParser):
    """Every element with its attributes, and the text inside <script> elements."""

    def __init__(self):
        super().__init__()
        self.elements, self.scripts, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        # data in a script (hakusho.js's words as JSON) is no script: a way out of it would show as an element
        self._in_script = tag == "script" and dict(attrs).get("type") != "application/json"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def test_hostile_strings_are_escaped_in_the_html(hostile_site):
    for page in (
        "countries/xss.html",
        "timeline.html",
        "countries/index.html",
        "dwp2015-3-3/section-1/item-2.html",
        "dwp2015-3-3/glossary.html",
        "index.html",
    ):
        parser = Elements()
        parser.feed((hostile_site / page).read_text(encoding="utf-8"))
        assert not [t for t, _ in parser.elements if t == "img"], page
        handlers = [(t, k) for t, a in parser.elements for k in a if k.startswith("on")]
        assert handlers == [], page
        urls = [v for _, a in parser.elements for k, v in a.items() if k in ("href", "src") and v]
        assert not [u for u in urls if u.strip().lower().startswith("javascript:")], page
        assert not [s for s in parser.scripts if "alert(" in s], page
    profile = (hostile_site / "countries/xss.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", profile, re.S).group(1)
    assert "&lt;/title&gt;&lt;script&gt;" in title
    # the labels were in play, as text
    timeline = (hostile_site / "timeline.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in timeline and "&lt;img src=y onerror=alert(10)&gt;" in timeline


def test_hostile_pages_run_nothing_in_a_browser(hostile_site, browser):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(hostile_site))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(f"{base}/countries/xss.html")
        assert (
            page.locator("h1").first.inner_text().rstrip("¶")
            == '<script>alert("name_ja")</script></title><script>alert("title")</script>'
        )
        assert page.title().startswith('<script>alert("name_ja")</script></title>')
        page.goto(f"{base}/timeline.html")
        event = page.locator(".hk-tl-event", has_text='"quoted"')
        assert '<script>alert("title")</script> "quoted"' in event.inner_text()
        event.hover()
        event.locator("a").last.hover()
        page.goto(f"{base}/countries/index.html")
        page.mouse.move(10, 10)
        assert dialogs == []
    finally:
        page.close()
        httpd.shutdown()


def test_hostile_chapter_titles_are_text_in_every_nav(tmp_path):
    """Material writes nav titles as raw HTML on every page: the builder escapes the ones it takes from data."""
    import re as _re

    from bench.corpus import synthetic_content
    from builder.engines import write_docs

    content = synthetic_content(tmp_path, 2)
    cfg = content / "ch002" / "chapter.yaml"
    text = cfg.read_text(encoding="utf-8")
    text = _re.sub(r"^title: .*$", """title: '<script>alert("chapter")</script>'""", text, flags=_re.M)
    text = _re.sub(r"^part: .*$", "part: '<img src=x onerror=alert(6)>'", text, flags=_re.M)
    cfg.write_text(text, encoding="utf-8")
    write_docs(build_site(content), tmp_path / "build", REPO)
    mkdocs_build(tmp_path / "build", tmp_path / "site")
    pages = list((tmp_path / "site").rglob("*.html"))
    assert len(pages) > 100
    shown = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        parser = Elements()
        parser.feed(html)
        assert not [s for s in parser.scripts if "alert(" in s], page
        assert not [t for t, _ in parser.elements if t == "img"], page
        shown += "&lt;script&gt;alert(&quot;chapter&quot;)&lt;/script&gt;" in html
    assert shown > 100  # the title is on every page's nav, as text


def test_a_pattern_from_the_inputs_cannot_hang_the_build():
    """Issue 25: a country's form `(?:.+)+米国` hung make site (killed at 180 s). Without a lookaround it
    runs on RE2, in linear time; with one, where Python's re would backtrack, it is refused (the case in
    tests/mistakes.yaml names its file, line and key)."""
    import time

    from builder import patterns

    form = patterns.compile("(?:.+)+米国")
    assert isinstance(form, patterns.Pattern)  # RE2's
    start = time.perf_counter()
    assert form.search("米" * 200_000) is None
    assert time.perf_counter() - start < 1
    with pytest.raises(patterns.PatternError, match="a repetition inside a repetition"):
        patterns.compile("(?:.+)+米国(?=海軍)")
    with pytest.raises(patterns.PatternError, match="back-reference"):
        patterns.compile(r"(a)\1")


# the inputs' patterns that need a lookaround, so run on Python's re (content/: countries.yaml's
# compounds and forms, layout.yaml's page_start, layout-en.yaml's sentence_end), each with lines
# that make a backtracking pattern work hardest: long runs of what it matches and of what it nearly does
LOOKAROUND = {
    "(?<![来訪在離滞])日[米豪韓印中露英仏比]+|印米|米印": ["日" + "米" * 200_000, "来日米" * 70_000, "日" * 200_000],
    "(?<!\\bMr)(?<!\\bDr)(?<!\\bU\\.S)[.?!][”’\")]?$": ["Mr." * 70_000, "." * 200_000, "U.S.)" * 40_000 + "x"],
    "^ (?=[^ ])": [" " * 200_000, " x" * 100_000],
    "米(?=海軍|空軍|陸軍|海兵隊|太平洋|・)": ["米" * 200_000, "米海" * 100_000, "米海兵" * 70_000],
    "英(?=海軍|陸軍|空軍)": ["英海" * 100_000],
    "豪(?=軍|国防|陸軍|海軍|空軍)": ["豪国" * 100_000],
}


def test_the_inputs_lookaround_patterns_are_theirs_and_run_in_linear_time():
    """Issue 25 left them on Python's re, at worst quadratic. Each now passes a check that admits
    only patterns with a bounded work at each place of a line (a run without a bound only at the
    end); on 200,000 characters each takes well under a second, where `日.*(?=x)`, which the check
    refuses, takes 5 s on 20,000 (measured), growing as the square: about 8 minutes on 200,000."""
    import time

    from builder import patterns

    found = {}
    for path in ("data/countries.yaml", "layout.yaml", "layout-en.yaml"):
        text = (REPO / "content" / path).read_text(encoding="utf-8")
        found.update({p: path for p in LOOKAROUND if f"'{p}'" in text})
    assert set(found) == set(LOOKAROUND)  # they come from data: what the check says is what protects
    for source, lines in LOOKAROUND.items():
        pattern = patterns.compile(source)
        assert isinstance(pattern, re.Pattern)  # Python's: RE2 has no lookaround
        for line in lines:
            start = time.perf_counter()
            list(pattern.finditer(line))
            assert time.perf_counter() - start < 0.5, (source, line[:10])
    for quadratic in ["日.*(?=x)", "日+$(?=)", "(?:a|b+)(?=c)"]:
        with pytest.raises(patterns.PatternError, match="without a bound before the end"):
            patterns.compile(quadratic)
    with pytest.raises(patterns.PatternError, match="up to 1000"):
        patterns.compile("(?=a)b{0,1000}")


@pytest.mark.parametrize(
    "pattern, text, found",
    [
        (r"^第(?P<a>\d+)節\u3000(?P<b>.+)$", "第１２節\u3000題", ("１２", "題")),  # \d: any digit, as Python's
        (r"(?P<a>\s)(?P<b>\w+)", "x\u3000題名", ("\u3000", "題名")),  # \s and \w: Unicode's
        (r"[^\u3000\d](?P<a>.)(?P<b>.)", "１\u3000ab", None),
        (r"[]x](?P<a>a)(?P<b>b)", "]ab", ("a", "b")),  # ] first in a class
    ],
)
def test_a_pattern_means_on_re2_what_it_means_in_python(pattern, text, found):
    from builder import patterns

    ours, python = patterns.compile(pattern), re.compile(pattern)
    assert isinstance(ours, patterns.Pattern)
    m, p = ours.search(text), python.search(text)
    assert (m and (m.group("a"), m.group("b"))) == (p and (p.group("a"), p.group("b"))) == found
    if m:
        assert (m.start("b"), m.span("a")) == (p.start("b"), p.span("a"))
