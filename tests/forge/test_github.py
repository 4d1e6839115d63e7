"""The GitHub client against a fake GitHub: the real client, PyGithub, requests and urllib3, only the network
faked. Each test declares the exact requests GitHub's REST documentation defines (method, path, query, auth,
JSON body) and answers what GitHub answers; every JSON body the client sends is also validated against GitHub's
published OpenAPI description (the subset committed in github_openapi_subset.json, from @octokit/openapi, made
by scripts/github_openapi_subset.py)."""

from __future__ import annotations

import json
import logging
import os
import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request

from g2l_merge import __version__
from g2l_merge.errors import G2lError
from g2l_merge.forge import Forge, PrContent, PullRequest
from g2l_merge.forge.github import BODY_LIMIT, GitHub

SUBSET = json.loads((Path(__file__).parent / "github_openapi_subset.json").read_text(encoding="utf-8"))
OPERATIONS: dict[str, dict[str, Any]] = SUBSET["operations"]

TOKEN = "ghp_contractTestToken000000000000000000"
REPO = "acme/dbx-pipelines"
HEAD = "g2l/sync-a1b2c3d"
AUTH = {"Authorization": f"token {TOKEN}", "User-Agent": f"g2l-merge/{__version__}"}
JSON = {"Content-Type": "application/json"}
MUTATION = (
    "mutation Mutation($input: {}Input!) {{ {}(input: $input) {{ clientMutationId pullRequest {{ isDraft }} }} }}"
)


def _template(path: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(path)))


def _operation(method: str, path: str) -> tuple[str, dict[str, Any]]:
    """The documented REST operation a request is, by method and path (the API prefix stripped)."""
    for name, operation in OPERATIONS.items():
        if operation["method"] == method and _template(operation["path"]).fullmatch(path):
            return name, operation
    raise AssertionError(f"{method} {path} is none of the operations in the OpenAPI subset")


def _validate_sent(request: Request, prefix: str) -> None:
    if request.path.endswith("/graphql"):
        return  # GraphQL is not in the REST description; its bodies are asserted exactly in the tests
    name, operation = _operation(request.method, request.path.removeprefix(prefix))
    for key, value in request.args.items():
        assert key in operation["query"], f"{name} documents no query parameter {key}"
        schema = operation["query"][key]
        jsonschema.validate(int(value) if schema.get("type") == "integer" else value, schema)
    if request.get_data():
        assert "request_body" in operation, f"{name} takes no body"
        jsonschema.validate(request.get_json(), operation["request_body"])


class Fake:
    """The fake GitHub: declare the requests it expects, in order, and what it answers."""

    def __init__(self, server: HTTPServer, prefix: str = "") -> None:
        self.server = server
        self.prefix = prefix  # "" for api.github.com, "/api/v3" for GitHub Enterprise Server
        self.graphql = "/api/graphql" if prefix else "/graphql"

    @property
    def api_url(self) -> str:
        return self.server.url_for(self.prefix or "/")

    def expect(
        self,
        operation: str,
        path: str,
        *,
        query: dict[str, str] | None = None,
        body: Any = None,
    ) -> Any:
        documented = OPERATIONS[operation]
        assert _template(documented["path"]).fullmatch(path), f"{path} is not {operation}'s {documented['path']}"
        if body is not None:
            jsonschema.validate(body, documented["request_body"])
        if body is None:
            return self.server.expect_ordered_request(
                self.prefix + path, method=documented["method"], query_string=query or "", headers=AUTH
            )
        return self.server.expect_ordered_request(
            self.prefix + path, method=documented["method"], query_string=query or "", headers=AUTH | JSON, json=body
        )

    def expect_mutation(self, mutation: str, node_id: str) -> Any:
        query = MUTATION.format(mutation[:1].upper() + mutation[1:], mutation)
        body = {"query": query, "variables": {"input": {"pullRequestId": node_id}}}
        return self.server.expect_ordered_request(self.graphql, method="POST", headers=AUTH | JSON, json=body)


