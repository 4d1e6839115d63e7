"""The job resources of a mirror tree: every job definition `[jobs] include` names in the Glue commit, as bundle
resource files (`resources/<job>.job.yml`), and a databricks.yml when the Databricks repository has none.

They are made again from all the definitions on every mirror commit that converts anything (definitions are
small; a job's PYTHONPATH follows the library modules its script imports, which any Glue change can move), and
replace the resource files the previous mirror tree held, so a job Glue deleted loses its file. A definitions file
that cannot be read is a review item of its own, and the resource files made from it before stay as they were:
a typo on the Glue side never deletes the Databricks team's job.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from typing import NamedTuple

from g2l_merge import git
from g2l_merge.config import Config, matches, selected
from g2l_merge.convert.findings import HEADER_PREFIX, Finding
from g2l_merge.errors import G2lError
from g2l_merge.jobs import BUNDLE_FILE, DEFINITIONS_RULE, is_resource, render, review_lines
from g2l_merge.jobs.bundle import JobSettings, bundle_job, find_script, resource_key
from g2l_merge.jobs.definition import GlueJob, read_jobs
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
    repo: git.Repo, glue_commit: str, config: Config, tree: str, kept: git.TreeEntry | None, *, make_bundle: bool
) -> JobTree:
    """`tree` (a mirror tree, its code converted) with the job resources of the Glue commit's definitions, and
    databricks.yml: `kept` (the previous mirror tree's), else a new one when `make_bundle`."""
    glue_names = git.ls_names(repo, glue_commit)
    definitions = sorted(path for path in glue_names if matches(path, config.jobs.include))
    entries = git.tree_entries(repo, glue_commit, definitions)
    data = {path: git.read_blob(repo, entry.sha) for path, entry in entries.items() if entry.mode in _REGULAR}
    jobs, broken, findings = read_definitions(data)
    mirror_files = git.ls_tree(repo, tree)
    old = {path: entry for path, entry in mirror_files.items() if is_resource(config, path)}
    texts = _Texts(repo, {path: entry for path, entry in mirror_files.items() if path.endswith(".py")})
    glue_files = [path for path in glue_names if selected(path, config.source)]
    taken = {path for path in mirror_files if not is_resource(config, path)}
    made, more = job_files(jobs, glue_files, texts, config, taken)
    findings += more
    updates: dict[str, git.TreeEntry | None] = {path: None for path in old}
    for path, entry in old.items():  # made from a definitions file that cannot be read now: kept
        if _source(git.read_blob(repo, entry.sha)) in broken:
            updates.pop(path)
    for path, text in made.items():
        updates[path] = git.TreeEntry("100644", git.write_blob(repo, text))
        findings += review_lines(path, text.decode("utf-8"))
    if BUNDLE_FILE not in mirror_files and kept is not None:
        updates[BUNDLE_FILE] = kept
    elif BUNDLE_FILE not in mirror_files and make_bundle and made:
        bundle = render.bundle_file(config.jobs.bundle, config.jobs.resources)
        updates[BUNDLE_FILE] = git.TreeEntry("100644", git.write_blob(repo, bundle))
    return JobTree(git.edit_tree(repo, tree, updates), tuple(findings))


def read_definitions(files: Mapping[str, bytes]) -> tuple[list[tuple[str, GlueJob]], set[str], list[Finding]]:
    """(definitions file, job) for every job of the files, in path order; the files that cannot be read, each
    with a finding that says why."""
    jobs: list[tuple[str, GlueJob]] = []
    broken: set[str] = set()
    findings: list[Finding] = []
    for path in sorted(files):
        try:
            jobs += [(path, job) for job in read_jobs(files[path], path)]
        except G2lError as error:
            broken.add(path)
            findings.append(Finding(path, _line(error.message), DEFINITIONS_RULE, _unreadable(error.message)))
    return jobs, broken, findings


def job_files(
    jobs: list[tuple[str, GlueJob]],
    glue_files: list[str],
    texts: Mapping[str, str | None],
    config: Config,
    taken: Collection[str] = (),
) -> tuple[dict[str, bytes], list[Finding]]:
    """Resource path -> file for every job (the first definition of a name wins; keys made unique), and the
    findings about jobs left out. `glue_files`: the Glue repository's selected files (where scripts are found);
    `texts`: the Databricks repository's .py files (path -> text, for each job's layout); `taken`: paths that
    hold other files, which no resource file may replace."""
    made: dict[str, bytes] = {}
    findings: list[Finding] = []
    named: dict[str, str] = {}
    keys: set[str] = set()
    job_settings = settings(config)
    for source, job in jobs:
        if job.name in named:
            message = f"Glue job {job.name!r} is defined again here (first in {named[job.name]}): this one is left out"
            findings.append(Finding(source, 1, DEFINITIONS_RULE, message))
            continue
        named[job.name] = job.where
        key = _unique(resource_key(job.name), keys)
        script, why = find_script(job.script_location, glue_files, config.jobs.scripts)
        target = _target(config, script) if script else ""
        folders = python_path(texts, config.target.root, [target]).folders if target in texts else ()
        bundled = bundle_job(job, script, why, folders, job_settings, key)
        if bundled.path in taken:
            message = f"Glue job {job.name!r} would land on {bundled.path}, a converted Glue file: it is left out"
            findings.append(Finding(source, 1, DEFINITIONS_RULE, message))
            continue
        made[bundled.path] = render.job_file(bundled, source)
    return made, findings


def _target(config: Config, glue_path: str) -> str:
    root = config.target.root.strip("/")
    return f"{root}/{glue_path}" if root and root != "." else glue_path


def _unique(key: str, keys: set[str]) -> str:
    candidate, number = key, 1
    while candidate in keys:
        number += 1
        candidate = f"{key}_{number}"
    keys.add(candidate)
    return candidate


def _source(data: bytes) -> str | None:
    """The definitions file a resource file was made from (its first line)."""
    first = data.split(b"\n", 1)[0].decode("utf-8", errors="replace")
    if not first.startswith(HEADER_PREFIX):
        return None
    return first.removeprefix(HEADER_PREFIX).rsplit(" (Glue job ", 1)[0]


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
