"""Fig. III-3-1-6, capacity-building projects: numbered boxes with
期間 (period), 対象 (recipient) and 派遣要員 (personnel), then the legend and
the map's labels (country names and project-number ranges)."""
from __future__ import annotations

import re
import unicodedata

from ..dates import western_dot_range
from ..errors import InputError

NUM = re.compile(r"^(?P<n>[0-9０-９]{1,3})\u3000(?P<title>.+)$")
FIELD = re.compile(r"^(?P<key>期間|対象|派遣要員)：(?P<value>.*)$")
RANGE = re.compile(r"^(?P<a>\d+)(?:～(?P<b>\d+))?$")


def read(figure, spec, config, layout) -> dict:
    projects, legend, labels = [], [], {"countries": [], "ranges": []}
    current, key, section = None, None, "projects"
    for line in figure.lines:
        text = line.text.strip()
        if not text:
            continue
        if text == "【凡例】":
            section = "legend"
            continue
        if section == "legend":
            if text.startswith("\u3000") or line.text.startswith("\u3000") or "：" in text:
                legend.append(text.replace("\u3000", " ").strip())
                continue
            section = "map"
        if section == "map":
            for part in text.split(" "):
                (labels["ranges"] if RANGE.match(part) else labels["countries"]).append(part)
            continue
        m, f = NUM.match(text), FIELD.match(text)
        if m:
            current = {"no": int(unicodedata.normalize("NFKC", m.group("n"))), "title": m.group("title"),
                       "period": "", "target": "", "personnel": "", "line": line.no}
            projects.append(current)
            key = "title"
        elif f and current:
            key = {"期間": "period", "対象": "target", "派遣要員": "personnel"}[f.group("key")]
            current[key] = f.group("value")
        elif current and key:
            current[key] += text
        else:
            raise InputError(config.raw, line.no, f"'{text}' in the projects figure is not a project, a field or the legend")
    for p in projects:
        period = western_dot_range(p["period"])
        if period is None:
            raise InputError(config.raw, p["line"], f"project period '{p['period']}'; expected YYYY.M or "
                                                    "YYYY.M ～ [YYYY.]M, a real month, ending after it starts")
        p["start"], p["end"] = period
        p["recipient"] = next((c for c in spec["recipients"] if p["target"].startswith(c)), None)
        if p["recipient"] is None:
            raise InputError(config.raw, p["line"], f"recipient '{p['target']}' is not one of {spec['recipients']}")
        people = re.findall(r"([^\s、（）×]+)×(\d+)", p["personnel"])
        unknown = [k for k, _ in people if k not in spec["personnel"] and not k.endswith("官")]
        if unknown:
            raise InputError(config.raw, p["line"], f"personnel kind '{unknown[0]}' is not in the legend")
        p["people"] = {k: int(v) for k, v in people}
    numbers = sorted(p["no"] for p in projects)
    if numbers != list(range(1, len(numbers) + 1)):
        raise InputError(config.raw, figure.nos[0], f"project numbers {numbers} are not 1 to {len(numbers)}")
    projects.sort(key=lambda p: p["no"])
    return {"projects": projects, "legend": legend, "map_labels": labels}
