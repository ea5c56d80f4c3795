"""Editing slips and hostile inputs at random: prints figures, asserts nothing.

    .venv/bin/python bench/slips.py [--runs N] [--seed S] [--raw | --fuzz | --attacks] [--repo PATH]

copies content/, makes one slip (one line of one YAML input changed, lines
lost, doubled or moved, a file emptied or deleted; with --raw a line of the
raw chapter lost, doubled, cut or joined), builds the site in memory in a
child process, and sorts the outcome into one of:

- **clear error**: the build stopped with an InputError (file, line, what was expected);
- **unchanged**: it built, and every page and data file is as the untouched content's;
- **changed, reported**: it built, its output differs, and its report names the slip: the
  change report (builder/changes.py: what changed since the last build) or a warning or
  notice names the slip's file and a line the slip touched (within one line), or, for a
  file deleted or emptied, the file;
- **silent change**: it built, its output differs, and nothing it said names the slip;
- **crash**: any other exception (a traceback for the user);
- **hang**: no answer within --timeout seconds (or over --memory GiB).

The lines a slip touched are those difflib finds changed between the file before and
after it, in either numbering. Only what the change report prints counts (the first
entries of a file, not those it leaves out). Two looser figures are printed beside, for
comparison with earlier runs: the same rule without the change report (what main's
builder says), and the rule of issue 25 ("told": anything said that the untouched
content's build does not say, warnings compared without their line numbers, since a slip
that moves lines moves every warning below it).

`--fuzz` mutates the raw chapter the way a bad extraction or a hostile file
would (lines lost, doubled or swapped; characters garbled; one character of each
control class put in; CRLF; a BOM; empty; binary; ten times the size) and counts,
besides the outcomes, the builds that let a control character reach a page or
a data file. `--attacks` runs the fixed set of issue 25, each named.

`--repo PATH` runs another checkout's builder on this content (the figures of
main before a change: `git archive main | tar -x -C /tmp/before`).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import os
import pickle
import random
import re
import resource
import select
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"

OUTCOMES = ("clear error", "unchanged", "changed, reported", "silent change", "crash", "hang")

# characters that must reach no page and no export, by class (tab and newline are the text's own)
CONTROL_CLASSES = {
    "C0 control (BEL)": "\x07",
    "C0 control (NUL)": "\x00",
    "backspace": "\x08",
    "vertical tab": "\x0b",
    "form feed": "\x0c",
    "lone CR": "\r",
    "escape": "\x1b",
    "DEL": "\x7f",
    "C1 control (NEL)": "\x85",
    "C1 control (CSI)": "\x9b",
    "zero-width space": "\u200b",
    "zero-width joiner": "\u200d",
    "word joiner": "\u2060",
    "BOM mid-line": "\ufeff",
    "right-to-left override": "\u202e",
    "left-to-right embedding": "\u202a",
    "right-to-left isolate": "\u2067",
    "pop directional isolate": "\u2069",
    "right-to-left mark": "\u200f",
    "line separator": "\u2028",
    "paragraph separator": "\u2029",
    "interlinear annotation": "\ufff9",
}
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)


def yaml_slips(line: str) -> list[str]:
    """What a hand on a keyboard does to a line of YAML."""
    out = ["", line + " #", "  " + line, line.lstrip(), line[: len(line) // 2]]
    if ":" in line:
        key, value = line.split(":", 1)
        out += [
            key + ":",
            key + ": []",
            key + ": {}",
            key + ": 3",
            key + ": null",
            key + ": ''",
            key + ":" + value + "x",
            key[:-1] + ":" + value,
            key + ": '[('",
            key + ": '(?P<x>a)'",
            key + ": true",
            key + ":" + value.replace("'", ""),
            key + ": あああ",
            # a label's fields (content/labels.yaml): a brace lost, a field renamed
            key + ":" + value.replace("}", "", 1),
            key + ":" + value.replace("{", "{x", 1),
            # a space lost after the colon, a tab for the indent, a date's month or day out of range
            key + ":" + value.lstrip(),
            line.replace("  ", "\t", 1),
            key + ":" + re.sub(r"-\d\d(?=\D|$)", "-13", value, count=1),
            key + ":" + re.sub(r"(\d{4}-\d\d)-\d\d", r"\1-31", value, count=1),
        ]
    if line.strip().startswith("- "):
        out += [line.replace("- ", "-  ", 1), line.replace("- ", "- - ", 1), line.replace("- ", "", 1)]
    return [o for o in out if o != line]


def yaml_moves(lines: list[str], j: int, rng: random.Random) -> tuple[list[str], str]:
    """A few lines lost, a line doubled, or a line moved elsewhere (a cut and paste)."""
    new = list(lines)
    op = rng.choice(["lost", "doubled", "moved"])
    if op == "lost":
        del new[j : j + rng.randint(2, 5)]
    elif op == "doubled":
        new.insert(j, new[j])
    else:
        new.insert(rng.randrange(len(new)), new.pop(j))
    return new, f"lines {op}"


def raw_slip(lines: list[str], j: int, rng: random.Random) -> tuple[list[str], str]:
    """What a careless copy from the PDF does: a line lost, doubled, swapped, cut or joined."""
    new = list(lines)
    op = rng.choice(["lost", "doubled", "swapped", "cut", "joined", "indented", "untabbed", "emptied"])
    if op == "lost":
        del new[j]
    elif op == "doubled":
        new.insert(j, new[j])
    elif op == "swapped" and j + 1 < len(new):
        new[j], new[j + 1] = new[j + 1], new[j]
    elif op == "cut":
        new[j] = new[j][: len(new[j]) // 2]
    elif op == "joined" and j + 1 < len(new):
        new[j] += new.pop(j + 1)
    elif op == "indented":
        new[j] = " " + new[j]
    elif op == "untabbed":
        new[j] = new[j].replace("\t", "", 1)
    else:
        new[j] = ""
    return new, f"raw line {op}"


def fuzz(data: bytes, rng: random.Random) -> tuple[bytes | None, str]:
    """The raw chapter as a bad extraction or a hostile file might give it: (new bytes or None
    for a deleted file, the kind)."""
    text = data.decode("utf-8")
    lines = text.split("\n")
    kind = rng.choice(
        [
            "lines lost",
            "lines doubled",
            "lines swapped",
            "characters garbled",
            "control character",
            "control character",
            "control character",
            "CRLF",
            "BOM",
            "empty",
            "binary",
            "ten times",
        ]
    )
    j = rng.randrange(len(lines))
    if kind == "lines lost":
        del lines[j : j + rng.randint(1, 20)]
    elif kind == "lines doubled":
        lines[j:j] = lines[j : j + rng.randint(1, 20)]
    elif kind == "lines swapped":
        k = rng.randrange(len(lines))
        lines[j], lines[k] = lines[k], lines[j]
    elif kind == "characters garbled":
        for _ in range(rng.randint(1, 20)):
            j = rng.randrange(len(lines))
            if lines[j]:
                i = rng.randrange(len(lines[j]))
                lines[j] = (
                    lines[j][:i]
                    + chr(
                        rng.choice(
                            [rng.randrange(0x20, 0x7F), rng.randrange(0x3000, 0x9FFF), rng.randrange(0xA0, 0x2FFF)]
                        )
                    )
                    + lines[j][i + 1 :]
                )
    elif kind == "control character":
        name = rng.choice(sorted(CONTROL_CLASSES))
        for _ in range(rng.randint(1, 3)):
            j = rng.randrange(len(lines))
            i = rng.randrange(len(lines[j]) + 1)
            lines[j] = lines[j][:i] + CONTROL_CLASSES[name] + lines[j][i:]
        kind = f"control character: {name}"
    elif kind == "CRLF":
        return "\r\n".join(lines).encode("utf-8"), kind
    elif kind == "BOM":
        return b"\xef\xbb\xbf" + data, kind
    elif kind == "empty":
        return rng.choice([b"", b"\n\n", None]), kind + (" or deleted")
    elif kind == "binary":
        return bytes(rng.randrange(256) for _ in range(rng.randint(1, 4096))), kind
    else:
        return data * 10, kind
    return "\n".join(lines).encode("utf-8"), kind


def attacks() -> list[tuple[str, str, object]]:
    """Issue 25's hostile inputs: (kind, file, a function of the file's text giving its new text,
    or None to delete it, or bytes)."""

    def sub(old, new, count=1):
        def f(text):
            assert old in text, old
            return text.replace(old, new, count)

        return f

    def append(more):
        return lambda text: text + more

    bomb = "\nz0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"z{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 8)
    )
    ja, en = "dwp2015-part3-ch3", "dwp2015-part3-ch3-en"
    raw = f"{ja}/dwp2015-part3-ch3.raw.txt"

    def raw_insert(ch, where=93):
        """ch inside line 94, a line of body text"""

        def f(text):
            lines = text.split("\n")
            lines[where] = lines[where][:10] + ch + lines[where][10:]
            return "\n".join(lines)

        return f

    return [
        ("pattern that backtracks", "data/countries.yaml", sub("forms: ['米(?=", "forms: ['(?:.+)+米国(?=")),
        ("alias bomb", "labels.yaml", append(bomb)),
        (
            "alias bomb (3 levels)",
            "labels.yaml",
            append("\nz0: &a0 [x, x, x]\nz1: &a1 [*a0, *a0, *a0]\nz2: [*a1, *a1, *a1]\n"),
        ),
        ("month 13", f"{ja}/events.yaml", lambda t: re.sub(r"date: '(\d{4})-\d\d'", r"date: '\1-13'", t, count=1)),
        (
            "30 February",
            f"{ja}/events.yaml",
            lambda t: re.sub(r"date: '(\d{4})-\d\d-\d\d'", r"date: '\1-02-30'", t, count=1),
        ),
        ("hints.yaml empty", f"{ja}/hints.yaml", lambda t: ""),
        ("events.yaml empty", f"{ja}/events.yaml", lambda t: ""),
        ("hints.yaml deleted", f"{ja}/hints.yaml", None),
        ("events.yaml deleted", f"{ja}/events.yaml", None),
        ("event_kinds.yaml deleted", "data/event_kinds.yaml", None),
        ("countries.yaml deleted", "data/countries.yaml", None),
        ("alignment.yaml deleted", f"{en}/alignment.yaml", None),
        ("labels-en.yaml empty", "labels-en.yaml", lambda t: ""),
        ("lone CR in a heading", raw, lambda t: t.replace("\t1\t ", "\t1\r\t ", 1)),
        ("lone CR mid-line", raw, raw_insert("\r")),
        ("CRLF line ends", raw, lambda t: t.replace("\n", "\r\n")),
        ("BEL", raw, raw_insert("\x07")),
        ("right-to-left override in the raw text", raw, raw_insert("\u202e")),
        ("zero-width space", raw, raw_insert("\u200b")),
        ("BOM mid-file", raw, raw_insert("\ufeff")),
        ("form feed in a heading", raw, lambda t: t.replace("\t1\t ", "\t1\t \x0c", 1)),
        (
            "right-to-left override in a headline",
            f"{ja}/events.yaml",
            lambda t: t.replace("headline: ", "headline: \u202e", 1),
        ),
        ("right-to-left override in a label", "labels.yaml", lambda t: t.replace("timeline: ", "timeline: \u202e", 1)),
        (
            "a brace in a label",
            "labels.yaml",
            lambda t: re.sub(r"^timeline: .*$", "timeline: '年表{{x}}'", t, count=1, flags=re.M),
        ),
        ("a tab for an indent", f"{ja}/events.yaml", lambda t: t.replace("\n  kind:", "\n\tkind:", 1)),
        ("no space after a colon", f"{ja}/events.yaml", lambda t: t.replace("kind: meeting", "kind:meeting", 1)),
        ("Shift_JIS file", f"{ja}/hints.yaml", lambda t: t.encode("shift_jis", "replace")),
        ("a very long string", "labels.yaml", lambda t: t.replace("timeline: ", "timeline: " + "長" * 200_000, 1)),
        ("a very large file", f"{ja}/events.yaml", lambda t: t + "\n#" + "x" * 9_000_000),
    ]


def shape(data):
    """The data with every string's words taken out: two files of one shape differ only in words."""
    if isinstance(data, dict):
        return {k: shape(v) for k, v in data.items()}
    if isinstance(data, list):
        return [shape(v) for v in data]
    return "str" if isinstance(data, str) else data


