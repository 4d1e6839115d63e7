"""The Azure DevOps client against a local HTTP server that answers as Azure DevOps' Git REST API 7.1 does.

Each test declares the exact requests Microsoft's REST reference defines (method, path, query, Authorization,
Content-Type, JSON body); any other request gets a 418 and fails the test, and every expected request must be
made. The server plays an Azure DevOps Server at `/tfs` with collection `contoso`, so paths read
`/tfs/{org}/{project}/_apis/git/repositories/{repo}/...`, as they do on dev.azure.com under the organization.

References (learn.microsoft.com/en-us/rest/api/azure/devops/, view=azure-devops-rest-7.1):
  git/pull-requests/get-pull-requests, git/pull-requests/create, git/pull-requests/update,
  git/pull-request-labels/create, git/pull-request-reviewers/create-pull-request-reviewer,
  git/pull-request-threads/create, ims/identities/read-identities;
  PAT as Basic with an empty user name: azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate
"""

from __future__ import annotations

import base64
import logging
import os
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from g2l_merge.errors import G2lError
from g2l_merge.forge import PrContent, PullRequest
from g2l_merge.forge.azure import (
    AzureDevOps,
    authorization,
    credentials,
    identity_root,
)

TOKEN = "g2l-sentinel-token-5f3a"
BASIC = "Basic " + base64.b64encode(f":{TOKEN}".encode()).decode()
GIT = "/tfs/contoso/DataPlatform/_apis/git/repositories/risk-jobs"
REPO_ID = "3411ebc1-d5aa-464f-9615-0b527bc66719"
PROJECT_ID = "a7573007-bbb3-4341-b726-0c4148a07853"
GET = {"Authorization": BASIC}
SEND = {"Authorization": BASIC, "Content-Type": "application/json"}
CONTENT = PrContent(title="g2l: sync Glue a1b2c3d", body="## Glue changes\n\n- jobs/risk.py", draft=False)


def no_sleep(seconds: float) -> None:
    raise AssertionError(f"this test expected no retry, but the client would wait {seconds} s")


@pytest.fixture
def waits() -> list[float]:
    return []


@pytest.fixture
def azure(httpserver: HTTPServer, waits: list[float]) -> Iterator[AzureDevOps]:
    httpserver.no_handler_status_code = 418  # an unexpected request is not a 5xx the client would retry
    client = AzureDevOps("contoso/DataPlatform/risk-jobs", TOKEN, httpserver.url_for("/tfs"), sleep=waits.append)
    yield client
    client.close()
    httpserver.check_assertions()
    httpserver.check_handler_errors()
    assert not httpserver.ordered_handlers, "a request the test expected was never made"


def web(httpserver: HTTPServer, number: int) -> str:
    return httpserver.url_for(f"/tfs/contoso/DataPlatform/_git/risk-jobs/pullrequest/{number}")


def pr_json(
    number: int, head: str, status: str = "active", draft: bool = False, title: str = "g2l: sync Glue a1b2c3d"
) -> dict[str, Any]:
    """A GitPullRequest as the list, create and update calls return it (trimmed to the usual fields)."""
    return {
        "repository": {
            "id": REPO_ID,
            "name": "risk-jobs",
            "url": f"https://dev.azure.com/contoso/_apis/git/repositories/{REPO_ID}",
            "project": {"id": PROJECT_ID, "name": "DataPlatform", "state": "wellFormed", "visibility": "private"},
        },
        "pullRequestId": number,
        "codeReviewId": number,
        "status": status,
        "createdBy": {
            "displayName": "Dana Databricks",
            "id": "d6245f20-2af8-44f4-9451-8107cb2767db",
            "uniqueName": "dana@bank.example",
        },
        "creationDate": "2026-11-30T09:15:02.1234567Z",
        "title": title,
        "description": "## Glue changes",
        "sourceRefName": f"refs/heads/{head}",
        "targetRefName": "refs/heads/main",
        "mergeStatus": "succeeded",
        "isDraft": draft,
        "mergeId": "f5fc8381-3fb2-49fe-8a0d-27dcc2d6ef82",
        "reviewers": [],
        "url": f"https://dev.azure.com/contoso/{PROJECT_ID}/_apis/git/repositories/{REPO_ID}/pullRequests/{number}",
        "supportsIterations": True,
    }


