"""`jobs export` against moto's Glue backend (never a live account): one file per job, trigger and workflow in the
AWS CLI's shape, byte-stable across exports, stale files deleted, paging, unsafe names, and AWS errors as one
line naming the region."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber
from moto import mock_aws
from moto.core import set_initial_no_auth_action_count

from conftest import g2l
from g2l_merge.errors import G2lError
from g2l_merge.jobs.definition import read_jobs
from g2l_merge.jobs.export import export, file_name

REGION = "eu-west-1"
ROLE = "arn:aws:iam::123456789012:role/glue-risk"
SCRIPTS = "s3://aws-glue-assets-123456789012-eu-west-1/scripts"


@pytest.fixture(autouse=True)
def fake_aws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fake credentials and empty AWS config files: nothing reads this machine's AWS setup or its network."""
    home = tmp_path / "home"
    (home / ".aws").mkdir(parents=True)
    for name in ("config", "credentials"):
        (home / ".aws" / name).write_text("")
    for variable in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_REGION"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(home / ".aws" / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(home / ".aws" / "credentials"))
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")


@pytest.fixture
def glue() -> Iterator[Any]:
    """A moto-backed Glue client holding a small estate: two jobs, two triggers, a workflow."""
    with mock_aws():
        client = boto3.client("glue", region_name=REGION)
        client.create_job(
            Name="nightly_exposure",
            Description="Counterparty exposure, nightly",
            Role=ROLE,
            Command={"Name": "glueetl", "ScriptLocation": f"{SCRIPTS}/nightly_exposure.py", "PythonVersion": "3"},
            DefaultArguments={"--job-bookmark-option": "job-bookmark-enable", "--env": "prod"},
            NonOverridableArguments={"--region": REGION},
            Connections={"Connections": ["risk-postgres"]},
            ExecutionProperty={"MaxConcurrentRuns": 2},
            MaxRetries=1,
            Timeout=120,
            WorkerType="G.1X",
            NumberOfWorkers=10,
            GlueVersion="4.0",
        )
        client.create_job(
            Name="refresh_rates",
            Role=ROLE,
            Command={"Name": "pythonshell", "ScriptLocation": f"{SCRIPTS}/refresh_rates.py", "PythonVersion": "3.9"},
            MaxCapacity=0.0625,
        )
        client.create_workflow(Name="risk_nightly", Description="Nightly risk", DefaultRunProperties={"day": "T-1"})
        client.create_trigger(
            Name="nightly_start",
            Type="SCHEDULED",
            Schedule="cron(15 2 * * ? *)",
            Actions=[{"JobName": "nightly_exposure", "Arguments": {"--env": "prod"}}],
            WorkflowName="risk_nightly",
        )
        client.create_trigger(
            Name="after_exposure",
            Type="CONDITIONAL",
            Predicate={
                "Logical": "AND",
                "Conditions": [{"LogicalOperator": "EQUALS", "JobName": "nightly_exposure", "State": "SUCCEEDED"}],
            },
            Actions=[{"JobName": "refresh_rates"}],
            WorkflowName="risk_nightly",
        )
        yield client


NIGHTLY_EXPOSURE = """{
  "Job": {
    "Command": {
      "Name": "glueetl",
      "PythonVersion": "3",
      "ScriptLocation": "s3://aws-glue-assets-123456789012-eu-west-1/scripts/nightly_exposure.py"
    },
    "Connections": {
      "Connections": [
        "risk-postgres"
      ]
    },
    "DefaultArguments": {
      "--env": "prod",
      "--job-bookmark-option": "job-bookmark-enable"
    },
    "Description": "Counterparty exposure, nightly",
    "ExecutionClass": "STANDARD",
    "ExecutionProperty": {
      "MaxConcurrentRuns": 2
    },
    "GlueVersion": "4.0",
    "MaxRetries": 1,
    "Name": "nightly_exposure",
    "NonOverridableArguments": {
      "--region": "eu-west-1"
    },
    "NumberOfWorkers": 10,
    "Role": "arn:aws:iam::123456789012:role/glue-risk",
    "Timeout": 120,
    "WorkerType": "G.1X"
  }
}
"""


