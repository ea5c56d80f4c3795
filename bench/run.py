"""Benchmark: prints figures, asserts nothing. `make bench` (or
`.venv/bin/python bench/run.py [--quick]`).

Measures, with several runs and their median:
- the builder alone on the chapter, and its share of the whole build;
- the full site build and the offline build;
- what a reader downloads for an item page, the search index, the zip;
- a synthetic corpus of 1, 10 and 50 chapters derived from the real one
  (bench/corpus.py): builder time, build time per chapter and per page,
  MkDocs' peak memory, and where MkDocs spends its time;
- a rebuild after one edit to a YAML file, as `make serve` does it;
- the three engines side by side (make site, and the engine's build alone);
- the search worker on the real chapter and on the largest corpus: P@1, time per query, heap;
- search in each edition on each engine, served and from the offline build.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.corpus import synthetic_content  # noqa: E402
from builder.engines import write_docs  # noqa: E402
from builder.site import build_site  # noqa: E402

PY = sys.executable
ENGINES = ("mkdocs", "properdocs", "zensical")
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1430000000")


def samples(fn, runs) -> list[float]:
    """fn's wall time, `runs` times."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def mkdocs(build_dir: Path, site: Path, offline=False):
    env = dict(ENV, HAKUSHO_OFFLINE="true" if offline else "false")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(
        [PY, "-m", "mkdocs", "build", "-q", "-f", str(build_dir / "mkdocs.yml"), "-d", str(site)],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
    )
    return max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def gz(path: Path) -> int:
    """Bytes on the wire: GitHub Pages (and most servers) send text gzipped."""
    return len(gzip.compress(path.read_bytes(), 9))


def page_bytes(site: Path, page: Path) -> dict:
    html = page.read_text(encoding="utf-8")
    out = {"html": len(html.encode()), "html_gz": gz(page)}
    for kind, pattern in (("css", r'href="([^"]+\.css)"'), ("js", r'src="([^"]+\.js)"')):
        out[kind] = sum(
            (page.parent / m).resolve().stat().st_size for m in re.findall(pattern, html) if not m.startswith("http")
        )
    return out


BASELINE_YML = """site_name: baseline
theme: {name: material, language: ja, font: false}
markdown_extensions: [footnotes, attr_list, md_in_html, tables, admonition, toc]
"""


