"""The GitLab client against a local HTTP server that answers as GitLab's REST API v4 documents.

Every test declares the exact requests GitLab's API documentation defines (method, path, query, PRIVATE-TOKEN,
JSON body) and answers with JSON shaped like GitLab's. Only the network is faked: python-gitlab, requests and
the client's retry and error handling all run for real.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from g2l_merge.errors import G2lError
from g2l_merge.forge import Forge, PrContent, PullRequest
from g2l_merge.forge.gitlab import BODY_LIMIT, GitLabForge

TOKEN = "g2l-sentinel-token-5f3a"
PROJECT = "glue-team/databricks/jobs"
ENCODED = "glue-team%2Fdatabricks%2Fjobs"
MRS = f"/api/v4/projects/{PROJECT}/merge_requests"  # the server decodes the path; `checked` looks at the raw one
AUTH = {"PRIVATE-TOKEN": TOKEN}
SENDS_JSON = {**AUTH, "Content-Type": "application/json"}
HEAD = "g2l/sync-a1b2c3d"
WEB = "https://gitlab.example.com/glue-team/databricks/jobs/-/merge_requests"


def merge_request(iid: int, source: str, state: str = "opened", *, draft: bool = False, **extra: Any) -> dict[str, Any]:
    """A merge request as GET /projects/:id/merge_requests answers it (the fields a client reads, and some more)."""
    title = f"Sync Glue {source.rsplit('-', 1)[-1]} into Databricks"
    return {
        "id": 9000 + iid,
        "iid": iid,
        "project_id": 42,
        "title": f"Draft: {title}" if draft else title,
        "description": "Glue changes merged into the Databricks tree.",
        "state": state,
        "created_at": "2026-11-30T09:15:02.118Z",
        "updated_at": "2026-11-30T09:15:02.118Z",
        "target_branch": "main",
        "source_branch": source,
        "source_project_id": 42,
        "target_project_id": 42,
        "author": {"id": 21, "username": "dana", "name": "Dana Databricks", "state": "active"},
        "labels": [],
        "reviewers": [],
        "draft": draft,
        "work_in_progress": draft,
        "merge_status": "can_be_merged",
        "detailed_merge_status": "mergeable",
        "references": {"short": f"!{iid}", "full": f"glue-team/databricks/jobs!{iid}"},
        "web_url": f"{WEB}/{iid}",
        **extra,
    }


def user(uid: int, username: str) -> dict[str, Any]:
    return {
        "id": uid,
        "username": username,
        "name": username.title(),
        "state": "active",
        "locked": False,
        "avatar_url": f"https://gitlab.example.com/uploads/-/system/user/avatar/{uid}/avatar.png",
        "web_url": f"https://gitlab.example.com/{username}",
    }


def pr(iid: int, head: str = HEAD, *, draft: bool = False) -> PullRequest:
    title = f"Sync Glue {head.rsplit('-', 1)[-1]} into Databricks"
    return PullRequest(iid, f"{WEB}/{iid}", "open", head, draft, title)


@pytest.fixture
def slept() -> list[float]:
    return []


@pytest.fixture
def forge(httpserver: HTTPServer, slept: list[float]) -> Iterator[GitLabForge]:
    yield GitLabForge(PROJECT, TOKEN, httpserver.url_for(""), sleep=slept.append)
    httpserver.check_assertions()  # an unexpected request, or one that differs from the declared one, fails here
    assert not httpserver.ordered_handlers, "a declared request was never made"
    for request, _ in httpserver.log:
        raw = request.environ["RAW_URI"]
        assert raw.startswith((f"/api/v4/projects/{ENCODED}/", "/api/v4/users?")), raw


def test_the_client_meets_the_forge_protocol(forge: GitLabForge) -> None:
    assert isinstance(forge.name, str)
    client: Forge = forge
    assert (client.name, client.body_limit) == ("gitlab", 1_048_576) and BODY_LIMIT == 1_048_576


def test_recent_lists_one_page_newest_first_and_keeps_the_sync_branches(
    httpserver: HTTPServer, forge: GitLabForge
) -> None:
    query = {"target_branch": "main", "order_by": "created_at", "sort": "desc", "per_page": "50"}
    httpserver.expect_ordered_request(MRS, method="GET", query_string=query, headers=AUTH).respond_with_json(
        [
            merge_request(15, "g2l/sync-e5e5e5e", draft=True),
            merge_request(14, "feature/new-job"),
            merge_request(13, "g2l/sync-d4d4d4d", "locked"),
            merge_request(12, "g2l/sync-c3c3c3c", source_project_id=77),  # from a fork: not the sync's
            merge_request(11, "g2l/sync-b2b2b2b", "merged"),
            merge_request(10, "g2l/sync-a1a1a1a", "closed"),
        ],
        headers={"X-Page": "1", "X-Per-Page": "50", "X-Total": "6"},
    )
    assert forge.recent("main", "g2l/sync-") == [
        PullRequest(15, f"{WEB}/15", "open", "g2l/sync-e5e5e5e", True, "Sync Glue e5e5e5e into Databricks"),
        PullRequest(13, f"{WEB}/13", "open", "g2l/sync-d4d4d4d", False, "Sync Glue d4d4d4d into Databricks"),
        PullRequest(11, f"{WEB}/11", "merged", "g2l/sync-b2b2b2b", False, "Sync Glue b2b2b2b into Databricks"),
        PullRequest(10, f"{WEB}/10", "closed", "g2l/sync-a1a1a1a", False, "Sync Glue a1a1a1a into Databricks"),
    ]


def test_find_open_asks_for_the_open_merge_request_of_the_branch(httpserver: HTTPServer, forge: GitLabForge) -> None:
    query = {"state": "opened", "source_branch": HEAD, "target_branch": "main"}
    httpserver.expect_ordered_request(MRS, method="GET", query_string=query, headers=AUTH).respond_with_json(
        [merge_request(7, HEAD)]
    )
    assert forge.find_open(HEAD, "main") == pr(7)


def test_find_open_answers_none_when_there_is_none(httpserver: HTTPServer, forge: GitLabForge) -> None:
    query = {"state": "opened", "source_branch": HEAD, "target_branch": "main"}
    httpserver.expect_ordered_request(MRS, method="GET", query_string=query, headers=AUTH).respond_with_json([])
    assert forge.find_open(HEAD, "main") is None


@pytest.mark.parametrize("draft", [False, True])
def test_create_posts_branches_title_and_description(httpserver: HTTPServer, forge: GitLabForge, draft: bool) -> None:
    title = "Sync Glue a1b2c3d into Databricks"
    sent = {
        "source_branch": HEAD,
        "target_branch": "main",
        "title": f"Draft: {title}" if draft else title,
        "description": "## Glue changes\n\n- jobs/orders.py",
    }
    httpserver.expect_ordered_request(MRS, method="POST", headers=SENDS_JSON, json=sent).respond_with_json(
        merge_request(7, HEAD, draft=draft, description=sent["description"]), status=201
    )
    made = forge.create(HEAD, "main", PrContent(title, "## Glue changes\n\n- jobs/orders.py", draft))
    assert made == pr(7, draft=draft)


def test_update_puts_title_and_description_and_undrafts(httpserver: HTTPServer, forge: GitLabForge) -> None:
    title = "Sync Glue a1b2c3d into Databricks"
    sent = {"title": title, "description": "three conflicts left"}
    httpserver.expect_ordered_request(f"{MRS}/7", method="PUT", headers=SENDS_JSON, json=sent).respond_with_json(
        merge_request(7, HEAD, description="three conflicts left")
    )
    assert forge.update(pr(7, draft=True), PrContent(title, "three conflicts left", False)) == pr(7)


def test_update_to_draft_spells_the_prefix_once(httpserver: HTTPServer, forge: GitLabForge) -> None:
    title = "Sync Glue a1b2c3d into Databricks"
    sent = {"title": f"Draft: {title}", "description": "x"}
    httpserver.expect_ordered_request(f"{MRS}/7", method="PUT", headers=SENDS_JSON, json=sent).respond_with_json(
        merge_request(7, HEAD, draft=True)
    )
    assert forge.update(pr(7), PrContent(f"Draft: {title}", "x", True)) == pr(7, draft=True)


def test_add_labels_sends_them_comma_separated(httpserver: HTTPServer, forge: GitLabForge) -> None:
    sent = {"add_labels": "g2l-sync,glue"}
    httpserver.expect_ordered_request(f"{MRS}/7", method="PUT", headers=SENDS_JSON, json=sent).respond_with_json(
        merge_request(7, HEAD, labels=["g2l-sync", "glue"])
    )
    forge.add_labels(pr(7), ("g2l-sync", "glue"))
    forge.add_labels(pr(7), ())  # nothing to add: no request


def test_request_reviewers_looks_users_up_and_keeps_the_reviewers_already_there(
    httpserver: HTTPServer, forge: GitLabForge
) -> None:
    users = "/api/v4/users"
    for uid, name in ((34, "omar"), (5, "lead")):
        httpserver.expect_ordered_request(
            users, method="GET", query_string={"username": name}, headers=AUTH
        ).respond_with_json([user(uid, name)])
    httpserver.expect_ordered_request(f"{MRS}/7", method="GET", headers=AUTH).respond_with_json(
        merge_request(7, HEAD, reviewers=[user(5, "lead")])
    )
    httpserver.expect_ordered_request(
        f"{MRS}/7", method="PUT", headers=SENDS_JSON, json={"reviewer_ids": [5, 34]}
    ).respond_with_json(merge_request(7, HEAD, reviewers=[user(5, "lead"), user(34, "omar")]))
    forge.request_reviewers(pr(7), ("@omar", "lead"))


def test_request_reviewers_makes_no_change_when_all_are_there(httpserver: HTTPServer, forge: GitLabForge) -> None:
    httpserver.expect_ordered_request(
        "/api/v4/users", method="GET", query_string={"username": "lead"}, headers=AUTH
    ).respond_with_json([user(5, "lead")])
    httpserver.expect_ordered_request(f"{MRS}/7", method="GET", headers=AUTH).respond_with_json(
        merge_request(7, HEAD, reviewers=[user(5, "lead")])
    )
    forge.request_reviewers(pr(7), ("lead",))


def test_an_unknown_reviewer_is_named(httpserver: HTTPServer, forge: GitLabForge) -> None:
    httpserver.expect_ordered_request(
        "/api/v4/users", method="GET", query_string={"username": "nobody-here"}, headers=AUTH
    ).respond_with_json([])
    with pytest.raises(G2lError, match=r"^GitLab: there is no user 'nobody-here' on localhost:\d+ "):
        forge.request_reviewers(pr(7), ("nobody-here",))


def test_comment_posts_a_note(httpserver: HTTPServer, forge: GitLabForge) -> None:
    sent = {"body": "Rebuilt on Glue d4d4d4d: 2 files still in conflict."}
    httpserver.expect_ordered_request(f"{MRS}/7/notes", method="POST", headers=SENDS_JSON, json=sent).respond_with_json(
        {"id": 302, "body": sent["body"], "noteable_type": "MergeRequest", "noteable_iid": 7, "system": False},
        status=201,
    )
    forge.comment(pr(7), sent["body"])


def test_a_duplicate_merge_request_quotes_gitlabs_409(httpserver: HTTPServer, forge: GitLabForge) -> None:
    httpserver.expect_ordered_request(MRS, method="POST", headers=SENDS_JSON).respond_with_json(
        {"message": ["Another open merge request already exists for this source branch: !7"]}, status=409
    )
    with pytest.raises(G2lError) as raised:
        forge.create(HEAD, "main", PrContent("t", "b", False))
    assert raised.value.message == (
        f"GitLab: creating the merge request {HEAD} -> main in {PROJECT} failed: "
        "409 Conflict (Another open merge request already exists for this source branch: !7)"
    )


def test_a_validation_failure_quotes_each_field(httpserver: HTTPServer, forge: GitLabForge) -> None:
    httpserver.expect_ordered_request(f"{MRS}/7", method="PUT").respond_with_json(
        {"message": {"title": ["is too long (maximum is 255 characters)"]}}, status=400
    )
    with pytest.raises(G2lError, match=r"failed: 400 Bad Request \(title is too long \(maximum is 255 characters\)\)$"):
        forge.update(pr(7), PrContent("x" * 300, "b", False))


def test_a_500_is_tried_again_after_the_backoff(httpserver: HTTPServer, forge: GitLabForge, slept: list[float]) -> None:
    query = {"state": "opened", "source_branch": HEAD, "target_branch": "main"}
    httpserver.expect_ordered_request(MRS, method="GET", query_string=query, headers=AUTH).respond_with_json(
        {"message": "500 Internal Server Error"}, status=500
    )
    httpserver.expect_ordered_request(MRS, method="GET", query_string=query, headers=AUTH).respond_with_json(
        [merge_request(7, HEAD)]
    )
    assert forge.find_open(HEAD, "main") == pr(7)
    assert slept == [1.0]


@pytest.mark.parametrize(("retry_after", "wait"), [("7", 7.0), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)])
def test_a_429_waits_as_long_as_retry_after_says(
    httpserver: HTTPServer, forge: GitLabForge, slept: list[float], retry_after: str, wait: float
) -> None:
    sent = {"body": "hello"}
    throttled = {"Retry-After": retry_after, "RateLimit-Limit": "600", "RateLimit-Remaining": "0"}
    notes = f"{MRS}/7/notes"
    httpserver.expect_ordered_request(notes, method="POST", json=sent).respond_with_data(
        "Retry later\n", status=429, headers=throttled, content_type="text/plain"
    )
    httpserver.expect_ordered_request(notes, method="POST", json=sent).respond_with_json({"id": 1, "body": "hello"})
    forge.comment(pr(7), "hello")
    assert slept == [wait]


def test_retries_end_after_the_last_attempt_and_quote_the_answer(
    httpserver: HTTPServer, forge: GitLabForge, slept: list[float]
) -> None:
    for _ in range(4):
        httpserver.expect_ordered_request(f"{MRS}/7", method="PUT").respond_with_data(
            "<html><body>502 Bad Gateway</body></html>", status=502, content_type="text/html"
        )
    with pytest.raises(G2lError, match=r"^GitLab: adding labels to merge request !7 in .* failed: 502 Bad Gateway$"):
        forge.add_labels(pr(7), ("g2l-sync",))
    assert slept == [1.0, 2.0, 4.0]


def test_a_retry_after_of_an_hour_is_reported_not_waited(
    httpserver: HTTPServer, forge: GitLabForge, slept: list[float]
) -> None:
    httpserver.expect_ordered_request(MRS, method="GET").respond_with_data(
        "Retry later\n", status=429, headers={"Retry-After": "3600"}
    )
    with pytest.raises(G2lError, match=r"failed: 429 Too Many Requests \(Retry later\)$"):
        forge.recent("main", "g2l/")
    assert slept == []


def test_a_redirect_is_not_followed(httpserver: HTTPServer, forge: GitLabForge) -> None:
    elsewhere = "https://gitlab.elsewhere.example/api/v4/projects/x/merge_requests"
    httpserver.expect_ordered_request(MRS, method="GET").respond_with_data(
        "", status=301, headers={"Location": elsewhere}
    )
    with pytest.raises(G2lError, match=r"failed: 301 redirect to https://gitlab\.elsewhere\.example/.*, not followed"):
        forge.recent("main", "g2l/")


def test_a_self_managed_server_under_a_path_and_an_api_v4_address(httpserver: HTTPServer) -> None:
    httpserver.expect_ordered_request(f"/gitlab{MRS}", method="GET", headers=AUTH).respond_with_json([])
    forge = GitLabForge(PROJECT, TOKEN, httpserver.url_for("/gitlab/api/v4/"))
    assert forge.recent("main", "g2l/") == []
    httpserver.check_assertions()
    assert not httpserver.ordered_handlers


@pytest.mark.parametrize(
    "address", ["gitlab.example.com", "ftp://gitlab.example.com", "https://me:pw@gitlab.example.com"]
)
def test_an_api_url_that_is_no_server_address_is_refused(address: str) -> None:
    with pytest.raises(G2lError, match="is not a server address"):
        GitLabForge(PROJECT, TOKEN, address)


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_a_refused_connection_names_the_host(slept: list[float]) -> None:
    port = unused_port()
    forge = GitLabForge(PROJECT, TOKEN, f"http://127.0.0.1:{port}", attempts=2, sleep=slept.append)
    with pytest.raises(G2lError) as raised:
        forge.find_open(HEAD, "main")
    assert raised.value.message == (
        f"GitLab: looking for an open merge request {HEAD} -> main in {PROJECT} failed: "
        f"cannot connect to 127.0.0.1:{port} (connection refused)"
    )
    assert slept == [1.0]


def test_a_post_that_never_left_is_sent_again(slept: list[float]) -> None:
    port = unused_port()
    forge = GitLabForge(PROJECT, TOKEN, f"http://127.0.0.1:{port}", attempts=3, sleep=slept.append)
    with pytest.raises(G2lError, match=rf"^GitLab: commenting on merge request !7 in {PROJECT} failed: cannot connect"):
        forge.comment(pr(7), "hello")
    assert slept == [1.0, 2.0]


def test_a_sign_in_page_instead_of_json_is_reported(httpserver: HTTPServer, forge: GitLabForge) -> None:
    page = "<!DOCTYPE html><html><body>Sign in to continue</body></html>"
    httpserver.expect_ordered_request(MRS, method="GET").respond_with_data(page, content_type="text/html")
    httpserver.expect_ordered_request(f"{MRS}/7", method="PUT").respond_with_data(page, content_type="text/html")
    with pytest.raises(G2lError, match=r"into main in .* failed: the answer was not GitLab's JSON \(Failed to parse"):
        forge.recent("main", "g2l/")
    with pytest.raises(G2lError, match=r"^GitLab: updating merge request !7 in .* failed: the answer was not GitLab's"):
        forge.update(pr(7), PrContent("t", "b", False))


class SilentServer:
    """Accepts connections and never answers, counting them."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.listener.getsockname()[1]
        self.accepted: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                self.accepted.append(self.listener.accept()[0])
            except OSError:
                return

    def close(self) -> None:
        self.listener.close()
        for connection in self.accepted:
            connection.close()


