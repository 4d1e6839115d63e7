"""Hostile input: strange Glue files, broken g2l.toml, refs that look like options, a hand-moved mirror branch,
unusual repository settings and misuse of `native`. Each case pins the exact message and exit code, and the
refusals pin that nothing changed: every ref (`git for-each-ref`), HEAD, the index, the work tree's status and bytes.

Tests marked xfail(strict=True) pin a finding whose fix belongs in sync.py (being rewritten elsewhere): each one
starts to pass, and so fails as XPASS, the day the fix lands.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import JOB_A, DbxRepo, GlueRepo, Story, g2l, git
from g2l_merge import config as cfg
from g2l_merge import git as g2l_git
from g2l_merge import markers

A = "risk_engine/jobs/process_a.py"
SECRET = b"password = 'hunter2'  # outside the Glue repository\n"
NEEDS_SYNC_PY = "needs a change in g2l_merge/sync.py (being rewritten elsewhere): see the hostile-input report"


# -- helpers ------------------------------------------------------------------------------------


def git_bytes(folder: Path, *args: str) -> bytes:
    proc = subprocess.run(["git", *args], cwd=folder, capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def tree(folder: Path, rev: str) -> dict[str, tuple[str, bytes]]:
    """Every file of a commit: path -> (mode, exact bytes); a symlink's bytes are the path it names."""
    files = {}
    for record in git_bytes(folder, "ls-tree", "-r", "-z", "--full-tree", rev).split(b"\0"):
        if record:
            meta, _, path = record.partition(b"\t")
            mode, _kind, sha = meta.decode().split(" ")
            files[os.fsdecode(path)] = (mode, git_bytes(folder, "cat-file", "blob", sha))
    return files


def work_tree(folder: Path) -> dict[str, bytes]:
    """The work tree's files (symlinks as `-> target`, never followed), .git left out."""
    found = {}
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if d != ".git" or Path(root) != folder]
        for name in names + [d for d in dirs if (Path(root) / d).is_symlink()]:
            path = Path(root) / name
            key = str(path.relative_to(folder))
            found[key] = b"-> " + os.fsencode(os.readlink(path)) if path.is_symlink() else path.read_bytes()
    return found


def state(folder: Path) -> dict[str, Any]:
    """Everything a refused command must leave as it was."""
    git_dir = Path(git(folder, "rev-parse", "--absolute-git-dir"))
    return {
        "refs": git(folder, "for-each-ref", "--format=%(refname) %(objectname)"),
        "HEAD": (git_dir / "HEAD").read_text(),
        "status": git(folder, "status", "--porcelain=v1", "--untracked-files=all", "--ignored"),
        "index": (git_dir / "index").read_bytes() if (git_dir / "index").exists() else None,
        "merging": (git_dir / "MERGE_HEAD").exists(),
        "files": work_tree(folder),
        "config": (git_dir / "config").read_text(),
    }


def refused_without_change(folder: Path, args: list[str], code: int, message: str) -> None:
    """Run the command; it must print exactly one line, `git g2l-sync: MESSAGE`, exit `code`, and change nothing."""
    before = state(folder)
    run = g2l(folder, *args)
    assert (run.code, run.output) == (code, f"git g2l-sync: {message}\n"), args
    assert state(folder) == before, args


# -- 1. Glue files: the sync succeeds, unconvertible files arrive unchanged with a review finding -----------

GENERATED_ROW = "value_{i} = compute({i}, 'label {i}')  # generated row {i}\n"
GENERATED = "".join(GENERATED_ROW.format(i=i) for i in range(76_000)).encode()  # about 5 MB

HOSTILE_FILES: dict[str, bytes] = {
    "jobs/syntax_error.py": b"def broken(:\n    pass\n",
    "jobs/unquoted.py": b'write(options={\n    "path": s3://risk/positions\n  },\n  format="parquet",\n)\n',
    "jobs/nul_late.py": b"x = 1\ny = 2\nz = 3\x00\n",
    "jobs/latin1.py": b"# -*- coding: latin-1 -*-\nname = 'caf\xe9'\n",
    "jobs/bom.py": b"\xef\xbb\xbfimport sys\nx = 1\n",
    "jobs/bom_twice.py": b"\xef\xbb\xbf\xef\xbb\xbfx = 1\n",
    "jobs/crlf.py": b"import sys\r\nx = 1\r\n",
    "jobs/cr_at_end.py": b"x = 1\ry = 2\r",
    "jobs/empty.py": b"",
    "jobs/binary.py": bytes(range(256)),
    "jobs/nul.py": b"x = 1\x00\n",
    "jobs/model.pkl": b"\x80\x04\x95\x00\x00" + bytes(range(256)),
    "jobs/generated.py": GENERATED,
    "jobs/with space.py": b"a = 1\n",
    "jobs/quo\"te's.py": b"b = 1\n",
    "jobs/new\nline.py": b"c = 1\n",
    "jobs/-dash.py": b"d = 1\n",
    "jobs/caf\u00e9.py": b"e = 1\n",
    os.fsdecode(b"jobs/latin1_name_\xe9.py"): b"f = 1\n",
    "lib/shared.py": b"def shared():\n    return 1\n",
}

CONVERTED: dict[str, bytes] = {
    "jobs/syntax_error.py": HOSTILE_FILES["jobs/syntax_error.py"],
    "jobs/unquoted.py": HOSTILE_FILES["jobs/unquoted.py"],
    "jobs/nul_late.py": HOSTILE_FILES["jobs/nul_late.py"],
    "jobs/latin1.py": HOSTILE_FILES["jobs/latin1.py"],
    "jobs/bom.py": b"\xef\xbb\xbf# g2l: converted from jobs/bom.py\nimport sys\nx = 1\n",
    "jobs/bom_twice.py": HOSTILE_FILES["jobs/bom_twice.py"],
    "jobs/crlf.py": b"# g2l: converted from jobs/crlf.py\r\nimport sys\r\nx = 1\r\n",
    "jobs/cr_at_end.py": HOSTILE_FILES["jobs/cr_at_end.py"],
    "jobs/empty.py": b"# g2l: converted from jobs/empty.py\n",
    "jobs/binary.py": HOSTILE_FILES["jobs/binary.py"],
    "jobs/nul.py": HOSTILE_FILES["jobs/nul.py"],
    "jobs/model.pkl": HOSTILE_FILES["jobs/model.pkl"],
    "jobs/generated.py": GENERATED,
    "jobs/with space.py": b"# g2l: converted from jobs/with space.py\na = 1\n",
    "jobs/quo\"te's.py": b"# g2l: converted from jobs/quo\"te's.py\nb = 1\n",
    "jobs/new\nline.py": b'# g2l: converted from "jobs/new\\nline.py"\nc = 1\n',  # the name's newline stays a comment
    "jobs/-dash.py": b"# g2l: converted from jobs/-dash.py\nd = 1\n",
    "jobs/caf\u00e9.py": "# g2l: converted from jobs/caf\u00e9.py\ne = 1\n".encode(),
    os.fsdecode(b"jobs/latin1_name_\xe9.py"): b'# g2l: converted from "jobs/latin1_name_\\xe9.py"\nf = 1\n',
    "lib/shared.py": b"# g2l: converted from lib/shared.py\ndef shared():\n    return 1\n",
}

