"""Every dependency locked (issue 25): each virtualenv holds exactly the packages of its lock,
at the locked versions, each of them with the hashes of its files; and each lock holds what its
requirements*.in asks for, at the version asked."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, bundled_pip

# virtualenv -> its lock (the Makefile installs each with --require-hashes). make test installs
# .venv from requirements-test.txt: requirements.txt's packages and the tests' (make site, alone,
# installs requirements.txt's).
VENVS = {
    ".venv": "requirements-test.txt",
    ".venv-properdocs": "requirements-properdocs.txt",
    ".venv-zensical": "requirements-zensical.txt",
    ".venv-workflows": "requirements-workflows.txt",
}


def name(n: str) -> str:
    return re.sub(r"[-_.]+", "-", n).lower()


def pins(text: str) -> dict[str, str]:
    return {name(m[1]): m[2] for m in re.finditer(r"^([A-Za-z0-9][\w.-]*)==([^\s;\\]+)", text, re.M)}


def test_each_lock_pins_every_package_with_its_hashes():
    for lock in [*VENVS.values(), "requirements.txt"]:
        text = (REPO / lock).read_text(encoding="utf-8")
        entries = re.split(r"\n(?=[A-Za-z0-9])", text.strip())
        assert entries and all(
            re.match(r"[A-Za-z0-9][\w.-]*==\S+ \\\n\s+--hash=sha256:[0-9a-f]{64}", e) for e in entries
        ), lock
        wanted = pins((REPO / lock).with_suffix(".in").read_text(encoding="utf-8"))
        assert {n: v for n, v in pins(text).items() if n in wanted} == wanted, lock


def locked(lock: str) -> dict[str, str]:
    """package -> its entry in the lock (its pin and hashes), comments left out."""
    text = re.sub(r"\s*#.*", "", (REPO / lock).read_text(encoding="utf-8")).strip()
    return {name(e.split("==")[0]): " ".join(e.split()) for e in re.split(r"\n(?=[A-Za-z0-9])", text)}


def test_the_test_lock_holds_the_site_lock_as_it_is():
    """make test's .venv is make site's and more: each package of requirements.txt, at its version and
    with its hashes, is in requirements-test.txt (make lock compiles it against requirements.txt)."""
    site, test = locked("requirements.txt"), locked("requirements-test.txt")
    assert {n: test.get(n) for n in site} == site
    assert set(test) - set(site) >= {"pytest", "playwright", "mypy", "ruff"}  # make site installs none of them


def frozen(venv: Path) -> dict[str, str]:
    """What `pip freeze` lists, read as it reads it: each distribution installed in the virtualenv's
    site-packages but pip's own tools (in-process: a pip run per virtualenv took seconds)."""
    found = {}
    for site in venv.glob("lib/python*/site-packages"):
        for dist in importlib.metadata.distributions(path=[str(site)]):
            found[name(dist.metadata["Name"])] = dist.version
    return {n: v for n, v in found.items() if n not in ("pip", "setuptools", "wheel", "distribute")}


def test_frozen_is_what_pip_freeze_says():
    python = REPO / ".venv" / "bin" / "python"
    if not python.exists():
        pytest.skip(".venv is not installed")
    # the pip the Makefile installs with (the virtualenvs hold none of their own)
    said = subprocess.run(
        [str(python), bundled_pip(), "freeze", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert pins(said) == frozen(REPO / ".venv")


@pytest.mark.parametrize("venv", VENVS)
def test_pip_freeze_of_each_virtualenv_is_its_lock(venv):
    if not (REPO / venv / "bin" / "python").exists():
        pytest.skip(f"{venv} is not installed (make test installs it)")
    assert frozen(REPO / venv) == pins((REPO / VENVS[venv]).read_text(encoding="utf-8"))
