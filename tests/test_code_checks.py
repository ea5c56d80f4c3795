"""The code checks itself (issue 26): ruff's lint and format check on the whole tree, mypy --strict on
builder/, each with pyproject.toml's settings. Run as tests, they take a worker beside the others
rather than time before them: mypy from a cold cache took 4.4 s of CPU here, ruff well under one."""

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

BIN = Path(sys.executable).parent
# mypy's cache in build/ (ignored by git), not a .mypy_cache beside the sources
CHECKS = {
    "ruff check": [str(BIN / "ruff"), "check", "--no-cache", "."],
    "ruff format --check": [str(BIN / "ruff"), "format", "--check", "--no-cache", "."],
    "mypy --strict builder/": [
        str(BIN / "mypy"),
        "--strict",
        "--cache-dir",
        str(REPO / "build" / "mypy-cache"),
        "builder/",
    ],
}


@pytest.mark.parametrize("check", CHECKS)
def test_the_code_passes(check):
    run = subprocess.run(CHECKS[check], cwd=REPO, capture_output=True, text=True)
    assert run.returncode == 0, f"{check}:\n{run.stdout}{run.stderr}"[-6000:]