KEPT_AS_IS = "carried over unchanged"
REVIEW = [  # (path, line, message), in the report's order
    (
        "jobs/absolute.py",
        1,
        "symlink to {secret!r}, outside the Glue repository: left out of the mirror (its target is never read)",
    ),
    ("jobs/binary.py", 2, f"not UTF-8, {KEPT_AS_IS}"),  # the first byte that is not UTF-8 follows a newline
    (
        "jobs/bom_twice.py",
        1,
        "the parser would not keep this line's bytes (a byte-order mark inside the file, or a "
        f"lone carriage return at its end), {KEPT_AS_IS}",
    ),
    (
        "jobs/climbs.py",
        1,
        "symlink to '../../secret.txt', outside the Glue repository: left out of the mirror (its target is never read)",
    ),
    (
        "jobs/cr_at_end.py",
        2,
        "the parser would not keep this line's bytes (a byte-order mark inside the file, or a "
        f"lone carriage return at its end), {KEPT_AS_IS}",
    ),
    (
        "jobs/generated.py",
        1,
        f"{len(GENERATED):,} characters, over the converter's 1,000,000 (generated code?), {KEPT_AS_IS}",
    ),
    (
        "jobs/gitdir.py",
        1,
        "symlink to '../.git/config', into a .git folder: left out of the mirror (its target is never read)",
    ),
    ("jobs/latin1.py", 2, f"not UTF-8, {KEPT_AS_IS}"),
    ("jobs/nul.py", 1, f"not valid Python at column 6 (source code cannot contain null bytes), {KEPT_AS_IS}"),
    ("jobs/nul_late.py", 3, f"not valid Python at column 6 (source code cannot contain null bytes), {KEPT_AS_IS}"),
    ("jobs/syntax_error.py", 1, f"not valid Python at column 12 (invalid syntax), {KEPT_AS_IS}"),
    ("jobs/unquoted.py", 2, f"not valid Python at column 15 (invalid syntax), {KEPT_AS_IS}"),
]
ERROR_AT = {  # what a person finds at the line and column the review item names in the mirrored file
    "jobs/nul.py": "\0",
    "jobs/nul_late.py": "\0",
    "jobs/syntax_error.py": ":",
    "jobs/unquoted.py": ":",
}


@pytest.fixture
def hostile_sync(tmp_path: Path) -> Iterator[tuple[DbxRepo, GlueRepo, dict[str, Any], Path]]:
    """A Databricks repository that synced a Glue commit full of hostile files (and symlinks) into risk_engine/."""
    glue = GlueRepo(tmp_path / "glue")
    glue.commit("Glue v1", {"jobs/process_a.py": JOB_A})
    dbx = DbxRepo(tmp_path / "dbx")
    run = g2l(
        dbx.path,
        "init",
        "--glue",
        "../glue",
        "--include",
        "jobs/**",
        "--include",
        "lib/**",
        "--target-root",
        "risk_engine",
    )
    assert run.code == 0, run.output
    secret = tmp_path / "secret.txt"
    secret.write_bytes(SECRET)
    for name, data in HOSTILE_FILES.items():
        (glue.path / name).parent.mkdir(parents=True, exist_ok=True)
        (glue.path / name).write_bytes(data)
    (glue.path / "jobs/inside.py").symlink_to("../lib/shared.py")
    (glue.path / "jobs/absolute.py").symlink_to(secret)
    (glue.path / "jobs/climbs.py").symlink_to("../../secret.txt")
    (glue.path / "jobs/gitdir.py").symlink_to("../.git/config")
    git(glue.path, "add", "-A")
    git(glue.path, "commit", "-q", "-m", "Glue v2: hostile files")
    run = g2l(dbx.path, "sync", "--json")
    assert run.code == 0, run.output
    yield dbx, glue, json.loads(run.output), secret


def test_hostile_glue_files_sync_cleanly_with_exact_bytes(
    hostile_sync: tuple[DbxRepo, GlueRepo, dict[str, Any], Path],
) -> None:
    dbx, _glue, report, _secret = hostile_sync
    assert report["status"] == "clean"
    assert report["conflicts"] == []
    merged = tree(dbx.path, "main")
    for glue_path, expected in CONVERTED.items():
        assert merged[f"risk_engine/{glue_path}"] == ("100644", expected), glue_path
        assert (dbx.path / "risk_engine" / glue_path).read_bytes() == expected, glue_path
    assert tree(dbx.path, "glue-mirror") == {
        path: entry for path, entry in merged.items() if path.startswith("risk_engine/")
    }
    assert git(dbx.path, "status", "--porcelain", "--untracked-files=all") == ""


def test_unconvertible_files_are_each_one_review_finding(
    hostile_sync: tuple[DbxRepo, GlueRepo, dict[str, Any], Path],
) -> None:
    _dbx, _glue, report, secret = hostile_sync
    expected = [
        {"path": f"risk_engine/{path}", "line": line, "rule": "G2L000", "message": message.format(secret=str(secret))}
        for path, line, message in REVIEW
    ]
    assert report["review"] == expected


def test_a_syntax_error_s_review_item_names_the_line_and_column_holding_it_in_the_mirrored_file(
    hostile_sync: tuple[DbxRepo, GlueRepo, dict[str, Any], Path],
) -> None:
    dbx, _glue, report, _secret = hostile_sync
    found = {}
    for item in report["review"]:
        if item["message"].startswith("not valid Python at column "):
            column = int(item["message"].removeprefix("not valid Python at column ").split(" ")[0])
            line = (dbx.path / item["path"]).read_text().splitlines()[item["line"] - 1]
            found[item["path"].removeprefix("risk_engine/")] = line[column - 1]
    assert found == ERROR_AT


