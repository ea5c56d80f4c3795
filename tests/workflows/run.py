"""`make workflows`: the project's publish.yml and preview.yml, run by act on this
machine, offline, against stand-ins for GitHub (README: "Workflows, run here").

    python tests/workflows/run.py [--out DIR] [--actions-from DIR ...] [--steps publish,open7,...]

Leaves in DIR (build/workflows by default): origin.git, the bare origin whose
gh-pages the runs deploy to; api-log.json, what the stand-in API was sent;
runs.json, each run's time, exit code and what gh-pages held after it; logs/,
act's output of each run.
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from github import Api, ApiServer, GitServer

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
OWNER, NAME = "example", "hakusho"
REPOSITORY = f"{OWNER}/{NAME}"
# What the runs get as GITHUB_TOKEN: only the stand-ins ever see it.
TOKEN = "stand-in-token"
# Where the public repositories' snapshots are looked for (`fetch` puts them in
# /work/.mirror on the project's machines); HAKUSHO_ACTIONS_FROM, colon-separated, or --actions-from.
DEFAULT_SNAPSHOTS = "/work/.mirror"
ACT = REPO / ".venv-workflows" / "bin" / "act"
# What the runs reuse from one `make workflows` to the next: the actions' files, the wheels.
CACHE = REPO / "build" / "workflows-cache"
# A runner's PATH, without this machine's pyenv: `python3` in a step is the one
# setup-python put on PATH (or Debian's, if it put none).
RUNNER_PATH = "/usr/local/bin:/usr/bin:/bin"


class Unavailable(RuntimeError):
    """What the runs need is not on this machine (an action's snapshot, act)."""


def git(*args: str, cwd: Path | None = None, env: dict | None = None) -> str:
    run = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)}: {run.stderr.strip()}")
    return run.stdout.strip()


# ---------------------------------------------------------------- the actions


def load_actions() -> list[dict]:
    return yaml.safe_load((HERE / "actions.yaml").read_text(encoding="utf-8"))["actions"]


def snapshot_roots(actions_from: list[str] | None = None) -> list[Path]:
    spec = actions_from or os.environ.get("HAKUSHO_ACTIONS_FROM", DEFAULT_SNAPSHOTS).split(":")
    return [Path(p) for p in spec if p]


def find_snapshot(repo: str, commit: str, roots: list[Path]) -> Path:
    """The git directory of a snapshot of owner/name that holds the commit."""
    owner, name = repo.split("/")
    tried = []
    for root in roots:
        for candidate in (root / f"{owner}+{name}" / "repo", root / owner / f"{name}.git", root / owner / name):
            if candidate.is_dir():
                tried.append(candidate)
                if (
                    subprocess.run(
                        ["git", "--git-dir", str(candidate), "cat-file", "-e", f"{commit}^{{commit}}"],
                        capture_output=True,
                    ).returncode
                    == 0
                ):
                    return candidate
    where = ", ".join(map(str, tried)) or "nothing under " + ", ".join(map(str, roots))
    raise Unavailable(
        f"no snapshot of {repo} holding {commit[:12]} (looked at {where}); "
        f"bring one with the search tool's fetch (github:{repo}), or name a folder of "
        f"git snapshots with HAKUSHO_ACTIONS_FROM"
    )


