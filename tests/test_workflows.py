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
    assert "clean-exclude: pr-preview/" in publish       # publishing main keeps the previews
    preview = (REPO / ".github/workflows/preview.yml").read_text(encoding="utf-8")
    assert "pr-preview/pr-${{ github.event.number }}/" in preview and "upload-artifact" in preview


# ---------------------------------------------------------------- the workflows, run

RUN = REPO / "tests" / "workflows" / "run.py"
PAGES = "https://example.github.io/hakusho/"         # the stand-in repository example/hakusho's Pages URL
# Three builds where `make workflows` runs four (publish, open7, open8, close7, publish), and
# every property of that sequence: a preview deployed (7), kept by publishing, the site kept by
# deploying a preview (8), one preview removed and the other kept on close (7).
SEQUENCE = ["open7", "publish", "open8", "close7"]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """act runs the workflows through SEQUENCE; what they left in the bare origin,
    the API's log and each run's record."""
    out = tmp_path_factory.mktemp("workflows")
    run = subprocess.run([sys.executable, str(RUN), "--out", str(out), "--steps", ",".join(SEQUENCE)],
                         capture_output=True, text=True, timeout=900)
    if run.returncode == 2:          # act or an action's snapshot is not on this machine
        pytest.skip(run.stderr.strip())
    if not (out / "runs.json").exists():
        pytest.fail(f"the runs did not start:\n{run.stdout}{run.stderr}")
    record = json.loads((out / "runs.json").read_text(encoding="utf-8"))
    return {"out": out, "stdout": run.stdout + run.stderr, "record": record,
            "api": json.loads((out / "api-log.json").read_text(encoding="utf-8")),
            "origin": out / "origin.git"}


def gh_pages(runs, *args) -> str:
    return subprocess.run(["git", "--git-dir", str(runs["origin"]), *args], check=True,
                          capture_output=True, text=True).stdout


def canonical(html: str) -> str:
    found = re.findall(r'<link rel="canonical" href="([^"]+)"', html)
    assert len(found) == 1, found
    return found[0]


def test_every_run_passes_with_no_network(runs):
    record = runs["record"]
    assert [r["exit"] for r in record["runs"]] == [0] * len(SEQUENCE), runs["stdout"]
    if os.geteuid() == 0:                               # as in CI: the runs had loopback alone
        assert record["network"] == "loopback only"


def test_previews_are_deployed_kept_by_publishing_and_removed_on_close(runs):
    after = [(r["gh_pages"]["root_index"], r["gh_pages"]["previews"]) for r in runs["record"]["runs"]]
    assert after == [
        (False, ["pr-7"]),               # pull request 7 opened: its preview, on a new gh-pages
        (True, ["pr-7"]),                # publish: the site at the root, the preview kept (clean-exclude)
        (True, ["pr-7", "pr-8"]),        # pull request 8 opened: its preview; the site and 7's kept
        (True, ["pr-8"]),                # pull request 7 closed: its preview alone removed
    ], runs["stdout"]


def test_gh_pages_holds_the_site_at_its_root_and_pr_8_built_for_its_own_url(runs):
    files = gh_pages(runs, "ls-tree", "-r", "--name-only", "gh-pages").split()
    root = {f for f in files if not f.startswith("pr-preview/")}
    pr8 = {f.removeprefix("pr-preview/pr-8/") for f in files if f.startswith("pr-preview/pr-8/")}
    assert not any(f.startswith("pr-preview/pr-7/") for f in files)
    assert "index.html" in root and "search/search_index.json" in root
    assert pr8 == root                                  # the same site, whole, in both places
    pages = [f for f in sorted(root) if f.endswith(".html") and f != "404.html"]
    assert len(pages) > 50
    for page in pages:
        assert canonical(gh_pages(runs, "show", f"gh-pages:{page}")) == PAGES + page
        assert canonical(gh_pages(runs, "show", f"gh-pages:pr-preview/pr-8/{page}")) == \
            f"{PAGES}pr-preview/pr-8/{page}"


def test_the_api_holds_the_comment_for_pr_8_with_its_preview_url(runs):
    api = runs["api"]
    assert [c["status"] for c in api["calls"] if c["status"] >= 400] == [], "calls the stand-in could not answer"
    (pr8,) = api["comments"]["8"]
    assert f"View preview at <br> {PAGES}pr-preview/pr-8/ <br>" in pr8["body"]
    assert "<!-- Sticky Pull Request Commentpr-preview -->" in pr8["body"]
    (pr7,) = api["comments"]["7"]                       # updated in place when pull request 7 closed
    assert "Preview removed because the pull request was closed." in pr7["body"]
    assert f"{PAGES}pr-preview/pr-7/" not in pr7["body"]


def test_setup_python_used_the_local_python_and_previews_keep_their_artifacts(runs):
    out = runs["out"]
    log = (out / runs["record"]["runs"][0]["log"]).read_text(encoding="utf-8")
    assert "Successfully set up CPython (3.11" in log and "not found in the local cache" not in log
    opened8 = out / runs["record"]["runs"][SEQUENCE.index("open8")]["artifacts"] / "hakusho-pr-8"
    assert (opened8 / "site" / "index.html").is_file() and (opened8 / "dist" / "hakusho-offline.zip").is_file()
