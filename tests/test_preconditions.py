"""Repositories a sync must not start in: each refusal with its exact message and exit code, nothing changed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import DbxRepo, Story, g2l, git


def state(dbx: DbxRepo) -> tuple[dict[str, str], str]:
    return dbx.refs(), git(dbx.path, "status", "--porcelain", "--untracked-files=all")


def test_bare_repository_without_branch_is_bad_input(story: Story, tmp_path: Path) -> None:
    bare = tmp_path / "bare.git"
    git(tmp_path, "clone", "-q", "--bare", str(story.dbx.path), str(bare))
    run = g2l(bare, "sync")
    assert (run.code, run.output) == (
        2,
        "git g2l-sync: this is a bare repository: use --branch NAME to sync without the work tree\n",
    )


def start_a_conflicting_merge(dbx: DbxRepo) -> None:
    """Leave `git merge side` stopped on a conflict in README.md."""
    git(dbx.path, "checkout", "-q", "-b", "side")
    dbx.write("README.md", "side\n")
    dbx.commit("side")
    git(dbx.path, "checkout", "-q", "main")
    dbx.write("README.md", "main\n")
    dbx.commit("main")
    subprocess.run(["git", "merge", "-q", "side"], cwd=dbx.path, capture_output=True, check=False)


def test_merge_in_progress_is_refused(story: Story) -> None:
    dbx = story.dbx
    start_a_conflicting_merge(dbx)
    before = state(dbx)
    run = g2l(dbx.path, "sync")
    assert (run.code, run.output) == (
        3,
        "git g2l-sync: a merge is in progress; finish it with `git commit` or `git merge --abort`, then retry\n",
    )
    assert state(dbx) == before


def test_detached_head_is_bad_input(story: Story) -> None:
    dbx = story.dbx
    git(dbx.path, "checkout", "-q", "--detach")
    run = g2l(dbx.path, "sync")
    assert (run.code, run.output) == (
        2,
        "git g2l-sync: HEAD is detached: check out the branch the Databricks team works on (git switch main), "
        "then run sync, "
        "or use --branch NAME to sync without the work tree\n",
    )


def test_branch_without_config_is_bad_input(story: Story) -> None:
    dbx = story.dbx
    git(dbx.path, "checkout", "-q", "--orphan", "empty")
    git(dbx.path, "rm", "-rq", "--cached", ".")
    git(dbx.path, "clean", "-qfd")
    dbx.write("x.txt", "x\n")
    dbx.commit("unrelated")
    git(dbx.path, "branch", "-D", "-q", "main")  # no branch has a g2l.toml (test_where_head_is: one that does)
    run = g2l(dbx.path, "sync")
    assert (run.code, run.output) == (
        2,
        "git g2l-sync: g2l.toml: not found on branch 'empty'; run `git g2l-sync init --glue PATH` first\n",
    )


def test_repository_without_commits_is_bad_input_in_branch_mode(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    run = g2l(tmp_path, "sync", "--branch", "g2l/x")
    assert (run.code, run.output) == (
        2,
        "git g2l-sync: this repository has no commits yet: run `git g2l-sync init` first\n",
    )


def test_target_branch_missing_is_bad_input_naming_the_key(story: Story) -> None:
    dbx = story.dbx
    dbx.edit("g2l.toml", 'branch = "main"', 'branch = "release"')
    dbx.commit("point the config at a branch that does not exist")
    run = g2l(dbx.path, "sync", "--branch", "g2l/x")
    assert (run.code, run.output) == (
        2,
        "git g2l-sync: g2l.toml: [target] branch 'release' does not exist in this repository\n",
    )


@pytest.mark.parametrize("name", ["bad..name", "-D", "with space", "ends/"])
def test_invalid_branch_name_is_bad_input(story: Story, name: str) -> None:
    before = state(story.dbx)
    run = g2l(story.dbx.path, "sync", f"--branch={name}")
    assert run.code == 2
    assert run.output.startswith(f"git g2l-sync: --branch {name!r} is not a valid branch name: ")
    assert len(run.output.splitlines()) == 1
    assert state(story.dbx) == before


def test_missing_identity_is_bad_input_but_a_dry_run_still_works(story: Story, monkeypatch: pytest.MonkeyPatch) -> None:
    dbx, glue = story
    glue.commit("Glue: new job", {"jobs/process_c.py": "c = 1\n"})
    for key in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"):
        monkeypatch.delenv(key, raising=False)
    git(dbx.path, "config", "user.useConfigOnly", "true")
    before = state(dbx)
    run = g2l(dbx.path, "sync")
    assert (run.code, run.output) == (
        2,
        "git g2l-sync: git does not know who you are: set user.name and user.email (git config) and retry\n",
    )
    assert state(dbx) == before
    assert g2l(dbx.path, "sync", "--dry-run").code == 0


# -- init's own preconditions -------------------------------------------------------------------------------------


def test_init_refuses_what_sync_refuses(tmp_path: Path) -> None:
    glue = tmp_path / "glue"
    glue.mkdir()
    git(glue, "init", "-q", "-b", "main")
    (glue / "a.py").write_text("a = 1\n")
    git(glue, "add", "a.py")
    git(glue, "commit", "-q", "-m", "Glue v1")
    dbx = DbxRepo(tmp_path / "dbx")
    bare = tmp_path / "bare.git"
    git(tmp_path, "clone", "-q", "--bare", str(dbx.path), str(bare))
    assert g2l(bare, "init", "--glue", "../glue").output == (
        "git g2l-sync: this is a bare repository: run init in a clone with a work tree\n"
    )
    git(dbx.path, "checkout", "-q", "--detach")
    assert g2l(dbx.path, "init", "--glue", "../glue").output == (
        "git g2l-sync: HEAD is detached: check out the branch the Databricks team works on (git switch BRANCH), "
        "then run init\n"
    )
    git(dbx.path, "checkout", "-q", "main")
    dbx.write("README.md", "edited\n")
    run = g2l(dbx.path, "init", "--glue", "../glue")
    assert (run.code, run.output) == (
        3,
        "git g2l-sync: The work tree has uncommitted changes (README.md); init cannot continue. "
        "Commit them (`git commit -a`) or stash them (`git stash`), then rerun `git g2l-sync init`.\n",
    )
    git(dbx.path, "checkout", "--", "README.md")
    assert not (dbx.path / "g2l.toml").exists()
    assert "refs/heads/glue-mirror" not in dbx.refs()


@pytest.mark.parametrize("state_name", ["merge in progress", "detached HEAD", "uncommitted changes"])
def test_init_and_sync_refuse_each_state_with_the_same_words(tmp_path: Path, state_name: str) -> None:
    """One precondition check: init and sync differ only in the command's name and sync's --branch way out."""
    dbx = DbxRepo(tmp_path / "dbx")
    dbx.write("g2l.toml", '[source]\nrepo = "../glue"\n')
    dbx.commit("a config, so sync gets as far as its preconditions")
    if state_name == "merge in progress":
        start_a_conflicting_merge(dbx)
    elif state_name == "detached HEAD":
        git(dbx.path, "checkout", "-q", "--detach")
    else:
        for number in range(5):
            dbx.write(f"notes/{number}.md", "draft\n")
            git(dbx.path, "add", f"notes/{number}.md")
    before = state(dbx)
    from_init, from_sync = g2l(dbx.path, "init", "--glue", "../glue"), g2l(dbx.path, "sync")
    assert state(dbx) == before
    assert from_init.code == from_sync.code == (2 if state_name == "detached HEAD" else 3)
    way_out = ", or use --branch NAME to sync without the work tree"
    assert from_sync.output.replace(way_out, "").replace(" sync", " init") == from_init.output
    assert way_out in from_sync.output or state_name == "merge in progress"
    if state_name == "uncommitted changes":
        assert "(notes/0.md, notes/1.md, notes/2.md and 2 more); init cannot continue." in from_init.output


UNREADABLE = "not a git repository, an s3:// URL or a folder; pass the path or URL of the Glue repository"


def test_init_names_its_glue_option_when_the_glue_repository_cannot_be_read(tmp_path: Path) -> None:
    dbx = DbxRepo(tmp_path / "dbx")
    before = state(dbx)
    for value in ("../nowhere", str(tmp_path / "nowhere")):
        for more in ([], ["--glue-ref", "main"]):  # the HEAD branch read, or the ref's
            run = g2l(dbx.path, "init", "--glue", value, *more)
            assert (run.code, run.output) == (2, f"git g2l-sync: --glue {value}: {UNREADABLE}\n")
    assert state(dbx) == before
    assert not (dbx.path / "g2l.toml").exists()


def test_sync_names_glue_or_g2l_toml_as_where_the_unreadable_glue_repository_came_from(story: Story) -> None:
    dbx = story.dbx
    run = g2l(dbx.path, "sync", "--glue", "../nowhere")
    assert (run.code, run.output) == (2, f"git g2l-sync: --glue ../nowhere: {UNREADABLE}\n")
    dbx.edit("g2l.toml", 'repo = "../glue-risk-engine"', 'repo = "../nowhere"')
    dbx.commit("point g2l.toml at a Glue repository that is not there")
    before = state(dbx)
    run = g2l(dbx.path, "sync")
    nowhere = (dbx.path.parent / "nowhere").resolve()
    assert (run.code, run.output) == (
        2,
        f"git g2l-sync: cannot read Glue repository {nowhere}: check [source] repo in g2l.toml\n",
    )
    assert state(dbx) == before


def test_init_without_glue_ref_needs_a_glue_head_on_a_branch_with_commits(tmp_path: Path) -> None:
    glue = tmp_path / "glue"
    glue.mkdir()
    git(glue, "init", "-q", "-b", "main")
    dbx = DbxRepo(tmp_path / "dbx")
    before = state(dbx)
    for more in ([], ["--glue-ref", "main"]):
        run = g2l(dbx.path, "init", "--glue", "../glue", *more)
        assert (run.code, run.output) == (
            2,
            "git g2l-sync: --glue ../glue: the Glue repository has no commits yet; commit the Glue scripts to it, "
            "then rerun\n",
        )
    (glue / "a.py").write_text("a = 1\n")
    git(glue, "add", "a.py")
    git(glue, "commit", "-q", "-m", "Glue v1")
    git(glue, "checkout", "-q", "--detach")
    run = g2l(dbx.path, "init", "--glue", "../glue")
    assert (run.code, run.output) == (
        2,
        "git g2l-sync: --glue ../glue: the Glue repository's HEAD is detached, so init cannot tell which branch to "
        "follow; pass --glue-ref BRANCH (its branches: main)\n",
    )
    git(glue, "symbolic-ref", "HEAD", "refs/heads/unborn")
    run = g2l(dbx.path, "init", "--glue", "../glue")
    assert (run.code, run.output) == (
        2,
        "git g2l-sync: --glue ../glue: the Glue repository's HEAD names a branch with no commits, so init cannot "
        "tell which branch to follow; pass --glue-ref BRANCH (its branches: main)\n",
    )
    assert state(dbx) == before
    assert g2l(dbx.path, "init", "--glue", "../glue", "--glue-ref", "main").code == 0  # the way out given works


def test_init_names_the_glue_ref_or_adopt_value_the_glue_repository_lacks(tmp_path: Path) -> None:
    glue = tmp_path / "glue"
    glue.mkdir()
    git(glue, "init", "-q", "-b", "main")
    git(glue, "commit", "-q", "--allow-empty", "-m", "Glue v1")
    dbx = DbxRepo(tmp_path / "dbx")
    before = state(dbx)
    for option, value in (("--glue-ref", "release-9"), ("--adopt", "release-9")):
        run = g2l(dbx.path, "init", "--glue", "../glue", option, value)
        assert (run.code, run.output) == (
            2,
            f"git g2l-sync: {option} 'release-9': Glue repository {glue} has no branch or tag of that name; "
            f"pass {option} one of them (its branches: main)\n",
        )
    run = g2l(dbx.path, "init", "--glue", "../glue", "--adopt", "abcdef1")
    assert (run.code, run.output) == (
        2,
        f"git g2l-sync: --adopt 'abcdef1': Glue repository {glue} has no such commit; pass --adopt a commit of its "
        f"history (git -C {glue} log --oneline)\n",
    )
    assert state(dbx) == before
    assert not (dbx.path / "g2l.toml").exists()


def test_sync_on_a_branch_without_commits_says_to_run_init(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    run = g2l(tmp_path, "sync")
    assert (run.code, run.output) == (
        2,
        "git g2l-sync: this repository has no commits yet: run `git g2l-sync init` first\n",
    )


# -- protect: wraps exactly the lines asked for, or says why not ---------------------------------------------------


def test_protect_wraps_the_lines_indented_like_the_first_one(story: Story) -> None:
    dbx = story.dbx
    path = "risk_engine/lib/collateral.py"
    run = g2l(dbx.path, "protect", path, "--lines", "3-4", "--name", "haircut")
    assert (run.code, run.output) == (0, f"{path}: lines 3-4 protected as 'haircut' (commit it to take effect)\n")
    assert dbx.read(path) == (
        "# g2l: converted from lib/collateral.py\n"
        "def haircut(value, rate):\n"
        "    # g2l: protect begin haircut\n"
        '    """Collateral value after the haircut."""\n'
        "    return value * (1 - rate)\n"
        "    # g2l: protect end haircut\n"
        "\n\n"
        "def netting_set(rows):\n"
        '    return sorted(rows, key=lambda row: row["counterparty_id"])\n'
    )
    assert g2l(dbx.path, "check", path).code == 0


@pytest.mark.parametrize(
    ("lines", "name", "message"),
    [
        ("0-2", None, "--lines '0-2': expected A-B with 1 <= A <= B, e.g. --lines 100-150"),
        ("5-2", None, "--lines '5-2': expected A-B with 1 <= A <= B, e.g. --lines 100-150"),
        ("x", None, "--lines 'x': expected A-B with 1 <= A <= B, e.g. --lines 100-150"),
        ("8-40", None, "risk_engine/lib/collateral.py: lines 8-40 are outside the file (it has 10 lines)"),
        ("4-5", None, "risk_engine/lib/collateral.py: lines 4-5 overlap the protected region on lines 3-6"),
        (
            "8-9",
            "haircut",
            "risk_engine/lib/collateral.py: a protected region named 'haircut' already exists on line 3",
        ),
    ],
)
def test_protect_refuses_with_the_reason(story: Story, lines: str, name: str | None, message: str) -> None:
    dbx = story.dbx
    path = "risk_engine/lib/collateral.py"
    assert g2l(dbx.path, "protect", path, "--lines", "3-4", "--name", "haircut").code == 0
    before = dbx.read(path)
    run = g2l(dbx.path, "protect", path, "--lines", lines, *(["--name", name] if name else []))
    assert (run.code, run.output) == (2, f"git g2l-sync: {message}\n")
    assert dbx.read(path) == before


def test_protect_refuses_a_file_whose_markers_are_broken(story: Story) -> None:
    dbx = story.dbx
    path = "risk_engine/lib/collateral.py"
    dbx.edit(path, "def netting_set", "# g2l: protect end\ndef netting_set")
    before = dbx.read(path)
    run = g2l(dbx.path, "protect", path, "--lines", "2-3")
    assert (run.code, run.output) == (
        2,
        f"git g2l-sync: {path}: line 7: protect end without a matching begin; fix the markers first\n",
    )
    assert dbx.read(path) == before
    assert g2l(dbx.path, "protect", "risk_engine/none.py", "--lines", "1-2").output == (
        "git g2l-sync: risk_engine/none.py: no such file\n"
    )


# -- status, log and the Glue side: what they cannot read ------------------------------------------------------------


def test_status_needs_commits_and_the_configured_branch(story: Story, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    git(empty, "init", "-q", "-b", "main")
    assert g2l(empty, "status").output == (
        "git g2l-sync: this repository has no commits yet: run `git g2l-sync init` first\n"
    )
    bare = tmp_path / "bare.git"
    git(tmp_path, "clone", "-q", "--bare", str(story.dbx.path), str(bare))
    git(bare, "symbolic-ref", "HEAD", "refs/heads/main")
    git(bare, "branch", "-m", "main", "trunk")
    git(bare, "symbolic-ref", "HEAD", "refs/heads/trunk")
    run = g2l(bare, "log")
    assert (run.code, run.output) == (
        2,
        "git g2l-sync: g2l.toml: [target] branch 'main' does not exist in this repository\n",
    )


def test_glue_refs_that_do_not_exist_are_named(story: Story) -> None:
    dbx = story.dbx
    before = state(dbx)
    run = g2l(dbx.path, "sync", "--glue-ref", "release-9")
    assert (run.code, run.output) == (
        2,
        f"git g2l-sync: --glue-ref 'release-9': Glue repository {story.glue.path} has no branch or tag of that "
        "name; pass --glue-ref one of them (its branches: main)\n",
    )
    run = g2l(dbx.path, "sync", "--glue-ref", "abcdef1")
    assert (run.code, run.output) == (
        2,
        f"git g2l-sync: --glue-ref 'abcdef1': Glue repository {story.glue.path} has no such commit; pass "
        f"--glue-ref a commit of its history (git -C {story.glue.path} log --oneline)\n",
    )
    assert state(dbx) == before
    dbx.edit("g2l.toml", 'ref = "main"', 'ref = "abcdef1"')
    dbx.commit("a short commit id Glue does not have")
    run = g2l(dbx.path, "sync")
    assert (run.code, run.output) == (
        2,
        f"git g2l-sync: g2l.toml: [source] ref 'abcdef1': Glue repository {story.glue.path} has no such commit; set "
        f"it to a commit of its history (git -C {story.glue.path} log --oneline)\n",
    )
    dbx.edit("g2l.toml", 'ref = "abcdef1"', 'ref = "main"')
    dbx.commit("back to main")
    before = state(dbx)
    git(story.glue.path, "branch", "-m", "main", "trunk")  # [source] ref = "main" in g2l.toml: Glue renamed it
    run = g2l(dbx.path, "sync")
    assert (run.code, run.output) == (
        2,
        f"git g2l-sync: Glue repository {story.glue.path} has no branch or tag 'main': check [source] ref in "
        "g2l.toml (its branches: trunk)\n",
    )
    assert state(dbx) == before
