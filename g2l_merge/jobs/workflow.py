"""Glue triggers and workflows as Databricks job schedules, tasks and dependencies.

- A scheduled trigger outside a workflow becomes the schedule of each job it starts (Glue cron to Quartz, UTC;
  paused unless the trigger is ACTIVATED). A job can have one schedule: a second one is a review item.
- A workflow becomes one bundle job with a task per Glue job it runs. The jobs its start trigger starts (on
  demand, scheduled, or by an event) have no dependencies; a conditional trigger's jobs depend on the jobs its
  conditions name, with `run_if` saying what Glue's predicate said: every one SUCCEEDED (the default), ANY one
  SUCCEEDED (AT_LEAST_ONE_SUCCESS), every one FAILED (ALL_FAILED), ANY one FAILED (AT_LEAST_ONE_FAILED). A
  scheduled start trigger is the job's schedule. Arguments and a timeout of a trigger's action become the task's.
- What has no faithful Databricks form is a review item that says so: conditions on STOPPED or TIMEOUT, or mixing
  states; crawlers (as actions or conditions); event triggers; conditional triggers outside a workflow; a job two
  triggers of one workflow start; workflow run properties; a schedule Quartz cannot hold; what the workflow's
  source could not carry (its notes: a blueprint layout's parameters, loops).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from g2l_merge.jobs.bundle import Review
from g2l_merge.jobs.schedule import ScheduleError, quartz_schedule
from g2l_merge.jobs.triggers import Condition, GlueTrigger, GlueWorkflow

TRIGGER_RULE = "G2L507"
WORKFLOW_RULE = "G2L508"

_RUN_IF = {
    ("AND", "SUCCEEDED"): None,  # ALL_SUCCESS, a task's default
    ("ANY", "SUCCEEDED"): "AT_LEAST_ONE_SUCCESS",
    ("AND", "FAILED"): "ALL_FAILED",
    ("ANY", "FAILED"): "AT_LEAST_ONE_FAILED",
}


class WorkflowTask(NamedTuple):
    job: str  # the Glue job's name
    depends_on: tuple[str, ...]  # names of the Glue jobs it waits for
    run_if: str | None
    arguments: Mapping[str, str]
    timeout_minutes: int | None


class WorkflowPlan(NamedTuple):
    name: str
    path: str  # the definitions file it is read from
    description: str | None
    max_concurrent_runs: int | None
    schedule: Mapping[str, str] | None
    tasks: tuple[WorkflowTask, ...]  # in an order where each task comes after those it depends on
    reviews: tuple[Review, ...]


class TriggerPlan(NamedTuple):
    schedules: Mapping[str, Mapping[str, str]]  # Glue job name -> its schedule
    job_reviews: Mapping[str, tuple[Review, ...]]  # Glue job name -> review items about what starts it
    workflows: tuple[WorkflowPlan, ...]


def plan_triggers(triggers: Iterable[GlueTrigger], workflows: Iterable[GlueWorkflow]) -> TriggerPlan:
    """Schedules and review items of jobs started outside workflows, and every workflow's plan."""
    described = {workflow.name: workflow for workflow in workflows}
    of_workflow: dict[str, dict[str, GlueTrigger]] = {name: {} for name in described}
    for workflow in described.values():
        for trigger in workflow.triggers:
            of_workflow[workflow.name].setdefault(trigger.name, trigger)
    schedules: dict[str, Mapping[str, str]] = {}
    job_reviews: dict[str, list[Review]] = {}
    for trigger in sorted(triggers, key=lambda t: t.name):
        if trigger.workflow:
            of_workflow.setdefault(trigger.workflow, {}).setdefault(trigger.name, trigger)
        else:
            _standalone(trigger, schedules, job_reviews)
    plans = tuple(
        _workflow(name, described.get(name), list(found.values())) for name, found in sorted(of_workflow.items())
    )
    return TriggerPlan(schedules, {job: tuple(items) for job, items in job_reviews.items()}, plans)