@pytest.fixture
def fake(httpserver: HTTPServer) -> Iterator[Fake]:
    httpserver.no_handler_status_code = 418  # an unexpected request must not look like a retryable 500
    fake = Fake(httpserver)
    yield fake
    httpserver.check_assertions()
    assert not httpserver.ordered_handlers, "expected requests were never made"
    for request, _ in httpserver.log:
        _validate_sent(request, fake.prefix)


@pytest.fixture
def pauses() -> list[float]:
    return []


def client(fake: Fake, pauses: list[float], **options: Any) -> GitHub:
    return GitHub(REPO, TOKEN, api_url=fake.api_url, pause=pauses.append, write_spacing=0, **options)


@pytest.fixture
def gh(fake: Fake, pauses: list[float]) -> GitHub:
    return client(fake, pauses)


def user(login: str) -> dict[str, Any]:
    return {"login": login, "id": 4242, "type": "User", "html_url": f"https://github.com/{login}"}


def pull(
    number: int,
    head: str = HEAD,
    *,
    state: str = "open",
    merged: bool = False,
    draft: bool = False,
    title: str = "Sync Glue main@a1b2c3d into Databricks",
    owner: str = "acme",
) -> dict[str, Any]:
    """A pull request as GitHub answers it (the fields the client reads and a few more); its API URLs name
    api.github.com, which the client must never call: only the configured api_url."""
    api = f"https://api.github.com/repos/{REPO}"
    return {
        "url": f"{api}/pulls/{number}",
        "id": 1_900_000_000 + number,
        "node_id": f"PR_kwDOAbCdEf{number:04d}",
        "html_url": f"https://github.com/{REPO}/pull/{number}",
        "issue_url": f"{api}/issues/{number}",
        "number": number,
        "state": state,
        "locked": False,
        "title": title,
        "user": user("g2l-bot"),
        "body": "Glue changes merged into the Databricks code.",
        "created_at": "2026-11-30T09:00:00Z",
        "updated_at": "2026-11-30T09:05:00Z",
        "closed_at": "2026-11-30T10:00:00Z" if state == "closed" else None,
        "merged_at": "2026-11-30T10:00:00Z" if merged else None,
        "draft": draft,
        "head": {"label": f"{owner}:{head}", "ref": head, "sha": "a1b2c3d4e5f6a7b8c9d0", "user": user(owner)},
        "base": {"label": "acme:main", "ref": "main", "sha": "0f9e8d7c6b5a4f3e2d1c", "user": user("acme")},
        "author_association": "MEMBER",
    }


CONTENT = PrContent("Sync Glue main@a1b2c3d into Databricks", "## Glue changes\n\n- jobs/orders.py", False)


def test_the_client_is_a_forge(gh: GitHub) -> None:
    forge: Forge = gh
    assert (forge.name, forge.body_limit) == ("github", 65536)
    assert repr(gh) == f"GitHub(repository='{REPO}', api_url='{gh.api_url}')"


def test_the_fixture_is_github_s_published_description() -> None:
    assert SUBSET["source"]["package"] == "@octokit/openapi"
    assert re.fullmatch(r"\d+\.\d+\.\d+", SUBSET["source"]["version"])
    assert SUBSET["source"]["file"] == "generated/api.github.com.deref.json"
    assert set(OPERATIONS) == {
        "pulls/list",
        "pulls/create",
        "pulls/update",
        "issues/add-labels",
        "pulls/request-reviewers",
        "issues/create-comment",
    }
    # the published schemas reject what the client must not send: a bare label list, an unknown field
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(["sync"], OPERATIONS["issues/add-labels"]["request_body"])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"body": 7}, OPERATIONS["issues/create-comment"]["request_body"])