def test_glue_symlinks_are_never_followed(hostile_sync: tuple[DbxRepo, GlueRepo, dict[str, Any], Path]) -> None:
    """A link inside the Glue repository is carried as a link; one pointing outside it, or into .git, is left out.

    Either way the link's target is never read: the secret file's bytes are in no object the sync wrote.
    """
    dbx, _glue, _report, _secret = hostile_sync
    merged = tree(dbx.path, "main")
    assert merged["risk_engine/jobs/inside.py"] == ("120000", b"../lib/shared.py")
    assert os.readlink(dbx.path / "risk_engine/jobs/inside.py") == "../lib/shared.py"
    for left_out in ("absolute.py", "climbs.py", "gitdir.py"):
        assert f"risk_engine/jobs/{left_out}" not in merged
        assert not (dbx.path / "risk_engine/jobs" / left_out).is_symlink()
    every_object = git_bytes(dbx.path, "cat-file", "--batch-all-objects", "--batch")
    assert SECRET.strip() not in every_object
    assert b"[core]" not in b"".join(data for _mode, data in merged.values())  # the Glue repo's .git/config


def test_hostile_files_resync_as_up_to_date(hostile_sync: tuple[DbxRepo, GlueRepo, dict[str, Any], Path]) -> None:
    """Converting them is deterministic: a second sync finds nothing to do, and the work tree stays clean."""
    dbx, _glue, report, _secret = hostile_sync
    before = state(dbx.path)
    run = g2l(dbx.path, "sync")
    assert (run.code, run.output) == (0, f"Already up to date: main contains Glue {report['glue_commit'][:12]}.\n")
    assert state(dbx.path) == before


def test_convert_command_stops_at_a_file_a_sync_would_carry_over(tmp_path: Path) -> None:
    (tmp_path / "generated.py").write_bytes(GENERATED)
    (tmp_path / "bom_twice.py").write_bytes(HOSTILE_FILES["jobs/bom_twice.py"])
    run = g2l(tmp_path, "convert", "generated.py")
    assert (run.code, run.output) == (
        2,
        f"git g2l-sync: generated.py:1: {len(GENERATED):,} characters, over the "
        "converter's 1,000,000 (generated code?); nothing converted\n",
    )
    run = g2l(tmp_path, "convert", "bom_twice.py")
    assert (run.code, run.output) == (
        2,
        "git g2l-sync: bom_twice.py:1: the parser would not keep this line's bytes "
        "(a byte-order mark inside the file, or a lone carriage return at its end); "
        "nothing converted\n",
    )


def test_text_report_keeps_one_line_per_file_whatever_the_file_names(tmp_path: Path) -> None:
    glue = GlueRepo(tmp_path / "glue")
    glue.commit("Glue v1", {"jobs/a.py": "a = 1\n"})
    dbx = DbxRepo(tmp_path / "dbx")
    assert g2l(dbx.path, "init", "--glue", "../glue", "--include", "jobs/**").code == 0
    for name in ("jobs/new\nline.py", os.fsdecode(b"jobs/caf\xe9.py"), "jobs/\u2028.py"):
        (glue.path / name).write_bytes(b"x = 1\n")
    git(glue.path, "add", "-A")
    head = glue.commit("Glue v2")
    run = g2l(dbx.path, "sync")
    assert run.code == 0
    assert run.output.splitlines()[2:] == [
        '  added    "jobs/caf\\xe9.py"',
        '  added    "jobs/new\\nline.py"',
        '  added    "jobs/\\u2028.py"',
    ]
    assert run.output.startswith(f"Merged Glue {head[:12]} ")


# -- 2. g2l.toml: every command stops with exit 2 and one line naming g2l.toml and the key ----------------

REPO = "repo = '../glue-risk-engine'\n"
REF_RULES = (
    "git does not allow spaces, control characters, '..', '@{', any of ~^:?*[\\, or a leading or trailing "
    "'/' or '.' (see `git help check-ref-format`)"
)
OPTION_LIKE = "it starts with '-', so git would read it as an option"
BAD_CONFIGS = {
    "malformed TOML": (
        "[source\n",
        "invalid TOML: Expected ']' at the end of a table declaration (column 8)",
    ),
    "unknown section": (f"[source]\n{REPO}[extra]\n", "unknown section [extra]"),
    "unknown key": (f"[source]\n{REPO}bogus = 1\n", "unknown key [source] bogus"),
    "missing repo": ("[target]\nroot = 'x'\n", "missing key [source] repo (path or URL of the Glue repository)"),
    "section as a value": ("source = 1\n", "source must be a section ([source]), not a number"),
    "section as a string": (f"target = 'main'\n[source]\n{REPO}", "target must be a section ([target]), not a string"),
    "list for a string": (
        "[source]\nrepo = ['../glue-risk-engine']\n",
        '[source] repo must be a string, not a list (["../glue-risk-engine"])',
    ),
    "string for a list": (
        f"[source]\n{REPO}include = 'jobs/*.py'\n",
        "[source] include must be a list of strings, not a string ('jobs/*.py')",
    ),
    "number for a string": (f"[source]\n{REPO}ref = 3\n", "[source] ref must be a string, not a number (3)"),
    "boolean for a string": (
        f"[source]\n{REPO}[target]\nroot = true\n",
        "[target] root must be a string, not a boolean (true)",
    ),
    "number in a list": (
        f"[source]\n{REPO}[pr]\nlabels = ['sync', 1]\n",
        "[pr] labels must be a list of strings, not a list holding a number (1)",
    ),
    "table in a table": (
        f"[source]\n{REPO}[convert]\ndatabases = {{ risk = {{ name = 'x' }} }}\n",
        "[convert] databases must be a table of strings, not a table holding a table",
    ),
    "root with ..": (
        f"[source]\n{REPO}[target]\nroot = 'risk/../../outside'\n",
        "[target] root = 'risk/../../outside' must stay inside the repository",
    ),
    "absolute root": (
        f"[source]\n{REPO}[target]\nroot = '/etc'\n",
        "[target] root = '/etc' must stay inside the repository",
    ),
    "root in .git": (
        f"[source]\n{REPO}[target]\nroot = '.GIT/hooks'\n",
        "[target] root = '.GIT/hooks' must be a plain folder path (no .git folder, no empty or "
        "control-character parts)",
    ),
    "include with ..": (
        f"[source]\n{REPO}include = ['jobs/**', '../**']\n",
        "[source] include pattern '../**' must be a relative path inside the repository",
    ),
    "absolute exclude": (
        f"[source]\n{REPO}exclude = ['//etc/*']\n",
        "[source] exclude pattern '//etc/*' must be a relative path inside the repository",
    ),
    "native with ..": (
        f"[source]\n{REPO}[protect]\nnative = ['monitoring/../../x.py']\n",
        "[protect] native pattern 'monitoring/../../x.py' must be a relative path inside the repository",
    ),
    "ref like an option": (
        f"[source]\n{REPO}ref = '-x'\n",
        f"[source] ref = '-x' is not a valid git ref name: {OPTION_LIKE}",
    ),
    "ref with ..": (
        f"[source]\n{REPO}ref = 'bad..ref'\n",
        f"[source] ref = 'bad..ref' is not a valid git ref name: {REF_RULES}",
    ),
    "branch like an option": (
        f"[source]\n{REPO}[target]\nbranch = '-D'\n",
        f"[target] branch = '-D' is not a valid git ref name: {OPTION_LIKE}",
    ),
    "mirror branch HEAD": (
        f"[source]\n{REPO}[target]\nmirror_branch = 'HEAD'\n",
        "[target] mirror_branch = 'HEAD' is not a valid git ref name: HEAD is git's own name for the current commit",
    ),
    "mirror branch as a full ref": (
        f"[source]\n{REPO}[target]\nmirror_branch = 'refs/heads/glue-mirror'\n",
        "[target] mirror_branch = 'refs/heads/glue-mirror' is not a valid git ref "
        "name: give the branch name without refs/heads/",
    ),
    "repo like an option": (
        "[source]\nrepo = '--upload-pack=touch pwned'\n",
        "[source] repo = '--upload-pack=touch pwned' cannot start with '-' "
        "(write ./--upload-pack=touch pwned for a folder named so)",
    ),
}
EDIT = "; edit g2l.toml and commit it"  # the next step every g2l.toml error ends with
COMMANDS = (["sync"], ["sync", "--branch", "g2l/sync-1"], ["status"], ["log"], ["check"], ["check", "--staged"])