def error_json(message: str, type_key: str) -> dict[str, Any]:
    """Azure DevOps' error body (a serialized server exception)."""
    return {"$id": "1", "innerException": None, "message": message, "typeName": type_key, "typeKey": type_key}


def identity_json(identity_id: str, display: str, account: str) -> dict[str, Any]:
    return {
        "id": identity_id,
        "descriptor": f"Microsoft.IdentityModel.Claims.ClaimsIdentity;{account}",
        "subjectDescriptor": "aad.ZjQ5ZWNlMWYtYjUwNi03NjNjLWE0OTMtNmU3ZTU5NDA2MzY3",
        "providerDisplayName": display,
        "isActive": True,
        "isContainer": False,
        "members": [],
        "memberOf": [],
        "properties": {
            "SchemaClassName": {"$type": "System.String", "$value": "User"},
            "Account": {"$type": "System.String", "$value": account},
            "Mail": {"$type": "System.String", "$value": account},
        },
        "resourceVersion": 2,
        "metaTypeId": 0,
    }


def test_recent_maps_states_and_drafts_newest_first_keeping_the_sync_branches(
    azure: AzureDevOps, httpserver: HTTPServer
) -> None:
    """Pull Requests - Get Pull Requests: status all, target branch, $top; active/completed/abandoned."""
    httpserver.expect_ordered_request(
        f"{GIT}/pullrequests",
        method="GET",
        headers=GET,
        query_string={
            "searchCriteria.targetRefName": "refs/heads/main",
            "searchCriteria.status": "all",
            "$top": "50",
            "api-version": "7.1",
        },
    ).respond_with_json(
        {
            "value": [
                pr_json(41, "g2l/sync-c3", "active", draft=True, title="g2l: sync Glue c3"),
                pr_json(40, "feature/spark-upgrade", "active"),
                pr_json(38, "g2l/sync-b2", "completed", title="g2l: sync Glue b2"),
                pr_json(39, "g2l/sync-a1", "abandoned", title="g2l: sync Glue a1"),
            ],
            "count": 4,
        }
    )

    found = azure.recent("main", "g2l/sync-")

    assert found == [
        PullRequest(41, web(httpserver, 41), "open", "g2l/sync-c3", True, "g2l: sync Glue c3"),
        PullRequest(39, web(httpserver, 39), "closed", "g2l/sync-a1", False, "g2l: sync Glue a1"),
        PullRequest(38, web(httpserver, 38), "merged", "g2l/sync-b2", False, "g2l: sync Glue b2"),
    ]


def test_find_open_returns_the_active_pull_request_from_the_branch(azure: AzureDevOps, httpserver: HTTPServer) -> None:
    """Pull Requests - Get Pull Requests: sourceRefName, targetRefName, status active."""
    httpserver.expect_ordered_request(
        f"{GIT}/pullrequests",
        method="GET",
        headers=GET,
        query_string={
            "searchCriteria.sourceRefName": "refs/heads/g2l/sync-a1b2c3d",
            "searchCriteria.targetRefName": "refs/heads/main",
            "searchCriteria.status": "active",
            "api-version": "7.1",
        },
    ).respond_with_json({"value": [pr_json(42, "g2l/sync-a1b2c3d")], "count": 1})

    assert azure.find_open("g2l/sync-a1b2c3d", "main") == PullRequest(
        42, web(httpserver, 42), "open", "g2l/sync-a1b2c3d", False, "g2l: sync Glue a1b2c3d"
    )


def test_find_open_is_none_when_azure_devops_has_no_active_one(azure: AzureDevOps, httpserver: HTTPServer) -> None:
    """Pull Requests - Get Pull Requests: an empty `value` list."""
    httpserver.expect_ordered_request(
        f"{GIT}/pullrequests",
        method="GET",
        headers=GET,
        query_string={
            "searchCriteria.sourceRefName": "refs/heads/g2l/sync-a1b2c3d",
            "searchCriteria.targetRefName": "refs/heads/main",
            "searchCriteria.status": "active",
            "api-version": "7.1",
        },
    ).respond_with_json({"value": [], "count": 0})

    assert azure.find_open("g2l/sync-a1b2c3d", "main") is None


