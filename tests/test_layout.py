"""The runnable layout (g2l_merge/layout.py): the folders converted code needs on PYTHONPATH, and a converted job
run from the mirror exactly as a Databricks Python script task runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DbxRepo, GlueRepo, g2l
from g2l_merge.layout import python_path

# -- which folders ---------------------------------------------------------------------------------

JOB = "# g2l: converted from jobs/a.py\nimport sys\nimport glue_compat\nfrom risk_common import fx\nimport pyspark\n"


def test_the_root_comes_first_then_the_folders_of_library_modules() -> None:
    files = {
        "risk_engine/glue_compat.py": "",
        "risk_engine/jobs/a.py": JOB,
        "risk_engine/lib/risk_common.py": "from desk_rules import LIMITS\nimport json\n",
        "risk_engine/lib/rules/desk_rules.py": "LIMITS = {}\n",
        "README.py": "",
    }
    layout = python_path(files, "risk_engine", ["risk_engine/jobs/a.py"])
    # glue_compat resolves from the root; risk_common from lib; desk_rules (imported by risk_common) from lib/rules
    assert layout.folders == ("risk_engine", "risk_engine/lib", "risk_engine/lib/rules")
    assert layout.modules == {
        "risk_engine/glue_compat.py",
        "risk_engine/lib/risk_common.py",
        "risk_engine/lib/rules/desk_rules.py",
    }
    assert layout.notes == ()


def test_packages_resolve_from_their_parent_folder_and_the_top_is_dot() -> None:
    files = {
        "glue_compat.py": "",
        "jobs/a.py": "from monitoring.risk_monitor import record_run\nimport glue_compat\n",
        "monitoring/risk_monitor.py": "",
    }
    layout = python_path(files, "", ["jobs/a.py"])
    assert layout.folders == (".",)
    assert layout.modules == {"glue_compat.py", "monitoring/risk_monitor.py"}


def test_a_module_in_two_folders_is_a_note_and_the_shorter_path_wins() -> None:
    files = {
        "root/jobs/a.py": "import risk_common\n",
        "root/lib/risk_common.py": "",
        "root/old/v1/risk_common.py": "",
    }
    layout = python_path(files, "root", ["root/jobs/a.py"])
    assert layout.folders == ("root", "root/lib")
    assert layout.notes == ("module 'risk_common' is in root/lib/ and root/old/v1/: root/lib/ comes first",)


def test_standard_library_names_and_installed_packages_add_no_folder() -> None:
    files = {"r/jobs/a.py": "import json\nimport pyspark\nfrom . import sibling\n", "r/tools/json.py": ""}
    assert python_path(files, "r", ["r/jobs/a.py"]).folders == ("r",)


def test_unparsable_text_adds_nothing() -> None:
    assert python_path({"r/jobs/a.py": "def (:\n"}, "r", ["r/jobs/a.py"]).folders == ("r",)


# -- a converted job, run as Databricks runs a Python script task ---------------------------------

# Glue's --extra-py-files puts each library file on the job's Python path as a top-level module, so Glue jobs
# import lib/desk_limits.py as `desk_limits` (AWS Glue Developer Guide, "Using Python libraries with AWS Glue":
# https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-python-libraries.html).
DESK_JOB = """import sys
from awsglue.context import GlueContext
from awsglue.transforms import Filter
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

from desk_limits import within_limit

