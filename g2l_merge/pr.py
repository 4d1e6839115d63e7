"""`sync --pr`: one weekly sync as one pull request. Make the sync branch, push it, open the pull request or
update the one still open, and never rewrite a commit someone else pushed to it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import NamedTuple

from g2l_merge import git, markdown, mirror
from g2l_merge.config import Config, PrConfig, ref_name_problem
from g2l_merge.errors import G2lError, refused
from g2l_merge.forge import Forge, PrContent, PullRequest
from g2l_merge.report import PullRequestInfo, SyncReport
from g2l_merge.sync import SyncOptions, earlier_sync_of, glue_head, preview, sync
from g2l_merge.target import head_config

TOKEN_VARIABLES = {"github": "GITHUB_TOKEN", "gitlab": "GITLAB_TOKEN", "azure": "AZURE_DEVOPS_TOKEN"}


class Remote(NamedTuple):
    forge: str  # github | gitlab | azure | none
    repository: str | None
    api_url: str | None


def detect(url: str | None) -> Remote:
    """The forge, repository path and API of a remote URL (https, ssh or scp-like); none for other hosts."""
    if url is None:
        return Remote("none", None, None)
    match = re.match(r"^(?:[a-z+]+://)?(?:[^@/]+@)?([^:/]+)(?::\d+)?[:/](.+?)(?:\.git)?/?$", url)
    if match is None:
        return Remote("none", None, None)
    host, path = match.group(1).lower(), match.group(2)
    if host == "github.com":
        return Remote("github", path, "https://api.github.com")
    if host == "gitlab.com":
        return Remote("gitlab", path, "https://gitlab.com")
    azure = _azure_path(host, path)
    if azure is not None:
        return Remote("azure", azure, "https://dev.azure.com")
    return Remote("none", None, None)


def _azure_path(host: str, path: str) -> str | None:
    """org/project/repo from dev.azure.com, ssh.dev.azure.com (v3/...) and ORG.visualstudio.com URLs."""
    parts = path.split("/")
    if host == "dev.azure.com" and len(parts) == 4 and parts[2] == "_git":
        return f"{parts[0]}/{parts[1]}/{parts[3]}"
    if host == "ssh.dev.azure.com" and len(parts) == 4 and parts[0] == "v3":
        return "/".join(parts[1:])
    if host.endswith(".visualstudio.com") and len(parts) == 3 and parts[1] == "_git":
        return f"{host.split('.')[0]}/{parts[0]}/{parts[2]}"
    return None


def resolve(pr: PrConfig, url: str | None) -> Remote:
    """What g2l.toml says, and the remote URL where it says nothing; repository and api_url always win."""
    found = detect(url)
    forge = found.forge if pr.forge == "auto" else pr.forge
    if forge == "none":
        return Remote("none", None, None)
    detected = found if found.forge == forge else Remote(forge, None, None)
    repository = pr.repository or detected.repository
    if repository is None:
        raise G2lError(f"g2l.toml: [pr] repository is not set and the URL of remote {pr.remote!r} does not name one")
    api_url = pr.api_url or detected.api_url or _DEFAULT_API[forge]
    return Remote(forge, repository, api_url.rstrip("/"))


_DEFAULT_API = {"github": "https://api.github.com", "gitlab": "https://gitlab.com", "azure": "https://dev.azure.com"}


def connect(remote: Remote, environ: Mapping[str, str]) -> Forge | None:
    """The forge client, with its token from the environment; None for forge none."""
    if remote.forge == "none" or remote.repository is None or remote.api_url is None:
        return None
    if remote.forge == "azure":
        from g2l_merge.forge.azure import AzureDevOps, credentials

        found = credentials(environ)  # a PAT, or the pipeline's own SYSTEM_ACCESSTOKEN
        if found is None:
            raise G2lError(
                "[pr] forge azure: set AZURE_DEVOPS_TOKEN to a token that may push and open pull requests "
                "(or pass a pipeline's SYSTEM_ACCESSTOKEN)"
            )
        return AzureDevOps(remote.repository, found[0], remote.api_url, scheme=found[1])
    variable = TOKEN_VARIABLES[remote.forge]
    token = environ.get(variable, "")
    if not token:
        raise G2lError(f"[pr] forge {remote.forge}: set {variable} to a token that may push and open pull requests")
    if remote.forge == "github":
        from g2l_merge.forge.github import GitHub

        return GitHub(remote.repository, token, api_url=remote.api_url)
    from g2l_merge.forge.gitlab import GitLabForge

    return GitLabForge(remote.repository, token, api_url=remote.api_url)


class Plan(NamedTuple):
    """Where this week's sync goes: its branch, the commit it merges onto, and the pull request it updates."""

    branch: str
    onto: str | None  # the remote branch's tip when the branch is already there
    open_pr: PullRequest | None
    superseded: PullRequest | None  # the newest sync PR, closed without merging
    mirror_branch: str
    remote_mirror: str | None  # where the remote's mirror branch is (the push moves it along with the branch)


