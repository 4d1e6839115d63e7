"""Random histories of job definitions: the Glue team changes workers and arguments, adds and deletes jobs; the
Databricks team tags jobs and changes the conversion settings; syncs come in between. The oracle imports nothing
from g2l_merge: it keeps its own model of each team's intent and reads the merged files as YAML.

After every sync (exit 0: the two teams never edit the same lines here):
- every job Glue defines has its resource file, with Glue's worker count less the driver and Glue's arguments
  (sorted, after --JOB_NAME), valid for databricks-bundles;
- every tag the Databricks team added to a job that still exists is still there (nothing it wrote is lost);
- a job Glue deleted has no file (Glue deletes only jobs the Databricks team did not edit: an edited one would
  be a modify/delete conflict, which tests/jobs/test_sync_jobs.py and the histories of tests/test_histories.py
  cover);
- databricks.yml is there, as the Databricks team last left it; the work tree is clean.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import yaml
from databricks.bundles.jobs import Job
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import JOB_A, DbxRepo, GlueRepo, g2l, git

pytestmark = pytest.mark.slow

NAMES = ("job0", "job1", "job2")
steps = st.lists(
    st.one_of(
        st.tuples(st.just("workers"), st.sampled_from(NAMES), st.integers(2, 6)),
        st.tuples(
            st.just("arguments"),
            st.sampled_from(NAMES),
            st.dictionaries(
                st.sampled_from(["--env", "--desk", "--as_of", "--run"]), st.sampled_from(["a", "b"]), max_size=4
            ),
        ),
        st.tuples(st.just("add"), st.sampled_from(NAMES)),
        st.tuples(st.just("delete"), st.sampled_from(NAMES)),
        st.tuples(st.just("tag"), st.sampled_from(NAMES)),
        st.tuples(st.just("settings")),
        st.tuples(st.just("sync")),
    ),
    min_size=2,
    max_size=7,
)


class Model:
    """What each team meant: Glue's jobs, the Databricks team's tags, and which jobs it edited."""

    def __init__(self) -> None:
        self.jobs: dict[str, dict[str, Any]] = {"job0": {"workers": 5, "arguments": {}}}
        self.tags: dict[str, list[str]] = {}  # job -> tag keys the Databricks team added
        self.bundle = ""

    def definitions(self) -> str:
        jobs = [
            {
                "Name": name,
                "Command": {"Name": "glueetl", "ScriptLocation": f"s3://assets/scripts/{name}.py"},
                "DefaultArguments": job["arguments"],
                "WorkerType": "G.1X",
                "NumberOfWorkers": job["workers"],
            }
            for name, job in sorted(self.jobs.items())
        ]
        return json.dumps({"Jobs": jobs}, indent=2) + "\n"


def glue_commit(glue: GlueRepo, model: Model, message: str) -> None:
    scripts = {f"jobs/{name}.py": JOB_A for name in model.jobs}
    glue.commit(message, {"infra/jobs.json": model.definitions(), **scripts})


def check(dbx: DbxRepo, model: Model) -> None:
    for name, job in model.jobs.items():
        document = yaml.safe_load(dbx.read(f"resources/{name}.job.yml"))
        resource = document["resources"]["jobs"][name]
        Job.from_dict(resource)
        assert resource["job_clusters"][0]["new_cluster"]["num_workers"] == job["workers"] - 1
        flat = [part for key, value in sorted(job["arguments"].items()) for part in (key, value)]
        assert resource["tasks"][0]["spark_python_task"]["parameters"] == ["--JOB_NAME", name, *flat]
        assert sorted(resource.get("tags", {})) == sorted(model.tags.get(name, []))
    for name in set(NAMES) - set(model.jobs):
        assert not (dbx.path / f"resources/{name}.job.yml").exists()
    assert dbx.read("databricks.yml") == model.bundle
    assert git(dbx.path, "status", "--porcelain") == ""


def tag(dbx: DbxRepo, model: Model, name: str, number: int) -> None:
    path = f"resources/{name}.job.yml"
    key = f"t{number}"
    text = dbx.read(path)
    if "      tags:\n" in text:
        text = text.replace("      tags:\n", f"      tags:\n        {key}: databricks\n", 1)
    else:
        text = text.replace(f"      name: {name}\n", f"      name: {name}\n      tags:\n        {key}: databricks\n", 1)
    dbx.write(path, text)
    dbx.commit(f"Databricks: tag {name}")
    model.tags.setdefault(name, []).append(key)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=steps)
def test_random_histories_of_job_definitions(
    tmp_path_factory: pytest.TempPathFactory, history: list[tuple[Any, ...]]
) -> None:
    tmp = tmp_path_factory.mktemp("history")
    model = Model()
    glue = GlueRepo(tmp / "glue")
    glue_commit(glue, model, "Glue v1")
    dbx = DbxRepo(tmp / "dbx")
    assert g2l(dbx.path, "init", "--glue", "../glue", "--include", "jobs/*.py").code == 0
    dbx.write("g2l.toml", dbx.read("g2l.toml") + '\n[jobs]\ninclude = ["infra/*.json"]\n')
    dbx.commit("jobs")
    assert g2l(dbx.path, "sync").code == 0
    model.bundle = dbx.read("databricks.yml")
    for number, step in enumerate([*history, ("sync",)]):
        kind = step[0]
        if kind == "sync":
            run = g2l(dbx.path, "sync")
            assert run.code == 0, run.output
            check(dbx, model)
        elif kind == "tag" and step[1] in model.jobs and (dbx.path / f"resources/{step[1]}.job.yml").exists():
            tag(dbx, model, step[1], number)
        elif kind == "settings":  # the next sync converts every file again
            dbx.write("g2l.toml", re.sub(r'catalog = "[^"]*"', f'catalog = "c{number}"', dbx.read("g2l.toml")))
            dbx.commit("Databricks: another catalog")
        elif kind == "workers" and step[1] in model.jobs:
            model.jobs[step[1]]["workers"] = step[2]
            glue_commit(glue, model, f"Glue: {step[1]} on {step[2]} workers")
        elif kind == "arguments" and step[1] in model.jobs:  # in the dictionary's order, as an export may list them
            model.jobs[step[1]]["arguments"] = dict(step[2])
            glue_commit(glue, model, f"Glue: {step[1]} arguments")
        elif kind == "add" and step[1] not in model.jobs:
            model.jobs[step[1]] = {"workers": 3, "arguments": {}}
            glue_commit(glue, model, f"Glue: add {step[1]}")
        elif kind == "delete" and step[1] in model.jobs and step[1] not in model.tags:
            del model.jobs[step[1]]
            glue_commit(glue, model, f"Glue: delete {step[1]}")
