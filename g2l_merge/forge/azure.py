"""Pull requests on Azure DevOps (dev.azure.com, or Azure DevOps Server through `api_url`), over its Git REST API.

`repository` is `org/project/repo`; on Azure DevOps Server the first part is the collection
(`api_url = "https://tfs.example.com/tfs"`, `repository = "DefaultCollection/Payments/risk-jobs"`).

Credentials (what `pr.py` reads and hands over through `credentials()`):
- `AZURE_DEVOPS_TOKEN`, a personal access token, sent as HTTP Basic with an empty user name, as Azure DevOps
  documents for PATs;
- otherwise `SYSTEM_ACCESSTOKEN`, the job token of an Azure Pipelines run, sent as a Bearer token.

The token goes only to the configured host, plus, on dev.azure.com only, to vssps.dev.azure.com (Microsoft's
identity service for the same organization, where reviewers' names become identity ids). Azure DevOps Server
answers identity lookups on its own host, under the collection. Redirects are never followed: a redirect or a
sign-in page instead of JSON is an error that says to check the token.

Every request carries `api-version=7.1` (the `api_version` keyword lowers it for an older Server), a 30 s
timeout, and is retried on 429 and 5xx (honouring `Retry-After`).
"""

from __future__ import annotations

import base64
import email.utils
import logging
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import SplitResult, quote, urlsplit

import httpx

from g2l_merge.errors import G2lError
from g2l_merge.forge import PrContent, PrState, PullRequest

if TYPE_CHECKING:
    from g2l_merge.forge import Forge

log = logging.getLogger(__name__)

FORGE = "Azure DevOps"
CLOUD_URL = "https://dev.azure.com"
CLOUD_IDENTITY_URL = "https://vssps.dev.azure.com"
API_VERSION = "7.1"
# "Description (up to 4000 characters)": Pull Requests - Update, Azure DevOps REST API 7.1
BODY_LIMIT = 4000
PAGE = 50
MAX_WAIT = 60.0  # the longest Retry-After honoured; a longer one ends the attempts
RETRIED = frozenset({429, 500, 502, 503, 504})

Scheme = Literal["basic", "bearer"]
TOKEN_VARIABLES: tuple[tuple[str, Scheme], ...] = (("AZURE_DEVOPS_TOKEN", "basic"), ("SYSTEM_ACCESSTOKEN", "bearer"))

_STATES: dict[str, PrState] = {"active": "open", "completed": "merged", "abandoned": "closed"}


def credentials(environ: Mapping[str, str]) -> tuple[str, Scheme] | None:
    """The token and how to send it: a PAT in AZURE_DEVOPS_TOKEN first, else a pipeline's SYSTEM_ACCESSTOKEN."""
    for variable, scheme in TOKEN_VARIABLES:
        token = environ.get(variable, "").strip()
        if token:
            return token, scheme
    return None


def authorization(token: str, scheme: Scheme) -> str:
    """The Authorization header value: Basic with an empty user name for a PAT, Bearer for a job token."""
    if scheme == "bearer":
        return f"Bearer {token}"
    return "Basic " + base64.b64encode(f":{token}".encode()).decode("ascii")


def identity_root(api_url: str, organization: str) -> str:
    """Where identities are looked up: vssps.dev.azure.com for the cloud, the collection itself on a Server."""
    if api_url.rstrip("/").lower() == CLOUD_URL:
        return f"{CLOUD_IDENTITY_URL}/{_segment(organization)}"
    return f"{api_url.rstrip('/')}/{_segment(organization)}"