def test_recent_maps_states_and_drafts_and_keeps_this_repository_s_prefixed_branches(fake: Fake, gh: GitHub) -> None:
    fake.expect(
        "pulls/list",
        f"/repos/{REPO}/pulls",
        query={"state": "all", "base": "main", "sort": "created", "direction": "desc", "per_page": "50"},
    ).respond_with_json(
        [
            pull(14, "g2l/sync-e5f6a7b", draft=True),
            pull(13, "feature/orders-cleanup", title="Tidy the orders job"),
            pull(12, "g2l/sync-c3d4e5f", state="closed", merged=True),
            pull(11, "g2l/sync-b2c3d4e", state="closed"),
            pull(10, "g2l/sync-a1b2c3d", owner="someone-else"),  # a fork's branch of the same name
        ]
    )
    assert gh.recent("main", "g2l/sync-") == [
        PullRequest(14, f"https://github.com/{REPO}/pull/14", "open", "g2l/sync-e5f6a7b", True, CONTENT.title),
        PullRequest(12, f"https://github.com/{REPO}/pull/12", "merged", "g2l/sync-c3d4e5f", False, CONTENT.title),
        PullRequest(11, f"https://github.com/{REPO}/pull/11", "closed", "g2l/sync-b2c3d4e", False, CONTENT.title),
    ]


def test_recent_with_no_pull_requests(fake: Fake, gh: GitHub) -> None:
    fake.expect(
        "pulls/list",
        f"/repos/{REPO}/pulls",
        query={"state": "all", "base": "release", "sort": "created", "direction": "desc", "per_page": "50"},
    ).respond_with_json([])
    assert gh.recent("release", "g2l/") == []


def test_find_open_asks_for_the_owner_s_branch_into_base(fake: Fake, gh: GitHub) -> None:
    fake.expect(
        "pulls/list",
        f"/repos/{REPO}/pulls",
        query={"state": "open", "head": f"acme:{HEAD}", "base": "main", "per_page": "50"},
    ).respond_with_json([pull(7, draft=True)])
    assert gh.find_open(HEAD, "main") == PullRequest(
        7, f"https://github.com/{REPO}/pull/7", "open", HEAD, True, CONTENT.title
    )


def test_find_open_finds_nothing(fake: Fake, gh: GitHub) -> None:
    fake.expect(
        "pulls/list",
        f"/repos/{REPO}/pulls",
        query={"state": "open", "head": f"acme:{HEAD}", "base": "main", "per_page": "50"},
    ).respond_with_json([])
    assert gh.find_open(HEAD, "main") is None


@pytest.mark.parametrize("draft", [False, True])
def test_create(fake: Fake, gh: GitHub, draft: bool) -> None:
    content = CONTENT._replace(draft=draft)
    fake.expect(
        "pulls/create",
        f"/repos/{REPO}/pulls",
        body={"title": content.title, "body": content.body, "head": HEAD, "base": "main", "draft": draft},
    ).respond_with_json(pull(8, draft=draft), status=201)
    assert gh.create(HEAD, "main", content) == PullRequest(
        8, f"https://github.com/{REPO}/pull/8", "open", HEAD, draft, content.title
    )


def test_a_duplicate_pull_request_is_github_s_422_quoted(fake: Fake, gh: GitHub) -> None:
    fake.expect(
        "pulls/create",
        f"/repos/{REPO}/pulls",
        body={"title": CONTENT.title, "body": CONTENT.body, "head": HEAD, "base": "main", "draft": False},
    ).respond_with_json(
        {
            "message": "Validation Failed",
            "errors": [
                {
                    "resource": "PullRequest",
                    "code": "custom",
                    "message": f"A pull request already exists for acme:{HEAD}.",
                }
            ],
            "documentation_url": "https://docs.github.com/rest/pulls/pulls#create-a-pull-request",
            "status": "422",
        },
        status=422,
    )
    with pytest.raises(G2lError) as raised:
        gh.create(HEAD, "main", CONTENT)
    assert raised.value.message == (
        f"GitHub: creating the pull request {HEAD} -> main failed: "
        f"422 Validation Failed (A pull request already exists for acme:{HEAD}.)"
    )
    assert raised.value.code == 2


