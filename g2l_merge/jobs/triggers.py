"""Glue triggers and workflows as the AWS CLI prints them, read into values, and every definitions file read.

A definitions file holds jobs (`get-job`, `get-jobs`), triggers (`get-trigger`: `{"Trigger": ...}`,
`get-triggers`: `{"Triggers": [...]}`) or workflows (`get-workflow --include-graph`: `{"Workflow": ...}`,
`batch-get-workflows`: `{"Workflows": [...]}`). A workflow's triggers are the trigger nodes of its graph; its jobs
are what those triggers start. Triggers that name a workflow (`WorkflowName`) belong to it even when no workflow
file is there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from g2l_merge.errors import G2lError
from g2l_merge.jobs.definition import GlueJob, arguments, jobs_of, load_json, optional, required, typed


class Action(NamedTuple):
    """What a trigger starts: a job (with arguments over its defaults) or a crawler."""

    job: str | None
    crawler: str | None
    arguments: Mapping[str, str]
    timeout_minutes: int | None


class Condition(NamedTuple):
    """A conditional trigger's condition: a job (or crawler) that ended in `state`."""

    job: str | None
    crawler: str | None
    state: str  # SUCCEEDED, FAILED, STOPPED, TIMEOUT (jobs); SUCCEEDED, FAILED, CANCELLED (crawlers)


class GlueTrigger(NamedTuple):
    name: str
    kind: str  # SCHEDULED, CONDITIONAL, ON_DEMAND, EVENT
    state: str | None  # ACTIVATED (fires), CREATED or DEACTIVATED (does not), ...
    schedule: str | None  # cron(...)
    workflow: str | None
    actions: tuple[Action, ...]
    logical: str  # AND (every condition) or ANY (one of them)
    conditions: tuple[Condition, ...]
    path: str  # the definitions file
    where: str  # "FILE: Triggers[1]"


class GlueWorkflow(NamedTuple):
    name: str
    description: str | None
    max_concurrent_runs: int | None
    run_properties: Mapping[str, str]
    triggers: tuple[GlueTrigger, ...]
    path: str
    where: str
    notes: tuple[str, ...] = ()  # what its source could not carry (a blueprint layout's): review items of its job


class Note(NamedTuple):
    """Something a definitions file holds that is not carried, where no job or workflow can hold it."""

    path: str
    line: int
    message: str


class Definitions(NamedTuple):
    jobs: tuple[GlueJob, ...] = ()
    triggers: tuple[GlueTrigger, ...] = ()
    workflows: tuple[GlueWorkflow, ...] = ()
    notes: tuple[Note, ...] = ()  # findings of the file (a blueprint layout with no one workflow)


def read_definitions_file(data: bytes, path: str) -> Definitions:
    """The jobs, triggers or workflows of one definitions file; G2lError naming the file and the line or key."""
    document = load_json(data, path)
    jobs = jobs_of(document, path)
    if jobs is not None:
        return Definitions(jobs=jobs)
    if isinstance(document, dict) and "Triggers" in document:
        found = typed(document["Triggers"], list, path, "Triggers")
        return Definitions(triggers=tuple(_trigger(t, path, f"Triggers[{i}]") for i, t in enumerate(found)))
    if isinstance(document, dict) and "Trigger" in document:
        return Definitions(triggers=(_trigger(document["Trigger"], path, "Trigger"),))
    if isinstance(document, dict) and "Workflows" in document:
        found = typed(document["Workflows"], list, path, "Workflows")
        return Definitions(workflows=tuple(_workflow(w, path, f"Workflows[{i}]") for i, w in enumerate(found)))
    if isinstance(document, dict) and "Workflow" in document:
        return Definitions(workflows=(_workflow(document["Workflow"], path, "Workflow"),))
    raise G2lError(
        f"{path}: expected the JSON of `aws glue get-job(s)`, `get-trigger(s)` or `get-workflow` "
        '({"Job": ...}, {"Jobs": [...]}, {"Triggers": [...]}, {"Workflow": ...})'
    )


def _trigger(value: Any, path: str, key: str, workflow: str | None = None) -> GlueTrigger:
    trigger = typed(value, dict, path, key)
    inner = f"{key}."
    predicate = typed(trigger.get("Predicate", {}), dict, path, f"{inner}Predicate")
    actions = typed(trigger.get("Actions", []), list, path, f"{inner}Actions")
    conditions = typed(predicate.get("Conditions", []), list, path, f"{inner}Predicate.Conditions")
    return GlueTrigger(
        name=typed(required(trigger, "Name", path, inner), str, path, f"{inner}Name"),
        kind=typed(required(trigger, "Type", path, inner), str, path, f"{inner}Type"),
        state=optional(trigger, "State", str, path, inner),
        schedule=optional(trigger, "Schedule", str, path, inner),
        workflow=optional(trigger, "WorkflowName", str, path, inner) or workflow,
        actions=tuple(_action(a, path, f"{inner}Actions[{i}]") for i, a in enumerate(actions)),
        logical=optional(predicate, "Logical", str, path, f"{inner}Predicate.") or "AND",
        conditions=tuple(_condition(c, path, f"{inner}Predicate.Conditions[{i}]") for i, c in enumerate(conditions)),
        path=path,
        where=f"{path}: {key}",
    )


def _action(value: Any, path: str, key: str) -> Action:
    action = typed(value, dict, path, key)
    inner = f"{key}."
    return Action(
        job=optional(action, "JobName", str, path, inner),
        crawler=optional(action, "CrawlerName", str, path, inner),
        arguments=arguments(action, "Arguments", path, inner),
        timeout_minutes=optional(action, "Timeout", int, path, inner),
    )


def _condition(value: Any, path: str, key: str) -> Condition:
    condition = typed(value, dict, path, key)
    inner = f"{key}."
    job = optional(condition, "JobName", str, path, inner)
    crawler = optional(condition, "CrawlerName", str, path, inner)
    state = optional(condition, "State" if job or not crawler else "CrawlState", str, path, inner)
    return Condition(job, crawler, state or "SUCCEEDED")


def _workflow(value: Any, path: str, key: str) -> GlueWorkflow:
    workflow = typed(value, dict, path, key)
    inner = f"{key}."
    name = typed(required(workflow, "Name", path, inner), str, path, f"{inner}Name")
    graph = typed(workflow.get("Graph", {}), dict, path, f"{inner}Graph")
    nodes = typed(graph.get("Nodes", []), list, path, f"{inner}Graph.Nodes")
    triggers = []
    for index, node in enumerate(nodes):
        node_key = f"{inner}Graph.Nodes[{index}]"
        if typed(node, dict, path, node_key).get("Type") == "TRIGGER":
            details = typed(required(node, "TriggerDetails", path, f"{node_key}."), dict, path, node_key)
            trigger_key = f"{node_key}.TriggerDetails.Trigger"
            triggers.append(
                _trigger(required(details, "Trigger", path, f"{node_key}.TriggerDetails."), path, trigger_key, name)
            )
    run_properties = typed(workflow.get("DefaultRunProperties", {}), dict, path, f"{inner}DefaultRunProperties")
    for property_name, property_value in run_properties.items():
        typed(property_value, str, path, f"{inner}DefaultRunProperties.{property_name}")
    return GlueWorkflow(
        name=name,
        description=optional(workflow, "Description", str, path, inner),
        max_concurrent_runs=optional(workflow, "MaxConcurrentRuns", int, path, inner),
        run_properties=dict(run_properties),
        triggers=tuple(triggers),
        path=path,
        where=f"{path}: {key}",
    )