@pytest.mark.parametrize("draft", [False, True])
def test_create_sends_refs_title_description_and_draft(azure: AzureDevOps, httpserver: HTTPServer, draft: bool) -> None:
    """Pull Requests - Create: POST .../pullrequests, answered 201 Created with the GitPullRequest."""
    httpserver.expect_ordered_request(
        f"{GIT}/pullrequests",
        method="POST",
        headers=SEND,
        query_string={"api-version": "7.1"},
        json={
            "sourceRefName": "refs/heads/g2l/sync-a1b2c3d",
            "targetRefName": "refs/heads/main",
            "title": CONTENT.title,
            "description": CONTENT.body,
            "isDraft": draft,
        },
    ).respond_with_json(pr_json(42, "g2l/sync-a1b2c3d", draft=draft), status=201)

    created = azure.create("g2l/sync-a1b2c3d", "main", CONTENT._replace(draft=draft))

    assert created == PullRequest(42, web(httpserver, 42), "open", "g2l/sync-a1b2c3d", draft, CONTENT.title)


def test_update_patches_title_description_and_draft(azure: AzureDevOps, httpserver: HTTPServer) -> None:
    """Pull Requests - Update: PATCH .../pullrequests/{id}; the web URL comes from repository.webUrl when given."""
    answer = pr_json(42, "g2l/sync-a1b2c3d", draft=True, title="g2l: sync Glue d4e5f6a")
    answer["repository"]["webUrl"] = "https://tfs.bank.example/tfs/contoso/DataPlatform/_git/risk-jobs"
    httpserver.expect_ordered_request(
        f"{GIT}/pullrequests/42",
        method="PATCH",
        headers=SEND,
        query_string={"api-version": "7.1"},
        json={"title": "g2l: sync Glue d4e5f6a", "description": "conflicts in jobs/risk.py", "isDraft": True},
    ).respond_with_json(answer)
    pr = PullRequest(42, web(httpserver, 42), "open", "g2l/sync-a1b2c3d", False, CONTENT.title)

    updated = azure.update(pr, PrContent("g2l: sync Glue d4e5f6a", "conflicts in jobs/risk.py", draft=True))

    assert updated == PullRequest(
        42,
        "https://tfs.bank.example/tfs/contoso/DataPlatform/_git/risk-jobs/pullrequest/42",
        "open",
        "g2l/sync-a1b2c3d",
        True,
        "g2l: sync Glue d4e5f6a",
    )


def test_add_labels_posts_each_label_once(azure: AzureDevOps, httpserver: HTTPServer) -> None:
    """Pull Request Labels - Create: POST .../pullRequests/{id}/labels {name}, one call per label."""
    for label, tag_id in (("g2l-sync", "e0ff9bc6-2f5a-4d3a-8c39-7b1f2e1d0a01"), ("glue", "5c3b1f0e-9a6d-4e2b-b1a7")):
        httpserver.expect_ordered_request(
            f"{GIT}/pullRequests/42/labels",
            method="POST",
            headers=SEND,
            query_string={"api-version": "7.1"},
            json={"name": label},
        ).respond_with_json(
            {"id": tag_id, "name": label, "active": True, "url": f"https://dev.azure.com/contoso/_apis/tags/{tag_id}"}
        )

    azure.add_labels(PullRequest(42, "", "open", "g2l/sync-a1b2c3d", False, ""), ("g2l-sync", "glue"))


