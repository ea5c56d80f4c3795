"""Run one MkDocs build, as `mkdocs build` does, and print where its time goes
as JSON: Markdown to HTML per page (Python-Markdown), each page's templates
and plugin events (Material's theme, the search indexer), and the rest
(config, nav, static files, search index and sitemap). Used by bench/run.py,
in a process of its own, whose peak memory is the build's.

    python -m bench.mkdocs_phases BUILD_DIR/mkdocs.yml SITE_DIR
"""

from __future__ import annotations

import json
import logging
import resource
import sys
import time
from collections import defaultdict

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config


def main(config_file: str, site_dir: str) -> None:
    logging.disable(logging.WARNING)
    spent: dict[str, float] = defaultdict(float)
    by_kind: dict[str, float] = defaultdict(float)

    def timed(name, fn):
        def run(page, *args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(page, *args, **kwargs)
            finally:
                took = time.perf_counter() - t
                spent[name] += took
                # a page's first folder, or a top-level page's name: index, timeline, countries, <chapter>
                by_kind[page.file.src_uri.split("/", 1)[0].removesuffix(".md")] += took

        return run

    mkdocs_build._populate_page = timed("markdown", mkdocs_build._populate_page)
    mkdocs_build._build_page = timed("templates", mkdocs_build._build_page)
    t = time.perf_counter()
    mkdocs_build.build(load_config(config_file, site_dir=site_dir))
    total = time.perf_counter() - t
    spent["rest"] = total - spent["markdown"] - spent["templates"]
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"total": total, "phases": spent, "by_folder": by_kind, "peak_kib": peak_kib}))


if __name__ == "__main__":
    main(*sys.argv[1:])