def sync_pr(repo: git.Repo, options: SyncOptions, environ: Mapping[str, str]) -> SyncReport:
    """One sync as a pull request (see the module docstring); a rerun after a failure finishes the job."""
    config = head_config(repo)
    url = git.remote_url(repo, config.pr.remote)
    remote = resolve(config.pr, url)
    forge = connect(remote, environ)  # before anything is written: a missing token changes nothing
    glue = glue_head(repo, config, options)
    fresh = options.branch or _branch_name(config.pr, glue)
    plan = _plan(repo, config, forge, fresh, url, align=not options.dry_run)
    report = sync(repo, options._replace(branch=plan.branch, onto=plan.onto, glue_commit=glue))
    if options.dry_run or (report.status == "up-to-date" and plan.onto is None):
        return report
    body_report = report if plan.onto is None else replace(preview(repo, options), merge_commit=report.merge_commit)
    pushed = _push(repo, config.pr.remote, plan, url)
    title = markdown.title(body_report)
    body = markdown.body(body_report, plan.branch, config.pr.remote)
    info = PullRequestInfo(
        plan.branch,
        config.pr.remote,
        pushed,
        remote.forge,
        "pushed" if pushed else "not pushed",
        title=title,
        body=body,
    )
    if forge is not None:
        merged_new = report.status != "up-to-date"
        try:
            info = _open_or_update(repo, forge, config.pr, config.target.branch, plan, body_report, info, merged_new)
        except G2lError as error:  # the merge and the push are done: say what is left and how to finish it
            where = f"pushed to {config.pr.remote}" if pushed else "kept here"
            raise G2lError(
                f"{error.message}; branch {plan.branch} is {where}: rerun `git g2l-sync sync --pr` to finish"
            ) from None
    target = config.target.branch
    held = f"branch {plan.branch} already holds this sync; {target} gets it when the pull request is merged"
    notes = report.notes + ((held,) if report.status == "up-to-date" else ()) + _notes(info, url)
    return replace(report, pull_request=info, notes=notes)


def _branch_name(pr: PrConfig, glue: str) -> str:
    return f"{pr.branch_prefix}{glue[:7]}"


def _plan(repo: git.Repo, config: Config, forge: Forge | None, fresh: str, url: str | None, *, align: bool) -> Plan:
    pr, mirror_branch = config.pr, config.target.mirror_branch
    recent = forge.recent(config.target.branch, pr.branch_prefix) if forge is not None else []
    open_pr = next((p for p in recent if p.state == "open"), None)
    superseded = recent[0] if recent and open_pr is None and recent[0].state == "closed" else None
    branch = open_pr.head if open_pr is not None else fresh
    problem = ref_name_problem(branch, branch=True)
    if problem:  # the forge names it: a branch someone else made must not reach git as an option or a path
        raise G2lError(f"the open sync pull request's branch {branch!r} is not a valid branch name: {problem}")
    tips = git.remote_branches(repo, pr.remote, (branch, mirror_branch)) if url is not None else {}
    onto, remote_mirror = tips.get(branch), tips.get(mirror_branch)
    if align:
        if onto is not None:
            _align_local(repo, branch, onto)
        if remote_mirror is not None:
            _align_mirror(repo, mirror_branch, remote_mirror)
    return Plan(branch, onto, open_pr, superseded, mirror_branch, remote_mirror)


