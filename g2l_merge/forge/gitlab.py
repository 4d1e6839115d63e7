"""GitLab merge requests, on gitlab.com or a self-managed server, through python-gitlab.

The token is a personal, project or group access token with the `api` scope, sent as the PRIVATE-TOKEN header
(a CI job token cannot open merge requests). The project is addressed by its path (`group/subgroup/project`),
which python-gitlab URL-encodes as the `:id` of every path; it is never fetched itself (a lazy project).

Two things python-gitlab would do on its own are done here instead, in `_Session`:
- redirects are never followed: requests forwards custom headers such as PRIVATE-TOKEN to whatever host a
  redirect names, so a redirect becomes an error that names where it pointed;
- retries (429, 5xx, a failed connection) wait for `Retry-After` when the server gives one (seconds or an HTTP
  date, up to a minute), else a doubling backoff; the sleep and the backoff base are constructor arguments, so
  tests wait for nothing. python-gitlab's own retry loop sleeps a fixed 0.1 s base through `time.sleep`, retries
  ten times by default and reads `Retry-After` as an integer only.

GitLab spells a draft as a `Draft:` title prefix; a `PullRequest.title` here is the title without it (the `draft`
field carries the state), so titles read the same on every forge.
"""

from __future__ import annotations

import email.utils
import http
import json
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import gitlab
import requests
import urllib3
from gitlab.v4.objects import ProjectMergeRequestManager

from g2l_merge.errors import G2lError
from g2l_merge.forge import PrContent, PrState, PullRequest

GITLAB_COM = "https://gitlab.com"
# GitLab's merge request API documents `description` as "Limited to 1,048,576 characters" (1 MiB, the
# DESCRIPTION_LENGTH_MAX of every issuable).
BODY_LIMIT = 1_048_576
PAGE = 50
LONGEST_WAIT = 60.0  # a Retry-After beyond this is not waited for: the error is reported instead

_STATES: dict[str, PrState] = {"opened": "open", "locked": "open", "merged": "merged", "closed": "closed"}
_DRAFT_PREFIX = re.compile(r"^\s*(?:\[draft\]|\(draft\)|draft:)\s*", re.IGNORECASE)
_QUOTE_MAX = 300


class _Redirected(Exception):
    def __init__(self, status: int, location: str) -> None:
        super().__init__(status, location)
        self.status = status
        self.location = location


class _Session(requests.Session):
    """A requests session that never follows a redirect and retries 429, 5xx and failed connections."""

    def __init__(self, attempts: int, backoff: float, sleep: Callable[[float], None]) -> None:
        super().__init__()
        self.attempts = max(1, attempts)
        self.backoff = backoff
        self.sleep = sleep

    def request(self, method: str, url: str | bytes, *args: Any, **kwargs: Any) -> requests.Response:
        kwargs["allow_redirects"] = False
        attempt = 1
        while True:
            try:
                response = super().request(method, url, *args, **kwargs)
            except (requests.ConnectionError, requests.Timeout) as error:
                if attempt >= self.attempts or not _may_send_again(method, error):
                    raise
                self.sleep(self.backoff * 2.0 ** (attempt - 1))
                attempt += 1
                continue
            if 300 <= response.status_code < 400:
                raise _Redirected(response.status_code, response.headers.get("Location", ""))
            wait = self._wait(response, attempt)
            if wait is None:
                return response
            response.close()
            self.sleep(wait)
            attempt += 1

    def _wait(self, response: requests.Response, attempt: int) -> float | None:
        """How long to wait before sending again, or None to hand this answer back."""
        if attempt >= self.attempts or not (response.status_code == 429 or response.status_code >= 500):
            return None
        told = _retry_after(response.headers.get("Retry-After"))
        if told is None:
            return self.backoff * 2.0 ** (attempt - 1)
        return told if told <= LONGEST_WAIT else None


def _may_send_again(method: str, error: Exception) -> bool:
    """A POST is sent again only if it never left: one that timed out or lost its answer may have been done, and
    sending it again could post a second comment."""
    if method.upper() != "POST" or isinstance(error, requests.ConnectTimeout):
        return True
    reason = getattr(error.args[0], "reason", None) if error.args else None
    return isinstance(reason, urllib3.exceptions.NewConnectionError)  # refused, or no such host