def _tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_export_writes_one_file_per_definition_as_the_aws_cli_prints_it(glue: Any, tmp_path: Path) -> None:
    out = tmp_path / "defs"
    result = export(out, REGION)  # the default path: export builds its own boto3 client
    files = [
        "jobs/nightly_exposure.json",
        "jobs/refresh_rates.json",
        "triggers/after_exposure.json",
        "triggers/nightly_start.json",
        "workflows/risk_nightly.json",
    ]
    assert result._replace(folder=None) == (None, REGION, 2, 2, 1, tuple(files), (), ())
    assert sorted(_tree(out)) == files
    assert (out / "jobs/nightly_exposure.json").read_text() == NIGHTLY_EXPOSURE
    assert json.loads((out / "jobs/refresh_rates.json").read_text())["Job"]["MaxCapacity"] == 0.0625
    assert json.loads((out / "triggers/nightly_start.json").read_text()) == {
        "Trigger": {
            "Actions": [{"Arguments": {"--env": "prod"}, "JobName": "nightly_exposure"}],
            "Name": "nightly_start",
            "Schedule": "cron(15 2 * * ? *)",
            "State": "CREATED",
            "Type": "SCHEDULED",
            "WorkflowName": "risk_nightly",
        }
    }
    assert json.loads((out / "triggers/after_exposure.json").read_text())["Trigger"]["Predicate"] == {
        "Conditions": [{"JobName": "nightly_exposure", "LogicalOperator": "EQUALS", "State": "SUCCEEDED"}],
        "Logical": "AND",
    }
    assert (out / "workflows/risk_nightly.json").read_text() == (
        '{\n  "Workflow": {\n    "DefaultRunProperties": {\n      "day": "T-1"\n    },\n'
        '    "Description": "Nightly risk",\n    "Name": "risk_nightly"\n  }\n}\n'
    )


def test_every_exported_job_file_reads_back_as_a_glue_job(glue: Any, tmp_path: Path) -> None:
    export(tmp_path, REGION)
    jobs = {job.name: job for path in (tmp_path / "jobs").iterdir() for job in read_jobs(path.read_bytes(), str(path))}
    assert sorted(jobs) == ["nightly_exposure", "refresh_rates"]
    nightly = jobs["nightly_exposure"]
    assert nightly.default_arguments == {"--job-bookmark-option": "job-bookmark-enable", "--env": "prod"}
    assert nightly.non_overridable_arguments == {"--region": REGION}
    assert (nightly.worker_type, nightly.number_of_workers, nightly.connections) == ("G.1X", 10, ("risk-postgres",))
    assert (nightly.max_concurrent_runs, nightly.timeout_minutes, nightly.glue_version) == (2, 120, "4.0")
    assert (jobs["refresh_rates"].command, jobs["refresh_rates"].max_capacity) == ("pythonshell", 0.0625)


def test_exporting_an_unchanged_estate_again_changes_no_byte_even_after_runs(glue: Any, tmp_path: Path) -> None:
    """Runs change a workflow's LastRun; export leaves it out, so a second export writes nothing."""
    first = export(tmp_path, REGION, client=glue)
    before = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in tmp_path.rglob("*.json")}
    glue.start_workflow_run(Name="risk_nightly")
    glue.start_job_run(JobName="nightly_exposure")
    assert "LastRun" in glue.get_workflow(Name="risk_nightly")["Workflow"]
    again = export(tmp_path, REGION, client=glue)
    assert (again.written, again.deleted, again.unchanged) == ((), (), first.written)
    assert {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in tmp_path.rglob("*.json")} == before


