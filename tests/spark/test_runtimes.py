"""Converted code runs on the PySpark of the Databricks Runtime `[convert] runtime` names.

Each case converts one Glue job for a runtime and runs it, with glue_compat, in a virtual environment that holds
the open-source PySpark that runtime is built on (Databricks Runtime 14.3 LTS: Apache Spark 3.5.0; 17.3 LTS,
the default: Apache Spark 4.0.0; the runtimes' release notes). The environments are made once per machine
(pip, from the package index) under ~/.cache/g2l-merge/test-runtimes, or G2L_TEST_RUNTIMES.

Runtimes 15.x and 16.x are Spark 3.5 with Databricks's own additions (Column.try_cast among them, "Added in
Databricks Runtime 15.0" on its PySpark reference page), which no open-source PySpark has: the code written for
them is the code written for 17.3, checked in tests/convert.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from semantics import config, convert_glue

from g2l_merge.convert.compat import glue_compat

pytestmark = [pytest.mark.spark, pytest.mark.slow, pytest.mark.xdist_group("spark")]

PYSPARK = {"14.3": "3.5.0", "17.3": "4.0.0"}
# Read when the module is collected, before the tests' own HOME is set (tests/conftest.py).
RUNTIMES = Path(os.environ.get("G2L_TEST_RUNTIMES") or Path.home() / ".cache" / "g2l-merge" / "test-runtimes")
# Tiny data: one partition after a shuffle (not 200), plans interpreted rather than compiled.
SUBMIT = (
    "--master local[1] --conf spark.ui.enabled=false --conf spark.sql.shuffle.partitions=1",
    "--conf spark.sql.codegen.wholeStage=false --conf spark.sql.codegen.factoryMode=NO_CODEGEN pyspark-shell",
)

JOB = """
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
job = Job(glueContext)
job.init(args["JOB_NAME"], args)
trades = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://risk-raw/trades/"]},
    format="csv",
    format_options={"withHeader": True},
)
typed = ApplyMapping.apply(
    frame=trades,
    mappings=[
        ("trade_id", "long", "trade_id", "string"),
        ("desk", "string", "desk", "string"),
        ("qty", "string", "qty", "long"),
        ("notional", "double", "notional", "decimal(18,2)"),
    ],
)
resolved = typed.resolveChoice(specs=[("trade_id", "cast:long")])
limits = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://risk-raw/limits/"]}, format="json"
)
checked = Join.apply(resolved, limits, "desk", "desk")
large = Filter.apply(frame=checked, f=lambda row: row["notional"] > 1000)
kept = DropNullFields.apply(frame=large)
glueContext.write_dynamic_frame.from_options(
    frame=kept,
    connection_type="s3",
    connection_options={"path": "s3://risk-out/large/"},
    format="parquet",
)
job.commit()
"""

MAP_JOB = """
trades = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://risk-raw/limits/"]}, format="json"
)


def tagged(record):
    record["region"] = "EMEA" if record["desk"].startswith("LDN") else "AMER"
    return record


