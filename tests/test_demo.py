"""`git g2l-sync demo DIR`, run as a user runs it, then checked on the repositories it leaves."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from g2l_merge.demo import run_demo, story
from g2l_merge.demo.files import sample
from g2l_merge.errors import G2lError
from g2l_merge.git import run_in

PINNED = {
    "GIT_AUTHOR_NAME": "Pat Pinned",
    "GIT_AUTHOR_EMAIL": "pat@bank.example",
    "GIT_COMMITTER_NAME": "Pat Pinned",
    "GIT_COMMITTER_EMAIL": "pat@bank.example",
}
INIT_COMMAND = (
    "risk-engine-dbx$ git g2l-sync init --glue ../glue-risk-engine "
    "--include 'jobs/**/*.py' --include 'lib/**/*.py' --target-root risk_engine"
)
MARKERS = ("<<<<<<< ", "||||||| ", "=======", ">>>>>>> ")

pytestmark = pytest.mark.slow  # the demo runs as a user runs it: a Python process and a dozen syncs


class Demo(NamedTuple):
    code: int
    output: str
    glue: Path
    dbx: Path


def run_cli_demo(root: Path, identity: dict[str, str]) -> Demo:
    """`python -m g2l_merge demo ROOT/demo`, HOME in ROOT, no git config, only `identity` set."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(HOME=str(root), XDG_CONFIG_HOME=str(root / ".config"), GIT_CONFIG_NOSYSTEM="1", **identity)
    proc = subprocess.run(
        [sys.executable, "-m", "g2l_merge", "demo", str(root / "demo")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return Demo(
        proc.returncode,
        proc.stdout + proc.stderr,
        root / "demo" / story.GLUE_FOLDER,
        root / "demo" / story.DATABRICKS_FOLDER,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    result = run_cli_demo(tmp_path_factory.mktemp("pinned"), PINNED)
    assert result.code == 0, result.output
    return result


def git(folder: Path, *args: str) -> str:
    return run_in(folder, *args).strip()


def subject(folder: Path, rev: str) -> str:
    return git(folder, "log", "-1", "--format=%s", rev)


def test_demo_prints_the_story_and_its_commands(demo: Demo) -> None:
    assert INIT_COMMAND in demo.output
    assert demo.output.count("risk-engine-dbx$ git g2l-sync sync\n") == 2
    assert "(exit 1)" in demo.output
    assert "UU risk_engine/jobs/market_risk_var.py" in demo.output
    for marker in MARKERS:
        assert f"\n{marker}" in demo.output
    assert "risk-engine-dbx$ git g2l-sync log" in demo.output
    assert "risk-engine-dbx$ git log --graph --oneline --all" in demo.output
    assert len(demo.output.splitlines()) < 160  # a short story, with the verify run of step 7


def test_the_merged_exposures_job_runs_on_local_spark_and_writes_the_expected_exposures(demo: Demo) -> None:
    """Step 7: `verify` runs the merged job (the Glue change and the Databricks team's record_run) on the
    demo's sample data; its Parquet output holds one row per counterparty with live, unmatured trades."""
    if "# skipped: running jobs needs pyspark" in demo.output:
        pytest.skip("the demo ran without pyspark or Java")
    written = re.findall(r'\.save\("([^"]+)"\)', (demo.dbx / story.EXPOSURES).read_text())
    assert len(written) == 1, written  # the exposures output, as the converted job names it
    assert (
        "risk-engine-dbx$ git g2l-sync verify risk_engine/jobs --data ../risk-sample-data "
        "--param as_of_date=2024-03-31 --keep ../verify-output\n"
    ) in demo.output
    assert (
        "risk_engine/jobs/exposures.py: ran\n"
        f"    wrote {written[0]} (path): 3 rows\n"
        "    wrote main.risk_ops.job_runs (table): 1 row\n"
    ) in demo.output
    # every job of the merged branch ran: the Glue team's added and renamed ones too
    assert "5 jobs on local Spark: 5 ran, 0 failed\n" in demo.output
    rows = story.exposure_rows(demo.dbx.parent)
    # exposure = max(mtm, 0) + add-on factor x |notional|, in EUR at the day's rate (lib/risk_common.py):
    # CP-001: 125,000 + 0.005 x 10,000,000 (EUR) and (0 + 0.04 x 5,000,000) x 0.925 (USD); T-1006 is another day;
    # CP-002: (18,000 + 0.05 x 2,000,000) x 0.925, the matured T-1004 left out;
    # CP-003: (30,000 + 0.32 x 1,000,000) x 1.17
    assert [
        (
            r["counterparty_id"],
            r["name"],
            r["rating_bucket"],
            round(r["exposure_eur"], 2),
            round(r["gross_notional_eur"], 2),
            r["trade_count"],
            str(r["as_of_date"]),
        )
        for r in rows
    ] == [
        ("CP-001", "Northwind Bank AG", "IG", 360000.0, 14625000.0, 2, "2024-03-31"),
        ("CP-002", "Harbor Capital LLC", "HY", 109150.0, 1850000.0, 1, "2024-03-31"),
        ("CP-003", "Thames Clearing plc", "NR", 409500.0, 1170000.0, 1, "2024-03-31"),
    ]
    assert "  CP-003  Thames Clearing plc  NR  exposure   409,500.00 EUR  trades 1" in demo.output


def test_the_credit_limits_job_flags_each_counterparty_from_the_sample_limits(demo: Demo) -> None:
    """Step 7 also runs credit_limits.py on the sample exposures and limits: utilisation = exposure / the limit
    valid on the day; at or over 1.0 a BREACH, from 0.85 a WARNING, no valid limit NO_LIMIT (the job's constants)."""
    if "# skipped: running jobs needs pyspark" in demo.output:
        pytest.skip("the demo ran without pyspark or Java")
    rows = story.written_rows(demo.dbx.parent, "risk_engine/jobs/credit_limits.py", "credit_limit_utilisation")
    assert [
        (r["counterparty_id"], r["limit_status"], None if r["utilisation"] is None else round(r["utilisation"], 4))
        for r in rows
    ] == [
        ("CP-001", "WARNING", 0.9),  # 360,000 / 400,000
        ("CP-002", "BREACH", 1.0915),  # 109,150 / 100,000
        ("CP-003", "NO_LIMIT", None),  # its limit ended in 2023
    ]


def test_merged_job_keeps_the_databricks_edit_and_gets_the_glue_change(demo: Demo) -> None:
    merged = (demo.dbx / story.EXPOSURES).read_text()
    expected = git(demo.dbx, "show", f"glue-mirror:{story.EXPOSURES}") + "\n"
    assert story.EXCLUDE_MATURED.new in expected
    for edit in (story.MONITOR_IMPORT, story.MONITOR_CALL):
        expected = expected.replace(edit.old, edit.new)
    assert merged == expected
    assert story.MONITOR_CALL.new in merged and story.EXCLUDE_MATURED.new in merged


def test_native_file_is_untouched(demo: Demo) -> None:
    original = sample(f"databricks-native/{story.NATIVE_FILE}.txt").read_bytes()
    assert original.startswith(b"# g2l: native\n")
    assert (demo.dbx / story.NATIVE_FILE).read_bytes() == original
    assert len(git(demo.dbx, "log", "--format=%H", "--", story.NATIVE_FILE).split()) == 1


def test_added_deleted_and_renamed_jobs(demo: Demo) -> None:
    jobs = demo.dbx / "risk_engine" / "jobs"
    added = (jobs / "liquidity_coverage.py").read_text()
    assert added.startswith("# g2l: converted from jobs/liquidity_coverage.py\n")
    assert added.rstrip("\n") == git(demo.dbx, "show", "glue-mirror:risk_engine/jobs/liquidity_coverage.py")
    assert not (jobs / "counterparty_report_legacy.py").exists()
    assert not (jobs / "collateral.py").exists()
    renamed = (jobs / "collateral_valuation.py").read_text()
    # the Glue team's new S3 path, mapped to its volume by the Databricks team's [convert] paths
    assert '"/Volumes/main/risk/curated/collateral_valuation/"' in renamed
    assert git(demo.glue, "ls-files", "jobs").split() == [
        "jobs/collateral_valuation.py",
        "jobs/credit_limits.py",
        "jobs/exposures.py",
        "jobs/liquidity_coverage.py",
        "jobs/market_risk_var.py",
    ]


def test_each_sync_is_a_merge_of_the_old_main_tip_and_a_mirror_commit(demo: Demo) -> None:
    merges = git(demo.dbx, "rev-list", "--reverse", "--first-parent", "--merges", "main").split()
    firsts = [git(demo.dbx, "rev-parse", f"{merge}^1") for merge in merges]
    seconds = [git(demo.dbx, "rev-parse", f"{merge}^2") for merge in merges]
    assert [subject(demo.dbx, first) for first in firsts] == [
        "Configure g2l-merge",
        "Write to Unity Catalog volumes instead of S3",
        "Add 95% VaR for the risk committee",
    ]
    main_tips = git(demo.dbx, "log", "-g", "--format=%H", "main").split()
    for merge, first in zip(merges, firsts, strict=True):
        assert main_tips[main_tips.index(merge) + 1] == first  # main moved from first to merge
    assert git(demo.dbx, "rev-list", "--reverse", "glue-mirror").split() == seconds
    glue_commits = git(demo.glue, "rev-list", "--reverse", "main").split()
    trailer = "--format=%(trailers:key=G2l-Glue-Commit,valueonly)"
    trailers = [git(demo.dbx, "log", "-1", trailer, second) for second in seconds]
    assert trailers == glue_commits


def test_conflict_was_resolved_by_hand(demo: Demo) -> None:
    assert story.VAR_RESOLVED in (demo.dbx / story.VAR_JOB).read_text()
    for path in git(demo.dbx, "ls-files").split():
        lines = (demo.dbx / path).read_text().splitlines()
        assert not [line for line in lines if line.startswith(MARKERS)], path
    assert git(demo.dbx, "status", "--porcelain", "--untracked-files=all") == ""
    assert not (demo.dbx / ".git" / "MERGE_HEAD").exists()
    assert subject(demo.dbx, "main").startswith("Merge Glue ")


def test_demo_works_without_any_git_identity_and_names_both_teams(tmp_path: Path) -> None:
    result = run_cli_demo(tmp_path, {})
    assert result.code == 0, result.output
    glue_authors = git(result.glue, "log", "--format=%an", "main")
    assert set(glue_authors.split("\n")) == {story.GLUE_TEAM.name}
    hand_made = git(result.dbx, "log", "--no-merges", "--first-parent", "--format=%an", "main")
    assert set(hand_made.split("\n")) == {story.DATABRICKS_TEAM.name}


def test_demo_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n")
    lines: list[str] = []
    with pytest.raises(G2lError) as raised:
        run_demo(tmp_path, lines.append)
    assert raised.value.code == 2
    assert lines == []
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
