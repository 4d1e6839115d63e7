"""`git g2l-sync convert` and `rules` as a user runs them: files on disk, no git process, exit codes 0/1/2."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import NamedTuple

import pytest
from typer.testing import CliRunner

from g2l_merge.cli import app
from g2l_merge.convert.rules import RULES

CLEAN_JOB = """from pyspark.context import SparkContext
from awsglue.context import GlueContext

glueContext = GlueContext(SparkContext.getOrCreate())
# desks over their VaR limit
breaches = glueContext.sql("select desk from risk.var_limits where var_99 > limit_amount")
"""
CLEAN_OUT = """# g2l: converted from jobs/var_breaches.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
# desks over their VaR limit
breaches = spark.sql("select desk from risk.var_limits where var_99 > limit_amount")
"""
PARAMETERS_JOB = """import sys
from awsglue.utils import getResolvedOptions

args = getResolvedOptions(sys.argv, ["JOB_NAME", "as_of_date"])
"""
BOOKMARK_JOB = """from awsglue.context import GlueContext
from awsglue.job import Job
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init("collateral", {})
collateral = load_collateral(glueContext, transformation_ctx="collateral")
job.commit()
"""


class Run(NamedTuple):
    code: int
    stdout: str
    stderr: str


def g2l(folder: Path, *args: str) -> Run:
    """`git g2l-sync ARGS` in `folder`, in-process, stdout and stderr apart."""
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    finally:
        os.chdir(cwd)
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A Glue checkout: a .git folder (never run: convert needs no git) and a jobs folder."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "jobs").mkdir()
    (tmp_path / "jobs" / "var_breaches.py").write_text(CLEAN_JOB)
    (tmp_path / "jobs" / "parameters.py").write_text(PARAMETERS_JOB)
    (tmp_path / "jobs" / "collateral.py").write_text(BOOKMARK_JOB)
    return tmp_path


def test_one_clean_file_prints_just_its_converted_text_and_exits_0(repo: Path) -> None:
    run = g2l(repo, "convert", "jobs/var_breaches.py")
    assert (run.code, run.stdout, run.stderr) == (0, CLEAN_OUT, "")


def test_review_items_exit_1_and_go_to_stderr_as_path_line_rule(repo: Path) -> None:
    run = g2l(repo, "convert", "jobs/collateral.py")
    assert run.code == 1
    assert "job = glue_compat.Job(spark, " in run.stdout and "spark = SparkSession.builder.getOrCreate()" in run.stdout
    assert run.stderr.startswith("jobs/collateral.py:8: G2L004 a job bookmark named by this transformation_ctx")
    assert run.stdout.splitlines()[7].startswith("# g2l: review G2L004: ")  # the line of the converted file


def test_header_names_the_path_in_the_repository_from_a_subfolder(repo: Path) -> None:
    run = g2l(repo / "jobs", "convert", "var_breaches.py")
    assert run.code == 0
    assert run.stdout == CLEAN_OUT


def test_several_files_each_follow_a_path_line(repo: Path) -> None:
    run = g2l(repo, "convert", "jobs/var_breaches.py", "jobs/parameters.py")
    assert run.code == 0
    assert run.stdout.startswith("==> jobs/var_breaches.py <==\n" + CLEAN_OUT + "==> jobs/parameters.py <==\n")


def test_a_folder_stands_for_its_python_files(repo: Path) -> None:
    run = g2l(repo, "convert", "jobs", "--json")
    assert [f["path"] for f in json.loads(run.stdout)["files"]] == [
        "jobs/collateral.py",
        "jobs/parameters.py",
        "jobs/var_breaches.py",
    ]


def test_out_writes_each_file_under_dir_by_its_path_from_the_inputs_folder_and_prints_no_code(repo: Path) -> None:
    run = g2l(repo, "convert", "jobs/var_breaches.py", "jobs/collateral.py", "--out", "dbx")
    assert (run.code, run.stdout) == (1, "")
    assert run.stderr.splitlines() == [  # the review item names the written file: its line 8 holds the comment
        "dbx/collateral.py:8: G2L004 a job bookmark named by this transformation_ctx: if this function reads a "
        "Glue source, that read now reads all its input on every run (an append target gets the earlier rows "
        "again): read through glue_compat.bookmarked(spark, <transformation_ctx>) as the converted reads do",
        "wrote 2 files under dbx",
    ]
    assert (repo / "dbx/collateral.py").read_text().splitlines()[7].startswith("# g2l: review G2L004: ")
    assert sorted(p.relative_to(repo / "dbx").as_posix() for p in (repo / "dbx").rglob("*")) == [
        "collateral.py",
        "var_breaches.py",
    ]
    assert (repo / "dbx" / "var_breaches.py").read_text() == CLEAN_OUT
    assert (repo / "dbx" / "collateral.py").read_text().startswith("# g2l: converted from jobs/collateral.py")


def written(out: Path) -> dict[str, str]:
    """Every file under `out`, by its posix path from `out`: its first line (the converted-from header)."""
    return {p.relative_to(out).as_posix(): p.read_text().splitlines()[0] for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture
def glue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """~/glue: jobs/ and lib/ side by side, a CSV among the library files; a git checkout (.git, never run)."""
    root = tmp_path_factory.mktemp("home") / "glue"
    for path in ("jobs/a.py", "jobs/nightly/b.py", "lib/risk/c.py", "lib/risk/pricing/d.py"):
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text("x = 1\n")
    (root / "lib/risk/limits.csv").write_text("desk,limit\n")
    (root / ".git").mkdir()
    return root


def test_out_takes_absolute_paths_in_sibling_folders(glue: Path, tmp_path: Path) -> None:
    """The issue's command: `convert ~/glue/jobs/a.py ~/glue/lib/risk/c.py --out converted/`."""
    run = g2l(tmp_path, "convert", str(glue / "jobs/a.py"), str(glue / "lib/risk/c.py"), "--out", "converted/")
    assert (run.code, run.stdout, run.stderr) == (0, "", "wrote 2 files under converted\n")
    assert written(tmp_path / "converted") == {
        "jobs/a.py": "# g2l: converted from jobs/a.py",
        "lib/risk/c.py": "# g2l: converted from lib/risk/c.py",
    }


