"""`status` reads native files and protected regions from `git grep` candidates only: the answer must be exactly
the one every file's parse gives (the oracle below is how status read them before), wherever markers hide."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import g2l_merge
from conftest import JOB_A, Story, g2l, git
from g2l_merge import git as g2l_git
from g2l_merge import history, markers
from g2l_merge.config import load_bytes
from g2l_merge.owners import ownership

A = "risk_engine/jobs/process_a.py"


def every_file(repo: g2l_git.Repo, tip: str, globs: tuple[str, ...]) -> tuple[list[str], list[history.RegionInfo]]:
    """The oracle: every regular file of the tip read and asked `ownership()`."""
    native, regions = [], []
    for path, entry in sorted(g2l_git.ls_tree(repo, tip).items()):
        if entry.mode not in ("100644", "100755"):
            continue
        data = g2l_git.read_blob(repo, entry.sha)
        owner = ownership(path, None if markers.is_binary(data) else data, globs)
        if owner.native:
            native.append(path)
        regions.extend(history.RegionInfo(path, r.name, r.start, r.end) for r in owner.regions)
    return native, regions


def constraints(
    folder: Path,
) -> tuple[tuple[list[str], list[history.RegionInfo]], tuple[list[str], list[history.RegionInfo]]]:
    """(what status finds, what the oracle finds) at HEAD of the repository in `folder`."""
    repo = g2l_git.open_repo(folder)
    try:
        tip = g2l_git.rev_parse(repo, "HEAD")
        assert tip is not None
        config = load_bytes(g2l_git.show_file(repo, tip, "g2l.toml") or b"")
        native, regions = history._constraints(repo, config, tip)
        return (list(native), list(regions)), every_file(repo, tip, config.protect.native)
    finally:
        g2l_git.close(repo)


def add_blob(folder: Path, path: bytes, data: bytes, mode: str = "100644") -> None:
    """Stage a file by its raw path bytes (names a file system may refuse, such as a newline or non-UTF-8)."""
    sha = subprocess.run(
        ["git", "hash-object", "-w", "--stdin"], cwd=folder, input=data, capture_output=True, check=True
    ).stdout.strip()
    record = mode.encode() + b" " + sha + b"\t" + path + b"\0"
    subprocess.run(["git", "update-index", "-z", "--index-info"], cwd=folder, input=record, check=True)


REGION = "# g2l: protect begin {name}\nkept = 1\n# g2l: protect end {name}\n"


def test_markers_in_odd_places_give_exactly_what_parsing_every_file_gives(story: Story) -> None:
    dbx, _glue = story
    config = dbx.read("g2l.toml").replace("native = []", 'native = ["data/*.json", "links/*", "tools/**"]')
    dbx.write("g2l.toml", config)
    dbx.write("notes/readme.txt", "intro\n" + REGION.format(name="txt"))  # any file's markers count, not only .py
    dbx.write("data/settings.json", '{"engine": "native", "protect": true}\n')  # a glob, and marker words
    dbx.write("data/plain.json", "{}\n")  # native by the glob alone: no marker text in it
    dbx.write("risk_engine/jobs/broken.py", "# g2l: protect begin lost\ny = 1\n")  # no end: no region
    dbx.write("risk_engine/jobs/nested.py", REGION.format(name="a").replace("kept = 1\n", REGION.format(name="b")))
    dbx.write(
        "risk_engine/jobs/legacy.py",
        "# SOURCE: DATABRICKS_NATIVE\nx = 1\n# PROTECTED: START old\ny = 2\n# PROTECTED: END old\n",
    )
    dbx.write("risk_engine/jobs/late.py", "a = 1\n" * 6 + "# g2l: native\n")  # below line 5: not native
    dbx.write("risk_engine/jobs/words.py", "# the protected words: native, PROTECTED:, g2l:\n")
    dbx.write(
        "risk_engine/jobs/spaced.py", "  #\tg2l:native\n#g2l:protect   begin   s \nz = 3\n  # g2l:protect end s\n"
    )
    (dbx.path / "risk_engine/jobs/bom.py").write_bytes("\ufeff# g2l: native\nb = 1\n".encode())
    (dbx.path / "risk_engine/jobs/crlf.py").write_bytes(REGION.format(name="w").replace("\n", "\r\n").encode())
    (dbx.path / "risk_engine/jobs/latin1.py").write_bytes(b"# caf\xe9\n" + REGION.format(name="l").encode())
    (dbx.path / "assets").mkdir()
    (dbx.path / "assets/image.bin").write_bytes(b"\x89PNG\0\0" + REGION.format(name="bin").encode())  # binary
    (dbx.path / "assets/late_nul.txt").write_bytes(REGION.format(name="t").encode() + b"x" * 9000 + b"\0")
    (dbx.path / "links").mkdir()
    (dbx.path / "links/to_marker").symlink_to("# g2l: native")  # a symlink is never a native file
    (dbx.path / "tools").mkdir()
    (dbx.path / "tools/run.sh").write_text("#!/bin/sh\n" + REGION.format(name="sh"))
    (dbx.path / "tools/run.sh").chmod(0o755)
    dbx.commit("Databricks markers in odd places")
    add_blob(dbx.path, b"odd/line\nbreak.py", REGION.format(name="nl").encode())
    add_blob(dbx.path, b"odd/caf\xe9.py", REGION.format(name="bytes").encode())
    add_blob(dbx.path, b"odd/:colon and space.py", b"# g2l: native\n")
    add_blob(dbx.path, b"odd/HEAD:x.py", REGION.format(name="colon").encode())
    submodule = dbx.rev("HEAD")  # a gitlink entry: never read
    git(dbx.path, "update-index", "--add", "--cacheinfo", f"160000,{submodule},odd/native_submodule")
    git(dbx.path, "commit", "-q", "-m", "Databricks odd names")
    found, oracle = constraints(dbx.path)
    assert found == oracle
    native, regions = found
    assert "data/plain.json" in native and "risk_engine/jobs/bom.py" in native and "tools/run.sh" in native
    assert "odd/:colon and space.py" in native and "risk_engine/jobs/legacy.py" in native
    assert "links/to_marker" not in native and "risk_engine/jobs/late.py" not in native
    named = {region.name for region in regions}
    assert {"txt", "old", "w", "l", "t", "sh", "nl", "bytes", "colon", "s"} <= named
    assert not {"lost", "a", "b", "bin"} & named


def test_status_json_and_text_show_the_regions_of_every_file(story: Story) -> None:
    """Through the command, with the merged mirror commits found by one rev-list."""
    dbx, glue = story
    dbx.edit(A, "threshold = 0.8\n", "# g2l: protect begin uc\nthreshold = 0.8\n# g2l: protect end uc\n")
    dbx.write("docs/notes.md", "# g2l: protect begin md\ntext\n# g2l: protect end md\n")
    dbx.commit("Databricks regions")
    glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    assert g2l(dbx.path, "sync").code == 0
    glue.commit("Glue d", {"jobs/d.py": "d = 1\n"})
    assert g2l(dbx.path, "sync", "--branch", "g2l/pending").code == 0
    status = json.loads(g2l(dbx.path, "status", "--json", "--offline").output)
    assert status["protected_regions"] == [
        {"path": "docs/notes.md", "name": "md", "start": 1, "end": 3},
        {"path": A, "name": "uc", "start": 14, "end": 16},
    ]
    assert [c["glue_subject"] for c in status["unmerged_mirror_commits"]] == ["Glue d"]
    assert status["last_synced_glue_commit"] == git(glue.path, "rev-parse", "HEAD~1")
    text = g2l(dbx.path, "status", "--offline").output
    assert f"Protected: docs/notes.md:1-3 (md)\nProtected: {A}:14-16 (uc)\n" in text


LINES = st.sampled_from(
    [
        "x = 1",
        "# g2l: native",
        "# SOURCE: DATABRICKS_NATIVE",
        "# g2l: protect begin r",
        "# g2l: protect end r",
        "# g2l: protect begin",
        "# g2l: protect end",
        "# PROTECTED: START q",
        "# PROTECTED: END q",
        "#g2l:protect\tbegin",
        "# g2l: converted from jobs/x.py",
        "# protected native words",
        "\0",
    ]
)
FILES = st.dictionaries(
    st.sampled_from(["a.py", "b/c.py", "d.json", "e.txt", "f/g/h.py", "i.sql"]),
    st.tuples(st.lists(LINES, max_size=8), st.sampled_from(["\n", "\r\n"])),
    max_size=6,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=FILES, globs=st.sampled_from([(), ("*.json",), ("b/**", "e.txt")]))
def test_any_tree_gives_what_parsing_every_file_gives(tmp_path: Path, files: dict, globs: tuple[str, ...]) -> None:
    folder = tmp_path / "repo"
    if not folder.exists():
        git(tmp_path, "init", "-q", "repo")
    repo = g2l_git.open_repo(folder)
    try:
        entries = {
            path: g2l_git.TreeEntry("100644", g2l_git.write_blob(repo, (end.join(lines) + end).encode()))
            for path, (lines, end) in files.items()
        }
        tree = g2l_git.edit_tree(repo, g2l_git.EMPTY_TREE, entries)
        tip = g2l_git.commit_tree(repo, tree, [], "tree")
        config = load_bytes(b"[source]\nrepo = '../glue'\n[protect]\nnative = " + json.dumps(list(globs)).encode())
        native, regions = history._constraints(repo, config, tip)
        assert (list(native), list(regions)) == every_file(repo, tip, globs)
    finally:
        g2l_git.close(repo)


@pytest.mark.parametrize("pattern", [markers._NATIVE, markers._BEGIN, markers._END])
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_every_marker_line_holds_a_text_status_greps_for(pattern: re.Pattern[str], data: st.DataObject) -> None:
    line = data.draw(st.from_regex(pattern))
    assert any(text in line for text in markers.MARKER_TEXTS)


def test_the_fast_status_parser_accepts_exactly_the_options_of_the_status_command() -> None:
    """main() parses `status` without typer (for start-up time), as it does `check`."""
    import typer

    from g2l_merge.cli import app
    from g2l_merge.entry import status_parser

    command = typer.main.get_command(app).commands["status"]  # type: ignore[attr-defined]
    typer_side = {tuple(sorted(p.opts)) for p in command.params if p.name != "help"}
    argparse_side = {tuple(sorted(a.option_strings)) for a in status_parser()._actions}
    assert argparse_side == typer_side
    assert all(getattr(p, "is_flag", False) for p in command.params)


WATCH = (
    "import atexit, sys\n"
    "atexit.register(lambda: print(sorted({m.split('.')[0] for m in sys.modules} & {'git', 'gitdb', 'libcst', "
    "'pydantic', 'typer', 'click'}), file=sys.stderr))\n"
    "from g2l_merge.entry import main\n"
    "sys.argv[0] = 'git-g2l-sync'\n"
    "main()\n"
)


def run_main(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`git g2l-sync ARGS` as its own process (the console script's main())."""
    env = {**os.environ, "PYTHONPATH": str(Path(g2l_merge.__file__).parent.parent)}  # this checkout's package
    return subprocess.run(
        [sys.executable, "-c", WATCH, *args], cwd=folder, env=env, capture_output=True, text=True, check=False
    )


