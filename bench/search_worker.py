"""The search worker alone, measured (issue 24): the Japanese query set against a built site's
index, in Chromium, with the worker's script run in a page of the site (the same code and
engine as in its worker, where nothing can measure its heap): the time to load the index (on
the first query), each query's time (the fastest of three runs: the machine is shared; median
and p95 over the set), the heap after a collection with the index in it, and P@1. On the real chapter, and on the synthetic corpus of 50 chapters
(bench/corpus.py; each chapter a copy of the real one, so a result is right when its page is
an expected page of any copy). Figures, not pass/fail.

    .venv/bin/python bench/search_worker.py SITE_DIR [SITE_DIR_50]
    .venv/bin/python bench/search_worker.py SITE_DIR --build 50     # builds the corpus first (minutes)

The worker is the site's own (assets/javascripts/search-worker.js), so a site built by an
older commit is measured with that commit's worker and index.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
QUERIES = yaml.safe_load((REPO / "tests" / "search_queries.yaml").read_text(encoding="utf-8"))
FLAGS = ["--no-sandbox", "--js-flags=--expose-gc", "--enable-precise-memory-info"]

# in a page of the site: load the index as the worker does on the first query, then each query
RUN = """async (queries) => {
  gc(); await new Promise(r => setTimeout(r, 50)); gc();
  const before = performance.memory.usedJSHeapSize;
  const t0 = performance.now();
  let index;
  if (typeof loadIndex === "function") {          // the worker that loads its own index (issue 24)
    index = await new Promise((resolve, reject) =>
      loadIndex(resolve, reject, new URL("search/hakusho_search", location.href).href));
  } else {                                        // the worker Material hands MkDocs' index to
    const data = await (await fetch("search/search_index.json")).json();
    index = new Index(data.docs);
  }
  const load = performance.now() - t0;
  const times = [], first = [], pages = [];
  for (const q of queries) {
    let best = Infinity, result;
    for (let k = 0; k < 3; k++) {         // the first run, and the fastest of three (the machine is shared)
      const t = performance.now();
      result = index.search(q);
      const ms = performance.now() - t;
      if (k === 0) first.push(ms);
      best = Math.min(best, ms);
    }
    times.push(best);
    pages.push(result.items.slice(0, 5).map(g => g[0].location.split(/[?#]/)[0]));
  }
  window.__kept = index;
  gc(); await new Promise(r => setTimeout(r, 50)); gc();
  return {load, times, first, pages, heap: performance.memory.usedJSHeapSize, before};
}"""


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def measure(site: Path, browser) -> dict:
    """The worker of `site` on its own index: load time, per-query times, heap, first pages."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        page = browser.new_page()
        root = f"http://127.0.0.1:{httpd.server_address[1]}/"
        page.route(
            root + "__bench.html",
            lambda r: r.fulfill(body="<!doctype html><title>bench</title>", content_type="text/html"),
        )
        page.goto(root + "__bench.html")
        page.add_script_tag(path=str(site / "assets" / "javascripts" / "search-worker.js"))
        out = page.evaluate(RUN, [q["q"] for q in QUERIES])
        page.close()
        return out
    finally:
        httpd.shutdown()


def right(page: str, about: list[str]) -> bool:
    """A result page against the set's expected pages, in any chapter's copy (ch007/section-1/item-4)."""
    page = re.sub(r"\.html$", "", page).removesuffix("/index")
    page = re.sub(r"^(dwp2015-3-3|ch\d{3})/", "", page) or "index"
    return page in about


SLOWEST: list[str] = []


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


COLUMNS = ["site", "queries", "P@1", "load", "median / p95, first run", "median / p95, fastest of 3", "max", "heap"]


def row(name: str, m: dict) -> list[str]:
    """One site's figures, as the cells of COLUMNS."""
    times = sorted(m["times"])
    hits = [bool(p) and right(p[0], q["about"]) if q["kind"] != "none" else not p for q, p in zip(QUERIES, m["pages"])]
    parts: dict = {}
    for q, hit in zip(QUERIES, hits):
        parts.setdefault(q.get("part", "held-out") + (f" ({q['from']})" if "from" in q else ""), []).append(hit)
    slow = sorted(zip(m["first"], (q["q"] for q in QUERIES)), reverse=True)[:5]
    SLOWEST.append(f"{name}: " + ", ".join(f"{q} {ms:.0f} ms" for ms, q in slow))
    return [
        name,
        str(len(QUERIES)),
        ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in parts.items()),
        f"{m['load']:.0f} ms",
        f"{statistics.median(m['first']):.1f} / {p95(m['first']):.1f} ms",
        f"{statistics.median(times):.1f} / {p95(times):.1f} ms",
        f"{max(m['first']):.0f} ms",
        f"{m['heap'] / 2**20:.1f} MB ({(m['heap'] - m['before']) / 2**20:.1f} MB)",
    ]


def rows(sites: list[tuple[str, Path]]) -> list[list[str]]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        out = [row(name, measure(site, browser)) for name, site in sites]
        browser.close()
    return out


def build_corpus(n: int, root: Path) -> Path:
    """The synthetic corpus of n chapters, built by the builder and MkDocs (as `make site`, no bundle)."""
    sys.path.insert(0, str(REPO))
    from bench.corpus import synthetic_content
    from builder.engines import write_docs
    from builder.site import build_site

    write_docs(build_site(synthetic_content(root, n)), root / "build", REPO)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HAKUSHO_OFFLINE="false")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            str(root / "build" / "mkdocs.yml"),
            "-d",
            str(root / "site"),
        ],
        cwd=REPO,
        env=env,
        check=True,
    )
    return root / "site"


TITLE = (
    "The search worker, in Chromium (bench/search_worker.py): the Japanese set's P@1 by part; the index's "
    "load on the first query; time per query; the heap after a collection with the index loaded (in "
    "brackets: what loading it added)"
)


def main(sites: list[tuple[str, Path]]) -> None:
    print(TITLE)
    print(f"(load average when it started: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print("| " + " | ".join(COLUMNS) + " |\n|---|" + "---:|" * (len(COLUMNS) - 1))
    for cells in rows(sites):
        print("| " + " | ".join(cells) + " |")
    print("slowest queries: " + "; ".join(SLOWEST))


if __name__ == "__main__":
    args = sys.argv[1:]
    sites = [("real chapter", Path(args[0]))]
    if len(args) >= 3 and args[1] == "--build":
        n = int(args[2])
        sites.append((f"{n} chapters", build_corpus(n, Path(tempfile.mkdtemp(prefix="hakusho-search-")))))
    elif len(args) >= 2:
        sites.append(("50 chapters", Path(args[1])))
    main(sites)
