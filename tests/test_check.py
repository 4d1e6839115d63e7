"""`git g2l-sync check`: marker lint, leftover conflict markers, and the --staged guards, over real repositories."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import JOB_A, LIB, DbxRepo, Story, g2l, git

A = "risk_engine/jobs/process_a.py"
B = "risk_engine/jobs/process_b.py"
COLLATERAL = "risk_engine/lib/collateral.py"
SCRIPT = Path(sys.executable).parent / "git-g2l-sync"
LOST = (
    "lost its markers but its lines are still here: restore the markers, "
    "or commit with G2L_ALLOW_UNPROTECT=1 to unprotect it on purpose"
)
MERGE_ADVICE = (
    "or abort the merge (git merge --abort) and run `git g2l-sync sync` instead; "
    "G2L_ALLOW_UNPROTECT=1 accepts the change"
)
CONFLICT_ADVICE = "resolve the conflict and remove the marker lines"

LINT_CASES = {
    "unmatched begin": (
        "x = 1\n# g2l: protect begin monitoring\ny = 2\n",
        ["f.py:2: protect begin without a matching end"],
    ),
    "unmatched end": ("x = 1\n# g2l: protect end\n", ["f.py:2: protect end without a matching begin"]),
    "nested": (
        "# g2l: protect begin outer\n# g2l: protect begin inner\nx = 1\n# g2l: protect end\n",
        ["f.py:2: protected region begins inside the region opened on line 1; regions do not nest"],
    ),
    "duplicate name": (
        "# g2l: protect begin m\nx = 1\n# g2l: protect end m\n# g2l: protect begin m\ny = 2\n# g2l: protect end m\n",
        ["f.py:4: protected region name 'm' is already used on line 1"],
    ),
    "end names another region": (
        "# g2l: protect begin alerts\nx = 1\n# g2l: protect end limits\n",
        ["f.py:3: protect end 'limits' does not match begin 'alerts' on line 1"],
    ),
    "native marker too low": (
        "a = 1\nb = 2\nc = 3\nd = 4\ne = 5\n# g2l: native\n",
        ["f.py:6: native marker below line 5 is ignored; move it to the top of the file"],
    ),
    "seed markers": (
        "# SOURCE: DATABRICKS_NATIVE\n# PROTECTED: START monitoring\nx = 1\n",
        ["f.py:2: protect begin without a matching end"],
    ),
    "leftover conflict": (
        "a = 1\n<<<<<<< main\nb = 2\n||||||| glue 1a2b (last sync)\nb = 1\n=======\nb = 3\n>>>>>>> glue 9f8e\n",
        [
            f"f.py:2: leftover conflict marker '<<<<<<<': {CONFLICT_ADVICE}",
            f"f.py:4: leftover conflict marker '|||||||': {CONFLICT_ADVICE}",
            f"f.py:6: leftover conflict marker '=======': {CONFLICT_ADVICE}",
            f"f.py:8: leftover conflict marker '>>>>>>>': {CONFLICT_ADVICE}",
        ],
    ),
    "leftover separator, CRLF": (
        "a = 1\r\n=======\r\nb = 2\r\n",
        [f"f.py:2: leftover conflict marker '=======': {CONFLICT_ADVICE}"],
    ),
    "conflict inside a region": (
        "# g2l: protect begin m\n<<<<<<< main\nx = 1\n=======\nx = 2\n>>>>>>> glue\n# g2l: protect end m\n",
        [
            f"f.py:2: leftover conflict marker '<<<<<<<': {CONFLICT_ADVICE}",
            f"f.py:4: leftover conflict marker '=======': {CONFLICT_ADVICE}",
            f"f.py:6: leftover conflict marker '>>>>>>>': {CONFLICT_ADVICE}",
        ],
    ),
}

CLEAN_TEXTS = {
    "regions and native": "# g2l: native\n# g2l: protect begin m\nx = 1\n# g2l: protect end m\n"
    "# PROTECTED: START\ny = 2\n# PROTECTED: END\n",
    "look-alikes": "title\n========\n<<<<<<<no-space\n== = ==\nx = '<<<<<<< not at the start'\n",
    "no final newline, CRLF": "# g2l: protect begin m\r\nx = 1\r\n# g2l: protect end m",
}


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(text.encode())


@pytest.mark.parametrize("case", LINT_CASES, ids=list(LINT_CASES))
def test_lint_reports_each_problem_as_path_line_message(tmp_path: Path, case: str) -> None:
    text, expected = LINT_CASES[case]
    write(tmp_path, "f.py", text)
    run = g2l(tmp_path, "check", "f.py")
    assert (run.code, run.output.splitlines()) == (1, expected)


@pytest.mark.parametrize("case", CLEAN_TEXTS, ids=list(CLEAN_TEXTS))
def test_clean_files_print_nothing_and_exit_0(tmp_path: Path, case: str) -> None:
    write(tmp_path, "f.py", CLEAN_TEXTS[case])
    assert g2l(tmp_path, "check", "f.py") == (0, "")


def test_a_path_that_does_not_exist_is_exit_2_with_one_line(tmp_path: Path) -> None:
    write(tmp_path, "f.py", "x = 1\n")
    run = g2l(tmp_path, "check", "f.py", "jobs/missing.py")
    assert (run.code, run.output) == (2, "git g2l-sync: jobs/missing.py: no such file or folder\n")


def test_without_paths_every_tracked_file_is_checked_and_nothing_else(tmp_path: Path) -> None:
    dbx = DbxRepo(tmp_path / "dbx")
    dbx.write("jobs/a.py", "# g2l: protect begin m\nx = 1\n")
    dbx.write("docs/notes.md", "Notes\n=======\n")
    dbx.write("data/blob.bin", "<<<<<<< binary\0\n")
    dbx.commit("Files")
    dbx.write("scratch.py", "# g2l: protect end\n")  # untracked: not the repository's business yet
    run = g2l(dbx.path / "jobs", "check")
    assert (run.code, run.output.splitlines()) == (
        1,
        [
            f"docs/notes.md:2: leftover conflict marker '=======': {CONFLICT_ADVICE}",
            "jobs/a.py:1: protect begin without a matching end",
        ],
    )


def test_a_folder_path_checks_the_tracked_files_below_it(tmp_path: Path) -> None:
    dbx = DbxRepo(tmp_path / "dbx")
    dbx.write("jobs/a.py", "# g2l: protect end\n")
    dbx.write("lib/b.py", "# g2l: protect end\n")
    dbx.commit("Files")
    run = g2l(dbx.path, "check", "jobs")
    assert (run.code, run.output.splitlines()) == (1, ["jobs/a.py:1: protect end without a matching begin"])


# -- --staged: what the next commit would record ------------------------------------------------

REGION_FILE = "a = 1\n# g2l: protect begin monitoring\nlog(risk)\nalert(risk)\n# g2l: protect end monitoring\nb = 2\n"


@pytest.fixture
def protected(tmp_path: Path) -> DbxRepo:
    dbx = DbxRepo(tmp_path / "dbx")
    dbx.write("job.py", REGION_FILE)
    dbx.commit("Protect the monitoring calls")
    return dbx


def stage(dbx: DbxRepo, name: str, text: str) -> None:
    dbx.write(name, text)
    git(dbx.path, "add", "-A")


def test_staged_checks_the_index_not_the_work_tree(protected: DbxRepo) -> None:
    stage(protected, "job.py", REGION_FILE.replace("# g2l: protect end monitoring\n", ""))
    protected.write("job.py", REGION_FILE)  # fixed on disk, but the broken text is what would be committed
    run = g2l(protected.path, "check", "--staged")
    assert (run.code, run.output.splitlines()) == (1, ["job.py:2: protect begin without a matching end"])
    assert g2l(protected.path, "check") == (0, "")


def test_deleted_markers_with_the_lines_kept_are_refused(protected: DbxRepo) -> None:
    stage(protected, "job.py", "a = 1\nlog(risk)\nalert(risk)\nb = 2\n")
    run = g2l(protected.path, "check", "--staged")
    assert (run.code, run.output.splitlines()) == (
        1,
        [f"job.py:2: protected region 'monitoring' (lines 2-5 in HEAD) {LOST}"],
    )


def test_deleted_markers_pass_with_g2l_allow_unprotect(protected: DbxRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    stage(protected, "job.py", "a = 1\nlog(risk)\nalert(risk)\nb = 2\n")
    monkeypatch.setenv("G2L_ALLOW_UNPROTECT", "1")
    assert g2l(protected.path, "check", "--staged") == (0, "")


def test_unnamed_region_losing_its_markers_in_a_renamed_file_is_refused(tmp_path: Path) -> None:
    dbx = DbxRepo(tmp_path / "dbx")
    body = "".join(f"step_{n}()\n" for n in range(8))
    dbx.write("old.py", f"x = 0\n# PROTECTED: START\nkeep()\n# PROTECTED: END\n{body}")
    dbx.commit("Seed-style region")
    git(dbx.path, "mv", "old.py", "new.py")
    stage(dbx, "new.py", f"x = 0\nkeep()\n{body}")
    run = g2l(dbx.path, "check", "--staged")
    assert (run.code, run.output.splitlines()) == (1, [f"new.py:2: a protected region (lines 2-4 in HEAD) {LOST}"])


@pytest.mark.parametrize(
    "staged",
    [
        pytest.param("a = 1\nb = 2\n", id="region deleted with its lines"),
        pytest.param(REGION_FILE.replace("alert(risk)", "alert(risk, level=2)"), id="lines edited inside the markers"),
        pytest.param(REGION_FILE.replace("monitoring", "alerts"), id="region renamed"),
        pytest.param("# g2l: protect begin\nlog(risk)\nalert(risk)\n# g2l: protect end\n", id="markers rewritten"),
        pytest.param("b = 2\n" + REGION_FILE, id="lines moved"),
        pytest.param(None, id="file deleted"),
    ],
)
def test_ordinary_edits_of_protected_code_pass(protected: DbxRepo, staged: str | None) -> None:
    if staged is None:
        git(protected.path, "rm", "-q", "job.py")
    else:
        stage(protected, "job.py", staged)
    assert g2l(protected.path, "check", "--staged") == (0, "")


def test_deleting_one_marker_is_reported_once_as_broken_markers(protected: DbxRepo) -> None:
    stage(protected, "job.py", REGION_FILE.replace("# g2l: protect begin monitoring\n", ""))
    run = g2l(protected.path, "check", "--staged")
    assert (run.code, run.output.splitlines()) == (1, ["job.py:4: protect end without a matching begin"])


def test_staged_binary_files_and_a_first_commit_are_handled(tmp_path: Path) -> None:
    folder = tmp_path / "fresh"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    write(folder, "blob.bin", "=======\0")
    write(folder, "job.py", "=======\n")
    git(folder, "add", "-A")
    run = g2l(folder, "check", "--staged")
    assert (run.code, run.output.splitlines()) == (
        1,
        [f"job.py:1: leftover conflict marker '=======': {CONFLICT_ADVICE}, then `git add job.py` and `git commit`"],
    )


def test_staged_with_paths_checks_only_those(protected: DbxRepo) -> None:
    stage(protected, "job.py", "a = 1\nlog(risk)\nalert(risk)\nb = 2\n")
    stage(protected, "other.py", "# g2l: protect end\n")
    run = g2l(protected.path, "check", "--staged", "other.py")
    assert (run.code, run.output.splitlines()) == (1, ["other.py:1: protect end without a matching begin"])


# -- --staged: the mirror branch ----------------------------------------------------------------


def test_a_commit_on_glue_mirror_is_refused(story: Story) -> None:
    dbx = story.dbx
    git(dbx.path, "checkout", "-q", "glue-mirror")
    stage(dbx, A, dbx.read(A).replace("threshold = 0.8", "threshold = 0.7"))
    run = g2l(dbx.path, "check", "--staged")
    assert (run.code, run.output.splitlines()) == (
        1,
        [
            "glue-mirror: glue-mirror is written only by git g2l-sync: commit on your own branch, "
            "and let `git g2l-sync sync` bring Glue changes in"
        ],
    )


def test_a_hand_commit_already_on_glue_mirror_is_reported(story: Story) -> None:
    dbx = story.dbx
    git(dbx.path, "checkout", "-q", "glue-mirror")
    dbx.edit(A, "threshold = 0.8", "threshold = 0.7")
    hand = dbx.commit("Quick fix on the mirror")
    git(dbx.path, "checkout", "-q", "main")
    stage(dbx, "notes.md", "clean\n")
    run = g2l(dbx.path, "check", "--staged")
    assert (run.code, run.output.splitlines()) == (
        1,
        [
            f"glue-mirror: commit {hand[:12]} 'Quick fix on the mirror' has no G2l-Glue-Commit trailer: it was made "
            "by hand, but glue-mirror is written only by git g2l-sync; move glue-mirror back to the last commit "
            "git g2l-sync made (git branch -f)"
        ],
    )


def test_the_mirror_branch_is_read_from_the_staged_g2l_toml(tmp_path: Path) -> None:
    dbx = DbxRepo(tmp_path / "dbx")
    dbx.write("g2l.toml", '[source]\nrepo = "../glue"\n\n[target]\nmirror_branch = "upstream"\n')
    dbx.commit("Configure g2l-merge")
    git(dbx.path, "checkout", "-q", "--orphan", "upstream")
    stage(dbx, "job.py", "x = 1\n")
    run = g2l(dbx.path, "check", "--staged")
    assert (run.code, run.output.splitlines()) == (
        1,
        [
            "upstream: upstream is written only by git g2l-sync: commit on your own branch, "
            "and let `git g2l-sync sync` bring Glue changes in"
        ],
    )


def test_a_staged_g2l_toml_that_does_not_load_is_exit_2(tmp_path: Path) -> None:
    dbx = DbxRepo(tmp_path / "dbx")
    stage(dbx, "g2l.toml", '[source]\nrepo = "../glue"\ncolour = "blue"\n')
    run = g2l(dbx.path, "check", "--staged")
    assert (run.code, run.output) == (
        2,
        "git g2l-sync: g2l.toml: unknown key [source] colour; edit g2l.toml and commit it\n",
    )


def test_an_ordinary_commit_next_to_a_clean_mirror_passes(story: Story) -> None:
    stage(story.dbx, "risk_engine/monitoring.py", "# g2l: native\ndef log_risk(risk):\n    print(risk)\n")
    assert g2l(story.dbx.path, "check", "--staged") == (0, "")


# -- --staged during a merge: a hand-made `git merge glue-mirror` --------------------------------


def make_native(dbx: DbxRepo, name: str) -> None:
    """`# g2l: native` under the converted-from header, whatever the converter wrote below it."""
    header, rest = dbx.read(name).split("\n", 1)
    dbx.write(name, f"{header}\n# g2l: native\n{rest}")


def line_of(text: str, line: str) -> int:
    return text.split("\n").index(line) + 1


def glue_moves_on(story: Story, files: dict[str, str | None]) -> None:
    """Glue commits, and a sync puts the new mirror commit on glue-mirror without merging it into main."""
    story.glue.commit("Glue v2", files)
    run = g2l(story.dbx.path, "sync", "--branch", "g2l/sync-v2")
    assert run.code in (0, 1), run.output


def merge_mirror_by_hand(dbx: DbxRepo) -> None:
    """`git merge glue-mirror` in a clone: the merge driver is registered per clone, so git merges alone."""
    (dbx.path / ".git/info/attributes").unlink()
    git(dbx.path, "merge", "--no-ff", "--no-commit", "glue-mirror")


def test_merging_glue_mirror_over_a_native_file_is_refused(story: Story) -> None:
    dbx = story.dbx
    make_native(dbx, B)
    dbx.commit("process_b is ours now")
    glue_moves_on(story, {"jobs/process_b.py": JOB_A.replace("exposures", "trades").replace("0.99", "0.995")})
    merge_mirror_by_hand(dbx)
    run = g2l(dbx.path, "check", "--staged")
    assert (run.code, run.output.splitlines()) == (
        1,
        [
            f"{B}:1: this merge of glue-mirror changes a Databricks-native file: keep HEAD's version "
            f"(git checkout HEAD -- {B}), {MERGE_ADVICE}"
        ],
    )


def test_merging_glue_mirror_over_a_protect_native_glob_is_refused(story: Story) -> None:
    dbx = story.dbx
    dbx.edit("g2l.toml", "native = []", 'native = ["risk_engine/lib/**"]')
    dbx.commit("The library is ours")
    glue_moves_on(story, {"lib/collateral.py": LIB.replace("1 - rate", "1.0 - rate")})
    merge_mirror_by_hand(dbx)
    run = g2l(dbx.path, "check", "--staged")
    assert run.code == 1
    assert run.output.splitlines() == [
        f"{COLLATERAL}:1: this merge of glue-mirror changes a Databricks-native file: keep HEAD's version "
        f"(git checkout HEAD -- {COLLATERAL}), {MERGE_ADVICE}"
    ]


def test_merging_glue_mirror_into_a_protected_region_is_refused(story: Story) -> None:
    dbx = story.dbx
    dbx.edit(
        A,
        "threshold = 0.8\nhorizon_days = 10\nconfidence = 0.99\n",
        "# g2l: protect begin limits\nthreshold = 0.8\nhorizon_days = 10\nconfidence = 0.99\n"
        "# g2l: protect end limits\n",
    )
    dbx.commit("Protect the limits")
    begin = line_of(dbx.read(A), "# g2l: protect begin limits")
    glue_moves_on(story, {"jobs/process_a.py": JOB_A.replace("horizon_days = 10", "horizon_days = 20")})
    merge_mirror_by_hand(dbx)
    assert "horizon_days = 20" in dbx.read(A)  # git alone merged Glue's line into the region
    run = g2l(dbx.path, "check", "--staged")
    assert (run.code, run.output.splitlines()) == (
        1,
        [
            f"{A}:{begin}: this merge of glue-mirror changes protected region 'limits' (lines {begin}-{begin + 4} "
            "in HEAD): "
            f"keep the region as it is in HEAD, {MERGE_ADVICE}"
        ],
    )


def test_merging_glue_mirror_around_protected_code_passes(story: Story) -> None:
    dbx = story.dbx
    dbx.edit(A, "threshold = 0.8\n", "# g2l: protect begin\nthreshold = 0.8\n# g2l: protect end\n")
    make_native(dbx, B)
    dbx.commit("Protect the threshold; process_b is ours")
    glue_moves_on(
        story,
        {
            "jobs/process_a.py": JOB_A.replace("confidence = 0.99", "confidence = 0.995"),
            "lib/collateral.py": LIB.replace("1 - rate", "1.0 - rate"),
        },
    )
    merge_mirror_by_hand(dbx)
    assert "confidence = 0.995" in dbx.read(A)
    assert g2l(dbx.path, "check", "--staged") == (0, "")


def test_g2l_allow_unprotect_lets_a_merge_change_protected_code(story: Story, monkeypatch: pytest.MonkeyPatch) -> None:
    dbx = story.dbx
    make_native(dbx, B)
    dbx.commit("process_b is ours now")
    glue_moves_on(story, {"jobs/process_b.py": JOB_A.replace("exposures", "trades").replace("0.99", "0.995")})
    merge_mirror_by_hand(dbx)
    monkeypatch.setenv("G2L_ALLOW_UNPROTECT", "1")
    assert g2l(dbx.path, "check", "--staged") == (0, "")


def test_merging_another_branch_into_protected_code_passes(protected: DbxRepo) -> None:
    dbx = protected
    git(dbx.path, "checkout", "-q", "-b", "feature")
    dbx.edit("job.py", "alert(risk)", "alert(risk, level=2)")
    dbx.commit("Louder alerts")
    git(dbx.path, "checkout", "-q", "main")
    dbx.write("other.py", "x = 1\n")
    dbx.commit("Unrelated")
    git(dbx.path, "merge", "--no-ff", "--no-commit", "feature")
    assert g2l(dbx.path, "check", "--staged") == (0, "")


# -- --staged while a person resolves the conflicts `git g2l-sync sync` left ---------------------------------------

SYNC_ADVICE = "G2L_ALLOW_UNPROTECT=1 git commit lets this commit change the {}, `git merge --abort` drops the sync"


def sync_stops_in_a_protected_region(story: Story) -> int:
    """A sync whose Glue change lands inside protected region 'horizon': it stops in git's merging state. The
    region's begin line."""
    dbx = story.dbx
    dbx.edit(A, "horizon_days = 10\n", "# g2l: protect begin horizon\nhorizon_days = 10\n# g2l: protect end horizon\n")
    dbx.commit("Protect the horizon")
    story.glue.commit("Glue v2", {"jobs/process_a.py": JOB_A.replace("horizon_days = 10", "horizon_days = 20")})
    run = g2l(dbx.path, "sync")
    assert (run.code, run.output.splitlines()[-1]) == (1, f"  protected     {A} [region horizon]")
    return line_of(dbx.show("HEAD", A), "# g2l: protect begin horizon")


