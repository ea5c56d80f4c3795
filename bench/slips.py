"""Editing slips at random: prints figures, asserts nothing.

`.venv/bin/python bench/slips.py [--runs N] [--seed S] [--raw]` copies content/,
changes one line of one YAML input (or, with --raw, of the raw chapter) the way
an editor's slip would, builds the site in memory, and counts the outcomes:
built, stopped with a clear error (InputError), or crashed. A crash is a bug:
each kind is printed with the slip that caused it, to be fixed and added to
tests/mistakes.yaml.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import traceback
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from builder.errors import InputError  # noqa: E402
from builder.site import build_site  # noqa: E402

CONTENT = REPO / "content"


def yaml_slips(line: str) -> list[str]:
    """What a hand on a keyboard does to a line of YAML."""
    out = ["", line + " #", "  " + line, line.lstrip(), line[: len(line) // 2]]
    if ":" in line:
        key, value = line.split(":", 1)
        out += [key + ":", key + ": []", key + ": {}", key + ": 3", key + ": null", key + ": ''",
                key + ":" + value + "x", key[:-1] + ":" + value, key + ": '[('", key + ": '(?P<x>a)'",
                key + ": true", key + ":" + value.replace("'", ""), key + ": あああ",
                # a label's fields (content/labels.yaml): a brace lost, a field renamed
                key + ":" + value.replace("}", "", 1), key + ":" + value.replace("{", "{x", 1)]
    if line.strip().startswith("- "):
        out += [line.replace("- ", "-  ", 1), line.replace("- ", "- - ", 1), line.replace("- ", "", 1)]
    return [o for o in out if o != line]


def yaml_moves(lines: list[str], j: int, rng: random.Random) -> list[str]:
    """A few lines lost, a line doubled, or a line moved elsewhere (a cut and paste)."""
    new = list(lines)
    op = rng.choice(["lost", "doubled", "moved"])
    if op == "lost":
        del new[j:j + rng.randint(2, 5)]
    elif op == "doubled":
        new.insert(j, new[j])
    else:
        new.insert(rng.randrange(len(new)), new.pop(j))
    return new


def raw_slip(lines: list[str], j: int, rng: random.Random) -> list[str]:
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
    return new


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--raw", action="store_true", help="slips in the raw chapter instead of the YAML inputs")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="hakusho-slips-")) / "content"
    shutil.copytree(CONTENT, work)
    files = sorted(CONTENT.rglob("*.raw.txt") if args.raw else CONTENT.rglob("*.yaml"))
    outcomes: Counter = Counter()
    crashes: dict[tuple, list] = {}
    for _ in range(args.runs):
        source = rng.choice(files)
        rel = source.relative_to(CONTENT)
        lines = source.read_text(encoding="utf-8").split("\n")
        j = rng.randrange(len(lines))
        if args.raw:
            new, slip = raw_slip(lines, j, rng), "raw slip"
        elif rng.random() < 0.2:
            new, slip = yaml_moves(lines, j, rng), "lines moved"
        else:
            slip = rng.choice(yaml_slips(lines[j]) or [""])
            new = lines[:j] + [slip] + lines[j + 1:]
        (work / rel).write_text("\n".join(new), encoding="utf-8")
        try:
            build_site(work)
            outcomes["built"] += 1
        except InputError:
            outcomes["stopped with a clear error"] += 1
        except Exception as e:  # noqa: BLE001 (counting what should never happen)
            outcomes["crashed"] += 1
            where = traceback.extract_tb(e.__traceback__)[-1]
            crashes.setdefault((type(e).__name__, where.filename, where.lineno), []).append(
                (str(rel), j + 1, lines[j], slip))
        shutil.copy(source, work / rel)
    shutil.rmtree(work.parent)
    print(f"{args.runs} slips in {'the raw chapter' if args.raw else 'the YAML inputs'} (seed {args.seed})")
    for outcome, n in outcomes.most_common():
        print(f"  {outcome:28} {n:5}")
    for (kind, filename, lineno), cases in crashes.items():
        print(f"crash: {kind} at {Path(filename).relative_to(REPO) if REPO in Path(filename).parents else filename}"
              f":{lineno}, {len(cases)} time(s); e.g. {cases[0][0]}:{cases[0][1]}: {cases[0][2]!r} -> {cases[0][3]!r}")


if __name__ == "__main__":
    main()
