"""The author's loop: `python -m builder watch` and `python -m builder serve`.

Both react to the file system's own events (watchdog's native observer, inotify
here), not to a poll: MkDocs' server and our old watcher each polled every 0.5 s,
which added up to a second to every save.

`watch` rebuilds the docs folder (and, for Zensical, its config: a new page must
reach its nav) and leaves the engine's own server to notice. `serve` is one
process for MkDocs: it rebuilds the docs in memory and has MkDocs build the
site in the same process, then MkDocs' livereload server reloads the page, so
an edit pays neither process start-up nor imports nor a second watcher.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from watchdog.events import FileSystemEvent, FileSystemEventHandler

from .errors import InputError

if TYPE_CHECKING:
    from watchdog.observers.api import BaseObserver, ObservedWatch

REPO = Path(__file__).resolve().parent.parent
CODE = REPO / "builder"
# Edits come as bursts (an editor writes a file, then renames it; git checks out
# several): wait this long after the last event of a burst before rebuilding.
QUIET = 0.03


def _restart(argv: list[str], changed: set[Path]) -> None:
    """A running process keeps the modules it imported: new code means a new process."""
    code = sorted(p.relative_to(REPO).as_posix() for p in changed if is_code(p))
    print(f"builder: code changed ({', '.join(code)}), restarting", flush=True)
    os.execv(sys.executable, [sys.executable, "-m", "builder", *argv])


def _log_warnings(name: str) -> None:
    """MkDocs' warnings (a broken link) on the terminal, as its own command line shows them."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logger = logging.getLogger(name)
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)


class Build(Protocol):
    """The builder's command (builder/__main__.py's build): the docs folder and the engine's config."""

    def __call__(self, content: Path, out: Path, quiet: bool = False, engine: str = "mkdocs") -> object: ...


def shape(out: Path) -> tuple[str, list[str]]:
    """What every page shows or is built from besides its own Markdown: the nav and the set of pages."""
    return (
        (out / "mkdocs.yml").read_text(encoding="utf-8"),
        sorted(p.relative_to(out).as_posix() for p in out.glob("docs*/**/*") if p.is_file()),
    )


def merged_index(whole: str, part: str) -> str:
    """MkDocs' search index after a build of the changed pages only (it indexes those alone):
    the last whole index with each rebuilt page's entries in place of its old ones."""
    import json

    old, new = json.loads(whole), json.loads(part)

    def page(entry: dict[str, Any]) -> str:
        location: str = entry["location"]
        return location.split("#", 1)[0]

    fresh: dict[str, list[dict[str, Any]]] = {}
    for entry in new["docs"]:
        fresh.setdefault(page(entry), []).append(entry)
    docs: list[dict[str, Any]] = []
    placed: set[str] = set()
    for entry in old["docs"]:
        where = page(entry)
        if where not in fresh:
            docs.append(entry)
        elif where not in placed:
            docs += fresh[where]
            placed.add(where)
    docs += [e for where, entries in fresh.items() if where not in placed for e in entries]
    return json.dumps({**new, "docs": docs}, ensure_ascii=False, separators=(",", ":"))


class Changes(FileSystemEventHandler):
    """The paths that changed since the last take(), fed by watchdog's observer thread."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._paths: set[Path] = set()

    def dispatch(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            return
        with self._cond:
            self._paths.update(Path(os.fsdecode(p)) for p in (event.src_path, event.dest_path) if p)
            self._cond.notify_all()

    def take(self) -> set[Path]:
        """Wait for a change, then for a quiet moment; the paths changed meanwhile."""
        with self._cond:
            self._cond.wait_for(lambda: self._paths)
            while self._cond.wait(timeout=QUIET):
                pass
            paths, self._paths = self._paths, set()
        return paths

    def take_now(self) -> set[Path]:
        with self._cond:
            paths, self._paths = self._paths, set()
        return paths


def writes_observer() -> BaseObserver:
    """watchdog's native observer, told of writes, moves and deletions only: inotify also
    reports every file opened or read, and a build reads every file it watches."""
    from watchdog import events
    from watchdog.observers import Observer

    writes: list[type[FileSystemEvent]] = [
        events.FileCreatedEvent,
        events.FileModifiedEvent,
        events.FileMovedEvent,
        events.FileDeletedEvent,
        events.FileClosedEvent,
    ]

    # Observer is the platform's class, chosen as watchdog is imported: typed as a factory of one
    class Writes(Observer):  # type: ignore[valid-type,misc]
        def schedule(
            self,
            handler: FileSystemEventHandler,
            path: str | Path,
            *,
            recursive: bool = False,
            event_filter: list[type[FileSystemEvent]] | None = None,
            follow_symlink: bool = False,
        ) -> ObservedWatch:
            watch: ObservedWatch = super().schedule(
                handler, path, recursive=recursive, event_filter=event_filter or writes, follow_symlink=follow_symlink
            )
            return watch

    observer: BaseObserver = Writes()
    return observer


def observe(changes: Changes, *paths: Path) -> BaseObserver:
    observer = writes_observer()
    for path in paths:
        if path.is_dir():
            observer.schedule(changes, str(path), recursive=True)
        elif path.exists():  # a file: watch its folder; the changes name the file
            observer.schedule(changes, str(path.parent), recursive=False)
    observer.daemon = True
    observer.start()
    return observer


def is_code(path: Path) -> bool:
    return path.suffix in (".py", ".yaml") and CODE in path.parents and "__pycache__" not in path.parts


def watch(content: Path, out: Path, build: Build, engine: str = "mkdocs") -> None:
    """Rebuild the docs folder (and the engine's config) on every change to content/."""
    changes = Changes()
    observe(changes, content, CODE)
    argv = ["watch", "--content", str(content), "--out", str(out), "--engine", engine]
    rebuild_docs(content, out, engine, build)
    while True:
        changed = changes.take()
        if any(is_code(p) for p in changed):
            _restart(argv, changed)
        if any(content in p.parents for p in changed):
            rebuild_docs(content, out, engine, build)


def rebuild_docs(content: Path, out: Path, engine: str, build: Build) -> bool:
    """The builder, in this process; bad input is reported and leaves the last docs in place."""
    start = time.perf_counter()
    try:
        build(content, out, quiet=True, engine=engine)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr, flush=True)
        return False
    print(f"builder: docs rebuilt in {time.perf_counter() - start:.2f} s", flush=True)
    return True