def export_action(action: dict, roots: list[Path], dest: Path) -> Path:
    """The action's files at its commit, in dest/owner/name@ref; files the snapshot
    lacks must be those its record says the steps here do not need."""
    repo, ref = action["uses"].split("@")
    if "stand_in" in action:
        return REPO / action["stand_in"]["path"]
    commit = (action.get("run_as") or {}).get("commit", action["commit"])
    out = dest / f"{repo}@{ref}"
    mark = out / ".exported-commit"
    if mark.exists() and mark.read_text().strip() == commit:
        return out
    snapshot = find_snapshot(repo, commit, roots)
    if "run_as" not in action:
        resolved = git("--git-dir", str(snapshot), "rev-parse", f"{ref}^{{commit}}")
        if resolved != commit:
            raise RuntimeError(
                f"{action['uses']}: the snapshot's {ref} is {resolved}, the record says {commit}: "
                f"review tests/workflows/actions.yaml"
            )
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    entries = []
    for line in git("--git-dir", str(snapshot), "ls-tree", "-r", "-z", commit).split("\0"):
        if line:
            meta, path = line.split("\t", 1)
            mode, kind, sha = meta.split()
            if kind != "blob":
                raise RuntimeError(f"{action['uses']}: {path} is a {kind}; the export takes files only")
            entries.append((mode, sha, path))
    batch = subprocess.run(
        ["git", "--git-dir", str(snapshot), "cat-file", "--batch"],
        input=b"".join(f"{sha}\n".encode() for _, sha, _ in entries),
        capture_output=True,
        check=True,
    ).stdout
    absent_expected = set(action.get("absent") or {})
    absent, pos = [], 0
    for mode, _sha, path in entries:
        header_end = batch.index(b"\n", pos)
        header = batch[pos:header_end].decode()
        if header.endswith(" missing"):
            absent.append(path)
            pos = header_end + 1
            continue
        size = int(header.split()[2])
        data = batch[header_end + 1 : header_end + 1 + size]
        pos = header_end + 1 + size + 1
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if mode == "120000":
            target.symlink_to(data.decode())
        else:
            target.write_bytes(data)
            if mode == "100755":
                target.chmod(0o755)
    if set(absent) != absent_expected:
        raise RuntimeError(
            f"{action['uses']}: the snapshot lacks {sorted(set(absent) - absent_expected) or 'nothing'}"
            f" beyond its record; the record names {sorted(absent_expected - set(absent)) or 'nothing'}"
            f" that is in fact there: review tests/workflows/actions.yaml"
        )
    licence = action["licence"].split()[0]
    if not (out / licence).is_file():
        raise RuntimeError(f"{action['uses']}: no {licence} at {commit}")
    mark.write_text(commit + "\n")
    return out


# ---------------------------------------------------------------- what the runs find on the machine


def tool_cache(dest: Path) -> Path:
    """setup-python's tool cache, holding the Python that runs this script, as
    setup-python lays out what it downloads: Python/<version>/x64 and its
    x64.complete mark. setup-python finds it there and downloads nothing."""
    version = ".".join(map(str, sys.version_info[:3]))
    home = dest / "Python" / version
    home.mkdir(parents=True, exist_ok=True)
    link = home / "x64"
    if not link.is_symlink():
        link.symlink_to(Path(sys.base_prefix))
    (home / "x64.complete").touch()
    return dest


def bundled_pip() -> str:
    """pip, in the wheel Python ships for ensurepip: the Makefile makes its virtualenvs without a
    copy of pip, and runs this one."""
    import ensurepip

    (wheel,) = (Path(ensurepip.__file__).parent / "_bundled").glob("pip-*.whl")
    return str(wheel / "pip")


def wheelhouse(dest: Path) -> Path:
    """The wheels of requirements.txt, for the runs' `make site` to install
    with no index: the runs themselves reach no network. Filled from the package
    index once per version of requirements.txt."""
    stamp = dest / (".from-" + hashlib.sha256((REPO / "requirements.txt").read_bytes()).hexdigest()[:16])
    if not stamp.exists():
        shutil.rmtree(dest, ignore_errors=True)
        run = subprocess.run(
            [
                sys.executable,
                bundled_pip(),
                "download",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
                str(REPO / "requirements.txt"),
                "-d",
                str(dest),
            ],
            capture_output=True,
            text=True,
        )
        if run.returncode != 0:
            raise RuntimeError(f"pip download -r requirements.txt failed:\n{run.stdout}{run.stderr}")
        stamp.touch()
    return dest


# ---------------------------------------------------------------- origin

