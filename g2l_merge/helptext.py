"""The words `git g2l-sync -h` and the git-g2l-sync(1) man page share: one copy of each, so the two cannot drift.

cli.py puts SUMMARY, the workflow's short lines and the exit codes' short meanings into the help; manpage.py
writes every field into its sections. Plain text: `<...>` is a placeholder, as git writes it.
"""

from __future__ import annotations

from typing import NamedTuple

SUMMARY = "Keep a Databricks repository in step with an AWS Glue repository through real git merges."

DESCRIPTION = (
    "g2l-merge converts every commit of an AWS Glue PySpark repository to Databricks PySpark and commits the "
    "result, untouched, on a branch of the Databricks repository that only the tool writes: glue-mirror. That "
    "branch is merged into the team's branch with git's own three-way merge, so Glue changes arrive as merges, "
    "code only the Databricks team has stays, and edits both teams made to the same lines become ordinary git "
    "conflicts, resolved with the tools the team already uses.",
    "Files the Databricks team owns outright are marked native, and lines it must keep are wrapped in protected "
    "regions: a sync leaves them byte for byte and lists what Glue changed in them, or raises a conflict. There is "
    "no state file: what was synced, when and by which converter is read back from the mirror's commit trailers.",
)


class Step(NamedTuple):
    command: str
    short: str  # the line in `git g2l-sync -h`
    detail: str  # the rest, in the man page


WORKFLOW = (
    Step(
        "git g2l-sync init --glue <src>",
        "once: configure, convert, merge",
        "Writes and commits g2l.toml, converts the Glue head into the first glue-mirror commit and merges it "
        "(a repository migrated by hand joins with --adopt <glue-commit> instead). Then "
        "git g2l-sync install-hooks puts the pre-commit hook in place.",
    ),
    Step(
        "git g2l-sync sync",
        "every week: merge the Glue head",
        "Converts the new Glue head onto glue-mirror and merges it, like git merge: exit 0 when clean or "
        "already up to date. git g2l-sync sync --dry-run first says what would happen.",
    ),
    Step(
        "git mergetool; git commit",
        "on conflicts (exit 1), as in any merge",
        "The sync leaves git's normal merging state: git status lists the conflicts, git mergetool resolves "
        "them, git commit records the merge and git merge --abort undoes it.",
    ),
    Step(
        "git g2l-sync check",
        "before committing: markers intact",
        "Lints markers and leftover conflict markers; the pre-commit hook runs git g2l-sync check --staged, "
        "which also refuses a commit that breaks a protected region.",
    ),
    Step(
        "git push, or git g2l-sync sync --pr",
        "merge the PR with a merge commit",
        "Push the merge, or let sync --pr push a sync branch and open or update its pull request. Merge it with "
        "a merge commit, not squash or rebase: the next sync's merge base is the mirror commit it brought.",
    ),
)


class ExitCode(NamedTuple):
    code: int
    short: str  # the line in `git g2l-sync -h`
    detail: str  # the rest, in the man page


EXIT_STATUS = (
    ExitCode(0, "done", "Sync: clean, or already up to date."),
    ExitCode(
        1,
        "done, but a person is needed",
        "Sync: conflicts; check: findings; convert and verify: review items, or a job that failed.",
    ),
    ExitCode(
        2,
        "bad input or config, nothing changed",
        "One line names the file, line, ref or key, and the command to run next.",
    ),
    ExitCode(
        3,
        "refused for safety, nothing changed",
        "A dirty work tree, another sync holding the lock, a branch that moved underneath.",
    ),
)


class File(NamedTuple):
    path: str
    detail: str


FILES = (
    File(
        "g2l.toml",
        "At the top of the Databricks repository, on the team's branch; written and committed by init. Where the "
        "Glue code comes from ([source]), where converted files land ([target]), conversion settings ([convert]), "
        "native files ([protect]) and pull requests ([pr]).",
    ),
    File(
        ".git/hooks/pre-commit, .git/hooks/pre-merge-commit",
        "Written by install-hooks: run git g2l-sync check --staged before every commit and merge commit. A hook "
        "that was there is kept as <hook>.g2l-chained and runs first. With the pre-commit framework, use the "
        "g2l-check hook this repository offers instead.",
    ),
    File(
        ".git/config, .git/info/attributes",
        "init registers the merge driver (merge.g2l.driver) and selects it for every path (* merge=g2l), so a "
        "git merge glue-mirror made by hand follows the same rules; every other merge is git's own.",
    ),
    File(
        "refs/heads/glue-mirror",
        "The mirror branch: one commit per synced Glue commit, with G2l-Glue-Commit, G2l-Converter and G2l-Config "
        "trailers. Only g2l-merge commits to it; the pre-commit hook refuses commits made on it by hand.",
    ),
    File(
        "refs/g2l/glue, refs/g2l/glue-snapshots",
        "The Glue commit of the newest mirror commit, which keeps Glue's objects from git gc; and, for an S3 or "
        "folder source, the newest snapshot of it. Deleting them is harmless.",
    ),
    File(
        ".git/g2l-sync.lock, .git/g2l-sync-pending",
        "The lock that keeps syncs apart, and the journal of a sync under way, which the next sync finishes.",
    ),
)


class Example(NamedTuple):
    command: str
    detail: str


EXAMPLES = (
    Example(
        "git g2l-sync init --glue ../glue-risk-engine --include 'jobs/**/*.py' --include 'lib/**/*.py' "
        "--target-root risk_engine",
        "Mirror the Glue repository next door and merge its conversion into risk_engine/.",
    ),
    Example("git g2l-sync sync --dry-run", "What the next sync would bring; changes no ref and no file."),
    Example("git g2l-sync sync", "The weekly sync, into the current branch."),
    Example(
        "git g2l-sync sync --branch g2l/sync-2026-11-26 --json --report sync.json",
        "In CI: the merge commit on a new branch from the target tip, the work tree untouched, the report as JSON.",
    ),
    Example("git g2l-sync sync --pr", "Push a sync branch and open or update its pull request."),
    Example(
        "git g2l-sync protect risk_engine/jobs/exposures.py --lines 100-150 --name monitoring",
        "Keep lines 100 to 150 as they are in every sync (commit the markers it writes).",
    ),
    Example("git g2l-sync convert glue_job.py --diff", "Try the converter on one file, without git."),
)

SEE_ALSO = ("git-merge(1)", "git-mergetool(1)", "git-merge-tree(1)", "gitattributes(5)", "githooks(5)")


def help_epilog() -> str:
    """The end of `git g2l-sync -h`: the weekly workflow in short, the exit codes, where the manual is."""
    width = max(len(step.command) for step in WORKFLOW)
    steps = [f"  {step.command:<{width}}  {step.short}" for step in WORKFLOW]
    codes = "; ".join(f"{code.code} {code.short}" for code in EXIT_STATUS)
    return "\n".join(
        [
            "The weekly workflow:",
            *steps,
            "",
            f"Exit codes: {codes}.",
            "",
            "The manual: git g2l-sync --help (git opens man git-g2l-sync).",
        ]
    )