def serve(content: Path, out: Path, build: Build, address: str) -> None:
    """MkDocs' livereload server, fed by this process: on a change to content/, the
    builder's docs and then MkDocs' build of the main edition, in memory; on a change to
    the theme (overrides/, mkdocs.yml), MkDocs' build alone; on the builder's code, a
    restart."""
    from mkdocs.livereload import LiveReloadServer

    _log_warnings("mkdocs")
    # a build of the changed pages warns that it is one; here that is the point, and strict
    # (mkdocs.yml) would stop on it
    logging.getLogger("mkdocs.commands.build").addFilter(
        lambda record: not record.getMessage().startswith("A 'dirty' build")
    )
    host, _, port = address.rpartition(":")
    site = ServedSite(out / "mkdocs.yml", f"http://{host}:{port}/")
    argv = ["serve", "--content", str(content), "--out", str(out), "--address", address]
    if not rebuild_docs(content, out, "mkdocs", build):
        raise InputError(content, None, "the content has errors (above): fix them and run `make serve` again")
    changes = Changes()
    rebuild = Rebuild(content, out, build, site, changes, argv)
    server = LiveReloadServer(builder=rebuild, host=host, port=int(port), root=site.dir)
    # MkDocs' server polls (every 0.5 s) and waits 0.1 s for a burst to end: told by
    # the file system instead, it starts as soon as the burst is over.
    server.observer = writes_observer()  # type: ignore[assignment]  # typed as the polling one it makes
    server.build_delay = QUIET
    for path in (content, CODE, REPO / "overrides", REPO / "mkdocs.yml"):
        server.watch(str(path))
        server.observer.schedule(changes, str(path if path.is_dir() else path.parent), recursive=path.is_dir())
    if not site.build(dirty=False):
        raise InputError(site.config, None, "MkDocs stopped on the warnings above: fix them and run `make serve` again")
    print(f"serving the site at {site.url}", flush=True)
    try:
        server.serve()  # type: ignore[no-untyped-call]  # MkDocs' own, unannotated
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


class ServedSite:
    """MkDocs' build of the main edition, in this process, into a folder of its own that the
    server serves."""

    def __init__(self, config: Path, url: str) -> None:
        self.config = config
        self.url = url
        self.dir = tempfile.mkdtemp(prefix="hakusho-serve-")

    def build(self, dirty: bool) -> bool:
        """The site, or (dirty) only the pages the builder rewrote, with the search index merged
        into the last whole one; False where MkDocs stopped (its warnings are on the terminal)."""
        from mkdocs.commands.build import build as mkdocs_build
        from mkdocs.config import load_config
        from mkdocs.exceptions import Abort

        config = load_config(str(self.config), site_dir=self.dir)
        config.site_url = self.url
        start = time.perf_counter()
        index = Path(self.dir) / "search" / "search_index.json"
        whole = index.read_text(encoding="utf-8") if dirty and index.exists() else None
        try:
            mkdocs_build(config, serve_url=self.url, dirty=dirty)
        except Abort as e:  # strict (mkdocs.yml): a warning above stopped it; the last site stays
            print(f"error: {e}", file=sys.stderr, flush=True)
            return False
        if whole:
            index.write_text(merged_index(whole, index.read_text(encoding="utf-8")), encoding="utf-8")
        print(
            f"mkdocs: site rebuilt{' (the changed pages)' if dirty else ''} in {time.perf_counter() - start:.2f} s",
            flush=True,
        )
        return True


class Rebuild:
    """What the server runs after a burst of changes: a restart for new code; the docs for a
    change to content/; then the site, only the changed pages where that is enough."""

    def __init__(
        self, content: Path, out: Path, build: Build, site: ServedSite, changes: Changes, argv: list[str]
    ) -> None:
        self.content, self.out, self.build, self.site = content, out, build, site
        self.changes, self.argv = changes, argv
        self.docs_ok = True

    def __call__(self) -> None:
        changed = self.changes.take_now()
        if any(is_code(p) for p in changed):
            _restart(self.argv, changed)
        before = shape(self.out)
        if not changed or any(self.content in p.parents for p in changed):
            self.docs_ok = rebuild_docs(self.content, self.out, "mkdocs", self.build)
        if self.docs_ok:  # else the last site stays, and the error is on the terminal
            # only the pages the builder rewrote, unless the nav, the set of pages or the theme
            # changed, which every page shows
            dirty = bool(changed) and all(self.content in p.parents for p in changed) and shape(self.out) == before
            self.site.build(dirty=dirty)