def test_a_body_beyond_github_s_limit_is_refused_before_any_request(gh: GitHub) -> None:
    with pytest.raises(G2lError, match="65537 characters; GitHub accepts at most 65536"):
        gh.create(HEAD, "main", CONTENT._replace(body="x" * (BODY_LIMIT + 1)))


def test_update_keeps_the_draft_state_with_one_request(fake: Fake, gh: GitHub) -> None:
    content = CONTENT._replace(title="Sync Glue main@b2c3d4e into Databricks")
    fake.expect(
        "pulls/update", f"/repos/{REPO}/pulls/7", body={"title": content.title, "body": content.body}
    ).respond_with_json(pull(7, title=content.title))
    old = PullRequest(7, f"https://github.com/{REPO}/pull/7", "open", HEAD, False, CONTENT.title)
    assert gh.update(old, content) == old._replace(title=content.title)


@pytest.mark.parametrize("enterprise", [False, True], ids=["github.com", "enterprise"])
@pytest.mark.parametrize("draft", [True, False], ids=["to-draft", "to-ready"])
def test_update_changes_the_draft_state_through_graphql(
    httpserver: HTTPServer, fake: Fake, pauses: list[float], enterprise: bool, draft: bool
) -> None:
    fake.prefix = "/api/v3" if enterprise else ""
    fake.graphql = "/api/graphql" if enterprise else "/graphql"
    gh = client(fake, pauses)
    content = CONTENT._replace(draft=draft)
    fake.expect(
        "pulls/update", f"/repos/{REPO}/pulls/7", body={"title": content.title, "body": content.body}
    ).respond_with_json(pull(7, draft=not draft))
    mutation = "convertPullRequestToDraft" if draft else "markPullRequestReadyForReview"
    fake.expect_mutation(mutation, "PR_kwDOAbCdEf0007").respond_with_json(
        {"data": {mutation: {"clientMutationId": None, "pullRequest": {"isDraft": draft}}}}
    )
    old = PullRequest(7, f"https://github.com/{REPO}/pull/7", "open", HEAD, not draft, CONTENT.title)
    assert gh.update(old, content) == old._replace(draft=draft)


def test_a_graphql_error_is_quoted(fake: Fake, gh: GitHub) -> None:
    fake.expect(
        "pulls/update", f"/repos/{REPO}/pulls/7", body={"title": CONTENT.title, "body": CONTENT.body}
    ).respond_with_json(pull(7, draft=True))
    fake.expect_mutation("markPullRequestReadyForReview", "PR_kwDOAbCdEf0007").respond_with_json(
        {
            "data": {"markPullRequestReadyForReview": None},
            "errors": [
                {
                    "type": "FORBIDDEN",
                    "path": ["markPullRequestReadyForReview"],
                    "message": "Resource not accessible by integration",
                }
            ],
        }
    )
    old = PullRequest(7, f"https://github.com/{REPO}/pull/7", "open", HEAD, True, CONTENT.title)
    with pytest.raises(G2lError) as raised:
        gh.update(old, CONTENT)
    assert raised.value.message == (
        "GitHub: marking pull request #7 as ready failed: GraphQL error: Resource not accessible by integration"
    )


PR7 = PullRequest(7, f"https://github.com/{REPO}/pull/7", "open", HEAD, False, CONTENT.title)


def test_add_labels_sends_the_documented_object(fake: Fake, gh: GitHub) -> None:
    fake.expect(
        "issues/add-labels", f"/repos/{REPO}/issues/7/labels", body={"labels": ["g2l-sync", "glue"]}
    ).respond_with_json(
        [
            {"id": 1, "node_id": "LA_1", "name": "g2l-sync", "color": "0e8a16", "default": False},
            {"id": 2, "node_id": "LA_2", "name": "glue", "color": "1d76db", "default": False},
        ]
    )
    gh.add_labels(PR7, ("g2l-sync", "glue"))


def test_request_reviewers(fake: Fake, gh: GitHub) -> None:
    fake.expect(
        "pulls/request-reviewers", f"/repos/{REPO}/pulls/7/requested_reviewers", body={"reviewers": ["dana", "lee"]}
    ).respond_with_json(pull(7) | {"requested_reviewers": [user("dana"), user("lee")]}, status=201)
    gh.request_reviewers(PR7, ("dana", "lee"))