def _retry_after(value: str | None) -> float | None:
    if not value or not value.strip():
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class _Gitlab(gitlab.Gitlab):
    """python-gitlab with its own retry loop off: `_Session` retries."""

    def http_request(self, verb: str, path: str, *args: Any, **kwargs: Any) -> requests.Response:
        kwargs["obey_rate_limit"] = False
        kwargs["retry_transient_errors"] = False
        return super().http_request(verb, path, *args, **kwargs)


class GitLabForge:
    """Merge requests of one GitLab project, e.g. `GitLabForge("glue-team/databricks/jobs", token)`.

    `api_url` is the server's address (`https://gitlab.example.com`, a trailing `/api/v4` is accepted); None means
    gitlab.com. `attempts` counts every try of one request; `backoff` is the first wait in seconds, doubled after
    each further failure.
    """

    name = "gitlab"
    body_limit = BODY_LIMIT

    def __init__(
        self,
        repository: str,
        token: str,
        api_url: str | None = None,
        *,
        timeout: float = 30.0,
        attempts: int = 4,
        backoff: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        base = _base_url(api_url)
        self.repository = repository.strip().strip("/")
        if not self.repository:
            raise G2lError("GitLab: no project given; name it by its path, e.g. group/subgroup/project")
        if not token.strip():
            raise G2lError("GitLab: the token is empty; give a personal, project or group access token (api scope)")
        self.host = urlsplit(base).netloc
        self.timeout = timeout
        self._token = token
        session = _Session(attempts, backoff, sleep)
        self._gl = _Gitlab(base, private_token=token, timeout=timeout, session=session)
        self._mrs: ProjectMergeRequestManager = self._gl.projects.get(self.repository, lazy=True).mergerequests

    def __repr__(self) -> str:
        return f"GitLabForge(repository={self.repository!r}, host={self.host!r})"

    def recent(self, base: str, head_prefix: str) -> list[PullRequest]:
        with self._calling(f"listing the merge requests into {base}"):
            found = self._mrs.list(target_branch=base, order_by="created_at", sort="desc", per_page=PAGE, get_all=False)
        own = [mr.attributes for mr in found if _from_this_project(mr.attributes)]
        return [pr for pr in map(self._pull_request, own) if pr.head.startswith(head_prefix)]

    def find_open(self, head: str, base: str) -> PullRequest | None:
        with self._calling(f"looking for an open merge request {head} -> {base}"):
            found = self._mrs.list(state="opened", source_branch=head, target_branch=base, get_all=False)
        own = [mr.attributes for mr in found if _from_this_project(mr.attributes)]
        return self._pull_request(own[0]) if own else None

    def create(self, head: str, base: str, content: PrContent) -> PullRequest:
        data = {"source_branch": head, "target_branch": base, "title": _titled(content), "description": content.body}
        with self._calling(f"creating the merge request {head} -> {base}"):
            made = self._mrs.create(data)
        return self._pull_request(made.attributes)

    def update(self, pr: PullRequest, content: PrContent) -> PullRequest:
        with self._calling(f"updating merge request !{pr.number}"):
            answer = self._mrs.update(pr.number, {"title": _titled(content), "description": content.body})
        return self._pull_request(answer)

    def add_labels(self, pr: PullRequest, labels: tuple[str, ...]) -> None:
        if not labels:
            return
        with self._calling(f"adding labels to merge request !{pr.number}"):
            self._mrs.update(pr.number, {"add_labels": ",".join(labels)})

    def request_reviewers(self, pr: PullRequest, reviewers: tuple[str, ...]) -> None:
        """Adds the users to the reviewers already there (GitLab's `reviewer_ids` replaces the whole list)."""
        if not reviewers:
            return
        wanted = [self._user_id(name) for name in reviewers]
        with self._calling(f"reading merge request !{pr.number}"):
            present = self._mrs.get(pr.number).attributes.get("reviewers") or []
        had = [int(user["id"]) for user in present]
        ids = list(dict.fromkeys([*had, *wanted]))
        if ids == had:
            return
        with self._calling(f"requesting reviewers on merge request !{pr.number}"):
            self._mrs.update(pr.number, {"reviewer_ids": ids})

    def comment(self, pr: PullRequest, text: str) -> None:
        with self._calling(f"commenting on merge request !{pr.number}"):
            self._mrs.get(pr.number, lazy=True).notes.create({"body": text})

    def _user_id(self, username: str) -> int:
        name = username.strip().removeprefix("@")
        with self._calling(f"looking up the user {name}"):
            users = self._gl.users.list(username=name, get_all=False)
        if not users:
            raise G2lError(f"GitLab: there is no user {name!r} on {self.host} to ask for a review")
        return int(users[0].attributes["id"])

    def _pull_request(self, mr: object) -> PullRequest:
        if not isinstance(mr, dict):
            raise G2lError(f"GitLab: {self.host} answered with something that is not a merge request (not JSON)")
        try:
            state = _STATES.get(str(mr["state"]))
            draft = bool(mr.get("draft", mr.get("work_in_progress", False)))
            title = str(mr["title"])
            number, url, head = int(mr["iid"]), str(mr["web_url"]), str(mr["source_branch"])
        except (KeyError, TypeError, ValueError) as missing:
            raise G2lError(f"GitLab: {self.host} answered with a merge request lacking {missing}") from None
        if state is None:
            raise G2lError(f"GitLab: merge request !{number} is in a state g2l-merge does not know: {mr['state']!r}")
        if draft:
            title = _DRAFT_PREFIX.sub("", title, count=1)
        return PullRequest(number=number, url=url, state=state, head=head, draft=draft, title=title)

    @contextmanager
    def _calling(self, doing: str) -> Iterator[None]:
        """Turns whatever python-gitlab or requests raise into one line that quotes GitLab and hides the token."""
        try:
            yield
        except gitlab.GitlabError as error:
            raise self._error(doing, _quoted(error)) from None
        except _Redirected as moved:
            said = f"{moved.status} redirect to {moved.location or '(no Location)'}, not followed"
            raise self._error(doing, f"{said}; set api_url to the server's own address") from None
        except requests.Timeout:
            raise self._error(doing, f"{self.host} did not answer within {self.timeout:g} s") from None
        except requests.ConnectionError as error:
            raise self._error(doing, f"cannot connect to {self.host} ({_reason(error)})") from None
        except requests.RequestException as error:
            raise self._error(doing, f"request to {self.host} failed ({type(error).__name__})") from None

    def _error(self, doing: str, what: str) -> G2lError:
        message = _one_line(f"GitLab: {doing} in {self.repository} failed: {what}")
        return G2lError(message.replace(self._token, "***"))


def _base_url(api_url: str | None) -> str:
    url = (api_url or GITLAB_COM).strip().rstrip("/").removesuffix("/api/v4")
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname or parts.username or parts.query or parts.fragment:
        raise G2lError(f"GitLab: api_url {api_url!r} is not a server address such as https://gitlab.example.com")
    return url


def _titled(content: PrContent) -> str:
    title = _DRAFT_PREFIX.sub("", content.title, count=1)
    return f"Draft: {title}" if content.draft else title


def _from_this_project(mr: dict[str, Any]) -> bool:
    """Merge requests from forks share branch names with ours; only the project's own are the sync's."""
    return mr.get("source_project_id") == mr.get("target_project_id")


def _quoted(error: gitlab.GitlabError) -> str:
    """`409 Conflict (Another open merge request already exists ...)`: GitLab's status and its own words."""
    code = error.response_code
    if code is None:
        return f"the answer was not GitLab's JSON ({error.error_message})"  # e.g. a proxy's sign-in page
    try:
        status = f"{code} {http.HTTPStatus(code).phrase}"
    except ValueError:
        status = str(code)
    said = _said(error.response_body)
    return f"{status} ({said})" if said and said != status else status


def _said(body: bytes | None) -> str:
    if not body:
        return ""
    text = body.decode("utf-8", "replace").strip()
    try:
        data = json.loads(text)
    except ValueError:
        return "" if text.startswith("<") else _clip(text)  # an HTML error page says nothing useful on one line
    if isinstance(data, dict):
        for key in ("message", "error_description", "error"):
            if key in data:
                return _clip(_flatten(data[key]))
    return _clip(_flatten(data))


def _flatten(value: object) -> str:
    """GitLab's message is a string, a list of strings, or {field: [problems]} for a validation failure."""
    if isinstance(value, list):
        return "; ".join(_flatten(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key} {_flatten(item)}" for key, item in value.items())
    return str(value)


def _clip(text: str) -> str:
    line = _one_line(text)
    return line if len(line) <= _QUOTE_MAX else line[: _QUOTE_MAX - 3] + "..."


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _reason(error: requests.ConnectionError) -> str:
    text = str(error).lower()
    if "refused" in text:
        return "connection refused"
    if "name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
        return "unknown host"
    if isinstance(error, requests.exceptions.SSLError):
        return "TLS error"
    return "connection failed"
