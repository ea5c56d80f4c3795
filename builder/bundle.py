"""The offline bundle: the site built for file:// as one zip.

Refuses a build whose pages would fetch anything from the network, leaves
out what nothing in it loads (source maps, a search the pages do not use), and
writes the zip reproducibly (sorted entries, one fixed timestamp, fixed
permissions) so two builds of one commit give the same bytes.
"""

from __future__ import annotations

import re
import sys
import time
import zipfile
from pathlib import Path

from .errors import InputError

# src=/href= of things a browser fetches by itself, and url(...) in CSS
_FETCHED = re.compile(
    r"""<(?:script|img|iframe|source|link)\b[^>]*?\b(?:src|href)=["']?((?:https?:)?//[^"' >]+)""", re.I
)
_CSS_URL = re.compile(r"""url\(\s*["']?((?:https?:)?//[^"')]+)""", re.I)
# scripts and stylesheets the pages load from the site itself
_LOCAL = re.compile(r"""<(?:script|link)\b[^>]*?\b(?:src|href)=["']?([^"' >#?]+\.(?:js|css))""", re.I)


def network_fetches(site: Path) -> list[tuple[str, str]]:
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".css"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in (_FETCHED if path.suffix == ".html" else _CSS_URL).finditer(text):
            found.append((str(path.relative_to(site)), m.group(1)))
    return found


def missing_assets(site: Path) -> list[tuple[str, str]]:
    missing = []
    for page in sorted(site.rglob("*.html")):
        for m in _LOCAL.finditer(page.read_text(encoding="utf-8", errors="replace")):
            url = m.group(1)
            if re.match(r"^(https?:)?//", url):
                continue
            path = site / url.lstrip("/") if url.startswith("/") else page.parent / url
            if not path.resolve().is_file():
                missing.append((str(page.relative_to(site)), url))
    return missing


def check_offline(site: Path) -> None:
    fetches = network_fetches(site)
    if fetches:
        page, url = fetches[0]
        raise InputError(
            site / page,
            None,
            f"would fetch {url} from the network ({len(fetches)} such reference(s)); the offline bundle must not",
        )
    missing = missing_assets(site)
    if missing:
        page, url = missing[0]
        raise InputError(
            site / page,
            None,
            f"loads {url}, which is not in the site ({len(missing)} such reference(s)); is a vendored file missing?",
        )


_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


def unused(site: Path) -> set[Path]:
    """What the built site carries but nothing in the bundle loads: source maps
    (a browser asks for one only with its developer tools open), and Material's
    lunr search, its worker and languages, when the pages start another worker
    (ours: overrides/main.html). The pages' __config names the worker they start."""
    out = set(site.rglob("*.map"))
    home = site / "index.html"
    m = _CONFIG.search(home.read_text(encoding="utf-8")) if home.exists() else None
    if m:
        import json

        worker = (site / json.loads(m.group(1)).get("search", "")).resolve()
        material = site / "assets" / "javascripts"
        if not worker.is_relative_to((material / "workers").resolve()):
            out |= {p for d in ("workers", "lunr") for p in (material / d).rglob("*") if p.is_file()}
    return out


def make_zip(site: Path, target: Path, epoch: int, root: str = "hakusho") -> int:
    check_offline(site)
    stamp = time.gmtime(max(epoch, 315532800))[:6]  # zip cannot store dates before 1980
    target.parent.mkdir(parents=True, exist_ok=True)
    left_out = unused(site)
    files = sorted(p for p in site.rglob("*") if p.is_file() and p not in left_out)
    tmp = target.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for path in files:
            info = zipfile.ZipInfo(f"{root}/{path.relative_to(site).as_posix()}", date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, path.read_bytes())
    tmp.replace(target)
    return len(files)


def main(argv: list[str] | None = None) -> int:
    import argparse
    import os

    ap = argparse.ArgumentParser(prog="python -m builder.bundle")
    ap.add_argument("site", type=Path)
    ap.add_argument("zip", type=Path)
    args = ap.parse_args(argv)
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    try:
        n = make_zip(args.site, args.zip, epoch)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"offline bundle: {args.zip} ({n} files, {args.zip.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
