"""Checks that passed, remembered between runs of `python -m builder build`.

Two checks depend on nothing but what they check: a page's Markdown (the
markdown-it check) and an input's data against its schema. The same input
gives the same answer, so a rebuild need only check what changed. A
fingerprint covers the input and the code that checks it: the builder's own
source and schemas and the checking packages' files, so new code or a new
package checks everything again. Only passes are kept: a failure is found
again, with its message, at every run. Off unless the command line turns it
on (`keep_in`), so the tests and a plain `build_site()` check everything.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from collections.abc import Callable
from pathlib import Path

# the packages whose code decides a check: jsonschema and what resolves its schemas, and markdown-it
_CHECKERS = ("jsonschema", "jsonschema_specifications", "referencing", "markdown_it", "mdit_py_plugins")


class Passed:
    """The fingerprints of the checks that passed: those of the last run, read
    from `path` (if its code was the same), and this run's, saved there."""

    def __init__(self, path: Path | None = None):
        self.path = path
        self.salt = ""
        self.before: set[str] = set()
        self.now: set[str] = set()
        if path:
            self.salt = _code_fingerprint()
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (FileNotFoundError, UnicodeDecodeError):
                lines = []
            if lines[:1] == [self.salt]:
                self.before = set(lines[1:])

    def key(self, *parts: str) -> str:
        h = hashlib.sha256(self.salt.encode())
        for p in parts:
            h.update(b"\0" + p.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def check(self, run: Callable[[], object], *parts: str) -> None:
        """run() unless these parts passed before; remember that they pass."""
        if not self.path:
            run()
            return
        key = self.key(*parts)
        if key not in self.before:
            run()
        self.now.add(key)

    def save(self) -> None:
        """Keep what passed in this run (and only that: the file does not grow)."""
        if self.path:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text("\n".join([self.salt, *sorted(self.now)]) + "\n", encoding="utf-8")


def _code_files() -> list[Path]:
    """The builder's code and schemas; of each checking package, the file that
    starts it (a new version or a reinstall writes it anew)."""
    own = sorted(
        Path(folder, name)
        for folder, dirs, names in os.walk(Path(__file__).parent)
        if "__pycache__" not in folder
        for name in names
        if name.endswith((".py", ".yaml"))
    )
    specs = (importlib.util.find_spec(name) for name in _CHECKERS)
    return own + [Path(spec.origin) for spec in specs if spec and spec.origin]


def _fingerprint(files: list[Path]) -> str:
    """Files by name, size and time: an edit or a reinstall moves it."""
    h = hashlib.sha256()
    for f in files:
        st = f.stat()
        h.update(f"{f}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _code_fingerprint() -> str:
    return _fingerprint(_code_files())


# the run's memory; the command line points it at a file
passed = Passed()


def keep_in(path: Path) -> None:
    global passed
    passed = Passed(path)