def test_status_as_a_process_prints_what_the_command_prints_and_loads_no_gitpython_libcst_pydantic_or_typer(
    story: Story,
) -> None:
    dbx, glue = story
    dbx.edit(A, "threshold = 0.8\n", "# g2l: protect begin uc\nthreshold = 0.8\n# g2l: protect end uc\n")
    dbx.commit("Databricks region")
    glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    for args in (["status"], ["status", "--json"], ["status", "--offline"], ["status", "--json", "--offline"]):
        process = run_main(dbx.path, *args)
        assert process.returncode == 0, process.stderr
        assert process.stdout == g2l(dbx.path, *args).output
        assert process.stderr == "[]\n"
    assert "--offline" in run_main(dbx.path, "status", "--help").stdout
    bad = run_main(dbx.path, "status", "--bogus")
    assert bad.returncode == 2 and "--bogus" in bad.stderr
    outside = run_main(dbx.path.parent, "status")
    assert outside.returncode == 2 and "not a git repository" in outside.stderr


def test_status_warns_when_the_work_trees_g2l_toml_does_not_load_and_shows_the_committed_one(story: Story) -> None:
    dbx = story.dbx
    committed = dbx.read("g2l.toml")
    shown = {args: run_main(dbx.path, *args).stdout for args in (("status", "--offline"), ("status", "--json"))}
    dbx.write("g2l.toml", committed.replace("\ninclude = ", "\ninlcude = "))  # an edit not committed yet
    warning = (
        "warning: g2l.toml in the work tree does not load (unknown key [source] inlcude; edit g2l.toml and commit "
        "it): status shows the committed one\n"
    )
    for args, stdout in shown.items():
        process = run_main(dbx.path, *args)
        assert (process.returncode, process.stdout, process.stderr) == (0, stdout, warning + "[]\n")
    dbx.write("g2l.toml", committed + "# a comment, not committed yet\n")  # loads: no warning
    process = run_main(dbx.path, "status", "--offline")
    assert (process.returncode, process.stdout, process.stderr) == (0, shown[("status", "--offline")], "[]\n")


