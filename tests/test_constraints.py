"""Protected regions and native files as merge constraints: sync stories and hand-made `git merge glue-mirror`."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import JOB_A, DbxRepo, GlueRepo, Story, g2l, git

A = "risk_engine/jobs/process_a.py"
HEADER_A = "# g2l: converted from jobs/process_a.py\n"
REGION = (
    "# g2l: protect begin uc\nthreshold = 0.8\nspark.sql('USE CATALOG prod')  # Databricks\n# g2l: protect end uc\n"
)
WITH_REGION = JOB_A.replace("threshold = 0.8\n", REGION)


def protect_threshold(story: Story) -> str:
    """The Databricks team protects a region around the threshold line and commits."""
    story.dbx.edit(A, "threshold = 0.8\n", REGION)
    return story.dbx.commit("Databricks: protect the catalog switch")


def glue_edit(story: Story, old: str, new: str, message: str = "Glue edit") -> str:
    return story.glue.commit(message, {"jobs/process_a.py": JOB_A.replace(old, new)})


def sync_json(dbx: DbxRepo, *args: str) -> tuple[int, dict[str, object]]:
    run = g2l(dbx.path, "sync", "--json", *args)
    return run.code, json.loads(run.output)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("exposures = catalog.load", "exposures_raw = catalog.load"),  # far above
        (
            'limits = catalog.load(spark, database="risk", table_name="limits")\n\n',
            'limits = catalog.load(spark, database="risk", table_name="limits_v2")\n\n',
        ),
        ("horizon_days = 10", "horizon_days = 5"),  # the line right after the region
    ],
)
def test_glue_changes_outside_and_next_to_a_region_merge_normally(story: Story, old: str, new: str) -> None:
    protect_threshold(story)
    glue_edit(story, old, new)
    code, report = sync_json(story.dbx)
    assert code == 0, report
    assert story.dbx.read(A) == HEADER_A + WITH_REGION.replace(old, new)
    assert report["conflicts"] == []


def test_glue_change_right_before_a_region_merges(story: Story) -> None:
    dbx = story.dbx
    dbx.edit(A, "horizon_days = 10\n", "# g2l: protect begin h\nhorizon_days = 10\n# g2l: protect end h\n")
    dbx.commit("Databricks protects the horizon")
    glue_edit(story, "threshold = 0.8", "threshold = 0.7")
    code, _report = sync_json(dbx)
    assert code == 0
    assert dbx.read(A) == HEADER_A + JOB_A.replace("threshold = 0.8", "threshold = 0.7").replace(
        "horizon_days = 10\n", "# g2l: protect begin h\nhorizon_days = 10\n# g2l: protect end h\n"
    )


def test_glue_change_inside_a_region_is_a_protected_conflict_on_exactly_that_region(story: Story) -> None:
    dbx = story.dbx
    tip = protect_threshold(story)
    previous = git(story.glue.path, "rev-parse", "HEAD")
    new = glue_edit(story, "threshold = 0.8", "threshold = 0.7")
    code, report = sync_json(dbx)
    assert code == 1
    assert report["conflicts"] == [{"path": A, "kind": "protected", "region": "uc"}]
    block = (
        "<<<<<<< main\n"
        + REGION
        + f"||||||| glue {previous[:12]} (last sync)\nthreshold = 0.8\n"
        + "=======\nthreshold = 0.7\n"
        + f">>>>>>> glue {new[:12]}\n"
    )
    assert dbx.read(A) == HEADER_A + JOB_A.replace("threshold = 0.8\n", block)
    assert git(dbx.path, "status", "--porcelain") == f"UU {A}"
    assert dbx.rev("HEAD") == tip
    git(dbx.path, "merge", "--abort")
    assert dbx.read(A) == HEADER_A + WITH_REGION


def test_keep_ours_keeps_the_region_and_lists_the_dropped_hunk(story: Story) -> None:
    protect_threshold(story)
    glue_edit(story, "threshold = 0.8", "threshold = 0.7")
    code, report = sync_json(story.dbx, "--protected", "keep-ours")
    assert code == 0
    assert story.dbx.read(A) == HEADER_A + WITH_REGION
    assert report["dropped_protected"] == [
        {
            "path": A,
            "region": "uc",
            "patch": f"--- a/{A}\n+++ b/{A}\n@@ -14,1 +14,1 @@\n-threshold = 0.8\n+threshold = 0.7\n",
        }
    ]


def test_identical_change_inside_a_region_does_not_conflict(story: Story) -> None:
    story.dbx.edit(A, "threshold = 0.8\n", "# g2l: protect begin t\nthreshold = 0.75\n# g2l: protect end t\n")
    story.dbx.commit("Databricks lowers the threshold, protected")
    glue_edit(story, "threshold = 0.8", "threshold = 0.75")
    code, report = sync_json(story.dbx)
    assert code == 0, report
    assert story.dbx.read(A) == HEADER_A + JOB_A.replace(
        "threshold = 0.8\n", "# g2l: protect begin t\nthreshold = 0.75\n# g2l: protect end t\n"
    )


def test_glue_deleting_a_file_with_a_region_is_a_modify_delete_conflict(story: Story) -> None:
    protect_threshold(story)
    story.glue.commit("Glue retires job a", {"jobs/process_a.py": None})
    code, report = sync_json(story.dbx)
    assert code == 1
    assert report["conflicts"] == [{"path": A, "kind": "modify-delete", "region": None}]
    assert story.dbx.read(A) == HEADER_A + WITH_REGION
    assert git(story.dbx.path, "status", "--porcelain") == f"UD {A}"


def test_native_file_stays_byte_for_byte_and_the_glue_patch_is_listed(story: Story) -> None:
    dbx = story.dbx
    assert g2l(dbx.path, "native", A).code == 0
    dbx.edit(A, "threshold = 0.8", "threshold = 0.9  # ours now")
    dbx.commit("Databricks owns job a")
    owned = dbx.read(A)
    assert owned.startswith("# g2l: converted from jobs/process_a.py\n# g2l: native\n")
    glue_edit(story, "confidence = 0.99", "confidence = 0.975")
    code, report = sync_json(dbx)
    assert code == 0
    assert dbx.read(A) == owned
    assert report["skipped_native"] == [
        {
            "path": A,
            "patch": (
                f"--- a/{A}\n+++ b/{A}\n"
                '@@ -13,7 +13,7 @@ limits = catalog.load(spark, database="risk", table_name="limits")\n'
                " \n threshold = 0.8\n horizon_days = 10\n-confidence = 0.99\n+confidence = 0.975\n \n"
                ' breaches = exposures.join(limits, ["counterparty_id"])\n'
                ' breaches = breaches.filter(F.col("exposure") > threshold * F.col("limit"))\n'
            ),
        }
    ]


def test_native_by_configuration_keeps_an_unedited_file_and_survives_a_glue_delete(story: Story) -> None:
    dbx = story.dbx
    dbx.edit("g2l.toml", "native = []", 'native = ["risk_engine/jobs/process_b.py", "risk_engine/lib/**"]')
    dbx.commit("Databricks owns job b and the library")
    job_b, lib = dbx.read("risk_engine/jobs/process_b.py"), dbx.read("risk_engine/lib/collateral.py")
    story.glue.commit(
        "Glue changes b, deletes the library",
        {"jobs/process_b.py": JOB_A.replace("trades", "trades_v2"), "lib/collateral.py": None},
    )
    code, report = sync_json(dbx)
    assert code == 0, report
    assert dbx.read("risk_engine/jobs/process_b.py") == job_b
    assert dbx.read("risk_engine/lib/collateral.py") == lib
    assert sorted(item["path"] for item in report["skipped_native"]) == [  # type: ignore[union-attr]
        "risk_engine/jobs/process_b.py",
        "risk_engine/lib/collateral.py",
    ]
    assert "+++ /dev/null" in report["skipped_native"][1]["patch"]  # type: ignore[index]


def test_seed_markers_are_synonyms(story: Story) -> None:
    dbx = story.dbx
    dbx.edit(A, "threshold = 0.8\n", "# PROTECTED: START uc\nthreshold = 0.85\n# PROTECTED: END\n")
    dbx.write("risk_engine/jobs/process_b.py", "# SOURCE: DATABRICKS_NATIVE\nx = 1\n")
    dbx.commit("Seed-style markers")
    story.glue.commit(
        "Glue edits both",
        {"jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.7"), "jobs/process_b.py": "y = 2\n"},
    )
    code, report = sync_json(dbx)
    assert code == 1
    assert report["conflicts"] == [{"path": A, "kind": "protected", "region": "uc"}]
    assert dbx.read("risk_engine/jobs/process_b.py") == "# SOURCE: DATABRICKS_NATIVE\nx = 1\n"


def test_line_endings_bom_tabs_and_missing_final_newline_survive(tmp_path: Path) -> None:
    glue = GlueRepo(tmp_path / "glue")
    base = "def f():\r\n\treturn 1\r\n\r\nx = 1\r\ny = 2"
    glue.commit("Glue v1", {"jobs/crlf.py": base})
    dbx = DbxRepo(tmp_path / "dbx")
    assert g2l(dbx.path, "init", "--glue", "../glue").code == 0
    region = "\ufeff# g2l: protect begin t\r\n"
    converted = (dbx.path / "jobs/crlf.py").read_bytes()
    assert converted == b"# g2l: converted from jobs/crlf.py\r\n" + base.encode()
    edited = converted.replace(
        b"\treturn 1\r\n", b"# g2l: protect begin t\r\n\treturn 1\t# tab\r\n# g2l: protect end t\r\n"
    )
    (dbx.path / "jobs/crlf.py").write_bytes(edited)
    dbx.commit("Databricks protects with CRLF and a tab")
    glue.commit("Glue v2", {"jobs/crlf.py": base.replace("y = 2", "y = 3")})
    assert g2l(dbx.path, "sync").code == 0
    assert (dbx.path / "jobs/crlf.py").read_bytes() == edited.replace(b"y = 2", b"y = 3")
    assert region  # the BOM case is covered at the merge_file level (tests/test_mergefile.py)


def prepare_mirror(story: Story) -> None:
    """Make the new mirror commit without merging it (sync --branch), so people can `git merge glue-mirror`."""
    run = g2l(story.dbx.path, "sync", "--branch", "g2l/unused")
    assert run.code in (0, 1), run.output
    git(story.dbx.path, "branch", "-D", "g2l/unused")


def hand_merge(story: Story, branch: str = "glue-mirror") -> tuple[int, str]:
    proc = subprocess.run(
        ["git", "merge", "--no-edit", branch], cwd=story.dbx.path, capture_output=True, text=True, check=False
    )
    return proc.returncode, proc.stdout + proc.stderr


def test_hand_merge_inside_a_region_conflicts_through_the_driver(story: Story) -> None:
    protect_threshold(story)
    glue_edit(story, "threshold = 0.8", "threshold = 0.7")
    prepare_mirror(story)
    code, output = hand_merge(story)
    assert code == 1, output
    text = story.dbx.read(A)
    assert "<<<<<<< main\n" + REGION + "||||||| glue (last sync)\nthreshold = 0.8\n=======\nthreshold = 0.7\n" in text
    assert git(story.dbx.path, "status", "--porcelain") == f"UU {A}"


def test_hand_merge_next_to_a_region_merges_through_the_driver(story: Story) -> None:
    protect_threshold(story)
    glue_edit(story, "horizon_days = 10", "horizon_days = 5")
    prepare_mirror(story)
    code, output = hand_merge(story)
    assert code == 0, output
    assert story.dbx.read(A) == HEADER_A + WITH_REGION.replace("horizon_days = 10", "horizon_days = 5")


def test_hand_merge_keeps_a_native_file_through_the_driver(story: Story) -> None:
    dbx = story.dbx
    assert g2l(dbx.path, "native", A).code == 0
    dbx.commit("Databricks owns job a")
    owned = dbx.read(A)
    glue_edit(story, "confidence = 0.99", "confidence = 0.975")
    prepare_mirror(story)
    code, output = hand_merge(story)
    assert code == 0, output
    assert dbx.read(A) == owned


def test_driver_behaves_like_git_for_other_merges(story: Story) -> None:
    dbx = story.dbx
    git(dbx.path, "checkout", "-q", "-b", "feature")
    dbx.edit(A, "threshold = 0.8", "threshold = 0.6")
    dbx.commit("feature threshold")
    git(dbx.path, "checkout", "-q", "main")
    dbx.edit(A, "threshold = 0.8\n", REGION)
    dbx.commit("main protects")
    code, _output = hand_merge(story, "feature")
    assert code == 1
    text = dbx.read(A)
    assert "<<<<<<< HEAD\n" + REGION in text
    assert "=======\nthreshold = 0.6\n>>>>>>> feature\n" in text
    assert "|||||||" not in text


def test_branch_mode_commits_a_protected_conflict_in_a_bare_clone(story: Story, tmp_path: Path) -> None:
    protect_threshold(story)
    glue_edit(story, "threshold = 0.8", "threshold = 0.7")
    bare = tmp_path / "ci.git"
    git(tmp_path, "clone", "-q", "--bare", str(story.dbx.path), str(bare))
    git(bare, "fetch", "-q", "origin", "glue-mirror:glue-mirror")
    run = g2l(bare, "sync", "--branch", "g2l/sync", "--glue", str(story.glue.path), "--json")
    assert run.code == 1
    assert json.loads(run.output)["conflicts"] == [{"path": A, "kind": "protected", "region": "uc"}]
    merged = git(bare, "show", f"g2l/sync:{A}")
    assert "<<<<<<< main\n" + REGION + "||||||| glue " in merged


def test_native_file_stays_at_its_path_when_glue_renames_its_source(story: Story) -> None:
    dbx = story.dbx
    assert g2l(dbx.path, "native", A).code == 0
    dbx.commit("Databricks owns job a")
    owned = dbx.read(A)
    story.glue.commit("Glue moves job a", renames={"jobs/process_a.py": "jobs/limits/process_a.py"})
    code, report = sync_json(dbx)
    assert code == 0, report
    assert dbx.read(A) == owned
    assert not (dbx.path / "risk_engine/jobs/limits/process_a.py").exists()
    assert [item["path"] for item in report["skipped_native"]] == [A]  # type: ignore[union-attr]
