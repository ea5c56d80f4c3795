"""The README's figures are measured, not typed: `make bench` writes them with a fingerprint of
the code it measured, and they go stale the moment that code changes."""

import re
import sys

from conftest import REPO

sys.path.insert(0, str(REPO))
from bench.run import BEGIN, END, fingerprint

README = (REPO / "README.md").read_text(encoding="utf-8")


def generated() -> str:
    assert BEGIN in README and END in README, "README.md lacks the block make bench writes"
    return README.split(BEGIN, 1)[1].split(END, 1)[0]


def test_the_readmes_figures_are_of_this_code():
    said = re.search(r"fingerprint `([0-9a-f]{16})`", generated())
    assert said, "README.md has no figures from make bench: run make bench"
    assert said.group(1) == fingerprint(), (
        "builder/ or bench/ changed since README.md's figures were measured: run make bench (it writes them)"
    )


def test_no_figure_of_time_or_count_is_typed_outside_the_block():
    """Times, and counts of tests or lines, go stale when typed by hand."""
    typed = README.split(BEGIN, 1)[0] + README.split(END, 1)[1]
    stale = re.findall(r"\b\d+(?:[.,]\d+)? ?(?:ms|s|seconds|minutes|tests|lines)\b(?![-\w])", typed)
    assert not stale, stale
