"""The hooks as teams meet them: the plain git hook and `install-hooks`, and the real pre-commit framework."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import JOB_A, DbxRepo, Story, g2l, git
from g2l_merge.hookinstall import hook_script

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SCRIPT = BIN / "git-g2l-sync"
WITH_TOOL = {"PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
BROKEN = "# g2l: protect begin monitoring\nlog(risk)\n"
LEFTOVER = "<<<<<<< main\nlog(risk)\n=======\nlog(risk, 2)\n>>>>>>> glue 9f8e7d6c5b4a\n"
CLEAN = "# g2l: protect begin monitoring\nlog(risk)\n# g2l: protect end monitoring\n"


def commit(folder: Path, message: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """A real `git commit`, hooks and all; the result is returned, not asserted."""
    return subprocess.run(
        ["git", "commit", "-q", "-m", message],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


def assert_commits_are_guarded(dbx: DbxRepo, env: dict[str, str] | None = None) -> None:
    """Broken markers and leftover conflict markers are blocked; the fixed file goes through."""
    before = dbx.rev("HEAD")
    dbx.write("jobs/monitoring.py", BROKEN)
    git(dbx.path, "add", "-A")
    blocked = commit(dbx.path, "Broken markers", env)
    assert blocked.returncode != 0
    assert "jobs/monitoring.py:1: protect begin without a matching end" in blocked.stdout + blocked.stderr
    dbx.write("jobs/monitoring.py", LEFTOVER)
    git(dbx.path, "add", "-A")
    blocked = commit(dbx.path, "Leftover conflict", env)
    assert blocked.returncode != 0
    assert "jobs/monitoring.py:1: leftover conflict marker '<<<<<<<'" in blocked.stdout + blocked.stderr
    assert dbx.rev("HEAD") == before
    dbx.write("jobs/monitoring.py", CLEAN)
    git(dbx.path, "add", "-A")
    done = commit(dbx.path, "Monitoring, protected", env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert dbx.parents("HEAD") == [before]


# -- the plain hook and install-hooks ------------------------------------------------------------


def test_shipped_hook_is_the_repositorys_hooks_pre_commit() -> None:
    assert hook_script() == (ROOT / "hooks" / "pre-commit").read_bytes()
    assert os.access(ROOT / "hooks" / "pre-commit", os.X_OK)
    assert os.access(ROOT / "g2l_merge" / "hooks" / "pre-commit", os.X_OK)
    assert subprocess.run(["sh", "-n", str(ROOT / "hooks" / "pre-commit")], check=False).returncode == 0


def hooks_of(dbx: DbxRepo) -> Path:
    return (dbx.path / ".git" / "hooks").resolve()


def test_install_hooks_installs_both_and_a_rerun_changes_nothing(tmp_path: Path) -> None:
    dbx = DbxRepo(tmp_path / "dbx")
    hooks = hooks_of(dbx)
    run = g2l(dbx.path, "install-hooks")
    assert (run.code, run.output.splitlines()) == (
        0,
        [f"pre-commit: installed {hooks}/pre-commit", f"pre-merge-commit: installed {hooks}/pre-merge-commit"],
    )
    for name in ("pre-commit", "pre-merge-commit"):
        assert (hooks / name).read_bytes() == hook_script()
        assert os.access(hooks / name, os.X_OK)
    again = g2l(dbx.path, "install-hooks")
    assert (again.code, again.output.splitlines()) == (
        0,
        [
            f"pre-commit: already installed and up to date ({hooks}/pre-commit)",
            f"pre-merge-commit: already installed and up to date ({hooks}/pre-merge-commit)",
        ],
    )
    assert sorted(p.name for p in hooks.iterdir() if not p.name.endswith(".sample")) == [
        "pre-commit",
        "pre-merge-commit",
    ]


def test_install_hooks_updates_its_own_older_hook(tmp_path: Path) -> None:
    dbx = DbxRepo(tmp_path / "dbx")
    hooks = hooks_of(dbx)
    g2l(dbx.path, "install-hooks")
    (hooks / "pre-commit").write_bytes(hook_script().replace(b"exec git-g2l-sync", b"exec old-g2l-sync"))
    run = g2l(dbx.path, "install-hooks")
    assert run.output.splitlines()[0] == f"pre-commit: updated {hooks}/pre-commit"
    assert (hooks / "pre-commit").read_bytes() == hook_script()


def test_installed_plain_hook_blocks_bad_commits(tmp_path: Path) -> None:
    dbx = DbxRepo(tmp_path / "dbx")
    assert g2l(dbx.path, "install-hooks").code == 0
    assert_commits_are_guarded(dbx, WITH_TOOL)


def test_plain_hook_falls_back_to_python3_and_says_when_the_tool_is_missing(tmp_path: Path) -> None:
    dbx = DbxRepo(tmp_path / "dbx")
    g2l(dbx.path, "install-hooks")
    only_python = tmp_path / "only-python"
    only_python.mkdir()
    (only_python / "python3").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')  # the venv's python
    (only_python / "python3").chmod(0o755)
    system = os.pathsep.join(str(Path(shutil.which(tool) or "/usr/bin").parent) for tool in ("git", "sh"))
    dbx.write("jobs/monitoring.py", BROKEN)
    git(dbx.path, "add", "-A")
    blocked = commit(dbx.path, "Broken", {"PATH": f"{only_python}{os.pathsep}{system}"})
    assert (blocked.returncode, blocked.stderr) == (1, "jobs/monitoring.py:1: protect begin without a matching end\n")
    missing = commit(dbx.path, "Broken", {"PATH": system})
    assert missing.returncode == 1
    assert "g2l-merge pre-commit hook: git-g2l-sync is not on PATH" in missing.stderr


def foreign_hook(path: Path, log: Path, fails: Path) -> None:
    path.write_text(f'#!/bin/sh\necho "team hook ran" >> "{log}"\n[ ! -e "{fails}" ]\n')
    path.chmod(0o755)


def test_install_hooks_chains_a_foreign_hook_which_runs_first(tmp_path: Path) -> None:
    dbx = DbxRepo(tmp_path / "dbx")
    hooks = hooks_of(dbx)
    log, fails = tmp_path / "team-hook.log", tmp_path / "team-hook-fails"
    foreign_hook(hooks / "pre-commit", log, fails)
    team_hook = (hooks / "pre-commit").read_bytes()
    run = g2l(dbx.path, "install-hooks")
    assert (run.code, run.output.splitlines()) == (
        0,
        [
            f"pre-commit: installed {hooks}/pre-commit; the hook that was there is kept as "
            "pre-commit.g2l-chained and runs first",
            f"pre-merge-commit: installed {hooks}/pre-merge-commit",
        ],
    )
    assert (hooks / "pre-commit.g2l-chained").read_bytes() == team_hook
    assert g2l(dbx.path, "install-hooks").output.splitlines()[0].startswith("pre-commit: already installed")
    assert_commits_are_guarded(dbx, WITH_TOOL)
    assert log.read_text() == "team hook ran\n" * 3
    fails.touch()
    dbx.write("notes.md", "clean\n")
    git(dbx.path, "add", "-A")
    assert commit(dbx.path, "Team hook says no", WITH_TOOL).returncode == 1
    assert log.read_text() == "team hook ran\n" * 4


def test_install_hooks_refuses_to_chain_over_an_earlier_chained_hook(tmp_path: Path) -> None:
    dbx = DbxRepo(tmp_path / "dbx")
    hooks = hooks_of(dbx)
    foreign_hook(hooks / "pre-commit", tmp_path / "log", tmp_path / "fails")
    (hooks / "pre-commit.g2l-chained").write_text("#!/bin/sh\n")
    run = g2l(dbx.path, "install-hooks")
    assert run.code == 3
    assert "pre-commit is not g2l-merge's hook and pre-commit.g2l-chained already exists" in run.output
    assert not (hooks / "pre-merge-commit").exists()


def test_install_hooks_follows_core_hooks_path(tmp_path: Path) -> None:
    dbx = DbxRepo(tmp_path / "dbx")
    git(dbx.path, "config", "core.hooksPath", ".githooks")
    run = g2l(dbx.path, "install-hooks")
    assert run.code == 0
    assert (dbx.path / ".githooks" / "pre-merge-commit").read_bytes() == hook_script()
    assert_commits_are_guarded(dbx, WITH_TOOL)


def make_native(dbx: DbxRepo, name: str) -> None:
    """`# g2l: native` under the converted-from header, whatever the converter wrote below it."""
    header, rest = dbx.read(name).split("\n", 1)
    dbx.write(name, f"{header}\n# g2l: native\n{rest}")


def test_installed_hook_refuses_a_hand_made_merge_of_glue_mirror_over_a_native_file(story: Story) -> None:
    dbx = story.dbx
    b = "risk_engine/jobs/process_b.py"
    make_native(dbx, b)
    dbx.commit("process_b is ours now")
    story.glue.commit("Glue v2", {"jobs/process_b.py": JOB_A.replace("exposures", "trades").replace("0.99", "0.9")})
    assert g2l(dbx.path, "sync", "--branch", "g2l/sync-v2").code in (0, 1)
    (dbx.path / ".git/info/attributes").unlink()  # a clone: the merge driver is registered per clone
    assert g2l(dbx.path, "install-hooks").code == 0
    merge = subprocess.run(
        ["git", "merge", "--no-ff", "-m", "Merge glue-mirror by hand", "glue-mirror"],
        cwd=dbx.path,
        capture_output=True,
        text=True,
        env={**os.environ, **WITH_TOOL},
        check=False,
    )
    assert merge.returncode != 0
    assert f"{b}:1: this merge of glue-mirror changes a Databricks-native file" in merge.stdout + merge.stderr
    assert len(dbx.parents("HEAD")) == 1


# -- the pre-commit framework ----------------------------------------------------------------------


@pytest.fixture
def pre_commit_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "pre-commit-home"
    monkeypatch.setenv("PRE_COMMIT_HOME", str(home))
    return home


def framework(folder: Path, *args: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=folder, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def use_framework(dbx: DbxRepo, config: str) -> None:
    dbx.write(".pre-commit-config.yaml", config)
    dbx.commit("Use pre-commit")
    framework(dbx.path, "install", "--hook-type", "pre-commit", "--hook-type", "pre-merge-commit")


LOCAL_CONFIG = f"""repos:
  - repo: local
    hooks:
      - id: g2l-check
        name: g2l-merge check
        language: system
        entry: {SCRIPT} check
        args: [--staged]
        pass_filenames: false
        always_run: true
        stages: [pre-commit, pre-merge-commit]