def test_request_reviewers_resolves_identities_then_adds_each(azure: AzureDevOps, httpserver: HTTPServer) -> None:
    """Identities - Read Identities (searchFilter General) then Pull Request Reviewers - Create Pull Request
    Reviewer: PUT .../pullRequests/{id}/reviewers/{identity id} {vote: 0}. A name matching two identities keeps
    the one whose account or e-mail is exactly that name."""
    dana = identity_json("d6245f20-2af8-44f4-9451-8107cb2767db", "Dana Databricks", "dana@bank.example")
    lead = identity_json("8c8c7d32-6b1b-47f4-b2e9-30b477b5ab3d", "Ops Lead", "ops@bank.example")
    other = identity_json("19d9411e-9a34-45bb-b985-d24d9d87c0c9", "Ops Lead (EMEA)", "ops-emea@bank.example")
    for name, answer in (("dana@bank.example", [dana]), ("ops@bank.example", [other, lead])):
        httpserver.expect_ordered_request(
            "/tfs/contoso/_apis/identities",
            method="GET",
            headers=GET,
            query_string={"searchFilter": "General", "filterValue": name, "api-version": "7.1"},
        ).respond_with_json({"count": len(answer), "value": answer})
    for identity in (dana, lead):
        httpserver.expect_ordered_request(
            f"{GIT}/pullRequests/42/reviewers/{identity['id']}",
            method="PUT",
            headers=SEND,
            query_string={"api-version": "7.1"},
            json={"vote": 0},
        ).respond_with_json(
            {
                "reviewerUrl": f"https://dev.azure.com/contoso/_apis/git/repositories/{REPO_ID}/pullRequests/42"
                f"/reviewers/{identity['id']}",
                "vote": 0,
                "hasDeclined": False,
                "isFlagged": False,
                "displayName": identity["providerDisplayName"],
                "id": identity["id"],
                "uniqueName": identity["properties"]["Account"]["$value"],
            }
        )

    azure.request_reviewers(
        PullRequest(42, "", "open", "g2l/sync-a1b2c3d", False, ""), ("dana@bank.example", "ops@bank.example")
    )


def test_an_unknown_reviewer_is_named_and_nobody_is_added(azure: AzureDevOps, httpserver: HTTPServer) -> None:
    """Identities - Read Identities answers an empty list for a name it does not know."""
    dana = identity_json("d6245f20-2af8-44f4-9451-8107cb2767db", "Dana Databricks", "dana@bank.example")
    for name, answer in (("dana@bank.example", [dana]), ("nobody@bank.example", [])):
        httpserver.expect_ordered_request(
            "/tfs/contoso/_apis/identities",
            method="GET",
            headers=GET,
            query_string={"searchFilter": "General", "filterValue": name, "api-version": "7.1"},
        ).respond_with_json({"count": len(answer), "value": answer})

    with pytest.raises(G2lError) as raised:
        azure.request_reviewers(
            PullRequest(42, "", "open", "g2l/sync-a1b2c3d", False, ""), ("dana@bank.example", "nobody@bank.example")
        )

    assert raised.value.message == "Azure DevOps: reviewer 'nobody@bank.example' is not a known identity in contoso"


def test_comment_opens_an_active_thread_with_one_text_comment(azure: AzureDevOps, httpserver: HTTPServer) -> None:
    """Pull Request Threads - Create: comments [{parentCommentId 0, content, commentType 1 (text)}], status 1."""
    text = "Glue moved on to d4e5f6a; this branch was refreshed."
    httpserver.expect_ordered_request(
        f"{GIT}/pullRequests/42/threads",
        method="POST",
        headers=SEND,
        query_string={"api-version": "7.1"},
        json={"comments": [{"parentCommentId": 0, "content": text, "commentType": 1}], "status": 1},
    ).respond_with_json(
        {
            "id": 148,
            "publishedDate": "2026-12-01T10:00:00.1Z",
            "lastUpdatedDate": "2026-12-01T10:00:00.1Z",
            "comments": [{"id": 1, "parentCommentId": 0, "content": text, "commentType": "text"}],
            "status": "active",
            "isDeleted": False,
        }
    )

    azure.comment(PullRequest(42, "", "open", "g2l/sync-a1b2c3d", False, ""), text)


