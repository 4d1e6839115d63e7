"""The weekly story: a Glue and a Databricks repository, both teams at work, and the syncs."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from g2l_merge.demo.files import (
    Edit,
    apply,
    conflict_region,
    copy_sample,
    describe,
    resolve_conflict,
)
from g2l_merge.demo.transcript import DemoRepo, Person, Transcript
from g2l_merge.errors import G2lError

GLUE_TEAM = Person("Priya Shah (Glue team)", "priya.shah@glue-team.example")
DATABRICKS_TEAM = Person("Tom Becker (Databricks team)", "tom.becker@databricks-team.example")
GLUE_FOLDER = "glue-risk-engine"
DATABRICKS_FOLDER = "risk-engine-dbx"
SAMPLE_DATA_FOLDER = "risk-sample-data"
VERIFY_OUTPUT_FOLDER = "verify-output"
AS_OF_DATE = "2024-03-31"

JOBS_FOLDER = "risk_engine/jobs"
EXPOSURES = f"{JOBS_FOLDER}/exposures.py"
VAR_JOB = "risk_engine/jobs/market_risk_var.py"
NATIVE_FILE = "monitoring/risk_monitor.py"

# Anchored on the library import, which conversion leaves as the Glue team wrote it.
_LIBRARY_IMPORT = "from risk_common import add_on_factor, business_date, rating_bucket, to_reporting_currency\n"
_RUN_SUMMARY = 'print(f"exposures {as_of_date}: {exposures_df.count()} counterparties")\n'
_LIVE_TRADES = 'live = trades_df.filter(F.col("status") == "LIVE")\n'
_VAR_LEVELS = "CONFIDENCE_LEVELS = [0.99]\n"

# The Databricks team's edits (paths in the Databricks repository)
MONITOR_IMPORT = Edit(EXPOSURES, _LIBRARY_IMPORT, _LIBRARY_IMPORT + "from monitoring.risk_monitor import record_run\n")
MONITOR_CALL = Edit(EXPOSURES, _RUN_SUMMARY, _RUN_SUMMARY + 'record_run("exposures", as_of_date, exposures_df)\n')
VAR_DATABRICKS = Edit(VAR_JOB, _VAR_LEVELS, "CONFIDENCE_LEVELS = [0.99, 0.95]\n")
VAR_RESOLVED = "CONFIDENCE_LEVELS = [0.99, 0.975, 0.95]\n"
# The S3 buckets the Glue jobs write become Unity Catalog volumes (g2l.toml, [convert] paths)
VOLUMES = Edit(
    "g2l.toml",
    "paths = {}\n",
    'paths = { "s3://risk-curated/" = "/Volumes/main/risk/curated/", '
    '"s3://risk-reports/" = "/Volumes/main/risk/reports/" }\n',
)

# The Glue team's edits (paths in the Glue repository)
EXCLUDE_MATURED = Edit(
    "jobs/exposures.py",
    _LIVE_TRADES,
    'live = trades_df.filter((F.col("status") == "LIVE") & (F.col("maturity_date") >= F.lit(as_of_date)))\n',
)
COLLATERAL_OUTPUT = Edit(
    "jobs/collateral_valuation.py", '"s3://risk-curated/collateral/"', '"s3://risk-curated/collateral_valuation/"'
)
VAR_GLUE = Edit("jobs/market_risk_var.py", _VAR_LEVELS, "CONFIDENCE_LEVELS = [0.99, 0.975]\n")


def run_demo(directory: Path, echo: Callable[[str], None]) -> None:
    """Create both sample repositories in `directory` (new or empty); walk through weekly syncs."""
    root = _empty_folder(directory)
    glue = DemoRepo(root / GLUE_FOLDER, GLUE_TEAM)
    dbx = DemoRepo(root / DATABRICKS_FOLDER, DATABRICKS_TEAM)
    shell = Transcript(echo, DATABRICKS_TEAM)
    _create_repositories(shell, glue, dbx)
    _initial_migration(shell, dbx)
    _databricks_work(shell, dbx)
    _glue_work(shell, glue)
    _weekly_sync(shell, dbx)
    _overlapping_edit(shell, glue, dbx)
    _history(shell, dbx)
    _run_the_job(shell, dbx, root)
    echo(f"\nGlue repository: {glue.folder}\nDatabricks repository: {dbx.folder}")


def _empty_folder(directory: Path) -> Path:
    root = directory.resolve()
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise G2lError(f"{directory}: exists and is not an empty folder; give the demo a new or empty one")
    root.mkdir(parents=True, exist_ok=True)
    return root


def _edit(shell: Transcript, repo: DemoRepo, edit: Edit, why: str) -> None:
    apply(repo.folder, edit)
    shell.note(f"{repo.name}: edit {edit.path}: {why}")


def _create_repositories(shell: Transcript, glue: DemoRepo, dbx: DemoRepo) -> None:
    shell.heading(f"Two repositories: {glue.name} (Glue team), {dbx.name} (Databricks team)")
    for repo, sample, message in (
        (glue, "glue", "Risk engine jobs: exposures, VaR, credit limits, collateral"),
        (dbx, "databricks", "Start the Databricks risk engine"),
    ):
        repo.folder.mkdir()
        shell.git(repo, "init", "-q", "-b", "main")
        shell.note(f"{repo.name}: add {describe(copy_sample(sample, repo.folder))}")
        shell.git(repo, "add", ".")
        shell.git(repo, "commit", "-q", "-m", message)


def _initial_migration(shell: Transcript, dbx: DemoRepo) -> None:
    shell.heading("1. Initial migration: the Glue jobs become risk_engine/ on main")
    shell.g2l(
        dbx,
        "init",
        "--glue",
        f"../{GLUE_FOLDER}",
        "--include",
        "jobs/**/*.py",
        "--include",
        "lib/**/*.py",
        "--target-root",
        "risk_engine",
    )


def _databricks_work(shell: Transcript, dbx: DemoRepo) -> None:
    shell.heading("2. The Databricks team: a Databricks-only module, an edit to a migrated job")
    copy_sample("databricks-native", dbx.folder)
    shell.note(f"{dbx.name}: add {NATIVE_FILE}, first line '# g2l: native' (Databricks-owned)")
    apply(dbx.folder, MONITOR_IMPORT)
    _edit(shell, dbx, MONITOR_CALL, "import record_run, call it at the end of the job")
    shell.git(dbx, "add", NATIVE_FILE, EXPOSURES)
    shell.git(dbx, "commit", "-q", "-m", "Record every exposures run in the monitoring table")
    _edit(shell, dbx, VOLUMES, "the S3 buckets become Unity Catalog volumes (the next sync converts with them)")
    shell.git(dbx, "commit", "-q", "-am", "Write to Unity Catalog volumes instead of S3")


def _glue_work(shell: Transcript, glue: DemoRepo) -> None:
    shell.heading("3. The Glue team: change a job, add one, delete one, rename one")
    _edit(shell, glue, EXCLUDE_MATURED, "leave matured trades out (far from the Databricks lines)")
    shell.note(f"{glue.name}: add {describe(copy_sample('glue-added', glue.folder))}")
    shell.git(glue, "rm", "-q", "jobs/counterparty_report_legacy.py")
    shell.git(glue, "mv", "jobs/collateral.py", "jobs/collateral_valuation.py")
    _edit(shell, glue, COLLATERAL_OUTPUT, "write to s3://risk-curated/collateral_valuation/")
    shell.git(glue, "add", "-A")
    shell.git(glue, "commit", "-q", "-m", "Exclude matured trades, add LCR, retire legacy report, rename collateral")


def _weekly_sync(shell: Transcript, dbx: DemoRepo) -> None:
    shell.heading("4. The weekly sync: both teams' work merges cleanly")
    shell.g2l(dbx, "sync")
    shell.g2l(dbx, "status")
    shell.note('the merged job: the Databricks lines (record_run) and the Glue change ("LIVE"):')
    shell.git(dbx, "grep", "-n", "-e", "record_run", "-e", '"LIVE"', "--", EXPOSURES)


def _overlapping_edit(shell: Transcript, glue: DemoRepo, dbx: DemoRepo) -> None:
    shell.heading("5. Both teams change the same line: a real conflict")
    _edit(shell, dbx, VAR_DATABRICKS, VAR_DATABRICKS.new.strip())
    shell.git(dbx, "commit", "-q", "-am", "Add 95% VaR for the risk committee")
    _edit(shell, glue, VAR_GLUE, VAR_GLUE.new.strip())
    shell.git(glue, "commit", "-q", "-am", "Add 97.5% VaR for FRTB")
    shell.g2l(dbx, "sync", expect=1)
    shell.note(f"the conflict in {VAR_JOB} (ours, base, theirs):")
    shell.echo("\n".join(conflict_region(dbx.folder / VAR_JOB)))
    shell.git(dbx, "status", "--short")
    resolve_conflict(dbx.folder / VAR_JOB, VAR_RESOLVED)
    shell.note(f"{dbx.name}: resolve it, keeping both new levels: {VAR_RESOLVED.strip()}")
    shell.git(dbx, "add", VAR_JOB)
    shell.git(dbx, "commit", "--no-edit")


def _history(shell: Transcript, dbx: DemoRepo) -> None:
    shell.heading("6. History: three syncs, each a merge of glue-mirror into main")
    shell.g2l(dbx, "log")
    shell.git(dbx, "log", "--graph", "--oneline", "--all")


def _run_the_job(shell: Transcript, dbx: DemoRepo, root: Path) -> None:
    shell.heading("7. The merged jobs run: verify on local Spark with sample data")
    if importlib.util.find_spec("pyspark") is None or shutil.which("java") is None:
        shell.note("skipped: running jobs needs pyspark and Java 17 (pip install 'g2l-merge[spark]')")
        return
    written = copy_sample(SAMPLE_DATA_FOLDER, root / SAMPLE_DATA_FOLDER)
    tables = sorted({path.partition("/")[0] for path in written})
    shell.note(f"sample data: {len(tables)} catalog tables in {SAMPLE_DATA_FOLDER}/ ({', '.join(tables)})")
    shell.g2l(
        dbx,
        "verify",
        JOBS_FOLDER,
        "--data",
        f"../{SAMPLE_DATA_FOLDER}",
        "--param",
        f"as_of_date={AS_OF_DATE}",
        "--keep",
        f"../{VERIFY_OUTPUT_FOLDER}",
        # they ran, with nothing to review: their job bookmarks carry over (glue_compat.Job and bookmarked reads;
        # verify passes no --job-bookmark-option, so each run reads everything, as a Glue run does by default)
    )
    shell.note(f"the exposures it wrote (kept in {VERIFY_OUTPUT_FOLDER}/):")
    for row in exposure_rows(root):
        shell.echo(
            f"  {row['counterparty_id']}  {row['name']:<20} {row['rating_bucket']}  "
            f"exposure {row['exposure_eur']:>12,.2f} EUR  trades {row['trade_count']}"
        )


def exposure_rows(root: Path) -> list[dict[str, Any]]:
    """The rows the exposures job wrote in the demo's verify run, by counterparty."""
    return written_rows(root, EXPOSURES, "exposures")


def written_rows(root: Path, job: str, output: str) -> list[dict[str, Any]]:
    """The rows `job` wrote to its Parquet folder named `output` in the demo's verify run, by counterparty."""
    import pyarrow.parquet  # type: ignore[import-untyped]  # pyarrow ships no type information; from pyspark[connect]

    data = root / VERIFY_OUTPUT_FOLDER / job.removesuffix(".py").replace("/", "__") / "data"
    # the job's output folder under the sample data copy (data/s3/... or data/Volumes/..., as [convert] maps it)
    folder = next(p for p in sorted(data.rglob(output)) if p.is_dir() and any(p.rglob("*.parquet")))
    table = pyarrow.parquet.read_table(folder)
    return sorted(table.to_pylist(), key=lambda row: str(row["counterparty_id"]))