def schedule_of(trigger: GlueTrigger) -> tuple[dict[str, str] | None, str | None]:
    """A scheduled trigger's Databricks schedule, or why there is none."""
    try:
        found = quartz_schedule(trigger.schedule or "")
    except ScheduleError as error:
        return None, f"its schedule {trigger.schedule!r} is not carried ({error})"
    pause = "UNPAUSED" if trigger.state == "ACTIVATED" else "PAUSED"
    return {
        "quartz_cron_expression": found.quartz_cron_expression,
        "timezone_id": found.timezone_id,
        "pause_status": pause,
    }, None


def _standalone(
    trigger: GlueTrigger, schedules: dict[str, Mapping[str, str]], reviews: dict[str, list[Review]]
) -> None:
    for action in trigger.actions:
        if action.job is None:
            continue
        notes = reviews.setdefault(action.job, [])
        if trigger.kind == "SCHEDULED":
            schedule, problem = schedule_of(trigger)
            if problem:
                notes.append(
                    Review(
                        TRIGGER_RULE,
                        f"Glue trigger {trigger.name!r} starts this job, but {problem}; "
                        "as converted, the job runs only when started: set its schedule by hand",
                    )
                )
            elif action.job in schedules:
                notes.append(
                    Review(
                        TRIGGER_RULE,
                        f"Glue trigger {trigger.name!r} also schedules this job "
                        f"({trigger.schedule}); a Databricks job has one schedule, so as converted it "
                        "runs only on the first: add a job for the second",
                    )
                )
            elif schedule is not None:
                schedules[action.job] = schedule
            if action.arguments and not problem:
                names = ", ".join(sorted(action.arguments))
                notes.append(
                    Review(
                        TRIGGER_RULE,
                        f"Glue trigger {trigger.name!r} passes {names} to the runs it "
                        "starts; as converted, scheduled runs get the job's own parameters: set them "
                        "in the job's parameters",
                    )
                )
        elif trigger.kind == "CONDITIONAL":
            notes.append(
                Review(
                    TRIGGER_RULE,
                    f"Glue trigger {trigger.name!r} starts this job when "
                    f"{_conditions(trigger)}; as converted, nothing starts it: put these jobs in one "
                    "job as tasks with depends_on, or in a Glue workflow",
                )
            )
        elif trigger.kind == "EVENT":
            notes.append(
                Review(
                    TRIGGER_RULE,
                    f"Glue trigger {trigger.name!r} starts this job on EventBridge "
                    "events; as converted, nothing starts it: add a file arrival trigger or start it "
                    "from the event's producer",
                )
            )


def _conditions(trigger: GlueTrigger) -> str:
    joined = f" {'or' if trigger.logical == 'ANY' else 'and'} "
    return joined.join(f"{c.job or c.crawler} ended {c.state}" for c in trigger.conditions) or "nothing"