class AzureDevOps:
    """The Forge for Azure DevOps; see the module docstring for auth and hosts."""

    name = "azure"
    body_limit = BODY_LIMIT

    def __init__(
        self,
        repository: str,
        token: str,
        api_url: str | None = None,
        *,
        scheme: Scheme = "basic",
        api_version: str = API_VERSION,
        timeout: float = 30.0,
        attempts: int = 4,
        backoff: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.organization, self.project, self.repo = _repository(repository, token)
        root, split = _api_root(api_url, token)
        self.api_url = root
        self.host = split.hostname
        self._web_root = f"{root}/{_segment(self.organization)}/{_segment(self.project)}/_git/{_segment(self.repo)}"
        self._git = (
            f"/{_segment(self.organization)}/{_segment(self.project)}/_apis/git/repositories/{_segment(self.repo)}"
        )
        self._identities = identity_root(root, self.organization) + "/_apis/identities"
        self._allowed_hosts = {self.host, urlsplit(self._identities).hostname}
        self._auth = authorization(token, scheme)
        self._api_version = api_version  # 7.1 for dev.azure.com; an older Azure DevOps Server may need 7.0 or 6.0
        self._token = token
        self._attempts = max(1, attempts)
        self._backoff = backoff
        self._sleep = sleep
        self._timeout = timeout
        self._client = httpx.Client(
            base_url=root,
            timeout=timeout,
            follow_redirects=False,
            headers={"Accept": "application/json", "User-Agent": "g2l-merge"},
        )

    def __repr__(self) -> str:
        return f"AzureDevOps({self.organization}/{self.project}/{self.repo} at {self.api_url})"

    def close(self) -> None:
        self._client.close()

    # -- the Forge protocol ------------------------------------------------------------------------------------

    def recent(self, base: str, head_prefix: str) -> list[PullRequest]:
        params = {"searchCriteria.targetRefName": _ref(base), "searchCriteria.status": "all", "$top": str(PAGE)}
        operation = f"listing the pull requests into {base}"
        found = self._call("GET", f"{self._git}/pullrequests", operation, params)
        prs = [self._pull_request(item, operation) for item in _values(found)]
        prs.sort(key=lambda pr: pr.number, reverse=True)
        return [pr for pr in prs if pr.head.startswith(head_prefix)]

    def find_open(self, head: str, base: str) -> PullRequest | None:
        params = {
            "searchCriteria.sourceRefName": _ref(head),
            "searchCriteria.targetRefName": _ref(base),
            "searchCriteria.status": "active",
        }
        operation = f"looking for an open pull request {head} -> {base}"
        found = self._call("GET", f"{self._git}/pullrequests", operation, params)
        prs = [self._pull_request(item, operation) for item in _values(found)]
        return next((pr for pr in prs if pr.head == head and pr.state == "open"), None)

    def create(self, head: str, base: str, content: PrContent) -> PullRequest:
        payload = {
            "sourceRefName": _ref(head),
            "targetRefName": _ref(base),
            "title": content.title,
            "description": content.body,
            "isDraft": content.draft,
        }
        operation = f"creating the pull request {head} -> {base}"
        return self._pull_request(self._call("POST", f"{self._git}/pullrequests", operation, json=payload), operation)

    def update(self, pr: PullRequest, content: PrContent) -> PullRequest:
        payload = {"title": content.title, "description": content.body, "isDraft": content.draft}
        path, operation = f"{self._git}/pullrequests/{pr.number}", f"updating pull request {pr.number}"
        return self._pull_request(self._call("PATCH", path, operation, json=payload), operation)

    def add_labels(self, pr: PullRequest, labels: tuple[str, ...]) -> None:
        for label in labels:
            operation = f"adding label {label!r} to pull request {pr.number}"
            self._call("POST", f"{self._git}/pullRequests/{pr.number}/labels", operation, json={"name": label})

    def request_reviewers(self, pr: PullRequest, reviewers: tuple[str, ...]) -> None:
        ids = [(reviewer, self._identity(reviewer)) for reviewer in reviewers]  # all known before any is added
        for reviewer, identity in ids:
            path = f"{self._git}/pullRequests/{pr.number}/reviewers/{_segment(identity)}"
            self._call("PUT", path, f"adding reviewer {reviewer!r} to pull request {pr.number}", json={"vote": 0})

    def comment(self, pr: PullRequest, text: str) -> None:
        payload = {"comments": [{"parentCommentId": 0, "content": text, "commentType": 1}], "status": 1}
        self._call(
            "POST",
            f"{self._git}/pullRequests/{pr.number}/threads",
            f"commenting on pull request {pr.number}",
            json=payload,
        )

    # -- mapping -----------------------------------------------------------------------------------------------

    def _pull_request(self, item: Any, operation: str) -> PullRequest:
        if not isinstance(item, dict) or not isinstance(item.get("pullRequestId"), int):
            raise G2lError(f"{FORGE}: {operation} failed: the answer holds no pull request (no pullRequestId)")
        number = item["pullRequestId"]
        repository = item.get("repository")
        web = repository.get("webUrl") if isinstance(repository, dict) else None
        url = f"{web.rstrip('/')}/pullrequest/{number}" if isinstance(web, str) and web else self._web(number)
        source = str(item.get("sourceRefName", ""))
        return PullRequest(
            number=number,
            url=url,
            state=_STATES.get(str(item.get("status", "")), "closed"),
            head=source.removeprefix("refs/heads/"),
            draft=bool(item.get("isDraft", False)),
            title=str(item.get("title", "")),
        )

    def _web(self, number: int) -> str:
        return f"{self._web_root}/pullrequest/{number}"

    def _identity(self, reviewer: str) -> str:
        """The identity id of a reviewer given as an e-mail address or unique name (Identities - Read Identities)."""
        params = {"searchFilter": "General", "filterValue": reviewer}
        found = self._call("GET", self._identities, f"looking up reviewer {reviewer!r}", params)
        candidates = [item for item in _values(found) if isinstance(item, dict) and isinstance(item.get("id"), str)]
        if len(candidates) > 1:
            exact = [item for item in candidates if reviewer.lower() in _names(item)]
            candidates = exact or candidates
        if not candidates:
            raise G2lError(f"{FORGE}: reviewer {reviewer!r} is not a known identity in {self.organization}")
        if len(candidates) > 1:
            names = ", ".join(sorted(str(item.get("providerDisplayName", item["id"])) for item in candidates))
            raise G2lError(
                f"{FORGE}: reviewer {reviewer!r} matches {len(candidates)} identities ({names}); name one by e-mail"
            )
        return str(candidates[0]["id"])

    # -- transport ---------------------------------------------------------------------------------------------

    def _call(
        self, method: str, url: str, operation: str, params: dict[str, str] | None = None, json: Any = None
    ) -> Any:
        """One API call with retries; the parsed JSON answer, or a G2lError quoting Azure DevOps' answer."""
        query = {**(params or {}), "api-version": self._api_version}
        target = self._client.build_request(method, url, params=query, json=json)
        if target.url.host not in self._allowed_hosts:  # never hand the token to a host nobody configured
            raise G2lError(f"{FORGE}: {operation} refused: {target.url.host} is not the configured host")
        target.headers["Authorization"] = self._auth
        response = self._send(target, operation)
        if response.status_code >= 300:
            raise G2lError(self._scrub(f"{FORGE}: {operation} failed: {_answer(response)}"))
        if response.status_code == 204 or not response.content:
            return None
        try:
            return response.json()
        except ValueError:
            kind = response.headers.get("content-type", "no content type").split(";")[0]
            message = f"{FORGE}: {operation} failed: {response.status_code} answered {kind}, not JSON"
            raise G2lError(message + " (a sign-in page or a proxy: check api_url, the token and its scopes)") from None

    def _send(self, request: httpx.Request, operation: str) -> httpx.Response:
        """Send with retries: 429 and 5xx answers, and failures before the request left (or any, unless a POST)."""
        for attempt in range(1, self._attempts + 1):
            try:
                response = self._client.send(request)
            except httpx.TransportError as error:
                unsent = isinstance(error, httpx.ConnectError | httpx.ConnectTimeout)
                wait = self._retry_wait(attempt, None) if unsent or request.method != "POST" else None
                if wait is None:
                    raise G2lError(self._unreachable(operation, request.url.host, error)) from None
            else:
                log.debug("%s: %s %s -> %s", FORGE, request.method, request.url.path, response.status_code)
                if response.status_code not in RETRIED:
                    return response
                wait = self._retry_wait(attempt, response)
                if wait is None:
                    return response
            log.debug("%s: %s: retrying in %.1f s", FORGE, operation, wait)
            self._sleep(wait)
        raise AssertionError("unreachable: the last attempt returns or raises")  # pragma: no cover

    def _unreachable(self, operation: str, host: str, error: httpx.TransportError) -> str:
        if isinstance(error, httpx.TimeoutException):
            return f"{FORGE}: {operation} failed: {host} did not answer within {self._timeout:g} s"
        detail = self._scrub(" ".join(str(error).split()) or type(error).__name__)
        return f"{FORGE}: {operation} failed: cannot reach {host} ({detail})"

    def _retry_wait(self, attempt: int, response: httpx.Response | None) -> float | None:
        """How long to wait before the next attempt, or None when this was the last one."""
        if attempt >= self._attempts:
            return None
        asked = _retry_after(response.headers.get("Retry-After")) if response is not None else None
        if asked is None:
            return self._backoff * 2.0 ** (attempt - 1)
        return asked if asked <= MAX_WAIT else None

    def _scrub(self, message: str) -> str:
        return message.replace(self._token, "***") if self._token else message


def _repository(repository: str, token: str) -> tuple[str, str, str]:
    """`org/project/repo` (on a Server, `collection/project/repo`) in three parts."""
    parts = repository.strip("/").split("/")
    if len(parts) != 3 or not all(parts):
        shown = repository.replace(token, "***") if token else repository
        raise G2lError(f"{FORGE}: [pr] repository must be org/project/repo, not {shown!r}")
    return parts[0], parts[1], parts[2]


def _api_root(api_url: str | None, token: str) -> tuple[str, SplitResult]:
    """The API root without a trailing slash (dev.azure.com unless configured), and its parts."""
    root = (api_url or CLOUD_URL).rstrip("/")
    split = urlsplit(root)
    if split.username is not None or split.password is not None:
        raise G2lError(
            f"{FORGE}: [pr] api_url must not hold a user name or password; the token comes from the environment"
        )
    if split.scheme not in ("http", "https") or not split.hostname or split.query or split.fragment:
        shown = root.replace(token, "***") if token else root
        raise G2lError(f"{FORGE}: [pr] api_url must be an http(s) URL such as {CLOUD_URL}, not {shown!r}")
    return root, split


def _segment(text: str) -> str:
    return quote(text, safe="")


def _ref(branch: str) -> str:
    return branch if branch.startswith("refs/") else f"refs/heads/{branch}"


def _values(found: Any) -> list[Any]:
    values = found.get("value") if isinstance(found, dict) else None
    return values if isinstance(values, list) else []


def _names(identity: dict[str, Any]) -> set[str]:
    """The names a person might configure for an identity: account (unique name), e-mail, display name."""
    names = {str(identity.get("providerDisplayName", "")).lower()}
    properties = identity.get("properties")
    if isinstance(properties, dict):
        for key in ("Account", "Mail"):
            value = properties.get(key)
            if isinstance(value, dict):
                names.add(str(value.get("$value", "")).lower())
    return names


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _answer(response: httpx.Response) -> str:
    """`409 Conflict (TF401179: ...)`: the status and Azure DevOps' own message, on one line."""
    head = f"{response.status_code} {response.reason_phrase}".strip()
    if 300 <= response.status_code < 400:
        where = urlsplit(response.headers.get("location", "")).hostname or "elsewhere"
        return f"{head} (a redirect to {where}, not followed: check api_url and the token)"
    message = ""
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict):
        message = str(body.get("message") or body.get("Message") or "")
    elif response.status_code in (401, 403):
        message = "check the token and its scopes"
    message = " ".join(message.split())
    if len(message) > 300:
        message = message[:297] + "..."
    wait = response.headers.get("Retry-After")
    if response.status_code == 429 and wait:
        message = f"{message}; " if message else ""
        message += f"Retry-After {' '.join(wait.split())[:40]}"
    return f"{head} ({message})" if message else head


if TYPE_CHECKING:

    def _is_a_forge(client: AzureDevOps) -> Forge:  # mypy holds the class to the Forge protocol
        return client
