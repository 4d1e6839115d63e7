"""Glue triggers and workflows: read from the AWS CLI's JSON, then schedules, tasks and dependencies of bundle
jobs, or review items where Databricks has no faithful form. Workflow resources are golden files
(tests/jobs/cases/workflows/), accepted by databricks-bundles; `G2L_WRITE_GOLDEN=1` rewrites them."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from databricks.bundles.jobs import Job
from test_bundle import GLUE_FILES, TEXTS, config, job

from g2l_merge.errors import G2lError
from g2l_merge.jobs import review_lines
from g2l_merge.jobs.estate import job_files, read_definitions
from g2l_merge.jobs.triggers import Action, Condition, read_definitions_file

CASES = Path(__file__).parent / "cases" / "workflows"


def scheduled(name: str, cron: str, *jobs: str, state: str = "ACTIVATED", **more: Any) -> dict[str, Any]:
    return {
        "Name": name,
        "Type": "SCHEDULED",
        "State": state,
        "Schedule": cron,
        "Actions": [{"JobName": j} for j in jobs],
    } | more


def conditional(
    name: str, after: list[tuple[str, str]], *jobs: str, logical: str = "AND", **more: Any
) -> dict[str, Any]:
    return {
        "Name": name,
        "Type": "CONDITIONAL",
        "State": "ACTIVATED",
        "Predicate": {
            "Logical": logical,
            "Conditions": [{"LogicalOperator": "EQUALS", "JobName": j, "State": s} for j, s in after],
        },
        "Actions": [{"JobName": j} for j in jobs],
    } | more


def resources(files: dict[str, Any]) -> tuple[dict[str, bytes], list[Any]]:
    read, broken, findings = read_definitions({path: json.dumps(doc).encode() for path, doc in files.items()})
    assert not broken, findings
    return job_files(read, GLUE_FILES, TEXTS, config())


def loaded(text: bytes) -> dict[str, Any]:
    [(_, resource)] = yaml.safe_load(text)["resources"]["jobs"].items()
    assert Job.from_dict(resource).as_dict() == resource  # what the Databricks CLI accepts
    return dict(resource)


JOBS = {"Jobs": [job(Name=name) for name in ("load_trades", "load_limits", "exposure", "report", "cleanup")]}


# -- reading ---------------------------------------------------------------------------------------------------


def test_get_triggers_output_reads_every_field_the_mapping_uses() -> None:
    document = {
        "Triggers": [
            scheduled("nightly", "cron(0 2 * * ? *)", "exposure", WorkflowName="risk"),
            conditional("after", [("exposure", "SUCCEEDED")], "report", logical="ANY")
            | {"Actions": [{"JobName": "report", "Arguments": {"--fmt": "pdf"}, "Timeout": 30}]},
        ]
    }
    first, second = read_definitions_file(json.dumps(document).encode(), "t.json").triggers
    assert (first.name, first.kind, first.state, first.schedule, first.workflow) == (
        "nightly",
        "SCHEDULED",
        "ACTIVATED",
        "cron(0 2 * * ? *)",
        "risk",
    )
    assert first.actions == (Action("exposure", None, {}, None),)
    assert (second.logical, second.conditions) == ("ANY", (Condition("exposure", None, "SUCCEEDED"),))
    assert second.actions == (Action("report", None, {"--fmt": "pdf"}, 30),)
    assert (second.path, second.where) == ("t.json", "t.json: Triggers[1]")


def test_a_workflow_graph_reads_its_trigger_nodes_as_triggers_of_the_workflow() -> None:
    document = {
        "Workflow": {
            "Name": "risk",
            "MaxConcurrentRuns": 2,
            "DefaultRunProperties": {"as_of": "today"},
            "Graph": {
                "Nodes": [
                    {
                        "Type": "TRIGGER",
                        "Name": "go",
                        "TriggerDetails": {"Trigger": scheduled("go", "cron(0 1 * * ? *)", "exposure")},
                    },
                    {"Type": "JOB", "Name": "exposure", "JobDetails": {}},
                    {"Type": "CRAWLER", "Name": "c", "CrawlerDetails": {}},
                ],
                "Edges": [],
            },
        }
    }
    [workflow] = read_definitions_file(json.dumps(document).encode(), "w.json").workflows
    assert (workflow.name, workflow.max_concurrent_runs, workflow.run_properties) == ("risk", 2, {"as_of": "today"})
    [trigger] = workflow.triggers
    assert (trigger.name, trigger.workflow, trigger.where) == (
        "go",
        "risk",
        "w.json: Workflow.Graph.Nodes[0].TriggerDetails.Trigger",
    )


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"Triggers": {}}, "t.json: Triggers: expected a list, found {}"),
        ({"Trigger": {"Name": "x"}}, "t.json: Trigger.Type: missing"),
        (
            {"Trigger": {"Name": "x", "Type": "SCHEDULED", "Actions": [{"JobName": 3}]}},
            "t.json: Trigger.Actions[0].JobName: expected a string, found 3",
        ),
        ({"Workflows": [{"Graph": {}}]}, "t.json: Workflows[0].Name: missing"),
        (
            {"Workflow": {"Name": "w", "Graph": {"Nodes": [{"Type": "TRIGGER"}]}}},
            "t.json: Workflow.Graph.Nodes[0].TriggerDetails: missing",
        ),
        (
            {"Workflow": {"Name": "w", "DefaultRunProperties": {"a": 1}}},
            "t.json: Workflow.DefaultRunProperties.a: expected a string, found 1",
        ),
        ({"Crawlers": []}, "t.json: expected the JSON of `aws glue get-job(s)`, `get-trigger(s)` or `get-workflow`"),
    ],
)
def test_bad_trigger_or_workflow_input_names_the_key(document: dict[str, Any], message: str) -> None:
    with pytest.raises(G2lError) as raised:
        read_definitions_file(json.dumps(document).encode(), "t.json")
    assert raised.value.message.startswith(message)


# -- triggers outside workflows ----------------------------------------------------------------------------------


def test_a_scheduled_trigger_is_the_schedule_of_the_jobs_it_starts() -> None:
    files, findings = resources(
        {
            "jobs.json": JOBS,
            "t.json": {"Triggers": [scheduled("nightly", "cron(30 2 ? * MON-FRI *)", "exposure", "report")]},
        }
    )
    assert findings == []
    for key in ("exposure", "report"):
        assert loaded(files[f"resources/{key}.job.yml"])["schedule"] == {
            "quartz_cron_expression": "0 30 2 ? * MON-FRI",
            "timezone_id": "UTC",
            "pause_status": "UNPAUSED",
        }
    assert "schedule" not in loaded(files["resources/cleanup.job.yml"])


def test_a_trigger_that_is_not_activated_gives_a_paused_schedule() -> None:
    files, _ = resources(
        {"jobs.json": JOBS, "t.json": {"Trigger": scheduled("n", "cron(0 2 * * ? *)", "exposure", state="DEACTIVATED")}}
    )
    assert loaded(files["resources/exposure.job.yml"])["schedule"]["pause_status"] == "PAUSED"


@pytest.mark.parametrize(
    ("trigger", "review"),
    [
        (
            scheduled("bad", "cron(0 2 * * * *)", "exposure"),
            "G2L507: Glue trigger 'bad' starts this job, but its schedule 'cron(0 2 * * * *)' is not carried (",
        ),
        (
            conditional("after", [("load_trades", "SUCCEEDED")], "exposure"),
            "G2L507: Glue trigger 'after' starts this job when load_trades ended SUCCEEDED; as converted, nothing "
            "starts it",
        ),
        (
            {"Name": "on_file", "Type": "EVENT", "Actions": [{"JobName": "exposure"}]},
            "G2L507: Glue trigger 'on_file' starts this job on EventBridge events; as converted, nothing starts it",
        ),
        (
            scheduled("args", "cron(0 2 * * ? *)", "exposure")
            | {"Actions": [{"JobName": "exposure", "Arguments": {"--b": "1", "--a": "2"}}]},
            "G2L507: Glue trigger 'args' passes --a, --b to the runs it starts; as converted, scheduled runs get the "
            "job's own parameters",
        ),
    ],
)
def test_what_a_job_schedule_cannot_say_is_a_review_item_of_the_job(trigger: dict[str, Any], review: str) -> None:
    files, _ = resources({"jobs.json": JOBS, "t.json": {"Trigger": trigger}})
    text = files["resources/exposure.job.yml"].decode()
    assert f"# g2l: review {review}" in text


def test_a_second_schedule_of_one_job_is_a_review_item_and_the_first_stays() -> None:
    triggers = [
        scheduled("a_early", "cron(0 1 * * ? *)", "exposure"),
        scheduled("b_late", "cron(0 5 * * ? *)", "exposure"),
    ]
    files, _ = resources({"jobs.json": JOBS, "t.json": {"Triggers": triggers}})
    job_resource = loaded(files["resources/exposure.job.yml"])
    assert job_resource["schedule"]["quartz_cron_expression"] == "0 0 1 * * ?"
    [item] = review_lines("x", files["resources/exposure.job.yml"].decode())
    assert item.message.startswith("Glue trigger 'b_late' also schedules this job (cron(0 5 * * ? *))")


def test_a_trigger_of_a_job_no_file_defines_is_a_finding_on_the_trigger_file() -> None:
    _, [finding] = resources({"jobs.json": JOBS, "t.json": {"Trigger": scheduled("n", "cron(0 2 * * ? *)", "ghost")}})
    assert (finding.path, finding.rule) == ("t.json", "G2L507")
    assert finding.message.startswith("job 'ghost': no definitions file of [jobs] include holds it")


# -- workflows ---------------------------------------------------------------------------------------------------

NIGHTLY = [
    scheduled("start", "cron(0 1 * * ? *)", "load_trades", "load_limits", WorkflowName="risk_nightly"),
    conditional(
        "loaded", [("load_trades", "SUCCEEDED"), ("load_limits", "SUCCEEDED")], "exposure", WorkflowName="risk_nightly"
    )
    | {"Actions": [{"JobName": "exposure", "Arguments": {"--desk": "all"}, "Timeout": 90}]},
    conditional("done", [("exposure", "SUCCEEDED")], "report", WorkflowName="risk_nightly"),
    conditional("failed", [("exposure", "FAILED")], "cleanup", WorkflowName="risk_nightly"),
]
WORKFLOWS = {
    # a scheduled start, a join of two loads, arguments and a timeout of an action, a failure branch
    "risk_nightly": {"jobs.json": JOBS, "triggers.json": {"Triggers": NIGHTLY}},
    # ANY: the report runs after either load; crawlers and a job with no definition are review items
    "any_and_crawlers": {
        "jobs.json": JOBS,
        "workflow.json": {
            "Workflow": {
                "Name": "intraday",
                "Description": "Intraday refresh",
                "DefaultRunProperties": {"as_of": "now"},
                "Graph": {
                    "Nodes": [
                        {"Type": "TRIGGER", "Name": n["Name"], "TriggerDetails": {"Trigger": n}}
                        for n in [
                            {
                                "Name": "go",
                                "Type": "ON_DEMAND",
                                "Actions": [
                                    {"JobName": "load_trades"},
                                    {"JobName": "load_limits"},
                                    {"CrawlerName": "raw_crawler"},
                                ],
                            },
                            conditional(
                                "either",
                                [("load_trades", "SUCCEEDED"), ("load_limits", "SUCCEEDED")],
                                "report",
                                logical="ANY",
                            ),
                            conditional("ghosted", [("report", "SUCCEEDED")], "ghost"),
                            conditional("mixed", [("load_trades", "SUCCEEDED"), ("load_limits", "TIMEOUT")], "cleanup"),
                        ]
                    ]
                },
            }
        },
    },
}


@pytest.mark.parametrize("case", sorted(WORKFLOWS))
def test_workflow_golden_case(case: str) -> None:
    files, _ = resources(WORKFLOWS[case])
    name = "risk_nightly" if case == "risk_nightly" else "intraday"
    text = files[f"resources/{name}.job.yml"]
    expected = CASES / f"{case}.job.yml"
    if os.environ.get("G2L_WRITE_GOLDEN"):
        expected.parent.mkdir(exist_ok=True)
        expected.write_bytes(text)
    assert text.decode() == expected.read_text()
    loaded(text)


def test_a_workflow_is_one_job_whose_tasks_wait_as_its_triggers_say() -> None:
    files, _ = resources(WORKFLOWS["risk_nightly"])
    workflow = loaded(files["resources/risk_nightly.job.yml"])
    assert workflow["schedule"]["quartz_cron_expression"] == "0 0 1 * * ?"
    waits = {
        t["task_key"]: ([d["task_key"] for d in t.get("depends_on", [])], t.get("run_if")) for t in workflow["tasks"]
    }
    assert waits == {
        "load_limits": ([], None),
        "load_trades": ([], None),
        "exposure": (["load_trades", "load_limits"], None),  # ALL_SUCCESS, the default
        "report": (["exposure"], None),
        "cleanup": (["exposure"], "ALL_FAILED"),
    }
    order = [t["task_key"] for t in workflow["tasks"]]
    assert order.index("exposure") > max(order.index("load_trades"), order.index("load_limits"))
    exposure = next(t for t in workflow["tasks"] if t["task_key"] == "exposure")
    assert exposure["spark_python_task"]["parameters"][-2:] == ["--desk", "all"]  # the action's arguments
    assert exposure["timeout_seconds"] == 90 * 60
    assert {c["job_cluster_key"] for c in workflow["job_clusters"]} == {f"{k}_cluster" for k in waits}
    # each job keeps its own resource too, with no schedule: the workflow runs them
    assert "schedule" not in loaded(files["resources/exposure.job.yml"])


def test_what_a_workflow_cannot_carry_is_a_review_item_of_its_job() -> None:
    files, _ = resources(WORKFLOWS["any_and_crawlers"])
    text = files["resources/intraday.job.yml"].decode()
    rules_and_starts = [(f.rule, f.message[:60]) for f in review_lines("x", text)]
    assert rules_and_starts == sorted(rules_and_starts)
    messages = [f.message for f in review_lines("x", text)]
    assert any(m.startswith("crawler 'raw_crawler' (started by 'go') is not carried") for m in messages)
    assert any(m.startswith("the workflow runs Glue job 'ghost', which no definitions file") for m in messages)
    assert any(
        m.startswith("'mixed' starts its jobs when load_trades ended SUCCEEDED and load_limits ended TIMEOUT")
        for m in messages
    )
    assert any(m.startswith("workflow run properties as_of: as converted, the job has none") for m in messages)
    workflow = loaded(files["resources/intraday.job.yml"])
    report = next(t for t in workflow["tasks"] if t["task_key"] == "report")
    assert report["run_if"] == "AT_LEAST_ONE_SUCCESS"
    assert "ghost" not in {t["task_key"] for t in workflow["tasks"]}


def test_a_job_two_triggers_of_a_workflow_start_runs_once() -> None:
    triggers = [
        scheduled("start", "cron(0 1 * * ? *)", "exposure", WorkflowName="w"),
        conditional("again", [("exposure", "SUCCEEDED")], "exposure", "report", WorkflowName="w"),
    ]
    files, _ = resources({"jobs.json": JOBS, "t.json": {"Triggers": triggers}})
    workflow = loaded(files["resources/w.job.yml"])
    assert [t["task_key"] for t in workflow["tasks"]] == ["exposure", "report"]
    assert "G2L508: 'again' starts 'exposure' again" in files["resources/w.job.yml"].decode()


def test_a_workflow_and_a_job_of_one_name_get_two_files() -> None:
    files, _ = resources(
        {
            "jobs.json": JOBS,
            "t.json": {"Trigger": scheduled("s", "cron(0 1 * * ? *)", "report", WorkflowName="exposure")},
        }
    )
    assert loaded(files["resources/exposure.job.yml"])["name"] == "exposure"
    assert loaded(files["resources/exposure_2.job.yml"])["tasks"][0]["task_key"] == "report"
    assert files["resources/exposure_2.job.yml"].startswith(
        b"# g2l: converted from t.json (Glue workflow 'exposure')\n"
    )
