"""Pull requests on a forge (GitHub, GitLab, Azure DevOps): one small interface, one module per forge.

Every client takes its token as a value read from the environment by `pr.py`, sends it only to the configured
host, and never puts it into a message: a forge's error becomes a G2lError that quotes the forge's own words
(status and message) and nothing of the request.
"""

from __future__ import annotations

from typing import Literal, NamedTuple, Protocol

PrState = Literal["open", "merged", "closed"]


class PullRequest(NamedTuple):
    number: int  # GitHub's number, GitLab's iid, Azure DevOps' pullRequestId
    url: str  # the page a person opens
    state: PrState
    head: str  # the source branch, without refs/heads/
    draft: bool
    title: str


class PrContent(NamedTuple):
    title: str
    body: str
    draft: bool


class Forge(Protocol):
    """What a sync needs from a forge. Branch names are short (`g2l/sync-a1b2c3d`), never `refs/heads/...`."""

    name: str  # github | gitlab | azure
    body_limit: int  # the longest body the forge accepts, in characters

    def recent(self, base: str, head_prefix: str) -> list[PullRequest]:
        """The newest pull requests into `base` (one page of up to 50, any state), newest first, keeping those
        whose source branch starts with `head_prefix`."""
        ...

    def find_open(self, head: str, base: str) -> PullRequest | None:
        """The open pull request from `head` into `base`, looked up before creating one (never a duplicate)."""
        ...

    def create(self, head: str, base: str, content: PrContent) -> PullRequest: ...

    def update(self, pr: PullRequest, content: PrContent) -> PullRequest:
        """New title, body and draft state (GitLab spells draft as a `Draft:` title prefix)."""
        ...

    def add_labels(self, pr: PullRequest, labels: tuple[str, ...]) -> None: ...

    def request_reviewers(self, pr: PullRequest, reviewers: tuple[str, ...]) -> None: ...

    def comment(self, pr: PullRequest, text: str) -> None: ...
