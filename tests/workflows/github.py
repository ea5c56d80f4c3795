"""Stand-ins for what the workflows reach on GitHub, on 127.0.0.1 only.

- GitServer: `git daemon` with receive-pack, serving the bare repositories
  under a folder; git's url.<base>.insteadOf (in the runs' global git config)
  sends the actions' own https://github.com/ URLs to it.
- ApiServer: the REST and GraphQL calls the actions make (the ref of the
  deploy branch, the pull request's sticky comment), answered from the bare
  origin and from the comments it was sent, every call recorded.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 10) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if process.poll() is not None:
            raise RuntimeError(f"git daemon exited with {process.returncode} before listening on {port}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"git daemon did not listen on 127.0.0.1:{port} within {seconds} s")


class GitServer:
    """git daemon on 127.0.0.1, fetch and push, for the repositories under `served`
    (owner/name.git, each a bare repository or a link to one)."""

    def __init__(self, served: Path, log: Path):
        self.served, self.log = served, log
        self.process: subprocess.Popen | None = None
        self.url = ""

    def __enter__(self) -> GitServer:
        for _ in range(5):  # another process may take the port first
            port = free_port()
            self.process = subprocess.Popen(
                [
                    "git",
                    "daemon",
                    "--reuseaddr",
                    "--export-all",
                    "--enable=receive-pack",
                    "--informative-errors",
                    f"--base-path={self.served}",
                    "--listen=127.0.0.1",
                    f"--port={port}",
                    "--verbose",
                    str(self.served),
                ],
                stdout=subprocess.DEVNULL,
                stderr=self.log.open("ab"),
            )
            try:
                wait_for_port(port, self.process)
            except RuntimeError:
                self.process.wait()
                continue
            self.url = f"git://127.0.0.1:{port}/"
            return self
        raise RuntimeError(f"git daemon could not start; see {self.log}")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Api:
    """What the stand-in API knows: the origin it reads refs from, the comments
    it was sent, and every call, in order."""

    def __init__(self, origin: Path, repository: str, login: str = "github-actions[bot]"):
        self.origin, self.repository, self.login = origin, repository, login
        self.comments: dict[int, list[dict]] = {}  # pull request number -> its comments
        self.calls: list[dict] = []
        self.lock = threading.Lock()
        self._next_id = 1

    # REST: GET /repos/{owner}/{repo}/git/refs/heads/{branch}
    def branch_ref(self, repository: str, branch: str) -> tuple[int, dict]:
        if repository != self.repository:
            return 404, {"message": "Not Found"}
        sha = subprocess.run(
            ["git", "--git-dir", str(self.origin), "rev-parse", "--verify", "-q", f"refs/heads/{branch}"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        if not sha:
            return 404, {"message": "Not Found"}
        return 200, {
            "ref": f"refs/heads/{branch}",
            "node_id": f"REF_{sha[:12]}",
            "object": {"sha": sha, "type": "commit"},
        }

    # REST: POST /repos/{owner}/{repo}/issues/{number}/comments
    def create_comment(self, repository: str, number: int, body: str) -> tuple[int, dict]:
        if repository != self.repository:
            return 404, {"message": "Not Found"}
        comment = {
            "id": self._next_id,
            "node_id": f"IC_{self._next_id}",
            "body": body,
            "user": {"login": self.login},
            "minimized": False,
        }
        self._next_id += 1
        self.comments.setdefault(number, []).append(comment)
        return 201, {
            **comment,
            "html_url": f"https://github.com/{repository}/pull/{number}#issuecomment-{comment['id']}",
        }

    def _by_node_id(self, node_id: str) -> dict | None:
        return next((c for cs in self.comments.values() for c in cs if c["node_id"] == node_id), None)

    # GraphQL: the queries and mutations of sticky-pull-request-comment
    def graphql(self, query: str, variables: dict) -> tuple[int, dict]:
        if "pullRequest(number:" in query:
            owner, name = variables.get("owner"), variables.get("repo")
            if f"{owner}/{name}" != self.repository:
                return 200, {
                    "data": {"viewer": {"login": self.login}, "repository": None},
                    "errors": [{"message": f"no repository {owner}/{name}"}],
                }
            nodes = [
                {
                    "id": c["node_id"],
                    "author": {"login": c["user"]["login"].replace("[bot]", "")},
                    "isMinimized": c["minimized"],
                    "body": c["body"],
                }
                for c in self.comments.get(int(variables["number"]), [])
            ]
            return 200, {
                "data": {
                    "viewer": {"login": self.login},
                    "repository": {
                        "pullRequest": {
                            "comments": {"nodes": nodes, "pageInfo": {"endCursor": None, "hasNextPage": False}}
                        }
                    },
                }
            }
        if "updateIssueComment(" in query:
            comment = self._by_node_id(variables["input"]["id"])
            if comment is None:
                return 200, {"data": None, "errors": [{"message": "no such comment"}]}
            comment["body"] = variables["input"]["body"]
            return 200, {
                "data": {"updateIssueComment": {"issueComment": {"id": comment["node_id"], "body": comment["body"]}}}
            }
        if "deleteIssueComment(" in query:
            for cs in self.comments.values():
                cs[:] = [c for c in cs if c["node_id"] != variables["id"]]
            return 200, {"data": {"deleteIssueComment": {"clientMutationId": None}}}
        if "minimizeComment(" in query:
            comment = self._by_node_id(variables["input"]["subjectId"])
            if comment is not None:
                comment["minimized"] = True
            return 200, {"data": {"minimizeComment": {"clientMutationId": None}}}
        return 200, {"data": None, "errors": [{"message": "the stand-in API does not answer this query"}]}

    def answer(self, method: str, path: str, body: bytes) -> tuple[int, dict]:
        path = path.split("?")[0]
        try:
            data = json.loads(body) if body else None
        except ValueError:
            return 400, {"message": "Problems parsing JSON"}
        with self.lock:
            if method == "GET" and (m := re.fullmatch(r"/repos/([^/]+/[^/]+)/git/refs/heads/(.+)", path)):
                status, answer = self.branch_ref(m[1], m[2])
            elif method == "POST" and (m := re.fullmatch(r"/repos/([^/]+/[^/]+)/issues/(\d+)/comments", path)):
                status, answer = self.create_comment(m[1], int(m[2]), (data or {}).get("body", ""))
            elif method == "POST" and path == "/graphql":
                status, answer = self.graphql((data or {}).get("query", ""), (data or {}).get("variables") or {})
            else:
                status, answer = 404, {"message": "the stand-in API does not answer this call"}
            self.calls.append({"method": method, "path": path, "request": data, "status": status, "response": answer})
        return status, answer

    def comments_of(self, number: int) -> list[str]:
        return [c["body"] for c in self.comments.get(number, [])]


class ApiServer:
    """Api on 127.0.0.1; writes its calls and comments to `log` as they come."""

    def __init__(self, api: Api, log: Path):
        self.api, self.log = api, log
        api_, log_ = api, log

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                status, answer = api_.answer(self.command, self.path, self.rfile.read(length))
                payload = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
                ApiServer.write_log(api_, log_)

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _answer

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    @staticmethod
    def write_log(api: Api, log: Path) -> None:
        with api.lock:
            record = {
                "repository": api.repository,
                "calls": api.calls,
                "comments": {str(n): cs for n, cs in sorted(api.comments.items())},
            }
            log.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    def __enter__(self) -> ApiServer:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.write_log(self.api, self.log)