def test_resolving_a_sync_conflict_into_a_protected_region_says_how_to_finish_the_merge(story: Story) -> None:
    dbx = story.dbx
    begin = sync_stops_in_a_protected_region(story)
    stage(dbx, A, dbx.show("HEAD", A).replace("horizon_days = 10", "horizon_days = 20") + "\n")  # Glue's line
    run = g2l(dbx.path, "check", "--staged")
    assert (run.code, run.output.splitlines()) == (
        1,
        [
            f"{A}:{begin}: this sync's merge of glue-mirror changes protected region 'horizon' (lines {begin}-"
            f"{begin + 2} in HEAD): resolve it with the region as HEAD has it, then `git add {A}` and `git commit`; "
            + SYNC_ADVICE.format("region")
        ],
    )
    stage(dbx, A, dbx.show("HEAD", A) + "\n")
    assert g2l(dbx.path, "check", "--staged") == (0, "")


def test_committing_a_sync_conflict_with_its_markers_names_each_line_and_what_to_run(story: Story) -> None:
    dbx = story.dbx
    sync_stops_in_a_protected_region(story)
    git(dbx.path, "add", A)  # as the sync left it
    lines = dbx.read(A).split("\n")
    found = [(n, line[:7]) for n, line in enumerate(lines, start=1) if line[:7] in ("<<<<<<<", "|||||||", "=======")]
    found += [(n, line[:7]) for n, line in enumerate(lines, start=1) if line.startswith(">>>>>>>")]
    assert len(found) == 4
    then = f"then `git add {A}` and `git commit`"
    run = g2l(dbx.path, "check", "--staged")
    assert (run.code, run.output.splitlines()) == (
        1,
        [f"{A}:{n}: leftover conflict marker {marker!r}: {CONFLICT_ADVICE}, {then}" for n, marker in found],
    )


