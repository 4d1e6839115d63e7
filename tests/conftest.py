"""Real git repositories in temporary folders, with identities and configuration pinned.

The sample Glue files here use no awsglue API on purpose: the sync engine's stories must not depend on
what the converter rewrites (converter behaviour has its own golden cases under tests/convert).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from typer.testing import CliRunner

from g2l_merge.cli import app

IDENTITY = {
    "GIT_AUTHOR_NAME": "Dana Databricks",
    "GIT_AUTHOR_EMAIL": "dana@bank.example",
    "GIT_COMMITTER_NAME": "Dana Databricks",
    "GIT_COMMITTER_EMAIL": "dana@bank.example",
}


@pytest.fixture(autouse=True)
def pinned_git(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    home = tmp_path_factory.mktemp("home")
    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    # No `git maintenance run --auto` process after every commit, merge and fetch: the test repositories are far
    # below any gc threshold, so it never does anything but costs a git process each time.
    (home / ".gitconfig").write_text("[maintenance]\n\tauto = false\n[gc]\n\tauto = 0\n")
    for key in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(key, raising=False)
    scripts = str(Path(sys.executable).parent)  # the merge driver runs `git-g2l-sync` from PATH, as a user's shell does
    if scripts not in os.environ.get("PATH", "").split(os.pathsep):
        monkeypatch.setenv("PATH", scripts + os.pathsep + os.environ.get("PATH", ""))


def git(folder: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """Run git for the test's own setup and assertions."""
    proc = subprocess.run(
        ["git", *args], cwd=folder, capture_output=True, text=True, env={**os.environ, **(env or {})}, check=False
    )
    assert proc.returncode == 0, f"git {' '.join(args)} failed: {proc.stderr}"
    return proc.stdout.strip()


SPARK_MODES = ("classic", "connect")
CONNECT_ENV = ("SPARK_CONNECT_MODE_ENABLED", "SPARK_LOCAL_REMOTE")