def test_a_changed_job_is_written_and_a_deleted_one_removed_leaving_other_files(glue: Any, tmp_path: Path) -> None:
    out = tmp_path / "defs"
    export(out, REGION, client=glue)
    keep = {"README.md": b"ours\n", "jobs/notes.txt": b"ours\n", "jobs/old/x.json": b"{}\n", "other.json": b"{}\n"}
    for name, data in keep.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    (out / "workflows" / "hand_made.json").write_text("{}\n")
    glue.delete_job(JobName="refresh_rates")
    glue.delete_trigger(Name="after_exposure")
    job = glue.get_job(JobName="nightly_exposure")["Job"]  # moto has no update_job: made again, with 20 workers
    glue.delete_job(JobName="nightly_exposure")
    kept = ("Name", "Description", "Role", "Command", "DefaultArguments", "NonOverridableArguments", "Connections")
    kept += ("ExecutionProperty", "MaxRetries", "Timeout", "WorkerType", "GlueVersion")
    glue.create_job(**{key: job[key] for key in kept}, NumberOfWorkers=20)
    result = export(out, REGION, client=glue)
    assert result.written == ("jobs/nightly_exposure.json",)
    assert result.deleted == ("jobs/refresh_rates.json", "triggers/after_exposure.json", "workflows/hand_made.json")
    assert result.unchanged == ("triggers/nightly_start.json", "workflows/risk_nightly.json")
    assert json.loads((out / "jobs/nightly_exposure.json").read_text())["Job"]["NumberOfWorkers"] == 20
    tree = _tree(out)
    assert {name: tree[name] for name in keep} == keep
    assert sorted(set(tree) - set(keep)) == ["jobs/nightly_exposure.json", *result.unchanged]


def test_export_follows_next_token_through_every_page(tmp_path: Path) -> None:
    """moto pages get_jobs and get_triggers by 100 and list_workflows by 20, as Glue does: more than a page each."""
    with mock_aws():
        client = boto3.client("glue", region_name=REGION)
        for index in range(105):
            client.create_job(Name=f"job_{index:03}", Role=ROLE, Command={"ScriptLocation": f"{SCRIPTS}/{index}.py"})
            client.create_trigger(Name=f"t_{index:03}", Type="ON_DEMAND", Actions=[{"JobName": f"job_{index:03}"}])
        for index in range(23):
            client.create_workflow(Name=f"wf_{index:02}")
        assert client.get_jobs().get("NextToken") and client.get_triggers().get("NextToken")
        assert client.list_workflows().get("NextToken")
        result = export(tmp_path, REGION)
    assert (result.jobs, result.triggers, result.workflows) == (105, 105, 23)
    assert len(list((tmp_path / "jobs").glob("*.json"))) == 105
    assert (tmp_path / "jobs/job_104.json").is_file() and (tmp_path / "workflows/wf_22.json").is_file()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("nightly_exposure", "nightly_exposure"),
        ("risk job (v2)", "risk job (v2)"),
        ("Exposition €", "Exposition €"),
        ("etl/daily", "etl_daily~02cc3e2ddd"),
        (".hidden", "hidden~"),
        ("..", "_~"),
        ("-rf", "rf~"),
        ("tab\there", "tab_here~"),
        ("a:b*c?", "a_b_c_~"),
        ("trailing.", "trailing~"),
        ("home~", "home_~"),
        ("x" * 101, "x" * 100 + "~"),
        ("CON", "CON~"),
        ("nul.daily", "nul.daily~"),
        ("com1", "com1~"),
        ("console", "console"),
    ],
)
def test_names_that_are_not_safe_file_names_get_a_readable_name_and_a_hash(name: str, expected: str) -> None:
    found = file_name(name)
    if expected.endswith("~"):  # the hash: 10 hex digits of the name's SHA-256
        assert found.startswith(expected) and len(found) == len(expected) + 10
        assert found == file_name(name)
    else:
        assert found == expected


def test_unsafe_and_case_colliding_names_keep_their_real_name_inside_the_json(tmp_path: Path) -> None:
    names = ["etl/daily", ".hidden", "tab\there", "Risk", "risk", "plain"]
    with mock_aws():
        client = boto3.client("glue", region_name=REGION)
        for name in names:
            client.create_job(Name=name, Role=ROLE, Command={"ScriptLocation": f"{SCRIPTS}/x.py"})
        result = export(tmp_path, REGION)
        assert export(tmp_path, REGION).written == ()
    files = {path.name for path in (tmp_path / "jobs").iterdir()}
    assert files == {f"{file_name(n, hashed=n.casefold() == 'risk')}.json" for n in names}
    assert "plain.json" in files and "Risk.json" not in files and "risk.json" not in files
    assert len(result.written) == 6
    inside = {json.loads(path.read_text())["Job"]["Name"] for path in (tmp_path / "jobs").iterdir()}
    assert inside == set(names)