def _workflow(name: str, workflow: GlueWorkflow | None, triggers: list[GlueTrigger]) -> WorkflowPlan:
    reviews: list[Review] = []
    starts = sorted((t for t in triggers if t.kind != "CONDITIONAL"), key=lambda t: t.name)
    conditional = sorted((t for t in triggers if t.kind == "CONDITIONAL"), key=lambda t: t.name)
    tasks: dict[str, WorkflowTask] = {}
    starter: dict[str, str] = {}  # Glue job -> the trigger whose start of it the task keeps
    for trigger in [*starts, *conditional]:
        for action in trigger.actions:
            if action.crawler:
                reviews.append(
                    Review(
                        WORKFLOW_RULE,
                        f"crawler {action.crawler!r} (started by {trigger.name!r}) is "
                        "not carried: as converted, nothing crawls, so tables it keeps in the Glue Data "
                        "Catalog are not updated: register them in Unity Catalog",
                    )
                )
            if action.job is None:
                continue
            if action.job in tasks:
                reviews.append(
                    Review(
                        WORKFLOW_RULE,
                        f"{trigger.name!r} starts {action.job!r} again; a job runs "
                        "once per Databricks job run, so as converted it runs only as the first "
                        "trigger says: split the workflow",
                    )
                )
                continue
            tasks[action.job] = WorkflowTask(action.job, (), None, action.arguments, action.timeout_minutes)
            starter[action.job] = trigger.name
    for trigger in conditional:
        depends, run_if = _dependencies(trigger, tasks, reviews)
        for job in (action.job for action in trigger.actions if action.job and starter[action.job] == trigger.name):
            tasks[job] = tasks[job]._replace(depends_on=depends, run_if=run_if)
    schedule = None
    for trigger in starts:
        if trigger.kind == "SCHEDULED":
            found, problem = schedule_of(trigger)
            if problem:
                reviews.append(
                    Review(
                        WORKFLOW_RULE,
                        f"start trigger {trigger.name!r}: {problem}; as converted, "
                        "the workflow runs only when started: set its schedule by hand",
                    )
                )
            elif schedule is None:
                schedule = found
            else:
                reviews.append(
                    Review(
                        WORKFLOW_RULE,
                        f"start trigger {trigger.name!r} schedules the workflow again "
                        f"({trigger.schedule}); as converted, it runs only on the first schedule",
                    )
                )
        elif trigger.kind == "EVENT":
            reviews.append(
                Review(
                    WORKFLOW_RULE,
                    f"start trigger {trigger.name!r} starts the workflow on "
                    "EventBridge events; as converted, nothing starts it: add a file arrival trigger",
                )
            )
    if workflow is not None:
        reviews += [Review(WORKFLOW_RULE, note) for note in workflow.notes]
    if workflow is not None and workflow.run_properties:
        names = ", ".join(sorted(workflow.run_properties))
        reviews.append(
            Review(
                WORKFLOW_RULE,
                f"workflow run properties {names}: as converted, the job has none, so a "
                "script that reads them (get_workflow_run_properties) fails: pass them as parameters",
            )
        )
    return WorkflowPlan(
        name=name,
        path=workflow.path if workflow else triggers[0].path,
        description=workflow.description if workflow else None,
        max_concurrent_runs=workflow.max_concurrent_runs if workflow else None,
        schedule=schedule,
        tasks=_ordered(tasks),
        reviews=tuple(reviews),
    )


def _dependencies(
    trigger: GlueTrigger, tasks: Mapping[str, WorkflowTask], reviews: list[Review]
) -> tuple[tuple[str, ...], str | None]:
    """The jobs a conditional trigger's actions wait for, and the run_if of Glue's predicate."""
    kept: list[Condition] = []
    for condition in trigger.conditions:
        if condition.crawler or condition.job not in tasks:
            what = f"crawler {condition.crawler!r}" if condition.crawler else f"job {condition.job!r}"
            reviews.append(
                Review(
                    WORKFLOW_RULE,
                    f"{trigger.name!r} waits for {what}, which is no task of this "
                    "job; as converted, it does not wait for it: add the dependency by hand",
                )
            )
        else:
            kept.append(condition)
    states = sorted({condition.state for condition in kept})
    logical = "ANY" if trigger.logical == "ANY" else "AND"
    run_if = _RUN_IF.get((logical, states[0])) if len(states) == 1 else None
    if kept and (len(states) > 1 or (logical, states[0]) not in _RUN_IF):
        reviews.append(
            Review(
                WORKFLOW_RULE,
                f"{trigger.name!r} starts its jobs when {_conditions(trigger)}; a "
                "task can wait for its dependencies to succeed or to fail, so as converted they run "
                "when all of them succeed: check the condition",
            )
        )
    return tuple(condition.job or "" for condition in kept), run_if


def _ordered(tasks: Mapping[str, WorkflowTask]) -> tuple[WorkflowTask, ...]:
    """Tasks so that each comes after those it depends on, by name otherwise (a cycle keeps the name order)."""
    done: list[WorkflowTask] = []
    placed: set[str] = set()
    waiting = sorted(tasks.values(), key=lambda t: t.job)
    while waiting:
        ready = [t for t in waiting if all(d in placed for d in t.depends_on)] or waiting[:1]
        for task in ready:
            done.append(task)
            placed.add(task.job)
        waiting = [t for t in waiting if t.job not in placed]
    return tuple(done)
