"""Glue job definitions as the AWS CLI prints them, read into GlueJob values.

A definitions file holds `aws glue get-job` output (`{"Job": {...}}`), `aws glue get-jobs` output
(`{"Jobs": [...]}`, its NextToken ignored) or one job object alone. Only what a Databricks job needs is read;
keys Glue adds later, or that say nothing a Databricks job can use (Role, CreatedOn, LogUri, ...), are left
alone. A file that is not such JSON is bad input: G2lError (exit 2) naming the file, and the line or the key.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any, NamedTuple

from g2l_merge.errors import G2lError


class GlueJob(NamedTuple):
    """One Glue job definition: what its Databricks job is made from."""

    name: str
    command: str  # glueetl (Spark), gluestreaming, pythonshell, glueray
    script_location: str  # s3://... as Glue runs it
    python_version: str | None
    default_arguments: Mapping[str, str]
    non_overridable_arguments: Mapping[str, str]
    connections: tuple[str, ...]
    max_retries: int | None
    timeout_minutes: int | None
    worker_type: str | None
    number_of_workers: int | None
    max_capacity: float | None
    glue_version: str | None
    max_concurrent_runs: int | None
    description: str | None
    where: str  # "FILE: Jobs[2]", for messages about this job


def read_jobs(data: bytes, path: str) -> tuple[GlueJob, ...]:
    """Every job a definitions file holds, in file order; G2lError for anything else."""
    document = load_json(data, path)
    jobs = jobs_of(document, path)
    if jobs is None:
        raise G2lError(
            f'{path}: expected the JSON of `aws glue get-job` ({{"Job": ...}}) or `get-jobs` ({{"Jobs": [...]}})'
        )
    return jobs


def load_json(data: bytes, path: str) -> Any:
    """A definitions file's JSON; G2lError naming the file (and the line) when it is not JSON text."""
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise G2lError(f"{path}: not UTF-8 text; expected the JSON of `aws glue get-job` or `get-jobs`") from None
    except json.JSONDecodeError as error:
        raise G2lError(f"{path}:{error.lineno}: not valid JSON ({error.msg})") from None
    except RecursionError:
        raise G2lError(f"{path}: not valid JSON (nested too deep)") from None


def jobs_of(document: Any, path: str) -> tuple[GlueJob, ...] | None:
    """The jobs of a get-job or get-jobs document (or of one job object alone); None for another document."""
    if isinstance(document, dict) and "Jobs" in document:
        found = typed(document["Jobs"], list, path, "Jobs")
        jobs = tuple(_job(item, path, f"Jobs[{index}]") for index, item in enumerate(found))
    elif isinstance(document, dict) and "Job" in document:
        jobs = (_job(document["Job"], path, "Job"),)
    elif isinstance(document, dict) and "Command" in document:
        jobs = (_job(document, path, ""),)
    else:
        return None
    seen: dict[str, str] = {}
    for job in jobs:
        if job.name in seen:
            raise G2lError(f"{job.where}: job {job.name!r} is defined twice in this file (also {seen[job.name]})")
        seen[job.name] = job.where
    return jobs


def _job(value: Any, path: str, key: str) -> GlueJob:
    job = typed(value, dict, path, key)
    inner = f"{key}." if key else ""
    command = typed(required(job, "Command", path, inner), dict, path, f"{inner}Command")
    connections = typed(job.get("Connections", {}), dict, path, f"{inner}Connections")
    execution = typed(job.get("ExecutionProperty", {}), dict, path, f"{inner}ExecutionProperty")
    return GlueJob(
        name=typed(required(job, "Name", path, inner), str, path, f"{inner}Name"),
        command=typed(command.get("Name", "glueetl"), str, path, f"{inner}Command.Name"),
        script_location=typed(
            required(command, "ScriptLocation", path, f"{inner}Command."), str, path, f"{inner}Command.ScriptLocation"
        ),
        python_version=optional(command, "PythonVersion", str, path, f"{inner}Command."),
        default_arguments=arguments(job, "DefaultArguments", path, inner),
        non_overridable_arguments=arguments(job, "NonOverridableArguments", path, inner),
        connections=tuple(
            typed(name, str, path, f"{inner}Connections.Connections[{index}]")
            for index, name in enumerate(
                typed(connections.get("Connections", []), list, path, f"{inner}Connections.Connections")
            )
        ),
        max_retries=optional(job, "MaxRetries", int, path, inner),
        timeout_minutes=optional(job, "Timeout", int, path, inner),
        worker_type=optional(job, "WorkerType", str, path, inner),
        number_of_workers=optional(job, "NumberOfWorkers", int, path, inner),
        max_capacity=_number(job, "MaxCapacity", path, inner),
        glue_version=optional(job, "GlueVersion", str, path, inner),
        max_concurrent_runs=optional(execution, "MaxConcurrentRuns", int, path, f"{inner}ExecutionProperty."),
        description=optional(job, "Description", str, path, inner),
        where=f"{path}: {key}" if key else path,
    )


_KINDS = {dict: "an object", list: "a list", str: "a string", int: "a whole number"}


def typed(value: Any, kind: type[Any], path: str, key: str) -> Any:
    """`value` when it is of `kind` (a bool is no number here; every whole number Glue gives is a count, so none
    is negative), else G2lError naming the key."""
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return _count(value, path, key) if kind is int else value
    raise G2lError(f"{path}: {key}: expected {_KINDS[kind]}, found {json.dumps(value)[:60]}")


def required(job: dict[str, Any], name: str, path: str, prefix: str) -> Any:
    if name not in job:
        raise G2lError(f"{path}: {prefix}{name}: missing")
    return job[name]


def optional(job: dict[str, Any], name: str, kind: type[Any], path: str, prefix: str) -> Any:
    return None if job.get(name) is None else typed(job[name], kind, path, f"{prefix}{name}")


def _number(job: dict[str, Any], name: str, path: str, prefix: str) -> float | None:
    value = job.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise G2lError(f"{path}: {prefix}{name}: expected a number, found {json.dumps(value)[:60]}")
    return float(_count(value, path, f"{prefix}{name}"))


def _count(value: float, path: str, key: str) -> float:
    """A count (workers, retries, minutes, runs): 0 or more. A negative one is bad input, never carried: -1
    retries is "retry forever" in a Databricks task."""
    if value < 0:
        raise G2lError(f"{path}: {key}: expected a number of 0 or more, found {value}")
    return value


def arguments(job: dict[str, Any], name: str, path: str, prefix: str) -> dict[str, str]:
    """A job's arguments: names to string values, as Glue stores them (every value a string)."""
    found = typed(job.get(name, {}), dict, path, f"{prefix}{name}")
    for key, value in found.items():
        typed(value, str, path, f"{prefix}{name}.{key}")
    return dict(found)
