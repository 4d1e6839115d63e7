"""`git g2l-sync verify`: converted jobs run on local Spark (and through Spark Connect) with sample data."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import DbxRepo, GlueRepo, g2l, git
from g2l_merge import verify as verifying
from g2l_merge.convert.compat import glue_compat

# Glue library modules are imported by their top-level names (--extra-py-files: AWS Glue Developer Guide,
# "Using Python libraries with AWS Glue", https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-libraries.html).
DESK_LIMITS = '''"""Notional limits per trading desk."""
from pyspark.sql import functions as F

LIMITS = {"rates": 1000, "fx": 500}


def within_limit(desk, notional):
    return notional <= LIMITS.get(desk, 0)


def limit_column(desk):
    limit = F.lit(0)
    for name, value in LIMITS.items():
        limit = F.when(desk == name, F.lit(value)).otherwise(limit)
    return limit
'''
GLUE_HEAD = """import sys
from awsglue.context import GlueContext
from awsglue.transforms import Filter
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F

args = getResolvedOptions(sys.argv, ["JOB_NAME", "as_of"])
glue_context = GlueContext(SparkContext.getOrCreate())
"""
# ran: a catalog read, a table write and a path write
DESK_TOTALS = (
    GLUE_HEAD
    + """from desk_limits import limit_column

trades = glue_context.create_dynamic_frame.from_catalog(database="risk", table_name="trades").toDF()
totals = trades.groupBy("desk").agg(F.sum("notional").alias("gross_notional"))
totals = totals.withColumn("desk_limit", limit_column(F.col("desk"))).withColumn("as_of", F.lit(args["as_of"]))
totals.write.mode("overwrite").saveAsTable("risk.desk_totals")
totals.write.mode("overwrite").parquet("s3://risk-out/desk_totals/")
"""
)
# needs review: Filter's function runs per record in Python (a review item), on Spark workers that import desk_limits
DESK_BREACHES = (
    GLUE_HEAD
    + """from desk_limits import within_limit

trades = glue_context.create_dynamic_frame.from_catalog(database="risk", table_name="trades")
breaches = Filter.apply(frame=trades, f=lambda row: not within_limit(row["desk"], row["notional"]))
glue_context.write_dynamic_frame.from_options(
    frame=breaches, connection_type="s3", connection_options={"path": "s3://risk-out/breaches/"}, format="json"
)
"""
)
# failed: its table is not in the sample data
LIMIT_REPORT = (
    GLUE_HEAD
    + """limits = glue_context.create_dynamic_frame.from_catalog(database="risk", table_name="approved_limits").toDF()