def test_nothing_to_label_or_request_sends_nothing(gh: GitHub) -> None:
    gh.add_labels(PR7, ())
    gh.request_reviewers(PR7, ())


def test_comment(fake: Fake, gh: GitHub) -> None:
    text = "Glue moved on: this pull request now merges main@b2c3d4e."
    fake.expect("issues/create-comment", f"/repos/{REPO}/issues/7/comments", body={"body": text}).respond_with_json(
        {
            "id": 555,
            "node_id": "IC_555",
            "url": f"https://api.github.com/repos/{REPO}/issues/comments/555",
            "html_url": f"https://github.com/{REPO}/pull/7#issuecomment-555",
            "body": text,
            "user": user("g2l-bot"),
            "created_at": "2026-11-30T11:00:00Z",
            "updated_at": "2026-11-30T11:00:00Z",
        },
        status=201,
    )
    gh.comment(PR7, text)


def test_a_reviewer_github_refuses_is_quoted(fake: Fake, gh: GitHub) -> None:
    fake.expect(
        "pulls/request-reviewers", f"/repos/{REPO}/pulls/7/requested_reviewers", body={"reviewers": ["outsider"]}
    ).respond_with_json(
        {
            "message": "Reviews may only be requested from collaborators. "
            "One or more of the users or teams you specified is not a collaborator of the acme/dbx-pipelines "
            "repository.",
            "documentation_url": "https://docs.github.com/rest/pulls/review-requests#request-reviewers-for-a-pull-request",
            "status": "422",
        },
        status=422,
    )
    with pytest.raises(G2lError, match=r"^GitHub: requesting reviewers on pull request #7 failed: 422 Reviews may"):
        gh.request_reviewers(PR7, ("outsider",))


LIST_MAIN = {"state": "all", "base": "main", "sort": "created", "direction": "desc", "per_page": "50"}


def test_a_server_error_is_retried(fake: Fake, gh: GitHub, pauses: list[float]) -> None:
    for status in (500, 502):
        fake.expect("pulls/list", f"/repos/{REPO}/pulls", query=LIST_MAIN).respond_with_json(
            {"message": "Server Error"}, status=status
        )
    fake.expect("pulls/list", f"/repos/{REPO}/pulls", query=LIST_MAIN).respond_with_json([pull(14)])
    assert [pr.number for pr in gh.recent("main", "g2l/")] == [14]
    assert pauses == [2.0]  # the first retry is immediate, then the backoff doubles


def test_a_server_error_on_create_is_retried(fake: Fake, gh: GitHub) -> None:
    body = {"title": CONTENT.title, "body": CONTENT.body, "head": HEAD, "base": "main", "draft": False}
    fake.expect("pulls/create", f"/repos/{REPO}/pulls", body=body).respond_with_data("", status=502)
    fake.expect("pulls/create", f"/repos/{REPO}/pulls", body=body).respond_with_json(pull(8), status=201)
    assert gh.create(HEAD, "main", CONTENT).number == 8


def test_too_many_requests_waits_as_long_as_retry_after_says(fake: Fake, gh: GitHub, pauses: list[float]) -> None:
    fake.expect("pulls/list", f"/repos/{REPO}/pulls", query=LIST_MAIN).respond_with_json(
        {"message": "You have exceeded a secondary rate limit."}, status=429, headers={"Retry-After": "7"}
    )
    fake.expect("pulls/list", f"/repos/{REPO}/pulls", query=LIST_MAIN).respond_with_json([])
    assert gh.recent("main", "g2l/") == []
    assert pauses == [7.0]