def test_out_takes_dot_dot_paths_and_one_file_lands_by_its_name(glue: Path) -> None:
    run = g2l(glue / "jobs", "convert", "../lib/risk/pricing/d.py", "--out", "../../dbx")
    assert (run.code, run.stderr) == (0, "wrote 1 file under ../../dbx\n")
    assert written(glue.parent / "dbx") == {"d.py": "# g2l: converted from lib/risk/pricing/d.py"}
    run = g2l(glue / "jobs", "convert", "nightly/b.py", "../lib/risk/c.py", "--out", str(glue.parent / "dbx2"))
    assert run.code == 0, run.stderr
    assert written(glue.parent / "dbx2") == {
        "jobs/nightly/b.py": "# g2l: converted from jobs/nightly/b.py",
        "lib/risk/c.py": "# g2l: converted from lib/risk/c.py",
    }


def test_out_keeps_the_inner_structure_of_a_folder_and_skips_its_other_files(glue: Path, tmp_path: Path) -> None:
    run = g2l(glue, "convert", "lib/risk", "--out", str(tmp_path / "one"))
    assert run.code == 0, run.stderr
    assert written(tmp_path / "one") == {
        "c.py": "# g2l: converted from lib/risk/c.py",
        "pricing/d.py": "# g2l: converted from lib/risk/pricing/d.py",
    }
    run = g2l(glue, "convert", "lib", "jobs/a.py", "--out", str(tmp_path / "two"))
    assert run.code == 0, run.stderr
    assert list(written(tmp_path / "two")) == ["jobs/a.py", "lib/risk/c.py", "lib/risk/pricing/d.py"]


def test_out_resolves_a_symlinked_folder_and_a_symlinked_file_keeps_its_name(glue: Path, tmp_path: Path) -> None:
    (tmp_path / "glue_link").symlink_to(glue)
    (glue / "jobs/alias.py").symlink_to(glue / "lib/risk/c.py")
    run = g2l(tmp_path, "convert", "glue_link/jobs/alias.py", str(glue / "lib/risk/pricing"), "--out", "dbx")
    assert run.code == 0, run.stderr
    assert written(tmp_path / "dbx") == {
        "jobs/alias.py": "# g2l: converted from lib/risk/c.py",
        "lib/risk/pricing/d.py": "# g2l: converted from lib/risk/pricing/d.py",
    }


