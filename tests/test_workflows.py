"""The GitHub workflows cannot run here, so a real linter checks them
(@action-validator/cli, pinned in tests/tools/package-lock.json)."""
import subprocess

import pytest

from conftest import REPO

VALIDATOR = REPO / "tests" / "tools" / "node_modules" / ".bin" / "action-validator"
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


@pytest.fixture(scope="module")
def validator():
    if not VALIDATOR.exists():
        pytest.fail("the workflow linter is not installed: `make test` runs npm ci in tests/tools")
    return VALIDATOR


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_valid(validator, workflow):
    run = subprocess.run([str(validator), str(workflow)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_linter_catches_a_broken_workflow(validator, tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    stepz: []\n", encoding="utf-8")
    run = subprocess.run([str(validator), str(bad)], capture_output=True, text=True)
    assert run.returncode != 0 and "stepz" in run.stdout + run.stderr


def test_the_workflows_we_need_exist():
    names = {p.name for p in WORKFLOWS}
    assert {"ci.yml", "publish.yml", "preview.yml"} <= names
    publish = (REPO / ".github/workflows/publish.yml").read_text(encoding="utf-8")
    assert "clean-exclude: pr-preview/" in publish       # publishing main keeps the previews
    preview = (REPO / ".github/workflows/preview.yml").read_text(encoding="utf-8")
    assert "pr-preview/pr-${{ github.event.number }}/" in preview and "upload-artifact" in preview