def words_only(before: bytes, after) -> bool:
    """Whether a YAML slip changed only the words of string values (an edit no check can tell from a
    meant one: a headline or a name reworded), keys, lists, numbers and the rest as they were."""
    import yaml

    try:
        return after is not None and shape(yaml.safe_load(before)) == shape(yaml.safe_load(after))
    except yaml.YAMLError:
        return False


def report_of(result) -> tuple:
    """What a build tells the editor, warnings without their line numbers (see above)."""
    said = []
    for edition in [result] + list(getattr(result, "editions", [])):
        for ch in edition.chapters:
            said += [re.sub(r":\d+(:\d+)?: ", ": ", w) for w in ch.warnings.items]
            said += [f"count {k} {v}" for k, v in sorted(ch.ledger.counts().items())]
            said += [f"furniture {k} {v}" for k, v in sorted(ch.ledger.furniture().items())]
            said += [f"chars {k} {v}" for k, v in sorted(ch.ledger.chars.items())]
            said += [f"repairs {k} {v}" for k, v in sorted(ch.ledger.repairs.items())]
            said += [f"hints used {sum(1 for h in ch.chapter.config.hints if ch.ledger.hints[h])}"]
        said += [f"timeline {k} {v}" for k, v in sorted(edition.timeline_report.items())]
        said += [str(n) for n in getattr(edition, "notices", [])]
    return tuple(sorted(said))