@pytest.fixture(scope="session")
def _spark_jvm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, int]]:
    """One local Spark per test process, serving both classic PySpark and Spark Connect (the protocol
    Databricks serverless and Databricks Connect speak) from the same JVM: the Connect server is a plugin
    on a free local port. Its warehouse is new for the run, so `saveAsTable` and `spark.table` work with
    `spark_catalog.<database>.<table>` names (the converter's catalog in the Spark tests)."""
    if shutil.which("java") is None:
        pytest.skip("the Spark tests need Java 17 (no `java` on PATH)")
    pytest.importorskip("pyspark", reason="the Spark tests need pyspark (pip install '.[test]')")
    from pyspark.sql import SparkSession

    # Python workers run the interpreter the tests run (with pandas and pyarrow), not `python3` from PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    for key in CONNECT_ENV:
        os.environ.pop(key, None)
    base = tmp_path_factory.mktemp("spark")
    session = (
        SparkSession.builder.master("local[1]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        # tiny data: interpreting plans is faster than compiling them
        .config("spark.sql.codegen.wholeStage", "false")
        .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
        .config("spark.sql.warehouse.dir", str(base / "warehouse"))
        .config("spark.local.dir", str(base / "local"))
        .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={base}")
        .config("spark.plugins", "org.apache.spark.sql.connect.SparkConnectPlugin")
        .config("spark.connect.grpc.binding.address", "127.0.0.1")
        .config("spark.connect.grpc.binding.port", "0")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    service = getattr(session._jvm, "org.apache.spark.sql.connect.service.SparkConnectService$")
    yield session, int(getattr(service, "MODULE$").localPort())
    session.stop()


@pytest.fixture(scope="session")
def _spark_connect(_spark_jvm: tuple[Any, int]) -> Iterator[Any]:
    """A Spark Connect client of the test JVM; closed before the JVM stops (the other order hangs the
    process at exit for minutes)."""
    from pyspark.sql.connect.session import SparkSession as RemoteSparkSession

    session = RemoteSparkSession.builder.remote(f"sc://127.0.0.1:{_spark_jvm[1]}").getOrCreate()
    yield session
    session.stop()


@pytest.fixture(params=SPARK_MODES)
def spark(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, _spark_jvm: tuple[Any, int]) -> Any:
    """The run's SparkSession, once as classic PySpark and once through Spark Connect. PySpark picks
    classic or Connect for `functions`, `udf` and `SparkSession.builder` from the process environment,
    so the test runs with the environment of its mode (converted code's `SparkSession.builder.getOrCreate()`
    returns this session). Never `stop()` it: the other tests share it."""
    if request.param == "connect":
        for key in CONNECT_ENV:
            monkeypatch.setenv(key, "1")
        return request.getfixturevalue("_spark_connect")
    for key in CONNECT_ENV:
        monkeypatch.delenv(key, raising=False)
    return _spark_jvm[0]


@pytest.fixture
def classic_spark(monkeypatch: pytest.MonkeyPatch, _spark_jvm: tuple[Any, int]) -> Any:
    """The classic session only, for what Spark Connect does not have (the RDD API, SparkContext)."""
    for key in CONNECT_ENV:
        monkeypatch.delenv(key, raising=False)
    return _spark_jvm[0]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that uses Spark is in the Spark tier (`-m spark`; `-m "not spark"` leaves it out) and is slow.
    All of them go to one xdist worker (`--dist loadgroup`): one JVM starts, not one per worker."""
    for item in items:
        if {"spark", "classic_spark", "_spark_jvm"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.spark)
            item.add_marker(pytest.mark.slow)
            item.add_marker(pytest.mark.xdist_group("spark"))


LOAD_PROBE = """
import sys
sys.argv = ["git-g2l-sync", *sys.argv[1:]]
from g2l_merge.entry import main
try:
    main()
except SystemExit as stop:
    print("exit:", stop.code)
print("loaded:", sorted({name.split(".")[0] for name in sys.modules} & {"libcst", "git", "gitdb", "pydantic"}))
"""  # runs `git g2l-sync ARGS` in a Python of its own, then names the heavy packages that command loaded


class Run(NamedTuple):
    code: int
    output: str


def g2l(folder: Path, *args: str) -> Run:
    """Run `git g2l-sync ARGS` in `folder`, in-process."""
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    finally:
        os.chdir(cwd)
    return Run(result.exit_code, result.output)


class GlueRepo:
    """The Glue team's repository."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True)
        git(path, "init", "-q", "-b", "main")

    def commit(
        self, message: str, files: dict[str, str | None] | None = None, renames: dict[str, str] | None = None
    ) -> str:
        """Write (or delete, with None) files and rename paths, then commit as the Glue team."""
        for old, new in (renames or {}).items():
            (self.path / new).parent.mkdir(parents=True, exist_ok=True)
            git(self.path, "mv", old, new)
        for name, text in (files or {}).items():
            target = self.path / name
            if text is None:
                git(self.path, "rm", "-q", name)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
            git(self.path, "add", name)
        git(
            self.path,
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            message,
            env={"GIT_AUTHOR_NAME": "Gus Glue", "GIT_AUTHOR_EMAIL": "gus@bank.example"},
        )
        return git(self.path, "rev-parse", "HEAD")


class DbxRepo:
    """The Databricks team's repository."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True)
        git(path, "init", "-q", "-b", "main")
        (path / "README.md").write_text("# risk engine on Databricks\n")
        git(path, "add", "README.md")
        git(path, "commit", "-q", "-m", "Start the Databricks repository")

    def read(self, name: str) -> str:
        return (self.path / name).read_text()

    def edit(self, name: str, old: str, new: str) -> None:
        text = self.read(name)
        assert old in text, f"{old!r} not in {name}"
        (self.path / name).write_text(text.replace(old, new, 1))

    def write(self, name: str, text: str) -> None:
        (self.path / name).parent.mkdir(parents=True, exist_ok=True)
        (self.path / name).write_text(text)

    def commit(self, message: str) -> str:
        git(self.path, "add", "-A")
        git(self.path, "commit", "-q", "-m", message)
        return self.rev("HEAD")

    def rev(self, rev: str) -> str:
        return git(self.path, "rev-parse", rev)

    def parents(self, rev: str) -> list[str]:
        return git(self.path, "rev-list", "--no-walk", "--parents", rev).split()[1:]

    def show(self, rev: str, name: str) -> str:
        return git(self.path, "show", f"{rev}:{name}")

    def refs(self) -> dict[str, str]:
        text = git(self.path, "for-each-ref", "--format=%(refname) %(objectname)")
        return dict(line.split(" ") for line in text.splitlines())


JOB_A = """import sys
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from risk_lib import catalog
from risk_lib.options import job_options

args = job_options(sys.argv, ["JOB_NAME"])
spark = SparkSession.builder.getOrCreate()

exposures = catalog.load(spark, database="risk", table_name="exposures")
limits = catalog.load(spark, database="risk", table_name="limits")

threshold = 0.8
horizon_days = 10
confidence = 0.99

breaches = exposures.join(limits, ["counterparty_id"])
breaches = breaches.filter(F.col("exposure") > threshold * F.col("limit"))

catalog.save(
    breaches,
    path="s3://risk-out/breaches/",
    file_format="parquet",
    mode="append",
)
"""

LIB = '''def haircut(value, rate):
    """Collateral value after the haircut."""
    return value * (1 - rate)


def netting_set(rows):
    return sorted(rows, key=lambda row: row["counterparty_id"])
'''


class Story(NamedTuple):
    dbx: DbxRepo
    glue: GlueRepo


@pytest.fixture
def story(tmp_path: Path) -> Iterator[Story]:
    """Glue v1 with two jobs and a library, and a Databricks repository initialised from it."""
    glue = GlueRepo(tmp_path / "glue-risk-engine")
    glue.commit(
        "Glue v1",
        {
            "jobs/process_a.py": JOB_A,
            "jobs/process_b.py": JOB_A.replace("exposures", "trades"),
            "lib/collateral.py": LIB,
            "README.md": "Glue jobs\n",
            "tests/test_a.py": "x = 1\n",
        },
    )
    dbx = DbxRepo(tmp_path / "risk-engine-dbx")
    run = g2l(
        dbx.path,
        "init",
        "--glue",
        "../glue-risk-engine",
        "--include",
        "jobs/**/*.py",
        "--include",
        "lib/**/*.py",
        "--target-root",
        "risk_engine",
    )
    assert run.code == 0, run.output
    yield Story(dbx, glue)
