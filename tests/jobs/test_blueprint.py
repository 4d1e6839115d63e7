"""Glue blueprint layouts (awsglue.blueprint): read without running them into jobs and a workflow, and what is
known only when the blueprint runs as review items. The workflow resource of a realistic layout is a golden file
(tests/jobs/cases/blueprints/), accepted by databricks-bundles; `G2L_WRITE_GOLDEN=1` rewrites it."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from databricks.bundles.jobs import Job
from test_bundle import GLUE_FILES, TEXTS, config

from g2l_merge.convert.findings import Finding
from g2l_merge.errors import G2lError
from g2l_merge.jobs import review_lines
from g2l_merge.jobs.blueprint import BLUEPRINT_RULE, read_blueprint
from g2l_merge.jobs.estate import job_files, read_definitions
from g2l_merge.jobs.triggers import Action, Condition, Definitions, GlueWorkflow

CASES = Path(__file__).parent / "cases" / "blueprints"
PATH = "blueprints/risk_nightly/layout.py"
SCRIPTS = "s3://aws-glue-assets-123456789012-eu-west-1/scripts"
FIVE = '"5"'

# A blueprint whose layout is static but for its role, a temporary folder and one job's workers: a crawler,
# two loads (one after the crawler), a report after ANY load, a cleanup after ALL loads failed, a schedule.
LAYOUT = f'''\
import boto3
from awsglue.blueprint.workflow import Workflow, Entities
from awsglue.blueprint.job import Job
from awsglue.blueprint.crawler import Crawler

SCRIPTS = "{SCRIPTS}"
COMMON = {{"--env": "prod", "--job-bookmark-option": "job-bookmark-disable"}}


def generate_layout(user_params, system_params):
    session = boto3.Session(region_name=system_params["region"])
    role = user_params["IAMRole"]
    temp = f"s3://aws-glue-temporary-{{system_params['accountId']}}/risk/"
    raw = Crawler(Name="risk_raw", Role=role, Targets={{"S3Targets": [{{"Path": "s3://risk-raw/"}}]}})
    trades = Job(
        Name="load_trades",
        Role=role,
        Command={{"Name": "glueetl", "ScriptLocation": SCRIPTS + "/nightly_exposure.py", "PythonVersion": "3"}},
        DefaultArguments={{**COMMON, "--desk": "rates", "--TempDir": temp}},
        GlueVersion="4.0",
        WorkerType="G.1X",
        NumberOfWorkers=5,
        DependsOn={{raw: "SUCCEEDED"}},
    )
    limits = Job(
        Name="load_limits",
        Role=role,
        Command={{"Name": "glueetl", "ScriptLocation": f"{{SCRIPTS}}/intraday.py"}},
        WorkerType="G.2X",
        NumberOfWorkers=user_params["LimitWorkers"],
        MaxRetries=1,
    )
    report = Job(
        Name="report",
        Role=role,
        Command={{"Name": "glueetl", "ScriptLocation": SCRIPTS + "/nightly_exposure.py"}},
        DefaultArguments={{"--desk": "all"}},
        Timeout=60,
        DependsOn={{trades: "SUCCEEDED", limits: "SUCCEEDED"}},
        WaitForDependencies="ANY",
    )
    cleanup = Job(
        Name="cleanup",
        Role=role,
        Command={{"Name": "pythonshell", "ScriptLocation": SCRIPTS + "/intraday.py", "PythonVersion": "3.9"}},
        DependsOn={{trades: "FAILED", limits: "FAILED"}},
        WaitForDependencies="AND",
    )
    jobs = [trades, limits]
    jobs.append(report)
    jobs.append(cleanup)
    return Workflow(
        Name="risk_nightly",
        Description="Nightly risk, from a blueprint",
        Entities=Entities(Jobs=jobs, Crawlers=[raw]),
        OnSchedule="cron(0 2 * * ? *)",
    )
'''


def read(text: str, path: str = PATH) -> Definitions:
    return read_blueprint(textwrap.dedent(text).encode(), path)


def resources(files: dict[str, str]) -> tuple[dict[str, bytes], list[Finding]]:
    read_, broken, findings = read_definitions({path: text.encode() for path, text in files.items()})
    assert not broken, findings
    made, more = job_files(read_, GLUE_FILES, TEXTS, config())
    return made, findings + more


def loaded(text: bytes) -> dict[str, Any]:
    [(_, resource)] = yaml.safe_load(text)["resources"]["jobs"].items()
    assert Job.from_dict(resource).as_dict() == resource  # what the Databricks CLI accepts
    return dict(resource)


def layout(body: str, imports: str = "from awsglue.blueprint.workflow import *") -> str:
    """A layout: the imports, then `body` inside generate_layout, then a Workflow of the list `jobs`."""
    return (
        f"{imports}\n\n\ndef generate_layout(user_params, system_params):\n"
        + textwrap.indent(textwrap.dedent(body), "    ")
        + '    return Workflow(Name="w", Entities=Entities(Jobs=jobs))\n'
    )


def job(name: str = "j", **more: str) -> str:
    fields = {"Name": repr(name), "Command": f'{{"ScriptLocation": "{SCRIPTS}/intraday.py"}}'} | more
    return "Job(" + ", ".join(f"{key}={value}" for key, value in fields.items()) + ")"


def notes(definitions: Definitions) -> list[str]:
    [workflow] = definitions.workflows
    return list(workflow.notes)


# -- the golden case -------------------------------------------------------------------------------------------


def test_blueprint_golden_case() -> None:
    files, findings = resources({PATH: LAYOUT})
    text = files["resources/risk_nightly.job.yml"]
    expected = CASES / "risk_nightly.job.yml"
    if os.environ.get("G2L_WRITE_GOLDEN"):
        expected.parent.mkdir(exist_ok=True)
        expected.write_bytes(text)
    assert text.decode() == expected.read_text()
    loaded(text)
    assert findings == []
    assert {"resources/load_trades.job.yml", "resources/report.job.yml"} <= set(files)  # each job's own file


def test_a_static_layout_is_one_workflow_whose_tasks_wait_as_depends_on_says() -> None:
    files, _ = resources({PATH: LAYOUT})
    workflow = loaded(files["resources/risk_nightly.job.yml"])
    assert workflow["schedule"] == {
        "quartz_cron_expression": "0 0 2 * * ?",
        "timezone_id": "UTC",
        "pause_status": "UNPAUSED",  # Glue starts a blueprint's scheduled trigger on creation
    }
    waits = {
        t["task_key"]: ([d["task_key"] for d in t.get("depends_on", [])], t.get("run_if")) for t in workflow["tasks"]
    }
    assert waits == {
        "load_limits": ([], None),
        "load_trades": ([], None),  # its crawler is no task: a review item
        "report": (["load_trades", "load_limits"], "AT_LEAST_ONE_SUCCESS"),
        "cleanup": (["load_trades", "load_limits"], "ALL_FAILED"),
    }
    text = files["resources/risk_nightly.job.yml"].decode()
    messages = [finding.message for finding in review_lines("x", text)]
    assert "crawler 'risk_raw' (started by 'risk_nightly_starting_trigger') is not carried" in text
    assert "'risk_nightly_load_trades_trigger' waits for crawler 'risk_raw', which is no task" in text
    assert (
        "layout line 25: job 'load_limits': NumberOfWorkers (blueprint parameter 'LimitWorkers'): known only when "
        "the blueprint runs, so as converted left out: set them by hand"
    ) in messages
    limits = next(c for c in workflow["job_clusters"] if c["job_cluster_key"] == "load_limits_cluster")
    assert limits["new_cluster"]["num_workers"] == 9  # Glue's default, as for a job without NumberOfWorkers


def test_the_jobs_and_triggers_read_are_the_ones_glue_would_make() -> None:
    definitions = read(LAYOUT)
    trades = definitions.jobs[0]
    assert (trades.name, trades.script_location, trades.python_version, trades.worker_type) == (
        "load_trades",
        f"{SCRIPTS}/nightly_exposure.py",
        "3",
        "G.1X",
    )
    assert trades.default_arguments == {
        "--env": "prod",
        "--job-bookmark-option": "job-bookmark-disable",
        "--desk": "rates",
    }
    assert trades.where == f"{PATH}:15"
    [workflow] = definitions.workflows
    assert (workflow.name, workflow.description, workflow.where) == (
        "risk_nightly",
        "Nightly risk, from a blueprint",
        f"{PATH}:52",
    )
    start, *conditional = workflow.triggers
    assert (start.name, start.kind, start.schedule, start.workflow) == (
        "risk_nightly_starting_trigger",
        "SCHEDULED",
        "cron(0 2 * * ? *)",
        "risk_nightly",
    )
    assert start.actions == (Action("load_limits", None, {}, None), Action(None, "risk_raw", {}, None))
    report = next(t for t in conditional if t.name == "risk_nightly_report_trigger")
    assert (report.kind, report.logical, report.actions) == ("CONDITIONAL", "ANY", (Action("report", None, {}, None),))
    assert report.conditions == (
        Condition("load_trades", None, "SUCCEEDED"),
        Condition("load_limits", None, "SUCCEEDED"),
    )
    trades_trigger = next(t for t in conditional if t.name == "risk_nightly_load_trades_trigger")
    assert trades_trigger.conditions == (Condition(None, "risk_raw", "SUCCEEDED"),)
    assert workflow.notes == (
        "layout line 25: job 'load_limits': NumberOfWorkers (blueprint parameter 'LimitWorkers'): known only when "
        "the blueprint runs, so as converted left out: set them by hand",
    )


# -- what is not known --------------------------------------------------------------------------------------------


def test_a_job_whose_name_or_script_is_a_parameter_is_not_carried_and_its_dependents_do_not_wait() -> None:
    body = f"""\
    a = {job(Name="user_params['Prefix'] + '_a'")}
    b = Job(Name="b", Command={{"ScriptLocation": user_params.get("Script")}})
    c = {job("c", DependsOn="{a: 'SUCCEEDED', b: 'SUCCEEDED'}")}
    jobs = [a, b, c]
    """
    definitions = read(layout(body))
    assert [j.name for j in definitions.jobs] == ["c"]
    assert notes(definitions) == [
        "layout line 5: the Job is not carried: its Name comes from blueprint parameter 'Prefix', known only when the "
        "blueprint runs; as converted, the workflow has no task for it and the tasks after it do not wait for it: "
        "add it by hand",
        "layout line 6: job 'b' is not carried: its Command.ScriptLocation comes from blueprint parameter 'Script', "
        "known only when the blueprint runs; as converted, the workflow has no task for it and the tasks after it do "
        "not wait for it: add it by hand",
        "layout line 7: DependsOn names the Job at line 5, which is not carried; as converted, the task does not wait "
        "for it",
        "layout line 7: DependsOn names the Job at line 6, which is not carried; as converted, the task does not wait "
        "for it",
    ]
    [workflow] = definitions.workflows
    [_, trigger] = workflow.triggers
    assert (trigger.actions[0].job, trigger.conditions) == ("c", ())


def test_jobs_made_in_a_loop_a_comprehension_or_a_condition_are_review_items() -> None:
    body = f"""\
    jobs = [{job("fixed")}]
    for path in user_params["Paths"]:
        jobs.append({job(Name="path")})
    more = [{job(Name="p")} for p in user_params["More"]]
    if user_params["Audit"]:
        jobs.append({job("audit")})
    jobs.extend(more)
    """
    definitions = read(layout(body))
    assert [j.name for j in definitions.jobs] == ["fixed"]
    assert notes(definitions) == [
        "layout line 6: the jobs and crawlers made in the loop here are not carried: g2l-merge reads the layout "
        "without running it, and what they are is known only when the blueprint runs: add them as tasks by hand",
        "layout line 8: the jobs and crawlers made in the loop here are not carried: g2l-merge reads the layout "
        "without running it, and what they are is known only when the blueprint runs: add them as tasks by hand",
        "layout line 9: the jobs and crawlers made under the condition here are not carried: g2l-merge reads the "
        "layout without running it, and what they are is known only when the blueprint runs: add them as tasks by "
        "hand",
    ]


def test_a_value_a_condition_sets_is_one_review_item() -> None:
    made = layout(f"if user_params['A']:\n    one = {job()}\njobs = [one]\n")
    assert notes(read(made)) == [
        "layout line 5: the jobs and crawlers made under the condition here are not carried: g2l-merge reads the "
        "layout without running it, and what they are is known only when the blueprint runs: add them as tasks by "
        "hand"
    ]
    named = layout(f"if user_params['A']:\n    one = 'x'\njobs = [{job()}, one]\n")
    assert notes(read(named)) == [
        "layout line 8: the Workflow's Entities Jobs hold a value set under the condition at line 5, which is known "
        "only when the blueprint runs: it is not carried"
    ]


def test_jobs_a_helper_function_makes_are_a_review_item() -> None:
    text = layout(f"jobs = [make('x'), {job('kept')}]\n").replace(
        "\n\ndef generate_layout", f"\n\ndef make(name):\n    return {job(Name='name')}\n\n\ndef generate_layout"
    )
    definitions = read(text)
    assert [j.name for j in definitions.jobs] == ["kept"]
    assert notes(definitions) == [
        "layout line 4: the jobs and crawlers function make makes are not carried: g2l-merge reads the layout "
        "without running it: add them as tasks by hand",
        "layout line 10: the Workflow's Entities Jobs hold the value at line 9, which is known only when the blueprint "
        "runs: it is not carried",
    ]


def test_a_workflow_named_and_scheduled_by_parameters_is_named_after_its_folder_and_runs_on_demand() -> None:
    text = layout(f"jobs = [{job()}]\n").replace(
        'Workflow(Name="w", Entities=Entities(Jobs=jobs))',
        "Workflow(Name=user_params['WorkflowName'], Entities=Entities(Jobs=jobs), OnSchedule=user_params['Cron'])",
    )
    definitions = read(text)
    [workflow] = definitions.workflows
    assert (workflow.name, workflow.triggers[0].kind) == ("risk_nightly", "ON_DEMAND")
    assert notes(definitions) == [
        "layout line 6: the Workflow's Name comes from blueprint parameter 'WorkflowName'; as converted, the job is "
        "named after the blueprint's folder, 'risk_nightly': rename it if you like",
        "layout line 6: the Workflow's OnSchedule comes from blueprint parameter 'Cron'; as converted, the job runs "
        "only when started: set its schedule by hand",
    ]
    assert read(text, "layout.py").workflows[0].name == "blueprint"


@pytest.mark.parametrize(
    ("schedule", "kind"), [('"EVENT"', "EVENT"), ('"ON_DEMAND"', "ON_DEMAND"), ("None", "ON_DEMAND")]
)
def test_on_schedule_event_and_on_demand_starts(schedule: str, kind: str) -> None:
    text = layout(f"jobs = [{job()}]\n").replace("Entities(Jobs=jobs))", f"Entities(Jobs=jobs), OnSchedule={schedule})")
    [workflow] = read(text).workflows
    assert (workflow.triggers[0].kind, workflow.triggers[0].schedule) == (kind, None)


def test_dependencies_and_their_logic_from_parameters_are_review_items() -> None:
    body = f"""\
    a = {job("a")}
    b = {job("b", DependsOn="{a: user_params['State']}", WaitForDependencies="user_params['Wait']")}
    c = {job("c", DependsOn="user_params['After']")}
    d = {job("d", DependsOn="{user_params['Other']: 'SUCCEEDED', 'e': 'SUCCEEDED'}")}
    ghost = {job("ghost")}
    f = {job("f", DependsOn="{ghost: 'SUCCEEDED'}")}
    jobs = [a, b, c, f]
    """
    definitions = read(layout(body))
    assert notes(definitions) == [
        "layout line 6: WaitForDependencies comes from blueprint parameter 'Wait'; as converted, the task waits for "
        "all its dependencies (AND)",
        "layout line 6: DependsOn names a state that comes from blueprint parameter 'State'; as converted, the task "
        "does not wait for it",
        "layout line 7: DependsOn comes from blueprint parameter 'After'; as converted, the task does not wait: add "
        "its dependencies by hand",
        "layout line 10: DependsOn names the Job at line 9, which is in no Workflow's Entities; as converted, the "
        "task does not wait for it",
    ]
    body = f"""\
    d = {job("d", DependsOn="{'e': 'SUCCEEDED', 1: 'SUCCEEDED', Entities(): 'SUCCEEDED'}")}
    jobs = [d]
    """
    assert notes(read(layout(body))) == [
        'layout line 5: DependsOn names "e"; as converted, the task does not wait for it',
        "layout line 5: DependsOn names 1; as converted, the task does not wait for it",
        "layout line 5: DependsOn names a blueprint object; as converted, the task does not wait for it",
    ]


def test_a_layout_with_no_workflow_or_two_keeps_its_notes_as_findings() -> None:
    text = f"from awsglue.blueprint.job import Job\n\n\ndef generate_layout(params, system):\n    return {job()}\n"
    files, findings = resources({"bp/layout.py": text})
    assert files == {}
    assert findings == [
        Finding(
            "bp/layout.py",
            1,
            BLUEPRINT_RULE,
            "layout line 1: no Workflow(...) is made here, so nothing of this blueprint is carried",
        )
    ]
    two = layout(f"jobs = [{job()}]\nother = Workflow(Name='v', Entities=user_params['E'])\n")
    definitions = read(two)
    assert [w.name for w in definitions.workflows] == ["v", "w"]
    assert [(n.line, n.message) for n in definitions.notes] == [
        (6, "layout line 6: the Workflow's Entities come from blueprint parameter 'E', so none of its jobs is carried")
    ]


# -- how the layout is written ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("imports", "job_call", "workflow_call"),
    [
        ("from awsglue.blueprint.workflow import *", "Job", "Workflow"),
        (
            "from awsglue.blueprint.job import *\nfrom awsglue.blueprint.workflow import Workflow, Entities",
            "Job",
            "Workflow",
        ),
        ("from awsglue.blueprint.job import Job as GJ\nfrom awsglue.blueprint.workflow import *", "GJ", "Workflow"),
        ("import awsglue.blueprint.workflow as bp", "bp.Job", "bp.Workflow"),
        ("from awsglue.blueprint import workflow", "workflow.Job", "workflow.Workflow"),
        ("from awsglue import blueprint", "blueprint.job.Job", "blueprint.workflow.Workflow"),
        ("import awsglue.blueprint.workflow", "awsglue.blueprint.workflow.Job", "awsglue.blueprint.workflow.Workflow"),
    ],
)
def test_the_blueprint_classes_however_imported(imports: str, job_call: str, workflow_call: str) -> None:
    entities = workflow_call.replace("Workflow", "Entities")
    text = (
        f"{imports}\n\n\ndef layout(params, system):\n"
        f"    j = {job_call}(Name='j', Command={{'ScriptLocation': 's3://b/j.py'}})\n"
        f"    return {workflow_call}(Name='w', Entities={entities}(Jobs=[j]))\n"
    )
    definitions = read(text)
    assert [j.name for j in definitions.jobs] == ["j"]
    assert [w.name for w in definitions.workflows] == ["w"]


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ('"a" + "b"', "ab"),
        ("f'{N:03d}-{S!r}-{S!s}-{S!a}-{S}'", "007-'x'-x-'x'-x"),
        ('"{}_{}".format(S, N)', "x_7"),
        ('"%s-%d" % (S, N)', "x-7"),
        ("str(N * 2 - 4)", "10"),
        ("D['k'][0]", "v"),
        ("T", "t1"),
        ("A", "ann"),
        ("W", "with"),
        ("E", "try"),
        ("F", "finally"),
        ("X", "set"),
        ("AUG", "ab"),
    ],
)
def test_what_the_layout_computes_from_literals_is_known(expression: str, value: str) -> None:
    body = f"""\
    S, N = "x", 7
    D = {{"k": ["v"]}}
    T, _ = ("t1", "t2")
    A: str = "ann"
    with open("x") as handle:
        W = "with"
    try:
        E = "try"
    except ValueError:
        pass
    finally:
        F = "finally"
    G = {{}}
    G["x"] = "set"
    X = G["x"]
    AUG = "a"
    AUG += "b"
    jobs = [{job(Description=expression)}]
    """
    [found] = read(layout(body)).jobs
    assert found.description == value


@pytest.mark.parametrize(
    ("expression", "why"),
    [
        ("system_params['region']", "system parameter 'region'"),
        ("user_params[0]", "blueprint parameter"),
        ("user_params", "a blueprint object"),
        ("user_params.get(KEY)", "blueprint parameter"),
        ("f'{user_params}'", "the value at line 12"),
        ("f'{S:{user_params[\"W\"]}}'", "blueprint parameter 'W'"),
        ("f'{[1]}'", "the value at line 12"),
        ("'{}'.format(user_params['F'])", "blueprint parameter 'F'"),
        ("'{1}'.format('a')", "the value at line 12"),
        ("str(user_params['S'])", "blueprint parameter 'S'"),
        ("undefined", "undefined (line 12)"),
        ("'a' if S else 'b'", "the value at line 12"),
        ("b'bytes'", "the value at line 12"),
        ("[*L]", "the value at line 12"),
        ("{**user_params}", "the value at line 12"),
        ("{**L}", "the value at line 12"),
        ("{user_params['K']: 1}", "blueprint parameter 'K'"),
        ("{L: 1}", "the value at line 12"),
        ("D[user_params['K']]", "blueprint parameter 'K'"),
        ("L[5]", "the value at line 12"),
        ("'a' + 1", "the value at line 12"),
        ("'a' * 3", "the value at line 12"),
        ("'%d' % 'x'", "the value at line 12"),
        ("'%099999d' % 1", "the value at line 12"),
        ("'{:>100000}'.format(1)", "the value at line 12"),
        ("f'{S:100000}'", "the value at line 12"),
        ("user_params['A'] - 1", "blueprint parameter 'A'"),
        ("T2", "a value set under the condition at line 7"),
        ("Q", "a value set in the loop at line 9"),
        ("P", "blueprint parameter 'P'"),
        ("R", "the value at line 11"),
        ("helper(1)", "the value at line 12"),
        ("boto3.client('s3')", "the value at line 12"),
    ],
)
def test_what_the_blueprint_computes_is_left_out_and_named(expression: str, why: str) -> None:
    body = f"""\
    S, D, L = "x", {{"k": 1}}, [1]
    KEY = user_params
    if S:
        T2 = "a"
    while S:
        Q = "b"
    P, = user_params["P"]; R, R2 = [1]
    jobs = [{job(Description=expression)}]
    """
    definitions = read(layout(body))
    [found] = definitions.jobs
    assert found.description is None
    assert notes(definitions)[-1] == (
        f"layout line 12: job 'j': Description ({why}): known only when the blueprint runs, so as converted left out: "
        "set them by hand"
    )


def test_lists_grow_by_extend_and_entities_may_be_one_job_or_a_tuple() -> None:
    body = f"""\
    jobs = []
    jobs.extend([{job("a")}])
    jobs.extend(user_params["More"])
    jobs.append(user_params["One"])
    jobs = (*jobs, {job("b")})
    jobs = jobs if False else [{job("c")}]
    """
    definitions = read(layout(body))
    assert notes(definitions) == [
        "layout line 11: the Workflow's Entities Jobs hold the value at line 10, which is known only when the "
        "blueprint runs: it is not carried"
    ]
    text = layout("jobs = {}\n".format(job("only"))).replace("Jobs=jobs", "Jobs=(jobs, 5)")
    assert [j.name for j in read(text).jobs] == ["only"]
    text = layout(f"jobs = {job('one')}\n")
    assert [j.name for j in read(text).jobs] == ["one"]
    text = layout("jobs = []\njobs.extend(user_params['More'])\njobs.extend([1])\njobs.append(1)\n")
    assert notes(read(text)) == [
        "layout line 9: the Workflow's Entities Jobs hold blueprint parameter 'More', which is known only when the "
        "blueprint runs: it is not carried"
    ]


def test_a_job_made_from_spread_fields_is_carried_when_they_are_known() -> None:
    body = f"""\
    base = {{"Command": {{"ScriptLocation": "{SCRIPTS}/intraday.py"}}, "MaxRetries": 2}}
    a = Job(Name="a", **base)
    b = Job(Name="b", **user_params["Fields"])
    c = Job(Name="c", **base, **user_params["More"])
    jobs = [a, b, c]
    """
    definitions = read(layout(body))
    assert [(j.name, j.max_retries) for j in definitions.jobs] == [("a", 2), ("c", 2)]
    assert notes(definitions) == [
        "layout line 7: job 'b' is not carried: its Command comes from blueprint parameter 'Fields', known only when "
        "the blueprint runs; as converted, the workflow has no task for it and the tasks after it do not wait for "
        "it: add it by hand",
        "layout line 8: job 'c': ** (blueprint parameter 'More'): known only when the blueprint runs, so as "
        "converted left out: set them by hand",
    ]


def test_crawlers_and_their_dependencies() -> None:
    body = f"""\
    raw = Crawler(Name="raw", Role="r", Targets={{}})
    named = Crawler(Name=user_params["Crawler"], Role="r", Targets={{}})
    after = Crawler(Name="after", Role="r", Targets={{}}, DependsOn={{raw: "SUCCEEDED"}})
    load = {job("load", DependsOn="{raw: 'SUCCEEDED', named: 'SUCCEEDED'}")}
    conn = {job("conn", Connections='{"Connections": ["jdbc", user_params["C"]]}', Timeout="user_params['T']")}
    jobs = [load, conn]
    """
    text = layout(body).replace("Entities(Jobs=jobs)", "Entities(Jobs=jobs, Crawlers=[raw, named, after])")
    definitions = read(text)
    [workflow] = definitions.workflows
    triggers = {t.name: t for t in workflow.triggers}
    assert triggers["w_after_trigger"].actions == (Action(None, "after", {}, None),)
    assert triggers["w_after_trigger"].conditions == (Condition(None, "raw", "SUCCEEDED"),)
    assert triggers["w_load_trigger"].conditions == (Condition(None, "raw", "SUCCEEDED"),)
    assert definitions.jobs[1].connections == ("jdbc",)
    assert notes(definitions) == [
        "layout line 9: job 'conn': Connections.Connections.1 (blueprint parameter 'C'), Timeout (blueprint "
        "parameter 'T'): known only when the blueprint runs, so as converted left out: set them by hand",
        "layout line 6: the Crawler's Name comes from blueprint parameter 'Crawler': it is not carried",
        "layout line 8: DependsOn names the Crawler at line 6, which is not carried; as converted, the task does not "
        "wait for it",
    ]


def test_a_layout_function_of_another_name_and_one_at_module_level() -> None:
    text = layout(f"jobs = [{job()}]\n").replace("def generate_layout(user_params, system_params)", "def build(p, s)")
    assert [w.name for w in read(text.replace("user_params", "p")).workflows] == ["w"]
    module = "from awsglue.blueprint.workflow import *\n" + (
        f"jobs = [{job()}]\nWORKFLOW = Workflow(Name='m', Entities=Entities(Jobs=jobs))\n"
    )
    assert [w.name for w in read(module).workflows] == ["m"]
    unnamed = "from awsglue.blueprint.workflow import *\n\ndef generate_layout(a, b):\n    return make(a)\n"
    assert (
        read(unnamed).notes[0].message
        == "layout line 1: no Workflow(...) is made here, so nothing of this blueprint is carried"
    )
    entities_none = layout(f"jobs = [{job()}]\n").replace("Entities=Entities(Jobs=jobs)", "Description='d'")
    assert notes(read(entities_none)) == [
        "layout line 6: the Workflow's Entities come from nothing, so none of its jobs is carried"
    ]
    crawler_unnamed = layout("jobs = [Crawler(Role='r')]\n")
    assert notes(read(crawler_unnamed)) == ["layout line 5: the Crawler's Name comes from nothing: it is not carried"]
    workflow_unnamed = layout("jobs = []\n").replace('Name="w", ', "")
    assert read(workflow_unnamed).workflows[0].name == "risk_nightly"
    properties = layout("jobs = []\n").replace(
        'Name="w"', 'Name="w", DefaultRunProperties={"as_of": "now", "n": 1, "p": user_params["P"]}'
    )
    assert read(properties).workflows[0].run_properties == {"as_of": "now", "n": "1", "p": ""}


# -- bad input ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "from awsglue.blueprint.workflow import *\ndef generate_layout(:\n",
            f"{PATH}:2: not valid Python (invalid syntax)",
        ),
        (  # a null byte is named at its own line (Python 3.11 gives none)
            "from awsglue.blueprint.workflow import *\n\ndef generate_layout(\0):\n",
            f"{PATH}:3: not valid Python (source code cannot contain null bytes)",
        ),
        (
            "import boto3\nfrom awsglue.context import GlueContext\n",
            f"{PATH}: no awsglue.blueprint import: not a Glue blueprint layout (expected e.g. `from "
            "awsglue.blueprint.workflow import Workflow, Entities`)",
        ),
        (layout(f"jobs = [{job()}, {job()}]\n"), f"{PATH}:5: job 'j' is made twice in this layout (also {PATH}:5)"),
        (
            layout(f"jobs = [{job(NumberOfWorkers=FIVE)}]\n"),
            f'{PATH}:5: Job.NumberOfWorkers: expected a whole number, found "5"',
        ),
        (layout("jobs = [Job(Name='j')]\n"), f"{PATH}:5: Job.Command: missing"),
        (
            layout(f"a = {job('a')}\njobs = [a, {job('b', DependsOn='{a: 1}', WaitForDependencies=repr('ALL'))}]\n"),
            f'{PATH}:6: WaitForDependencies: expected "AND" or "ANY", found "ALL"',
        ),
        (
            layout(f"jobs = [{job('b', DependsOn='[1]')}]\n"),
            f"{PATH}:5: DependsOn: expected a dict of jobs and crawlers to states",
        ),
    ],
)
def test_bad_layouts_name_the_file_and_line(text: str, message: str) -> None:
    with pytest.raises(G2lError) as raised:
        read(text)
    assert raised.value.message == message


def test_a_layout_that_is_not_utf8_or_not_read_is_a_finding_of_its_own() -> None:
    with pytest.raises(G2lError, match=r"^x.py: not UTF-8 text; expected a Glue blueprint layout script$"):
        read_blueprint(b"\xff\xfe", "x.py")
    read_, broken, findings = read_definitions({"bp/layout.py": b"def f(:\n", "jobs.json": b'{"Jobs": []}'})
    assert broken == {"bp/layout.py"}
    assert [(f.path, f.line, f.rule) for f in findings] == [("bp/layout.py", 1, "G2L500")]
    assert findings[0].message.startswith("job definitions not read (bp/layout.py:1: not valid Python (")
    assert [path for path, _ in read_] == ["jobs.json"]


def test_a_workflow_s_notes_are_review_items_of_its_job() -> None:
    workflow = GlueWorkflow("w", None, None, {}, (), "x.json", "x.json", notes=("layout line 3: something",))
    from g2l_merge.jobs.workflow import plan_triggers

    [plan] = plan_triggers((), (workflow,)).workflows
    assert [(r.rule, r.message) for r in plan.reviews] == [("G2L508", "layout line 3: something")]