regions = Map.apply(frame=trades, f=tagged)
glueContext.write_dynamic_frame.from_options(
    frame=regions, connection_type="s3", connection_options={"path": "s3://risk-out/regions/"}, format="parquet"
)
"""

# Appended to the job: reads what it wrote (in the same process), and prints it as JSON: the schema, then the rows
# in order.
READ_BACK = """
import json as _json
from pyspark.sql import SparkSession as _Session
frame = _Session.builder.getOrCreate().read.parquet({path!r})
print(_json.dumps([[f.name, f.dataType.simpleString()] for f in frame.schema.fields]))
rows = [row.asDict() for row in frame.collect()]
print(_json.dumps(sorted(rows, key=lambda row: _json.dumps(row, sort_keys=True, default=str)), default=str))
"""


def runtime_python(pyspark: str) -> Path:
    """The Python of a virtual environment that holds pyspark==VERSION, made on first use.

    The environment is made in a folder of its own and renamed into place only once pip finished and the
    environment started a JVM (a `done` file inside says so): a run stopped while pip wrote pyspark's jars leaves a
    folder without it, which the next run makes again, rather than an environment whose truncated jars stop every
    later job (seen in CI: "zip END header not found" from a jar of a folder an earlier, stopped run had made).
    """
    if shutil.which("java") is None:
        pytest.skip("the Spark tests need Java 17 (no `java` on PATH)")
    folder = RUNTIMES / f"pyspark-{pyspark}"
    marker = folder / "done"
    if marker.is_file() and marker.read_text() == pyspark:
        return folder / "bin" / "python"
    RUNTIMES.mkdir(parents=True, exist_ok=True)
    making = RUNTIMES / f".pyspark-{pyspark}.{os.getpid()}"
    shutil.rmtree(making, ignore_errors=True)
    python = making / "bin" / "python"
    # No pip of its own (ensurepip is not needed): the tests' pip installs into it (`pip --python`, pip 22.3+).
    made = subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(making)], capture_output=True, text=True)
    assert made.returncode == 0, f"python -m venv {making}: {made.stdout}{made.stderr}"
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--disable-pip-version-check"]
    done = subprocess.run([*install, f"pyspark=={pyspark}"], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"pip install pyspark=={pyspark} into {making}: {done.stdout}{done.stderr}"
    # The environment answers with its version and starts a JVM that opens its jars.
    starts = [str(python), "-c", STARTS.format(version=pyspark)]
    started = subprocess.run(starts, capture_output=True, text=True, timeout=600, env=spark_env())
    assert started.returncode == 0, f"pyspark=={pyspark} in {making} does not start: {started.stderr[-3000:]}"
    (making / "done").write_text(pyspark)
    if marker.is_file() and marker.read_text() == pyspark:  # another run put its own in place meanwhile, and
        shutil.rmtree(making, ignore_errors=True)  # may be running jobs from it: keep that one
        return folder / "bin" / "python"
    shutil.rmtree(folder, ignore_errors=True)  # a folder without `done`: a stopped run's
    try:
        making.rename(folder)
    except OSError:  # another run put its own in place between the two lines above: that one is as good
        shutil.rmtree(making, ignore_errors=True)
    return folder / "bin" / "python"


STARTS = """
import sys, pyspark
from pyspark.sql import SparkSession
assert pyspark.__version__ == {version!r}, pyspark.__version__
spark = SparkSession.builder.getOrCreate()
assert spark.range(3).count() == 3
spark.stop()
"""


def spark_env(**more: str) -> dict[str, str]:
    """The environment of a job: nothing of the tests' own Spark (4.x, maybe a Connect client) reaches it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SPARK_", "PYSPARK_", "_PYSPARK"))}
    return env | {"PYSPARK_SUBMIT_ARGS": " ".join(SUBMIT)} | more


