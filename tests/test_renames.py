"""Renames and moves on both sides: native files and protected regions follow the Databricks team's path.

Regression stories for issue 7, defect 1: a native file changed by a sync after a rename.
"""

from __future__ import annotations

import json

import pytest

from conftest import JOB_A, DbxRepo, Story, g2l, git
from g2l_merge.owners import PathMap

A = "risk_engine/jobs/process_a.py"
A_DBX = "risk_engine/jobs/process_a_dbx.py"
A_GLUE_MOVED = "risk_engine/jobs/limits/process_a.py"
REGION = (
    "# g2l: protect begin uc\nthreshold = 0.8\nspark.sql('USE CATALOG prod')  # Databricks\n# g2l: protect end uc\n"
)


def sync_json(dbx: DbxRepo, *args: str) -> tuple[int, dict[str, object]]:
    run = g2l(dbx.path, "sync", "--json", *args)
    return run.code, json.loads(run.output)


def mark_native_and_move(dbx: DbxRepo) -> str:
    assert g2l(dbx.path, "native", A).code == 0
    dbx.commit("Databricks owns job a")
    git(dbx.path, "mv", A, A_DBX)
    dbx.commit("Databricks renames job a")
    return dbx.read(A_DBX)


def protect_and_move(dbx: DbxRepo) -> None:
    dbx.edit(A, "threshold = 0.8\n", REGION)
    dbx.commit("Databricks protects the catalog switch")
    git(dbx.path, "mv", A, A_DBX)
    dbx.commit("Databricks renames job a")


def test_native_file_moved_by_databricks_keeps_its_bytes_when_glue_edits_its_source(story: Story) -> None:
    dbx, glue = story
    owned = mark_native_and_move(dbx)
    glue.commit("Glue: threshold", {"jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.7")})
    code, report = sync_json(dbx)
    assert code == 0, report
    assert dbx.read(A_DBX) == owned
    assert not (dbx.path / A).exists()
    assert report["skipped_native"] == [
        {
            "path": A_DBX,
            "patch": (
                f"--- a/{A_DBX}\n+++ b/{A_DBX}\n"
                "@@ -11,7 +11,7 @@ spark = SparkSession.builder.getOrCreate()\n"
                ' exposures = catalog.load(spark, database="risk", table_name="exposures")\n'
                ' limits = catalog.load(spark, database="risk", table_name="limits")\n \n'
                "-threshold = 0.8\n+threshold = 0.7\n horizon_days = 10\n confidence = 0.99\n \n"
            ),
        }
    ]
    assert report["files"] == {"added": [], "deleted": [], "renamed": [], "updated": []}
    assert report["conflicts"] == []
    assert git(dbx.path, "status", "--porcelain") == ""


def test_native_file_moved_by_databricks_survives_a_glue_rename_and_delete_of_its_source(story: Story) -> None:
    dbx, glue = story
    owned = mark_native_and_move(dbx)
    glue.commit("Glue moves job a", renames={"jobs/process_a.py": "jobs/limits/process_a.py"})
    code, report = sync_json(dbx, "--branch", "g2l/one")
    assert code == 0, report
    assert dbx.show("g2l/one", A_DBX) + "\n" == owned
    assert A_GLUE_MOVED not in git(dbx.path, "ls-tree", "-r", "--name-only", "g2l/one")
    git(dbx.path, "merge", "-q", "--ff-only", "g2l/one")
    glue.commit("Glue deletes job a", {"jobs/limits/process_a.py": None})
    code, report = sync_json(dbx)
    assert (code, report["conflicts"]) == (0, []), report
    assert dbx.read(A_DBX) == owned
    assert [item["path"] for item in report["skipped_native"]] == [A_DBX]  # type: ignore[union-attr]