# -- the record of marker files: status reads only what changed since it last looked --------------------------

CONTENTS = st.sampled_from(
    [b"x = 1\n", b"# g2l: native\n", b"# g2l: protect begin r\nkept = 1\n", b"# PROTECTED: END q\n", b"\0protect\0"]
)
TREES = st.lists(
    st.dictionaries(
        st.sampled_from(["a.py", "b/c.py", "b/d.py", "e/f/g.py", "h.txt"]),
        st.tuples(CONTENTS, st.sampled_from(["100644", "100755", "120000"])),
        max_size=5,
    ),
    min_size=1,
    max_size=5,
)
SPOIL = st.sampled_from(["keep", "delete", "truncate", "garbage", "other tree"])


def spoil_record(repo: g2l_git.Repo, how: str) -> None:
    record = repo.git_dir / history.MARKER_FILES
    if how == "delete":
        record.unlink(missing_ok=True)
    elif how == "truncate" and record.exists():
        record.write_bytes(record.read_bytes()[:-3])
    elif how == "garbage":
        record.write_bytes(b"g2l-marker-files 2 not-a-tree\nxyz\0end\0")
    elif how == "other tree":  # a record of a tree this repository never held
        record.write_bytes(f"g2l-marker-files 2 {'1' * 40}\n{'2' * 40} a.py\0end\0".encode())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(trees=TREES, spoils=st.lists(SPOIL, min_size=5, max_size=5))