limits.write.mode("overwrite").saveAsTable("risk.limit_report")
"""
)
TRADES_CSV = "trade_id,desk,notional\nT1,rates,900\nT2,rates,1200\nT3,fx,500\nT4,credit,10\n"


@pytest.fixture
def desk_repo(tmp_path: Path) -> Path:
    """A Databricks repository initialised from a Glue repository with three desk jobs and their library."""
    glue = GlueRepo(tmp_path / "glue")
    glue.commit(
        "Desk jobs",
        {
            "jobs/desk_totals.py": DESK_TOTALS,
            "jobs/desk_breaches.py": DESK_BREACHES,
            "jobs/limit_report.py": LIMIT_REPORT,
            "lib/desk_limits.py": DESK_LIMITS,
        },
    )
    dbx = DbxRepo(tmp_path / "dbx")
    run = g2l(dbx.path, "init", "--glue", "../glue", "--include", "**/*.py", "--target-root", "risk_engine")
    assert run.code == 0, run.output
    return dbx.path


@pytest.fixture
def sample_data(tmp_path: Path) -> Path:
    data = tmp_path / "sample"
    (data / "main.risk.trades").mkdir(parents=True)
    (data / "main.risk.trades" / "trades.csv").write_text(TRADES_CSV)
    return data


# -- bad input: exit 2, one line, nothing run ------------------------------------------------------


def _one_line_error(run: Any) -> str:
    assert run.code == 2, run.output
    assert "Traceback" not in run.output
    lines = run.output.strip().splitlines()
    assert len(lines) == 1, run.output
    return lines[0]


def test_a_missing_path_is_bad_input(desk_repo: Path) -> None:
    line = _one_line_error(g2l(desk_repo, "verify", "risk_engine/jobs/nope.py"))
    assert line == "git g2l-sync: risk_engine/jobs/nope.py: no such file or folder"


def test_a_file_that_is_not_converted_is_bad_input(desk_repo: Path) -> None:
    line = _one_line_error(g2l(desk_repo, "verify", "risk_engine/glue_compat.py"))
    assert line == (
        "git g2l-sync: risk_engine/glue_compat.py: not a converted job (it has no '# g2l: converted from' line)"
    )
    # the converter puts its header after a shebang or coding line: such a job is a converted job too
    assert verifying._converted("#!/usr/bin/env python\n# g2l: converted from jobs/a.py\nx = 1\n")
    assert not verifying._converted("x = 1\n# g2l: converted from jobs/a.py\n")


def test_a_path_outside_the_repository_is_bad_input(desk_repo: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "glue" / "jobs" / "desk_totals.py"
    line = _one_line_error(g2l(desk_repo, "verify", str(elsewhere)))
    assert line == f"git g2l-sync: {elsewhere}: outside the repository {desk_repo.resolve()}"


def test_a_folder_without_converted_jobs_is_bad_input(desk_repo: Path) -> None:
    (desk_repo / "notebooks").mkdir()
    (desk_repo / "notebooks" / "explore.py").write_text("print('a Databricks notebook')\n")
    line = _one_line_error(g2l(desk_repo, "verify", "notebooks"))
    assert line == "git g2l-sync: notebooks: no converted job (no file with a '# g2l: converted from' line)"


@pytest.mark.parametrize("url", ["http://127.0.0.1:15002", "sc://", "127.0.0.1:15002"])
def test_a_remote_that_is_not_a_spark_connect_url_is_bad_input(desk_repo: Path, url: str) -> None:
    line = _one_line_error(g2l(desk_repo, "verify", "risk_engine/jobs", "--remote", url))
    assert line.startswith(f"git g2l-sync: --remote {url!r}: expected a Spark Connect URL, sc://HOST:PORT")


def test_the_token_of_a_remote_url_is_never_printed(desk_repo: Path) -> None:
    line = _one_line_error(g2l(desk_repo, "verify", "risk_engine/jobs", "--remote", "sc://bad host/;token=dapi123"))
    assert "dapi123" not in line and "token=***" in line


def test_data_that_is_not_a_folder_is_bad_input(desk_repo: Path) -> None:
    (desk_repo / "trades.csv").write_text(TRADES_CSV)
    line = _one_line_error(g2l(desk_repo, "verify", "risk_engine/jobs", "--data", "trades.csv"))
    assert line == "git g2l-sync: --data trades.csv: not a folder (it holds the sample tables and files)"


def test_data_with_a_remote_is_bad_input(desk_repo: Path, sample_data: Path) -> None:
    run = g2l(desk_repo, "verify", "risk_engine/jobs", "--data", str(sample_data), "--remote", "sc://localhost:15002")
    assert _one_line_error(run) == (
        "git g2l-sync: --data is for local Spark: with --remote the jobs read the workspace's tables and volumes"
    )


def test_keep_inside_the_repository_or_with_a_remote_is_bad_input(desk_repo: Path, tmp_path: Path) -> None:
    line = _one_line_error(g2l(desk_repo, "verify", "risk_engine/jobs", "--keep", "out"))
    assert (
        line
        == "git g2l-sync: --keep out: inside the repository; verify writes nothing there, choose a folder outside it"
    )
    run = g2l(desk_repo, "verify", "risk_engine/jobs", "--keep", str(tmp_path / "out"), "--remote", "sc://localhost")
    assert (
        _one_line_error(run)
        == "git g2l-sync: --keep is for local Spark: with --remote the outputs are in the workspace"
    )
    assert not (desk_repo / "out").exists() and not (tmp_path / "out").exists()


def test_a_param_without_a_value_is_bad_input(desk_repo: Path) -> None:
    line = _one_line_error(g2l(desk_repo, "verify", "risk_engine/jobs", "--param", "as_of"))
    assert line == "git g2l-sync: --param 'as_of': expected KEY=VALUE, e.g. --param as_of_date=2024-03-31"


def test_without_pyspark_verify_says_which_extra_to_install(desk_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pyspark" else real(name, *a))
    line = _one_line_error(g2l(desk_repo, "verify", "risk_engine/jobs"))
    assert line == "git g2l-sync: verify needs pyspark: pip install 'g2l-merge[spark]'"


def test_a_folder_runs_its_jobs_and_leaves_out_the_library_modules_they_import(desk_repo: Path) -> None:
    texts = verifying.python_files(desk_repo)
    jobs = verifying.jobs_named(("risk_engine",), desk_repo, desk_repo, texts)
    assert jobs == [
        "risk_engine/jobs/desk_breaches.py",
        "risk_engine/jobs/desk_totals.py",
        "risk_engine/jobs/limit_report.py",
    ]


# -- real runs -------------------------------------------------------------------------------------


def _needs_java() -> None:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("the Spark tests need Java 17 (no `java` on PATH)")


@pytest.mark.spark
@pytest.mark.slow
@pytest.mark.xdist_group("spark")
def test_verify_runs_each_job_on_local_spark_and_reports_ran_needs_review_and_failed(
    desk_repo: Path, sample_data: Path
) -> None:
    _needs_java()
    run = g2l(
        desk_repo, "verify", "risk_engine/jobs", "--data", str(sample_data), "--param", "as_of=2024-03-31", "--json"
    )
    assert run.code == 1, run.output  # one failed, one needs review
    report = json.loads(run.output)
    jobs = {job["path"]: job for job in report["jobs"]}
    assert report["mode"] == "local"
    assert report["python_path"] == ["risk_engine", "risk_engine/lib"]
    assert jobs["risk_engine/jobs/desk_totals.py"] == {
        "path": "risk_engine/jobs/desk_totals.py",
        "status": "ran",
        "writes": [
            {"kind": "table", "target": "risk.desk_totals", "rows": 3},
            {"kind": "path", "target": "s3://risk-out/desk_totals/", "rows": 3},
        ],
        "error": None,
        "review": [],
        "tables_loaded": ["main.risk.trades"],
    }
    breaches = jobs["risk_engine/jobs/desk_breaches.py"]
    # Filter keeps the records its function returns True for (awslabs/aws-glue-libs awsglue/dynamicframe.py,
    # DynamicFrame.filter): T2 (1200 over the rates limit 1000) and T4 (credit has no limit)
    assert (breaches["status"], breaches["writes"]) == (
        "needs-review",
        [{"kind": "path", "target": "s3://risk-out/breaches/", "rows": 2}],
    )
    assert [item["rule"] for item in breaches["review"]] == ["G2L312"]
    failed = jobs["risk_engine/jobs/limit_report.py"]
    converted = (desk_repo / "risk_engine/jobs/limit_report.py").read_text().splitlines()
    line = next(n for n, text in enumerate(converted, 1) if "approved_limits" in text)
    assert failed["status"] == "failed" and failed["writes"] == []
    assert failed["error"]["line"] == line
    assert failed["error"]["code"] == converted[line - 1].strip()
    assert failed["error"]["message"].startswith("AnalysisException: [TABLE_OR_VIEW_NOT_FOUND]")
    assert "approved_limits" in failed["error"]["message"]
    assert git(desk_repo, "status", "--porcelain", "--ignored") == ""  # nothing written in the repository


REMOTE_TOTALS = (
    GLUE_HEAD
    + """positions = glue_context.create_dynamic_frame.from_catalog(database="verify_remote", table_name="positions")
