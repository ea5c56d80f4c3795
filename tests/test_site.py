"""The built site: MkDocs builds it strictly, every internal link and anchor
resolves, footnotes show their printed numbers, nothing loads from the network."""

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest
from conftest import REPO, copy_content


class Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links, self.resources, self.lang = set(), [], [], None
        self.sup_numbers = []
        self._in_ref = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
            self._in_ref = "footnote-ref" in (a.get("class") or "")
        if tag in ("script", "img", "iframe", "source") and a.get("src"):
            self.resources.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") in ("stylesheet", "preload", "icon", "manifest"):
            self.resources.append(a["href"])

    def handle_data(self, data):
        if self._in_ref:
            self.sup_numbers.append(data)
            self._in_ref = False


@pytest.fixture(scope="session")
def site(built):
    """The session's one strict build of the real site, its pages parsed."""
    site_dir = built["site"]
    pages = {}
    for path in site_dir.rglob("*.html"):
        c = Collect()
        c.feed(path.read_text(encoding="utf-8"))
        pages[path] = c
    return site_dir, pages


def test_every_internal_link_and_anchor_resolves(site):
    site_dir, pages = site
    broken = []
    checked = 0
    for path, c in pages.items():
        if path.name == "404.html":  # served at any depth, so it links from the site's root
            continue
        for href in c.links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if target.suffix != ".html" and target.is_file():  # a data file
                checked += 1
                continue
            if target not in pages:
                broken.append((str(path.relative_to(site_dir)), href))
                continue
            if parts.fragment and unquote(parts.fragment) not in pages[target].ids:
                broken.append((str(path.relative_to(site_dir)), href))
            checked += 1
    assert broken == []
    assert checked > 500


def test_nothing_loads_from_the_network(site):
    _, pages = site
    external = {r for c in pages.values() for r in c.resources if re.match(r"^(https?:)?//", r)}
    assert external == set()


def test_pages_are_in_their_editions_language(site):
    site_dir, pages = site
    assert {c.lang for p, c in pages.items() if p.relative_to(site_dir).parts[0] != "en"} == {"ja"}
    assert {c.lang for p, c in pages.items() if p.relative_to(site_dir).parts[0] == "en"} == {"en"}


def test_footnotes_show_printed_numbers(site):
    site_dir, pages = site
    item4 = pages[site_dir / "dwp2015-3-3" / "section-1" / "item-4.html"]
    assert item4.sup_numbers == [str(n) for n in range(8, 17)]
    assert "#fn:8" in item4.links  # note 13, 脚注8参照, links to note 8
    html = (site_dir / "dwp2015-3-3" / "section-1" / "item-4.html").read_text(encoding="utf-8")
    assert '<li id="fn:8" value="8">' in html


def test_item_pages_and_nav(site):
    site_dir, pages = site
    items = sorted(str(p.relative_to(site_dir)) for p in pages if p.name.startswith("item-"))
    each = [f"dwp2015-3-3/section-1/item-{n}.html" for n in range(1, 5)] + ["dwp2015-3-3/section-2/item-1.html"]
    assert items == each + [f"en/{p}" for p in each]  # the English edition's pages at the same places
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert "今日の国際社会においては" in home and "安全保障協力の積極的な推進" in home
    home = (site_dir / "en" / "index.html").read_text(encoding="utf-8")
    assert "The international community today is facing" in home and "Active Promotion of Security" in home


TRAIL = re.compile(r'<nav class="hk-trail" aria-label="([^"]*)">(.*?)</nav>', re.S)


def trail_of(html: str) -> tuple[str, list[tuple[str | None, str]]] | None:
    """The trail's name and its steps, (href or None, words), or None where the page has none."""
    m = TRAIL.search(html)
    if not m:
        return None
    steps = re.findall(r'<li(?: aria-current="page")?>(?:<a href="([^"]*)">)?([^<]*)', m.group(2))
    return m.group(1), [(href or None, words.strip()) for href, words in steps]