args = getResolvedOptions(sys.argv, ["JOB_NAME", "as_of", "trades", "out"])
glue_context = GlueContext(SparkContext.getOrCreate())
trades = glue_context.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": [args["trades"]]}, format="json"
)
kept = Filter.apply(frame=trades, f=lambda row: within_limit(row["desk"], row["notional"]))
glue_context.write_dynamic_frame.from_options(
    frame=kept, connection_type="s3", connection_options={"path": args["out"]}, format="json"
)
"""
DESK_LIMITS = '''"""Notional limits per trading desk."""

LIMITS = {"rates": 1000, "fx": 500}


def within_limit(desk, notional):
    return notional <= LIMITS.get(desk, 0)
'''
TRADES = [
    {"trade_id": "T1", "desk": "rates", "notional": 900},
    {"trade_id": "T2", "desk": "rates", "notional": 1200},
    {"trade_id": "T3", "desk": "fx", "notional": 500},
    {"trade_id": "T4", "desk": "credit", "notional": 10},
]


@pytest.fixture
def mirror(tmp_path: Path) -> Path:
    """A Databricks repository whose mirror holds the converted desk job, its library and glue_compat.py."""
    glue = GlueRepo(tmp_path / "glue")
    glue.commit("Desk limit filter", {"jobs/desk_filter.py": DESK_JOB, "lib/desk_limits.py": DESK_LIMITS})
    dbx = DbxRepo(tmp_path / "dbx")
    run = g2l(dbx.path, "init", "--glue", "../glue", "--include", "**/*.py", "--target-root", "risk_engine")
    assert run.code == 0, run.output
    return dbx.path


def _layout_env(repo: Path, folders: tuple[str, ...] | None) -> dict[str, str]:
    env = {"PATH": os.environ["PATH"], "PYSPARK_PYTHON": sys.executable}
    if os.environ.get("JAVA_HOME"):
        env["JAVA_HOME"] = os.environ["JAVA_HOME"]
    if folders is not None:
        env["PYTHONPATH"] = os.pathsep.join(str(repo / folder) for folder in folders)
    return env


def _run_job(repo: Path, cwd: Path, env: dict[str, str], out: Path) -> subprocess.CompletedProcess[str]:
    (cwd / "trades.json").write_text("".join(json.dumps(trade) + "\n" for trade in TRADES))
    command = [sys.executable, str(repo / "risk_engine/jobs/desk_filter.py"), "--as_of", "2024-03-31"]
    command += ["--trades", str(cwd / "trades.json"), "--out", str(out)]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False)


def test_the_layout_of_the_mirror_names_the_root_and_the_library_folder(mirror: Path) -> None:
    files = {p.relative_to(mirror).as_posix(): p.read_text() for p in mirror.rglob("*.py")}
    layout = python_path(files, "risk_engine", ["risk_engine/jobs/desk_filter.py"])
    assert "risk_engine/glue_compat.py" in files
    assert layout.folders == ("risk_engine", "risk_engine/lib")


@pytest.mark.spark
@pytest.mark.slow
@pytest.mark.xdist_group("spark")
def test_a_converted_job_runs_as_a_python_script_task_with_the_layout_on_pythonpath(
    mirror: Path, tmp_path: Path
) -> None:
    """`python <root>/jobs/job.py params` from an unrelated folder, with only the layout's folders on PYTHONPATH:
    the driver imports glue_compat and desk_limits, and the Spark Python workers that run the Filter function
    (filter_records runs it in a Python UDF, which refers to within_limit by module) import desk_limits too."""
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("the Spark tests need Java 17 (no `java` on PATH)")
    files = {p.relative_to(mirror).as_posix(): p.read_text() for p in mirror.rglob("*.py")}
    layout = python_path(files, "risk_engine", ["risk_engine/jobs/desk_filter.py"])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "kept"
    proc = _run_job(mirror, elsewhere, _layout_env(mirror, layout.folders), out)
    assert proc.returncode == 0, proc.stderr[-3000:]
    kept = [json.loads(line) for part in sorted(out.glob("part-*")) for line in part.read_text().splitlines()]
    # Filter keeps the records for which the function returns True (DynamicFrame.filter, awslabs/aws-glue-libs
    # awsglue/dynamicframe.py; https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-crawler-pyspark-transforms-filter.html)
    assert sorted(kept, key=lambda row: row["trade_id"]) == [
        {"desk": "rates", "notional": 900, "trade_id": "T1"},
        {"desk": "fx", "notional": 500, "trade_id": "T3"},
    ]


def test_without_the_layout_the_same_run_cannot_import_the_modules(mirror: Path, tmp_path: Path) -> None:
    """The run above is not vacuous: `python job.py` alone has only the job's folder on sys.path."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = _run_job(mirror, elsewhere, _layout_env(mirror, None), tmp_path / "kept")
    assert proc.returncode == 1
    assert (
        proc.stderr.strip().splitlines()[-1] == "ModuleNotFoundError: No module named 'glue_compat'"
    )  # the first import from the target root
