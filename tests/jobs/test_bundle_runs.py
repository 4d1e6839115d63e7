"""A bundle job resource runs its converted script the way Databricks runs a Python script task: the task's file
with the task's parameters, from an unrelated folder, with the job cluster's PYTHONPATH (`${workspace.file_path}`
being where the bundle's files are, here the Databricks repository's work tree) and nothing else on it. The
library function in the job's Filter runs in the Spark Python workers, which import it by module name too."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from test_layout import DESK_JOB, DESK_LIMITS, TRADES

from conftest import DbxRepo, GlueRepo, g2l

pytestmark = [pytest.mark.spark, pytest.mark.slow, pytest.mark.xdist_group("spark")]


def test_the_bundle_task_runs_the_converted_job_with_its_pythonpath(tmp_path: Path) -> None:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("the Spark tests need Java 17 (no `java` on PATH)")
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "trades.json").write_text("".join(json.dumps(trade) + "\n" for trade in TRADES))
    definition = {
        "Job": {
            "Name": "desk-filter",
            "Command": {"Name": "glueetl", "ScriptLocation": "s3://aws-glue-assets-1/scripts/desk_filter.py"},
            "DefaultArguments": {
                "--as_of": "2024-03-31",
                "--trades": str(work / "trades.json"),
                "--out": str(work / "kept"),
                "--extra-py-files": "s3://aws-glue-assets-1/lib/desk_limits.py",
                "--TempDir": "s3://aws-glue-assets-1/temporary/",
            },
            "WorkerType": "G.1X",
            "NumberOfWorkers": 2,
        }
    }
    glue = GlueRepo(tmp_path / "glue")
    glue.commit(
        "Desk limit filter",
        {"jobs/desk_filter.py": DESK_JOB, "lib/desk_limits.py": DESK_LIMITS, "infra/job.json": json.dumps(definition)},
    )
    dbx = DbxRepo(tmp_path / "dbx")
    assert g2l(dbx.path, "init", "--glue", "../glue", "--include", "**/*.py", "--target-root", "risk_engine").code == 0
    dbx.write("g2l.toml", dbx.read("g2l.toml") + '\n[jobs]\ninclude = ["infra/*.json"]\n')
    dbx.commit("jobs")
    assert g2l(dbx.path, "sync").code == 0

    resource = yaml.safe_load(dbx.read("resources/desk_filter.job.yml"))["resources"]["jobs"]["desk_filter"]
    [task] = resource["tasks"]
    env_vars = resource["job_clusters"][0]["new_cluster"]["spark_env_vars"]
    files = str(dbx.path)  # ${workspace.file_path}: the bundle's files, deployed from the repository's top
    env = {"PATH": os.environ["PATH"], "PYSPARK_PYTHON": sys.executable}
    env |= {k: v for k, v in os.environ.items() if k == "JAVA_HOME"}
    env["PYTHONPATH"] = env_vars["PYTHONPATH"].replace("${workspace.file_path}", files).replace(":", os.pathsep)
    script = (dbx.path / "resources" / task["spark_python_task"]["python_file"]).resolve()
    command = [sys.executable, str(script), *task["spark_python_task"]["parameters"]]
    proc = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, timeout=600, check=False)

    assert proc.returncode == 0, proc.stderr[-3000:]
    assert script == dbx.path / "risk_engine/jobs/desk_filter.py"
    kept = [
        json.loads(line) for part in sorted((work / "kept").glob("part-*")) for line in part.read_text().splitlines()
    ]
    assert sorted(kept, key=lambda row: row["trade_id"]) == [
        {"desk": "rates", "notional": 900, "trade_id": "T1"},
        {"desk": "fx", "notional": 500, "trade_id": "T3"},
    ]