def test_marker_files_of_any_sequence_of_trees_are_the_files_holding_a_marker_text(
    tmp_path: Path, trees: list[dict[str, tuple[bytes, str]]], spoils: list[str]
) -> None:
    """The oracle knows what each file holds: a regular file is listed when its bytes hold a marker text, with
    its blob id; symlinks never. Between trees the record is kept, spoiled or removed."""
    folder = tmp_path / "repo"
    if not folder.exists():
        git(tmp_path, "init", "-q", "repo")
    repo = g2l_git.open_repo(folder)
    try:
        for files, spoil in zip(trees, spoils, strict=False):
            entries = {
                path: g2l_git.TreeEntry(mode, g2l_git.write_blob(repo, data)) for path, (data, mode) in files.items()
            }
            tree = g2l_git.edit_tree(repo, g2l_git.EMPTY_TREE, entries)
            expected = {
                path: entries[path].sha
                for path, (data, mode) in files.items()
                if mode != "120000" and any(text.encode() in data for text in markers.MARKER_TEXTS)
            }
            assert history.marker_files(repo, tree) == expected
            assert history.marker_files(repo, tree) == expected  # now from the record alone
            spoil_record(repo, spoil)
    finally:
        g2l_git.close(repo)


def test_status_after_init_and_a_sync_reads_only_the_files_that_changed(
    story: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    """init records the marker files of its merge; a later status diffs against that record and never greps the
    whole tree, and still finds the region the Databricks team added since."""
    dbx, glue = story
    record = dbx.path / ".git" / history.MARKER_FILES
    assert record.exists()
    dbx.write(A, dbx.read(A) + REGION.format(name="monitoring"))
    dbx.commit("Monitoring")
    glue.commit("Glue v2", {"jobs/process_b.py": JOB_A.replace("exposures", "trades") + "# reviewed\n"})
    assert g2l(dbx.path, "sync").code == 0

    def no_grep(*args: object, **kwargs: object) -> list[str]:
        raise AssertionError("status searched the whole tree")

    monkeypatch.setattr(g2l_git, "files_containing", no_grep)
    found, oracle = constraints(dbx.path)
    assert found == oracle
    assert [(r.path, r.name) for r in found[1]] == [(A, "monitoring")]


# -- a sync's merge waiting for its conflicts to be resolved --------------------------------------------------------


def test_status_names_a_sync_merge_in_progress_and_its_unresolved_files(story: Story) -> None:
    dbx, glue = story
    dbx.edit(A, "threshold = 0.8", "threshold = 0.9")
    dbx.commit("Databricks threshold")
    last = git(glue.path, "rev-parse", "HEAD")
    new = glue.commit("Glue threshold", {"jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.7")})
    assert g2l(dbx.path, "sync").code == 1
    mirror = dbx.rev("glue-mirror")
    head = f"A sync merge of Glue {new[:12]} (mirror commit {mirror[:12]}) is in progress"
    assert g2l(dbx.path, "status", "--offline") == (
        0,
        f"On main; mirror branch glue-mirror\nLast synced Glue commit: {last[:12]}\n"
        f"{head}: 1 file with conflicts ({A}); resolve them, then `git add` and `git commit`, or `git merge --abort`\n"
        f"Unmerged mirror commit {mirror[:12]}: Glue {new[:12]} Glue threshold\n"
        f"Converter versions: {g2l_merge.__version__}\n",
    )
    process = run_main(dbx.path, "status", "--offline")  # the fast path prints the same
    assert process.stdout == g2l(dbx.path, "status", "--offline").output
    status = json.loads(g2l(dbx.path, "status", "--json", "--offline").output)
    assert status["sync_in_progress"] == {"mirror_commit": mirror, "glue_commit": new, "conflicts": [A]}

    git(dbx.path, "add", A)
    assert f"{head}: its conflicts are resolved; finish it with `git commit`, or `git merge --abort`\n" in (
        g2l(dbx.path, "status", "--offline").output
    )
    assert json.loads(g2l(dbx.path, "status", "--json", "--offline").output)["sync_in_progress"]["conflicts"] == []
    git(dbx.path, "merge", "--abort")
    assert json.loads(g2l(dbx.path, "status", "--json", "--offline").output)["sync_in_progress"] is None
    assert "sync merge" not in g2l(dbx.path, "status", "--offline").output


def test_a_merge_git_g2l_sync_did_not_start_is_not_called_a_sync_merge(story: Story) -> None:
    dbx, _glue = story
    git(dbx.path, "switch", "-q", "-c", "topic")
    dbx.edit(A, "threshold = 0.8", "threshold = 0.9")
    dbx.commit("Topic threshold")
    git(dbx.path, "switch", "-q", "main")
    dbx.edit(A, "threshold = 0.8", "threshold = 0.6")
    dbx.commit("Main threshold")
    subprocess.run(["git", "merge", "-q", "topic"], cwd=dbx.path, capture_output=True, check=False)
    assert (dbx.path / ".git/MERGE_HEAD").exists()
    assert json.loads(g2l(dbx.path, "status", "--json", "--offline").output)["sync_in_progress"] is None
