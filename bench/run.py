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
from builder.site import build_site, write_docs  # noqa: E402

PY = sys.executable
ENGINES = ("mkdocs", "properdocs", "zensical")
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1430000000")


def median_time(fn, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def mkdocs(build_dir: Path, site: Path, offline=False):
    env = dict(ENV, HAKUSHO_OFFLINE="true" if offline else "false")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([PY, "-m", "mkdocs", "build", "-q", "-f", str(build_dir / "mkdocs.yml"), "-d", str(site)],
                   cwd=REPO, env=env, check=True, capture_output=True)
    return max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def gz(path: Path) -> int:
    """Bytes on the wire: GitHub Pages (and most servers) send text gzipped."""
    return len(gzip.compress(path.read_bytes(), 9))


def page_bytes(site: Path, page: Path) -> dict:
    html = page.read_text(encoding="utf-8")
    out = {"html": len(html.encode()), "html_gz": gz(page)}
    for kind, pattern in (("css", r'href="([^"]+\.css)"'), ("js", r'src="([^"]+\.js)"')):
        out[kind] = sum((page.parent / m).resolve().stat().st_size for m in re.findall(pattern, html)
                        if not m.startswith("http"))
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
    subprocess.run([PY, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml")],
                   cwd=root, env=ENV, check=True, capture_output=True)
    return page_bytes(root / "site", root / "site" / "index.html")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer runs, corpus sizes 1 and 10")
    args = ap.parse_args()
    runs = 3 if args.quick else 5
    sizes = (1, 10) if args.quick else (1, 10, 50)
    tmp = Path(tempfile.mkdtemp(prefix="hakusho-bench-"))
    rows = []

    # builder alone, in memory (raw text to Markdown and data)
    builder_s = median_time(lambda: build_site(REPO / "content"), runs)

    # full build: builder writing the docs folder, then MkDocs; and the offline build
    build = tmp / "build"

    def full():
        write_docs(build_site(REPO / "content"), build, REPO)
        mkdocs(build, tmp / "site")

    full_s = median_time(full, runs)
    offline_s = median_time(lambda: mkdocs(build, tmp / "offline", offline=True), max(1, runs - 2))
    from builder.bundle import make_zip
    make_zip(tmp / "offline", tmp / "bundle.zip", 1430000000)
    # `make site` as a user runs it, warm (the virtualenv and compiled modules in place):
    # after an edit to content/ (the builder runs), and with nothing changed (make skips it)
    def process(*cmd, before=None):
        def run():
            if before:
                before()
            subprocess.run(cmd, cwd=REPO, check=True, capture_output=True)
        return run

    process("make", "site")()     # warm: compiled modules in build/pycache
    make_s = median_time(process("make", "site", before=lambda: os.utime(REPO / "content" / "hakusho.yaml")), runs)
    unchanged_s = median_time(process("make", "site"), runs)
    proc_s = median_time(process(PY, "-m", "builder", "build", "--out", str(tmp / "build-proc")), runs)
    # with nothing remembered (builder/memo.py): every page and input checked, as on a first build
    cold_s = median_time(process(PY, "-m", "builder", "build", "--out", str(tmp / "build-proc"),
                                 before=lambda: shutil.rmtree(tmp / "build-proc" / "cache", ignore_errors=True)), runs)
    # a real edit, on a copy of content/: one event's headline changed (its file's schema check,
    # and the pages it is on, run again; the other checks are remembered)
    edited = tmp / "content-edited"
    shutil.copytree(REPO / "content", edited)
    events = next(edited.glob("*/events.yaml"))
    headline = re.search(r"^  headline: (.+)$", events.read_text(encoding="utf-8"), re.M).group(1)

    def edit():
        text = events.read_text(encoding="utf-8")
        events.write_text(text.replace(headline + "\n", headline + "（改）\n", 1) if headline + "\n" in text
                          else text.replace(headline + "（改）\n", headline + "\n", 1), encoding="utf-8")
    edit_cmd = (PY, "-m", "builder", "build", "--content", str(edited), "--out", str(tmp / "build-edited"))
    process(*edit_cmd)()
    edit_s = median_time(process(*edit_cmd, before=edit), runs)
    rows += [("make site after an edit to content/ (site + offline bundle)", f"{make_s:.2f} s"),
             ("the builder's process in it (python -m builder build)", f"{proc_s:.2f} s = {100 * proc_s / make_s:.1f} %"),
             ("the same after a real edit (a headline in events.yaml)", f"{edit_s:.2f} s = {100 * edit_s / make_s:.1f} %"),
             ("the same with no check remembered (a first build)", f"{cold_s:.2f} s = {100 * cold_s / make_s:.1f} %"),
             ("make site with content/ and builder/ unchanged (no builder)", f"{unchanged_s:.2f} s")]
    rows += [("builder alone (chapter → Markdown + data)", f"{builder_s * 1000:.0f} ms"),
             ("full site build (builder + MkDocs)", f"{full_s:.2f} s"),
             ("builder's share of the full build", f"{100 * builder_s / full_s:.1f} %"),
             ("offline build (MkDocs, offline plugin)", f"{offline_s:.2f} s")]

    item = page_bytes(tmp / "site", tmp / "site" / "dwp2015-3-3" / "section-1" / "item-4.html")
    base = baseline_bytes(tmp, build / "docs" / "dwp2015-3-3" / "section-1" / "item-4.md")
    index_path = tmp / "site" / "search" / "search_index.json"
    index = index_path.stat().st_size
    index_text = sum(len(d["text"].encode()) + len(d["title"].encode())
                     for d in json.loads(index_path.read_text(encoding="utf-8"))["docs"])
    text_bytes = (REPO / "content" / "dwp2015-part3-ch3" / "dwp2015-part3-ch3.raw.txt").stat().st_size
    rows += [("item page (1-4): HTML / CSS / JS bytes", f"{item['html']:,} ({item['html_gz']:,} gzipped) / "
                                                        f"{item['css']:,} / {item['js']:,}"),
             ("the same Markdown in a bare Material site", f"{base['html']:,} ({base['html_gz']:,} gzipped) / "
                                                           f"{base['css']:,} / {base['js']:,}"),
             ("search index", f"{index:,} bytes ({index / text_bytes:.1f}× the raw text's {text_bytes:,}), "
                              f"{gz(index_path):,} gzipped; its text and titles: {index_text:,} bytes of UTF-8"),
             ("offline zip", f"{(tmp / 'bundle.zip').stat().st_size:,} bytes")]

    # scale: the builder in memory, then MkDocs in a process of its own (its phases and peak memory)
    scale = []
    for n in sizes:
        content = synthetic_content(tmp / "corpus", n)
        b = median_time(lambda c=content: build_site(c), 1 if n > 10 else runs)
        out = tmp / f"build-{n}"
        result = build_site(content)
        write_docs(result, out, REPO)
        pages = sum(1 for p in result.files if p.endswith(".md"))
        run = subprocess.run([PY, "-m", "bench.mkdocs_phases", str(out / "mkdocs.yml"),
                              str(tmp / f"site-{n}")], cwd=REPO, env=dict(ENV, HAKUSHO_OFFLINE="false"),
                             check=True, capture_output=True, text=True)
        m = json.loads(run.stdout)
        scale.append((n, pages, b, m, m["peak_kib"]))
        if n != max(sizes):          # the largest is kept for the search worker's figures
            shutil.rmtree(tmp / f"site-{n}", ignore_errors=True)

    # a rebuild after one YAML edit, as `make serve` does it (builder, then a full MkDocs build),
    # on a copy of the content: an event of the chronology retitled
    content = tmp / "content-edit"
    shutil.copytree(REPO / "content", content)
    events = content / "dwp2015-part3-ch3" / "events.yaml"
    original = events.read_text(encoding="utf-8")
    edited = original.replace("headline: ", "headline: 改題 ", 1)
    assert edited != original

    def rebuild():
        events.write_text(edited if events.read_text(encoding="utf-8") == original else original, encoding="utf-8")
        write_docs(build_site(content), build, REPO)
        mkdocs(build, tmp / "site")

    r = median_time(rebuild, max(1, runs - 2))
    rows.append(("rebuild after one YAML edit (builder + MkDocs)", f"{r:.2f} s"))

    width = max(len(a) for a, _ in rows)
    print(f"hakusho benchmark ({runs} runs, median; {os.cpu_count()} cores)")
    for a, b in rows:
        print(f"  {a:<{width}}  {b}")
    print("\nscale (synthetic corpus; MkDocs in its own process, peak RSS of that process)")
    print("| chapters | pages | builder | MkDocs | per chapter | per page | peak RSS |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n, pages, b, m, rss in scale:
        total = b + m["total"]
        print(f"| {n} | {pages} | {b:.2f} s | {m['total']:.1f} s | {total / n:.2f} s | "
              f"{1000 * total / pages:.0f} ms | {rss // 1024} MiB |")
    print("\nwhere MkDocs spends it (share of its time)")
    print("| chapters | Markdown → HTML | templates and plugins, per page | the rest | "
          "chapter pages | profiles | timeline |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n, _, _, m, _ in scale:
        ph, kinds, total = m["phases"], m["by_folder"], m["total"]
        chapters = sum(v for k, v in kinds.items() if k not in ("countries", "timeline", "index"))
        pct = [100 * x / total for x in (ph["markdown"], ph["templates"], ph["rest"], chapters,
                                         kinds.get("countries", 0), kinds.get("timeline", 0))]
        print(f"| {n} | " + " | ".join(f"{x:.0f} %" for x in pct) + " |")

    # the three engines side by side (issue 15), each from its own virtualenv, warm:
    # `make site ENGINE=…` after an edit to content/, and the engine's build of the site alone
    touch = lambda: os.utime(REPO / "content" / "hakusho.yaml")  # noqa: E731
    engines = []
    for engine in ENGINES:
        make = process("make", "site", f"ENGINE={engine}", before=touch)
        make()
        python = str(REPO / (".venv" if engine == "mkdocs" else f".venv-{engine}") / "bin" / "python")
        alone = ([python, "-m", "zensical", "build", "-f", "zensical.yml"] if engine == "zensical" else
                 [python, "-m", engine, "build", "-q", "-f", "build/mkdocs.yml", "-d", str(tmp / f"alone-{engine}")])
        engines.append((engine, median_time(make, runs), median_time(process(*alone), runs)))
        shutil.copytree(REPO / "site", tmp / f"site-{engine}")
        shutil.copytree(REPO / "dist" / "offline", tmp / f"offline-{engine}")
    process("make", "site")()
    print("\nengines (make site ENGINE=…, after an edit to content/; the engine's site build alone)")
    print("| engine | make site | site build alone | vs MkDocs |\n|---|---:|---:|---:|")
    for engine, make_t, alone_t in engines:
        print(f"| {engine} | {make_t:.2f} s | {alone_t:.2f} s | {alone_t / engines[0][2]:.2f}× |")

    # the search worker alone, on the real chapter and on the largest corpus (bench/search_worker.py)
    from bench import search_worker
    print()
    search_worker.main([("real chapter", tmp / "site"), (f"{max(sizes)} chapters", tmp / f"site-{max(sizes)}")])

    # search: each edition's query set, served and from the offline build (bench/search.py), on each engine
    from bench import search
    for engine in ENGINES:
        for lang in search.EDITIONS:
            print(f"\n## search on {engine}, {lang}")
            search.main(tmp / f"site-{engine}", tmp / f"offline-{engine}", lang)
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
