"""What changed since the last build: each input entry edited, added, removed or moved (file:line
and its key), and the output files that changed with it.

A valid edit (a headline reworded, a country entry moved) is no error, but it should never
change the site without a word: the build report names it. Each build keeps, in build/cache/,
a digest of every input (for a YAML file, of every value, with its line; for a text file, of
every line) and of every output file. The next build compares its own with them. A file whose
bytes did not change is not read again as YAML: its entries are the kept ones, so a rebuild
after one edit parses only the edited file. What is kept is bounded by the inputs (a file over
yamldoc.MAX_BYTES, or one that is not UTF-8, is kept as one digest) and holds no text of them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import yaml

from .inputs.yamldoc import MAX_BYTES, MAX_DEPTH, SafeLoader, composed, dotted

VERSION = 1
SHOWN_PER_FILE = 12  # entries printed of one file; more say how many more
SHOWN_OUTPUTS = 5  # output paths printed of each kind (changed, added, removed)

# A node: [kind, line, end line, digest, children]. kind "s" a scalar (children None), "m" a
# mapping (children [[key, node], ...] in the file's order), "l" a list (children [node, ...]),
# "t" a text file (children: each line's digest), "b" a file kept whole (children None).
Node = list[Any]
State = dict[str, Any]


def _digest(*parts: str) -> str:
    return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


class _NotATree(Exception):
    """A YAML file the tree cannot hold (an alias, too deep): kept as lines instead."""


def _tree(node: yaml.Node, depth: int, seen: set[int]) -> Node:
    if id(node) in seen or depth > MAX_DEPTH:
        raise _NotATree  # a failed build's file, or one the build does not read: nothing expands
    seen.add(id(node))
    line, end = node.start_mark.line + 1, max(node.start_mark.line + 1, node.end_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        kids = []
        for k, v in node.value:
            child = _tree(v, depth + 1, seen)
            child[1] = min(child[1], k.start_mark.line + 1)  # an entry starts at its key
            kids.append([str(k.value), child])
        return ["m", line, end, _digest("m", *(f"{k}\0{c[3]}" for k, c in kids)), kids]
    if isinstance(node, yaml.SequenceNode):
        items = [_tree(v, depth + 1, seen) for v in node.value]
        return ["l", line, end, _digest("l", *(c[3] for c in items)), items]
    return ["s", line, end, _digest("s", node.tag, str(node.value)), None]


def read_input(data: bytes, name: str, path: Path | None = None) -> Node:
    """One input file's entries: a YAML file's values, or a text file's lines. `path`: where the
    build read it (its parse is taken from yamldoc, not made again)."""
    whole = ["b", 1, 1, _digest(data.hex()) if len(data) < 64 else hashlib.blake2b(data, digest_size=8).hexdigest()]
    if len(data) > MAX_BYTES:
        return whole + [None]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return whole + [None]
    if name.endswith((".yaml", ".yml")):
        try:
            node = composed(path, text.removeprefix("\ufeff")) if path else None
            node = node or yaml.compose(text, Loader=SafeLoader)
            if node is not None:
                return _tree(node, 0, set())
        except (yaml.YAMLError, _NotATree):
            pass
    lines = [_digest(line) for line in text.split("\n")]
    return ["t", 1, len(lines), _digest("t", *lines), lines]


def inputs_of(root: Path, before: State | None = None) -> State:
    """Every file under the content folder -> (its bytes' digest, its entries). The entries of a
    file whose bytes are those of `before` are taken from it, not read again."""
    kept = (before or {}).get("inputs", {})
    out: State = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        data = path.read_bytes()
        h = hashlib.blake2b(data, digest_size=8).hexdigest()
        old = kept.get(rel)
        out[rel] = old if old and old[0] == h else [h, read_input(data, rel, path)]
    return out


def outputs_of(files: dict[str, str | bytes]) -> dict[str, str]:
    """Each output file (its path under the build folder) -> its digest."""
    out = {}
    for path, text in sorted(files.items()):
        data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
        out[path] = hashlib.blake2b(data, digest_size=8).hexdigest()
    return out


@dataclass(frozen=True)
class Change:
    """One input entry (or file) that changed: where it is now (or was, if removed)."""

    file: str  # the path under the content folder
    line: int | None  # 1-based: in the new file; a removed entry's, in the old
    end: int | None
    key: str  # the key path (events[37].headline); "" for a text file's lines or a whole file
    what: str  # "changed", "added", "removed", "moved (…)", "deleted", "new file" …
    gone: bool = False  # removed: its line is the old file's

    def text(self, shown: str) -> str:
        what = f"{self.key} {self.what}" if self.key else self.what
        if self.line is None:
            return f"{shown}: {what}"
        if self.gone:
            return f"{shown}: {what} (at line {self.line} before)"
        return f"{shown}:{self.line}: {what}"


@dataclass
class Report:
    """What changed between two builds' states; `first` if there was none before."""

    first: bool = False
    changes: list[Change] = field(default_factory=list)
    outputs: dict[str, list[str]] = field(default_factory=dict)  # changed / added / removed -> paths
    total_outputs: int = 0

    def shown(self) -> list[Change]:
        """The changes the report prints: the first SHOWN_PER_FILE of each file."""
        out, per = [], dict[str, int]()
        for c in self.changes:
            per[c.file] = per.get(c.file, 0) + 1
            if per[c.file] <= SHOWN_PER_FILE:
                out.append(c)
        return out

    def lines(self, root: Path, where: Path) -> list[str]:
        """The report's lines: none when nothing changed."""
        if self.first:
            return [f"changes: none to report, this is the first build recorded in {show_path(where)}"]
        if not self.changes and not any(self.outputs.values()):
            return []
        out = ["changes since the last build:"]
        shown = self.shown()
        for c in shown:
            out.append("  " + c.text(show_path(root / c.file)))
        for file in dict.fromkeys(c.file for c in self.changes):
            more = sum(1 for c in self.changes if c.file == file) - sum(1 for c in shown if c.file == file)
            if more:
                out.append(f"  {show_path(root / file)}: and {more} more entries")
        if not any(self.outputs.values()):
            out.append("  output: no file changed")
        for kind in ("changed", "added", "removed"):
            paths = self.outputs.get(kind, [])
            if paths:
                first = ", ".join(paths[:SHOWN_OUTPUTS]) + (", …" if len(paths) > SHOWN_OUTPUTS else "")
                out.append(f"  output: {len(paths)} of {self.total_outputs} files {kind}: {first}")
        if any(self.outputs.values()) and not self.changes:
            out.append("  (no input changed: the builder's code or its packages did)")
        return out


def show_path(path: Path) -> str:
    """A path as short as it can be said from here."""
    rel = os.path.relpath(path)
    return str(path) if rel.startswith("..") else rel


def compare(before: State | None, now: State) -> Report:
    """The report of `now` against `before` (None: the first build)."""
    if not before or before.get("version") != VERSION:
        return Report(first=True)
    report = Report(total_outputs=len(now["outputs"]))
    old_in, new_in = before["inputs"], now["inputs"]
    for rel in sorted(set(old_in) | set(new_in)):
        old, new = old_in.get(rel), new_in.get(rel)
        if old is None:
            report.changes.append(Change(rel, None, None, "", "new file"))
        elif new is None:
            report.changes.append(Change(rel, None, None, "", "deleted"))
        elif old[0] != new[0]:
            found: list[Change] = []
            _diff(rel, old[1], new[1], (), found)
            found.sort(key=lambda c: c.line or 0)  # in the file's order (a removed entry's line is its old one)
            report.changes += found or [Change(rel, None, None, "", "changed, no value changed (comments or layout)")]
    old_out, new_out = before["outputs"], now["outputs"]
    report.outputs = {
        "changed": _pages_first(p for p in new_out if p in old_out and old_out[p] != new_out[p]),
        "added": _pages_first(p for p in new_out if p not in old_out),
        "removed": _pages_first(p for p in old_out if p not in new_out),
    }
    return report


def _pages_first(paths: Iterable[str]) -> list[str]:
    """Pages (what a reader sees) before data files and configs."""
    return sorted(paths, key=lambda p: (not p.endswith(".md"), p))


def _diff(rel: str, old: Node, new: Node, place: tuple[str | int, ...], out: list[Change]) -> None:
    if old[3] == new[3]:
        return
    key = dotted(place)
    if old[0] != new[0] or old[0] in ("s", "b"):
        out.append(Change(rel, new[1], new[2], key, "changed"))
    elif old[0] == "m":
        olds, news = dict(old[4]), dict(new[4])
        for k, child in new[4]:
            if k in olds:
                _diff(rel, olds[k], child, place + (k,), out)
            else:
                out.append(Change(rel, child[1], child[2], dotted(place + (k,)), "added"))
        for k, child in old[4]:
            if k not in news:
                out.append(Change(rel, child[1], child[2], dotted(place + (k,)), "removed", gone=True))
        # the same keys in another order: name those out of it
        order_old = [k for k, _ in old[4] if k in news]
        order_new = [k for k, _ in new[4] if k in olds]
        if order_old != order_new:
            kept = _in_order(order_old, order_new)
            for k in order_new:
                if k not in kept:
                    out.append(
                        Change(rel, news[k][1], news[k][2], dotted(place + (k,)), f"moved (was at line {olds[k][1]})")
                    )
    elif old[0] == "l":
        _diff_items(rel, old[4], new[4], place, out)
    else:
        _diff_lines(rel, old[4], new[4], out)


def _in_order(a: list[str], b: list[str]) -> set[str]:
    """The items of b that keep their order from a (the longest run of matching blocks)."""
    sm = SequenceMatcher(None, a, b, autojunk=False)
    return {b[j] for _, j, n in sm.get_matching_blocks() for j in range(j, j + n)}


def _diff_items(rel: str, old: list[Node], new: list[Node], place: tuple[str | int, ...], out: list[Change]) -> None:
    """A list's items: those moved (the same item elsewhere), then those edited in place (paired in
    order within a changed stretch), then those added or removed."""
    sm = SequenceMatcher(None, [n[3] for n in old], [n[3] for n in new], autojunk=False)
    stretches = [(range(i1, i2), range(j1, j2)) for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal"]
    olds: list[int]
    news: list[int]
    gone: dict[str, list[int]] = {}
    for olds_all, _ in stretches:
        for i in olds_all:
            gone.setdefault(old[i][3], []).append(i)
    moved_from: set[int] = set()
    moved_to: set[int] = set()
    for _, news_all in stretches:
        for j in news_all:
            if gone.get(new[j][3]):
                i = gone[new[j][3]].pop(0)
                moved_from.add(i)
                moved_to.add(j)
                was = f"moved (was {dotted(place + (i,))}, line {old[i][1]})"
                out.append(Change(rel, new[j][1], new[j][2], dotted(place + (j,)), was))
    for olds_all, news_all in stretches:
        olds = [i for i in olds_all if i not in moved_from]
        news = [j for j in news_all if j not in moved_to]
        for i, j in zip(olds, news):
            _diff(rel, old[i], new[j], place + (j,), out)
        for j in news[len(olds) :]:
            out.append(Change(rel, new[j][1], new[j][2], dotted(place + (j,)), "added"))
        for i in olds[len(news) :]:
            out.append(Change(rel, old[i][1], old[i][2], dotted(place + (i,)), "removed", gone=True))


def _diff_lines(rel: str, old: list[str], new: list[str], out: list[Change]) -> None:
    sm = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "replace":
            out.append(Change(rel, j1 + 1, j2, "", _lines(j2 - j1, "changed")))
        elif tag == "insert":
            out.append(Change(rel, j1 + 1, j2, "", _lines(j2 - j1, "added")))
        elif tag == "delete":
            out.append(Change(rel, i1 + 1, i2, "", _lines(i2 - i1, "removed"), gone=True))


def _lines(n: int, what: str) -> str:
    return f"{n} line{'s' if n > 1 else ''} {what}"


def load(path: Path) -> State | None:
    """The last build's state, or None (none kept, or unreadable: the next build starts afresh)."""
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return state if isinstance(state, dict) and state.get("version") == VERSION else None


def save(path: Path, state: State) -> None:
    text = json.dumps(state, ensure_ascii=False, separators=(",", ":"))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def state_of(root: Path, outputs: dict[str, str], before: State | None) -> State:
    return {"version": VERSION, "inputs": inputs_of(root, before), "outputs": outputs}


def built_files(result: Any, out: Path) -> dict[str, str | bytes]:
    """What a build wrote, by its path under the build folder: each edition's docs folder (as
    site.write_docs lays them out) and the engine's configs."""
    files: dict[str, str | bytes] = {f"docs/{p}": t for p, t in result.files.items()}
    for edition in result.editions:
        files.update({f"docs-{edition.lang}/{p}": t for p, t in edition.files.items()})
    for config in sorted(out.glob("mkdocs*.yml")):
        files[config.name] = config.read_bytes()
    return files


def report_build(content: Path, out: Path, result: Any) -> list[str]:
    """The lines saying what changed since the last build (none when nothing did); keeps this
    build's state for the next."""
    where = out / "cache" / "changes.json"
    before = load(where)
    now = state_of(content, outputs_of(built_files(result, out)), before)
    report = compare(before, now)
    if report.first or report.changes or any(report.outputs.values()):
        save(where, now)
    return report.lines(content, where)