def output_of(result) -> dict:
    """Each file of each edition -> its digest."""
    out = {}
    for edition in [result] + list(getattr(result, "editions", [])):
        for path, text in edition.files.items():
            data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
            out[f"{edition.root}{path}"] = hashlib.sha1(data).hexdigest()
    return out


def leaks(result) -> list[str]:
    """The files (pages, data, exports) holding a character of CONTROL_CLASSES, with the character."""
    found = []
    for edition in [result] + list(getattr(result, "editions", [])):
        for path, text in edition.files.items():
            if isinstance(text, str):
                m = FORBIDDEN.search(text)
                if m:
                    found.append(f"{edition.root}{path}: U+{ord(m.group()):04X}")
    return found


def said_of(result) -> list[str]:
    """What a build says with a place in it: its warnings and notices, as printed."""
    said = [str(n) for n in getattr(result, "notices", [])]
    for edition in [result] + list(getattr(result, "editions", [])):
        for ch in edition.chapters:
            said += ch.warnings.items
    return said


def change_report(result, work: Path, before) -> list[tuple]:
    """The entries the change report prints against the untouched content's build, each
    (file, line, end line, in the old numbering, its line as printed); [] where the builder has
    none (main before issue 25b)."""
    try:
        from builder import changes
    except ImportError:
        return []
    now = changes.state_of(work, changes.outputs_of(changes.built_files(result, work / "nowhere")), before)
    return [(c.file, c.line, c.end, c.gone, c.text(c.file)) for c in changes.compare(before, now).shown()]