def commit_config(dbx: DbxRepo, data: bytes) -> None:
    (dbx.path / "g2l.toml").write_bytes(data)
    dbx.commit("Edit g2l.toml by hand")


@pytest.mark.parametrize("case", BAD_CONFIGS, ids=list(BAD_CONFIGS))
def test_every_command_refuses_a_broken_committed_config(story: Story, case: str) -> None:
    text, message = BAD_CONFIGS[case]
    dbx, glue = story
    glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    commit_config(dbx, text.encode())
    for args in COMMANDS:
        where = "g2l.toml:1: " if case == "malformed TOML" else "g2l.toml: "
        refused_without_change(dbx.path, args, 2, f"{where}{message}{EDIT}")
    assert not (dbx.path / "pwned").exists()


def test_check_with_paths_also_refuses_a_broken_config(story: Story) -> None:
    dbx = story.dbx
    commit_config(dbx, f"[source]\n{REPO}bogus = 1\n".encode())
    refused_without_change(dbx.path, ["check", A], 2, f"g2l.toml: unknown key [source] bogus{EDIT}")
    refused_without_change(
        dbx.path / "risk_engine", ["check", "jobs"], 2, f"g2l.toml: unknown key [source] bogus{EDIT}"
    )


def test_check_goes_by_the_config_being_fixed(story: Story) -> None:
    """A commit that repairs g2l.toml passes the hook: --staged reads the staged file, plain check the work tree's."""
    dbx = story.dbx
    good = (dbx.path / "g2l.toml").read_bytes()
    commit_config(dbx, f"[source]\n{REPO}bogus = 1\n".encode())
    (dbx.path / "g2l.toml").write_bytes(good)
    assert g2l(dbx.path, "check") == (0, "")
    refused_without_change(dbx.path, ["check", "--staged"], 2, f"g2l.toml: unknown key [source] bogus{EDIT}")
    git(dbx.path, "add", "g2l.toml")
    assert g2l(dbx.path, "check", "--staged") == (0, "")


NOT_UTF8 = b"# g2l-merge configuration\n[source]\nrepo = '../glue-risk-engine'\nref = 'caf\xe9'\n"
NOT_UTF8_MESSAGE = "g2l.toml:4: not UTF-8 (TOML files are UTF-8); re-save it as UTF-8"


def test_a_config_that_is_not_utf8_is_named_with_its_line(story: Story) -> None:
    commit_config(story.dbx, NOT_UTF8)
    for args in (["status"], ["log"], ["check"], ["check", "--staged"]):
        refused_without_change(story.dbx.path, args, 2, NOT_UTF8_MESSAGE)


def test_sync_names_the_line_of_a_config_that_is_not_utf8(story: Story) -> None:
    commit_config(story.dbx, NOT_UTF8)
    refused_without_change(story.dbx.path, ["sync"], 2, NOT_UTF8_MESSAGE)


def test_check_stays_fast_when_it_validates_the_config(story: Story) -> None:
    probe = (
        "import sys\nsys.argv = ['git-g2l-sync', 'check']\nfrom g2l_merge.entry import main\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    print('exit', exit.code)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'libcst', 'git', 'gitdb', 'pydantic', 'rich'}))\n"
    )
    commit_config(story.dbx, f"[source]\n{REPO}bogus = 1\n".encode())
    proc = subprocess.run(
        [sys.executable, "-c", probe], cwd=story.dbx.path, capture_output=True, text=True, check=False
    )
    assert proc.stdout.splitlines() == ["exit 2", "[]"], proc.stderr
    assert proc.stderr == f"git g2l-sync: g2l.toml: unknown key [source] bogus{EDIT}\n"


def warning(glob: str, glue_commit: str) -> str:
    return (
        f"warning: [source] include {glob!r} matches no file in Glue commit {glue_commit[:12]}: nothing from it "
        "reaches the mirror; check the glob in g2l.toml"
    )


# init's last line (no remote in these repositories)
NEXT = "next: git g2l-sync install-hooks (guards the markers), then push main and glue-mirror to your remote"


