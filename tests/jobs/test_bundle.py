"""Golden cases of the job mapping: a Glue job definition in, the resource file out, byte for byte
(tests/jobs/cases/<case>.job.yml), every resource accepted by databricks-bundles, which rejects unknown keys and
wrong types the way the Databricks CLI does.

`G2L_WRITE_GOLDEN=1 python -m pytest tests/jobs/test_bundle.py` writes the expected files after a change; read
the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from databricks.bundles.jobs import Job

from g2l_merge.config import Config, ConvertConfig, JobsConfig, SourceConfig, TargetConfig
from g2l_merge.jobs import review_lines
from g2l_merge.jobs.bundle import NODE_TYPES, find_script, resource_key
from g2l_merge.jobs.estate import job_files, read_definitions
from g2l_merge.jobs.render import bundle_file, dump

CASES = Path(__file__).parent / "cases"
SCRIPT = "s3://aws-glue-assets-123456789012-eu-west-1/scripts/nightly_exposure.py"
GLUE_FILES = ["jobs/nightly_exposure.py", "jobs/intraday.py", "lib/risk_lib/__init__.py", "lib/risk_lib/pricing.py"]
TEXTS = {  # the Databricks repository's converted files ([target] root risk_engine): the job imports risk_lib
    "risk_engine/glue_compat.py": "",
    "risk_engine/jobs/nightly_exposure.py": "import glue_compat\nfrom risk_lib import pricing\n",
    "risk_engine/jobs/intraday.py": "import glue_compat\n",
    "risk_engine/lib/risk_lib/__init__.py": "",
    "risk_engine/lib/risk_lib/pricing.py": "import math\n",
}


def job(**fields: Any) -> dict[str, Any]:
    """A Glue job as `aws glue get-job` prints it: the least a Spark job has, and `fields` over it."""
    return {
        "Name": "nightly_exposure",
        "Command": {"Name": "glueetl", "ScriptLocation": SCRIPT, "PythonVersion": "3"},
        "GlueVersion": "4.0",
        "WorkerType": "G.1X",
        "NumberOfWorkers": 10,
    } | fields


def config(**jobs: Any) -> Config:
    convert = jobs.pop("convert", ConvertConfig())
    return Config(
        SourceConfig("../glue", include=("jobs/**/*.py", "lib/**/*.py")),
        target=TargetConfig(root="risk_engine"),
        convert=convert,
        jobs=JobsConfig(include=("infra/glue/*.json",), **jobs),
    )


# case name -> (the job, the configuration); one case per mapping rule
GOLDEN: dict[str, tuple[dict[str, Any], Config]] = {
    # the script task: ScriptLocation found by name, arguments sorted after --JOB_NAME, retries, timeout,
    # concurrency and description carried; the layout's folders on the cluster's PYTHONPATH
    "script_task": (
        job(
            Description="Counterparty exposure, nightly",
            DefaultArguments={"--run_date": "today", "--desk": "rates"},
            MaxRetries=2,
            Timeout=120,
            ExecutionProperty={"MaxConcurrentRuns": 3},
        ),
        config(),
    ),
    # [convert] job_parameters = "widgets": a notebook task, the arguments as its base parameters
    "widgets": (
        job(DefaultArguments={"--run_date": "today"}),
        config(convert=ConvertConfig(job_parameters="widgets")),
    ),
    # Glue-only arguments dropped and listed; the overridable and the non-overridable ones both passed
    "glue_only_arguments": (
        job(
            DefaultArguments={
                "--TempDir": "s3://aws-glue-assets-123456789012-eu-west-1/temporary/",
                "--enable-metrics": "true",
                "--enable-continuous-cloudwatch-log": "true",
                "--enable-spark-ui": "true",
                "--spark-event-logs-path": "s3://aws-glue-assets-123456789012-eu-west-1/sparkHistoryLogs/",
                "--job-language": "python",
                "--run_date": "today",
            },
            NonOverridableArguments={"--env": "prod"},
        ),
        config(),
    ),
    # bookmarks on: the option stays a parameter (glue_compat's Job reads it), and a review item
    "bookmarks": (job(DefaultArguments={"--job-bookmark-option": "job-bookmark-enable"}), config()),
    # connections: a review item naming them
    "connections": (job(Connections={"Connections": ["risk-postgres", "risk-kafka"]}), config()),
    # libraries: PyPI packages and wheels, jars; --extra-py-files zips are the repository's modules (review)
    "libraries": (
        job(
            DefaultArguments={
                "--additional-python-modules": "pandas==2.2.2, s3://bank-risk-libs/risk_models-1.4-py3-none-any.whl",
                "--extra-py-files": "s3://bank-risk-libs/risk_lib.zip,s3://bank-risk-libs/quant-0.9-py3-none-any.whl",
                "--extra-jars": "s3://bank-risk-libs/ojdbc8.jar",
                "--python-modules-installer-option": "--upgrade",
            }
        ),
        config(),
    ),
    # auto scaling, Spark settings and environment variables on the job cluster
    "cluster_settings": (
        job(
            WorkerType="G.2X",
            NumberOfWorkers=20,
            DefaultArguments={
                "--enable-auto-scaling": "true",
                "--conf": "spark.sql.shuffle.partitions=400 --conf spark.sql.adaptive.enabled=true",
                "--customer-driver-env-vars": "RISK_ENV=prod",
                "--customer-executor-env-vars": "RISK_ENV=prod,TZ=UTC",
            },
        ),
        config(),
    ),
    # a job of the old Standard workers: MaxCapacity DPUs, one of them the driver
    "max_capacity": (
        {"Name": "legacy_pnl", "Command": {"Name": "glueetl", "ScriptLocation": SCRIPT}, "MaxCapacity": 10.0},
        config(),
    ),
    # a Python shell job: a single-node job cluster
    "python_shell": (
        {
            "Name": "refresh_calendar",
            "Command": {"Name": "pythonshell", "ScriptLocation": SCRIPT, "PythonVersion": "3.9"},
            "MaxCapacity": 0.0625,
        },
        config(),
    ),
    # a streaming job: a continuous Databricks job
    "streaming": (job(Name="trade_stream", Command={"Name": "gluestreaming", "ScriptLocation": SCRIPT}), config()),
    # a Ray job: a review item (no Ray cluster on a Spark job cluster)
    "ray": (
        job(Name="ray_scoring", Command={"Name": "glueray", "ScriptLocation": SCRIPT}, WorkerType="Z.2X"),
        config(),
    ),
    # a worker type the table lacks, and [jobs] node_types over the table
    "unknown_worker_type": (job(WorkerType="G.64X"), config()),
    "node_types": (job(WorkerType="G.2X"), config(node_types={"G.2X": "i3.2xlarge"})),
    # the script: not in the Glue repository, two of that name, mapped by [jobs] scripts
    "script_not_found": (
        job(Command={"Name": "glueetl", "ScriptLocation": "s3://aws-glue-assets-1/scripts/gone.py"}),
        config(),
    ),
    "script_mapped": (
        job(Command={"Name": "glueetl", "ScriptLocation": "s3://bank-glue-scripts/prod/intraday.py"}),
        config(scripts={"s3://bank-glue-scripts/prod/": "jobs"}),
    ),
    # Databricks Runtime 14.3 (Scala 2.12), and a job name that is no resource key
    "runtime_14_3": (job(Name="Nightly Exposure (EMEA)"), config(convert=ConvertConfig(runtime="14.3"))),
}


def made(case: str) -> tuple[str, bytes]:
    definition, settings = GOLDEN[case]
    jobs, broken, findings = read_definitions({"infra/glue/jobs.json": json.dumps({"Job": definition}).encode()})
    assert not broken and not findings
    files, left_out = job_files(jobs, GLUE_FILES, TEXTS, settings)
    assert not left_out
    [(path, text)] = files.items()
    return path, text


@pytest.mark.parametrize("case", sorted(GOLDEN))
def test_golden_case(case: str) -> None:
    path, text = made(case)
    expected = CASES / f"{case}.job.yml"
    if os.environ.get("G2L_WRITE_GOLDEN"):
        expected.write_bytes(text)
    assert text.decode() == expected.read_text()
    document = yaml.safe_load(text)
    [(key, resource)] = document["resources"]["jobs"].items()
    assert path == f"resources/{key}.job.yml"
    # what the Databricks CLI accepts: no unknown key, every value of its type (it raises otherwise)
    assert Job.from_dict(resource).as_dict() == resource


def test_every_golden_file_has_its_case() -> None:
    assert sorted(p.name.removesuffix(".job.yml") for p in CASES.glob("*.job.yml")) == sorted(GOLDEN)


def test_a_script_task_runs_the_converted_script_with_the_glue_arguments() -> None:
    _, text = made("script_task")
    task = yaml.safe_load(text)["resources"]["jobs"]["nightly_exposure"]["tasks"][0]
    # relative to resources/, the file the Databricks repository holds
    assert task["spark_python_task"]["python_file"] == "../risk_engine/jobs/nightly_exposure.py"
    # what getResolvedOptions parses from sys.argv: --KEY VALUE pairs, JOB_NAME as Glue passed it
    assert task["spark_python_task"]["parameters"] == [
        "--JOB_NAME",
        "nightly_exposure",
        "--desk",
        "rates",
        "--run_date",
        "today",
    ]
    assert (task["max_retries"], task["timeout_seconds"]) == (2, 7200)


def test_workers_are_glue_workers_but_the_driver() -> None:
    cluster = yaml.safe_load(made("script_task")[1])["resources"]["jobs"]["nightly_exposure"]["job_clusters"][0]
    assert cluster["new_cluster"]["num_workers"] == 9  # NumberOfWorkers 10 counts the driver
    assert cluster["new_cluster"]["node_type_id"] == NODE_TYPES["G.1X"] == "m5.xlarge"
    env = cluster["new_cluster"]["spark_env_vars"]
    assert env["PYTHONPATH"] == "${workspace.file_path}/risk_engine:${workspace.file_path}/risk_engine/lib"


@pytest.mark.parametrize(
    ("case", "rules"),
    [
        ("glue_only_arguments", ["G2L502"]),
        ("bookmarks", ["G2L504"]),
        ("connections", ["G2L503"]),
        ("libraries", ["G2L502", "G2L506"]),
        ("ray", ["G2L505"]),
        ("unknown_worker_type", ["G2L505"]),
        ("script_not_found", ["G2L501"]),
        ("script_task", []),
        ("cluster_settings", []),
    ],
)
def test_review_items_are_review_lines_of_the_file(case: str, rules: list[str]) -> None:
    path, text = made(case)
    found = list(review_lines(path, text.decode()))
    assert [f.rule for f in found] == rules
    assert all(f.line == number for f, number in zip(found, range(2, 2 + len(found)), strict=True))


def test_the_dropped_arguments_are_listed_by_name() -> None:
    path, text = made("glue_only_arguments")
    [item] = review_lines(path, text.decode())
    assert item.message.startswith(
        "Glue-only arguments dropped: --TempDir, --enable-continuous-cloudwatch-log, --enable-metrics, "
        "--enable-spark-ui, --job-language, --spark-event-logs-path;"
    )


@pytest.mark.parametrize(
    ("location", "scripts", "found"),
    [
        ("s3://a/scripts/intraday.py", {}, ("jobs/intraday.py", "the one file of that name")),
        ("s3://a/scripts/pricing.py", {}, ("lib/risk_lib/pricing.py", "the one file of that name")),
        ("s3://a/x/gone.py", {}, (None, "no file of the Glue repository is named gone.py")),
        (
            "s3://a/scripts/intraday.py",
            {"s3://a/scripts/": "lib"},
            (None, "[jobs] scripts maps s3://a/scripts/ to lib/intraday.py, which the Glue repository does not hold"),
        ),
        (
            "s3://a/scripts/prod/intraday.py",
            {"s3://a/": "x", "s3://a/scripts/prod": "jobs"},  # the longest prefix wins
            ("jobs/intraday.py", "[jobs] scripts maps s3://a/scripts/prod"),
        ),
    ],
)
def test_find_script(location: str, scripts: dict[str, str], found: tuple[str | None, str]) -> None:
    assert find_script(location, GLUE_FILES, scripts) == found


def test_two_scripts_of_one_name_find_none() -> None:
    files = ["jobs/a/run.py", "jobs/b/run.py"]
    assert find_script("s3://x/run.py", files, {}) == (
        None,
        "2 files of the Glue repository are named run.py (jobs/a/run.py, jobs/b/run.py)",
    )


@pytest.mark.parametrize(
    ("name", "key"),
    [("nightly_exposure", "nightly_exposure"), ("Daily Risk - EMEA", "daily_risk_emea"), ("***", "job")],
)
def test_resource_key(name: str, key: str) -> None:
    assert resource_key(name) == key


def test_jobs_of_one_key_get_distinct_files_and_a_name_defined_twice_is_left_out() -> None:
    definitions = {
        "infra/a.json": json.dumps({"Jobs": [job(Name="Daily Risk"), job(Name="daily-risk")]}).encode(),
        "infra/b.json": json.dumps({"Job": job(Name="Daily Risk")}).encode(),
    }
    jobs, _, _ = read_definitions(definitions)
    files, findings = job_files(jobs, GLUE_FILES, TEXTS, config())
    assert sorted(files) == ["resources/daily_risk.job.yml", "resources/daily_risk_2.job.yml"]
    [finding] = findings
    assert (finding.path, finding.rule) == ("infra/b.json", "G2L500")
    assert finding.message == (
        "Glue job 'Daily Risk' is defined again here (first in infra/a.json: Jobs[0]): this one is left out"
    )


def test_a_resource_file_never_replaces_another_file() -> None:
    jobs, _, _ = read_definitions({"infra/a.json": json.dumps({"Job": job()}).encode()})
    files, [finding] = job_files(jobs, GLUE_FILES, TEXTS, config(), taken={"resources/nightly_exposure.job.yml"})
    assert files == {}
    assert finding.message.endswith(
        "would land on resources/nightly_exposure.job.yml, a converted Glue file: it is left out"
    )


def test_an_unreadable_definitions_file_is_a_finding_with_its_line() -> None:
    jobs, broken, [finding] = read_definitions({"infra/a.json": b'{"Job": {\n  "Name": "x",\n}}'})
    assert (jobs, broken) == ([], {"infra/a.json"})
    assert (finding.path, finding.line, finding.rule) == ("infra/a.json", 3, "G2L500")
    assert finding.message.startswith("job definitions not read (infra/a.json:3: not valid JSON")


def test_yaml_is_one_style_whatever_the_order_of_the_export() -> None:
    forward = job(DefaultArguments={"--a": "1", "--b": "2"})
    backward = job(DefaultArguments={"--b": "2", "--a": "1"})
    texts = []
    for definition in (forward, backward):
        read, _, _ = read_definitions({"x.json": json.dumps({"Job": definition}).encode()})
        files, _ = job_files(read, GLUE_FILES, TEXTS, config())
        texts.append(next(iter(files.values())))
    assert texts[0] == texts[1]


def test_dump_writes_block_style_lists_indented_and_quotes_only_what_yaml_needs() -> None:
    assert dump({"a": ["x", "true", "1", "${workspace.file_path}/lib"], "b": {"c": True}}) == (
        "a:\n  - x\n  - 'true'\n  - '1'\n  - ${workspace.file_path}/lib\nb:\n  c: true\n"
    )


def test_bundle_file_includes_the_resource_files() -> None:
    text = bundle_file("risk_jobs", "infra/resources").decode()
    document = yaml.safe_load(text)
    assert document == {
        "bundle": {"name": "risk_jobs"},
        "include": ["infra/resources/*.yml"],
        "targets": {"dev": {"mode": "development", "default": True}},
    }
    assert yaml.safe_load(bundle_file("risk_jobs", "").decode())["include"] == ["*.job.yml"]
