"""Job definitions through real syncs: converted on the mirror, merged like code.

Each test has a Glue repository with a job, a library and the job's `aws glue get-jobs` JSON, and a Databricks
repository set up with `[jobs] include`; the oracle is the file the merge leaves, read as YAML, and git itself.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from databricks.bundles.jobs import Job

from conftest import JOB_A, DbxRepo, GlueRepo, g2l, git

RESOURCE = "resources/risk_exposure.job.yml"
DEFINITIONS: dict[str, Any] = {
    "Jobs": [
        {
            "Name": "risk-exposure",
            "Command": {"Name": "glueetl", "ScriptLocation": "s3://aws-glue-assets-1-eu-west-1/scripts/process_a.py"},
            "DefaultArguments": {"--env": "prod", "--TempDir": "s3://aws-glue-assets-1-eu-west-1/temporary/"},
            "WorkerType": "G.1X",
            "NumberOfWorkers": 5,
            "MaxRetries": 1,
        }
    ]
}


def definitions(**changes: Any) -> str:
    document = copy.deepcopy(DEFINITIONS)
    document["Jobs"][0] |= changes
    return json.dumps(document, indent=2) + "\n"


def resource(dbx: DbxRepo, path: str = RESOURCE) -> dict[str, Any]:
    document = yaml.safe_load(dbx.read(path))
    [(_, job)] = document["resources"]["jobs"].items()
    Job.from_dict(job)  # what the Databricks CLI accepts
    return dict(job)


def cluster(job: dict[str, Any]) -> dict[str, Any]:
    return dict(job["job_clusters"][0]["new_cluster"])


@pytest.fixture
def repos(tmp_path: Path) -> tuple[DbxRepo, GlueRepo]:
    glue = GlueRepo(tmp_path / "glue")
    glue.commit(
        "Glue v1",
        {
            "jobs/process_a.py": JOB_A,
            "lib/risk_lib/__init__.py": "",
            "lib/risk_lib/catalog.py": "def load(spark, **names):\n    return spark.table(names['table_name'])\n",
            "lib/risk_lib/options.py": "def job_options(argv, names):\n    return {}\n",
            "infra/glue/jobs.json": definitions(),
        },
    )
    dbx = DbxRepo(tmp_path / "dbx")
    run = g2l(dbx.path, "init", "--glue", "../glue", "--include", "jobs/**/*.py", "--include", "lib/**/*.py")
    assert run.code == 0, run.output
    dbx.write("g2l.toml", dbx.read("g2l.toml") + '\n[jobs]\ninclude = ["infra/glue/*.json"]\n')
    dbx.commit("Convert the Glue job definitions too")
    run = g2l(dbx.path, "sync")
    assert run.code == 0, run.output
    return dbx, glue


def test_the_first_sync_with_jobs_adds_the_resources_and_a_bundle(repos: tuple[DbxRepo, GlueRepo]) -> None:
    dbx, _ = repos
    job = resource(dbx)
    assert job["name"] == "risk-exposure"
    assert job["tasks"][0]["spark_python_task"] == {
        "python_file": "../jobs/process_a.py",
        "parameters": ["--JOB_NAME", "risk-exposure", "--env", "prod"],
    }
    # the layout: the top (glue_compat.py) and lib (risk_lib), what the script imports
    assert cluster(job)["spark_env_vars"] == {"PYTHONPATH": "${workspace.file_path}:${workspace.file_path}/lib"}
    assert cluster(job)["num_workers"] == 4
    assert yaml.safe_load(dbx.read("databricks.yml"))["include"] == ["resources/*.yml"]
    assert git(dbx.path, "show", "glue-mirror:" + RESOURCE) == dbx.read(RESOURCE).rstrip("\n")
    assert git(dbx.path, "status", "--porcelain") == ""


def test_both_teams_edit_a_job_and_both_edits_arrive(repos: tuple[DbxRepo, GlueRepo]) -> None:
    dbx, glue = repos
    dbx.edit(
        RESOURCE,
        "      tasks:\n",
        "      email_notifications:\n        on_failure:\n          - risk-oncall@bank.example\n      tasks:\n",
    )
    dbx.commit("Databricks: page the on-call desk when the job fails")
    glue.commit("Glue: more workers for quarter end", {"infra/glue/jobs.json": definitions(NumberOfWorkers=11)})

    run = g2l(dbx.path, "sync")

    assert run.code == 0, run.output
    assert f"updated  {RESOURCE}" in run.output
    job = resource(dbx)
    assert job["email_notifications"] == {"on_failure": ["risk-oncall@bank.example"]}  # the Databricks team's
    assert cluster(job)["num_workers"] == 10  # Glue's: 11 workers, one of them the driver
    assert git(dbx.path, "status", "--porcelain") == ""


def test_overlapping_edits_of_a_job_conflict(repos: tuple[DbxRepo, GlueRepo]) -> None:
    dbx, glue = repos
    dbx.edit(RESOURCE, "num_workers: 4", "num_workers: 6")
    dbx.commit("Databricks: six workers")
    glue.commit("Glue: more workers", {"infra/glue/jobs.json": definitions(NumberOfWorkers=11)})

    run = g2l(dbx.path, "sync")

    assert run.code == 1, run.output
    assert f"content       {RESOURCE}" in run.output
    text = dbx.read(RESOURCE)
    assert "<<<<<<< main\n            num_workers: 6\n" in text
    assert "=======\n            num_workers: 10\n>>>>>>> glue " in text
    assert git(dbx.path, "status", "--porcelain") == f"UU {RESOURCE}"


def test_a_job_glue_adds_gets_a_file_and_one_it_deletes_loses_it(repos: tuple[DbxRepo, GlueRepo]) -> None:
    dbx, glue = repos
    second = copy.deepcopy(DEFINITIONS["Jobs"][0]) | {"Name": "risk_limits"}
    glue.commit("Glue: a limits job", {"infra/glue/limits.json": json.dumps({"Job": second})})
    run = g2l(dbx.path, "sync")
    assert run.code == 0, run.output
    assert "added    resources/risk_limits.job.yml" in run.output
    assert resource(dbx, "resources/risk_limits.job.yml")["name"] == "risk_limits"

    glue.commit("Glue: the exposure job is retired", {"infra/glue/jobs.json": None})
    run = g2l(dbx.path, "sync")
    assert run.code == 0, run.output
    assert f"deleted  {RESOURCE}" in run.output
    assert not (dbx.path / RESOURCE).exists()
    assert (dbx.path / "resources/risk_limits.job.yml").exists()
    assert (dbx.path / "databricks.yml").exists()


def test_an_unreadable_definitions_file_keeps_its_jobs_and_says_so(repos: tuple[DbxRepo, GlueRepo]) -> None:
    dbx, glue = repos
    before = dbx.read(RESOURCE)
    glue.commit("Glue: a typo", {"infra/glue/jobs.json": definitions().replace('"prod"', '"prod",,')})

    run = g2l(dbx.path, "sync")

    assert run.code == 0, run.output
    assert dbx.read(RESOURCE) == before
    assert "review   infra/glue/jobs.json:" in run.output
    assert "G2L500 job definitions not read (infra/glue/jobs.json:" in run.output
    glue.commit("Glue: fixed", {"infra/glue/jobs.json": definitions(MaxRetries=3)})
    assert g2l(dbx.path, "sync").code == 0
    assert resource(dbx)["tasks"][0]["max_retries"] == 3


def test_review_items_of_a_job_are_reported_at_their_lines(repos: tuple[DbxRepo, GlueRepo]) -> None:
    dbx, glue = repos
    glue.commit(
        "Glue: bookmarks on",
        {"infra/glue/jobs.json": definitions(DefaultArguments={"--job-bookmark-option": "job-bookmark-enable"})},
    )
    run = g2l(dbx.path, "sync")
    assert run.code == 0, run.output
    lines = dbx.read(RESOURCE).split("\n")
    assert lines[1].startswith("# g2l: review G2L504: job bookmarks are on")
    assert f"review   {RESOURCE}:2: G2L504 job bookmarks are on" in run.output


def test_a_databricks_yml_of_the_team_is_never_replaced(tmp_path: Path) -> None:
    glue = GlueRepo(tmp_path / "glue")
    glue.commit("Glue v1", {"jobs/process_a.py": JOB_A, "infra/jobs.json": definitions()})
    dbx = DbxRepo(tmp_path / "dbx")
    dbx.write("databricks.yml", "bundle:\n  name: risk\n")
    dbx.commit("Databricks: our bundle")
    assert g2l(dbx.path, "init", "--glue", "../glue", "--include", "jobs/*.py").code == 0
    dbx.write("g2l.toml", dbx.read("g2l.toml") + '\n[jobs]\ninclude = ["infra/*.json"]\n')
    dbx.commit("jobs")
    run = g2l(dbx.path, "sync")
    assert run.code == 0, run.output
    assert dbx.read("databricks.yml") == "bundle:\n  name: risk\n"
    assert "databricks.yml" not in git(dbx.path, "ls-tree", "--name-only", "glue-mirror")
    assert (dbx.path / RESOURCE).exists()


def test_a_full_conversion_keeps_the_bundle_the_mirror_made(repos: tuple[DbxRepo, GlueRepo]) -> None:
    dbx, _ = repos
    dbx.edit("databricks.yml", "name: glue_jobs", "name: risk_engine")
    dbx.commit("Databricks: our name")
    dbx.edit("g2l.toml", 'catalog = "main"', 'catalog = "risk"')  # every file converted again
    dbx.commit("Databricks: the risk catalog")

    run = g2l(dbx.path, "sync")

    assert run.code == 0, run.output
    assert "databricks.yml" not in run.output
    assert "name: risk_engine" in dbx.read("databricks.yml")
    assert git(dbx.path, "diff", "HEAD~1", "HEAD", "--stat", "--", "databricks.yml", "resources") == ""


def test_status_lists_the_job_resources_and_what_is_not_merged_yet(repos: tuple[DbxRepo, GlueRepo]) -> None:
    dbx, glue = repos
    run = g2l(dbx.path, "status", "--offline")
    assert run.code == 0, run.output
    assert f"Job: {RESOURCE} (from infra/glue/jobs.json, 1 review item)\n" in run.output
    assert "not merged yet" not in run.output

    second = copy.deepcopy(DEFINITIONS["Jobs"][0]) | {"Name": "risk_limits"}
    glue.commit(
        "Glue: more workers, a limits job",
        {
            "infra/glue/jobs.json": definitions(NumberOfWorkers=11),
            "infra/glue/limits.json": json.dumps({"Job": second}),
        },
    )
    assert g2l(dbx.path, "sync", "--branch", "g2l/weekly").code == 0  # the mirror moves; main does not
    run = g2l(dbx.path, "status", "--offline")
    assert run.output.count("\nJob") == 3, run.output
    assert f"Job not merged yet: updated {RESOURCE}\n" in run.output
    assert "Job not merged yet: added resources/risk_limits.job.yml\n" in run.output
    found = json.loads(g2l(dbx.path, "status", "--offline", "--json").output)
    assert found["job_definitions"] == [{"path": RESOURCE, "source": "infra/glue/jobs.json", "review_items": 1}]
    assert found["job_changes"] == [
        {"change": "updated", "path": RESOURCE},
        {"change": "added", "path": "resources/risk_limits.job.yml"},
    ]


def test_a_jobs_glob_that_matches_nothing_is_a_warning_on_every_sync(repos: tuple[DbxRepo, GlueRepo]) -> None:
    dbx, _ = repos
    dbx.edit("g2l.toml", 'include = ["infra/glue/*.json"]', 'include = ["infra/glue/*.json", "infra/triggers/*.json"]')
    dbx.commit("Databricks: triggers too")
    for _ in range(2):  # the sync that converts again, then an up-to-date one
        run = g2l(dbx.path, "sync")
        assert run.code == 0, run.output
        assert "warning: [jobs] include 'infra/triggers/*.json' matches no file in Glue commit " in run.output


@pytest.mark.parametrize(
    ("jobs", "message"),
    [
        (
            'resources = "../outside"',
            "[jobs] resources = '../outside' must be a plain folder path inside the repository",
        ),
        (
            'bundle = "risk jobs"',
            "[jobs] bundle = 'risk jobs' must be a bundle name: letters, digits, '_', '-' and '.'",
        ),
        (
            'scripts = { "gs://x/" = "jobs" }',
            "[jobs] scripts key 'gs://x/' must be an S3 prefix (s3://bucket/folder/)",
        ),
        (
            'scripts = { "s3://x/" = "/abs" }',
            "[jobs] scripts.\"s3://x/\" = '/abs' must be a folder path inside the Glue repository",
        ),
        ('node_types = { "G.1X" = " " }', '[jobs] node_types."G.1X" must name a Databricks node type'),
        ('include = ["infra/[x.json"]', "[jobs] include pattern 'infra/[x.json'"),
        ("retries = 3", "unknown key [jobs] retries"),
    ],
)
def test_bad_jobs_settings_are_named(repos: tuple[DbxRepo, GlueRepo], jobs: str, message: str) -> None:
    dbx, _ = repos
    text = dbx.read("g2l.toml")
    include = "" if "include" in jobs else 'include = ["infra/glue/*.json"]\n'
    dbx.write("g2l.toml", text[: text.index("[jobs]")] + f"[jobs]\n{include}{jobs}\n")
    git(dbx.path, "commit", "-qam", "bad")
    before = dbx.refs()
    run = g2l(dbx.path, "sync")
    assert run.code == 2
    assert f"g2l.toml: {message}" in run.output
    assert "Traceback" not in run.output
    assert dbx.refs() == before


BLUEPRINT = """\
from awsglue.blueprint.workflow import Workflow, Entities
from awsglue.blueprint.job import Job