def test_a_duplicate_pull_request_quotes_azure_devops_409(azure: AzureDevOps, httpserver: HTTPServer) -> None:
    """Azure DevOps refuses a second active pull request for the same branches with 409 and TF401179."""
    message = "TF401179: An active pull request for the source and target branch already exists."
    httpserver.expect_ordered_request(f"{GIT}/pullrequests", method="POST", headers=SEND).respond_with_json(
        error_json(message, "GitPullRequestExistsException"), status=409
    )

    with pytest.raises(G2lError) as raised:
        azure.create("g2l/sync-a1b2c3d", "main", CONTENT)

    assert raised.value.message == (
        "Azure DevOps: creating the pull request g2l/sync-a1b2c3d -> main failed: 409 CONFLICT (" + message + ")"
    )


def test_a_500_is_retried_after_a_backoff(azure: AzureDevOps, httpserver: HTTPServer, waits: list[float]) -> None:
    httpserver.expect_ordered_request(f"{GIT}/pullrequests", method="GET", headers=GET).respond_with_json(
        error_json("TF246018: The database operation exceeded the timeout limit.", "DatabaseOperationTimeout"),
        status=500,
    )
    httpserver.expect_ordered_request(f"{GIT}/pullrequests", method="GET", headers=GET).respond_with_json(
        {"value": [], "count": 0}
    )

    assert azure.find_open("g2l/sync-a1b2c3d", "main") is None
    assert waits == [1.0]


def test_a_429_waits_as_long_as_retry_after_says(
    azure: AzureDevOps, httpserver: HTTPServer, waits: list[float]
) -> None:
    """Azure DevOps rate limits answer 429 with Retry-After in seconds."""
    httpserver.expect_ordered_request(f"{GIT}/pullRequests/42/labels", method="POST").respond_with_json(
        error_json("TF400733: The request has been rejected because of rate limits.", "RequestBlocked"),
        status=429,
        headers={"Retry-After": "7"},
    )
    httpserver.expect_ordered_request(
        f"{GIT}/pullRequests/42/labels", method="POST", headers=SEND, json={"name": "g2l-sync"}
    ).respond_with_json({"id": "e0ff9bc6-2f5a-4d3a-8c39-7b1f2e1d0a01", "name": "g2l-sync", "active": True})

    azure.add_labels(PullRequest(42, "", "open", "g2l/sync-a1b2c3d", False, ""), ("g2l-sync",))

    assert waits == [7.0]


def test_a_retry_after_date_in_the_past_means_retry_at_once(
    azure: AzureDevOps, httpserver: HTTPServer, waits: list[float]
) -> None:
    httpserver.expect_ordered_request(f"{GIT}/pullrequests", method="GET").respond_with_data(
        "", status=503, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}
    )
    httpserver.expect_ordered_request(f"{GIT}/pullrequests", method="GET").respond_with_json({"value": [], "count": 0})

    assert azure.recent("main", "g2l/sync-") == []
    assert waits == [0.0]


def test_a_429_asking_for_more_than_a_minute_is_reported_not_waited_for(
    azure: AzureDevOps, httpserver: HTTPServer, waits: list[float]
) -> None:
    message = "TF400733: The request has been rejected because of rate limits."
    httpserver.expect_ordered_request(f"{GIT}/pullRequests/42/threads", method="POST").respond_with_json(
        error_json(message, "RequestBlocked"), status=429, headers={"Retry-After": "3600"}
    )

    with pytest.raises(G2lError) as raised:
        azure.comment(PullRequest(42, "", "open", "g2l/sync-a1b2c3d", False, ""), "refreshed")

    assert raised.value.message == (
        f"Azure DevOps: commenting on pull request 42 failed: 429 TOO MANY REQUESTS ({message}; Retry-After 3600)"
    )
    assert waits == []


def test_a_server_that_keeps_failing_is_quoted_after_the_last_attempt(
    azure: AzureDevOps, httpserver: HTTPServer, waits: list[float]
) -> None:
    for _ in range(4):
        httpserver.expect_ordered_request(f"{GIT}/pullrequests", method="GET").respond_with_data(
            "Service Unavailable", status=503, content_type="text/html"
        )

    with pytest.raises(G2lError) as raised:
        azure.recent("main", "g2l/sync-")

    assert raised.value.message == "Azure DevOps: listing the pull requests into main failed: 503 SERVICE UNAVAILABLE"
    assert waits == [1.0, 2.0, 4.0]


