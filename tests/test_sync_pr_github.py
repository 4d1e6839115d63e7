"""`sync --pr` against GitHub, end to end: real git, real pushes to a bare repository, the real GitHub client,
and a local server that plays GitHub's pull request API. Every request it gets is checked against GitHub's
published OpenAPI description (tests/forge/github_openapi_subset.json) and for the token header; the tests then
assert the exact sequence of calls a weekly sync makes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from conftest import LIB, Story, g2l, git

SUBSET = json.loads((Path(__file__).parent / "forge" / "github_openapi_subset.json").read_text())["operations"]
TOKEN = "ghp_g2lSentinelToken5f3a0000000000000000"
pytestmark = pytest.mark.slow  # GitHub asks integrations to space writes a second apart: the client does
REPO = "acme/risk-engine-dbx"


class FakeGitHub:
    """GitHub's pull requests for one repository, kept in memory; `calls` lists `METHOD /path` as received."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.pulls: dict[int, dict[str, Any]] = {}
        self.comments: dict[int, list[str]] = {}
        self.labels: dict[int, list[str]] = {}
        self.reviewers: dict[int, list[str]] = {}
        self.calls: list[str] = []
        self.fail_next: tuple[str, int, str] | None = None  # (call, status, message) to answer once
        server.expect_request(re.compile(".*")).respond_with_handler(self.handle)

    def handle(self, request: Request) -> Response:
        call = f"{request.method} {request.path}"
        self.calls.append(call)
        assert request.headers.get("Authorization") == f"token {TOKEN}", call
        if request.path == "/graphql":
            return self._graphql(request.get_json())
        operation = self._operation(request.method, request.path)
        body = request.get_json(silent=True)
        if body is not None:
            jsonschema.validate(body, SUBSET[operation]["request_body"])
        if self.fail_next and self.fail_next[0] == call:
            _, status, message = self.fail_next
            self.fail_next = None
            return Response(json.dumps({"message": message}), status, content_type="application/json")
        return getattr(self, "_" + operation.split("/")[1].replace("-", "_"))(request, body)

    def _operation(self, method: str, path: str) -> str:
        for name, operation in SUBSET.items():
            pattern = re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(operation["path"]))
            if operation["method"] == method and re.fullmatch(pattern, path):
                return name
        raise AssertionError(f"{method} {path} is not a documented operation the client may call")

    def _json(self, data: Any, status: int = 200) -> Response:
        return Response(json.dumps(data), status, content_type="application/json")

    def _number(self, path: str) -> int:
        return int(path.split("/")[5])

    def _list(self, request: Request, _body: Any) -> Response:
        found = sorted(self.pulls.values(), key=lambda p: -p["number"])
        found = [p for p in found if p["base"]["ref"] == request.args["base"]]
        if request.args["state"] == "open":
            found = [p for p in found if p["state"] == "open" and p["head"]["label"] == request.args["head"]]
        return self._json(found)

    def _create(self, _request: Request, body: Any) -> Response:
        number = len(self.pulls) + 7
        self.pulls[number] = pull(number, body["head"], body["title"], body["body"], body["draft"])
        return self._json(self.pulls[number], 201)

    def _update(self, request: Request, body: Any) -> Response:
        number = self._number(request.path)
        self.pulls[number].update(title=body["title"], body=body["body"])
        return self._json(self.pulls[number])

    def _add_labels(self, request: Request, body: Any) -> Response:
        self.labels.setdefault(self._number(request.path), []).extend(body["labels"])
        return self._json([{"name": name} for name in body["labels"]])

    def _request_reviewers(self, request: Request, body: Any) -> Response:
        self.reviewers.setdefault(self._number(request.path), []).extend(body["reviewers"])
        return self._json(self.pulls[self._number(request.path)], 201)

    def _create_comment(self, request: Request, body: Any) -> Response:
        self.comments.setdefault(self._number(request.path), []).append(body["body"])
        return self._json({"id": 1, "body": body["body"]}, 201)

    def _graphql(self, body: Any) -> Response:
        node = body["variables"]["input"]["pullRequestId"]
        pr = next(p for p in self.pulls.values() if p["node_id"] == node)
        pr["draft"] = "convertPullRequestToDraft" in body["query"]
        return self._json({"data": {"x": {"clientMutationId": None, "pullRequest": {"isDraft": pr["draft"]}}}})


