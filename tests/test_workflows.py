"""The GitHub workflows: a real linter checks them (@action-validator/cli, pinned
in tests/tools/package-lock.json), and act runs publish.yml and preview.yml
through pull requests opened and closed, against stand-ins for GitHub
(tests/workflows/run.py, `make workflows`)."""

import json
import os
import re
import subprocess
import sys

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
    assert "clean-exclude: pr-preview/" in publish  # publishing main keeps the previews
    preview = (REPO / ".github/workflows/preview.yml").read_text(encoding="utf-8")
    assert "pr-preview/pr-${{ github.event.number }}/" in preview and "upload-artifact" in preview


# ---------------------------------------------------------------- the workflows, run

RUN = REPO / "tests" / "workflows" / "run.py"
PAGES = "https://example.github.io/hakusho/"  # the stand-in repository example/hakusho's Pages URL
# `make workflows` runs the sequence (publish, pull requests 7 and 8 opened, 7 closed,
# publish again: four builds). Here, for make test's time, two builds that still show a preview
# deployed with its own URL and its comment, kept by publishing (clean-exclude), and removed on
# close with the published site kept.
SEQUENCE = ["open7", "publish", "close7"]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """act runs the workflows through SEQUENCE; what they left in the bare origin,
    the API's log and each run's record."""
    out = tmp_path_factory.mktemp("workflows")
    run = subprocess.run(
        [sys.executable, str(RUN), "--out", str(out), "--steps", ",".join(SEQUENCE)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    if run.returncode == 2:  # act, rsync or an action's snapshot is not on this machine
        pytest.skip(run.stderr.strip())
    if not (out / "runs.json").exists():
        pytest.fail(f"the runs did not start:\n{run.stdout}{run.stderr}")
    record = json.loads((out / "runs.json").read_text(encoding="utf-8"))
    return {
        "out": out,
        "stdout": run.stdout + run.stderr,
        "record": record,
        "api": json.loads((out / "api-log.json").read_text(encoding="utf-8")),
        "origin": out / "origin.git",
    }


def origin(runs, *args) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(runs["origin"]), *args], check=True, capture_output=True, text=True
    ).stdout


def after(runs, step: str) -> str:
    """The gh-pages commit as the run `step` left it."""
    return runs["record"]["runs"][SEQUENCE.index(step)]["gh_pages"]["commit"]


def canonical(html: str) -> str:
    found = re.findall(r'<link rel="canonical" href="([^"]+)"', html)
    assert len(found) == 1, found
    return found[0]


def test_every_run_passes_with_no_network(runs):
    record = runs["record"]
    assert [(r["triggered"], r["exit"]) for r in record["runs"]] == [(True, 0)] * len(SEQUENCE), runs["stdout"]
    if os.geteuid() == 0:  # as in CI: the runs had loopback alone
        assert record["network"] == "loopback only"


def test_a_preview_is_deployed_kept_by_publishing_and_removed_on_close(runs):
    held = [(r["gh_pages"]["root_index"], r["gh_pages"]["previews"]) for r in runs["record"]["runs"]]
    assert held == [
        (False, ["pr-7"]),  # pull request 7 opened: its preview, on a new gh-pages
        (True, ["pr-7"]),  # publish: the site at the root, the preview kept (clean-exclude)
        (True, []),  # pull request 7 closed: its preview removed, the site kept
    ], runs["stdout"]
    assert origin(runs, "rev-parse", "gh-pages").strip() == after(runs, "close7")


def test_the_site_is_at_the_root_and_the_preview_was_built_for_its_own_url(runs):
    published = set(origin(runs, "ls-tree", "-r", "--name-only", "gh-pages").split())
    preview = {
        f.removeprefix("pr-preview/pr-7/")
        for f in origin(runs, "ls-tree", "-r", "--name-only", after(runs, "open7"), "pr-preview/pr-7/").split()
    }
    assert "index.html" in published and "search/search_index.json" in published
    assert preview == published  # the same site, whole, in both places
    pages = [
        f for f in sorted(published) if f.endswith(".html") and not f.endswith("404.html")
    ]  # a 404 has no URL of its own
    assert len(pages) > 50
    for page in pages:
        assert canonical(origin(runs, "show", f"gh-pages:{page}")) == PAGES + page
        assert (
            canonical(origin(runs, "show", f"{after(runs, 'open7')}:pr-preview/pr-7/{page}"))
            == f"{PAGES}pr-preview/pr-7/{page}"
        )


def test_the_api_got_the_comment_with_the_preview_url_then_its_removal(runs):
    api = runs["api"]
    assert [c for c in api["calls"] if c["status"] >= 400] == [], "calls the stand-in could not answer"
    (created,) = [c["request"]["body"] for c in api["calls"] if c["path"].endswith("/issues/7/comments")]
    assert f"View preview at <br> {PAGES}pr-preview/pr-7/ <br>" in created
    assert "<!-- Sticky Pull Request Commentpr-preview -->" in created
    (comment,) = api["comments"]["7"]  # the same comment, updated when the pull request closed
    assert "Preview removed because the pull request was closed." in comment["body"]
    assert f"{PAGES}pr-preview/pr-7/" not in comment["body"]


def test_setup_python_used_the_local_python_and_the_preview_kept_its_artifact(runs):
    out = runs["out"]
    opened = runs["record"]["runs"][SEQUENCE.index("open7")]
    log = (out / opened["log"]).read_text(encoding="utf-8")
    assert "Successfully set up CPython (3.11" in log and "not found in the local cache" not in log
    artifact = out / opened["artifacts"] / "hakusho-pr-7"
    assert (artifact / "site" / "index.html").is_file() and (artifact / "dist" / "hakusho-offline.zip").is_file()