def test_connection_refused_names_the_host(waits: list[float]) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = AzureDevOps("contoso/DataPlatform/risk-jobs", TOKEN, f"http://127.0.0.1:{port}", sleep=waits.append)

    with pytest.raises(G2lError) as raised:
        client.find_open("g2l/sync-a1b2c3d", "main")

    assert raised.value.message.startswith(
        "Azure DevOps: looking for an open pull request g2l/sync-a1b2c3d -> main failed: cannot reach 127.0.0.1 ("
    )
    assert len(waits) == 3  # a connection that never opened is tried again


def test_a_timeout_names_the_host_and_a_post_is_not_sent_twice(httpserver: HTTPServer, waits: list[float]) -> None:
    """A POST whose answer never came may have been applied: it is not repeated (no duplicate pull request)."""

    def slow(request: Request) -> Response:
        time.sleep(0.4)
        return Response("{}", status=201, content_type="application/json")

    httpserver.expect_ordered_request(f"{GIT}/pullrequests", method="POST").respond_with_handler(slow)
    client = AzureDevOps(
        "contoso/DataPlatform/risk-jobs", TOKEN, httpserver.url_for("/tfs"), timeout=0.1, sleep=waits.append
    )

    with pytest.raises(G2lError) as raised:
        client.create("g2l/sync-a1b2c3d", "main", CONTENT)

    assert raised.value.message == (
        "Azure DevOps: creating the pull request g2l/sync-a1b2c3d -> main failed: localhost did not answer within 0.1 s"
    )
    assert waits == []
    time.sleep(0.4)  # let the slow handler finish before the server is checked
    httpserver.check_assertions()
    assert not httpserver.ordered_handlers


def test_a_redirect_is_not_followed(azure: AzureDevOps, httpserver: HTTPServer) -> None:
    """The token goes to the configured host only: a redirect elsewhere is reported, never followed."""
    httpserver.expect_ordered_request(f"{GIT}/pullrequests", method="GET").respond_with_data(
        "", status=302, headers={"Location": "https://login.example.net/signin?ru=tfs"}
    )

    with pytest.raises(G2lError) as raised:
        azure.recent("main", "g2l/sync-")

    assert raised.value.message == (
        "Azure DevOps: listing the pull requests into main failed: 302 FOUND"
        " (a redirect to login.example.net, not followed: check api_url and the token)"
    )


def test_a_sign_in_page_instead_of_json_says_to_check_the_token(azure: AzureDevOps, httpserver: HTTPServer) -> None:
    """dev.azure.com answers a rejected PAT with 203 and its HTML sign-in page."""
    httpserver.expect_ordered_request(f"{GIT}/pullrequests", method="GET").respond_with_data(
        "<html><head><title>Azure DevOps Services | Sign In</title></head></html>",
        status=203,
        content_type="text/html; charset=utf-8",
    )

    with pytest.raises(G2lError) as raised:
        azure.recent("main", "g2l/sync-")

    assert raised.value.message == (
        "Azure DevOps: listing the pull requests into main failed: 203 answered text/html, not JSON"
        " (a sign-in page or a proxy: check api_url, the token and its scopes)"
    )


def test_an_answer_without_a_pull_request_is_an_error_not_a_traceback(
    azure: AzureDevOps, httpserver: HTTPServer
) -> None:
    httpserver.expect_ordered_request(f"{GIT}/pullrequests", method="POST").respond_with_json({"count": 0}, status=201)

    with pytest.raises(G2lError) as raised:
        azure.create("g2l/sync-a1b2c3d", "main", CONTENT)

    assert raised.value.message == (
        "Azure DevOps: creating the pull request g2l/sync-a1b2c3d -> main failed:"
        " the answer holds no pull request (no pullRequestId)"
    )