def baseline_changes(base, work: Path):
    try:
        from builder import changes
    except ImportError:
        return None
    return changes.state_of(work, changes.outputs_of(changes.built_files(base, work / "nowhere")), None)


def touched(before: bytes | None, after) -> tuple[set[int], set[int]] | None:
    """The lines a slip touched, (in the old file, in the new), 1-based; None for a file deleted,
    emptied or not text (the slip is the whole file)."""
    try:
        old = before.decode("utf-8").split("\n") if before is not None else None
        new = (
            (after if isinstance(after, bytes) else after.encode("utf-8")).decode("utf-8").split("\n")
            if after
            else None
        )
    except UnicodeDecodeError:
        return None
    if not old or not new or not "".join(new).strip():
        return None
    olds, news = set(), set()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag != "equal":
            olds |= set(range(i1 + 1, max(i2, i1 + 1) + 1))
            news |= set(range(j1 + 1, max(j2, j1 + 1) + 1))
    return olds, news


def names_slip(rel: str, lines, said: list[str], entries: list[tuple]) -> bool:
    """Whether the build said where the slip is: its file, and a line it touched (give or take
    one), or the file alone for a slip of the whole file."""
    near = (None, None) if lines is None else tuple({n + d for n in side for d in (-1, 0, 1)} for side in lines)
    for file, line, end, gone, _ in entries:
        if file != rel:
            continue
        if lines is None:
            return True
        if line is not None and near[0 if gone else 1] & set(range(line, (end or line) + 1)):
            return True
    for text in said:
        for m in re.finditer(re.escape(rel) + r"(?::(\d+))?", text):
            if lines is None or (m[1] and int(m[1]) in near[1]):
                return True
    return False


