"""A hostile trial of job definitions: odd values, odd histories and odd moves by either team.

Every resource file made must read back (yaml.safe_load) as exactly the resource, be accepted by databricks-bundles,
and keep what the Databricks team wrote; the syncs run on real git repositories, as in test_sync_jobs.py.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from databricks.bundles.jobs import Job
from test_sync_jobs import DEFINITIONS, RESOURCE, cluster, definitions, repos, resource

from conftest import JOB_A, DbxRepo, GlueRepo, g2l, git
from g2l_merge import config as g2l_config
from g2l_merge.jobs import resource_owner, resource_source
from g2l_merge.jobs.estate import job_files, read_definitions

__all__ = ["repos"]  # the fixture, shared with test_sync_jobs.py

CONFIG = g2l_config.load('[source]\nrepo = "../glue"\ninclude = ["**/*.py"]\n[jobs]\ninclude = ["*.json"]\n')


def made(files: dict[str, Any]) -> dict[str, tuple[str, dict[str, Any]]]:
    """Resource path -> (text, the one job it holds) for definitions files (path -> JSON document), each checked:
    it reads back as YAML, and databricks-bundles accepts the job."""
    read, _, _ = read_definitions({path: json.dumps(document).encode() for path, document in files.items()})
    resources, _ = job_files(read, ["jobs/a.py"], {}, CONFIG)
    out = {}
    for path, data in resources.items():
        text = data.decode("utf-8")
        [(_, job)] = yaml.safe_load(text)["resources"]["jobs"].items()
        Job.from_dict(job)
        out[path] = (text, job)
    return out


def glue_job(name: str = "a", **changes: Any) -> dict[str, Any]:
    return {"Name": name, "Command": {"Name": "glueetl", "ScriptLocation": "s3://b/scripts/a.py"}} | changes


@pytest.mark.parametrize(
    "value",
    ["yes", "null", "- x", "#", ": ", "a: b # c", "quote'\"", "new\nline", "\r\n", "~", "0x10", "1e3", "!tag", "*x",
     "&a", "{x}", "[y]", "|", ">", "---", "...", "héllo ünï", "emoji \U0001f600", "\x00", "\u2028", "\ud800",
     "nel\x85line", "x" * 5000],
)  # fmt: skip
def test_any_name_argument_or_description_reads_back_exactly(value: str) -> None:
    job = glue_job(value, Description=value, DefaultArguments={"--value": value, f"--{value}": "key"})
    [(_, found)] = made({"j.json": {"Jobs": [job]}}).values()
    assert found["name"] == value
    assert found["description"] == value
    parameters = found["tasks"][0]["spark_python_task"]["parameters"]
    assert parameters[:2] == ["--JOB_NAME", value]
    assert dict(zip(parameters[2::2], parameters[3::2], strict=True)) == {"--value": value, f"--{value}": "key"}


@pytest.mark.parametrize(
    "job",
    [
        glue_job(Command={"Name": "glueetl", "ScriptLocation": "s3://b/x\n- evil: 1.py"}),
        glue_job(Command={"Name": "glueetl", "ScriptLocation": "s3://b/\u2028x: 1.py"}),
        glue_job(Connections={"Connections": ["jdbc\ntasks: []"]}),
        glue_job(DefaultArguments={"--extra-py-files": "s3://x/a\rb: 1.zip"}),
        glue_job(Command={"Name": "glueetl", "ScriptLocation": "s3://b/\ud800.py"}),
    ],
)
def test_a_review_item_naming_a_glue_value_stays_one_comment_line(job: dict[str, Any]) -> None:
    [(text, found)] = made({"j.json": {"Jobs": [job]}}).values()
    assert found["name"] == "a"
    review = [line for line in text.split("\n") if line.startswith("# g2l: review")]
    assert len(review) == 1
    assert text.split("\n")[2] == "resources:"


def test_trigger_values_in_review_items_stay_one_comment_line() -> None:
    triggers = {
        "Triggers": [
            {"Name": "t1", "Type": "SCHEDULED", "Schedule": "cron(0 1 * * ? *)", "Actions": [{"JobName": "a"}]},
            {"Name": "t2", "Type": "SCHEDULED", "Schedule": "cron(0 2\n* * ? *)", "Actions": [{"JobName": "a"}]},
            {
                "Name": "t3",
                "Type": "CONDITIONAL",
                "Predicate": {"Conditions": [{"LogicalOperator": "EQUALS", "JobName": "z\nw: 2", "State": "FAILED"}]},
                "Actions": [{"JobName": "a"}],
            },
        ]
    }
    [(text, found)] = made({"j.json": {"Jobs": [glue_job()]}, "t.json": triggers}).values()
    assert found["schedule"]["quartz_cron_expression"] == "0 0 1 * * ?"
    assert [line[:22] for line in text.split("\n")[1:3]] == ["# g2l: review G2L507: "] * 2
    assert text.split("\n")[3] == "resources:"


def test_a_resource_file_the_databricks_team_moved_gets_glues_change_there(repos: tuple[DbxRepo, GlueRepo]) -> None:
    dbx, glue = repos
    moved = "resources/jobs/risk_exposure.job.yml"
    (dbx.path / "resources/jobs").mkdir()
    git(dbx.path, "mv", RESOURCE, moved)
    dbx.edit(moved, "      tasks:\n", "      tags:\n        desk: risk\n      tasks:\n")
    dbx.commit("Databricks: jobs in their own folder, tagged")
    glue.commit("Glue: more workers", {"infra/glue/jobs.json": definitions(NumberOfWorkers=11)})

    run = g2l(dbx.path, "sync")

    assert run.code == 0, run.output
    assert not (dbx.path / RESOURCE).exists()  # no second definition of the job at the old path
    job = resource(dbx, moved)
    assert (job["tags"], cluster(job)["num_workers"]) == ({"desk": "risk"}, 10)


def test_a_resource_file_the_databricks_team_deleted_conflicts_when_glue_changes_the_job(
    repos: tuple[DbxRepo, GlueRepo],
) -> None:
    dbx, glue = repos
    git(dbx.path, "rm", "-q", RESOURCE)
    dbx.commit("Databricks: we run this job another way")
    glue.commit("Glue: more workers", {"infra/glue/jobs.json": definitions(NumberOfWorkers=11)})

    run = g2l(dbx.path, "sync")

    assert run.code == 1, run.output
    assert git(dbx.path, "status", "--porcelain") == f"DU {RESOURCE}"  # deleted by us, modified by them


def test_glue_renames_the_definitions_file_and_the_teams_edits_stay(repos: tuple[DbxRepo, GlueRepo]) -> None:
    dbx, glue = repos
    dbx.edit(RESOURCE, "      tasks:\n", "      tags:\n        desk: risk\n      tasks:\n")
    dbx.commit("Databricks: tag the job")
    glue.commit("Glue: one file per team", renames={"infra/glue/jobs.json": "infra/glue/risk.json"})

    run = g2l(dbx.path, "sync")

    assert run.code == 0, run.output
    assert dbx.read(RESOURCE).startswith("# g2l: converted from infra/glue/risk.json (Glue job 'risk-exposure')\n")
    assert resource(dbx)["tags"] == {"desk": "risk"}
    assert git(dbx.path, "status", "--porcelain") == ""


def test_glue_moves_the_script_and_the_task_follows(repos: tuple[DbxRepo, GlueRepo]) -> None:
    dbx, glue = repos
    glue.commit("Glue: scripts by desk", renames={"jobs/process_a.py": "jobs/risk/process_a.py"})
    run = g2l(dbx.path, "sync")
    assert run.code == 0, run.output
    assert resource(dbx)["tasks"][0]["spark_python_task"]["python_file"] == "../jobs/risk/process_a.py"

    glue.commit(
        "Glue: the script renamed, its location too",
        {"infra/glue/jobs.json": definitions(Command={"Name": "glueetl", "ScriptLocation": "s3://b/s/exposure.py"})},
        renames={"jobs/risk/process_a.py": "jobs/risk/exposure.py"},
    )
    run = g2l(dbx.path, "sync")
    assert run.code == 0, run.output
    assert resource(dbx)["tasks"][0]["spark_python_task"]["python_file"] == "../jobs/risk/exposure.py"
    assert "G2L501" not in dbx.read(RESOURCE)


def test_the_resources_folder_changed_between_syncs_moves_the_files_with_the_teams_edits(
    repos: tuple[DbxRepo, GlueRepo],
) -> None:
    dbx, _ = repos
    dbx.edit(RESOURCE, "      tasks:\n", "      tags:\n        desk: risk\n      tasks:\n")
    dbx.write("g2l.toml", dbx.read("g2l.toml") + 'resources = "bundle/jobs"\n')
    dbx.commit("Databricks: tag the job; resources in bundle/jobs")

    run = g2l(dbx.path, "sync")

    assert run.code == 0, run.output
    assert not (dbx.path / RESOURCE).exists()
    job = resource(dbx, "bundle/jobs/risk_exposure.job.yml")
    assert job["tags"] == {"desk": "risk"}
    assert job["tasks"][0]["spark_python_task"]["python_file"] == "../../jobs/process_a.py"


def test_a_dry_run_and_a_branch_sync_move_no_ref_of_the_target(repos: tuple[DbxRepo, GlueRepo]) -> None:
    dbx, glue = repos
    glue.commit("Glue: more workers", {"infra/glue/jobs.json": definitions(NumberOfWorkers=11)})
    before = dbx.refs()
    run = g2l(dbx.path, "sync", "--dry-run")
    assert run.code == 0, run.output
    assert f"updated  {RESOURCE}" in run.output
    assert dbx.refs() == before
    assert cluster(resource(dbx))["num_workers"] == 4

    assert g2l(dbx.path, "sync", "--branch", "g2l/weekly").code == 0
    assert dbx.refs()["refs/heads/main"] == before["refs/heads/main"]
    assert "num_workers: 10" in dbx.show("g2l/weekly", RESOURCE)
    assert cluster(resource(dbx))["num_workers"] == 4


def test_the_databricks_team_deletes_databricks_yml_and_no_sync_brings_it_back(
    repos: tuple[DbxRepo, GlueRepo],
) -> None:
    dbx, glue = repos
    git(dbx.path, "rm", "-q", "databricks.yml")
    dbx.commit("Databricks: the bundle lives in another repository")
    glue.commit("Glue: more workers", {"infra/glue/jobs.json": definitions(NumberOfWorkers=11)})
    assert g2l(dbx.path, "sync").code == 0
    dbx.edit("g2l.toml", 'catalog = "main"', 'catalog = "risk"')  # every file converted again
    dbx.commit("Databricks: the risk catalog")
    run = g2l(dbx.path, "sync")
    assert run.code == 0, run.output
    assert not (dbx.path / "databricks.yml").exists()


def test_thousands_of_jobs_in_one_file(repos: tuple[DbxRepo, GlueRepo]) -> None:
    dbx, glue = repos
    job = copy.deepcopy(DEFINITIONS["Jobs"][0])
    many = {"Jobs": [job | {"Name": f"risk-{number:04}"} for number in range(2000)]}
    glue.commit("Glue: every desk's job", {"infra/glue/many.json": json.dumps(many)})
    run = g2l(dbx.path, "sync")
    assert run.code == 0, run.output
    assert len(list((dbx.path / "resources").glob("risk_*.job.yml"))) == 2001
    assert resource(dbx, "resources/risk_1999.job.yml")["name"] == "risk-1999"


def test_a_definitions_file_named_with_a_line_break_keeps_its_jobs_while_it_does_not_read(
    repos: tuple[DbxRepo, GlueRepo],
) -> None:
    dbx, glue = repos
    odd = "infra/glue/limits\nfile.json"
    second = copy.deepcopy(DEFINITIONS["Jobs"][0]) | {"Name": "risk_limits"}
    glue.commit("Glue: a limits job", {odd: json.dumps({"Job": second})})
    run = g2l(dbx.path, "sync")
    assert run.code == 0, run.output
    limits = "resources/risk_limits.job.yml"
    assert dbx.read(limits).startswith("# g2l: converted from infra/glue/limits\\nfile.json (Glue job 'risk_limits')\n")
    assert resource(dbx, limits)["name"] == "risk_limits"

    glue.commit("Glue: a typo", {odd: "{"})
    run = g2l(dbx.path, "sync")
    assert run.code == 0, run.output
    assert resource(dbx, limits)["name"] == "risk_limits"  # kept until it reads again


@pytest.mark.parametrize(
    ("changes", "key", "value"),
    [
        ({"MaxRetries": -1}, "Jobs[0].MaxRetries", "-1"),  # -1 is "retry forever" in a Databricks task
        ({"Timeout": -5}, "Jobs[0].Timeout", "-5"),
        ({"NumberOfWorkers": -3}, "Jobs[0].NumberOfWorkers", "-3"),
        ({"MaxCapacity": -1.5}, "Jobs[0].MaxCapacity", "-1.5"),
        ({"ExecutionProperty": {"MaxConcurrentRuns": -2}}, "Jobs[0].ExecutionProperty.MaxConcurrentRuns", "-2"),
    ],
)
def test_a_negative_count_is_a_definitions_file_that_does_not_read(
    changes: dict[str, Any], key: str, value: str
) -> None:
    _, broken, findings = read_definitions({"j.json": json.dumps({"Jobs": [glue_job(**changes)]}).encode()})
    assert broken == {"j.json"}
    assert [(f.rule, f.message.split(";")[0]) for f in findings] == [
        ("G2L500", f"job definitions not read (j.json: {key}: expected a number of 0 or more, found {value})")
    ]


def test_a_negative_trigger_timeout_does_not_read() -> None:
    trigger = {"Name": "t", "Type": "ON_DEMAND", "Actions": [{"JobName": "a", "Timeout": -1}]}
    _, broken, findings = read_definitions({"t.json": json.dumps({"Triggers": [trigger]}).encode()})
    assert broken == {"t.json"}
    assert "t.json: Triggers[0].Actions[0].Timeout: expected a number of 0 or more, found -1" in findings[0].message


def test_a_new_job_whose_name_makes_the_same_key_does_not_take_over_the_teams_file(
    repos: tuple[DbxRepo, GlueRepo],
) -> None:
    dbx, glue = repos
    dbx.edit(RESOURCE, "      tasks:\n", "      tags:\n        desk: risk\n      tasks:\n")
    dbx.commit("Databricks: tag the exposure job")
    other = copy.deepcopy(DEFINITIONS["Jobs"][0]) | {"Name": "Risk Exposure", "NumberOfWorkers": 2}
    glue.commit("Glue: a second exposure job, in a file that sorts first", {"infra/glue/a.json": json.dumps(other)})

    run = g2l(dbx.path, "sync")

    assert run.code == 0, run.output
    job = resource(dbx)
    assert (job["name"], job["tags"]) == ("risk-exposure", {"desk": "risk"})  # the file stays the job's
    assert resource(dbx, "resources/risk_exposure_2.job.yml")["name"] == "Risk Exposure"


def test_a_job_keeps_its_file_through_a_full_conversion_too(repos: tuple[DbxRepo, GlueRepo]) -> None:
    dbx, glue = repos
    other = copy.deepcopy(DEFINITIONS["Jobs"][0]) | {"Name": "risk exposure"}
    glue.commit("Glue: a second exposure job", {"infra/glue/a.json": json.dumps(other)})
    dbx.edit("g2l.toml", 'catalog = "main"', 'catalog = "risk"')  # every file converted again
    dbx.commit("Databricks: the risk catalog")

    run = g2l(dbx.path, "sync")

    assert run.code == 0, run.output
    assert resource(dbx)["name"] == "risk-exposure"
    assert resource(dbx, "resources/risk_exposure_2.job.yml")["name"] == "risk exposure"


def test_a_workflow_named_as_a_job_keeps_the_job_its_file() -> None:
    workflow = {"Workflow": {"Name": "a", "Graph": {"Nodes": [{"Type": "JOB", "Name": "a", "JobDetails": {}}]}}}
    found = made({"j.json": {"Jobs": [glue_job()]}, "w.json": workflow})
    assert {path: job["name"] for path, (_, job) in found.items()} == {
        "resources/a.job.yml": "a",
        "resources/a_2.job.yml": "a",
    }
    assert found["resources/a_2.job.yml"][0].startswith("# g2l: converted from w.json (Glue workflow 'a')\n")


def test_a_definitions_file_made_a_symlink_keeps_its_jobs_and_says_so(repos: tuple[DbxRepo, GlueRepo]) -> None:
    dbx, glue = repos
    before = dbx.read(RESOURCE)
    (glue.path / "defs").mkdir()
    git(glue.path, "mv", "infra/glue/jobs.json", "defs/jobs.json")
    (glue.path / "infra/glue/jobs.json").symlink_to("../../defs/jobs.json")
    glue.commit("Glue: definitions generated elsewhere", {})
    git(glue.path, "add", "-A")
    git(glue.path, "commit", "-q", "--amend", "--no-edit")

    run = g2l(dbx.path, "sync")

    assert run.code == 0, run.output
    assert dbx.read(RESOURCE) == before
    assert "review   infra/glue/jobs.json:1: G2L500 job definitions not read (infra/glue/jobs.json: a symlink" in (
        run.output
    )


def test_a_databricks_yml_glue_deletes_leaves_the_mirror(tmp_path: Path) -> None:
    glue = GlueRepo(tmp_path / "glue")
    glue.commit(
        "Glue v1",
        {"jobs/process_a.py": JOB_A, "infra/jobs.json": definitions(), "databricks.yml": "bundle:\n  name: glue\n"},
    )
    dbx = DbxRepo(tmp_path / "dbx")
    assert g2l(dbx.path, "init", "--glue", "../glue", "--include", "jobs/*.py", "--include", "*.yml").code == 0
    dbx.write("g2l.toml", dbx.read("g2l.toml") + '\n[jobs]\ninclude = ["infra/*.json"]\n')
    dbx.commit("jobs")
    assert g2l(dbx.path, "sync").code == 0
    assert dbx.read("databricks.yml") == "bundle:\n  name: glue\n"  # Glue's, carried like any selected file

    glue.commit("Glue: no bundle here", {"databricks.yml": None})
    run = g2l(dbx.path, "sync")

    assert run.code == 0, run.output
    assert "databricks.yml" not in git(dbx.path, "ls-tree", "--name-only", "glue-mirror")
    assert not (dbx.path / "databricks.yml").exists()


def waits(name: str, wait: str, start: str) -> dict[str, Any]:
    """A conditional trigger of workflow `w`: when `wait` succeeded, start `start`."""
    condition = {"LogicalOperator": "EQUALS", "JobName": wait, "State": "SUCCEEDED"}
    return {
        "Name": name,
        "Type": "CONDITIONAL",
        "WorkflowName": "w",
        "Predicate": {"Conditions": [condition]},
        "Actions": [{"JobName": start}],
    }


@pytest.mark.parametrize(
    ("triggers", "tasks", "cycle"),
    [
        ([waits("t1", "a", "a")], [("a", None)], "Glue job 'a' waits for 'a'"),
        ([waits("t1", "a", "b"), waits("t2", "b", "a")], [("a", None), ("b", ["a"])], "Glue job 'a' waits for 'b'"),
    ],
)
def test_a_cycle_of_conditions_is_no_task_dependency_and_a_review_item(
    triggers: list[dict[str, Any]], tasks: list[tuple[str, list[str] | None]], cycle: str
) -> None:
    found = made({"j.json": {"Jobs": [glue_job("a"), glue_job("b")]}, "t.json": {"Triggers": triggers}})
    text, workflow = found["resources/w.job.yml"]
    depends = [
        (t["task_key"], [d["task_key"] for d in t["depends_on"]] if "depends_on" in t else None)
        for t in workflow["tasks"]
    ]
    assert depends == tasks
    assert f"# g2l: review G2L508: {cycle}, which waits for it" in text


def test_glue_renames_a_job_the_team_tagged_and_the_tags_follow_it_in_a_conflict(
    repos: tuple[DbxRepo, GlueRepo],
) -> None:
    dbx, glue = repos
    dbx.edit(RESOURCE, "      tasks:\n", "      tags:\n        desk: risk\n      tasks:\n")
    dbx.commit("Databricks: tag the job")
    glue.commit("Glue: the job renamed", {"infra/glue/jobs.json": definitions(Name="risk-exposure-v2")})

    run = g2l(dbx.path, "sync")

    renamed = "resources/risk_exposure_v2.job.yml"
    assert run.code == 1, run.output  # git follows the rename; the key and name lines both teams changed conflict
    assert not (dbx.path / RESOURCE).exists()
    assert "<<<<<<< main\n    risk_exposure:\n      name: risk-exposure\n      tags:\n        desk: risk\n" in dbx.read(
        renamed
    )


def test_review_items_of_a_resource_file_the_team_moved_are_reported_where_it_is(
    repos: tuple[DbxRepo, GlueRepo],
) -> None:
    dbx, glue = repos
    moved = "resources/jobs/risk_exposure.job.yml"
    (dbx.path / "resources/jobs").mkdir()
    git(dbx.path, "mv", RESOURCE, moved)
    dbx.commit("Databricks: jobs in their own folder")
    glue.commit(
        "Glue: bookmarks on",
        {"infra/glue/jobs.json": definitions(DefaultArguments={"--job-bookmark-option": "job-bookmark-enable"})},
    )
    run = g2l(dbx.path, "sync")
    assert run.code == 0, run.output
    assert f"review   {moved}:2: G2L504 job bookmarks are on" in run.output
    assert not (dbx.path / RESOURCE).exists()


def test_the_target_root_changed_between_syncs_points_the_tasks_at_the_moved_scripts(
    repos: tuple[DbxRepo, GlueRepo],
) -> None:
    dbx, _ = repos
    dbx.edit(RESOURCE, "      tasks:\n", "      tags:\n        desk: risk\n      tasks:\n")
    dbx.edit("g2l.toml", 'root = ""', 'root = "glue"')
    dbx.commit("Databricks: tag the job; Glue's files under glue/")

    run = g2l(dbx.path, "sync")

    assert run.code == 0, run.output
    job = resource(dbx)
    assert job["tags"] == {"desk": "risk"}
    assert job["tasks"][0]["spark_python_task"]["python_file"] == "../glue/jobs/process_a.py"
    assert (dbx.path / "glue/jobs/process_a.py").exists()
    assert cluster(job)["spark_env_vars"]["PYTHONPATH"].endswith("${workspace.file_path}/glue/lib")


def test_a_job_name_too_long_for_a_file_name_gets_a_short_file(repos: tuple[DbxRepo, GlueRepo]) -> None:
    dbx, glue = repos
    name = "risk-" + "x" * 300
    second = copy.deepcopy(DEFINITIONS["Jobs"][0]) | {"Name": name}
    glue.commit("Glue: a job with a long name", {"infra/glue/long.json": json.dumps({"Job": second})})

    run = g2l(dbx.path, "sync")

    assert run.code == 0, run.output
    [path] = [p for p in git(dbx.path, "ls-files", "resources").split("\n") if p != RESOURCE]
    assert len(path.rsplit("/", 1)[1].encode()) <= 255
    assert resource(dbx, path)["name"] == name
    assert git(dbx.path, "status", "--porcelain") == ""


def test_long_names_make_keys_databricks_takes() -> None:
    jobs = [glue_job("risk-" + "x" * 250), glue_job("risk-" + "x" * 251)]
    found = made({"j.json": {"Jobs": jobs}})
    keys = {path: job["tasks"][0]["task_key"] for path, (_, job) in found.items()}
    assert keys == {
        "resources/risk_" + "x" * 75 + ".job.yml": "risk_" + "x" * 75,
        "resources/risk_" + "x" * 75 + "_2.job.yml": "risk_" + "x" * 75 + "_2",
    }
    assert all(len(job["job_clusters"][0]["job_cluster_key"]) <= 100 for _, job in found.values())


@pytest.mark.parametrize(("raw", "shown"), [("NaN", "NaN"), ("Infinity", "Infinity"), ("1e400", "Infinity")])
def test_a_capacity_that_is_no_finite_number_does_not_read(raw: str, shown: str) -> None:
    data = '{"Jobs": [{"Name": "a", "Command": {"ScriptLocation": "s3://b/a.py"}, "MaxCapacity": ' + raw + "}]}"
    _, broken, findings = read_definitions({"j.json": data.encode()})
    assert broken == {"j.json"}  # the sync stopped on it with a traceback
    assert findings[0].message.startswith(
        f"job definitions not read (j.json: Jobs[0].MaxCapacity: expected a number, found {shown})"
    )


def test_json_nested_too_deep_does_not_read() -> None:
    _, broken, findings = read_definitions({"j.json": b"[" * 100_000 + b"]" * 100_000})
    assert broken == {"j.json"}  # the sync stopped on it with a RecursionError
    assert findings[0].message.startswith("job definitions not read (j.json: not valid JSON (nested too deep))")


@pytest.mark.parametrize("terms", [1_500, 100_000])  # read by the layout's evaluation; by Python's parser
def test_a_blueprint_layout_nested_too_deep_does_not_read(terms: int) -> None:
    layout = (
        "from awsglue.blueprint.workflow import *\nfrom awsglue.blueprint.job import *\n\n\n"
        "def generate_layout(user_params, system_params):\n"
        f"    name = {'+'.join(['chr(97)'] * terms)}\n"
        "    return Workflow(Name=name, Entities=Entities(Jobs=[Job(Name=name, Command={'ScriptLocation': name})]))\n"
    )
    _, broken, findings = read_definitions({"b/layout.py": layout.encode()})
    assert broken == {"b/layout.py"}  # the sync stopped on it with a RecursionError
    assert findings[0].message.startswith(
        "job definitions not read (b/layout.py: an expression nested too deep to read)"
    )


def every_file(tmp_path: Path) -> tuple[DbxRepo, GlueRepo]:
    """Repositories synced once with a [source] include that selects every Glue file."""
    glue = GlueRepo(tmp_path / "glue")
    glue.commit("Glue v1", {"jobs/process_a.py": JOB_A, "infra/jobs.json": definitions()})
    dbx = DbxRepo(tmp_path / "dbx")
    assert g2l(dbx.path, "init", "--glue", "../glue", "--include", "**").code == 0
    dbx.write("g2l.toml", dbx.read("g2l.toml") + '\n[jobs]\ninclude = ["infra/*.json"]\n')
    dbx.commit("jobs")
    assert g2l(dbx.path, "sync").code == 0
    assert cluster(resource(dbx))["num_workers"] == 4
    return dbx, glue


def test_a_source_include_of_every_file_still_updates_the_job_resources(tmp_path: Path) -> None:
    dbx, glue = every_file(tmp_path)

    glue.commit("Glue: more workers", {"infra/jobs.json": definitions(NumberOfWorkers=11)})
    run = g2l(dbx.path, "sync")

    assert run.code == 0, run.output
    assert "left out" not in run.output
    assert cluster(resource(dbx))["num_workers"] == 10
    assert f"review   {RESOURCE}:2: G2L502 Glue-only arguments dropped" in run.output
    status = g2l(dbx.path, "status", "--offline").output
    assert f"Job: {RESOURCE} (from infra/jobs.json, 1 review item)\n" in status
    glue.commit("Glue: fewer workers", {"infra/jobs.json": definitions(NumberOfWorkers=3)})
    assert g2l(dbx.path, "sync", "--branch", "g2l/weekly").code == 0
    assert f"Job not merged yet: updated {RESOURCE}\n" in g2l(dbx.path, "status", "--offline").output


SCHEDULE = {
    "Triggers": [
        {
            "Name": "nightly",
            "Type": "SCHEDULED",
            "State": "ACTIVATED",
            "Schedule": "cron(30 2 * * ? *)",
            "Actions": [{"JobName": "risk-exposure"}],
        }
    ]
}


@pytest.mark.xfail(
    strict=True,
    reason="design: a job's resource is made from several files (its definition, the triggers that schedule it); "
    "only resources whose first line names the unreadable file are kept, so a typo in a triggers file drops the "
    "schedule of a job defined elsewhere",
)
def test_a_typo_in_a_triggers_file_keeps_the_schedule_it_gave(repos: tuple[DbxRepo, GlueRepo]) -> None:
    dbx, glue = repos
    glue.commit("Glue: a nightly schedule", {"infra/glue/triggers.json": json.dumps(SCHEDULE)})
    assert g2l(dbx.path, "sync").code == 0
    assert resource(dbx)["schedule"]["quartz_cron_expression"] == "0 30 2 * * ?"

    glue.commit("Glue: a typo", {"infra/glue/triggers.json": json.dumps(SCHEDULE)[:-1]})
    run = g2l(dbx.path, "sync")

    assert run.code == 0, run.output
    assert "G2L500 job definitions not read (infra/glue/triggers.json" in run.output
    assert resource(dbx)["schedule"]["quartz_cron_expression"] == "0 30 2 * * ?"


def test_a_job_named_like_the_converted_from_line_keeps_its_file_through_a_typo(
    repos: tuple[DbxRepo, GlueRepo],
) -> None:
    dbx, glue = repos
    odd = "risk (Glue job 'x')"
    glue.commit("Glue: an odd name", {"infra/glue/jobs.json": definitions(Name=odd)})
    assert g2l(dbx.path, "sync").code == 0
    path = "resources/risk_glue_job_x.job.yml"
    assert resource(dbx, path)["name"] == odd

    glue.commit("Glue: a typo", {"infra/glue/jobs.json": definitions(Name=odd).replace('"prod"', '"prod",,')})
    run = g2l(dbx.path, "sync")

    assert run.code == 0, run.output
    assert resource(dbx, path)["name"] == odd


@pytest.mark.parametrize(
    ("first", "source", "owner"),
    [
        ("# g2l: converted from a.json (Glue job 'x')", "a.json", ("job", "x")),
        ("# g2l: converted from a (Glue job 'z').json (Glue workflow 'w')", "a (Glue job 'z').json", ("workflow", "w")),
        ("# g2l: converted from a.json (Glue job \"x (Glue job 'y')\")", "a.json", ("job", "x (Glue job 'y')")),
        ("# g2l: converted from a.json (Glue job 'x') and more", None, None),
        ("# g2l: converted from a.json (Glue job 3)", None, None),
        ("# g2l: converted from a.json", None, None),
        ("resources:", None, None),
    ],
)
def test_the_converted_from_line_reads_back_whatever_the_name_or_path_holds(
    first: str, source: str | None, owner: tuple[str, str] | None
) -> None:
    assert (resource_source(first + "\nresources:\n"), resource_owner(first)) == (source, owner)


def test_a_glue_file_where_a_job_resource_lands_wins_and_the_job_is_left_out(tmp_path: Path) -> None:
    dbx, glue = every_file(tmp_path)
    glue.commit("Glue: a bundle file of its own", {RESOURCE: "resources:\n  jobs: {}\n"})

    run = g2l(dbx.path, "sync")

    assert run.code == 0, run.output
    assert dbx.read(RESOURCE) == "resources:\n  jobs: {}\n"
    assert (
        "infra/jobs.json:1: G2L500 Glue job 'risk-exposure' would land on resources/risk_exposure.job.yml, a "
        "converted Glue file: it is left out"
    ) in run.output


def test_a_typo_and_a_full_conversion_in_one_sync_keep_the_jobs(repos: tuple[DbxRepo, GlueRepo]) -> None:
    dbx, glue = repos
    before = dbx.read(RESOURCE)
    glue.commit("Glue: a typo", {"infra/glue/jobs.json": definitions().replace('"prod"', '"prod",,')})
    dbx.edit("g2l.toml", 'catalog = "main"', 'catalog = "risk"')  # every file converted again
    dbx.commit("Databricks: the risk catalog")

    run = g2l(dbx.path, "sync")

    assert run.code == 0, run.output
    assert dbx.read(RESOURCE) == before


def test_a_new_job_never_lands_on_the_file_of_a_job_whose_definitions_do_not_read(
    repos: tuple[DbxRepo, GlueRepo],
) -> None:
    dbx, glue = repos
    before = dbx.read(RESOURCE)
    other = copy.deepcopy(DEFINITIONS["Jobs"][0]) | {"Name": "Risk Exposure"}
    glue.commit(
        "Glue: a typo, and a second exposure job",
        {
            "infra/glue/jobs.json": definitions().replace('"prod"', '"prod",,'),
            "infra/glue/other.json": json.dumps({"Job": other}),
        },
    )

    run = g2l(dbx.path, "sync")

    assert run.code == 0, run.output
    assert dbx.read(RESOURCE) == before
    assert resource(dbx, "resources/risk_exposure_2.job.yml")["name"] == "Risk Exposure"