def _align_local(repo: git.Repo, branch: str, remote_tip: str) -> None:
    """The local sync branch follows the remote's: kept when it is the remote's tip plus one g2l merge (an
    earlier run that could not push), moved when it is behind, refused when the two went separate ways."""
    ref = f"refs/heads/{branch}"
    local = git.ref_value(repo, ref)
    if local == remote_tip:
        return
    if local is None:
        git.update_refs(repo, [git.RefUpdate(ref, remote_tip, git.NULL_SHA)], "g2l-sync --pr: follow the remote")
        return
    if earlier_sync_of(repo, local, remote_tip):
        return
    if git.is_ancestor(repo, local, remote_tip):
        git.update_refs(repo, [git.RefUpdate(ref, remote_tip, local)], "g2l-sync --pr: follow the remote")
        return
    raise refused(
        f"branch {branch} here and on the remote went separate ways; push or drop the local commits "
        f"(`git branch -f {branch} <remote>/{branch}`), then rerun"
    )


def _align_mirror(repo: git.Repo, mirror_branch: str, remote_tip: str) -> None:
    """The mirror branch is shared through the remote (a CI clone starts without it): follow the remote's
    when it is ahead; keep ours when ours is ahead (pushed with the sync branch)."""
    ref = f"refs/heads/{mirror_branch}"
    local = git.ref_value(repo, ref)
    if local == remote_tip or (local is not None and git.is_ancestor(repo, remote_tip, local)):
        return
    if local is not None and not git.is_ancestor(repo, local, remote_tip):
        raise refused(
            f"branch {mirror_branch} here and on the remote went separate ways; it is g2l-merge's own branch: "
            f"reset it to the remote's (`git branch -f {mirror_branch} <remote>/{mirror_branch}`) and rerun"
        )
    git.update_refs(repo, [git.RefUpdate(ref, remote_tip, local or git.NULL_SHA)], "g2l-sync --pr: follow the remote")


def _push(repo: git.Repo, remote: str, plan: Plan, url: str | None) -> bool:
    """Push the sync branch and the mirror branch together, each only from where the remote had it."""
    if url is None:
        return False
    expected = {plan.branch: plan.onto, plan.mirror_branch: plan.remote_mirror}
    moved = {name: old for name, old in expected.items() if git.ref_value(repo, f"refs/heads/{name}") != old}
    if moved:
        git.push_branches(repo, remote, moved)
    return True


def _open_or_update(
    repo: git.Repo,
    forge: Forge,
    pr: PrConfig,
    base: str,
    plan: Plan,
    report: SyncReport,
    info: PullRequestInfo,
    merged_new: bool,
) -> PullRequestInfo:
    pages = markdown.paginate(report, plan.branch, pr.remote, forge.body_limit)
    if plan.superseded is not None:
        pages[0] = (
            f"Supersedes #{plan.superseded.number} ({plan.superseded.url}), closed without merging.\n\n" + pages[0]
        )
    content = PrContent(info.title, pages[0], draft=bool(report.conflicts))
    existing = plan.open_pr or forge.find_open(plan.branch, base)
    if existing is None:
        opened = forge.create(plan.branch, base, content)
        if pr.labels:
            forge.add_labels(opened, pr.labels)
        if pr.reviewers:
            forge.request_reviewers(opened, pr.reviewers)
        action = "created"
    else:
        opened = forge.update(existing, content)
        action = "updated"
        if merged_new and plan.onto is not None and not _made_by_g2l(repo, plan.onto):
            forge.comment(opened, _merged_on_top(report))
    for page in pages[1:]:
        forge.comment(opened, page)
    return replace(info, action=action, url=opened.url, number=opened.number, draft=content.draft)


def _made_by_g2l(repo: git.Repo, commit: str) -> bool:
    return f"{mirror.SYNC_TRAILER}:" in git.read_commit(repo, commit).message


def _merged_on_top(report: SyncReport) -> str:
    return (
        f"Glue {report.glue_commit[:12]} is merged on top of the commits pushed to this branch; nothing of them "
        "was rewritten. The description now covers everything this pull request brings."
    )


def _notes(info: PullRequestInfo, url: str | None) -> tuple[str, ...]:
    if url is None:
        return (f"no remote {info.remote!r}: branch {info.branch} was made here and not pushed",)
    if info.forge == "none":
        return (f"[pr] forge is none: open the pull request from {info.branch} by hand (its body is in --report)",)
    return ()