class _GraphedGlue:
    """The moto client, with get_workflow answering IncludeGraph as Glue documents it (moto leaves the graph out)."""

    def __init__(self, client: Any) -> None:
        self._client = client

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    def get_workflow(self, **kwargs: Any) -> dict[str, Any]:
        answer = self._client.get_workflow(**kwargs)
        trigger = self._client.get_trigger(Name="nightly_start")["Trigger"]
        answer["Workflow"]["Graph"] = {
            "Nodes": [
                {
                    "Type": "JOB",
                    "Name": "nightly_exposure",
                    "UniqueId": "wnode_2",
                    "JobDetails": {"JobRuns": [{"Id": "jr_1", "JobRunState": "SUCCEEDED"}]},
                },
                {
                    "Type": "TRIGGER",
                    "Name": "nightly_start",
                    "UniqueId": "wnode_1",
                    "TriggerDetails": {"Trigger": trigger},
                },
                {
                    "Type": "CRAWLER",
                    "Name": "rates",
                    "UniqueId": "wnode_3",
                    "CrawlerDetails": {"Crawls": [{"State": "X"}]},
                },
            ],
            "Edges": [
                {"SourceId": "wnode_2", "DestinationId": "wnode_3"},
                {"SourceId": "wnode_1", "DestinationId": "wnode_2"},
            ],
        }
        return answer


def test_a_workflow_graph_keeps_its_shape_and_drops_run_state(glue: Any, tmp_path: Path) -> None:
    export(tmp_path, REGION, client=_GraphedGlue(glue))
    graph = json.loads((tmp_path / "workflows/risk_nightly.json").read_text())["Workflow"]["Graph"]
    assert graph["Nodes"] == [
        {"Name": "rates", "Type": "CRAWLER", "UniqueId": "wnode_3"},
        {"Name": "nightly_exposure", "Type": "JOB", "UniqueId": "wnode_2"},
        {
            "Name": "nightly_start",
            "TriggerDetails": {
                "Trigger": json.loads((tmp_path / "triggers/nightly_start.json").read_text())["Trigger"]
            },
            "Type": "TRIGGER",
            "UniqueId": "wnode_1",
        },
    ]
    assert graph["Edges"] == [
        {"DestinationId": "wnode_2", "SourceId": "wnode_1"},
        {"DestinationId": "wnode_3", "SourceId": "wnode_2"},
    ]


def _refused(tmp_path: Path, **kwargs: Any) -> str:
    """The message of the G2lError export raises; and it wrote nothing."""
    (tmp_path / "defs" / "jobs").mkdir(parents=True)
    (tmp_path / "defs" / "jobs" / "old.json").write_text("{}\n")
    with pytest.raises(G2lError) as caught:
        export(tmp_path / "defs", kwargs.pop("region", REGION), **kwargs)
    assert caught.value.code == 2
    assert _tree(tmp_path / "defs") == {"jobs/old.json": b"{}\n"}
    return caught.value.message


