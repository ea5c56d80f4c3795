"""Fig. III-3-1-1, high-level visits: country lines, then one line a post with
its dates as era year.month (平成: 26.9 = 2014-09). A post's dates can run on to the next
line, and the next country's name can end a post's line."""
from __future__ import annotations

import re

from ..dates import era_dot
from ..errors import InputError

DATE = r"\d{1,2}\.\d{1,2}"


def check(spec, layout, error) -> None:
    if spec["era"] not in layout.eras:
        raise error("era", f"era '{spec['era']}' is not in layout.yaml's eras ({', '.join(layout.eras)})")
    lo, hi = spec["period"]
    if lo > hi:
        raise error("period", f"period {lo} to {hi} ends before it starts; expected [first month, last month]")


def read(figure, spec, config, layout) -> list[dict]:
    posts = "|".join(map(re.escape, spec["posts"]))
    post_re = re.compile(rf"^(?P<post>{posts})[\u3000 ]*(?P<dates>{DATE}(?:、{DATE})*、?)(?:[\u3000 ]+(?P<next>\S+))?$")
    more_re = re.compile(rf"^[\u3000 ]*(?P<dates>{DATE}(?:、{DATE})*、?)$")
    lo, hi = spec["period"]
    visits, country, post = [], None, None
    for line in figure.lines:
        text = line.text.strip()
        if not text:
            continue
        m, more = post_re.match(text), more_re.match(text)
        if m:
            if country is None:
                raise InputError(config.raw, line.no, f"visit '{text}' before any country name")
            post = m.group("post")
            dates = m.group("dates")
        elif more and post:
            dates = more.group("dates")
        else:
            country, post = text.replace("\u3000", ""), None
            continue
        for d in filter(None, dates.split("、")):
            iso = era_dot(d, layout.eras[spec["era"]])
            if iso is None or not (lo <= iso <= hi):
                raise InputError(config.raw, line.no,
                                 f"visit date {d} ({iso or 'no such month'}) is outside the figure's period {lo} to {hi}")
            visits.append({"country": country, "post": post, "printed": d, "date": iso, "line": line.no})
        if m and m.group("next"):
            country, post = m.group("next"), None
    return visits