@pytest.mark.parametrize(
    ("args", "overwritten", "out"),
    [
        (("jobs/a.py",), "jobs/a.py", "jobs"),
        (("jobs", "lib"), "jobs/a.py", "."),
        (("lib/risk",), "lib/risk/pricing/c.py", "lib/risk/pricing"),  # lib/risk/c.py would land on it
    ],
)
def test_out_refuses_to_write_over_an_input_and_writes_nothing(
    glue: Path, args: tuple[str, ...], overwritten: str, out: str
) -> None:
    (glue / "lib/risk/pricing/c.py").write_text("y = 2\n")
    run = g2l(glue, "convert", *args, "--out", out)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr.startswith(f"git g2l-sync: {overwritten}: --out {out} would write a converted file over this ")
    assert run.stderr.endswith("input; name another folder (git g2l-sync convert ... --out converted)\n")
    assert {p.read_text() for p in glue.rglob("*.py")} == {"x = 1\n", "y = 2\n"}


def test_out_must_be_a_folder(repo: Path) -> None:
    (repo / "dbx").write_text("a file\n")
    run = g2l(repo, "convert", "jobs/var_breaches.py", "--out", "dbx")
    assert (run.code, run.stderr) == (2, "git g2l-sync: dbx: not a folder (--out DIR)\n")


def test_diff_is_unified_with_a_and_b_paths(repo: Path) -> None:
    run = g2l(repo, "convert", "jobs/var_breaches.py", "--diff")
    assert run.code == 0
    assert run.stdout.startswith("--- a/jobs/var_breaches.py\n+++ b/jobs/var_breaches.py\n@@ ")
    assert "-glueContext = GlueContext(SparkContext.getOrCreate())\n" in run.stdout
    assert "+spark = SparkSession.builder.getOrCreate()\n" in run.stdout


def test_json_lists_every_file_with_its_findings(repo: Path) -> None:
    run = g2l(repo, "convert", "jobs/var_breaches.py", "jobs/collateral.py", "--json")
    assert run.code == 1
    report = json.loads(run.stdout)
    assert report["files"][0] == {"path": "jobs/var_breaches.py", "findings": []}
    finding = report["files"][1]["findings"][0]
    # the converted file's line of the finding's review comment (line 8 of the Glue file)
    assert (finding["path"], finding["line"], finding["rule"]) == ("jobs/collateral.py", 8, "G2L004")
    assert "bookmark" in finding["message"]


def test_out_with_json_or_diff_keeps_stdout_for_them_and_says_what_it_wrote_on_stderr(repo: Path) -> None:
    run = g2l(repo, "convert", "jobs/var_breaches.py", "--out", "dbx", "--json")
    assert (run.code, json.loads(run.stdout), run.stderr) == (
        0,
        {"files": [{"path": "jobs/var_breaches.py", "findings": []}]},
        "wrote 1 file under dbx\n",
    )
    run = g2l(repo, "convert", "jobs/var_breaches.py", "--out", "dbx", "--diff")
    assert (run.code, run.stderr) == (0, "wrote 1 file under dbx\n")
    assert run.stdout.startswith("--- a/jobs/var_breaches.py\n+++ b/jobs/var_breaches.py\n")


def test_diff_and_json_together_are_refused(repo: Path) -> None:
    run = g2l(repo, "convert", "jobs/var_breaches.py", "--diff", "--json")
    assert run.code == 2
    assert "choose one" in run.stderr


def test_g2l_toml_at_the_repository_root_sets_the_conversion(repo: Path) -> None:
    (repo / "g2l.toml").write_text('[source]\nrepo = "../glue"\n\n[convert]\njob_parameters = "widgets"\n')
    run = g2l(repo / "jobs", "convert", "parameters.py")
    assert run.code == 0
    assert 'args = glue_compat.widget_options(dbutils, ["JOB_NAME", "as_of_date"])' in run.stdout


