"""A synthetic corpus derived from the real chapter, for the benchmark and the
scale tests: n chapters, each with its own id, renamed sections and shifted
years, so that nothing collides."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def shift_years(text: str, by: int) -> str:
    """Shift the two-digit western years 10-15 back (the era years stay, so the
    build warns about them, as it should, and keeps the western year)."""
    # the raw text may break lines between the year and its era (11⏎（同23）, 13⏎⏎（同25）)
    return re.sub(r"(?<!\d)(1[0-5])(\n*)（", lambda m: f"{int(m.group(1)) - by:02d}{m.group(2)}（", text)


def shift_dates(text: str, by: int) -> str:
    """The chronology's dates of 2010-2015, shifted as shift_years shifts the text's years."""
    return re.sub(r"(date|end): '(201[0-5])", lambda m: f"{m.group(1)}: '{int(m.group(2)) - by}", text)


CHAPTERS_A_BOOK = 30


def synthetic_content(root: Path, n: int) -> Path:
    """n chapters from the real one: each with its own id, book, part and
    number, renamed sections and shifted years."""
    src = REPO / "content"
    content = root / f"content-{n}"
    content.mkdir(parents=True)
    for name in ("layout.yaml", "labels.yaml"):
        shutil.copy(src / name, content / name)
    shutil.copytree(src / "data", content / "data")
    chapters = []
    for k in range(1, n + 1):
        d = content / f"ch{k:03d}"
        shutil.copytree(src / "dwp2015-part3-ch3", d)
        cfg = (d / "chapter.yaml").read_text(encoding="utf-8")
        cfg = cfg.replace("id: dwp2015-3-3", f"id: ch{k:03d}").replace(
            "title: 安全保障協力の積極的な推進", f"title: 安全保障協力の積極的な推進（{k}）"
        )
        # as a white paper is laid out: about thirty chapters a book, in parts of up to eight
        book, part, number = (k - 1) // CHAPTERS_A_BOOK, (k - 1) % CHAPTERS_A_BOOK // 8, (k - 1) % 8
        cfg = re.sub(r"^book: .*$", f"book: 防衛白書（合成{book + 1}）", cfg, flags=re.M)
        cfg = re.sub(r"^part: .*$", f"part: 第{part + 1}部", cfg, flags=re.M)
        cfg = re.sub(r"^number: .*$", f"number: 第{number + 1}章", cfg, flags=re.M)
        (d / "chapter.yaml").write_text(cfg, encoding="utf-8")
        raw = d / "dwp2015-part3-ch3.raw.txt"
        text = raw.read_text(encoding="utf-8")
        text = re.sub(r"^(第\d+節\u3000.+)$", rf"\1（写し{k}）", text, flags=re.M)
        raw.write_text(shift_years(text, k % 5), encoding="utf-8")
        hints = d / "hints.yaml"
        hints.write_text(shift_years(hints.read_text(encoding="utf-8"), k % 5), encoding="utf-8")
        # the chronology quotes the text: its quotes and dates shift with it
        events = d / "events.yaml"
        events.write_text(shift_dates(shift_years(events.read_text(encoding="utf-8"), k % 5), k % 5), encoding="utf-8")
        chapters.append(d.name)
    (content / "hakusho.yaml").write_text(
        "site_name: bench\nchapters:\n" + "".join(f"  - {c}\n" for c in chapters), encoding="utf-8"
    )
    return content
