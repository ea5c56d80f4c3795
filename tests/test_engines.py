"""One mkdocs.yml, three engines (issue 15): the docs folder the builder wrote
for the shared build, built again by ProperDocs and by Zensical, each from its
own virtualenv (`make engines`), and held to what the MkDocs build gives:
the same article on every page, an offline bundle that searches with no
network, and no serious accessibility violation."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from article_diff import compare
from conftest import CONTENT, REPO, SITE_URL, axe_violations, engine_env, search, serve

from builder.bundle import check_offline
from builder.engines import write_zensical_config
from builder.site import build_site

PYTHONS = {
    "properdocs": REPO / ".venv-properdocs" / "bin" / "python",
    "zensical": REPO / ".venv-zensical" / "bin" / "python",
}


def engine_python(engine: str) -> Path:
    python = PYTHONS[engine]
    if not python.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{python} is missing: `make test` installs it (make engines)")
        pytest.skip(f"{python} is missing (make engines)")
    return python


def run(args: list, cwd: Path, offline: bool = False, site_url: str = SITE_URL) -> None:
    """An engine's build, as make site runs it (another edition lives at its language's URL)."""
    env = engine_env(offline, site_url=site_url)
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


EDITIONS = ("en",)  # content/hakusho.yaml's other editions: each built into its language's folder


@pytest.fixture(scope="module")
def properdocs(built, tmp_path_factory):
    python = engine_python("properdocs")
    root = tmp_path_factory.mktemp("properdocs")
    build = built["site"].parent / "build"
    for name, offline in (("site", False), ("offline", True)):
        run(
            [python, "-m", "properdocs", "build", "--strict", "-f", build / "mkdocs.yml", "-d", root / name],
            cwd=REPO,
            offline=offline,
        )
        for lang in EDITIONS:
            run(
                [
                    python,
                    "-m",
                    "properdocs",
                    "build",
                    "--strict",
                    "-f",
                    build / f"mkdocs-{lang}.yml",
                    "-d",
                    root / name / lang,
                ],
                cwd=REPO,
                offline=offline,
                site_url=f"{SITE_URL}{lang}/",
            )
    return {"site": root / "site", "offline": root / "offline"}


@pytest.fixture(scope="module")
def zensical(built, tmp_path_factory):
    """Zensical wants its config, the docs and the theme folder under one root:
    a copy of the repository's config and overrides beside the built docs."""
    python = engine_python("zensical")
    root = tmp_path_factory.mktemp("zensical")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", root / "overrides")
    for docs in ["docs"] + [f"docs-{lang}" for lang in EDITIONS]:
        shutil.copytree(built["site"].parent / "build" / docs, root / "build" / docs)
    configs = write_zensical_config(build_site(CONTENT), root / "build", root)
    sites = {}
    for name, offline in (("site", False), ("offline", True)):
        run([python, "-m", "zensical", "build", "--strict", "-f", configs[name]], cwd=root, offline=offline)
        sites[name] = root / name
        (root / "build" / f"zensical-{name}").rename(sites[name])
        for lang in EDITIONS:
            run(
                [python, "-m", "zensical", "build", "--strict", "-f", configs[f"{name}-{lang}"]],
                cwd=root,
                offline=offline,
                site_url=f"{SITE_URL}{lang}/",
            )
            (root / "build" / f"zensical-{name}-{lang}").rename(sites[name] / lang)
    return sites


def test_every_article_is_the_same_on_every_engine(built, properdocs, zensical):
    for other in (properdocs["site"], zensical["site"]):
        pages, problems = compare(built["site"], other)
        assert pages >= 80 and problems == [], problems[:1]


def test_properdocs_builds_the_same_bytes_but_for_its_name(built, properdocs):
    """So every browser test of the MkDocs build holds for it too."""
    properdocs = properdocs["site"]
    generator = re.compile(rb'<meta name="generator" content="[^"]*">')
    mine = {p.relative_to(built["site"]) for p in built["site"].rglob("*") if p.is_file()}
    theirs = {p.relative_to(properdocs) for p in properdocs.rglob("*") if p.is_file()}
    assert mine == theirs
    differ = [
        str(p)
        for p in sorted(mine)
        if p.suffix != ".gz"
        and generator.sub(b"", (built["site"] / p).read_bytes()) != generator.sub(b"", (properdocs / p).read_bytes())
    ]
    assert differ == []


def test_each_engine_gets_its_own_search(built, zensical):
    """Material's search box drives our worker; Zensical keeps its own search and config."""
    mine = (built["site"] / "index.html").read_text(encoding="utf-8")
    theirs = (zensical["site"] / "index.html").read_text(encoding="utf-8")
    assert "search-worker.js" in mine and "md-search__input" in mine
    assert "search-worker.js" not in theirs and "md-search__button" in theirs


def zensical_search(page, query: str) -> None:
    """Zensical's search: a button, then a dialog in a shadow root (Playwright's CSS pierces it)."""
    page.click(".md-search__button")
    page.locator("input[role=combobox]").fill(query)


@pytest.mark.parametrize("engine", ["properdocs", "zensical"])
def test_the_offline_bundle_searches_with_no_network(engine, request, browser):
    sites = request.getfixturevalue(engine)
    check_offline(sites["offline"])  # what the bundler checks before it zips
    page = browser.new_page()
    outside = []
    page.on("request", lambda r: None if r.url.startswith("file:") else outside.append(r.url))
    try:
        page.goto((sites["offline"] / "dwp2015-3-3" / "figures" / "index.html").as_uri())
        if engine == "zensical":
            zensical_search(page, "ハノイ")
            found = page.locator("ol[role=listbox] a[href*='section-1/item-2.html']")
        else:
            assert any(h.endswith("section-1/item-2.html") for h in search(page, "ハノイ"))
            found = page.locator(".md-search-result__item a[href*='section-1/item-2.html']")
        found.first.wait_for(timeout=10000)
        found.first.click()
        page.wait_for_load_state()
        # (our search marks the word it found on the page: the article's text, not its HTML)
        assert (
            "section-1/item-2.html" in page.url
            and "第1回会議がハノイで開催された" in page.locator("article").inner_text()
        )
        assert outside == []
    finally:
        page.close()


@pytest.fixture(scope="module")
def zensical_server(zensical):
    with serve(zensical["site"]) as url:
        yield url


@pytest.mark.parametrize(
    "path", ["index.html", "dwp2015-3-3/section-1/item-2.html", "timeline.html", "countries/aus.html"]
)
def test_zensical_pages_have_no_serious_accessibility_violation(zensical_server, browser, path):
    """In the light and the dark palette, as test_e2e does it for Material's pages."""
    page = browser.new_page()
    try:
        page.goto(f"{zensical_server}/{path}")
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
        found = {}
        for scheme in ("default", "slate"):
            page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
            found[scheme] = axe_violations(page, colours_only=scheme == "slate")
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 255, 255)"  # slate took
        assert found == {"default": [], "slate": []}
    finally:
        page.close()
