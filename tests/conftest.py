"""Shared fixtures: the real chapter, processed once, and small hand-made chapters."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import sys
import textwrap
import threading
from pathlib import Path

import pytest
import yaml

from builder.config import Layout, load_chapter
from builder.pipeline import process_chapter as run_pipeline

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
REAL = CONTENT / "dwp2015-part3-ch3"


def bundled_pip() -> str:
    """pip, in the wheel Python ships for ensurepip: the Makefile makes its virtualenvs without a
    copy of pip and installs with this one (tests/workflows/run.py has the same)."""
    import ensurepip

    (wheel,) = (Path(ensurepip.__file__).parent / "_bundled").glob("pip-*.whl")
    return str(wheel / "pip")


def process_chapter(chapter_dir: Path, layout):
    """Read and check a chapter folder's settings, then run the stages on it."""
    return run_pipeline(load_chapter(chapter_dir, layout), layout)


@pytest.fixture(scope="session")
def layout():
    return Layout(CONTENT / "layout.yaml")


@pytest.fixture(scope="session")
def real(layout):
    return process_chapter(REAL, layout)


@pytest.fixture(scope="session")
def chapter(real):
    return real.chapter


CHAPTER_YAML = """\
id: test-ch
raw: raw.txt
book: 防衛白書
part: 第Ⅲ部 テスト
number: 第3章
title: テストの章
furniture:
  running_heads:
    - pattern: '^第Ⅲ部 テスト$'
      reason: running head
  page_numbers:
    - pattern: '^(?P<page>\\d+) ?平成27年版 防衛白書$'
      reason: page foot
  vertical_title: 第３章テスト
  see_also_marker: '^参 照$'
"""


CHAPTER_YAML_EN = """\
id: test-ch
raw: raw.txt
layout: layout-en.yaml
book: Defense of Japan
part: Part III
number: Chapter 3
title: A Test Chapter
furniture:
  running_heads:
    - pattern: '^\\*\\*Chapter\\*\\* \\*\\*A Test Chapter\\*\\*$'
      reason: the chapter's title on its opening page
  see_also_marker: '^See$'
"""

# the small chapter of each profile the rule fixtures run with (tests/fixtures/*.txt)
CHAPTER_YAMLS = {"ja": CHAPTER_YAML, "en": CHAPTER_YAML_EN}


def make_chapter(tmp_path: Path, raw, hints: str | None = None, extra_yaml: str = "") -> Path:
    """A chapter folder with the given raw text (a list of lines, or bytes)."""
    d = tmp_path / "ch"
    d.mkdir(parents=True, exist_ok=True)
    (d / "chapter.yaml").write_text(CHAPTER_YAML + extra_yaml, encoding="utf-8")
    if isinstance(raw, list):
        raw = ("\n".join(raw) + "\n").encode("utf-8")
    (d / "raw.txt").write_bytes(raw)
    if hints is not None:
        (d / "hints.yaml").write_text(textwrap.dedent(hints), encoding="utf-8")
    return d