def baseline_bytes(tmp: Path, page_md: Path) -> dict:
    """Material's own baseline: one page of the same Markdown, default theme settings, no nav, no extras."""
    root = tmp / "baseline"
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(BASELINE_YML, encoding="utf-8")
    (root / "docs" / "index.md").write_text(page_md.read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run(
        [PY, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml")],
        cwd=root,
        env=ENV,
        check=True,
        capture_output=True,
    )
    return page_bytes(root / "site", root / "site" / "index.html")


class Report:
    """The figures of one run, as the README shows them: each time with its min, median and
    max and its ratio to MkDocs' own build of the site in the same run; sizes as they are."""

    def __init__(self):
        self.tables: list[tuple[str, list[str], list[list[str]]]] = []
        self.base: float | None = None

    def times(self, title: str, rows: list[tuple[str, list[float]]]) -> None:
        out = []
        for measure, ts in rows:
            med = statistics.median(ts)
            out.append(
                [
                    measure,
                    f"{min(ts):.2f} s",
                    f"{med:.2f} s",
                    f"{max(ts):.2f} s",
                    str(len(ts)),
                    f"{med / self.base:.2f}×",
                ]
            )
        self.tables.append((title, ["measure", "min", "median", "max", "runs", "vs `mkdocs build`"], out))

    def values(self, title: str, columns: list[str], rows: list[list[str]]) -> None:
        self.tables.append((title, columns, rows))

    def markdown(self) -> str:
        out = []
        for title, columns, rows in self.tables:
            out += [
                f"**{title}**",
                "",
                "| " + " | ".join(columns) + " |",
                "|" + "|".join("---" if i == 0 else "---:" for i in range(len(columns))) + "|",
            ]
            out += ["| " + " | ".join(r) + " |" for r in rows]
            out.append("")
        return "\n".join(out)


def fingerprint() -> str:
    """The code the figures describe: builder/ and bench/, by content."""
    h = hashlib.sha256()
    for f in sorted(
        [*(REPO / "builder").rglob("*.py"), *(REPO / "builder").rglob("*.yaml"), *(REPO / "bench").glob("*.py")]
    ):
        h.update(f.relative_to(REPO).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:16]


BEGIN = "<!-- make bench writes what follows, to the end marker; do not edit it by hand -->"
END = "<!-- end of make bench's figures -->"


def write_readme(report: Report) -> None:
    readme = REPO / "README.md"
    text = readme.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        raise SystemExit(f"README.md has no block between {BEGIN!r} and {END!r}")
    load = os.getloadavg()[0]
    block = (
        f"{BEGIN}\n\nMeasured by `make bench` on {time.strftime('%Y-%m-%d')}, on {os.cpu_count()} cores "
        f"(load average {load:.1f} when it began), with the code of fingerprint `{fingerprint()}` "
        f"(builder/ and bench/; a test fails when the code no longer matches).\n\n{report.markdown()}\n"
    )
    head, rest = text.split(BEGIN, 1)
    readme.write_text(head + block + END + rest.split(END, 1)[1], encoding="utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer runs, corpus sizes 1 and 10")
    ap.add_argument("--readme", action="store_true", help="write the figures into README.md's Performance")
    args = ap.parse_args()
    runs = 3 if args.quick else 5
    sizes = (1, 10) if args.quick else (1, 10, 50)
    tmp = Path(tempfile.mkdtemp(prefix="hakusho-bench-"))
    load = os.getloadavg()[0]
    report = Report()

    def process(*cmd, before=None):
        def run():
            if before:
                before()
            subprocess.run(cmd, cwd=REPO, check=True, capture_output=True, env=ENV)

        return run

    # MkDocs' own build of the site (the main edition, from the docs the builder wrote): every
    # time below is a ratio of its median
    build = tmp / "build"
    write_docs(build_site(REPO / "content"), build, REPO)
    mkdocs(build, tmp / "site")
    base = samples(lambda: mkdocs(build, tmp / "site"), runs)
    report.base = statistics.median(base)
    offline = samples(lambda: mkdocs(build, tmp / "offline", offline=True), runs)

    # `make site` as a user runs it, warm (the virtualenv and compiled modules in place): after an
    # edit to content/ (the builder runs), and with nothing changed (make skips it)
    touch = lambda: os.utime(REPO / "content" / "hakusho.yaml")  # noqa: E731
    process("make", "site")()
    make_edit = samples(process("make", "site", before=touch), runs)
    make_same = samples(process("make", "site"), runs)
    proc = samples(process(PY, "-m", "builder", "build", "--out", str(tmp / "build-proc")), runs)
    # with nothing remembered (builder/memo.py): every page and input checked, as on a first build
    cold = samples(
        process(
            PY,
            "-m",
            "builder",
            "build",
            "--out",
            str(tmp / "build-proc"),
            before=lambda: shutil.rmtree(tmp / "build-proc" / "cache", ignore_errors=True),
        ),
        runs,
    )
    # a real edit, on a copy of content/: one event's headline changed (as bench/serve.py does it)
    from bench.serve import Headline

    edited = tmp / "edited" / "content"
    shutil.copytree(REPO / "content", edited)
    edit = Headline(edited.parent).change
    edit_cmd = (PY, "-m", "builder", "build", "--content", str(edited), "--out", str(tmp / "build-edited"))
    process(*edit_cmd)()
    after_edit = samples(process(*edit_cmd, before=edit), runs)
    in_memory = samples(lambda: build_site(REPO / "content"), runs)
    report.times(
        "Building the site",
        [
            ("`mkdocs build` of the site (the main edition): the base", base),
            ("the same, offline (Material's offline plugin)", offline),
            ("`make site` after an edit to content/ (both editions, site and offline, the zip)", make_edit),
            ("`make site` with content/ and builder/ unchanged (make skips the builder)", make_same),
            ("the builder's process in it (`python -m builder build`)", proc),
            ("the same after a real edit (a headline in events.yaml)", after_edit),
            ("the same with nothing remembered (a first build, every check run)", cold),
            ("the builder in memory (both editions → Markdown + data)", in_memory),
        ],
    )

    # the author's wait (bench/serve.py): save → page
    from bench import serve

    waits = serve.measure(trials=10 if not args.quick else 3)
    report.times(
        "Save → page (an event's headline edited; the served timeline polled until it shows it)", list(waits.items())
    )

    # the three engines side by side, each from its own virtualenv: `make site ENGINE=…` after an
    # edit to content/, and the engine's build of the site alone (Zensical also from an empty cache)
    rows = []
    for engine in ENGINES:
        make = process("make", "site", f"ENGINE={engine}", before=touch)
        make()
        python = str(REPO / (".venv" if engine == "mkdocs" else f".venv-{engine}") / "bin" / "python")
        alone = (
            [python, "-m", "zensical", "build", "-f", "zensical.yml"]
            if engine == "zensical"
            else [python, "-m", engine, "build", "-q", "-f", "build/mkdocs.yml", "-d", str(tmp / f"alone-{engine}")]
        )
        rows += [
            (f"`make site ENGINE={engine}` after an edit", samples(make, runs)),
            (f"{engine}'s build of the site alone", samples(process(*alone), runs)),
        ]
        if engine == "zensical":
            rows.append(
                (
                    "zensical's build of the site alone, from an empty cache",
                    samples(process(*alone, before=lambda: shutil.rmtree(REPO / ".cache", ignore_errors=True)), runs),
                )
            )
        shutil.copytree(REPO / "site", tmp / f"site-{engine}")
        shutil.copytree(REPO / "dist" / "offline", tmp / f"offline-{engine}")
    process("make", "site")()
    report.times("The engines (each in its own virtualenv)", rows)

    # scale: the synthetic corpus (bench/corpus.py); the builder in memory, then MkDocs in a
    # process of its own (its peak memory)
    rows, phases = [], []
    for n in sizes:
        content = synthetic_content(tmp / "corpus", n)
        b = samples(lambda c=content: build_site(c), 1 if n > 10 else runs)
        out = tmp / f"build-{n}"
        result = build_site(content)
        write_docs(result, out, REPO)
        pages = sum(1 for p in result.files if p.endswith(".md"))
        ms, peak = [], 0
        for _ in range(1 if n > 10 else runs):
            run = subprocess.run(
                [PY, "-m", "bench.mkdocs_phases", str(out / "mkdocs.yml"), str(tmp / f"site-{n}")],
                cwd=REPO,
                env=dict(ENV, HAKUSHO_OFFLINE="false"),
                check=True,
                capture_output=True,
                text=True,
            )
            m = json.loads(run.stdout)
            ms.append(m["total"])
            peak = max(peak, m["peak_kib"])
        rows.append((f"{n} chapter{'s' if n > 1 else ''} ({pages} pages): the builder", b))
        rows.append((f"{n} chapter{'s' if n > 1 else ''}: MkDocs (peak memory {peak // 1024} MiB)", ms))
        ph, kinds, total = m["phases"], m["by_folder"], m["total"]
        chapters = sum(v for k, v in kinds.items() if k not in ("countries", "timeline", "index"))
        phases.append(
            [str(n)]
            + [
                f"{100 * x / total:.0f} %"
                for x in (
                    ph["markdown"],
                    ph["templates"],
                    ph["rest"],
                    chapters,
                    kinds.get("countries", 0),
                    kinds.get("timeline", 0),
                )
            ]
        )
        if n != max(sizes):  # the largest is kept for the search worker's figures
            shutil.rmtree(tmp / f"site-{n}", ignore_errors=True)
    report.times("Scale (a synthetic corpus of the chapter copied: bench/corpus.py)", rows)
    report.values(
        "Where MkDocs spends its time (share of its build, the last run of each size)",
        ["chapters", "Markdown → HTML", "templates and plugins", "the rest", "chapter pages", "profiles", "timeline"],
        phases,
    )

    # bytes: what a reader downloads
    item = page_bytes(tmp / "site", tmp / "site" / "dwp2015-3-3" / "section-1" / "item-4.html")
    bare = baseline_bytes(tmp, build / "docs" / "dwp2015-3-3" / "section-1" / "item-4.md")
    index_path = tmp / "site" / "search" / "search_index.json"
    zip_path = REPO / "dist" / "hakusho-offline.zip"
    report.values(
        "What a reader downloads",
        ["what", "bytes", "gzipped"],
        [
            ["item page 1-4: HTML", f"{item['html']:,}", f"{item['html_gz']:,}"],
            ["the same Markdown in a bare Material site: HTML", f"{bare['html']:,}", f"{bare['html_gz']:,}"],
            ["item page 1-4: CSS / JS it loads", f"{item['css']:,} / {item['js']:,}", ""],
            ["the search index", f"{index_path.stat().st_size:,}", f"{gz(index_path):,}"],
            ["the offline zip", f"{zip_path.stat().st_size:,}", ""],
        ],
    )

    # the search worker alone, on the real chapter and on the largest corpus (bench/search_worker.py)
    from bench import search_worker

    report.values(
        search_worker.TITLE,
        search_worker.COLUMNS,
        search_worker.rows([("real chapter", tmp / "site"), (f"{max(sizes)} chapters", tmp / f"site-{max(sizes)}")]),
    )

    print(f"hakusho benchmark: {os.cpu_count()} cores, load average {load:.1f} when it began\n")
    print(report.markdown())
    if args.readme:
        write_readme(report)
        print("README.md: Performance written")

    # search: each edition's query set, served and from the offline build (bench/search.py), on each engine
    from bench import search

    for engine in ENGINES:
        for lang in search.EDITIONS:
            print(f"\n## search on {engine}, {lang}")
            search.main(tmp / f"site-{engine}", tmp / f"offline-{engine}", lang)
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