totals = positions.toDF().groupBy("desk").agg(F.sum("notional").alias("gross_notional"))
totals.write.mode("overwrite").saveAsTable("verify_remote.desk_totals")
"""
)
REMOTE_BREACHES = (
    GLUE_HEAD
    + """from desk_limits import within_limit

positions = glue_context.create_dynamic_frame.from_catalog(database="verify_remote", table_name="positions")
breaches = Filter.apply(frame=positions, f=lambda row: not within_limit(row["desk"], row["notional"]))
breaches.toDF().write.mode("overwrite").saveAsTable("verify_remote.position_breaches")
"""
)


def test_verify_runs_jobs_through_spark_connect(tmp_path: Path, _spark_jvm: tuple[Any, int]) -> None:
    """--remote: each job's process is a Spark Connect client of the test JVM, as it would be of a Databricks
    cluster through Databricks Connect; nothing is mapped (the server's catalog has the tables), and the
    layout's modules reach the server's Python workers, which run the Filter function that calls desk_limits."""
    session, port = _spark_jvm
    session.sql("CREATE DATABASE IF NOT EXISTS spark_catalog.verify_remote")
    positions = [("P1", "rates", 900), ("P2", "rates", 1100), ("P3", "fx", 50)]
    session.createDataFrame(positions, "position_id string, desk string, notional long").write.mode(
        "overwrite"
    ).saveAsTable("spark_catalog.verify_remote.positions")
    glue = tmp_path / "glue"
    (glue / "jobs").mkdir(parents=True)
    (glue / "lib").mkdir()
    (glue / "jobs" / "position_totals.py").write_text(REMOTE_TOTALS)
    (glue / "jobs" / "position_breaches.py").write_text(REMOTE_BREACHES)
    (glue / "lib" / "desk_limits.py").write_text(DESK_LIMITS)
    (glue / "convert.toml").write_text('[convert]\ncatalog = "spark_catalog"\n')
    repo = DbxRepo(tmp_path / "dbx").path
    converted = g2l(glue, "convert", "jobs", "lib", "--config", "convert.toml", "--out", str(repo))
    assert converted.code == 1, converted.output  # the Filter function is a review item
    shutil.copy(glue_compat.__file__, repo / "glue_compat.py")
    url = f"sc://127.0.0.1:{port}"
    run = g2l(repo, "verify", "jobs", "--remote", url, "--param", "as_of=2024-03-31", "--json")
    assert run.code == 1, run.output  # position_breaches needs review
    report = json.loads(run.output)
    assert (report["mode"], report["python_path"]) == ("remote", [".", "lib"])
    assert [(job["path"], job["status"], job["writes"], job["error"]) for job in report["jobs"]] == [
        (
            "jobs/position_breaches.py",
            "needs-review",
            [{"kind": "table", "target": "verify_remote.position_breaches", "rows": 1}],
            None,
        ),
        ("jobs/position_totals.py", "ran", [{"kind": "table", "target": "verify_remote.desk_totals", "rows": 2}], None),
    ]
    totals = session.table("spark_catalog.verify_remote.desk_totals").orderBy("desk").collect()
    assert [tuple(row) for row in totals] == [("fx", 50), ("rates", 2000)]
    # Filter keeps the records its function returns True for (awslabs/aws-glue-libs awsglue/dynamicframe.py)
    breaches = session.table("spark_catalog.verify_remote.position_breaches").collect()
    assert [tuple(row) for row in breaches] == [("P2", "rates", 1100)]


def test_the_text_report_names_the_failed_line_and_counts_the_jobs() -> None:
    report = verifying.VerifyReport(
        mode="local",
        python_path=("risk_engine", "risk_engine/lib"),
        jobs=(
            verifying.JobResult("a.py", "ran", (verifying.Write("table", "risk.t", 1),)),
            verifying.JobResult(
                "b.py", "failed", error=verifying.Failure(9, 'x = spark.read.table("t")', "AnalysisException: no t")
            ),
            verifying.JobResult("c.py", "needs-review", review=(verifying.Review(4, "G2L312", "per record"),)),
        ),
    )
    assert verifying.to_text(report).splitlines() == [
        "a.py: ran",
        "    wrote risk.t (table): 1 row",
        'b.py: failed at line 9: x = spark.read.table("t")',
        "    AnalysisException: no t",
        "c.py: ran, needs review",
        "    review c.py:4: G2L312: per record",
        "3 jobs on local Spark: 2 ran (1 of them with review items), 1 failed",
        f"Python path (PYTHONPATH of the driver and the workers): risk_engine{os.pathsep}risk_engine/lib",
    ]
    assert report.exit_code == 1


@pytest.mark.spark
@pytest.mark.slow
@pytest.mark.xdist_group("spark")
def test_a_job_that_does_not_parse_or_is_killed_fails_with_its_line_or_the_signal(desk_repo: Path) -> None:
    """Hostile jobs: one that does not parse names its line (no frame of it ran); one killed by a signal says
    so (it printed nothing that says why); one that exits with 0 ran."""
    _needs_java()
    hostile = desk_repo / "risk_engine" / "hostile"
    hostile.mkdir()
    (hostile / "broken.py").write_text("# g2l: converted from jobs/broken.py\nx = 1\ndef broken(:\n")
    (hostile / "killed.py").write_text(
        "# g2l: converted from jobs/killed.py\nimport os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n"
    )
    (hostile / "done.py").write_text("# g2l: converted from jobs/done.py\nimport sys\nsys.exit(0)\n")
    run = g2l(desk_repo, "verify", "risk_engine/hostile")
    assert run.code == 1, run.output
    lines = run.output.splitlines()
    assert lines[:5] == [
        "risk_engine/hostile/broken.py: failed at line 3: def broken(:",
        "    SyntaxError: invalid syntax (broken.py, line 3)",
        "risk_engine/hostile/done.py: ran",
        "risk_engine/hostile/killed.py: failed",
        "    the job process ended early: killed by SIGKILL",
    ]
    assert lines[5] == "3 jobs on local Spark: 1 ran, 2 failed"


# -- the runner's name and path mapping (verify_run.py), without Spark -----------------------------


def test_local_names_map_the_converters_catalogs_to_spark_catalog_and_foreign_paths_under_the_data_copy(
    tmp_path: Path,
) -> None:
    from g2l_merge import verify_run

    names = verify_run._Names(["main", "prod"], ["/Volumes/", "s3://", "dbfs:/"], tmp_path)
    assert names.table("main.risk.trades") == "spark_catalog.risk.trades"
    assert names.table("`prod`.risk.limits") == "spark_catalog.risk.limits"
    assert names.table("risk.trades") == "risk.trades"  # two-part names are the session catalog's already
    assert names.table("other.risk.trades") == "other.risk.trades"
    assert names.sql("SELECT * FROM main.risk.trades t JOIN prod.`risk`.limits l") == (
        "SELECT * FROM spark_catalog.risk.trades t JOIN spark_catalog.`risk`.limits l"
    )
    assert names.sql("SELECT main.x FROM domain.risk.t") == "SELECT main.x FROM domain.risk.t"
    assert names.path("/Volumes/main/risk/raw/trades.csv") == str(tmp_path / "Volumes/main/risk/raw/trades.csv")
    assert names.path(["s3://risk-curated/exposures/", "/tmp/local"]) == [
        str(tmp_path / "s3/risk-curated/exposures"),
        "/tmp/local",
    ]
    assert names.path("dbfs:/mnt/risk/x") == str(tmp_path / "dbfs/mnt/risk/x")
    remote = verify_run._Names(["main"], ["s3://"], None)  # --remote: nothing is mapped
    assert (remote.table("main.risk.t"), remote.path("s3://b/k"), remote.sql("FROM main.a.b")) == (
        "main.risk.t",
        "s3://b/k",
        "FROM main.a.b",
    )


def test_errors_are_one_line_and_a_spark_worker_error_is_the_workers_own_last_line() -> None:
    from g2l_merge import verify_run

    assert verify_run.one_line(KeyError("desk")) == "KeyError: 'desk'"
    assert verify_run.one_line(RuntimeError("")) == "RuntimeError"
    worker = RuntimeError(
        "\n  An exception was thrown from the Python worker.\nTraceback (most recent call last):\n"
        "  File \"<stdin>\", line 1, in <module>\nModuleNotFoundError: No module named 'desk_limits'\n"
    )
    assert verify_run.one_line(worker) == "ModuleNotFoundError: No module named 'desk_limits'"


def test_the_failed_line_is_the_deepest_frame_in_the_job_file(tmp_path: Path) -> None:
    from g2l_merge import verify_run

    job = tmp_path / "job.py"
    job.write_text(
        "def check(notional):\n    if notional < 0:\n        raise ValueError('negative notional')\n\n\ncheck(-1)\n"
    )
    with pytest.raises(ValueError) as raised:
        exec(compile(job.read_text(), str(job), "exec"), {})
    assert verify_run._failure(raised.value, str(job)) == {
        "line": 3,
        "code": "raise ValueError('negative notional')",
        "message": "ValueError: negative notional",
    }