def build_in_child(work: Path, timeout: float, memory_gib: float, before_changes=None):
    """(outcome-ish, detail) of build_site(work) in a forked child: ('built', (output, report, leaks,
    said, change report)), ('error', message), ('crash', where), ('hang', seconds)."""
    from builder.errors import InputError
    from builder.site import build_site

    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            limit = int(memory_gib * 2**30)
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (the forked child exits with it open)
            try:
                result = build_site(work)
                answer = (
                    "built",
                    (
                        output_of(result),
                        report_of(result),
                        leaks(result),
                        said_of(result),
                        change_report(result, work, before_changes) if before_changes else [],
                    ),
                )
            except InputError as e:
                answer = ("error", str(e))
            except BaseException as e:
                tb = traceback.extract_tb(e.__traceback__)
                where = tb[-1] if tb else None
                answer = (
                    "crash",
                    f"{type(e).__name__}: {str(e)[:120]} at "
                    f"{where.filename.replace(str(REPO) + '/', '') if where else '?'}"
                    f":{where.lineno if where else '?'}",
                )
            data = pickle.dumps(answer)
            with os.fdopen(w, "wb") as f:
                f.write(data)
        finally:
            os._exit(0)
    os.close(w)
    chunks, start = [], time.monotonic()
    with os.fdopen(r, "rb") as f:
        while True:
            left = timeout - (time.monotonic() - start)
            ready, _, _ = select.select([f], [], [], max(0, left))
            if not ready:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return "hang", f"no answer in {timeout:.0f} s"
            chunk = os.read(f.fileno(), 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    if not chunks:
        sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        return "crash", f"the child died (signal {sig}, status {status}): out of memory or a fault"
    return pickle.loads(b"".join(chunks))


def outcome(answer, baseline, rel: str = "", lines=None) -> tuple[str, str, dict[str, str]]:
    """(outcome, detail, the outcome by the looser rules: "without the change report", "told")"""
    kind, detail = answer
    if kind == "error":
        return "clear error", detail, {}
    if kind in ("crash", "hang"):
        return kind, detail, {}
    output, report, _, said, entries = detail
    if output == baseline[0]:
        return "unchanged", "", {}
    changed = sorted(k for k in set(output) | set(baseline[0]) if output.get(k) != baseline[0].get(k))
    what = f"{len(changed)} file(s) changed, e.g. {', '.join(changed[:3])}"
    # told: something said that the untouched content's build does not say (a line gone says nothing)
    told = sorted(set(report) - set(baseline[1]))
    looser = {
        "without the change report": "changed, reported" if names_slip(rel, lines, said, []) else "silent change",
        "told (issue 25's rule)": "changed, reported" if told else "silent change",
    }
    if names_slip(rel, lines, said, entries):
        named = next((e[4] for e in entries if e[0] == rel), "a warning or notice")
        return "changed, reported", f"{what}; named: {named[:100]}", looser
    return "silent change", what + (f"; the report says: {entries[0][4][:100]}" if entries else ""), looser


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--raw", action="store_true", help="slips in the raw chapter instead of the YAML inputs")
    mode.add_argument("--fuzz", action="store_true", help="the raw chapter mutated: see above")
    mode.add_argument("--attacks", action="store_true", help="issue 25's hostile inputs, each named")
    ap.add_argument("--repo", type=Path, default=REPO, help="the checkout whose builder runs (default: this one)")
    ap.add_argument("--timeout", type=float, default=90)
    ap.add_argument("--memory", type=float, default=4, help="GiB a build may use before it counts as a hang")
    ap.add_argument("--show", type=int, default=12, help="examples printed of each outcome but the first two")
    args = ap.parse_args()
    global CONTENT
    sys.path.insert(0, str(args.repo.resolve()))
    CONTENT = args.repo.resolve() / "content"
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="hakusho-slips-")) / "content"
    shutil.copytree(CONTENT, work)
    from builder.site import build_site

    base = build_site(work)
    baseline = (output_of(base), report_of(base))
    before_changes = baseline_changes(base, work)
    counts: dict[str, Counter] = {}
    examples: dict[str, list] = {}
    leaked: Counter = Counter()
    leak_examples: list[str] = []
    words: Counter = Counter()  # silent changes of YAML: True where only a string's words changed
    loose: dict[str, Counter] = {}  # the outcomes by the looser rules (see above)
    raw_files = sorted(CONTENT.rglob("*.raw.txt"))
    yaml_files = sorted(CONTENT.rglob("*.yaml"))
    cases = attacks() if args.attacks else range(args.runs)
    started = time.monotonic()
    for case in cases:
        if args.attacks:
            kind, name, change = case
            source = CONTENT / name
            text = source.read_text(encoding="utf-8")
            new = change(text) if change else None
            what = kind
        elif args.fuzz:
            source = rng.choice(raw_files)
            new, kind = fuzz(source.read_bytes(), rng)
            what = kind
        else:
            source = rng.choice(raw_files if args.raw else yaml_files)
            text = source.read_text(encoding="utf-8")
            lines = text.split("\n")
            j = rng.randrange(len(lines))
            roll = rng.random()
            if args.raw:
                new, kind = raw_slip(lines, j, rng)
                what = f"line {j + 1}: {lines[j][:40]!r}"
            elif roll < 0.03:
                new, kind = rng.choice([(None, "file deleted"), ("", "file emptied")])
                what = ""
            elif roll < 0.2:
                new, kind = yaml_moves(lines, j, rng)
                what = f"line {j + 1}"
            else:
                slip = rng.choice(yaml_slips(lines[j]) or [""])
                new, kind = lines[:j] + [slip] + lines[j + 1 :], "line changed"
                what = f"line {j + 1}: {lines[j][:50]!r} -> {slip[:50]!r}"
            if isinstance(new, list):
                new = "\n".join(new)
        rel = source.relative_to(CONTENT)
        target = work / rel
        if new is None:
            target.unlink()
        else:
            target.write_bytes(new if isinstance(new, bytes) else new.encode("utf-8"))
        answer = build_in_child(work, args.timeout, args.memory, before_changes)
        shutil.copy(source, target)
        result, detail, looser = outcome(answer, baseline, rel.as_posix(), touched(source.read_bytes(), new))
        for rule in ("without the change report", "told (issue 25's rule)"):
            loose.setdefault(rule, Counter())[looser.get(rule, result)] += 1
        group = kind.split(":")[0] if args.fuzz else ("attacks" if args.attacks else "slips")
        counts.setdefault(group, Counter())[result] += 1
        if result == "silent change" and source.suffix == ".yaml":
            only = words_only(source.read_bytes(), new)
            words[only] += 1
            detail += " (only words)" if only else " (not only words)"
        if answer[0] == "built" and answer[1][2]:
            leaked[group] += 1
            leak_examples.append(f"{kind}: {answer[1][2][0]}")
        examples.setdefault(result, []).append(f"{rel}: {kind}: {what}: {detail}")
        if result == "silent change" and "(not only words)" in detail:
            print(f"silent, not only words: {examples[result][-1]}", flush=True)
        if args.attacks:
            print(f"  {kind:42} {result:18} {detail[:150]}", flush=True)
        done = sum(counts.values(), Counter())
        if not args.attacks and sum(done.values()) % 50 == 0:
            # a long run under load can be stopped and still give the figures of the slips done
            tally = ", ".join(f"{o} {done[o]}" for o in OUTCOMES)
            print(f"after {sum(done.values())}: {tally}", file=sys.stderr, flush=True)
    elapsed = time.monotonic() - started
    shutil.rmtree(work.parent)
    what = (
        "issue 25's attacks"
        if args.attacks
        else "fuzzed raw chapters"
        if args.fuzz
        else "slips in the raw chapter"
        if args.raw
        else "slips in the YAML inputs"
    )
    total = sum(sum(c.values()) for c in counts.values())
    print(f"{total} {what} (seed {args.seed}, builder of {args.repo}), {elapsed:.0f} s")
    overall = sum(counts.values(), Counter())
    for o in OUTCOMES:
        print(f"  {o:20} {overall[o]:5}")
        if o == "silent change" and words:
            print(
                f"    of which only the words of a string value changed (a headline, a name: an edit the\n"
                f"    build cannot tell from a meant one) {words[True]:5}; anything else {words[False]:5}"
            )
    for rule, c in loose.items():
        print(f"  by the rule {rule}: reported {c['changed, reported']}, silent {c['silent change']}")
    if args.fuzz:
        print(f"  {'control character in a page or export':38} {sum(leaked.values()):5}")
        print("by kind (" + ", ".join(OUTCOMES) + "; leaks):")
        for group in sorted(counts):
            print(f"  {group:22} " + " ".join(f"{counts[group][o]:4}" for o in OUTCOMES) + f"  {leaked[group]:4}")
        for e in leak_examples[: args.show]:
            print(f"leak: {e}")
    if not args.attacks:
        for o in OUTCOMES[2:]:
            for e in examples.get(o, [])[: args.show]:
                print(f"{o}: {e}")


if __name__ == "__main__":
    main()