def run_job(python: Path, code: str, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run code as its own process (a local Spark of that PySpark), glue_compat on its path."""
    (folder / "glue_compat.py").write_text(Path(glue_compat.__file__).read_text())
    script = folder / f"script_{len(list(folder.glob('script_*.py')))}.py"
    script.write_text(code)
    env = spark_env(PYTHONPATH=str(folder), PYSPARK_PYTHON=str(python))
    command = [str(python), script.name, *args]
    result = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0 and "java.lang.NoClassDefFoundError" in result.stderr:
        # Seen once in a clean CI run, on the first JVM of a just-made environment (a Spark class of its own jars
        # not found while it listed its data sources), and not again: one more run, from no output, settles it.
        shutil.rmtree(folder / "out", ignore_errors=True)
        result = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=600)
    return result


def written(result: subprocess.CompletedProcess[str]) -> tuple[list[list[str]], list[dict[str, object]]]:
    """The schema and the rows (sorted) READ_BACK printed."""
    assert result.returncode == 0, result.stderr[-3000:]
    schema, rows = result.stdout.strip().splitlines()[-2:]
    return json.loads(schema), json.loads(rows)


def inputs(tmp_path: Path) -> None:
    trades = tmp_path / "raw" / "trades"
    trades.mkdir(parents=True)
    (trades / "part-0.csv").write_text(
        "trade_id,desk,qty,notional\n"
        "101,LDN-RATES,10,2500.5\n"
        "102,NYC-FX,n/a,1800\n"
        "103,LDN-RATES,7,900\n"
        "104,TKY-EQ,3,4000\n"
    )
    limits = tmp_path / "raw" / "limits"
    limits.mkdir(parents=True)
    (limits / "part-0.json").write_text(
        '{"desk": "LDN-RATES", "limit": 5000000, "owner": null}\n{"desk": "NYC-FX", "limit": 2000000, "owner": null}\n'
    )


@pytest.mark.parametrize("runtime", sorted(PYSPARK))
def test_a_converted_job_runs_on_the_pyspark_of_its_runtime(runtime: str, tmp_path: Path) -> None:
    python = runtime_python(PYSPARK[runtime])
    inputs(tmp_path)
    settings = replace(config(tmp_path, **{"s3://risk-raw/": "raw", "s3://risk-out/": "out"}), runtime=runtime)
    code = convert_glue(JOB, settings).text
    # Runtime 14.3's PySpark has no Column.try_cast (Spark 4.0): its casts are SQL's try_cast, as the rule writes
    # for runtimes before 15.0; the default runtime's are the Column method.
    assert ("try_cast(qty AS bigint)" in code) == (runtime == "14.3"), code
    assert ('F.col("qty").try_cast("bigint")' in code) == (runtime != "14.3"), code

    result = run_job(python, code + READ_BACK.format(path=str(tmp_path / "out" / "large")), tmp_path, "--JOB_NAME", "t")
    schema, rows = written(result)

    # ApplyMapping keeps the mapped fields with their target types; "n/a" does not convert to long and becomes
    # null, as Glue's cast gives null for it (ApplyMapping, ResolveChoice pages of the Glue Developer Guide).
    # Join keeps the keys of both frames, the second renamed `.desk` (Join page); DropNullFields drops `owner`,
    # null in every record (DropNullFields page); Filter keeps notional > 1000.
    assert schema == [
        ["trade_id", "bigint"],
        ["desk", "string"],
        ["qty", "bigint"],
        ["notional", "decimal(18,2)"],
        [".desk", "string"],
        ["limit", "bigint"],
    ]
    assert rows == [
        {
            "trade_id": 101,
            "desk": "LDN-RATES",
            "qty": 10,
            "notional": "2500.50",
            ".desk": "LDN-RATES",
            "limit": 5000000,
        },
        {"trade_id": 102, "desk": "NYC-FX", "qty": None, "notional": "1800.00", ".desk": "NYC-FX", "limit": 2000000},
    ]


@pytest.mark.parametrize("runtime", sorted(PYSPARK))
def test_map_needs_runtime_15_3_and_says_so_before_it(runtime: str, tmp_path: Path) -> None:
    python = runtime_python(PYSPARK[runtime])
    inputs(tmp_path)
    settings = replace(config(tmp_path, **{"s3://risk-raw/": "raw", "s3://risk-out/": "out"}), runtime=runtime)
    conversion = convert_glue(MAP_JOB, settings)
    [review] = [finding.message for finding in conversion.findings if finding.rule == "G2L313"]
    result = run_job(python, conversion.text + READ_BACK.format(path=str(tmp_path / "out" / "regions")), tmp_path)
    if runtime == "14.3":
        # The review item says it, and the job stops with glue_compat's message rather than Spark's.
        assert "on Databricks Runtime 14.3 ([convert] runtime) it stops with an error" in review
        assert result.returncode != 0
        assert "need Databricks Runtime 15.3 or later" in result.stderr
        return
    assert "Runtime 15.3" not in review
    schema, rows = written(result)
    assert schema == [["desk", "string"], ["limit", "bigint"], ["owner", "string"], ["region", "string"]]
    assert rows == [
        {"desk": "LDN-RATES", "limit": 5000000, "owner": None, "region": "EMEA"},
        {"desk": "NYC-FX", "limit": 2000000, "owner": None, "region": "AMER"},
    ]