def test_the_token_is_in_no_message_no_repr_and_no_log(
    httpserver: HTTPServer, waits: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    httpserver.no_handler_status_code = 418
    httpserver.expect_ordered_request(f"{GIT}/pullrequests", method="GET", headers=GET).respond_with_json(
        error_json(f"TF400813: The user is not authorized to access this resource. ({TOKEN})", "Unauthorized"),
        status=401,
    )
    httpserver.expect_ordered_request(f"{GIT}/pullRequests/42/threads", method="POST").respond_with_json(
        error_json("TF401181: The pull request was not found.", "GitPullRequestNotFoundException"), status=404
    )
    client = AzureDevOps("contoso/DataPlatform/risk-jobs", TOKEN, httpserver.url_for("/tfs"), sleep=waits.append)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    offline = AzureDevOps("contoso/DataPlatform/risk-jobs", TOKEN, f"http://127.0.0.1:{port}", sleep=waits.append)
    messages = [repr(client), repr(offline), str(vars(client).get("api_url"))]
    for call in (
        lambda: client.recent("main", "g2l/sync-"),
        lambda: client.comment(PullRequest(42, "", "open", "g2l/sync-a1b2c3d", False, ""), "refreshed"),
        lambda: offline.find_open("g2l/sync-a1b2c3d", "main"),
        lambda: AzureDevOps(f"contoso/{TOKEN}", TOKEN),
    ):
        with pytest.raises(G2lError) as raised:
            call()
        messages.append(raised.value.message)

    secret = base64.b64encode(f":{TOKEN}".encode()).decode()
    for text in [*messages, caplog.text]:
        assert TOKEN not in text
        assert secret not in text
    assert "401 UNAUTHORIZED (TF400813: The user is not authorized to access this resource. (***))" in messages[3]
    httpserver.check_assertions()
    assert not httpserver.ordered_handlers


def test_a_pipeline_job_token_is_sent_as_bearer(httpserver: HTTPServer) -> None:
    """In Azure Pipelines, $(System.AccessToken) is an OAuth token: `Authorization: Bearer`."""
    found = credentials({"SYSTEM_ACCESSTOKEN": "job-token-0001"})
    assert found == ("job-token-0001", "bearer")
    httpserver.expect_ordered_request(
        f"{GIT}/pullrequests", method="GET", headers={"Authorization": "Bearer job-token-0001"}
    ).respond_with_json({"value": [], "count": 0})
    client = AzureDevOps(
        "contoso/DataPlatform/risk-jobs", found[0], httpserver.url_for("/tfs"), scheme=found[1], sleep=no_sleep
    )

    assert client.recent("main", "g2l/sync-") == []
    httpserver.check_assertions()


def test_credentials_prefer_the_personal_access_token() -> None:
    assert credentials({"AZURE_DEVOPS_TOKEN": "pat", "SYSTEM_ACCESSTOKEN": "job"}) == ("pat", "basic")
    assert credentials({"AZURE_DEVOPS_TOKEN": " "}) is None
    assert authorization("pat", "basic") == "Basic " + base64.b64encode(b":pat").decode()


def test_identities_live_on_vssps_for_the_cloud_and_under_the_collection_on_a_server() -> None:
    """Identities - Read Identities: https://vssps.dev.azure.com/{organization}/_apis/identities on the cloud."""
    assert identity_root("https://dev.azure.com", "contoso") == "https://vssps.dev.azure.com/contoso"
    assert identity_root("https://dev.azure.com/", "contoso") == "https://vssps.dev.azure.com/contoso"
    assert identity_root("https://tfs.bank.example/tfs", "Default Collection") == (
        "https://tfs.bank.example/tfs/Default%20Collection"
    )


def test_names_with_spaces_are_percent_encoded_in_the_path(httpserver: HTTPServer) -> None:
    """Project names may hold spaces; the web URL is the page a person opens."""
    httpserver.expect_ordered_request(
        "/tfs/contoso/Data Platform/_apis/git/repositories/risk jobs/pullrequests", method="GET", headers=GET
    ).respond_with_json({"value": [pr_json(7, "g2l/sync-a1")], "count": 1})
    client = AzureDevOps("contoso/Data Platform/risk jobs", TOKEN, httpserver.url_for("/tfs"), sleep=no_sleep)

    [pr] = client.recent("main", "g2l/")

    assert pr.url == httpserver.url_for("/tfs/contoso/Data%20Platform/_git/risk%20jobs/pullrequest/7")
    [(request, _)] = httpserver.log
    assert "/tfs/contoso/Data%20Platform/_apis/git/repositories/risk%20jobs/pullrequests?" in request.url
    httpserver.check_assertions()


@pytest.mark.parametrize(
    ("repository", "api_url"),
    [
        ("contoso/risk-jobs", None),
        ("contoso//risk-jobs", None),
        ("a/b/c/d", None),
        ("a/b/c", "tfs.bank.example"),
        ("a/b/c", "https://dana:secret@tfs.bank.example/tfs"),
    ],
)
def test_a_bad_repository_or_api_url_is_a_g2l_error(repository: str, api_url: str | None) -> None:
    with pytest.raises(G2lError, match=r"^Azure DevOps: \[pr\] (repository|api_url) must (be|not)") as raised:
        AzureDevOps(repository, TOKEN, api_url)
    assert "secret" not in raised.value.message


@pytest.mark.live
@pytest.mark.skipif(
    not (os.environ.get("G2L_LIVE_AZURE_TOKEN") and os.environ.get("G2L_LIVE_AZURE_REPOSITORY")),
    reason="set G2L_LIVE_AZURE_TOKEN and G2L_LIVE_AZURE_REPOSITORY (org/project/repo) to talk to Azure DevOps",
)
def test_live_azure_devops_lists_and_looks_up_without_changing_anything() -> None:
    """Read-only: the newest pull requests into the base branch, and no open one from a branch that does not exist.
    G2L_LIVE_AZURE_API_URL (default https://dev.azure.com) and G2L_LIVE_AZURE_BASE (default main) are optional."""
    client = AzureDevOps(
        os.environ["G2L_LIVE_AZURE_REPOSITORY"],
        os.environ["G2L_LIVE_AZURE_TOKEN"],
        os.environ.get("G2L_LIVE_AZURE_API_URL") or None,
    )
    base = os.environ.get("G2L_LIVE_AZURE_BASE", "main")
    for pr in client.recent(base, ""):
        assert pr.state in ("open", "merged", "closed")
        assert "/_git/" in pr.url
        assert "/_apis/" not in pr.url
    assert client.find_open("g2l/sync-does-not-exist-0000000", base) is None


def test_an_older_server_quotes_its_api_version_range_and_a_lower_version_can_be_asked(
    azure: AzureDevOps, httpserver: HTTPServer
) -> None:
    """REST API versioning: Azure DevOps Server 2020 serves up to 6.0 and says so when asked for 7.1."""
    message = (
        "The requested REST API version of 7.1 is out of range for this server."
        " The latest REST API version this server supports is 6.0."
    )
    httpserver.expect_ordered_request(
        f"{GIT}/pullrequests",
        method="GET",
        query_string={
            "searchCriteria.targetRefName": "refs/heads/main",
            "searchCriteria.status": "all",
            "$top": "50",
            "api-version": "7.1",
        },
    ).respond_with_json(error_json(message, "VssVersionOutOfRangeException"), status=400)
    httpserver.expect_ordered_request(
        f"{GIT}/pullrequests/42", method="PATCH", headers=SEND, query_string={"api-version": "6.0"}
    ).respond_with_json(pr_json(42, "g2l/sync-a1b2c3d"))
    older = AzureDevOps(
        "contoso/DataPlatform/risk-jobs", TOKEN, httpserver.url_for("/tfs"), api_version="6.0", sleep=no_sleep
    )

    with pytest.raises(G2lError) as raised:
        azure.recent("main", "g2l/sync-")
    updated = older.update(PullRequest(42, "", "open", "g2l/sync-a1b2c3d", False, ""), CONTENT)

    assert raised.value.message == (
        f"Azure DevOps: listing the pull requests into main failed: 400 BAD REQUEST ({message})"
    )
    assert updated.number == 42