COMMITTER = {
    "GIT_AUTHOR_NAME": "hakusho workflows",
    "GIT_AUTHOR_EMAIL": "workflows@example.invalid",
    "GIT_COMMITTER_NAME": "hakusho workflows",
    "GIT_COMMITTER_EMAIL": "workflows@example.invalid",
}


@dataclass
class Origin:
    path: Path
    main: str
    pulls: dict[int, tuple[str, str]]  # number -> (head, merge)


def make_origin(path: Path, index: Path, pulls: list[int]) -> Origin:
    """A bare origin whose main is this working tree as it is (HEAD's history,
    and a commit of the uncommitted changes if there are any), with a pull
    request's refs as GitHub keeps them (refs/pull/N/head, refs/pull/N/merge)."""
    shutil.rmtree(path, ignore_errors=True)
    git("init", "--quiet", "--bare", "--initial-branch=main", str(path))
    git("push", "--quiet", str(path), "HEAD:refs/heads/main", cwd=REPO)
    env = dict(os.environ, **COMMITTER, GIT_INDEX_FILE=str(index))
    bare = ["--git-dir", str(path)]
    git(*bare, "read-tree", "main", env=env)
    git(*bare, f"--work-tree={REPO}", "add", "--all", env=env)
    tree = git(*bare, "write-tree", env=env)
    index.unlink()
    main = git(*bare, "rev-parse", "main")
    if tree != git(*bare, "rev-parse", "main^{tree}"):
        main = git(
            *bare, "commit-tree", tree, "-p", main, "-m", "The working tree as `make workflows` found it", env=env
        )
        git(*bare, "update-ref", "refs/heads/main", main)
    refs = {}
    for n in pulls:
        # the pull request changes nothing: its preview differs from main by its URL alone
        head = git(*bare, "commit-tree", tree, "-p", main, "-m", f"Pull request {n}", env=env)
        merge = git(*bare, "commit-tree", tree, "-p", main, "-p", head, "-m", f"Merge {head} into {main}", env=env)
        git(*bare, "update-ref", f"refs/heads/pr-{n}", head)
        git(*bare, "update-ref", f"refs/pull/{n}/head", head)
        git(*bare, "update-ref", f"refs/pull/{n}/merge", merge)
        refs[n] = (head, merge)
    return Origin(path, main, refs)


# ---------------------------------------------------------------- events


def repository_payload() -> dict:
    return {
        "name": NAME,
        "full_name": REPOSITORY,
        "owner": {"login": OWNER},
        "default_branch": "main",
        "html_url": f"https://github.com/{REPOSITORY}",
    }


def push_event(origin: Origin) -> dict:
    return {
        "ref": "refs/heads/main",
        "before": "0" * 40,
        "after": origin.main,
        "deleted": False,
        "repository": repository_payload(),
        "pusher": {"name": OWNER, "email": f"{OWNER}@example.invalid"},
        "sender": {"login": OWNER},
    }


def pull_request_event(origin: Origin, number: int, action: str) -> dict:
    head, merge = origin.pulls[number]
    side = {"repo": {"full_name": REPOSITORY, "name": NAME, "owner": {"login": OWNER}}}
    return {
        "action": action,
        "number": number,
        "repository": repository_payload(),
        "sender": {"login": OWNER},
        "pull_request": {
            "number": number,
            "state": "closed" if action == "closed" else "open",
            "merged": False,
            "merge_commit_sha": merge,
            "head": {"ref": f"pr-{number}", "sha": head, **side},
            "base": {"ref": "main", "sha": origin.main, **side},
        },
    }


@dataclass
class Step:
    name: str
    workflow: str  # file under .github/workflows, without .yml
    event: str  # the event act is given
    number: int | None = None
    action: str | None = None


STEPS = {
    "publish": Step("publish, push to main", "publish", "push"),
    "open7": Step("preview, pull request 7 opened", "preview", "pull_request", 7, "opened"),
    "open8": Step("preview, pull request 8 opened", "preview", "pull_request", 8, "opened"),
    "close7": Step("preview, pull request 7 closed", "preview", "pull_request", 7, "closed"),
}
SEQUENCE = ["publish", "open7", "open8", "close7", "publish"]