def test_glue_renaming_the_source_of_a_native_file_never_flows_into_it_later(story: Story) -> None:
    dbx, glue = story
    assert g2l(dbx.path, "native", A).code == 0
    dbx.edit(A, "horizon_days = 10", "horizon_days = 20  # Databricks owns this job")
    dbx.commit("Databricks owns job a")
    owned = dbx.read(A)
    glue.commit("Glue moves job a", renames={"jobs/process_a.py": "jobs/limits/process_a.py"})
    code, report = sync_json(dbx)
    assert code == 0, report
    assert dbx.read(A) == owned
    assert not (dbx.path / A_GLUE_MOVED).exists()
    moved = JOB_A.replace("threshold = 0.8", "threshold = 0.6")
    glue.commit("Glue edits the moved job", {"jobs/limits/process_a.py": moved})
    code, report = sync_json(dbx)
    assert (code, report["conflicts"]) == (0, []), report
    assert dbx.read(A) == owned
    assert not (dbx.path / A_GLUE_MOVED).exists()
    assert [item["path"] for item in report["skipped_native"]] == [A]  # type: ignore[union-attr]
    assert "+threshold = 0.6\n" in report["skipped_native"][0]["patch"]  # type: ignore[index]
    assert report["files"]["updated"] == []  # type: ignore[index]
    glue.commit("Glue deletes the moved job", {"jobs/limits/process_a.py": None})
    code, report = sync_json(dbx)
    assert (code, report["conflicts"]) == (0, []), report
    assert dbx.read(A) == owned
    assert "+++ /dev/null" in report["skipped_native"][0]["patch"]  # type: ignore[index]


def test_region_in_a_file_moved_by_databricks_conflicts_on_a_glue_change_inside_it(story: Story) -> None:
    dbx, glue = story
    protect_and_move(dbx)
    previous = git(glue.path, "rev-parse", "HEAD")
    new = glue.commit("Glue: threshold", {"jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.7")})
    code, report = sync_json(dbx)
    assert code == 1, report
    assert report["conflicts"] == [{"path": A_DBX, "kind": "protected", "region": "uc"}]
    text = dbx.read(A_DBX)
    assert (
        f"<<<<<<< main\n{REGION}||||||| glue {previous[:12]} (last sync)\nthreshold = 0.8\n=======\n"
        f"threshold = 0.7\n>>>>>>> glue {new[:12]}\n"
    ) in text
    assert not (dbx.path / A).exists()


def test_region_in_a_file_moved_by_databricks_takes_glue_changes_next_to_it(story: Story) -> None:
    dbx, glue = story
    protect_and_move(dbx)
    glue.commit("Glue: horizon", {"jobs/process_a.py": JOB_A.replace("horizon_days = 10", "horizon_days = 5")})
    code, report = sync_json(dbx)
    assert code == 0, report
    assert dbx.read(A_DBX) == "# g2l: converted from jobs/process_a.py\n" + JOB_A.replace(
        "threshold = 0.8\n", REGION
    ).replace("horizon_days = 10", "horizon_days = 5")
    assert report["files"]["updated"] == [A_DBX]  # type: ignore[index]
    assert not (dbx.path / A).exists()


def test_a_rewritten_native_file_is_found_by_the_mirror_name_of_its_source_after_glue_renamed_it(story: Story) -> None:
    """The native file no longer resembles Glue's: git's rename detection cannot pair them, the mirror's own rename
    history does."""
    dbx, glue = story
    dbx.write(A, "# g2l: native\n" + "".join(f"databricks_only_{i} = {i}\n" for i in range(30)))
    dbx.commit("Databricks rewrites job a as its own")
    owned = dbx.read(A)
    glue.commit("Glue moves job a", renames={"jobs/process_a.py": "jobs/limits/process_a.py"})
    assert sync_json(dbx)[0] == 0
    glue.commit(
        "Glue edits the moved job", {"jobs/limits/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.6")}
    )
    code, report = sync_json(dbx)
    assert (code, report["conflicts"]) == (0, []), report
    assert dbx.read(A) == owned
    assert not (dbx.path / A_GLUE_MOVED).exists()
    assert [item["path"] for item in report["skipped_native"]] == [A]  # type: ignore[union-attr]


