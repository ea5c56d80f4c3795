"""A page of the site, and links between pages: the site's file layout,
shared by every stage that writes pages."""

from __future__ import annotations

import functools
import html
import posixpath


class Page:
    def __init__(
        self,
        path: str,
        title: str,
        text: str,
        search_boost: float | None = None,
        search_exclude: bool = False,
        nav_title: str | None = None,
    ):
        self.path, self.title, self.text = path, title, text
        self.nav_title = nav_title or title  # shorter, where the nav says the rest
        if search_exclude:
            # nothing here the index lacks: Material's indexer then skips parsing the page at all
            self.text = "---\nsearch:\n  exclude: true\n---\n\n" + text
        elif search_boost is not None:
            # pages that quote the chapter rank below the chapter itself
            self.text = f"---\nsearch:\n  boost: {search_boost}\n---\n\n" + text


@functools.cache
def rel(src: str, dest: str) -> str:
    """Link from page `src` to file `dest` (both relative to the docs folder)."""
    return posixpath.relpath(dest, posixpath.dirname(src) or ".")


def page_url(path: str) -> str:
    """Site-relative URL of a Markdown page. The site and the offline bundle
    both use file URLs (use_directory_urls: false), so one URL serves both."""
    return path[: -len(".md")] + ".html"


def href(src: str, dest: str, anchor: str = "") -> str:
    """An HTML-escaped href from page `src` to page `dest`, for the raw HTML
    the builder writes where Python-Markdown would spend most of the build
    on link-heavy lists (timeline items, a profile's mentions)."""
    return html.escape(page_url(rel(src, dest)) + (f"#{anchor}" if anchor else ""))