# ---------------------------------------------------------------- act


def gitconfig(path: Path, git_url: str) -> Path:
    """The runs' global git config: the actions' URLs for GitHub, as they write
    them, go to the stand-in git server."""
    path.write_text(
        f'[url "{git_url}"]\n'
        f"\tinsteadOf = https://github.com/\n"
        f"\tinsteadOf = https://x-access-token:{TOKEN}@github.com/\n",
        encoding="utf-8",
    )
    return path


# What GitHub reads of `on:` before it starts a run, and act does not (it runs a workflow
# for any event it names, whatever its `types` or `branches`).
DEFAULT_TYPES = {"pull_request": ["opened", "synchronize", "reopened"]}
READ = {"types", "branches", "branches-ignore"}


def triggered(workflow: Path, step: Step) -> bool:
    """Whether GitHub would start the workflow for the step's event: the event
    named under `on:`, its activity type among `types`, its branch (main, the
    pull request's base) matched by `branches` and not by `branches-ignore`."""
    doc = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    on = doc.get("on", doc.get(True))  # YAML 1.1 reads a bare `on` as true
    on = {on: None} if isinstance(on, str) else dict.fromkeys(on) if isinstance(on, list) else on
    if step.event not in on:
        return False
    spec = on[step.event] or {}
    unread = set(spec) - READ
    if unread:
        raise RuntimeError(
            f"{workflow.name}: on.{step.event}: the stand-in for GitHub's dispatch does not "
            f"read {', '.join(sorted(unread))}"
        )
    if step.action and step.action not in spec.get("types", DEFAULT_TYPES.get(step.event, [step.action])):
        return False
    branch = "main"  # pushed to, or the pull request's base
    if "branches" in spec and not any(fnmatch.fnmatchcase(branch, p) for p in spec["branches"]):
        return False
    return not any(fnmatch.fnmatchcase(branch, p) for p in spec.get("branches-ignore", []))


def act_command(step: Step, work: Path, event: Path, out: Path, actions: dict[str, Path], api_url: str) -> list[str]:
    command = [
        str(ACT),
        step.event,
        "-C",
        str(work),
        "-W",
        str(work / ".github" / "workflows" / f"{step.workflow}.yml"),
        "-e",
        str(event),
        "-P",
        "ubuntu-24.04=-self-hosted",
        "--action-cache-path",
        str(out / "act-cache"),
        "--action-offline-mode",
        "--no-skip-checkout",  # actions/checkout runs, and fetches from origin
        "--no-cache-server",
        "--defaultbranch",
        "main",
        "--actor",
        OWNER,
        "-s",
        f"GITHUB_TOKEN={TOKEN}",
        "--env",
        f"GITHUB_API_URL={api_url}",
        "--env",
        f"GITHUB_GRAPHQL_URL={api_url}/graphql",
    ]
    for uses, path in actions.items():
        command += ["--local-repository", f"{uses}={path}"]
    return command


def runner_env(out: Path, gitconfig_path: Path, wheels: Path) -> dict:
    """The runs' environment: nothing of this shell's (the outer make's flags, its
    virtualenv, pip's configuration on this machine), a home of their own."""
    home = out / "home"
    home.mkdir(exist_ok=True)
    return {
        "PATH": RUNNER_PATH,
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "TMPDIR": str(out / "tmp"),
        "GIT_CONFIG_GLOBAL": str(gitconfig_path),
        "GIT_CONFIG_NOSYSTEM": "1",
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheels),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }


def gh_pages(origin: Path) -> dict:
    """What gh-pages holds: its commit, whether the site is at its root, the previews."""
    sha = subprocess.run(
        ["git", "--git-dir", str(origin), "rev-parse", "--verify", "-q", "refs/heads/gh-pages"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    if not sha:
        return {"commit": None, "root_index": False, "previews": []}
    root = git("--git-dir", str(origin), "ls-tree", "--name-only", sha).split("\n")
    previews = (
        git("--git-dir", str(origin), "ls-tree", "--name-only", f"{sha}:pr-preview").split("\n")
        if "pr-preview" in root
        else []
    )
    return {"commit": sha, "root_index": "index.html" in root, "previews": [p for p in previews if p]}


@dataclass
class Prepared:
    actions: dict[str, Path]  # uses -> the folder act runs it from
    wheels: Path
    preview_snapshot: Path  # pr-preview-action's git snapshot, which it clones to name its version


def prepare(actions_from: list[str] | None = None) -> Prepared:
    """What the runs need from outside: act, the actions' files, the wheels of
    requirements.txt. The only step that may use the network (the package index)."""
    if not ACT.exists():
        raise Unavailable(f"{ACT} is missing: `make workflows` installs act (requirements-workflows.txt)")
    if not shutil.which("rsync", path=RUNNER_PATH):
        raise Unavailable(
            "rsync, which github-pages-deploy-action copies the site with (GitHub's runner has it), "
            "is missing: apt-get install rsync (make workflows does, as root)"
        )
    roots = snapshot_roots(actions_from)
    actions = {a["uses"]: export_action(a, roots, CACHE / "actions") for a in load_actions()}
    preview = next(a for a in load_actions() if a["uses"].startswith("rossjrw/pr-preview-action@"))
    return Prepared(
        actions, wheelhouse(CACHE / "wheels"), find_snapshot("rossjrw/pr-preview-action", preview["commit"], roots)
    )


def run_sequence(out: Path, names: list[str], prepared: Prepared, echo=print) -> list[dict]:
    for sub in ("origin.git", "served", "work", "events", "logs", "artifacts", "act-cache", "home", "tmp"):
        shutil.rmtree(out / sub, ignore_errors=True)
    for sub in ("logs", "events", "tmp", "home"):
        (out / sub).mkdir(parents=True)
    for log in ("api-log.json", "runs.json"):
        (out / log).unlink(missing_ok=True)
    tool_cache(out / "act-cache" / "tool_cache")
    pulls = sorted({STEPS[n].number for n in names if STEPS[n].number})
    origin = make_origin(out / "origin.git", out / "index", pulls)
    # the stand-in git server serves origin under its GitHub name, and the
    # snapshot of pr-preview-action, which clones itself to name its version
    served = out / "served"
    (served / OWNER).mkdir(parents=True)
    (served / OWNER / f"{NAME}.git").symlink_to(origin.path)
    (served / "rossjrw").mkdir()
    (served / "rossjrw" / "pr-preview-action.git").symlink_to(prepared.preview_snapshot)
    # act's working copy: a clone whose origin names GitHub, as a runner's does
    work = out / "work"
    git("clone", "--quiet", "--no-checkout", str(origin.path), str(work))
    git("fetch", "--quiet", str(origin.path), "+refs/pull/*:refs/pull/*", cwd=work)
    git("remote", "set-url", "origin", f"https://github.com/{REPOSITORY}.git", cwd=work)
    api = Api(origin.path, REPOSITORY)
    record = {"network": network(), "runs": []}
    with (
        GitServer(served, out / "logs" / "git-daemon.log") as git_server,
        ApiServer(api, out / "api-log.json") as api_server,
    ):
        env = runner_env(out, gitconfig(out / "gitconfig", git_server.url), prepared.wheels)
        for i, name in enumerate(names, 1):
            step = STEPS[name]
            if step.number:
                payload, sha = pull_request_event(origin, step.number, step.action), origin.pulls[step.number][1]
            else:
                payload, sha = push_event(origin), origin.main
            event = out / "events" / f"{i}-{name}.json"
            event.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
            git("checkout", "--quiet", "--detach", sha, cwd=work)
            log = out / "logs" / f"{i}-{name}.log"
            # artifacts belong to their run, as on GitHub (the upload-artifact stand-in's folder)
            artifacts = out / "artifacts" / f"{i}-{name}"
            start = time.monotonic()
            started = triggered(work / ".github" / "workflows" / f"{step.workflow}.yml", step)
            code = None  # GitHub would start no run: nor does act here
            if started:
                with log.open("w") as f:
                    code = subprocess.run(
                        act_command(step, work, event, out, prepared.actions, api_server.url),
                        stdout=f,
                        stderr=subprocess.STDOUT,
                        stdin=subprocess.DEVNULL,
                        env=dict(env, HAKUSHO_ARTIFACTS=str(artifacts)),
                        timeout=900,
                    ).returncode
            seconds = round(time.monotonic() - start, 1)
            result = {
                "step": i,
                "name": step.name,
                "workflow": step.workflow,
                "triggered": started,
                "seconds": seconds,
                "exit": code,
                "log": str(log.relative_to(out)),
                "artifacts": str(artifacts.relative_to(out)),
                "gh_pages": gh_pages(origin.path),
            }
            record["runs"].append(result)
            (out / "runs.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
            outcome = (
                "not started: its `on:` does not take this event"
                if not started
                else "ok"
                if code == 0
                else f"failed ({code})"
            )
            echo(
                f"{i}. {step.name}: {outcome} in {seconds} s; "
                f"gh-pages: {'the site' if result['gh_pages']['root_index'] else 'no site'} at its root, "
                f"previews: {', '.join(result['gh_pages']['previews']) or 'none'}"
            )
            if started and code != 0:
                echo(f"   see {log}")
                break
    return record["runs"]


# ---------------------------------------------------------------- no network

INSIDE = "HAKUSHO_WORKFLOWS_NETNS"


def network() -> str:
    return "loopback only" if os.environ.get(INSIDE) else "this machine's (not cut off: not root, or no unshare)"


def offline_command(argv: list[str]) -> list[str] | None:
    """This script again, in a network namespace of its own whose only interface
    is loopback: whatever a run tried to reach beyond the stand-ins would fail.
    Needs root (as `make test` runs in CI) and unshare; None where they are lacking."""
    if os.geteuid() != 0 or not shutil.which("unshare") or not shutil.which("ip"):
        return None
    return [
        "unshare",
        "--net",
        "--",
        "sh",
        "-c",
        'ip link set lo up && exec "$@"',
        "sh",
        sys.executable,
        str(Path(__file__).resolve()),
        *argv,
    ]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "build" / "workflows")
    parser.add_argument(
        "--actions-from",
        action="append",
        help="a folder of git snapshots of the actions' repositories "
        "(owner+name/repo or owner/name.git); default: $HAKUSHO_ACTIONS_FROM or " + DEFAULT_SNAPSHOTS,
    )
    parser.add_argument(
        "--steps",
        default=",".join(SEQUENCE),
        help=f"the runs, in order, from {', '.join(STEPS)} (default: %(default)s)",
    )
    parser.add_argument(
        "--prepare",
        action="store_true",
        help="only make ready what the runs take from outside (the actions' files, the wheels)",
    )
    args = parser.parse_args(argv)
    names = args.steps.split(",")
    unknown = [n for n in names if n not in STEPS]
    if unknown:
        parser.error(f"unknown step {', '.join(unknown)}; expected some of {', '.join(STEPS)}")
    try:
        prepared = prepare(args.actions_from)
        if args.prepare:
            print(f"ready: {len(prepared.actions)} actions, the wheels in {prepared.wheels}")
            return 0
        if not os.environ.get(INSIDE) and (command := offline_command(argv)):
            return subprocess.run(command, env=dict(os.environ, **{INSIDE: "1"})).returncode
        out = args.out.resolve()
        out.mkdir(parents=True, exist_ok=True)
        results = run_sequence(out, names, prepared)
    except Unavailable as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except RuntimeError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    failed = len(results) < len(names) or any(r["exit"] != 0 for r in results)
    print(f"{'failed' if failed else 'done'} (network: {network()}): {out / 'origin.git'}, {out / 'api-log.json'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