def test_the_guard_keeps_native_files_and_regions_even_when_the_path_mapping_misses(
    story: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The safety net under the plan: with the Databricks path of every mirror file forced unknown, git's merge
    alone would write Glue's lines into a native file and inside a region; the guard puts them back."""
    dbx, glue = story
    monkeypatch.setattr(PathMap, "ours_path", lambda self, base_path: None)
    assert g2l(dbx.path, "native", "risk_engine/jobs/process_b.py").code == 0
    dbx.edit(
        A,
        "threshold = 0.8\nhorizon_days = 10\nconfidence = 0.99\n",
        "# g2l: protect begin risk\nthreshold = 0.8\nhorizon_days = 10\nconfidence = 0.99\n# g2l: protect end risk\n",
    )
    dbx.commit("Databricks owns job b and protects a region in job a")
    owned_b, region_a = dbx.read("risk_engine/jobs/process_b.py"), dbx.read(A)
    glue.commit(
        "Glue: horizon and trades",
        {
            "jobs/process_a.py": JOB_A.replace("horizon_days = 10", "horizon_days = 5"),
            "jobs/process_b.py": JOB_A.replace("trades", "trades_v2"),
        },
    )
    code, report = sync_json(dbx, "--branch", "g2l/guarded")
    assert code == 1, report
    assert dbx.show("g2l/guarded", "risk_engine/jobs/process_b.py") + "\n" == owned_b
    assert dbx.show("g2l/guarded", A) + "\n" == region_a
    assert report["conflicts"] == [{"path": A, "kind": "protected", "region": "risk"}]
    assert [item["path"] for item in report["skipped_native"]] == [  # type: ignore[union-attr]
        "risk_engine/jobs/process_b.py"
    ]
    monkeypatch.undo()
    code, unguarded = sync_json(dbx, "--branch", "g2l/planned")  # the plan itself reaches the same protection
    assert (code, unguarded["conflicts"]) == (1, report["conflicts"])


def test_glue_renaming_a_file_with_regions_onto_a_databricks_file_keeps_both(story: Story) -> None:
    dbx, glue = story
    dbx.edit(A, "threshold = 0.8\n", REGION)
    dbx.write("risk_engine/jobs/limits.py", "DBX_ONLY = 1\n")
    dbx.commit("Databricks protects a region and adds its own limits job")
    glue.commit("Glue renames job a onto limits", renames={"jobs/process_a.py": "jobs/limits.py"})
    code, report = sync_json(dbx)
    assert code == 0, report
    assert dbx.read("risk_engine/jobs/limits.py") == "DBX_ONLY = 1\n"
    assert dbx.read(A) == "# g2l: converted from jobs/limits.py\n" + JOB_A.replace("threshold = 0.8\n", REGION)
    assert report["files"]["updated"] == [A]  # type: ignore[index]
    assert report["conflicts"] == []


def test_glue_renaming_a_file_onto_a_native_file_keeps_the_native_file_and_lists_glue_s_version(story: Story) -> None:
    dbx, glue = story
    native = "# g2l: native\nlimits_by_databricks = 1\n"
    dbx.write("risk_engine/jobs/limits.py", native)
    dbx.commit("Databricks adds its own native limits job")
    glue.commit("Glue renames job a onto limits", renames={"jobs/process_a.py": "jobs/limits.py"})
    code, report = sync_json(dbx)
    assert (code, report["conflicts"]) == (0, []), report
    assert dbx.read("risk_engine/jobs/limits.py") == native
    assert [item["path"] for item in report["skipped_native"]] == [  # type: ignore[union-attr]
        "risk_engine/jobs/limits.py"
    ]
    assert "+# g2l: converted from jobs/limits.py\n" in report["skipped_native"][0]["patch"]  # type: ignore[index]
    assert git(dbx.path, "status", "--porcelain") == ""


def test_a_glue_folder_rename_leaves_databricks_files_in_that_folder_alone(story: Story) -> None:
    dbx, glue = story
    dbx.write("risk_engine/jobs/helpers.py", "# g2l: native\nhelp = 1\n")
    dbx.write("risk_engine/jobs/notes.py", "notes = 1\n")
    dbx.commit("Databricks helpers next to the jobs")
    glue.commit(
        "Glue moves the jobs folder",
        renames={"jobs/process_a.py": "lib/batch/process_a.py", "jobs/process_b.py": "lib/batch/process_b.py"},
    )
    code, report = sync_json(dbx)
    assert (code, report["conflicts"], report["skipped_native"]) == (0, [], []), report
    assert dbx.read("risk_engine/jobs/helpers.py") == "# g2l: native\nhelp = 1\n"
    assert dbx.read("risk_engine/jobs/notes.py") == "notes = 1\n"
    assert not (dbx.path / "risk_engine/lib/batch/helpers.py").exists()
    assert not (dbx.path / "risk_engine/lib/batch/notes.py").exists()
    assert (dbx.path / "risk_engine/lib/batch/process_a.py").exists()