def copy_content(tmp_path: Path) -> Path:
    """A copy of the real content folder, for tests that edit one of its files."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    return content


def make_content(tmp_path: Path, chapter_dir: Path) -> Path:
    """A content folder holding one chapter, for whole-site builds."""
    content = tmp_path / "content"
    content.mkdir()
    for name in ("layout.yaml", "labels.yaml"):
        shutil.copy(CONTENT / name, content / name)
    shutil.copytree(chapter_dir, content / chapter_dir.name)
    (content / "hakusho.yaml").write_text(f"site_name: test\nchapters:\n  - {chapter_dir.name}\n", encoding="utf-8")
    return content


@pytest.fixture
def small(tmp_path, layout):
    """Process a small hand-made chapter: small(raw, hints=None) -> ChapterResult."""

    def run(raw, hints=None, extra_yaml=""):
        return process_chapter(make_chapter(tmp_path, raw, hints, extra_yaml), layout)

    return run


def engine_env(offline: bool = False, epoch: str = "1430000000", site_url: str | None = None) -> dict:
    """The environment `make site` gives a site engine: a fixed date, the offline
    switch, and a site URL for the served build only."""
    import os

    env = dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        SOURCE_DATE_EPOCH=epoch,
        PYTHONPATH=str(REPO),
        HAKUSHO_OFFLINE="true" if offline else "false",
    )
    env.pop("HAKUSHO_SITE_URL", None)
    if site_url and not offline:
        env["HAKUSHO_SITE_URL"] = site_url
    return env


def mkdocs_start(
    build_dir: Path,
    site_dir: Path,
    offline: bool = False,
    epoch: str = "1430000000",
    site_url: str | None = None,
    config: str = "mkdocs.yml",
):
    """MkDocs on a docs folder the builder wrote, as `make site` runs it, started."""
    import subprocess
    import sys

    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(build_dir / config), "-d", str(site_dir)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=engine_env(offline, epoch, site_url),
    )


def mkdocs_finish(*runs) -> None:
    errors = [run.communicate()[1] for run in runs]
    assert [run.returncode for run in runs] == [0] * len(runs), errors


def mkdocs_build(
    build_dir: Path, site_dir: Path, offline: bool = False, epoch: str = "1430000000", site_url: str | None = None
) -> None:
    mkdocs_finish(mkdocs_start(build_dir, site_dir, offline, epoch, site_url))


def build_everything(root: Path, epoch: str = "1430000000", site_url: str | None = None):
    """docs, site, offline site and zip from the real content, under root; the
    two MkDocs builds side by side, as `make site` runs them."""
    from builder.bundle import make_zip
    from builder.engines import write_docs
    from builder.site import build_site

    result = build_site(CONTENT)
    write_docs(result, root / "build", REPO)
    mkdocs_finish(
        mkdocs_start(root / "build", root / "site", epoch=epoch, site_url=site_url),
        mkdocs_start(root / "build", root / "offline", offline=True, epoch=epoch),
    )
    for e in result.editions:  # each after the main one, into its language's folder, as make site does
        config = f"mkdocs-{e.lang}.yml"
        mkdocs_finish(
            mkdocs_start(
                root / "build",
                root / "site" / e.lang,
                epoch=epoch,
                config=config,
                site_url=site_url and f"{site_url}{e.lang}/",
            ),
            mkdocs_start(root / "build", root / "offline" / e.lang, offline=True, epoch=epoch, config=config),
        )
    make_zip(root / "offline", root / "hakusho-offline.zip", int(epoch))
    return root / "site", root / "offline", root / "hakusho-offline.zip"


# Debian's Chromium here; elsewhere (GitHub's runners) the workflow points at its own browser.
CHROMIUM = os.environ.get("HAKUSHO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


AXE = REPO / "tests" / "tools" / "node_modules" / "axe-core" / "axe.min.js"
# the rules a palette can change: text contrast, and links told from their text by colour alone
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_violations(page, colours_only: bool = False, within: list[str] | None = None) -> list[str]:
    """axe-core's serious and critical violations on the page as it stands, WCAG 2.2's
    target size (24 × 24 px; axe leaves it off by default) included. colours_only runs
    just the rules a palette can change, for a page already checked in another palette;
    within, the selectors of the parts to check (a state that changes one part of a page
    whose whole is checked elsewhere), else the whole page."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    options = f"{{runOnly: {COLOUR_RULES}}}" if colours_only else "{rules: {'target-size': {enabled: true}}}"
    context = json.dumps({"include": [[s] for s in within]}) if within else "document"
    return page.evaluate(f"""async () => (await axe.run({context}, {options})).violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))""")


def palettes_pass_axe(page, within: list[str] | None = None, dark_within: list[str] | None = None) -> dict:
    """axe in the light palette, then the dark one (slate, the rules a palette can change), on the
    page as it stands (or the parts `within` names; in the dark palette, `dark_within` if given):
    {palette: violations}."""
    # Material's colours change with a transition: measured mid-way, contrast is neither palette's
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    found = {}
    for scheme, background in (("default", "rgb(255, 255, 255)"), ("slate", "rgb(30, 33, 41)")):
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == background
        found[scheme] = axe_violations(
            page, colours_only=scheme == "slate", within=(dark_within or within) if scheme == "slate" else within
        )
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'default')")
    return found


def attributes(page, selector: str, name: str) -> list[str | None]:
    """The attribute of each element the selector finds, in one call to the browser (a locator's
    nth(i).get_attribute() is a call per element: hundreds on the timeline)."""
    return page.eval_on_selector_all(selector, "(els, name) => els.map(e => e.getAttribute(name))", name)


