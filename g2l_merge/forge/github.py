"""GitHub and GitHub Enterprise Server through PyGithub: the pull request a sync opens into Databricks.

Every URL is built from the configured `api_url` (`https://api.github.com`, or `https://HOST/api/v3` for
GitHub Enterprise); no URL from an answer is ever requested, and PyGithub follows no redirect to another
host, so the token only ever reaches that host. Objects are lazy: the client never fetches the repository
or a pull request it does not need, one request per operation (a draft change adds one GraphQL mutation).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urlsplit

import requests
import urllib3.exceptions
from github import Auth, Github, GithubException, GithubRetry
from github.PullRequest import PullRequest as GhPull

from g2l_merge import __version__
from g2l_merge.errors import G2lError
from g2l_merge.forge import PrContent, PrState, PullRequest

if TYPE_CHECKING:
    from urllib3.response import BaseHTTPResponse

DEFAULT_API_URL = "https://api.github.com"
# GitHub's REST docs give no number; the API's own validation answer is
# "body is too long (maximum is 65536 characters)" for pull request bodies and comments alike
BODY_LIMIT = 65536
PAGE = 50  # recent(): one page of the newest pull requests
RETRY_STATUSES = [429, *range(500, 600)]  # GithubRetry adds 403, which GitHub uses for rate limits
RETRY_AFTER_MAX = 120  # seconds: a longer Retry-After is cut to this, then the next answer decides


class _Retry(GithubRetry):
    """PyGithub's retry (429, 5xx, rate-limited 403; Retry-After respected) with its waits through `pause`, so
    tests do not sleep."""

    def __init__(self, *, pause: Callable[[float], None] = time.sleep, **kwargs: Any) -> None:
        self.pause = pause
        super().__init__(**kwargs)

    def new(self, **kw: Any) -> Self:
        kw["pause"] = self.pause
        return super().new(**kw)

    def sleep_for_retry(self, response: BaseHTTPResponse) -> bool:
        wait = self.get_retry_after(response)
        if wait:
            self.pause(min(wait, RETRY_AFTER_MAX))
            return True
        return False

    def _sleep_backoff(self) -> None:
        wait = self.get_backoff_time()
        if wait > 0:
            self.pause(wait)


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _answer(error: GithubException) -> str:
    """The forge's own words: `422 Validation Failed (A pull request already exists for acme:g2l/x.)`."""
    data = error.data
    if isinstance(data, dict):
        message = str(data.get("message") or "")
        details = []
        for item in data.get("errors") or ():
            if isinstance(item, dict):
                details.append(str(item.get("message") or " ".join(str(item.get(k, "")) for k in ("field", "code"))))
            else:
                details.append(str(item))
        if not message:  # a GraphQL answer: no message, only errors (PyGithub reports it as a 400)
            return _one_line("GraphQL error: " + "; ".join(details)) if details else str(error.status)
        detail = f" ({'; '.join(d for d in details if d.strip())})" if any(d.strip() for d in details) else ""
        return _one_line(f"{error.status} {message}{detail}")
    if isinstance(data, str) and data.strip():
        return _one_line(f"{error.status} {data}")
    return str(error.status)


def _timed_out(error: requests.RequestException) -> bool:
    if isinstance(error, requests.Timeout):
        return True
    reason = getattr(error.args[0], "reason", None) if error.args else None  # what urllib3 gave up on
    if isinstance(reason, urllib3.exceptions.NewConnectionError):  # a ConnectTimeoutError subclass, yet a refusal
        return False
    return isinstance(reason, urllib3.exceptions.TimeoutError)