def test_retries_give_up_with_github_s_last_answer(fake: Fake, pauses: list[float]) -> None:
    gh = client(fake, pauses, attempts=3)
    for _ in range(3):
        fake.expect("pulls/list", f"/repos/{REPO}/pulls", query=LIST_MAIN).respond_with_json(
            {"message": "Service Unavailable"}, status=503
        )
    with pytest.raises(G2lError) as raised:
        gh.recent("main", "g2l/")
    assert raised.value.message == "GitHub: listing the pull requests into main failed: 503 Service Unavailable"
    assert pauses == [2.0]


def test_a_secondary_rate_limit_403_waits_as_long_as_retry_after_says(
    fake: Fake, gh: GitHub, pauses: list[float]
) -> None:
    fake.expect("pulls/list", f"/repos/{REPO}/pulls", query=LIST_MAIN).respond_with_json(
        {"message": "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."},
        status=403,
        headers={"Retry-After": "30"},
    )
    fake.expect("pulls/list", f"/repos/{REPO}/pulls", query=LIST_MAIN).respond_with_json([])
    assert gh.recent("main", "g2l/") == []
    assert pauses == [30.0]


def test_a_primary_rate_limit_far_from_its_reset_fails_at_once(fake: Fake, gh: GitHub, pauses: list[float]) -> None:
    fake.expect("pulls/list", f"/repos/{REPO}/pulls", query=LIST_MAIN).respond_with_json(
        {"message": "API rate limit exceeded for user ID 4242.", "status": "403"},
        status=403,
        headers={"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(time.time()) + 3600)},
    )
    with pytest.raises(G2lError) as raised:
        gh.recent("main", "g2l/")
    assert raised.value.message == (
        "GitHub: listing the pull requests into main failed: 403 API rate limit exceeded for user ID 4242."
    )
    assert pauses == []


def test_a_forbidden_answer_is_not_retried(fake: Fake, gh: GitHub) -> None:
    fake.expect("issues/create-comment", f"/repos/{REPO}/issues/7/comments", body={"body": "hi"}).respond_with_json(
        {"message": "Resource not accessible by integration", "status": "403"}, status=403
    )
    with pytest.raises(G2lError) as raised:
        gh.comment(PR7, "hi")
    assert raised.value.message == (
        "GitHub: commenting on pull request #7 failed: 403 Resource not accessible by integration"
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_connection_refused_names_the_host(pauses: list[float]) -> None:
    port = _free_port()
    gh = GitHub(REPO, TOKEN, api_url=f"http://127.0.0.1:{port}/api/v3", pause=pauses.append, attempts=2)
    with pytest.raises(G2lError) as raised:
        gh.find_open(HEAD, "main")
    assert raised.value.message == (
        f"GitHub: looking for an open pull request {HEAD} -> main failed: could not connect to 127.0.0.1:{port}"
    )


def test_a_silent_host_times_out(pauses: list[float]) -> None:
    with socket.socket() as silent:  # accepts connections (the kernel does) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        host = f"127.0.0.1:{silent.getsockname()[1]}"
        gh = GitHub(REPO, TOKEN, api_url=f"http://{host}", pause=pauses.append, attempts=1, timeout=1)
        with pytest.raises(G2lError) as raised:
            gh.recent("main", "g2l/")
    assert raised.value.message == (
        f"GitHub: listing the pull requests into main failed: {host} did not answer within 1 s"
    )


def test_a_redirect_to_another_host_is_not_followed(fake: Fake, gh: GitHub) -> None:
    elsewhere = f"http://127.0.0.1:{_free_port()}/repos/{REPO}/pulls"
    fake.expect("pulls/list", f"/repos/{REPO}/pulls", query=LIST_MAIN).respond_with_data(
        "", status=301, headers={"Location": elsewhere}
    )
    with pytest.raises(G2lError) as raised:
        gh.recent("main", "g2l/")
    assert raised.value.message == (
        f"GitHub: listing the pull requests into main failed: {gh.host} redirected "
        "the request elsewhere, which is not followed (check the API URL)"
    )


def test_bad_settings_are_one_line_errors() -> None:
    with pytest.raises(G2lError, match="OWNER/NAME, not 'dbx-pipelines'"):
        GitHub("dbx-pipelines", TOKEN)
    with pytest.raises(G2lError, match="no token"):
        GitHub(REPO, "")
    with pytest.raises(G2lError, match=r"https://HOST\[/api/v3\], not 'ghe.example.com'"):
        GitHub(REPO, TOKEN, api_url="ghe.example.com")


SENTINEL = "g2l-sentinel-token-5f3a"


def test_the_token_reaches_only_the_api_host_and_never_a_message_or_a_log(
    fake: Fake, pauses: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    for logger in ("", "github", "urllib3"):  # PyGithub logs requests (headers, bodies) only at DEBUG
        caplog.set_level(logging.DEBUG, logger=logger)
    gh = GitHub(REPO, SENTINEL, api_url=fake.api_url, pause=pauses.append, write_spacing=0)
    sent = {"Authorization": f"token {SENTINEL}"}
    fake.server.expect_ordered_request(f"/repos/{REPO}/pulls", method="GET", headers=sent).respond_with_json(
        {"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest", "status": "401"},
        status=401,
    )
    fake.server.expect_ordered_request(f"/repos/{REPO}/pulls", method="POST", headers=sent).respond_with_json(
        pull(8), status=201
    )
    with pytest.raises(G2lError) as raised:
        gh.recent("main", "g2l/")
    assert raised.value.message == "GitHub: listing the pull requests into main failed: 401 Bad credentials"
    errors = [raised.value.message]
    assert gh.create(HEAD, "main", CONTENT).number == 8
    refused = GitHub(REPO, SENTINEL, api_url=f"http://127.0.0.1:{_free_port()}", pause=pauses.append, attempts=1)
    with pytest.raises(G2lError) as raised:
        refused.comment(PR7, "hello")
    errors.append(raised.value.message)
    requests_logged = [r for r in caplog.records if r.name == "github.Requester" and r.levelno == logging.DEBUG]
    assert len(requests_logged) == 2, "the capture must see PyGithub's request lines, Authorization masked"
    assert "token (oauth token removed)" in caplog.text
    seen = [*errors, caplog.text, repr(gh), str(gh), repr(refused)]
    assert not [text for text in seen if SENTINEL in text]


def test_a_host_echoing_the_token_does_not_put_it_into_the_message(fake: Fake, pauses: list[float]) -> None:
    gh = GitHub(REPO, SENTINEL, api_url=fake.api_url, pause=pauses.append, write_spacing=0)
    fake.server.expect_ordered_request(f"/repos/{REPO}/pulls", method="POST").respond_with_json(
        {"message": f"Validation Failed for token {SENTINEL}"}, status=422
    )
    with pytest.raises(G2lError) as raised:
        gh.create(HEAD, "main", CONTENT)
    assert raised.value.message.endswith("failed: 422 Validation Failed for token [token]")


@pytest.mark.live
@pytest.mark.skipif(
    not (os.environ.get("G2L_LIVE_GITHUB_TOKEN") and os.environ.get("G2L_LIVE_GITHUB_REPOSITORY")),
    reason="set G2L_LIVE_GITHUB_TOKEN and G2L_LIVE_GITHUB_REPOSITORY (optionally G2L_LIVE_GITHUB_API_URL, "
    "G2L_LIVE_GITHUB_BASE) to read a real repository's pull requests",
)
def test_live_read_only() -> None:
    """Reads only: the newest pull requests into the base branch, and no open one from a branch that cannot
    exist."""
    gh = GitHub(
        os.environ["G2L_LIVE_GITHUB_REPOSITORY"],
        os.environ["G2L_LIVE_GITHUB_TOKEN"],
        api_url=os.environ.get("G2L_LIVE_GITHUB_API_URL", "https://api.github.com"),
    )
    base = os.environ.get("G2L_LIVE_GITHUB_BASE", "main")
    for pr in gh.recent(base, ""):
        assert pr.state in ("open", "merged", "closed") and pr.url.startswith("http")
    assert gh.find_open("g2l/no-such-branch-5f3a9c1e", base) is None
