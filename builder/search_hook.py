"""An MkDocs hook (build/mkdocs.yml names it, by its path, so it imports the builder by name; MkDocs and ProperDocs run it, Zensical has a
search of its own): after the build, the search worker's data is written beside the index
MkDocs' search plugin wrote, and that index is cut to its settings (builder/search_data.py
says why). The other edition's paragraphs, which the pages carry hidden and the index leaves
out, are read from each page as it is built, by the heading they sit under."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from builder.search_data import as_json, as_script, plain, search_data

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from .search_data import Json

DATA = "search/hakusho_search"  # .json (served), .js (the bundle, from file://)
_other: dict[str, list[tuple[str, str]]] = {}  # page url -> (heading id, its counterpart text) in order

HEADING = re.compile(r"<h[1-6]\b[^>]*\bid=\"([^\"]+)\"")
COUNTERPART = re.compile(r"<p\b[^>]*\bclass=\"[^\"]*\bhk-cp\b[^>]*>(.*?)</p>", re.S)
PILCROW = re.compile(r"^\s*<a\b[^>]*>¶</a>")


def on_pre_build(config: MkDocsConfig, **kwargs: object) -> None:
    _other.clear()


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: object) -> str:
    if "hk-cp" in html:
        heads = [(m.start(), m.group(1)) for m in HEADING.finditer(html)]
        found: list[tuple[str, str]] = []
        for m in COUNTERPART.finditer(html):
            under = [h for at, h in heads if at < m.start()]
            found.append((under[-1] if under else "", plain(PILCROW.sub("", m.group(1)))))
        _other[page.url] = found
    return html


def on_post_build(config: MkDocsConfig, **kwargs: object) -> None:
    search = Path(config["site_dir"]) / "search"
    index_path = search / "search_index.json"
    if not index_path.exists():  # no search plugin, or another engine's own search
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    if not index.get("docs"):  # already cut (a build that wrote nothing new)
        return
    extra = config.get("extra") or {}
    variants = extra.get("hakusho_search") or {}
    data = search_data(index, other_by_location(index), variants, variants.get("words", {}))
    stub = {"config": index.get("config", {}), "docs": []}
    index_path.write_text(json.dumps(stub, ensure_ascii=False), encoding="utf-8")
    script = search / "search_index.js"
    if script.exists():  # the offline build: its copy for file://, where a worker loads scripts
        script.write_text(f"var __index = {json.dumps(stub, ensure_ascii=False)}", encoding="utf-8")
        (search / f"{Path(DATA).name}.js").write_text(as_script(data), encoding="utf-8")
    else:
        (search / f"{Path(DATA).name}.json").write_text(as_json(data), encoding="utf-8")


# after every plugin's: the offline plugin copies the search plugin's index into a script at -100
on_post_build.mkdocs_priority = -200  # type: ignore[attr-defined]  # MkDocs reads a hook's priority here (what mkdocs.plugins.event_priority sets)


def other_by_location(index: Json) -> dict[str, str]:
    """Each document's counterpart text: the paragraphs under its heading, or, where the index has
    no document for that heading, under the nearest heading before it that has one."""
    locations = {d["location"] for d in index["docs"]}
    out: dict[str, list[str]] = {}
    for url, found in _other.items():
        at = url
        for heading, text in found:
            if f"{url}#{heading}" in locations:
                at = f"{url}#{heading}"
            out.setdefault(at, []).append(text)
    return {k: " ".join(v) for k, v in out.items()}
