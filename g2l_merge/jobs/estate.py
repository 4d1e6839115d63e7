"""The job resources of a mirror tree: every job definition `[jobs] include` names in the Glue commit, as bundle
resource files (`resources/<job>.job.yml`), and a databricks.yml when the Databricks repository has none.

They are made again from all the definitions on every mirror commit that converts anything (definitions are
small; a job's PYTHONPATH follows the library modules its script imports, which any Glue change can move), and
replace the resource files the previous mirror tree held, so a job Glue deleted loses its file. A definitions file
that cannot be read is a review item of its own, and the resource files made from it before stay as they were:
a typo on the Glue side never deletes the Databricks team's job.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection, Container, Iterator, Mapping
from typing import Any, NamedTuple

from g2l_merge import git
from g2l_merge.config import Config, matches, rooted, selected
from g2l_merge.convert.findings import Finding
from g2l_merge.errors import G2lError
from g2l_merge.jobs import (
    BUNDLE_FILE,
    DEFINITIONS_RULE,
    is_resource,
    render,
    resource_owner,
    resource_source,
    review_lines,
)
from g2l_merge.jobs.blueprint import BLUEPRINT_RULE, read_blueprint
from g2l_merge.jobs.bundle import (
    BundleJob,
    JobSettings,
    Review,
    bundle_job,
    find_script,
    job_task,
    resource_key,
    resource_path,
)
from g2l_merge.jobs.definition import GlueJob
from g2l_merge.jobs.triggers import Definitions, GlueTrigger, read_definitions_file
from g2l_merge.jobs.workflow import TRIGGER_RULE, WORKFLOW_RULE, WorkflowPlan, plan_triggers
from g2l_merge.layout import python_path

_REGULAR = ("100644", "100755")


class JobTree(NamedTuple):
    tree: str
    findings: tuple[Finding, ...]  # review items, by resource file and line; unreadable definitions by Glue path


def settings(config: Config) -> JobSettings:
    return JobSettings(
        resources=config.jobs.resources,
        scripts=config.jobs.scripts,
        node_types=config.jobs.node_types,
        job_parameters=config.convert.job_parameters,
        runtime=config.convert.runtime,
        bookmark_store=config.convert.bookmark_store(),
        root=config.target.root,
    )


def add_jobs(
    repo: git.Repo,
    glue_commit: str,
    config: Config,
    tree: str,
    previous: str | None,
    *,
    make_bundle: bool,
) -> JobTree:
    """`tree` (a mirror tree, its code converted) with the job resources of the Glue commit's definitions, and
    databricks.yml: the previous mirror tree's, else a new one when `make_bundle`. Each job and workflow keeps the
    file the previous mirror tree gave it."""
    glue_names = git.ls_names(repo, glue_commit)
    definitions = sorted(path for path in glue_names if matches(path, config.jobs.include))
    entries = git.tree_entries(repo, glue_commit, definitions)
    data = {path: git.read_blob(repo, entry.sha) for path, entry in entries.items() if entry.mode in _REGULAR}
    jobs, broken, findings = read_definitions(data)
    for path in sorted(set(entries) - set(data)):  # a link: read like a typo, so its jobs' files stay
        broken.add(path)
        message = f"{path}: a symlink or submodule, whose target is never read; name the file itself in [jobs] include"
        findings.append(Finding(path, 1, DEFINITIONS_RULE, _unreadable(message)))
    mirror_files = git.ls_tree(repo, tree)
    glue_files = [path for path in glue_names if selected(path, config.source)]
    glue = {rooted(config.target.root, path) for path in glue_files}
    old = {path: entry for path, entry in mirror_files.items() if is_resource(config, path, glue)}
    texts = _Texts(repo, {path: entry for path, entry in mirror_files.items() if path.endswith(".py")})
    taken = {path for path in mirror_files if not is_resource(config, path, glue)}
    kept = git.tree_entry(repo, previous, BUNDLE_FILE) if previous else None
    before = _resources(repo, config, previous, glue)
    named_broken = {render.one_line(path) for path in broken}  # as the resource files' first lines name them
    unread = {path: entry for path, (entry, text) in before.items() if resource_source(text) in named_broken}
    keys = {owner: _key(path) for path, (_, text) in before.items() if (owner := resource_owner(text))}
    made, more = job_files(jobs, glue_files, texts, config, taken, keys, reserved={_key(path) for path in unread})
    findings += more
    updates: dict[str, git.TreeEntry | None] = {path: None for path in old}
    updates |= unread  # made from a definitions file that cannot be read now: kept as the previous mirror had them
    for path, text in made.items():
        updates[path] = git.TreeEntry("100644", git.write_blob(repo, text))
        findings += review_lines(path, text.decode("utf-8"))
    if BUNDLE_FILE not in mirror_files and kept is not None and _made_here(repo, kept):
        updates[BUNDLE_FILE] = kept
    elif BUNDLE_FILE not in mirror_files and make_bundle and made:
        bundle = render.bundle_file(config.jobs.bundle, config.jobs.resources)
        updates[BUNDLE_FILE] = git.TreeEntry("100644", git.write_blob(repo, bundle))
    return JobTree(git.edit_tree(repo, tree, updates), tuple(findings))


def _resources(
    repo: git.Repo, config: Config, tree: str | None, glue: Container[str]
) -> dict[str, tuple[git.TreeEntry, str]]:
    """The resource files of a mirror tree (the previous one), with their text."""
    found = {}
    for path, entry in git.files_under(repo, tree, config.jobs.resources.strip("/")).items() if tree else ():
        if is_resource(config, path, glue) and entry.mode in _REGULAR:
            found[path] = (entry, git.read_blob(repo, entry.sha).decode("utf-8", errors="replace"))
    return found


def _key(path: str) -> str:
    return posixpath.basename(path).removesuffix(".job.yml")


Read = list[tuple[str, Definitions]]  # (definitions file, what it holds), in path order


def read_definitions(files: Mapping[str, bytes]) -> tuple[Read, set[str], list[Finding]]:
    """What every definitions file holds, in path order (a `.py` file is a Glue blueprint layout, the rest JSON);
    the files that cannot be read, each with a finding that says why."""
    read: Read = []
    broken: set[str] = set()
    findings: list[Finding] = []
    for path in sorted(files):
        try:
            reader = read_blueprint if path.endswith(".py") else read_definitions_file
            read.append((path, reader(files[path], path)))
        except G2lError as error:
            broken.add(path)
            findings.append(Finding(path, _line(error.message), DEFINITIONS_RULE, _unreadable(error.message)))
    return read, broken, findings


class _Maker:
    """Resource files, made one at a time: unique keys, scripts found, layouts computed."""

    def __init__(
        self,
        glue_files: list[str],
        texts: Mapping[str, str | None],
        config: Config,
        kept: Mapping[tuple[str, str], str],
        reserved: Collection[str],
    ) -> None:
        self.glue_files = glue_files
        self.texts = texts
        self.config = config
        self.settings = settings(config)
        self.kept = kept
        self.keys: set[str] = set(kept.values()) | set(reserved)

    def key(self, name: str, kind: str = "job") -> str:
        """The job's or workflow's key: the one it had (`kept`), else a new one no other holds."""
        return self.kept.get((kind, name)) or _unique(resource_key(name), self.keys)

    def script(self, job: GlueJob) -> tuple[str | None, str, tuple[str, ...]]:
        """The job's script in the Glue repository (or why none), and the layout's folders for it."""
        script, why = find_script(job.script_location, self.glue_files, self.config.jobs.scripts)
        target = rooted(self.config.target.root, script) if script else ""
        folders = python_path(self.texts, self.config.target.root, [target]).folders if target in self.texts else ()
        return script, why, folders


def job_files(
    read: Read,
    glue_files: list[str],
    texts: Mapping[str, str | None],
    config: Config,
    taken: Collection[str] = (),
    keys: Mapping[tuple[str, str], str] | None = None,
    reserved: Collection[str] = (),
) -> tuple[dict[str, bytes], list[Finding]]:
    """Resource path -> file for every job and workflow (the first definition of a job name wins; keys made
    unique), and the findings about what is left out. `glue_files`: the Glue repository's selected files (where
    scripts are found); `texts`: the Databricks repository's .py files (path -> text, for each job's layout);
    `taken`: paths that hold other files, which no resource file may replace; `keys`: (kind, Glue name) -> the
    key each had before, which it keeps (a job or workflow a previous mirror tree held: a new one whose name makes
    the same key gets `_2`); `reserved`: keys no other may take (of files kept while their definitions do not
    read)."""
    made: dict[str, bytes] = {}
    findings = [Finding(n.path, n.line, BLUEPRINT_RULE, n.message) for _, found in read for n in found.notes]
    named: dict[str, tuple[str, GlueJob]] = {}
    for source, job in ((source, job) for source, found in read for job in found.jobs):
        if job.name in named:
            message = (
                f"Glue job {job.name!r} is defined again here (first in {named[job.name][1].where}): this one is "
                "left out"
            )
            findings.append(Finding(source, 1, DEFINITIONS_RULE, message))
        else:
            named[job.name] = (source, job)
    plan = plan_triggers(
        (t for _, found in read for t in found.triggers), (w for _, found in read for w in found.workflows)
    )
    owners = {("job", name) for name in named} | {("workflow", workflow.name) for workflow in plan.workflows}
    maker = _Maker(
        glue_files, texts, config, {owner: key for owner, key in (keys or {}).items() if owner in owners}, reserved
    )
    bundled = [
        bundle_job(
            job,
            *maker.script(job),
            maker.settings,
            maker.key(job.name),
            schedule=plan.schedules.get(job.name),
            reviews=plan.job_reviews.get(job.name, ()),
        )
        for _, job in named.values()
    ]
    sources = [source for source, _ in named.values()]
    for workflow in plan.workflows:
        bundled.append(_workflow_job(workflow, {name: job for name, (_, job) in named.items()}, maker))
        sources.append(workflow.path)
    for source, resource in zip(sources, bundled, strict=True):
        if resource.path in taken:
            message = (
                f"Glue {resource.kind} {resource.glue_name!r} would land on {resource.path}, a converted Glue file: "
                "it is left out"
            )
            findings.append(Finding(source, 1, DEFINITIONS_RULE, message))
        else:
            made[resource.path] = render.job_file(resource, source)
    for name, reviews in plan.job_reviews.items():  # triggers that start a job no definitions file holds
        if name not in named:
            trigger_files = sorted({t.path for _, found in read for t in found.triggers if _starts(t, name)})
            findings += [
                Finding(
                    path,
                    1,
                    TRIGGER_RULE,
                    f"job {name!r}: no definitions file of [jobs] include holds it, so "
                    f"what its triggers say is not carried ({reviews[0].message if reviews else 'a schedule'})",
                )
                for path in trigger_files
            ]
    return made, findings


def _starts(trigger: GlueTrigger, job: str) -> bool:
    return any(action.job == job for action in trigger.actions)


def _workflow_job(workflow: WorkflowPlan, jobs: Mapping[str, GlueJob], maker: _Maker) -> BundleJob:
    """One bundle job for a Glue workflow: a task per Glue job it runs, with their dependencies."""
    key = maker.key(workflow.name, "workflow")
    path = resource_path(maker.settings.resources, key)
    reviews = list(workflow.reviews)
    task_keys: dict[str, str] = {}
    tasks: list[dict[str, Any]] = []
    clusters: list[dict[str, Any]] = []
    for planned in workflow.tasks:
        job = jobs.get(planned.job)
        if job is None:
            reviews.append(
                Review(
                    WORKFLOW_RULE,
                    f"the workflow runs Glue job {planned.job!r}, which no definitions file of [jobs] include "
                    "holds; as converted, the job has no task for it, and the tasks after it do not wait for it: "
                    "add its definition",
                )
            )
            continue
        task_key = _unique(resource_key(job.name), set(task_keys.values()))
        depends = [{"task_key": task_keys[name]} for name in planned.depends_on if name in task_keys]
        cycle = [name for name in planned.depends_on if name in jobs and name not in task_keys]
        if cycle:  # jobs that wait for this one, or the job itself: no task may depend on them here
            reviews.append(
                Review(
                    WORKFLOW_RULE,
                    f"Glue job {planned.job!r} waits for {', '.join(map(repr, cycle))}, which waits for it (a cycle, "
                    "so Glue never starts them); as converted, it does not wait for it: break the cycle",
                )
            )
        task_keys[planned.job] = task_key
        made = job_task(
            job,
            *maker.script(job),
            maker.settings,
            task_key,
            path,
            run_arguments=planned.arguments,
            timeout_minutes=planned.timeout_minutes,
        )
        task: dict[str, Any] = {"task_key": task_key}
        if depends:
            task["depends_on"] = depends
            if planned.run_if:
                task["run_if"] = planned.run_if
        tasks.append(task | made.task)
        clusters.append(made.cluster)
        reviews += made.reviews
    resource: dict[str, Any] = {"name": workflow.name}
    if workflow.description:
        resource["description"] = workflow.description
    if workflow.max_concurrent_runs and workflow.max_concurrent_runs > 1:
        resource["max_concurrent_runs"] = workflow.max_concurrent_runs
    if workflow.schedule is not None:
        resource["schedule"] = dict(workflow.schedule)
    resource["tasks"] = tasks
    resource["job_clusters"] = clusters
    return BundleJob(key, path, workflow.name, "workflow", resource, tuple(sorted(set(reviews))))


def _made_here(repo: git.Repo, entry: git.TreeEntry) -> bool:
    """Whether a mirror tree's databricks.yml is the one a sync made (not a Glue file that Glue has deleted since)."""
    return entry.mode in _REGULAR and git.read_blob(repo, entry.sha).startswith(render.BUNDLE_HEADER.encode())


def _unique(key: str, keys: set[str]) -> str:
    candidate, number = key, 1
    while candidate in keys:
        number += 1
        candidate = f"{key}_{number}"
    keys.add(candidate)
    return candidate


def _line(message: str) -> int:
    found = re.match(r"[^:]*:(\d+):", message)
    return int(found.group(1)) if found else 1


def _unreadable(message: str) -> str:
    return (
        f"job definitions not read ({message}); the job resources made from this file before stay as they were "
        "until it reads again: fix it in the Glue repository"
    )


class _Texts(Mapping[str, "str | None"]):
    """The text of each mirror .py file, read when the layout asks for it (it reads only what jobs import)."""

    def __init__(self, repo: git.Repo, entries: Mapping[str, git.TreeEntry]) -> None:
        self._repo = repo
        self._entries = entries
        self._read: dict[str, str | None] = {}

    def __getitem__(self, path: str) -> str | None:
        if path not in self._read:
            entry = self._entries[path]
            data = git.read_blob(self._repo, entry.sha) if entry.mode in _REGULAR else None
            self._read[path] = data.decode("utf-8", errors="replace") if data is not None else None
        return self._read[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)
