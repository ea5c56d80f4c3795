"""The author's wait: save → page, as an editor lives it (issue 26). Prints figures,
asserts nothing. `.venv/bin/python bench/serve.py [--trials N]` (make bench runs it).

On a copy of the project (content/, builder/, overrides/, mkdocs.yml) in a temporary
folder, each way of serving runs in turn on a free port; each trial changes one
event's headline in events.yaml and polls the served timeline page every 10 ms
until the new headline is on it. The ways:
- `make serve` (MkDocs): python -m builder serve, one process;
- MkDocs' own serve beside python -m builder watch (the engine's own loop, the
  figure the others are a ratio of);
- Zensical's serve beside python -m builder watch --engine zensical, where its
  virtualenv is installed (make engines).
Then the builder's process as `make site` runs it after the same edit
(python -m builder build), against MkDocs' own build of the site in the same run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PY = str(REPO / ".venv" / "bin" / "python")
ZENSICAL = REPO / ".venv-zensical" / "bin" / "python"
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1430000000", PYTHONDONTWRITEBYTECODE="")
PROJECT = ("content", "builder", "overrides", "mkdocs.yml")
TIMEOUT = 30.0


def copy_project(to: Path) -> Path:
    for name in PROJECT:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, to / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, to / name)
    return to


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, since: float) -> float:
    while time.perf_counter() - since < TIMEOUT:
        page = fetch(url)
        if page and text in page:
            return time.perf_counter() - since
        time.sleep(0.01)
    raise TimeoutError(f"{url} never showed {text!r}")


class Headline:
    """One event's headline in a copy's events.yaml, changed to a new text at each trial."""

    def __init__(self, root: Path):
        self.file = next((root / "content").glob("*/events.yaml"))
        self.text = self.file.read_text(encoding="utf-8")
        self.original = re.search(r"^  headline: (.+)$", self.text, re.M).group(1)
        self.n = 0

    def change(self) -> str:
        self.n += 1
        new = f"{self.original}（改{self.n}）"
        self.file.write_text(
            self.text.replace(f"headline: {self.original}\n", f"headline: {new}\n", 1), encoding="utf-8"
        )
        return new


def serving(name: str, root: Path, commands: list[list[str]], page: str, trials: int) -> list[float]:
    """Start the commands (in root), wait for the page, then time `trials` edits."""
    # each server writes its log for as long as it runs: closed with it, below
    logs = [open(root / f"serve-{k}.log", "w") for k in range(len(commands))]  # noqa: SIM115
    procs = [
        subprocess.Popen(cmd, cwd=root, env=ENV, stdout=log, stderr=subprocess.STDOUT)
        for cmd, log in zip(commands, logs)
    ]
    try:
        headline = Headline(root)
        start = time.perf_counter()
        wait_for(page, headline.original, start)
        time.sleep(1.0)  # let the first build's own events settle
        times = []
        for _ in range(trials):
            new = headline.change()
            times.append(wait_for(page, new, time.perf_counter()))
            time.sleep(0.5)  # an editor does not save twice in a breath
        return times
    except TimeoutError as e:
        said = "".join(
            f"\n--- {' '.join(c[1:4])}:\n{Path(log.name).read_text()[-2000:]}" for c, log in zip(commands, logs)
        )
        raise SystemExit(f"{name}: {e}{said}") from None
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        for log in logs:
            log.close()


def process_times(root: Path, trials: int) -> tuple[list[float], list[float]]:
    """python -m builder build after a headline edit, and MkDocs' own build of the same docs."""
    headline = Headline(root)
    build = root / "build"
    builder, mkdocs = [], []
    subprocess.run([PY, "-m", "builder", "build"], cwd=root, env=ENV, check=True, capture_output=True)
    for _ in range(trials):
        headline.change()
        t = time.perf_counter()
        subprocess.run([PY, "-m", "builder", "build"], cwd=root, env=ENV, check=True, capture_output=True)
        builder.append(time.perf_counter() - t)
        t = time.perf_counter()
        subprocess.run(
            [PY, "-m", "mkdocs", "build", "--strict", "-f", str(build / "mkdocs.yml"), "-d", str(root / "site")],
            cwd=root,
            env=ENV,
            check=True,
            capture_output=True,
        )
        mkdocs.append(time.perf_counter() - t)
    return builder, mkdocs


def measure(trials: int = 10) -> dict[str, list[float]]:
    """Each way's save → page, then the builder's process and MkDocs' build after the same edit."""
    tmp = Path(tempfile.mkdtemp(prefix="hakusho-serve-bench-"))
    ways = {
        "save → page: `make serve` (python -m builder serve)": lambda port: [
            [PY, "-m", "builder", "serve", "--address", f"127.0.0.1:{port}"]
        ],
        "save → page: `mkdocs serve` beside python -m builder watch": lambda port: [
            [PY, "-m", "builder", "watch"],
            [PY, "-m", "mkdocs", "serve", "--livereload", "-f", "build/mkdocs.yml", "-a", f"127.0.0.1:{port}"],
        ],
    }
    if ZENSICAL.exists():
        ways["save → page: `zensical serve` beside python -m builder watch --engine zensical"] = lambda port: [
            [PY, "-m", "builder", "watch", "--engine", "zensical"],
            [str(ZENSICAL), "-m", "zensical", "serve", "-f", "zensical.yml", "-a", f"127.0.0.1:{port}"],
        ]
    figures = {}
    for n, (name, commands) in enumerate(ways.items()):
        root = copy_project(tmp / f"way-{n}")
        # as `make serve` does: the docs and the engine's config first (its server reads it at start)
        subprocess.run(
            [PY, "-m", "builder", "build", "--engine", "zensical" if "zensical" in name else "mkdocs"],
            cwd=root,
            env=ENV,
            check=True,
            capture_output=True,
        )
        port = free_port()
        figures[name] = serving(name, root, commands(port), f"http://127.0.0.1:{port}/timeline.html", trials)
    builder, mkdocs = process_times(copy_project(tmp / "process"), trials)
    figures["`python -m builder build` after the same edit"] = builder
    figures["`mkdocs build` of the docs it wrote"] = mkdocs
    shutil.rmtree(tmp, ignore_errors=True)
    return figures


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trials", type=int, default=10)
    args = ap.parse_args(argv)
    figures = measure(args.trials)
    base = statistics.median(figures["`mkdocs build` of the docs it wrote"])
    print(f"{args.trials} edits of one headline each; {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}")
    print("| measure | min | median | max | vs `mkdocs build` |")
    print("|---|---:|---:|---:|---:|")
    for name, ts in figures.items():
        med = statistics.median(ts)
        print(f"| {name} | {min(ts):.2f} s | {med:.2f} s | {max(ts):.2f} s | {med / base:.2f}× |")


if __name__ == "__main__":
    main()