class GitHub:
    """Pull requests on github.com or a GitHub Enterprise Server, for `repository` (`owner/name`)."""

    name = "github"
    body_limit = BODY_LIMIT

    def __init__(
        self,
        repository: str,
        token: str,
        *,
        api_url: str = DEFAULT_API_URL,
        timeout: int = 30,
        attempts: int = 4,
        backoff: float = 1.0,
        pause: Callable[[float], None] = time.sleep,
        write_spacing: float = 1.0,
    ) -> None:
        """`api_url` is the REST root (GitHub Enterprise: `https://HOST/api/v3`; GraphQL is then
        `https://HOST/api/graphql`). `attempts` counts the first try; the first retry is immediate, later ones
        wait 2, 4, ... times `backoff` seconds, or what Retry-After asks up to two minutes, through `pause`.
        `write_spacing` keeps writes a second apart, as GitHub asks of integrations."""
        owner, _, repo = repository.strip().partition("/")
        if not owner or not repo or "/" in repo:
            raise G2lError(f"GitHub: the repository must be OWNER/NAME, not {repository!r}")
        if not token:
            raise G2lError("GitHub: no token was given")
        url = urlsplit(api_url.rstrip("/"))
        if url.scheme not in ("https", "http") or not url.hostname:
            raise G2lError(f"GitHub: the API URL must be https://HOST[/api/v3], not {api_url!r}")
        self.repository = f"{owner}/{repo}"
        self.owner = owner
        self.api_url = api_url.rstrip("/")
        self.host = url.hostname + (f":{url.port}" if url.port else "")  # never user:password@
        self._timeout = timeout
        self._token = token  # only to blank it out of a message, should a host echo it
        retry = _Retry(
            pause=pause,
            total=max(attempts - 1, 0),
            backoff_factor=backoff,
            status_forcelist=list(RETRY_STATUSES),
            allowed_methods=frozenset({"GET", "POST", "PATCH"}),
            raise_on_status=False,  # the last answer reaches PyGithub, so the error quotes GitHub's words
            max_rate_limit_wait=RETRY_AFTER_MAX,
        )
        self._github = Github(
            auth=Auth.Token(token),
            base_url=self.api_url,
            timeout=timeout,
            user_agent=f"g2l-merge/{__version__}",
            per_page=PAGE,
            retry=retry,
            seconds_between_requests=None,
            seconds_between_writes=write_spacing or None,
            lazy=True,
        )
        self._repo = self._github.get_repo(self.repository)  # lazy: no request

    def __repr__(self) -> str:
        return f"GitHub(repository={self.repository!r}, api_url={self.api_url!r})"

    @contextmanager
    def _calling(self, doing: str) -> Iterator[None]:
        """Turn whatever goes wrong talking to GitHub into one line naming the operation and GitHub's answer."""
        try:
            yield
        except GithubException as error:
            answer = _answer(error).replace(self._token, "[token]")
            raise G2lError(f"GitHub: {doing} failed: {answer}") from None
        except requests.RequestException as error:
            if _timed_out(error):
                problem = f"{self.host} did not answer within {self._timeout} s"
            else:
                problem = f"could not connect to {self.host}"
            raise G2lError(f"GitHub: {doing} failed: {problem}") from None
        except RuntimeError:  # PyGithub refusing a redirect to another host or scheme
            problem = f"{self.host} redirected the request elsewhere, which is not followed (check the API URL)"
            raise G2lError(f"GitHub: {doing} failed: {problem}") from None
        except (KeyError, TypeError):  # a 2xx whose JSON lacks what the API describes
            raise G2lError(f"GitHub: {doing} failed: {self.host} answered something other than GitHub's API") from None

    def _check_length(self, what: str, text: str) -> None:
        if len(text) > BODY_LIMIT:
            raise G2lError(f"GitHub: the {what} is {len(text)} characters; GitHub accepts at most {BODY_LIMIT}")

    def _pull(self, pull: GhPull) -> PullRequest:
        state: PrState = "open" if pull.state == "open" else "merged" if pull.merged_at is not None else "closed"
        return PullRequest(pull.number, pull.html_url, state, pull.head.ref, bool(pull.draft), pull.title)

    def _ours(self, pull: GhPull) -> bool:
        """The head branch lives in this repository's owner (a fork's branch of the same name is not ours)."""
        owner, _, _ = (pull.head.label or "").partition(":")
        return owner.lower() == self.owner.lower()

    def recent(self, base: str, head_prefix: str) -> list[PullRequest]:
        with self._calling(f"listing the pull requests into {base}"):
            pulls = self._repo.get_pulls(state="all", sort="created", direction="desc", base=base).get_page(0)
            found = [self._pull(pull) for pull in pulls if self._ours(pull)]
        return [pr for pr in found if pr.head.startswith(head_prefix)]

    def find_open(self, head: str, base: str) -> PullRequest | None:
        with self._calling(f"looking for an open pull request {head} -> {base}"):
            pulls = self._repo.get_pulls(state="open", head=f"{self.owner}:{head}", base=base).get_page(0)
            return self._pull(pulls[0]) if pulls else None

    def create(self, head: str, base: str, content: PrContent) -> PullRequest:
        self._check_length("pull request body", content.body)
        with self._calling(f"creating the pull request {head} -> {base}"):
            pull = self._repo.create_pull(
                base=base, head=head, title=content.title, body=content.body, draft=content.draft
            )
            return self._pull(pull)

    def update(self, pr: PullRequest, content: PrContent) -> PullRequest:
        self._check_length("pull request body", content.body)
        pull = self._repo.get_pull(pr.number)  # lazy: no request
        with self._calling(f"updating pull request #{pr.number}"):
            pull.edit(title=content.title, body=content.body)  # the answer carries draft and node_id
        if bool(pull.draft) != content.draft:
            doing = "marking pull request #{} as {}".format(pr.number, "a draft" if content.draft else "ready")
            with self._calling(doing):  # REST cannot change it: GraphQL only, by the node id
                if content.draft:
                    pull.convert_to_draft()
                else:
                    pull.mark_ready_for_review()
        return self._pull(pull)._replace(draft=content.draft)

    def add_labels(self, pr: PullRequest, labels: tuple[str, ...]) -> None:
        if not labels:
            return
        with self._calling(f"labelling pull request #{pr.number}"):
            # the documented {"labels": [...]} form; PyGithub's add_to_labels sends a bare list
            self._github.requester.requestJsonAndCheck(
                "POST", f"{self._repo.url}/issues/{pr.number}/labels", input={"labels": list(labels)}
            )

    def request_reviewers(self, pr: PullRequest, reviewers: tuple[str, ...]) -> None:
        if not reviewers:
            return
        with self._calling(f"requesting reviewers on pull request #{pr.number}"):
            self._repo.get_pull(pr.number).create_review_request(reviewers=list(reviewers))

    def comment(self, pr: PullRequest, text: str) -> None:
        self._check_length("comment", text)
        with self._calling(f"commenting on pull request #{pr.number}"):
            self._repo.get_issue(pr.number).create_comment(text)
