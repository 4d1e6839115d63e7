"""The mirror tree made from what Glue changed, the conversion pool and the object writer, each held against an
oracle that does not share the code under test: the mirror converted from scratch, the conversion in one process,
and git itself (fsck, cat-file, ls-tree)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import LOAD_PROBE, Story, g2l, git
from g2l_merge import config as cfg
from g2l_merge import git as g2l_git
from g2l_merge import mirror, pool

USES_COMPAT = 'from awsglue.transforms import Join\njoined = Join.apply(a, b, "id", "id")\n'
PLAIN = "threshold = 0.8\n"
GLUE_JOB = "from awsglue.context import GlueContext\nglue_context = GlueContext(sc)\n"
BROKEN = "def broken(:\n"
CONTENTS = {
    "compat": USES_COMPAT.encode(),
    "plain": PLAIN.encode(),
    "job": GLUE_JOB.encode(),
    "broken": BROKEN.encode(),
    "latin1": b"name = '\xe9t\xe9'\n",
    "compat-own": b"# Glue's own module of that name\nVALUE = 1\n",
}
# Paths that collide as file and folder ("lib" / "lib/x.py"), the compat module's own place, the config file's
# place (when [target] root is "."), a file the include leaves out, and symlinks in and out of the repository.
PATHS = ["jobs/a.py", "jobs/b.py", "lib", "lib/x.py", "glue_compat.py", "g2l.toml", "README.md", "jobs/c.py"]
LINKS = {"jobs/link.py": "a.py", "jobs/out.py": "../../etc/passwd"}


def config_for(root: str) -> cfg.Config:
    source = '[source]\nrepo = "../glue"\ninclude = ["**/*.py", "lib", "g2l.toml"]\n\n'
    return cfg.load(f'{source}[target]\nroot = "{root}"\n')


class Glue:
    """A Glue repository written file by file (bytes and symlinks), committed with plain git."""

    def __init__(self, path: Path) -> None:
        self.path = path
        git(path.parent, "init", "-q", "-b", "main", path.name)

    def apply(self, edits: list[tuple[str, str | None]]) -> str:
        for name, what in edits:
            target = self.path / name
            for parent in [*reversed(Path(name).parents)][1:]:  # a file where a folder must go gives way
                if (self.path / parent).is_file() or (self.path / parent).is_symlink():
                    (self.path / parent).unlink()
            if target.is_dir() and not target.is_symlink():
                subprocess.run(["rm", "-rf", str(target)], check=True)
            elif target.exists() or target.is_symlink():
                target.unlink()
            if what is None:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            if what.startswith("link:"):
                os.symlink(what.removeprefix("link:"), target)
            else:
                target.write_bytes(CONTENTS[what])
        git(self.path, "add", "-A")
        git(self.path, "commit", "-q", "--allow-empty", "-m", "Glue edit")
        return git(self.path, "rev-parse", "HEAD")


edit = st.one_of(
    st.tuples(st.sampled_from(PATHS), st.sampled_from([*CONTENTS, None])),
    st.tuples(st.sampled_from(sorted(LINKS)), st.sampled_from([None, "link"])),
)


def _edits(drawn: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    return [(name, f"link:{LINKS[name]}" if what == "link" else what) for name, what in drawn]


def _full(repo: g2l_git.Repo, glue: str, config: cfg.Config, previous: mirror.MirrorCommit) -> mirror.MirrorBuild:
    """The oracle: the same build with nothing reused (another converter version converted the previous tree)."""
    return mirror.build_tree(repo, glue, config, previous._replace(converter="another version"))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    root=st.sampled_from(["risk", "."]),
    history=st.lists(st.lists(edit, min_size=1, max_size=5), min_size=1, max_size=6),
)
def test_a_mirror_made_from_what_glue_changed_equals_one_converted_from_scratch(
    root: str, history: list[list[tuple[str, str | None]]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        glue = Glue(Path(tmp) / "glue")
        repo = g2l_git.open_repo(glue.path)
        config = config_for(root)
        try:
            first = glue.apply([("jobs/a.py", "compat"), ("lib", "plain")])
            build = mirror.build_tree(repo, first, config, None)
            tip = mirror.commit(repo, build.tree, None, g2l_git.read_commit(repo, first), config)
            for edits in history:
                head = glue.apply(_edits(edits))
                previous = mirror.read_mirror_commit(repo, tip)
                changed = mirror.build_tree(repo, head, config, previous)
                scratch = _full(repo, head, config, previous)
                assert g2l_git.ls_tree(repo, changed.tree) == g2l_git.ls_tree(repo, scratch.tree)
                assert changed.tree == scratch.tree
                assert changed.warnings == scratch.warnings
                assert changed.findings == tuple(f for f in scratch.findings if f.path in changed.converted)
                tip = mirror.commit(repo, changed.tree, tip, g2l_git.read_commit(repo, head), config)
        finally:
            g2l_git.close(repo)
        assert git(glue.path, "fsck", "--strict", "--no-dangling") == ""


def test_the_compat_module_leaves_when_the_last_file_that_names_it_stops_using_it(tmp_path: Path) -> None:
    """Decided by one git grep over the files Glue did not change (the case the property test reaches rarely)."""
    glue = Glue(tmp_path / "glue")
    repo = g2l_git.open_repo(glue.path)
    config = config_for("risk")
    first = glue.apply([("jobs/a.py", "compat"), ("jobs/b.py", "compat"), ("jobs/c.py", "plain")])
    build = mirror.build_tree(repo, first, config, None)
    tip = mirror.commit(repo, build.tree, None, g2l_git.read_commit(repo, first), config)
    assert "risk/glue_compat.py" in g2l_git.ls_tree(repo, build.tree)
    for gone in ("jobs/a.py", "jobs/b.py"):
        head = glue.apply([(gone, "plain")])
        build = mirror.build_tree(repo, head, config, mirror.read_mirror_commit(repo, tip))
        tip = mirror.commit(repo, build.tree, tip, g2l_git.read_commit(repo, head), config)
        kept = gone == "jobs/a.py"  # jobs/b.py, unchanged, still imports it after the first edit
        assert ("risk/glue_compat.py" in g2l_git.ls_tree(repo, build.tree)) is kept
        assert build.converted == (gone,)
    g2l_git.close(repo)


def test_the_conversion_pool_gives_what_one_process_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    glue = Glue(tmp_path / "glue")
    kinds = ["compat", "plain", "job", "broken", "latin1"]
    files = [(f"jobs/group_{n % 3}/job_{n:03d}.py", kinds[n % len(kinds)]) for n in range(4 * pool.POOL_FROM)]
    head = glue.apply(files)
    repo = g2l_git.open_repo(glue.path)
    config = config_for("risk")
    builds, progress = {}, []
    for jobs in ("1", "2"):
        monkeypatch.setenv("G2L_JOBS", jobs)
        builds[jobs] = mirror.build_tree(repo, head, config, None, lambda done, total: progress.append((done, total)))
    g2l_git.close(repo)
    assert builds["1"] == builds["2"]
    assert len(builds["1"].converted) == len(files)
    assert {f.rule for f in builds["1"].findings} >= {"G2L000"}  # the broken and the Latin-1 files say so
    total = len(files)
    assert progress == [(n, total) for n in range(1, total + 1)] * 2


def test_g2l_jobs_that_is_not_a_count_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("G2L_JOBS", "all")
    with pytest.raises(cfg.G2lError, match="G2L_JOBS='all'"):
        pool.conversion_workers()


@pytest.mark.parametrize("count", [3, 200])
def test_blobs_written_loose_or_packed_are_gits_own(tmp_path: Path, count: int) -> None:
    """A few new blobs go out as loose objects, many as one pack: either way git reads them back byte for byte,
    fsck finds nothing wrong, and a linked work tree writes into the main repository's objects."""
    main = tmp_path / "main"
    git(tmp_path, "init", "-q", "-b", "main", "main")
    git(main, "commit", "-q", "--allow-empty", "-m", "start")
    git(main, "worktree", "add", "-q", str(tmp_path / "linked"))
    repo = g2l_git.open_repo(tmp_path / "linked")
    blobs = {f"f{n}.py": f"value = {n}\n".encode() * (n % 7 + 1) for n in range(count)}
    entries = {name: g2l_git.TreeEntry("100644", g2l_git.write_blob(repo, data)) for name, data in blobs.items()}
    assert g2l_git.read_blob(repo, entries["f1.py"].sha) == blobs["f1.py"]  # read before it is written out
    tree = g2l_git.edit_tree(repo, g2l_git.EMPTY_TREE, entries)
    g2l_git.close(repo)
    packs = list((main / ".git/objects/pack").glob("*.pack"))
    assert len(packs) == (1 if count >= g2l_git.Objects.PACK_FROM else 0)
    assert git(main, "fsck", "--strict", "--no-dangling") == ""
    for name, data in blobs.items():
        shown = subprocess.run(["git", "show", f"{tree}:{name}"], cwd=main, capture_output=True, check=True).stdout
        assert shown == data