def pull(number: int, head: str, title: str, body: str, draft: bool) -> dict[str, Any]:
    owner = {"login": "acme", "id": 1, "type": "Organization"}
    return {
        "url": f"https://api.github.com/repos/{REPO}/pulls/{number}",
        "id": 1000 + number,
        "node_id": f"PR_node{number}",
        "html_url": f"https://github.com/{REPO}/pull/{number}",
        "number": number,
        "state": "open",
        "title": title,
        "body": body,
        "draft": draft,
        "merged_at": None,
        "user": owner,
        "head": {"label": f"acme:{head}", "ref": head, "sha": "0" * 40, "user": owner},
        "base": {"label": "acme:main", "ref": "main", "sha": "0" * 40, "user": owner},
    }


@pytest.fixture
def github(story: Story, tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> FakeGitHub:
    """The story's Databricks repository with a bare origin and [pr] pointing at the fake GitHub."""
    fake = FakeGitHub(httpserver)
    bare = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", str(bare))
    dbx = story.dbx
    git(dbx.path, "remote", "add", "origin", bare.as_uri())
    dbx.edit(
        "g2l.toml",
        'forge = "auto"\n',
        f'forge = "github"\nrepository = "{REPO}"\napi_url = "{httpserver.url_for("/").rstrip("/")}"\n',
    )
    dbx.edit("g2l.toml", "labels = []\nreviewers = []", 'labels = ["glue-sync"]\nreviewers = ["dana"]')
    dbx.commit("pull requests on GitHub")
    git(dbx.path, "push", "-q", "origin", "main", "glue-mirror")
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    return fake


def sync_pr(story: Story) -> tuple[int, dict[str, Any], str]:
    run = g2l(story.dbx.path, "sync", "--pr", "--json")
    assert TOKEN not in run.output
    return run.code, (json.loads(run.output) if run.output.startswith("{") else {}), run.output


REPOS = f"/repos/{REPO}"
LIST_ALL = f"GET {REPOS}/pulls"


def test_the_first_sync_opens_a_labelled_pull_request_with_reviewers(story: Story, github: FakeGitHub) -> None:
    glue_sha = story.glue.commit("Glue: new job C", {"jobs/process_c.py": "c = 1\n"})
    code, report, _ = sync_pr(story)
    assert code == 0
    assert github.calls == [
        LIST_ALL,
        f"GET {REPOS}/pulls",  # the open one from this branch, looked up before creating (never a duplicate)
        f"POST {REPOS}/pulls",
        f"POST {REPOS}/issues/7/labels",
        f"POST {REPOS}/pulls/7/requested_reviewers",
    ]
    pr = github.pulls[7]
    assert pr["head"]["ref"] == f"g2l/sync-{glue_sha[:7]}" and pr["draft"] is False
    assert pr["title"] == f"Glue sync: 1 commit, {report['previous_glue_commit'][:7]}..{glue_sha[:7]}"
    assert pr["body"] == report["pull_request"]["body"]
    assert "- added `risk_engine/jobs/process_c.py`" in pr["body"]
    assert (github.labels, github.reviewers) == ({7: ["glue-sync"]}, {7: ["dana"]})
    assert report["pull_request"]["url"] == f"https://github.com/{REPO}/pull/7"
    assert report["pull_request"]["action"] == "created"


def test_next_week_updates_the_open_pull_request_on_its_own_branch(story: Story, github: FakeGitHub) -> None:
    first = story.glue.commit("Glue: new job C", {"jobs/process_c.py": "c = 1\n"})
    assert sync_pr(story)[0] == 0
    branch = f"g2l/sync-{first[:7]}"
    week_one = story.dbx.rev(branch)
    github.calls.clear()
    second = story.glue.commit("Glue: new job D", {"jobs/process_d.py": "d = 1\n"})
    code, report, _ = sync_pr(story)
    assert code == 0
    assert github.calls == [LIST_ALL, f"PATCH {REPOS}/pulls/7"]  # no second pull request, no comment
    assert len(github.pulls) == 1
    merge = story.dbx.rev(branch)
    assert story.dbx.parents(merge) == [week_one, report["mirror_commit"]]  # on top of last week's merge
    assert git(story.dbx.path, "ls-remote", "origin", branch).split()[0] == merge
    body = github.pulls[7]["body"]
    assert github.pulls[7]["title"].endswith(f"..{second[:7]}") and "2 commits" in github.pulls[7]["title"]
    assert "- added `risk_engine/jobs/process_c.py`" in body and "- added `risk_engine/jobs/process_d.py`" in body


def test_commits_someone_pushed_to_the_open_pull_request_are_kept_and_a_comment_says_so(
    story: Story, github: FakeGitHub, tmp_path: Path
) -> None:
    first = story.glue.commit("Glue: new job C", {"jobs/process_c.py": "c = 1\n"})
    assert sync_pr(story)[0] == 0
    branch = f"g2l/sync-{first[:7]}"
    reviewer = tmp_path / "reviewer"
    git(tmp_path, "clone", "-q", "-b", branch, str(tmp_path / "origin.git"), str(reviewer))
    (reviewer / "risk_engine" / "jobs" / "process_c.py").write_text("c = 2  # reviewed\n")
    git(reviewer, "commit", "-qam", "Review: c is 2")
    git(reviewer, "push", "-q", "origin", branch)
    theirs = git(reviewer, "rev-parse", "HEAD")
    github.calls.clear()
    story.glue.commit("Glue: new job D", {"jobs/process_d.py": "d = 1\n"})
    assert sync_pr(story)[0] == 0
    assert github.calls == [LIST_ALL, f"PATCH {REPOS}/pulls/7", f"POST {REPOS}/issues/7/comments"]
    assert story.dbx.parents(branch)[0] == theirs
    assert story.dbx.show(branch, "risk_engine/jobs/process_c.py") == "c = 2  # reviewed"
    assert "merged on top of the commits pushed to this branch" in github.comments[7][0]


def test_after_a_merged_pull_request_the_next_sync_opens_a_new_one(story: Story, github: FakeGitHub) -> None:
    story.glue.commit("Glue: new job C", {"jobs/process_c.py": "c = 1\n"})
    assert sync_pr(story)[0] == 0
    github.pulls[7].update(state="closed", merged_at="2026-12-01T10:00:00Z")
    story.glue.commit("Glue: new job D", {"jobs/process_d.py": "d = 1\n"})
    run = g2l(story.dbx.path, "sync", "--pr")  # as a person reads it: the URL is the last line
    assert run.code == 0
    assert run.output.splitlines()[-1] == f"Pull request created: https://github.com/{REPO}/pull/8"
    assert sorted(github.pulls) == [7, 8] and github.pulls[8]["state"] == "open"
    assert not github.pulls[8]["body"].startswith("Supersedes")


def test_after_a_pull_request_closed_unmerged_the_new_one_links_it(story: Story, github: FakeGitHub) -> None:
    story.glue.commit("Glue: new job C", {"jobs/process_c.py": "c = 1\n"})
    assert sync_pr(story)[0] == 0
    github.pulls[7].update(state="closed")
    story.glue.commit("Glue: new job D", {"jobs/process_d.py": "d = 1\n"})
    assert sync_pr(story)[0] == 0
    assert github.pulls[8]["body"].startswith(f"Supersedes #7 (https://github.com/{REPO}/pull/7), closed without")


def test_conflicts_open_a_draft(story: Story, github: FakeGitHub) -> None:
    dbx = story.dbx
    dbx.edit("risk_engine/lib/collateral.py", "(1 - rate)", "(1 - rate * 0.5)")
    dbx.commit("Databricks: softer haircut")
    story.glue.commit("Glue: harder haircut", {"lib/collateral.py": LIB.replace("(1 - rate)", "(1 - rate * 2)")})
    code, report, _ = sync_pr(story)
    assert code == 1
    assert github.pulls[7]["draft"] is True and report["pull_request"]["draft"] is True
    assert "**1 conflict to resolve** before merging" in github.pulls[7]["body"]


def test_a_forge_failure_after_the_push_is_exit_2_and_a_rerun_opens_one_pull_request(
    story: Story, github: FakeGitHub
) -> None:
    glue_sha = story.glue.commit("Glue: new job C", {"jobs/process_c.py": "c = 1\n"})
    github.fail_next = (f"POST {REPOS}/pulls", 422, f"Validation Failed {TOKEN}")
    code, _, output = sync_pr(story)
    assert code == 2
    assert output.startswith("git g2l-sync: GitHub: ") and "422" in output and len(output.splitlines()) == 1
    assert output.rstrip().endswith(
        f"branch g2l/sync-{glue_sha[:7]} is pushed to origin: rerun `git g2l-sync sync --pr` to finish"
    )
    branch = f"g2l/sync-{glue_sha[:7]}"
    merge = story.dbx.rev(branch)
    code, report, _ = sync_pr(story)
    assert code == 0
    assert story.dbx.rev(branch) == merge  # no second merge commit
    assert list(github.pulls) == [7] and report["pull_request"]["action"] == "created"


def test_a_body_over_the_forge_s_limit_continues_in_comments(
    story: Story, github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("g2l_merge.forge.github.GitHub.body_limit", 1_500)
    story.glue.commit("Glue: many jobs", {f"jobs/extra_{i:03}.py": f"x = {i}\n" for i in range(80)})
    code, report, _ = sync_pr(story)
    assert code == 0
    comments = github.comments[7]
    assert len(comments) >= 2 and all(len(text) <= 1_500 for text in [github.pulls[7]["body"], *comments])
    assert github.calls[-len(comments) :] == [f"POST {REPOS}/issues/7/comments"] * len(comments)
    shown = "\n".join([github.pulls[7]["body"], *comments])
    assert all(f"`risk_engine/jobs/extra_{i:03}.py`" in shown for i in range(80))
    assert len(report["pull_request"]["body"]) > 1_500  # the whole body stays in the report


def test_a_missing_token_is_exit_2_before_anything_changes(
    story: Story, github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_TOKEN")
    story.glue.commit("Glue: new job C", {"jobs/process_c.py": "c = 1\n"})
    before = story.dbx.refs()
    run = g2l(story.dbx.path, "sync", "--pr")
    assert (run.code, run.output) == (
        2,
        "git g2l-sync: [pr] forge github: set GITHUB_TOKEN to a token that may push and open pull requests\n",
    )
    assert story.dbx.refs() == before and github.calls == []


def test_an_open_pull_request_whose_branch_is_no_branch_name_is_refused(story: Story, github: FakeGitHub) -> None:
    """The forge names the branch of the open pull request: a name git would read as something else stops."""
    github.pulls[7] = pull(7, "g2l/sync-..-x", "Glue sync", "", False)
    story.glue.commit("Glue: new job C", {"jobs/process_c.py": "c = 1\n"})
    before = story.dbx.refs()
    run = g2l(story.dbx.path, "sync", "--pr")
    assert run.code == 2
    assert run.output.startswith("git g2l-sync: the open sync pull request's branch 'g2l/sync-..-x' is not a valid")
    assert story.dbx.refs() == before and github.calls == [LIST_ALL]