def test_config_file_may_hold_only_the_convert_section(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    config = tmp_path_factory.mktemp("settings") / "convert.toml"
    config.write_text('[convert]\njob_parameters = "widgets"\ncatalog = "prod"\n')
    run = g2l(repo, "convert", "jobs/parameters.py", "--config", str(config))
    assert run.code == 0
    assert "glue_compat.widget_options(dbutils" in run.stdout


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[convert]\njob_parameters = "notebook"\n', "[convert] job_parameters must be one of argv, widgets"),
        ("[convert]\ncatalogue = 'main'\n", "unknown key [convert] catalogue"),
        ("[convert]\nbookmarks = 'g2l/bookmarks'\n", "[convert] bookmarks = 'g2l/bookmarks' must be an absolute"),
        ("[convert]\nbookmarks = 3\n", "[convert] bookmarks must be a string"),
        ("[convert\n", "invalid TOML"),
        ('[convert]\nruntime = "13.3"\n', "[convert] runtime = '13.3' is older than 14.3"),
        ('[convert]\nruntime = "LTS"\n', "[convert] runtime = 'LTS' must be a Databricks Runtime version"),
        ("[convert]\nruntime = 15.4\n", "[convert] runtime must be a string, not a number (15.4)"),
    ],
)
def test_a_bad_config_file_exits_2_naming_it(repo: Path, text: str, expected: str) -> None:
    (repo / "bad.toml").write_text(text)
    run = g2l(repo, "convert", "jobs/var_breaches.py", "--config", "bad.toml", "--out", "dbx")
    assert run.code == 2
    where = "bad.toml:1: " if expected == "invalid TOML" else "bad.toml: "  # a syntax error has its line
    assert run.stderr.startswith(f"git g2l-sync: {where}{expected}") and run.stderr.endswith("; edit bad.toml\n")
    assert not (repo / "dbx").exists()


def test_the_runtime_decides_how_casts_are_written(repo: Path) -> None:
    """Column.try_cast came with Databricks Runtime 15.0: for an older [convert] runtime the cast is SQL's try_cast."""
    (repo / "jobs" / "typed.py").write_text(
        "from awsglue.transforms import ApplyMapping\n"
        'typed = ApplyMapping.apply(frame=raw, mappings=[("qty", "string", "qty", "long")])\n'
    )
    for runtime, cast in (("14.3", 'F.expr("try_cast(qty AS bigint)")'), ("15.0", 'F.col("qty").try_cast("bigint")')):
        (repo / "g2l.toml").write_text(f'[source]\nrepo = "../glue"\n\n[convert]\nruntime = "{runtime}"\n')
        run = g2l(repo, "convert", "jobs/typed.py")
        assert run.code == 0
        assert f'typed = raw.select({cast}.alias("qty"))' in run.stdout
    (repo / "g2l.toml").write_text('[source]\nrepo = "../glue"\n\n[convert]\nruntime = "13.3"\n')
    run = g2l(repo, "convert", "jobs/typed.py")
    assert (run.code, run.stderr) == (
        2,
        f"git g2l-sync: {repo / 'g2l.toml'}: [convert] runtime = '13.3' is older than 14.3, the oldest Databricks "
        f"Runtime g2l-merge writes code for; edit {repo / 'g2l.toml'}\n",
    )


def test_the_bookmark_store_is_the_convert_bookmarks_key_else_a_volume_of_the_catalog(repo: Path) -> None:
    (repo / "jobs" / "collateral.py").write_text(BOOKMARK_JOB)
    (repo / "store.toml").write_text("[convert]\nbookmarks = 's3://risk-ops/bookmarks/'\n")
    (repo / "catalog.toml").write_text("[convert]\ncatalog = 'prod'\n")
    stored = g2l(repo, "convert", "jobs/collateral.py", "--config", "store.toml")
    derived = g2l(repo, "convert", "jobs/collateral.py", "--config", "catalog.toml")
    assert 'job = glue_compat.Job(spark, bookmarks="s3://risk-ops/bookmarks/")' in stored.stdout
    assert 'job = glue_compat.Job(spark, bookmarks="/Volumes/prod/g2l/g2l_bookmarks")' in derived.stdout


