"""Glue job definitions read from the AWS CLI's JSON: the three shapes it comes in, and bad input named by file,
line or key."""

from __future__ import annotations

import json

import pytest

from g2l_merge.errors import G2lError
from g2l_merge.jobs.definition import GlueJob, read_jobs

# what `aws glue get-job --job-name nightly_exposure` prints, trimmed of nothing a reader needs to skip
GET_JOB = {
    "Job": {
        "Name": "nightly_exposure",
        "Description": "Counterparty exposure, nightly",
        "Role": "arn:aws:iam::123456789012:role/glue-risk",
        "CreatedOn": "2024-03-01T08:12:44.123000+00:00",
        "LastModifiedOn": "2026-11-20T17:02:10.004000+00:00",
        "ExecutionProperty": {"MaxConcurrentRuns": 1},
        "Command": {
            "Name": "glueetl",
            "ScriptLocation": "s3://aws-glue-assets-123456789012-eu-west-1/scripts/jobs/nightly_exposure.py",
            "PythonVersion": "3",
        },
        "DefaultArguments": {
            "--job-bookmark-option": "job-bookmark-enable",
            "--TempDir": "s3://aws-glue-assets-123456789012-eu-west-1/temporary/",
            "--extra-py-files": "s3://bank-risk-libs/risk_lib.zip",
            "--run_date": "today",
        },
        "NonOverridableArguments": {"--env": "prod"},
        "Connections": {"Connections": ["risk-postgres"]},
        "MaxRetries": 1,
        "AllocatedCapacity": 10,
        "Timeout": 120,
        "MaxCapacity": 10.0,
        "WorkerType": "G.1X",
        "NumberOfWorkers": 10,
        "GlueVersion": "4.0",
        "ExecutionClass": "STANDARD",
    }
}

NIGHTLY = GlueJob(
    name="nightly_exposure",
    command="glueetl",
    script_location="s3://aws-glue-assets-123456789012-eu-west-1/scripts/jobs/nightly_exposure.py",
    python_version="3",
    default_arguments={
        "--job-bookmark-option": "job-bookmark-enable",
        "--TempDir": "s3://aws-glue-assets-123456789012-eu-west-1/temporary/",
        "--extra-py-files": "s3://bank-risk-libs/risk_lib.zip",
        "--run_date": "today",
    },
    non_overridable_arguments={"--env": "prod"},
    connections=("risk-postgres",),
    max_retries=1,
    timeout_minutes=120,
    worker_type="G.1X",
    number_of_workers=10,
    max_capacity=10.0,
    glue_version="4.0",
    max_concurrent_runs=1,
    description="Counterparty exposure, nightly",
    where="infra/glue/nightly.json: Job",
)
SHELL = {"Name": "limits_refresh", "Command": {"Name": "pythonshell", "ScriptLocation": "s3://b/limits.py"}}


def _read(document: object, path: str = "infra/glue/nightly.json") -> tuple[GlueJob, ...]:
    return read_jobs(json.dumps(document, indent=2).encode(), path)


def test_get_job_output_reads_into_one_job_with_every_field_a_databricks_job_needs() -> None:
    assert _read(GET_JOB) == (NIGHTLY,)


def test_get_jobs_output_reads_every_job_in_order_and_a_bare_job_reads_too() -> None:
    jobs = _read({"Jobs": [GET_JOB["Job"], SHELL], "NextToken": "abc"}, "infra/glue/all.json")
    assert [job.name for job in jobs] == ["nightly_exposure", "limits_refresh"]
    assert [job.where for job in jobs] == ["infra/glue/all.json: Jobs[0]", "infra/glue/all.json: Jobs[1]"]
    assert jobs[0]._replace(where="") == NIGHTLY._replace(where="")
    (bare,) = _read(SHELL, "infra/glue/limits.json")
    assert bare == GlueJob(
        "limits_refresh", "pythonshell", "s3://b/limits.py", None, {}, {}, (), None, None, None, None, None, None,
        None, None, "infra/glue/limits.json",
    )  # fmt: skip


def test_a_byte_order_mark_and_a_missing_command_name_are_what_the_cli_and_glue_make_of_them() -> None:
    job = {"Job": {"Name": "x", "Command": {"ScriptLocation": "s3://b/x.py"}}}
    (found,) = read_jobs(b"\xef\xbb\xbf" + json.dumps(job).encode(), "x.json")
    assert found.command == "glueetl"  # Glue's default: a Spark job


BAD = [
    (b'{\n  "Job": {\n    "Name": "x",,\n', "infra/glue/bad.json:3: not valid JSON"),
    (b"\xff\xfe{}", "infra/glue/bad.json: not UTF-8 text"),
    (b"[]", "infra/glue/bad.json: expected the JSON of `aws glue get-job`"),
    (b'{"Jobs": {}}', "infra/glue/bad.json: Jobs: expected a list, found {}"),
    (b'{"Jobs": [3]}', "infra/glue/bad.json: Jobs[0]: expected an object, found 3"),
    (b'{"Job": {"Command": {"ScriptLocation": "s3://b/x.py"}}}', "infra/glue/bad.json: Job.Name: missing"),
    (b'{"Job": {"Name": "x"}}', "infra/glue/bad.json: Job.Command: missing"),
    (b'{"Job": {"Name": "x", "Command": {}}}', "infra/glue/bad.json: Job.Command.ScriptLocation: missing"),
    (
        b'{"Job": {"Name": "x", "Command": {"ScriptLocation": "s"}, "MaxRetries": "2"}}',
        'infra/glue/bad.json: Job.MaxRetries: expected a whole number, found "2"',
    ),
    (
        b'{"Job": {"Name": "x", "Command": {"ScriptLocation": "s"}, "NumberOfWorkers": true}}',
        "infra/glue/bad.json: Job.NumberOfWorkers: expected a whole number, found true",
    ),
    (
        b'{"Job": {"Name": "x", "Command": {"ScriptLocation": "s"}, "MaxCapacity": "10"}}',
        'infra/glue/bad.json: Job.MaxCapacity: expected a number, found "10"',
    ),
    (
        b'{"Job": {"Name": "x", "Command": {"ScriptLocation": "s"}, "DefaultArguments": {"--n": 3}}}',
        "infra/glue/bad.json: Job.DefaultArguments.--n: expected a string, found 3",
    ),
    (
        b'{"Job": {"Name": "x", "Command": {"ScriptLocation": "s"}, "Connections": {"Connections": [1]}}}',
        "infra/glue/bad.json: Job.Connections.Connections[0]: expected a string, found 1",
    ),
    (
        json.dumps({"Jobs": [{"Name": "x", "Command": {"ScriptLocation": s}} for s in ("s", "t")]}).encode(),
        "infra/glue/bad.json: Jobs[1]: job 'x' is defined twice in this file (also infra/glue/bad.json: Jobs[0])",
    ),
]


@pytest.mark.parametrize(("data", "message"), BAD)
def test_bad_input_is_one_error_naming_the_file_and_the_line_or_key(data: bytes, message: str) -> None:
    with pytest.raises(G2lError) as raised:
        read_jobs(data, "infra/glue/bad.json")
    assert raised.value.code == 2
    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)