def test_include_globs_that_match_nothing_are_named_by_init_and_sync(tmp_path: Path) -> None:
    glue = GlueRepo(tmp_path / "glue")
    first = glue.commit("Glue v1", {"jobs/a.py": "a = 1\n", "tests/test_a.py": "t = 1\n"})
    dbx = DbxRepo(tmp_path / "dbx")
    run = g2l(
        dbx.path,
        "init",
        "--glue",
        "../glue",
        "--include",
        "jobs/**/*.py",
        "--include",
        "sql/**/*.sql",
        "--include",
        "tests/**",
        "--exclude",
        "tests/**",
    )
    assert run.code == 0
    assert run.output.splitlines()[-3:] == [
        f"  note     {warning('sql/**/*.sql', first)}",
        f"  note     warning: [source] include 'tests/**' matches only files that [source] exclude leaves out in "
        f"Glue commit {first[:12]}: nothing from it reaches the mirror",
        NEXT,
    ]
    second = glue.commit("Glue v2", {"jobs/b.py": "b = 1\n"})
    run = g2l(dbx.path, "sync", "--json")
    assert run.code == 0
    assert json.loads(run.output)["notes"][0] == warning("sql/**/*.sql", second)
    run = g2l(dbx.path, "sync")
    assert run.output.splitlines()[:2] == [
        f"Already up to date: main contains Glue {second[:12]}.",
        f"  note     {warning('sql/**/*.sql', second)}",
    ]


def test_init_with_no_matching_file_warns_instead_of_a_silent_empty_migration(tmp_path: Path) -> None:
    glue = GlueRepo(tmp_path / "glue")
    head = glue.commit("Glue v1", {"jobs/a.py": "a = 1\n"})
    dbx = DbxRepo(tmp_path / "dbx")
    run = g2l(dbx.path, "init", "--glue", "../glue", "--include", "job/*.py")
    assert (run.code, run.output.splitlines()[-2:]) == (0, [f"  note     {warning('job/*.py', head)}", NEXT])
    assert tree(dbx.path, "glue-mirror") == {}


def test_init_writes_a_config_that_reads_back_whatever_the_paths_hold(tmp_path: Path) -> None:
    glue_name = 'glue "risk" \\ caf\u00e9\tv2\x7f'
    glue = GlueRepo(tmp_path / glue_name)
    glue.commit("Glue v1", {'jobs/a"b\\c.py': "a = 1\n"})
    dbx = DbxRepo(tmp_path / "dbx")
    includes = ['jobs/a"b\\c.py', "jobs/*.py"]
    run = g2l(
        dbx.path,
        "init",
        "--glue",
        f"../{glue_name}",
        "--include",
        includes[0],
        "--include",
        includes[1],
        "--target-root",
        "risk 'engine' \"x\"",
    )
    assert run.code == 0, run.output
    loaded = cfg.load_bytes((dbx.path / "g2l.toml").read_bytes())
    assert (loaded.source.repo, loaded.source.include, loaded.target.root) == (
        f"../{glue_name}",
        tuple(includes),
        "risk 'engine' \"x\"",
    )
    assert tree(dbx.path, "main")['risk \'engine\' "x"/jobs/a"b\\c.py'] == (
        "100644",
        b'# g2l: converted from jobs/a"b\\c.py\na = 1\n',
    )
    assert g2l(dbx.path, "sync").code == 0


def test_init_refuses_a_glue_path_toml_cannot_hold(tmp_path: Path) -> None:
    dbx = DbxRepo(tmp_path / "dbx")
    refused_without_change(
        dbx.path,
        ["init", "--glue", os.fsdecode(b"../glue-\xff")],
        2,
        "g2l.toml: [source] repo: '../glue-\ufffd' is not valid UTF-8, so g2l.toml cannot hold it; "
        "use a name without such bytes",
    )


# -- 3. Values that look like options: exit 2 before they reach git -----------------------------------------