def test_a_bad_repository_config_exits_2_naming_it(repo: Path) -> None:
    (repo / "g2l.toml").write_text("[convert]\njob_parameters = 'argv'\n[merge]\n")
    run = g2l(repo, "convert", "jobs/var_breaches.py")
    assert run.code == 2
    assert "g2l.toml: unknown section [merge]" in run.stderr


def test_a_missing_config_file_exits_2(repo: Path) -> None:
    run = g2l(repo, "convert", "jobs/var_breaches.py", "--config", "nowhere.toml")
    assert (run.code, run.stderr) == (2, "git g2l-sync: nowhere.toml: no such file (--config)\n")


def test_an_input_that_is_not_python_exits_2_with_file_and_line_and_nothing_is_written(repo: Path) -> None:
    (repo / "jobs" / "broken.py").write_text("limits = load(\n    'risk.limits',\n\nprint(limits\n")
    run = g2l(repo, "convert", "jobs/var_breaches.py", "jobs/broken.py", "--out", "dbx")
    assert (run.code, run.stdout, run.stderr) == (
        2,
        "",
        "git g2l-sync: jobs/broken.py:4:6: not valid Python ('(' was never closed); nothing converted\n",
    )
    assert not (repo / "dbx").exists()


GLUE_WRITE = """import sys
from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
table = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="positions")
glueContext.write_dynamic_frame.from_options(
  frame=table,
  connection_type="s3",
  connection_options={
    "path": s3://risk-bucket/positions
  },
  format="parquet",
)
"""


@pytest.mark.parametrize(
    ("data", "message"),
    [  # the line and column Python itself names (ast.parse: what an editor shows), and its own short reason
        (GLUE_WRITE.encode(), "11:15: not valid Python (invalid syntax)"),  # the unquoted path, not the next line
        (b"x = 1\nif x\n    y = 2\n", "2:5: not valid Python (expected ':')"),
        (b"x = 1\nlimits = load(\n    'risk.limits',\n", "2:14: not valid Python ('(' was never closed)"),
        (b"rows = [\n    1,\n    2\n", "1:8: not valid Python ('[' was never closed)"),
        (b"x = 1\ny = 2abc\n", "2:5: not valid Python (invalid decimal literal)"),
        (b"x = 1\ny = 'abc\n", "2:5: not valid Python (unterminated string literal (detected at line 2))"),
        (
            b"if x:\n        y = 1\n\tz = 2\n",
            "3:1: not valid Python (inconsistent use of tabs and spaces in indentation)",
        ),
        (b"x = 1\n  y = 2\n", "2:2: not valid Python (unexpected indent)"),
        (b"x = 1\ny = 2\nz = 3\x00\n", "3:6: not valid Python (source code cannot contain null bytes)"),
        (b"x = 1\r\ny = 2\r\r\nz\x00 = 3\r\n", "4:2: not valid Python (source code cannot contain null bytes)"),
    ],
)
def test_a_syntax_error_names_its_own_line_and_column_and_python_s_reason(
    repo: Path, data: bytes, message: str
) -> None:
    (repo / "jobs" / "ddb_to_s3.py").write_bytes(data)
    run = g2l(repo, "convert", "jobs", "--out", "dbx")
    assert (run.code, run.stdout, run.stderr) == (
        2,
        "",
        f"git g2l-sync: jobs/ddb_to_s3.py:{message}; nothing converted\n",
    )
    assert not (repo / "dbx").exists()


def test_a_missing_input_exits_2_and_every_problem_is_reported(repo: Path) -> None:
    (repo / "jobs" / "latin1.py").write_bytes(b"# exposure \xe9t\xe9\nx = 1\n")
    run = g2l(repo, "convert", "jobs/nowhere.py", "jobs/latin1.py", "jobs/var_breaches.py")
    assert run.code == 2
    assert run.stderr.splitlines() == [
        "git g2l-sync: jobs/nowhere.py: no such file",
        "git g2l-sync: jobs/latin1.py:1: not UTF-8; nothing converted",
    ]
    assert run.stdout == ""