SCRIPTS = "s3://aws-glue-assets-1-eu-west-1/scripts"


def generate_layout(user_params, system_params):
    load = Job(Name="risk-load", Role=user_params["Role"], Command={"ScriptLocation": SCRIPTS + "/process_a.py"})
    score = Job(
        Name="risk-score",
        Role=user_params["Role"],
        Command={"ScriptLocation": SCRIPTS + "/process_a.py"},
        NumberOfWorkers=user_params["Workers"],
        DependsOn={load: "SUCCEEDED"},
    )
    return Workflow(Name="risk-blueprint", Entities=Entities(Jobs=[load, score]))
"""


def test_a_blueprint_layout_becomes_a_workflow_job_in_a_sync(repos: tuple[DbxRepo, GlueRepo]) -> None:
    dbx, glue = repos
    dbx.edit(
        "g2l.toml", 'include = ["infra/glue/*.json"]', 'include = ["infra/glue/*.json", "blueprints/**/layout.py"]'
    )
    dbx.commit("Convert the Glue blueprints too")
    glue.commit("Glue: a blueprint", {"blueprints/risk/layout.py": BLUEPRINT})

    run = g2l(dbx.path, "sync")

    assert run.code == 0, run.output
    workflow = resource(dbx, "resources/risk_blueprint.job.yml")
    assert [(t["task_key"], t.get("depends_on")) for t in workflow["tasks"]] == [
        ("risk_load", None),
        ("risk_score", [{"task_key": "risk_load"}]),
    ]
    assert workflow["tasks"][0]["spark_python_task"]["python_file"] == "../jobs/process_a.py"
    assert resource(dbx, "resources/risk_score.job.yml")["name"] == "risk-score"  # each job's own file too
    assert dbx.read("resources/risk_blueprint.job.yml").startswith(
        "# g2l: converted from blueprints/risk/layout.py (Glue workflow 'risk-blueprint')\n"
    )
    assert (
        "resources/risk_blueprint.job.yml:2: G2L508 layout line 9: job 'risk-score': NumberOfWorkers (blueprint "
        "parameter 'Workers')"
    ) in run.output
    glue.commit("Glue: a typo in the blueprint", {"blueprints/risk/layout.py": BLUEPRINT.replace("):\n", ")\n", 1)})
    run = g2l(dbx.path, "sync")
    assert run.code == 0, run.output
    assert "G2L500 job definitions not read (blueprints/risk/layout.py:7: not valid Python" in run.output
    assert resource(dbx, "resources/risk_blueprint.job.yml")["name"] == "risk-blueprint"  # kept as it was