def test_no_credentials_is_one_line_naming_the_region(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    assert _refused(tmp_path) == (
        "Glue in eu-west-1: no AWS credentials found; set AWS_PROFILE or --profile, or AWS_ACCESS_KEY_ID and "
        "AWS_SECRET_ACCESS_KEY; no file was written"
    )


def test_an_unknown_profile_is_named(tmp_path: Path) -> None:
    assert _refused(tmp_path, profile="risk-prod") == (
        "--profile risk-prod: no such AWS profile in the AWS config files; name one `aws configure list-profiles` shows"
    )


def test_an_unknown_aws_profile_variable_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_PROFILE", "risk-prod")
    assert _refused(tmp_path) == (
        "AWS_PROFILE risk-prod: no such AWS profile in the AWS config files; name one `aws configure list-profiles` "
        "shows"
    )


def test_a_profile_is_used_and_an_expired_sso_login_is_explained(tmp_path: Path) -> None:
    Path(tmp_path / "home/.aws/config").write_text(
        "[profile risk-sso]\nsso_session = bank\nsso_account_id = 123456789012\nsso_role_name = reader\n"
        "[sso-session bank]\nsso_start_url = https://bank.awsapps.com/start\nsso_region = eu-west-1\n"
    )
    assert _refused(tmp_path, profile="risk-sso") == (
        "Glue in eu-west-1: the AWS SSO session has expired or never started; run `aws sso login` and export again; "
        "no file was written"
    )


def test_a_malformed_region_is_named(tmp_path: Path) -> None:
    assert _refused(tmp_path, region="eu west 1") == "--region 'eu west 1': not an AWS region name (e.g. eu-west-1)"


def test_an_unreachable_endpoint_says_to_check_the_region(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL_GLUE", "http://127.0.0.1:9")  # nothing listens: refused at once, offline
    assert _refused(tmp_path, region="eu-nowhere-1") == (
        "Glue in eu-nowhere-1: cannot reach the Glue endpoint; check --region and the network; no file was written"
    )


NEEDS = "they need glue:GetJobs, glue:GetTriggers, glue:ListWorkflows and glue:GetWorkflow"


@set_initial_no_auth_action_count(3)
def test_credentials_without_glue_rights_are_refused_with_what_they_need(tmp_path: Path) -> None:
    """moto checks IAM here: a user allowed only S3. moto answers with HTTP 403 (and an XML body Glue's JSON protocol
    does not read); real Glue's codes are checked below."""
    with mock_aws():
        iam = boto3.client("iam", region_name="us-east-1")
        iam.create_user(UserName="reader")
        policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
        iam.put_user_policy(UserName="reader", PolicyName="s3", PolicyDocument=json.dumps(policy))
        key = iam.create_access_key(UserName="reader")["AccessKey"]
        client = boto3.client(
            "glue",
            region_name=REGION,
            aws_access_key_id=key["AccessKeyId"],
            aws_secret_access_key=key["SecretAccessKey"],
        )
        message = _refused(tmp_path, client=client)
    assert message == (
        f"Glue in eu-west-1: access denied or the credentials were refused (HTTP 403); check them; {NEEDS}; "
        "no file was written"
    )


@set_initial_no_auth_action_count(4)
def test_profile_names_the_credentials_export_uses(tmp_path: Path) -> None:
    """moto checks IAM here: only the profile's keys may read Glue (the environment's are not moto's), so the
    export succeeds only if it signs with the profile."""
    with mock_aws():
        iam = boto3.client("iam", region_name="us-east-1")
        iam.create_user(UserName="exporter")
        policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "glue:*", "Resource": "*"}]}
        iam.put_user_policy(UserName="exporter", PolicyName="glue", PolicyDocument=json.dumps(policy))
        key = iam.create_access_key(UserName="exporter")["AccessKey"]
        boto3.client("glue", region_name=REGION).create_job(
            Name="nightly_exposure", Role=ROLE, Command={"ScriptLocation": f"{SCRIPTS}/nightly_exposure.py"}
        )
        (tmp_path / "home/.aws/credentials").write_text(
            f"[risk-glue]\naws_access_key_id = {key['AccessKeyId']}\naws_secret_access_key = {key['SecretAccessKey']}\n"
        )
        result = export(tmp_path / "defs", REGION, profile="risk-glue")
        assert result.written == ("jobs/nightly_exposure.json",)
        with pytest.raises(G2lError, match="HTTP 403"):
            export(tmp_path / "defs", REGION)


@pytest.mark.parametrize(
    ("code", "says"),
    [
        ("AccessDeniedException", f"access denied; {NEEDS}"),
        ("UnrecognizedClientException", "the credentials were refused (UnrecognizedClientException); check or renew"),
        ("ThrottlingException", "An error occurred (ThrottlingException) when calling the GetJobs operation: slow"),
    ],
)
def test_glue_error_codes_become_one_line(tmp_path: Path, code: str, says: str) -> None:
    """Glue's own error codes, as botocore parses them from a Glue answer (botocore's Stubber; no moto, no network)."""
    client = boto3.client("glue", region_name=REGION)
    with Stubber(client) as stub:
        stub.add_client_error("get_jobs", service_error_code=code, service_message="slow", http_status_code=400)
        message = _refused(tmp_path, client=client)
    assert message.startswith(f"Glue in eu-west-1: {says}") and message.endswith("; no file was written")