def test_a_named_file_that_is_neither_python_nor_a_job_definition_exits_2_and_nothing_is_written(
    glue: Path,
) -> None:
    run = g2l(glue, "convert", "jobs/a.py", "lib/risk/limits.csv", "--out", "dbx")
    assert (run.code, run.stdout, run.stderr) == (
        2,
        "",
        "git g2l-sync: lib/risk/limits.csv: not a Python file or a Glue job definition; convert takes .py scripts, "
        "folders and job JSON\n",
    )
    assert not (glue / "dbx").exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("jobs/binary.py", b"\x89PNG\r\n\x1a\n\x00\xff", "jobs/binary.py:1: not UTF-8; nothing converted"),
        (
            "jobs/nul.py",
            b"\x00\x01\x02\x03",
            "jobs/nul.py:1:1: not valid Python (source code cannot contain null bytes); nothing converted\n",
        ),
        (
            "jobs/typo.py",
            b"x = 1\nif x\n    y = 2\n",
            "jobs/typo.py:2:5: not valid Python (expected ':'); nothing converted\n",
        ),
        ("lib/none", None, "lib/none: no .py files in this folder; convert takes .py scripts, folders and job JSON"),
        ("jobs/missing.py", ..., "jobs/missing.py: no such file"),
    ],
)
def test_a_bad_input_is_one_line_naming_it_and_nothing_is_written(
    glue: Path, name: str, data: bytes | None, message: str
) -> None:
    if data is None:
        (glue / name).mkdir()
        (glue / name / "notes.txt").write_text("not code\n")
    elif isinstance(data, bytes):
        (glue / name).write_bytes(data)
    run = g2l(glue, "convert", "jobs/a.py", name, "lib", "--out", "dbx")
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr.startswith(f"git g2l-sync: {message}") and run.stderr.count("\n") == 1, run.stderr
    assert not (glue / "dbx").exists()


def test_an_empty_python_file_converts_to_its_header_as_a_sync_writes_it(glue: Path) -> None:
    (glue / "lib/risk/__init__.py").write_text("")
    run = g2l(glue, "convert", "lib/risk/__init__.py")
    assert (run.code, run.stdout, run.stderr) == (0, "# g2l: converted from lib/risk/__init__.py\n", "")


def test_a_byte_order_mark_is_kept_in_the_written_file(repo: Path) -> None:
    (repo / "jobs" / "bom.py").write_bytes(b"\xef\xbb\xbf" + CLEAN_JOB.encode())
    run = g2l(repo, "convert", "jobs/bom.py", "--out", "dbx")
    assert run.code == 0
    written = (repo / "dbx" / "bom.py").read_bytes()
    assert written.startswith(b"\xef\xbb\xbf# g2l: converted from jobs/bom.py\n")


def test_converting_converted_output_changes_nothing(repo: Path) -> None:
    assert g2l(repo, "convert", "jobs/collateral.py", "--out", "once/jobs").code == 1
    (repo / "once" / ".git").mkdir()  # the Databricks checkout the converted file went to
    twice = g2l(repo / "once", "convert", "jobs/collateral.py")
    assert twice.stdout == (repo / "once" / "jobs" / "collateral.py").read_text()


def test_rules_lists_every_rule_with_id_name_and_summary(tmp_path: Path) -> None:
    run = g2l(tmp_path, "rules")
    assert run.code == 0
    lines = run.stdout.splitlines()
    assert len(lines) == len(RULES)
    assert lines[0].startswith("G2L001  awsglue-imports  ")
    for rule in RULES:
        assert any(line.startswith(f"{rule.id}  {rule.name} ") and line.endswith(rule.summary) for line in lines)


def test_rules_json(tmp_path: Path) -> None:
    listed = json.loads(g2l(tmp_path, "rules", "--json").stdout)
    assert {"id": "G2L401", "name": "studio-sql-helpers", "summary": RULES_BY_ID["G2L401"].summary} in listed
    assert [item["id"] for item in listed] == sorted(rule.id for rule in RULES)


RULES_BY_ID = {rule.id: rule for rule in RULES}