"""


@pytest.mark.slow
def test_pre_commit_framework_runs_a_local_hook(tmp_path: Path, pre_commit_home: Path) -> None:
    dbx = DbxRepo(tmp_path / "dbx")
    use_framework(dbx, LOCAL_CONFIG)
    assert_commits_are_guarded(dbx)


@pytest.mark.slow
def test_pre_commit_framework_refuses_a_hand_made_merge_of_glue_mirror(story: Story, pre_commit_home: Path) -> None:
    dbx = story.dbx
    a = "risk_engine/jobs/process_a.py"
    dbx.edit(
        a,
        "threshold = 0.8\nhorizon_days = 10\nconfidence = 0.99\n",
        "# g2l: protect begin\nthreshold = 0.8\nhorizon_days = 10\nconfidence = 0.99\n# g2l: protect end\n",
    )
    dbx.commit("Protect the horizon")
    begin = dbx.read(a).split("\n").index("# g2l: protect begin") + 1
    story.glue.commit("Glue v2", {"jobs/process_a.py": JOB_A.replace("horizon_days = 10", "horizon_days = 20")})
    assert g2l(dbx.path, "sync", "--branch", "g2l/sync-v2").code in (0, 1)
    (dbx.path / ".git/info/attributes").unlink()  # a clone: the merge driver is registered per clone
    use_framework(dbx, LOCAL_CONFIG)
    merge = subprocess.run(
        ["git", "merge", "--no-ff", "-m", "Merge glue-mirror by hand", "glue-mirror"],
        cwd=dbx.path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert merge.returncode != 0
    assert (
        f"{a}:{begin}: this merge of glue-mirror changes a protected region (lines {begin}-{begin + 4} in HEAD)"
        in merge.stdout + merge.stderr
    )


@pytest.mark.slow
def test_pre_commit_framework_tells_a_person_resolving_a_sync_how_to_finish_it(
    story: Story, pre_commit_home: Path
) -> None:
    """While a person resolves a sync's conflict, the hook's advice is to finish that merge, not to run a sync."""
    dbx = story.dbx
    a = "risk_engine/jobs/process_a.py"
    dbx.edit(a, "horizon_days = 10\n", "# g2l: protect begin horizon\nhorizon_days = 10\n# g2l: protect end horizon\n")
    dbx.commit("Protect the horizon")
    use_framework(dbx, LOCAL_CONFIG)
    tip, ours = dbx.rev("HEAD"), dbx.show("HEAD", a) + "\n"
    begin = ours.split("\n").index("# g2l: protect begin horizon") + 1
    story.glue.commit("Glue v2", {"jobs/process_a.py": JOB_A.replace("horizon_days = 10", "horizon_days = 20")})
    assert g2l(dbx.path, "sync").code == 1
    dbx.write(a, ours.replace("horizon_days = 10", "horizon_days = 20"))  # Glue's line, inside the region
    git(dbx.path, "add", a)
    blocked = subprocess.run(["git", "commit", "--no-edit"], cwd=dbx.path, capture_output=True, text=True, check=False)
    assert blocked.returncode != 0
    assert (
        f"{a}:{begin}: this sync's merge of glue-mirror changes protected region 'horizon' (lines {begin}-"
        f"{begin + 2} in HEAD): resolve it with the region as HEAD has it, then `git add {a}` and `git commit`; "
        "G2L_ALLOW_UNPROTECT=1 git commit lets this commit change the region, `git merge --abort` drops the sync\n"
    ) in blocked.stdout + blocked.stderr
    assert "git g2l-sync sync` instead" not in blocked.stdout + blocked.stderr
    assert dbx.rev("HEAD") == tip
    dbx.write(a, ours)
    git(dbx.path, "add", a)
    done = subprocess.run(["git", "commit", "--no-edit"], cwd=dbx.path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert dbx.parents("HEAD") == [tip, dbx.rev("glue-mirror")]


def snapshot_of_this_project(folder: Path) -> str:
    """A git repository holding this checkout's current files (committed or not): what `repo:` installs."""
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, folder / name)
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "--no-verify", "-m", "g2l-merge snapshot")
    return git(folder, "rev-parse", "HEAD")


@pytest.mark.slow
def test_pre_commit_framework_installs_the_published_hook(tmp_path: Path, pre_commit_home: Path) -> None:
    project = tmp_path / "g2l-merge"
    rev = snapshot_of_this_project(project)
    dbx = DbxRepo(tmp_path / "dbx")
    use_framework(dbx, f"repos:\n  - repo: {project}\n    rev: {rev}\n    hooks:\n      - id: g2l-check\n")
    assert_commits_are_guarded(dbx)