@pytest.fixture
def silent() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.close()


def test_a_timeout_names_the_host_and_a_post_is_not_sent_twice(silent: SilentServer, slept: list[float]) -> None:
    address = f"http://127.0.0.1:{silent.port}"
    forge = GitLabForge(PROJECT, TOKEN, address, timeout=0.2, attempts=3, sleep=slept.append)
    with pytest.raises(G2lError) as raised:
        forge.create(HEAD, "main", PrContent("t", "b", False))
    assert raised.value.message == (
        f"GitLab: creating the merge request {HEAD} -> main in {PROJECT} failed: "
        f"127.0.0.1:{silent.port} did not answer within 0.2 s"
    )
    assert (len(silent.accepted), slept) == (1, [])  # the merge request may exist: sending again could make two


def test_the_token_is_in_no_message_no_repr_and_no_log(
    httpserver: HTTPServer, forge: GitLabForge, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    httpserver.expect_ordered_request(MRS, method="GET").respond_with_json({"message": "401 Unauthorized"}, status=401)
    httpserver.expect_ordered_request(MRS, method="POST").respond_with_json(
        {"message": [f"token {TOKEN} is not allowed here"]}, status=403
    )
    messages = []
    with pytest.raises(G2lError) as unauthorized:
        forge.recent("main", "g2l/")
    messages.append(unauthorized.value.message)
    with pytest.raises(G2lError) as echoed:
        forge.create(HEAD, "main", PrContent("t", "b", False))
    messages.append(echoed.value.message)
    refused = GitLabForge(PROJECT, TOKEN, f"http://127.0.0.1:{unused_port()}", attempts=1)
    with pytest.raises(G2lError) as unreachable:
        refused.comment(pr(7), "x")
    messages.append(unreachable.value.message)
    assert messages[0].endswith("failed: 401 Unauthorized")
    assert messages[1].endswith("failed: 403 Forbidden (token *** is not allowed here)")
    assert "127.0.0.1" in messages[2]
    assert caplog.records, "DEBUG logging was captured"
    for text in [*messages, repr(forge), repr(refused), caplog.text]:
        assert TOKEN not in text


LIVE = ("G2L_LIVE_GITLAB_TOKEN", "G2L_LIVE_GITLAB_REPOSITORY")


@pytest.mark.live
@pytest.mark.skipif(not all(os.environ.get(name) for name in LIVE), reason="set G2L_LIVE_GITLAB_* to talk to GitLab")
def test_live_gitlab_lists_and_finds() -> None:
    """Read-only against a real project: G2L_LIVE_GITLAB_API_URL (optional) names a self-managed server."""
    forge = GitLabForge(
        os.environ["G2L_LIVE_GITLAB_REPOSITORY"],
        os.environ["G2L_LIVE_GITLAB_TOKEN"],
        os.environ.get("G2L_LIVE_GITLAB_API_URL"),
    )
    base = os.environ.get("G2L_LIVE_GITLAB_BASE", "main")
    recent = forge.recent(base, "")
    assert all(pr.state in ("open", "merged", "closed") for pr in recent)
    if recent:
        assert forge.find_open(recent[0].head, base) in (None, *[pr for pr in recent if pr.state == "open"])