def test_every_page_says_where_it_is_in_its_editions_words(site):
    """A trail above every page but the home pages (節 › 項 on a chapter's, 国・機関 on a profile's), named in
    the edition's words, its last step the page itself; and the link after each heading is titled in the
    edition's words, not the toc extension's "Permanent link"."""
    site_dir, pages = site
    words = {"": ("現在位置", "この見出しへのリンク", "ホーム"), "en": ("You are here", "Link to this heading", "Home")}
    without = []
    for path in pages:
        rel = path.relative_to(site_dir).as_posix()
        html = path.read_text(encoding="utf-8")
        name, permalink, home = words["en" if rel.startswith("en/") else ""]
        assert "Permanent link" not in html and ('class="headerlink"' not in html or f'title="{permalink}"' in html), (
            rel
        )
        found = trail_of(html)
        if found is None:
            without.append(rel)
            continue
        assert found[0] == name and found[1][0][1] == home and found[1][-1][0] is None, (rel, found)
    assert sorted(without) == ["404.html", "en/404.html", "en/index.html", "index.html"]
    item = trail_of((site_dir / "dwp2015-3-3" / "section-1" / "item-4.html").read_text(encoding="utf-8"))[1]
    assert item == [
        ("../../index.html", "ホーム"),
        ("index.html", "第1節\u3000各国等との防衛協力・交流"),
        (None, "4\u3000各国との防衛協力・交流の推進"),
    ]
    figure = trail_of((site_dir / "dwp2015-3-3" / "figures" / "fig-iii-3-1-6.html").read_text(encoding="utf-8"))[1]
    assert figure[1] == ("index.html", "図表")
    for edition, index in (("", "国・機関"), ("en/", "Countries and organizations")):
        profile = trail_of((site_dir / f"{edition}countries" / "aus.html").read_text(encoding="utf-8"))[1]
        assert profile[1:] == [("index.html", index), (None, "オーストラリア" if not edition else "Australia")]


def test_abbr_and_ruby_in_html(site):
    site_dir, _ = site
    html = (site_dir / "dwp2015-3-3" / "section-1" / "item-2.html").read_text(encoding="utf-8")
    assert '（<abbr title="ASEAN Regional Forum">ARF</abbr>）' in html
    assert 'ARF-<abbr title="Disaster Relief Exercise">DiREx</abbr>' in html
    html4 = (site_dir / "dwp2015-3-3" / "section-1" / "item-4.html").read_text(encoding="utf-8")
    assert "<ruby>深<rt>しん</rt></ruby><ruby>圳<rt>せん</rt></ruby>" in html4
    assert '<abbr title="Group of Seven">G7</abbr><sup id="fnref:14">' in html4


def test_search_index_exists_in_japanese(site):
    """Material's index holds the search box's settings; the worker's data (builder/search_hook.py)
    the text."""
    site_dir, _ = site
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["ja"] and index["docs"] == []
    data = json.loads((site_dir / "search" / "hakusho_search.json").read_text(encoding="utf-8"))
    hits = [row[0] for row in data["docs"] if "ハノイ" in row[2]]
    assert any(h.startswith("dwp2015-3-3/section-1/item-2.html") for h in hits)


def test_strict_build_fails_on_a_broken_anchor(tmp_path):
    """mkdocs.yml's validation turns broken links and anchors into warnings, so --strict stops."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# A\n\n[to b](b.md#nowhere)\n", encoding="utf-8")
    (docs / "b.md").write_text("# B\n\ntext\n", encoding="utf-8")
    cfg = tmp_path / "mkdocs.yml"
    cfg.write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\ndocs_dir: {docs}\nsite_dir: {tmp_path / 'site'}\n"
        f"theme:\n  custom_dir: {REPO / 'overrides'}\n",
        encoding="utf-8",
    )
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(cfg)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
    )
    assert run.returncode != 0
    assert "nowhere" in run.stderr


def test_the_worker_shim_ships_only_in_the_offline_bundle(site, built):
    """The iframe-worker shim lets search run from file://; the site itself does not load it."""
    site_dir, _ = site
    assert "iframe-worker" not in (site_dir / "dwp2015-3-3" / "section-1" / "item-4.html").read_text(encoding="utf-8")
    offline = (built["offline"] / "dwp2015-3-3" / "section-1" / "item-4.html").read_text(encoding="utf-8")
    assert '<script src="../../assets/javascripts/vendor/iframe-worker-1.0.4/shim.js"></script>' in offline