def test_without_boto3_the_command_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "boto3", None)
    assert _refused(tmp_path) == "jobs export needs boto3: pip install 'g2l-merge[aws]'"


def test_a_file_where_a_folder_belongs_is_named(glue: Any, tmp_path: Path) -> None:
    (tmp_path / "defs").mkdir()
    (tmp_path / "defs" / "triggers").write_text("not a folder\n")
    with pytest.raises(G2lError) as caught:
        export(tmp_path / "defs", REGION, client=glue)
    assert caught.value.message == (
        f"{tmp_path / 'defs' / 'triggers'}: exists and is not a folder; jobs export writes its definitions into folders"
    )
    assert not (tmp_path / "defs" / "jobs").exists()


def test_a_definition_file_that_cannot_be_written_is_named(glue: Any, tmp_path: Path) -> None:
    (tmp_path / "jobs" / "refresh_rates.json").mkdir(parents=True)
    with pytest.raises(G2lError) as caught:
        export(tmp_path, REGION, client=glue)
    assert caught.value.message == f"{tmp_path / 'jobs' / 'refresh_rates.json'}: cannot write it (Is a directory)"


def test_the_cli_prints_each_file_and_a_summary(glue: Any, tmp_path: Path) -> None:
    run = g2l(tmp_path, "jobs", "export", "--region", REGION)
    assert run.code == 0, run.output
    assert run.output.splitlines() == [
        "wrote glue-definitions/jobs/nightly_exposure.json",
        "wrote glue-definitions/jobs/refresh_rates.json",
        "wrote glue-definitions/triggers/after_exposure.json",
        "wrote glue-definitions/triggers/nightly_start.json",
        "wrote glue-definitions/workflows/risk_nightly.json",
        "2 jobs, 2 triggers, 1 workflow from eu-west-1 in glue-definitions: 5 written, 0 unchanged, 0 deleted",
    ]
    glue.delete_job(JobName="refresh_rates")
    run = g2l(tmp_path, "jobs", "export", "--region", REGION, "--out", "glue-definitions", "--json")
    assert run.code == 0, run.output
    assert json.loads(run.output) == {
        "folder": "glue-definitions",
        "region": REGION,
        "jobs": 1,
        "triggers": 2,
        "workflows": 1,
        "written": [],
        "unchanged": [
            "jobs/nightly_exposure.json",
            "triggers/after_exposure.json",
            "triggers/nightly_start.json",
            "workflows/risk_nightly.json",
        ],
        "deleted": ["jobs/refresh_rates.json"],
    }
    glue.delete_trigger(Name="after_exposure")
    run = g2l(tmp_path, "jobs", "export", "--region", REGION)
    assert run.output.splitlines() == [
        "deleted glue-definitions/triggers/after_exposure.json",
        "1 job, 1 trigger, 1 workflow from eu-west-1 in glue-definitions: 0 written, 3 unchanged, 1 deleted",
    ]
    run = g2l(tmp_path, "jobs", "export", "--region", REGION, "--out", "elsewhere")
    assert run.output.splitlines()[-1].endswith("in elsewhere: 3 written, 0 unchanged, 0 deleted")
    assert _tree(tmp_path / "elsewhere") == _tree(tmp_path / "glue-definitions")


def test_the_cli_reports_an_aws_error_in_one_line_with_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    run = g2l(tmp_path, "jobs", "export", "--region", "us-east-1", "--profile", "nope")
    assert (run.code, run.output.splitlines()) == (
        2,
        [
            "git g2l-sync: --profile nope: no such AWS profile in the AWS config files; name one "
            "`aws configure list-profiles` shows"
        ],
    )
    assert not (tmp_path / "glue-definitions").exists()
    assert g2l(tmp_path, "jobs", "export").code == 2  # --region is required


def test_no_other_command_loads_boto3() -> None:
    probe = "import sys, g2l_merge.cli, g2l_merge.entry; print(sorted({'boto3', 'botocore'} & set(sys.modules)))"
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout == "[]\n"
