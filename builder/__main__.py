"""Command line: `python -m builder build | account | watch | serve | events | align`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    from .site import SiteResult

REPO = Path(__file__).resolve().parent.parent


def build(content: Path, out: Path, quiet: bool = False, engine: str = "mkdocs", changes: bool = True) -> SiteResult:
    """Build the docs folders and print the report; `changes`: also say what changed since the
    last build (printed under quiet too: `make serve` shows it after each edit)."""
    from . import memo
    from .engines import write_site
    from .site import build_site

    memo.keep_in(out / "cache" / "passed")  # a rebuild checks only what changed
    result = build_site(content)
    docs = write_site(result, out, REPO, engine)
    memo.passed.save()
    for edition in [result] + result.editions:
        report_edition(edition, result, out, quiet)
    for notice in result.notices:
        print(f"note: {notice}", file=sys.stderr)
    if changes:
        from .changes import report_build

        for line in report_build(content, out, result):
            print(line, flush=True)
    if not quiet:
        print(
            f"wrote {sum(len(e.files) for e in [result] + result.editions)} files to {docs}"
            + "".join(f" and {docs}-{e.lang}" for e in result.editions)
        )
    return result


def report_edition(edition: SiteResult, main: SiteResult, out: Path, quiet: bool) -> None:
    """Each chapter's account of its raw lines, in build/accounting-<chapter>[-<lang>].tsv, and its summary."""
    suffix = "" if edition is main else f"-{edition.lang}"
    for ch in edition.chapters:
        counts = ch.ledger.counts()
        report = out / f"accounting-{ch.chapter.id}{suffix}.tsv"
        report.write_text(ch.ledger.report(ch.raw_lines), encoding="utf-8")
        if not quiet:
            config = ch.chapter.config
            nonblank = sum(1 for r in ch.raw_lines if r.text.strip())
            print(
                f"{ch.chapter.id}{suffix} ({config.raw.name}): {len(ch.raw_lines)} raw lines "
                f"({nonblank} non-blank), all accounted for:"
            )
            for cat, n in sorted(counts.items(), key=lambda kv: -kv[1]):
                print(f"  {cat:10} {n:5}")
            for why, n in ch.ledger.furniture().most_common():
                print(f"    furniture: {n:3}  {why}")
            for why, n in ch.ledger.chars.items():
                print(f"    characters dropped: {n:3}  {why}")
            for kind, n in sorted(ch.ledger.repairs.items()):
                print(f"    words repaired: {n:3}  {kind}")
            if ch.ledger.lost:
                mark = config.layout.lost_glyph
                print(f"    glyphs lost: {len(ch.ledger.lost):3}  shown as {mark} (the text layer has a space)")
            if ch.ledger.moves:
                print(f"    moved into reading order: {len(ch.ledger.moves)} runs of lines")
            hints = config.hints
            print(f"  hints used: {sum(1 for h in hints if ch.ledger.hints[h])} of {len(hints)}")
            if ch.chapter.id in edition.timeline_report:
                print(f"  timeline: {edition.timeline_report[ch.chapter.id]}")
            print(f"  full account: {report}")
        for w in ch.warnings.items:
            print(f"warning: {w}", file=sys.stderr)


def align_report(content: Path) -> int:
    """Each other edition's chapter against the main edition's: the pairing the builder proposes
    and what alignment.yaml must say of it (1: something to add)."""
    from .align import align, report
    from .content import load_content
    from .site import alignment_file, evidencers, process_editions

    loaded = load_content(content)
    main_results, others = process_editions(loaded, content)
    counterparts = {r.chapter.id: r.chapter for r in main_results}
    main_lang = loaded.site.editions[0].lang
    ok = True
    for other in others:
        for r in other.results:
            config = r.chapter.config
            theirs, mine = evidencers(loaded, config, other.registry)
            alignment = align(counterparts[r.chapter.id], r.chapter, theirs, mine)
            spec, where = alignment_file(config)
            edition = other.edition
            lines, fine = report(alignment, spec, (main_lang, edition.lang))
            print(f"{r.chapter.id}-{edition.lang} against {r.chapter.id} ({where}):")
            print("\n".join(lines))
            ok &= fine
    print("alignment.yaml says all it must" if ok else "alignment.yaml lacks the entries above marked NOT LISTED")
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m builder", description=__doc__)
    ap.add_argument("command", choices=["build", "account", "watch", "serve", "events", "align"])
    ap.add_argument("--init", action="store_true", help="events: write a first events.yaml where a chapter has none")
    ap.add_argument(
        "--engine",
        choices=["mkdocs", "properdocs", "zensical"],
        default="mkdocs",
        help="build: the site generator the config is written for (zensical needs its own)",
    )
    ap.add_argument("--content", type=Path, default=REPO / "content")
    ap.add_argument("--out", type=Path, default=REPO / "build")
    ap.add_argument("--address", default="127.0.0.1:8000", help="serve: where to serve the site")
    args = ap.parse_args(argv)
    try:
        if args.command == "build":
            build(args.content, args.out, engine=args.engine)
        elif args.command == "account":
            result = build(args.content, args.out, quiet=True, changes=False)
            for edition in [result] + result.editions:
                for ch in edition.chapters:
                    sys.stdout.write(ch.ledger.report(ch.raw_lines))
        elif args.command == "align":
            return align_report(args.content)
        elif args.command == "events":
            from .chronology_review import review

            return review(args.content, init=args.init)
        elif args.command == "serve":
            from .serve import serve

            serve(args.content, args.out, build, args.address)
        else:
            from .serve import watch

            watch(args.content, args.out, build, args.engine)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