@pytest.fixture
def git_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Every git command line g2l-merge runs (recorded on the way through; git still runs)."""
    calls: list[list[str]] = []
    real = g2l_git._spawn

    def recording(args: list[str], *rest: Any) -> g2l_git.Result:
        calls.append(list(args))
        return real(args, *rest)

    monkeypatch.setattr(g2l_git, "_spawn", recording)
    return calls


def option_cases(pwned: Path) -> dict[str, tuple[list[str], str]]:
    upload = f"--upload-pack=touch {pwned}"
    return {
        "glue ref -x": (["sync", "--glue-ref", "-x"], f"--glue-ref '-x' is not a valid ref name: {OPTION_LIKE}"),
        "glue ref upload-pack": (
            ["sync", "--glue-ref", upload, "--dry-run"],
            f"--glue-ref {upload!r} is not a valid ref name: {OPTION_LIKE}",
        ),
        "glue ref = upload-pack": (
            ["sync", f"--glue-ref={upload}"],
            f"--glue-ref {upload!r} is not a valid ref name: {OPTION_LIKE}",
        ),
        "glue ref swallows an option": (
            ["sync", "--glue-ref", "--dry-run"],
            f"--glue-ref '--dry-run' is not a valid ref name: {OPTION_LIKE}",
        ),
        "branch -D": (["sync", "--branch", "-D"], f"--branch '-D' is not a valid branch name: {OPTION_LIKE}"),
        "branch HEAD": (
            ["sync", "--branch", "HEAD"],
            "--branch 'HEAD' is not a valid branch name: HEAD is git's own name for the current commit",
        ),
        "glue -x": (
            ["sync", "--glue", "-glue"],
            "--glue '-glue': a Glue repository path or URL cannot start with '-' (write ./-glue for a folder named so)",
        ),
        "glue upload-pack": (
            ["sync", "--glue", upload],
            f"--glue {upload!r}: a Glue repository path or URL cannot "
            f"start with '-' (write ./{upload} for a folder named so)",
        ),
    }


@pytest.mark.parametrize("case", list(option_cases(Path("pwned"))))
def test_sync_refuses_refs_and_sources_that_look_like_options(
    story: Story, tmp_path: Path, case: str, git_calls: list[list[str]]
) -> None:
    dbx, glue = story
    glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    pwned = tmp_path / "pwned"
    args, message = option_cases(pwned)[case]
    refused_without_change(dbx.path, args, 2, message)
    hostile = args[-1].split("=", 1)[-1] if args[-1].startswith("--glue") else args[2]
    assert not any(hostile in arg for call in git_calls for arg in call)
    assert not pwned.exists()
    assert g2l(dbx.path, "sync").code == 0  # the same sync, without the hostile value, goes through


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--glue", "-glue"],
            "--glue '-glue': a Glue repository path or URL cannot start with '-' (write ./-glue for a folder named so)",
        ),
        (["--glue", "../glue", "--glue-ref", "-x"], f"--glue-ref '-x' is not a valid ref name: {OPTION_LIKE}"),
        (
            ["--glue", "../glue", "--adopt", "--upload-pack=touch pwned"],
            f"--adopt '--upload-pack=touch pwned' is not a valid ref name: {OPTION_LIKE}",
        ),
        (
            ["--glue", "../glue", "--mirror-branch", "-D"],
            f"--mirror-branch '-D' is not a valid branch name: {OPTION_LIKE}",
        ),
        (
            ["--glue", "../glue", "--target-root", "../outside"],
            "g2l.toml: [target] root = '../outside' must stay inside the repository (given as --target-root)",
        ),
        (
            ["--glue", "../glue", "--include", "//etc/*"],
            "g2l.toml: [source] include pattern '//etc/*' must be a relative path inside the repository "
            "(given as --include)",
        ),
    ],
)
def test_init_refuses_options_that_would_reach_git_as_options(
    tmp_path: Path, args: list[str], message: str, git_calls: list[list[str]]
) -> None:
    GlueRepo(tmp_path / "glue").commit("Glue v1", {"jobs/a.py": "a = 1\n"})
    dbx = DbxRepo(tmp_path / "dbx")
    refused_without_change(dbx.path, ["init", *args], 2, message)
    assert not any(arg.startswith(("-glue", "-x", "-D", "--upload-pack")) for call in git_calls for arg in call)
    assert not (dbx.path / "pwned").exists()


def test_a_glue_folder_whose_name_starts_with_a_dash_works_as_advised(
    tmp_path: Path, git_calls: list[list[str]]
) -> None:
    glue = GlueRepo(tmp_path / "-glue")
    glue.commit("Glue v1", {"jobs/a.py": "a = 1\n"})
    dbx = DbxRepo(tmp_path / "dbx")
    run = g2l(dbx.path, "init", "--glue", "../-glue")
    assert run.code == 0, run.output
    assert tomllib.loads(dbx.read("g2l.toml"))["source"]["repo"] == "../-glue"
    remote = [call for call in git_calls if call[0] in ("ls-remote", "fetch")]
    assert remote and all(call[call.index("--") + 1] == str(glue.path) for call in remote)
    assert dbx.read("jobs/a.py") == "# g2l: converted from jobs/a.py\na = 1\n"


# -- 4. The mirror branch edited or moved by hand: exit 3, saying how to repair it --------------------------


def hand_message(bad: str, subject: str, good: str) -> str:
    return (
        f"glue-mirror was changed by hand: it holds commit {bad[:12]} {subject!r} without a G2l-Glue-Commit "
        f"trailer, and only git g2l-sync writes glue-mirror; reset it to {good[:12]}, the last commit git g2l-sync "
        f"made there (git branch -f glue-mirror {good}), and rerun"
    )


def test_a_hand_commit_on_the_mirror_is_refused_naming_the_last_good_commit(story: Story) -> None:
    dbx, glue = story
    glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    good = dbx.rev("glue-mirror")
    bad = git(dbx.path, "commit-tree", "glue-mirror^{tree}", "-p", "glue-mirror", "-m", "Fix a job by hand")
    git(dbx.path, "update-ref", "refs/heads/glue-mirror", bad)
    for args in (["sync"], ["sync", "--branch", "g2l/sync-1"], ["sync", "--dry-run"], ["status"], ["log"]):
        refused_without_change(dbx.path, args, 3, hand_message(bad, "Fix a job by hand", good))
    git(dbx.path, "branch", "-f", "glue-mirror", good)  # the advice works
    assert g2l(dbx.path, "sync").code == 0
    assert dbx.parents("glue-mirror") == [good]


@pytest.mark.parametrize("where", ["an unrelated commit", "the target branch"])
def test_a_mirror_reset_to_a_foreign_commit_is_refused_naming_the_last_good_commit(story: Story, where: str) -> None:
    dbx, glue = story
    glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    good = dbx.rev("glue-mirror")
    if where == "an unrelated commit":
        bad, subject = git(dbx.path, "commit-tree", "main^{tree}", "-m", "Unrelated"), "Unrelated"
    else:
        bad, subject = dbx.rev("main"), git(dbx.path, "log", "-1", "--format=%s", "main")
    git(dbx.path, "update-ref", "refs/heads/glue-mirror", bad)
    for args in (["sync"], ["status"], ["log"]):
        refused_without_change(dbx.path, args, 3, hand_message(bad, subject, good))
    git(dbx.path, "branch", "-f", "glue-mirror", good)
    assert g2l(dbx.path, "sync").code == 0


def moved_back(story: Story) -> tuple[str, str]:
    """glue-mirror moved back to the first mirror commit after main merged the second (which deleted a job)."""
    dbx, glue = story
    first = dbx.rev("glue-mirror")
    glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    assert g2l(dbx.path, "sync").code == 0
    second = dbx.rev("glue-mirror")
    glue.commit("Glue d, c deleted", {"jobs/d.py": "d = 1\n", "jobs/c.py": None})
    git(dbx.path, "branch", "-f", "glue-mirror", first)
    return second, git(dbx.path, "log", "-1", "--format=%(trailers:key=G2l-Glue-Commit,valueonly)", second).strip()


def moved_back_message(second: str, glue_commit: str) -> str:
    return (
        f"glue-mirror was moved by hand: it no longer holds {second[:12]} (Glue {glue_commit[:12]}), the mirror "
        f"commit main merged last; reset it (git branch -f glue-mirror {second}) and rerun"
    )


def test_status_and_log_refuse_a_mirror_moved_back(story: Story) -> None:
    second, glue_commit = moved_back(story)
    for args in (["status"], ["log"]):
        refused_without_change(story.dbx.path, args, 3, moved_back_message(second, glue_commit))


def test_sync_refuses_a_mirror_moved_back(story: Story) -> None:
    second, glue_commit = moved_back(story)
    refused_without_change(story.dbx.path, ["sync"], 3, moved_back_message(second, glue_commit))


def deleted_mirror(story: Story) -> str:
    dbx, glue = story
    dbx.edit(A, "threshold = 0.8", "threshold = 0.9")
    dbx.commit("Databricks threshold")
    glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    merged = dbx.rev("glue-mirror")
    git(dbx.path, "branch", "-D", "glue-mirror")
    return merged


def deleted_message(merged: str, glue_commit: str) -> str:
    return (
        f"branch glue-mirror is missing, but main already merged its commit {merged[:12]} (Glue "
        f"{glue_commit[:12]}): restore it (git branch glue-mirror {merged}) and rerun"
    )


def test_status_and_log_refuse_a_deleted_mirror(story: Story) -> None:
    first_glue = git(story.glue.path, "rev-parse", "HEAD")
    merged = deleted_mirror(story)
    for args in (["status"], ["log"]):
        refused_without_change(story.dbx.path, args, 3, deleted_message(merged, first_glue))
    git(story.dbx.path, "branch", "glue-mirror", merged)
    assert g2l(story.dbx.path, "sync").code == 0


@pytest.mark.parametrize("args", [["sync"], ["sync", "--dry-run"], ["sync", "--branch", "g2l/sync-1"]])
def test_sync_refuses_a_deleted_mirror(story: Story, args: list[str]) -> None:
    first_glue = git(story.glue.path, "rev-parse", "HEAD")
    merged = deleted_mirror(story)
    refused_without_change(story.dbx.path, args, 3, deleted_message(merged, first_glue))


# -- 5. Repository settings do not change what a sync does ---------------------------------------------------


def test_diff3_setting_still_gives_zdiff3_markers(story: Story) -> None:
    dbx, glue = story
    git(dbx.path, "config", "merge.conflictStyle", "diff3")
    dbx.edit(A, "threshold = 0.8\nhorizon_days = 10\n", "threshold = 0.9\nhorizon_days = 20\n")
    dbx.commit("Databricks: threshold and horizon")
    previous = git(glue.path, "rev-parse", "HEAD")
    new = glue.commit(
        "Glue: threshold and the same horizon",
        {
            "jobs/process_a.py": JOB_A.replace(
                "threshold = 0.8\nhorizon_days = 10\n", "threshold = 0.7\nhorizon_days = 20\n"
            )
        },
    )
    zdiff3 = (
        "<<<<<<< main\nthreshold = 0.9\n"
        f"||||||| glue {previous[:12]} (last sync)\nthreshold = 0.8\nhorizon_days = 10\n"
        f"=======\nthreshold = 0.7\n>>>>>>> glue {new[:12]}\nhorizon_days = 20\n"
    )  # diff3 keeps horizon inside
    expected = "# g2l: converted from jobs/process_a.py\n" + JOB_A.replace(
        "threshold = 0.8\nhorizon_days = 10\n", zdiff3
    )
    assert g2l(dbx.path, "sync", "--branch", "g2l/sync-1").code == 1
    assert tree(dbx.path, "g2l/sync-1")[A] == ("100644", expected.encode())
    assert g2l(dbx.path, "sync").code == 1
    assert (dbx.path / A).read_bytes() == expected.encode()


def test_autocrlf_setting_leaves_the_committed_bytes_as_they_are(story: Story) -> None:
    dbx, glue = story
    git(dbx.path, "config", "core.autocrlf", "true")
    dbx.edit(A, "confidence = 0.99", "confidence = 0.995")
    dbx.commit("Databricks confidence")
    glue.commit(
        "Glue: threshold, and a CRLF job",
        {
            "jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.7"),
            "jobs/crlf.py": "x = 1\r\ny = 2\r\n",
        },
    )
    run = g2l(dbx.path, "sync")
    assert run.code == 0, run.output
    merged = tree(dbx.path, "main")
    both = JOB_A.replace("threshold = 0.8", "threshold = 0.7").replace("confidence = 0.99", "confidence = 0.995")
    expected = "# g2l: converted from jobs/process_a.py\n" + both
    assert merged[A] == ("100644", expected.encode())
    crlf = b"# g2l: converted from jobs/crlf.py\r\nx = 1\r\ny = 2\r\n"
    assert merged["risk_engine/jobs/crlf.py"] == ("100644", crlf)
    assert (dbx.path / A).read_bytes() == expected.replace("\n", "\r\n").encode()  # git's own checkout, as configured
    assert (dbx.path / "risk_engine/jobs/crlf.py").read_bytes() == crlf
    assert git(dbx.path, "status", "--porcelain") == ""
    assert g2l(dbx.path, "sync").output.startswith("Already up to date")  # not refused as a dirty work tree


def hooks_folder(folder: Path, names: tuple[str, ...]) -> Path:
    """Hooks that log their name and fail."""
    hooks = folder / "hooks"
    hooks.mkdir()
    for name in names:
        (hooks / name).write_text(f"#!/bin/sh\necho {name} >> '{folder}/hooks.log'\nexit 1\n")
        (hooks / name).chmod(0o755)
    return hooks


BLOCKING_HOOKS = (
    "pre-commit",
    "prepare-commit-msg",
    "commit-msg",
    "pre-merge-commit",
    "post-commit",
    "post-checkout",
    "post-merge",
)


def test_failing_hooks_do_not_block_the_syncs_own_commits(tmp_path: Path) -> None:
    glue = GlueRepo(tmp_path / "glue")
    glue.commit("Glue v1", {"jobs/process_a.py": JOB_A})
    dbx = DbxRepo(tmp_path / "dbx")
    git(dbx.path, "config", "core.hooksPath", str(hooks_folder(tmp_path, BLOCKING_HOOKS)))
    run = g2l(dbx.path, "init", "--glue", "../glue", "--target-root", "risk_engine")
    assert run.code == 0, run.output
    assert git(dbx.path, "log", "-1", "--format=%s", "main^1") == "Configure g2l-merge"
    glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    assert g2l(dbx.path, "sync", "--branch", "g2l/sync-1").code == 0
    assert g2l(dbx.path, "sync").code == 0
    assert dbx.parents("main")[1] == dbx.rev("glue-mirror")
    (dbx.path / A).write_text((dbx.path / A).read_text().replace("threshold = 0.8", "threshold = 0.9"))
    git(
        dbx.path,
        "commit",
        "-q",
        "--no-verify",
        "-am",
        "Databricks threshold",
        env={"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "core.hooksPath", "GIT_CONFIG_VALUE_0": "/dev/null"},
    )
    glue.commit("Glue threshold", {"jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.7")})
    run = g2l(dbx.path, "sync")
    assert run.code == 1, run.output
    assert (dbx.path / ".git/MERGE_HEAD").read_text().strip() == dbx.rev("glue-mirror")
    log = tmp_path / "hooks.log"
    ran = log.read_text().split() if log.exists() else []
    assert not set(ran) & {"pre-commit", "prepare-commit-msg", "commit-msg", "pre-merge-commit"}


def test_a_refusing_reference_transaction_hook_is_named(story: Story) -> None:
    dbx, glue = story
    glue.commit("Glue c", {"jobs/c.py": "c = 1\n"})
    git(dbx.path, "config", "core.hooksPath", str(hooks_folder(dbx.path.parent, ("reference-transaction",))))
    before = state(dbx.path)
    run = g2l(dbx.path, "sync")
    assert run.code == 3
    assert "reference-transaction hook" in run.output
    assert state(dbx.path) == before


# -- 6. `native`: only into files where `#` starts a comment; nothing written unless every path is fine ---------

INSTEAD = "list it under [protect] native in g2l.toml instead"
SUFFIXES = ".py, .pyi, .pyw, .sh, .bash, .r, .yaml, .yml, .toml"


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        (
            "risk_engine/conf/limits.json",
            b'{"limit": 0.8}\n',
            f"'#' does not start a comment in a .json file, so the native marker would corrupt it "
            f"(the marker goes only into {SUFFIXES} files)",
        ),
        (
            "risk_engine/model.bin",
            bytes(range(256)),
            f"'#' does not start a comment in a .bin file, so the native marker would corrupt it "
            f"(the marker goes only into {SUFFIXES} files)",
        ),
        (
            "risk_engine/Makefile",
            b"all:\n\techo\n",
            f"'#' does not start a comment in a file without a suffix, so the native marker would corrupt it "
            f"(the marker goes only into {SUFFIXES} files)",
        ),
        ("risk_engine/jobs/compiled.py", b"\x00\x01binary\n", "it is binary, so the native marker would corrupt it"),
    ],
)
def test_native_refuses_files_the_marker_would_corrupt(story: Story, name: str, data: bytes, problem: str) -> None:
    dbx = story.dbx
    (dbx.path / name).parent.mkdir(parents=True, exist_ok=True)
    (dbx.path / name).write_bytes(data)
    dbx.commit("Databricks file")
    refused_without_change(dbx.path, ["native", A, name], 2, f"{name}: {problem}; {INSTEAD}")
    assert (dbx.path / name).read_bytes() == data


def test_native_on_a_folder_says_which_glob_to_add(story: Story) -> None:
    dbx = story.dbx
    message = 'is a folder; to make every file in it native, add "risk_engine/jobs/**" to [protect] native in g2l.toml'
    refused_without_change(dbx.path, ["native", A, "risk_engine/jobs"], 2, f"risk_engine/jobs: {message}")
    refused_without_change(dbx.path / "risk_engine", ["native", "jobs/"], 2, f"jobs: {message}")


def test_native_on_a_symlink_writes_nothing_through_it(story: Story, tmp_path: Path) -> None:
    dbx = story.dbx
    outside = tmp_path / "outside.py"
    outside.write_bytes(b"x = 1\n")
    (dbx.path / "risk_engine/link.py").symlink_to(outside)
    refused_without_change(
        dbx.path,
        ["native", "risk_engine/link.py"],
        2,
        f"risk_engine/link.py: is a symlink, and the marker would be written into the file it points to; {INSTEAD}",
    )
    assert outside.read_bytes() == b"x = 1\n"


def test_native_writes_the_marker_where_python_keeps_it(story: Story) -> None:
    dbx = story.dbx
    files = {
        "risk_engine/bom.py": (b"\xef\xbb\xbfx = 1\n", b"\xef\xbb\xbf# g2l: native\nx = 1\n"),
        "risk_engine/crlf.py": (
            b"#!/usr/bin/env python\r\nx = 1\r\n",
            b"#!/usr/bin/env python\r\n# g2l: native\r\nx = 1\r\n",
        ),
        "risk_engine/run.sh": (b"echo hi\n", b"# g2l: native\necho hi\n"),
        "risk_engine/empty.py": (b"", b"# g2l: native\n"),
    }
    for name, (data, _marked) in files.items():
        (dbx.path / name).write_bytes(data)
    run = g2l(dbx.path, "native", *files)
    assert run.code == 0, run.output
    for name, (_data, marked) in files.items():
        assert (dbx.path / name).read_bytes() == marked, name
        assert markers.parse(marked.decode()).native, name
    assert g2l(dbx.path, "native", "risk_engine/bom.py").output == "risk_engine/bom.py: already native\n"


def test_readme_lists_the_file_types_native_writes_into() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    assert f"`{'`, `'.join(markers.COMMENT_SUFFIXES)}`" in readme


def test_a_glue_g2l_toml_never_replaces_the_databricks_one(tmp_path: Path) -> None:
    glue = GlueRepo(tmp_path / "glue")
    glue.commit("Glue v1", {"g2l.toml": "[source]\nrepo = '/elsewhere'\n", "jobs/a.py": "a = 1\n"})
    dbx = DbxRepo(tmp_path / "dbx")
    run = g2l(dbx.path, "init", "--glue", "../glue", "--include", "**", "--json")
    assert run.code == 0, run.output
    assert json.loads(run.output)["review"] == [
        {
            "path": "g2l.toml",
            "line": 1,
            "rule": "G2L000",
            "message": "would land on this repository's own g2l.toml: left out of the mirror "
            "(set [target] root to keep Glue files in a folder)",
        }
    ]
    assert "g2l.toml" not in tree(dbx.path, "glue-mirror")
    assert tomllib.loads(dbx.read("g2l.toml"))["source"]["repo"] == "../glue"


def test_init_over_files_already_there_leaves_an_add_add_conflict(tmp_path: Path) -> None:
    glue = GlueRepo(tmp_path / "glue")
    glue.commit("Glue v1", {"jobs/a.py": "a = 1\n"})
    dbx = DbxRepo(tmp_path / "dbx")
    dbx.write("jobs/a.py", "a = 2  # migrated by hand, without --adopt\n")
    dbx.commit("Hand migration")
    run = g2l(dbx.path, "init", "--glue", "../glue", "--include", "jobs/*.py")
    assert (run.code, run.output.splitlines()[-1]) == (1, "  add-add       jobs/a.py")
    assert (dbx.path / ".git/MERGE_HEAD").read_text().strip() == dbx.rev("glue-mirror")