# as a published site has one (canonical links, the sitemap)
SITE_URL = "https://example.github.io/hakusho/"


@contextlib.contextmanager
def built_once(tmp_path_factory, name: str):
    """A folder under the session's temporary root that the first worker to ask
    fills and the others wait for: `make test` runs the test files on parallel
    workers (pytest-xdist), each a session of its own. Yields (folder, done);
    the caller builds into the folder unless done."""
    import fcntl

    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the workers' roots sit side by side in it
    root, mark = base / name, base / f"{name}.done"
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield root, mark.exists()
        mark.touch()


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The real site, its offline build and the unzipped bundle, built once for all workers."""
    import zipfile

    with built_once(tmp_path_factory, "built") as (root, done):
        if not done:
            shutil.rmtree(root, ignore_errors=True)  # what a worker's failed build left
            root.mkdir()
            _, _, zip_path = build_everything(root, site_url=SITE_URL)
            with zipfile.ZipFile(zip_path) as z:
                z.extractall(root / "unzipped")
    return {
        "site": root / "site",
        "offline": root / "offline",
        "zip": root / "hakusho-offline.zip",
        "unzipped": root / "unzipped" / "hakusho",
    }


@pytest.fixture(scope="session")
def browser():
    import os

    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium when run as root")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


SEARCH_NONE = yaml.safe_load((REPO / "content" / "labels.yaml").read_text(encoding="utf-8"))["search_none"]
SEARCH_NONE_EN = yaml.safe_load((REPO / "content" / "labels-en.yaml").read_text(encoding="utf-8"))["search_none"]


def search(page, query):
    """Type the query as a reader does and return the result pages, best first.

    Material reads the query on keyup (fill() sends none), so a key is pressed
    after filling; the first query waits for the worker to be ready. The count
    line above the results is emptied first and waited for, so that one page
    load serves any number of queries (Material writes it anew for each)."""
    box = page.locator("input.md-search__input")
    # Material's count of results in Japanese or English, or our word for none
    done = (
        f"(meta => meta && /件見つかりました|matching document|{SEARCH_NONE}|{SEARCH_NONE_EN}/.test(meta.textContent))"
    )
    meta = "document.querySelector('.md-search-result__meta')"
    if not box.evaluate("b => b === document.activeElement"):
        box.click()
    if box.input_value() == query:  # the same query again would start no search
        box.fill("")
        box.press("Backspace")
    page.evaluate(f"() => {{ const m = {meta}; if (m) m.textContent = ''; }}")
    box.fill(query)
    box.press("End")
    page.wait_for_function(f"() => {done}({meta})", timeout=15000)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link", "els => els.map(e => e.href)"
    )
    return list(dict.fromkeys(h.split("#")[0].split("?")[0] for h in hrefs))


# The browser tests' site: served, or from the unzipped bundle.
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # a page left before it finished loading drops its connections: not the site's fault
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path):
    """A site folder on localhost, as GitHub Pages would serve it: yields its URL."""
    handler = functools.partial(Quiet, directory=str(directory))
    httpd = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def server(built):
    """The real site, served."""
    with serve(built["site"]) as url:
        yield url


def page_file(site, path: str) -> str:
    """A page named by its path without suffix ('' for home) -> its file in the
    site; served and bundled sites share them (use_directory_urls: false)."""
    folder = site / path / "index.html"
    return str(folder.relative_to(site)) if folder.exists() else f"{path}.html"


@pytest.fixture(params=["http", "file"])
def site_url(request, server, built):
    """page path ('' for home) -> URL, on the served site or the unzipped bundle."""
    if request.param == "http":
        return lambda path: f"{server}/{page_file(built['site'], path)}"
    root = built["unzipped"]
    return lambda path: (root / page_file(root, path)).as_uri()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors and dialogs, and fails the test
    if the page asked for anything but the site itself."""
    context = browser.new_context()
    outside = []

    def route(r):
        url = r.request.url
        if url.startswith(("file://", "http://127.0.0.1")):
            r.continue_()
        else:
            outside.append(url)
            r.abort()

    context.route("**/*", route)
    p = context.new_page()
    p.console_errors, p.dialogs = [], []
    p.on("console", lambda m: p.console_errors.append(m.text) if m.type == "error" else None)
    p.on("pageerror", lambda e: p.console_errors.append(str(e)))
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    yield p
    assert outside == []
    context.close()