def test_a_missing_object_is_a_clear_error(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main", "repo")
    repo = g2l_git.open_repo(tmp_path / "repo")
    with pytest.raises(cfg.G2lError, match="object 0123456789012345678901234567890123456789 is missing"):
        g2l_git.read_blob(repo, "0123456789012345678901234567890123456789")
    g2l_git.close(repo)


def test_an_up_to_date_sync_loads_neither_the_converter_nor_gitpython(story: Story) -> None:
    """Nothing changed since the last sync: no file converts, so libcst (half a second) never loads."""
    assert g2l(story.dbx.path, "sync").code == 0
    proc = subprocess.run(
        [sys.executable, "-c", LOAD_PROBE, "sync"], cwd=story.dbx.path, capture_output=True, text=True, check=False
    )
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("Already up to date: main contains Glue "), proc.stdout + proc.stderr
    assert lines[-2:] == ["exit: 0", "loaded: []"]
    story.glue.commit("Glue: one more job", {"jobs/process_c.py": "from awsglue.context import GlueContext\n"})
    proc = subprocess.run(
        [sys.executable, "-c", LOAD_PROBE, "sync"], cwd=story.dbx.path, capture_output=True, text=True, check=False
    )
    assert proc.stdout.splitlines()[-1] == "loaded: ['libcst']", proc.stdout + proc.stderr  # the probe's own oracle


def test_a_progress_bar_is_drawn_for_many_files_and_nothing_for_a_few() -> None:
    import io

    from rich.console import Console

    from g2l_merge.entry import ProgressBar

    screen = io.StringIO()
    bar = ProgressBar(Console(file=screen, force_terminal=True, width=80))
    for done in range(1, 4):
        bar(done, 3)
    assert screen.getvalue() == ""
    total = ProgressBar.SHOW_FROM + 20
    for done in range(1, total + 1):
        bar(done, total)
    drawn = screen.getvalue()
    assert "converting" in drawn
    assert f"{total}/{total}" in drawn
    assert bar._bar is None  # stopped once every file converted


@pytest.mark.parametrize(
    ("as_json", "tty", "ci", "wanted"),
    [(False, True, None, True), (True, True, None, False), (False, False, None, False), (False, True, "true", False)],
)
def test_bars_only_for_a_person_at_a_terminal(
    monkeypatch: pytest.MonkeyPatch, as_json: bool, tty: bool, ci: str | None, wanted: bool
) -> None:
    from g2l_merge import entry

    monkeypatch.setattr(sys.stdout, "isatty", lambda: tty)
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    assert entry.wants_progress(as_json) is wanted