def test_changing_a_native_file_while_resolving_a_sync_says_how_to_keep_it(story: Story) -> None:
    dbx = story.dbx
    make_native(dbx, B)
    dbx.commit("process_b is ours now")
    sync_stops_in_a_protected_region(story)
    dbx.write(B, dbx.read(B).replace("0.99", "0.9"))
    git(dbx.path, "add", B)  # the conflict in A is not staged yet
    run = g2l(dbx.path, "check", "--staged")
    assert (run.code, run.output.splitlines()) == (
        1,
        [
            f"{B}:1: this sync's merge of glue-mirror changes a Databricks-native file: keep HEAD's version "
            f"(git checkout HEAD -- {B}), then `git commit`; " + SYNC_ADVICE.format("file")
        ],
    )


# -- the console script: exit codes and a fast start --------------------------------------------


def console(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *args], cwd=folder, capture_output=True, text=True, check=False)


def test_console_script_exit_codes(tmp_path: Path) -> None:
    write(tmp_path, "good.py", "x = 1\n")
    write(tmp_path, "bad.py", ">>>>>>> glue\n")
    assert (console(tmp_path, "check", "good.py").returncode, console(tmp_path, "check", "good.py").stdout) == (0, "")
    bad = console(tmp_path, "check", "good.py", "bad.py")
    assert (bad.returncode, bad.stdout) == (1, f"bad.py:1: leftover conflict marker '>>>>>>>': {CONFLICT_ADVICE}\n")
    missing = console(tmp_path, "check", "nope.py")
    assert (missing.returncode, missing.stdout, missing.stderr) == (
        2,
        "",
        "git g2l-sync: nope.py: no such file or folder\n",
    )
    assert console(tmp_path, "check", "--no-such-option").returncode == 2
    assert "Usage: git g2l-sync check [<options>] [<path>...]" in console(tmp_path, "check", "--help").stdout


PROBE = """
import sys
sys.argv = ["git-g2l-sync", *sys.argv[1:]]
from g2l_merge.entry import main
try:
    main()
except SystemExit:
    pass
heavy = sorted({name.split(".")[0] for name in sys.modules} & {"libcst", "git", "gitdb", "pydantic", "rich"})
print("heavy:", heavy)
"""


@pytest.mark.parametrize("args", [["check", A], ["check"], ["check", "--staged"]])
def test_check_imports_neither_libcst_nor_gitpython_nor_typers_dispatch(story: Story, args: list[str]) -> None:
    stage(story.dbx, "notes.md", "x\n")
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=story.dbx.path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        check=False,
    )
    assert proc.stdout.splitlines()[-1] == "heavy: []", proc.stdout + proc.stderr