def test_watch_rebuilds_the_docs_when_the_content_changes(tmp_path):
    """`make serve` runs `python -m builder watch`: an edit to the content reaches the docs folder."""
    import time

    content = copy_content(tmp_path)
    out = tmp_path / "build"
    proc = subprocess.Popen(
        [sys.executable, "-m", "builder", "watch", "--content", str(content), "--out", str(out)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    import threading

    timer = threading.Timer(60, proc.kill)  # a watch that never answers fails the test, not CI
    timer.start()

    def until_rebuilt() -> list[str]:
        """the lines before "docs rebuilt": the change report (builder/changes.py)"""
        lines = [proc.stdout.readline()]
        while lines[-1] and not lines[-1].startswith("builder: docs rebuilt"):
            lines.append(proc.stdout.readline())
        assert lines[-1], lines
        return lines[:-1]

    try:
        assert [line for line in until_rebuilt() if line.startswith("changes")] == [
            f"changes: none to report, this is the first build recorded in {out / 'cache' / 'changes.json'}\n"
        ]
        events = content / "dwp2015-part3-ch3" / "events.yaml"
        events.write_text(
            events.read_text(encoding="utf-8").replace(
                "headline: 第1回拡大ASEAN国防相会議（ハノイ）", "headline: 改題した出来事"
            ),
            encoding="utf-8",
        )
        said = until_rebuilt()
        assert any(line.endswith(".headline changed\n") and "events.yaml:" in line for line in said), said
        deadline = time.monotonic() + 10
        while "改題した出来事" not in (out / "docs" / "timeline.md").read_text(encoding="utf-8"):
            assert time.monotonic() < deadline
            time.sleep(0.1)
    finally:
        timer.cancel()
        proc.kill()
        proc.wait()


def test_serve_reloads_the_page_an_edit_changed_and_keeps_it_through_a_slip(tmp_path):
    """`make serve` is one process (`python -m builder serve`): a saved headline reaches the
    served timeline; a broken file leaves the last page served and says where it is broken."""
    import socket
    import threading
    import time
    import urllib.error
    import urllib.request

    content = copy_content(tmp_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "builder",
            "serve",
            "--content",
            str(content),
            "--out",
            str(tmp_path / "build"),
            "--address",
            f"127.0.0.1:{port}",
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    timer = threading.Timer(90, proc.kill)  # a server that never answers fails the test, not CI
    timer.start()

    def until(line: str) -> list[str]:
        seen = []
        while not seen or not seen[-1].startswith(line):
            seen.append(proc.stdout.readline())
            assert seen[-1], seen  # the process ended
        return seen

    def timeline() -> str:
        for _ in range(100):  # the server binds its port just after it says so
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/timeline.html", timeout=10) as r:
                    return r.read().decode("utf-8")
            except ConnectionRefusedError:
                time.sleep(0.05)
            except urllib.error.URLError as e:
                if not isinstance(e.reason, ConnectionRefusedError):
                    raise
                time.sleep(0.05)
        raise AssertionError("the server never answered")

    def pages_indexed() -> set[str]:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/search/search_index.json", timeout=10) as r:
            return {d["location"].split("#")[0] for d in json.loads(r.read())["docs"]}

    events = content / "dwp2015-part3-ch3" / "events.yaml"
    text = events.read_text(encoding="utf-8")
    try:
        until("serving the site at")
        assert "第1回拡大ASEAN国防相会議（ハノイ）" in timeline()
        indexed = pages_indexed()
        events.write_text(
            text.replace("headline: 第1回拡大ASEAN国防相会議（ハノイ）", "headline: 改題した出来事"), encoding="utf-8"
        )
        assert "(the changed pages)" in until("mkdocs: site rebuilt")[-1]
        assert "改題した出来事" in timeline()
        assert pages_indexed() == indexed  # a build of the changed pages alone indexes them alone
        events.write_text(
            text.replace("headline: 第1回拡大ASEAN国防相会議（ハノイ）", "headline: [改題"), encoding="utf-8"
        )
        said = "".join(until("error:"))
        assert f"{events}:" in said and "mkdocs: site rebuilt" not in said
        assert "改題した出来事" in timeline()
    finally:
        timer.cancel()
        proc.kill()
        proc.wait()


def test_section_landing_pages_say_what_each_item_covers(site):
    """Each item: its title as a heading linking to it, its first sentence, its sub-items."""
    site_dir, _ = site
    page = article((site_dir / "dwp2015-3-3" / "section-1" / "index.html").read_text(encoding="utf-8"))
    titles = re.findall(r'<h2 id="[^"]*"><a href="(item-\d)\.html">(.*?)</a>', page)
    assert [t[0] for t in titles] == ["item-1", "item-2", "item-3", "item-4"]
    assert "2　多国間安全保障枠組み・対話における取組" in titles[1][1]
    # item 1's first sentence, read in the raw text (line 4 of its first paragraph: 「…拡大している。」)
    after_first = page.split('href="item-1.html"')[1].split("<h2")[0]
    assert "近年、諸外国との対話や交流は質的に深化し、量的に拡大している。</p>" in after_first
    assert "item-4.html#1-日豪防衛協力交流" in page


def test_home_page_says_what_the_source_holds_before_the_outline(site):
    site_dir, _ = site
    home = article((site_dir / "index.html").read_text(encoding="utf-8"))
    note = home.index("第1節の全体と、第2節の冒頭（原文は途中で切れている）を収める")
    assert note < home.index("今日の国際社会においては") < home.index("この章の内容")
    assert 'class="admonition info"' in home[:note]


def article(html: str) -> str:
    """The page's own content, without the navigation and the table of contents."""
    return html[html.index("<article") : html.index("</article>")]


def test_glossary_gives_each_acronym_its_japanese_name_as_the_chapter_writes_it():
    """ARF: ASEAN地域フォーラム, as 「ASEAN地域フォーラム（ARF）」 writes it; ADMMプラス, which
    the text names in Japanese only, has an entry of its own."""
    from conftest import CONTENT

    from builder.site import build_site

    page = build_site(CONTENT).files["dwp2015-3-3/glossary.md"]
    rows = {
        r.split(" | ")[0].lstrip("| "): [re.sub(r"<[^>]+>", "", c) for c in r.split(" | ")[1:3]]
        for r in page.splitlines()
        if r.startswith("| ")
    }
    # each name in its language, for screen readers and fonts
    assert '| ARF | <span lang="ja">ASEAN地域フォーラム</span> | <span lang="en">ASEAN Regional Forum</span> |' in page
    assert rows["ARF"] == ["ASEAN地域フォーラム", "ASEAN Regional Forum"]
    assert rows["ADMMプラス"] == ["拡大ASEAN国防相会議", ""]
    assert rows["UNOCHA"][0] == "国連人道問題調整部" and rows["HA/DR"][0] == "人道支援・災害救援"
    assert rows["NATO"][0] == ""  # the text writes no Japanese name before it
    assert not any(re.search(r"\d", k) for k in rows if k not in ("略語", "---", "G7"))  # no event names
    # the name of the acronym itself, not of one use: ACSA names the agreements with Korea, the
    # UK, New Zealand and Canada too (日豪物品役務相互提供協定 is one); the whole name where it holds
    # kana (hints: acronym_name); a name in 「」, and one after its acronym
    assert rows["ACSA"][0] == "物品役務相互提供協定"
    assert rows["ISM-MS"][0] == "海洋安全保障に関する会期間会合" and rows["ISM"][0] == "会期間会合"
    assert rows["ACDJ"][0] == "空軍参謀長等招へい行事"
    assert rows["ISG on CBM/PD"][0] == "信頼醸成措置および予防外交に関する会期間支援グループ"
    assert rows["SDD"][0] == "ソウル安保対話" and rows["IISS"][0] == "英国国際戦略研究所"
    # ARF災害救援実動演習（ARF-DiREx）: print sets DiREx's English name over DiREx alone (raw 530-534)
    assert rows["DiREx"][0] == "災害救援実動演習"
    # 「アジア太平洋諸国参謀総長等（CHOD）会議」: the bracket closes before 会議 and print sets
    # "Chief of Defense" over CHOD, so CHOD names the chiefs; 「CHODは、…開催されている」 is one use
    assert rows["CHOD"][0] == "アジア太平洋諸国参謀総長等"
    # an acronym's uses are its own: 「ADMMプラス」 is not a use of ADMM (raw 57-60 is its one),
    # 「ISM-MS」 not one of ISM (note 3 is), 「ARF-DiREx」 not one of DiREx
    uses = {r.split(" | ")[0].lstrip("| "): r.split(" | ")[3] for r in page.splitlines() if r.startswith("| ")}
    assert re.findall(r"\[(.*?)\]", uses["ADMM"]) == ["¶1"] and "item-2.md#p-1-2-1)" in uses["ADMM"]
    assert re.findall(r"\[(.*?)\]", uses["ISM"]) == ["注3"]
    assert uses["DiREx"] == "ARF-DiRExの一部としてのみ |"


def test_a_glossary_name_is_the_acronyms_own_as_the_text_gives_it(small):
    """On a small input: the longest form that every use ends with (日豪… names one agreement),
    a name in 「」 before its acronym, one in brackets after it; a name that holds kana is cut
    at the kana, unless a hint quotes it whole."""
    raw = [
        "第1節\u3000節",
        "\t1\t 項",
        "",
        "日豪物品役務相互提供協定（ACSA）に署名した。",
        "英国と物品役務相互提供協定（ACSA）を結ぶ。",
        "海洋安全保障に関する会期間会合（ISM-MS）がある。",
        "国際会議「ソウル安保対話」（SDD）に出席した。",
        "IISS（英国国際戦略研究所）の会議である。",
    ]
    assert small(raw).chapter.acronym_names == {
        "ACSA": "物品役務相互提供協定",
        "ISM-MS": "会期間会合",
        "SDD": "ソウル安保対話",
        "IISS": "英国国際戦略研究所",
    }
    # an acronym of two whose name starts with the first (an acronym the text names) names the second by the rest
    raw2 = raw[:3] + ["ASEAN地域フォーラム（ARF）では、ARF災害救援実動演習（ARF-DiREx）を行う。"]
    assert small(raw2).chapter.acronym_names == {
        "ARF": "ASEAN地域フォーラム",
        "ARF-DiREx": "ARF災害救援実動演習",
        "DiREx": "災害救援実動演習",
    }
    hint = "- kind: acronym_name\n  quote: 海洋安全保障に関する会期間会合（ISM-MS\n  reason: its name holds kana\n"
    assert small(raw, hint).chapter.acronym_names["ISM-MS"] == "海洋安全保障に関する会期間会合"


def test_an_acronyms_uses_are_its_own_not_a_longer_acronyms():
    """ADMM in ADMMプラス, ISM in ISM-MS and DiREx in ARF-DiREx are the longer one's; SOM in
    ADSOM is no acronym at all; an acronym held only inside longer ones says which."""
    from builder.structure.acronyms import uses

    acronyms = ["ADMM", "ADMMプラス", "ISM", "ISM-MS", "ARF", "ARF-DiREx", "DiREx", "SOM"]
    assert uses(acronyms, "ADMMプラスとISM-MSとADSOM") == (
        {"ADMMプラス", "ISM-MS"},
        {"ADMM": {"ADMMプラス"}, "ISM": {"ISM-MS"}},
    )
    assert uses(acronyms, "ADMMとADMMプラス") == ({"ADMM", "ADMMプラス"}, {})
    assert uses(acronyms, "ARFでARF-DiREx2015を行う") == ({"ARF", "ARF-DiREx"}, {"DiREx": {"ARF-DiREx"}})


def test_the_search_query_set_names_real_pages_that_hold_its_phrases(site):
    """tests/search_queries.yaml (run by bench/search.py): every page it expects exists,
    and each compound's expected pages hold the whole phrase, as a reader sees the page."""
    import yaml

    site_dir, _ = site
    queries = yaml.safe_load((REPO / "tests" / "search_queries.yaml").read_text(encoding="utf-8"))
    assert len(queries) >= 40 and {q["kind"] for q in queries} >= {
        "compound",
        "single",
        "katakana",
        "acronym",
        "mixed",
        "none",
        "typo",
    }
    for q in queries:
        for about in q["about"]:
            about = about.removeprefix("dwp2015-3-3/")
            folder = "" if about.startswith("countries/") else "dwp2015-3-3/"
            path = site_dir / f"{folder}{about}.html"
            if not path.exists():
                path = site_dir / folder / about / "index.html"
            assert path.exists(), (q["q"], about)
            if q["kind"] == "compound":
                text = re.sub(r"<rt[^>]*>.*?</rt>|<[^>]+>", "", article(path.read_text(encoding="utf-8")))
                assert q["q"] in text, (q["q"], about)
        if q["kind"] == "none":
            assert not any(q["q"] in p.read_text(encoding="utf-8") for p in site_dir.rglob("*.html"))


def test_a_broken_link_stops_the_strict_build(tmp_path):
    """--strict stops on a warning only if MkDocs logs it: with --quiet it logs none, and for a
    while every build passed 138 warnings (links into the other edition's folder) unseen."""
    from conftest import mkdocs_build

    plan = subprocess.run(
        ["make", "-n", "--no-print-directory", "site"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=dict(os.environ, MAKEFLAGS=""),
    ).stdout
    builds = [line for line in re.split(r"[;&|\n]+", plan) if re.search(r"-m mkdocs build", line)]
    assert builds and all("--strict" in b and "--quiet" not in b and " -q " not in b for b in builds), builds
    # the project's config (its strict and its validation) over one page with a broken link
    docs = tmp_path / "build" / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# 頁\n\n[gone](no-such-page.md)\n", encoding="utf-8")
    (tmp_path / "build" / "mkdocs.yml").write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\ndocs_dir: {docs}\ntheme:\n  custom_dir: {REPO / 'overrides'}\n",
        encoding="utf-8",
    )
    with pytest.raises(AssertionError, match=r"no-such-page\.md"):
        mkdocs_build(tmp_path / "build", tmp_path / "site")
    (docs / "index.md").write_text("# 頁\n", encoding="utf-8")
    mkdocs_build(tmp_path / "build", tmp_path / "site")  # and the same page mended builds
