"""Random histories of two teams and syncs, checked against an independent oracle (DESIGN.md I1-I5, I8).

Run it (profile g2l-default: 200 examples in 8 test items of 25, about 2 minutes on one idle core; pytest-xdist
spreads the items over its workers):

    python -m pytest -q -n 2 tests/test_histories.py

Deep run (profile g2l-deep: 5000 examples, 8 items of 625, a few hours):

    HYPOTHESIS_PROFILE=g2l-deep python -m pytest -q tests/test_histories.py

Add --hypothesis-show-statistics to see how often each situation (conflict kinds, rewrites, skipped native
patches) came up.

What is generated.  A Glue repository (files `jobs/g<n>.py` of lines `g<n> = <n>`, optionally one converted
API line `df<n> = glueContext.create_dynamic_frame.from_catalog(..., table_name="t<n>")`) and a Databricks
repository set up with `init` (or `init --adopt` over a hand-migrated tree).  Then 3-8 steps: Glue commits (edit,
insert or delete a line, change or add an API call, add, delete or `git mv` a file, rewind 1-3 commits),
Databricks commits on main (edit, insert or delete a line, add a file, delete a file, `git mv` a file, mark a
converted file native, wrap 1-2 lines in a protected region, move a native file) and syncs: `sync --json` in the
work tree, or `sync --json --branch g2l/sync-N` then either `git merge --ff-only` into main, or leaving the branch
unmerged (a pending sync PR nobody merged).  Conflicts are resolved uniformly per sync: "ours" (Databricks side
of each block / keep the modified file), "theirs" (Glue side / accept the deletion) or "both" (ours then theirs).
Every history ends with a work-tree sync.  Every line is a unique token, so lines are tracked by identity
(`df<n>` identifies an API line whatever the converter turned it into).

The oracle imports nothing from g2l_merge.  It keeps its own model of what each team did:
- dbx_lines: tokens the Databricks team added and still wants (also old or discarded Glue lines that a
  resolution kept on the Databricks side: from then on they are Databricks content);
- dbx_removed: Glue tokens the Databricks team removed on purpose (edit/delete of the line or of the file,
  or a resolution that dropped Glue's side);
- natives: Databricks path -> exact bytes; regions: name -> exact bytes of begin..end lines;
- Glue: the tokens of every Glue commit ever made, so `discarded` = tokens only in commits no longer reachable
  from the Glue head; skipped: tokens that a `skipped_native` patch of a native path listed as added.
After every sync it checks, on the sync's result (the merge commit's tree with --branch, the work tree
otherwise, conflicted or not):
- exit code 0 or 1, status consistent with it, no traceback; a conflict-marker file is listed in `conflicts`;
- I1 every dbx_lines token is in some file of the result, outside conflict blocks or on either side of one
  (a block's base section does not count);
- I2 every native file is byte-identical at its Databricks path and not listed as conflicted;
- I3 every region's bytes occur verbatim in some file of the result (inside a conflict block counts);
- I4 every token of the Glue head, and the header line of each Glue file, is in the result, or in dbx_removed,
  or in skipped, or its file is listed as a modify-delete conflict;
- I5 main moves only to a merge commit [old tip, new mirror] (or not at all; with conflicts in the work tree it
  stays and MERGE_HEAD is the new mirror); a --branch tip is [main tip, new mirror]; the mirror stays or moves
  to a child of its old tip; `git status` is clean after a clean work-tree sync;
- I8 the report's glue_commit and the mirror tip's G2l-Glue-Commit are the Glue head, the mirror tip holds
  exactly the conversion of the Glue head (same files, same tokens, no create_dynamic_frame left); when the
  Glue commit of the previous sync is not an ancestor of the head, the output says "history was rewritten"
  and names both commits (first 7 hex digits); no discarded token is in the result outside the Databricks
  side or base of a conflict block (Glue's side of a block never holds one), except in native files,
  protected regions, dbx_lines and files listed as modify-delete conflicts.

Oracle choices to review (where DESIGN.md is not explicit, the oracle checks less):
- lines and regions are looked for anywhere in the result, not at a particular path: where a file lands after
  renames on both sides is git's rename detection, not a guarantee; tokens are unique, so nothing is lost
  silently either way.  Native files are checked at their exact Databricks path, as I2 says.
- spurious conflicts are allowed (DESIGN.md never promises a clean merge), except on a native path.
- resolving a conflict is a Databricks decision: lines dropped from Glue's side count as removed on purpose,
  old or discarded Glue lines kept from the Databricks side become Databricks lines.  Accepting Glue's deletion
  of a file ("theirs" on modify/delete) is not a Databricks removal of the Glue lines.
- the rewrite message is required only when the Glue commit of the last sync (the mirror tip, including a
  pending --branch sync) is not an ancestor of the Glue head; a rewind of commits never synced needs no message.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, Phase, event, given, note, settings
from hypothesis import strategies as st

from conftest import DbxRepo, GlueRepo, g2l, git

pytestmark = pytest.mark.slow

settings.register_profile(
    "g2l-default",
    max_examples=200,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],  # explain: minutes, no news
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
settings.register_profile("g2l-deep", parent=settings.get_profile("g2l-default"), max_examples=5000)
PROFILE = settings.get_profile("g2l-deep" if os.environ.get("HYPOTHESIS_PROFILE") == "g2l-deep" else "g2l-default")

GLUE_ENV = {"GIT_AUTHOR_NAME": "Gus Glue", "GIT_AUTHOR_EMAIL": "gus@bank.example"}
TOKEN = re.compile(r"((?:g|d|df)\d+) = ")
HEADER = "# g2l: converted from "
NATIVE = "# g2l: native"
BEGIN = "# g2l: protect begin "
END = "# g2l: protect end "
API = 'df{n} = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="t{n}")\n'


# -- lines, conflict blocks, trees ------------------------------------------------------------------------------


def ident(line: str) -> str | None:
    """A line's identity: its token (`g12`, `d13`, `df14`) or, for a header, the whole header line."""
    bare = line.rstrip("\r\n")
    found = TOKEN.match(bare)
    if found:
        return found.group(1)
    return bare if bare.startswith(HEADER) else None


def idents(lines: Iterable[str]) -> list[str]:
    return [i for i in map(ident, lines) if i is not None]


def is_glue_token(token: str) -> bool:
    return token.startswith((HEADER, "g", "df"))


class Block(NamedTuple):
    ours: list[str]
    base: list[str]
    theirs: list[str]


def parse_blocks(text: str) -> tuple[list[str | Block], bool]:
    """Split a file into plain lines and zdiff3 conflict blocks; the flag says the markers are malformed."""
    out: list[str | Block] = []
    state, cur = "out", Block([], [], [])
    malformed = False
    for line in text.splitlines(keepends=True):
        bare = line.rstrip("\r\n")
        if state == "out":
            if bare.startswith("<<<<<<<"):
                state, cur = "ours", Block([], [], [])
            elif bare.startswith(("|||||||", ">>>>>>>")) or bare == "=======":
                malformed = True
                out.append(line)
            else:
                out.append(line)
        elif state == "ours":
            if bare.startswith("|||||||"):
                state = "base"
            elif bare == "=======":
                state = "theirs"
            else:
                cur.ours.append(line)
        elif state == "base":
            if bare == "=======":
                state = "theirs"
            else:
                cur.base.append(line)
        elif bare.startswith(">>>>>>>"):
            out.append(cur)
            state = "out"
        else:
            cur.theirs.append(line)
    return out, malformed or state != "out"


def has_markers(text: str) -> bool:
    return any(line.startswith("<<<<<<<") for line in text.splitlines())


def tree_files(path: Path, rev: str) -> dict[str, bytes]:
    listing = subprocess.run(["git", "ls-tree", "-r", "-z", rev], cwd=path, capture_output=True, check=True).stdout
    entries = []
    for record in filter(None, listing.split(b"\0")):
        meta, name = record.split(b"\t", 1)
        _mode, kind, sha = meta.split()
        if kind == b"blob":
            entries.append((name.decode(), sha.decode()))
    if not entries:
        return {}
    batch = subprocess.run(
        ["git", "cat-file", "--batch"],
        cwd=path,
        capture_output=True,
        check=True,
        input="".join(sha + "\n" for _, sha in entries).encode(),
    ).stdout
    files, pos = {}, 0
    for name, _sha in entries:
        newline = batch.index(b"\n", pos)
        size = int(batch[pos:newline].split()[2])
        files[name] = batch[newline + 1 : newline + 1 + size]
        pos = newline + 1 + size + 1
    return files


def worktree_files(path: Path) -> dict[str, bytes]:
    return {
        p.relative_to(path).as_posix(): p.read_bytes()
        for p in sorted(path.rglob("*"))
        if p.is_file() and p.relative_to(path).parts[0] != ".git"
    }


def parse_report(output: str) -> dict[str, Any]:
    start = output.find("{")
    assert start >= 0, f"no JSON report in the sync output:\n{output}"
    report, _end = json.JSONDecoder().raw_decode(output[start:])
    return report  # type: ignore[no-any-return]


# -- the steps --------------------------------------------------------------------------------------------------

# A file pick ranks the candidate files by how recently a step touched them (a Databricks file counts as its Glue
# source), so small picks make the two teams work on the same file.  A line pick is taken modulo the candidate
# lines; -1 means the line the last line step touched (its "hot" line) when the file still has it.
FILE = st.sampled_from([0, 0, 0, 1, 1, 2, 3, 5])
LINE = st.one_of(st.just(-1), st.integers(0, 63), st.integers(0, 63))
HOW = st.sampled_from(["ours", "theirs", "both"])
WEIGHTED_STEPS = [
    (3, st.tuples(st.just("glue_line"), st.sampled_from(["edit", "insert", "delete"]), FILE, LINE)),
    (1, st.tuples(st.just("glue_api"), FILE, LINE)),
    (1, st.tuples(st.just("glue_add_file"), st.integers(3, 7))),
    (1, st.tuples(st.just("glue_delete_file"), FILE)),
    (2, st.tuples(st.just("glue_rename"), FILE)),
    (2, st.tuples(st.just("glue_rewind"), st.integers(1, 3))),
    (3, st.tuples(st.just("dbx_line"), st.sampled_from(["edit", "insert", "delete"]), FILE, LINE)),
    (1, st.tuples(st.just("dbx_add_file"), st.integers(2, 4))),
    (1, st.tuples(st.just("dbx_delete_file"), FILE)),
    (1, st.tuples(st.just("dbx_rename"), FILE)),
    (2, st.tuples(st.just("dbx_native"), FILE)),
    (2, st.tuples(st.just("dbx_protect"), FILE, LINE, st.integers(1, 2))),
    (1, st.tuples(st.just("dbx_move_native"), FILE)),
    (3, st.tuples(st.just("sync"), HOW)),
    (3, st.tuples(st.just("sync_branch"), HOW, st.sampled_from(["merge", "merge", "leave"]))),
]
STEP = st.one_of(*[strategy for weight, strategy in WEIGHTED_STEPS for _ in range(weight)])
SETUP = st.fixed_dictionaries(
    {
        "sizes": st.lists(st.integers(4, 8), min_size=2, max_size=4),
        "api": st.booleans(),
        "adopt": st.sampled_from([False, False, False, True]),
        "hand": st.lists(st.integers(0, 9), min_size=4, max_size=4),
    }
)


class Violations(AssertionError):
    pass


class World:
    """Both repositories, the oracle's model of what each team did, and the steps that change them."""

    def __init__(self, root: Path) -> None:
        self.glue = GlueRepo(root / "glue")
        self.dbx = DbxRepo(root / "dbx")
        self.counter = 0
        self.glue_commits: dict[str, frozenset[str]] = {}
        self.dbx_lines: set[str] = set()
        self.dbx_removed: set[str] = set()
        self.natives: dict[str, bytes] = {}
        self.regions: dict[str, bytes] = {}
        self.skipped: set[str] = set()
        self.mirror_glue = ""
        self.syncs = 0
        self.log: list[str] = []
        self.recent: list[str] = []  # file keys, most recently touched first
        self.origin: dict[str, str] = {}  # Glue path -> the Glue path it was renamed from
        self.hot: str | None = None  # the identity of the line the last line step touched

    # -- bookkeeping -----------------------------------------------------------------------------------------

    def new(self) -> int:
        self.counter += 1
        return self.counter

    def key(self, glue_path: str) -> str:
        while glue_path in self.origin:
            glue_path = self.origin[glue_path]
        return glue_path

    def dbx_key(self, name: str) -> str:
        with (self.dbx.path / name).open() as handle:
            first = handle.readline()
        return self.key(first[len(HEADER) :].rstrip("\r\n")) if first.startswith(HEADER) else name

    def touch(self, key: str) -> None:
        self.recent = [key] + [k for k in self.recent if k != key]

    def choose(self, candidates: list[str], pick: int, dbx_side: bool) -> str:
        rank = {k: i for i, k in enumerate(self.recent)}
        keyed = [((self.dbx_key(c) if dbx_side else self.key(c)), c) for c in candidates]
        ordered = sorted(keyed, key=lambda kc: (rank.get(kc[0], len(rank)), kc[1]))
        key, chosen = ordered[pick % len(ordered)]
        self.touch(key)
        return chosen

    def at(self, lines: list[str], indexes: list[int], lpick: int, shift: int = 0) -> int:
        """One of `indexes`: the hot line's index (+ shift) when lpick is -1 and it is there, else by modulo."""
        if lpick < 0:
            for i, line in enumerate(lines):
                if self.hot is not None and ident(line) == self.hot and i + shift in indexes:
                    return i + shift
        return indexes[lpick % len(indexes)]

    def say(self, text: str) -> None:
        self.log.append(text)
        note(text)

    def glue_head(self) -> dict[str, list[str]]:
        """The Glue head (its work tree is always clean): path -> expected identities, header first."""
        jobs = self.glue.path / "jobs"
        files = sorted(jobs.rglob("*.py")) if jobs.exists() else []
        return {
            (rel := p.relative_to(self.glue.path).as_posix()): [HEADER + rel, *idents(p.read_text().splitlines())]
            for p in files
        }

    def glue_rev(self, rev: str = "HEAD") -> str:
        return git(self.glue.path, "rev-parse", rev)

    def glue_commit(self, message: str) -> None:
        git(self.glue.path, "add", "-A")
        git(self.glue.path, "commit", "-q", "-m", message, env=GLUE_ENV)
        self.glue_commits[self.glue_rev()] = frozenset(t for ts in self.glue_head().values() for t in ts)

    def discarded(self) -> set[str]:
        reachable = git(self.glue.path, "rev-list", "HEAD").split()
        everything = set().union(*self.glue_commits.values())
        return everything - set().union(*(self.glue_commits[sha] for sha in reachable))

    def dbx_commit(self, message: str) -> None:
        git(self.dbx.path, "add", "-A")
        git(self.dbx.path, "commit", "-q", "-m", message)

    def dbx_files(self) -> list[str]:
        return sorted(p for p in git(self.dbx.path, "ls-files").splitlines() if p.endswith(".py"))

    def read(self, repo: Path, name: str) -> list[str]:
        return (repo / name).read_text().splitlines(keepends=True)

    def write(self, repo: Path, name: str, lines: list[str]) -> None:
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text("".join(lines))

    @staticmethod
    def region_spans(lines: list[str]) -> list[tuple[int, int]]:
        spans, start = [], None
        for i, line in enumerate(lines):
            if line.startswith(BEGIN):
                start = i
            elif line.startswith(END) and start is not None:
                spans.append((start, i))
                start = None
        return spans

    @staticmethod
    def is_native(lines: list[str]) -> bool:
        return any(line.rstrip("\r\n") == NATIVE for line in lines[:5])

    def native_sources(self) -> set[str]:
        """Glue paths whose Databricks copy is native (for the known-defect gate)."""
        sources = set()
        for name in self.natives:
            first = self.read(self.dbx.path, name)[0]
            if first.startswith(HEADER):
                sources.add(first[len(HEADER) :].rstrip("\r\n"))
        return sources

    # -- setup -------------------------------------------------------------------------------------------------

    def setup(self, sizes: list[int], api: bool, adopt: bool, hand: list[int]) -> None:
        for size in sizes:
            n = self.new()
            lines = [f"g{(k := self.new())} = {k}\n" for _ in range(size)]
            if api and n == 1:
                lines.insert(size // 2, API.format(n=self.new()))
            self.write(self.glue.path, f"jobs/g{n}.py", lines)
        self.glue_commit("Glue v1")
        self.mirror_glue = self.glue_rev()
        if adopt:
            self._hand_migrate(hand)
            run = g2l(self.dbx.path, "init", "--glue", "../glue", "--adopt", self.mirror_glue)
        else:
            run = g2l(self.dbx.path, "init", "--glue", "../glue")
        self.say(
            f"setup: Glue files {sizes} lines{' with an API line' if api else ''}; "
            f"{'init --adopt of a hand migration' if adopt else 'init'}"
        )
        assert run.code == 0, run.output

    def _hand_migrate(self, hand: list[int]) -> None:
        """A hand-migrated tree: some Glue files missing, one line of each other file rewritten by hand."""
        for i, (name, tokens) in enumerate(self.glue_head().items()):
            choice = hand[i % len(hand)]
            if choice == 0:
                self.dbx_removed.update(tokens)
                self.say(f"  hand migration leaves out {name}")
                continue
            lines = [tokens[0] + "\n", *self.read(self.glue.path, name)]
            at = 1 + choice % (len(lines) - 1)
            old = ident(lines[at])
            assert old is not None
            lines[at] = f"d{(k := self.new())} = {k}\n"
            self.dbx_removed.add(old)
            self.dbx_lines.add(f"d{k}")
            self.write(self.dbx.path, name, lines)
            self.say(f"  hand migration of {name} writes d{k} instead of {old}")
        git(self.dbx.path, "add", "-A")
        git(self.dbx.path, "commit", "-q", "--allow-empty", "-m", "Hand migration")

    # -- Glue steps --------------------------------------------------------------------------------------------

    def glue_files(self) -> list[str]:
        return list(self.glue_head())

    def glue_line(self, kind: str, fpick: int, lpick: int) -> None:
        name = self.choose(self.glue_files(), fpick, dbx_side=False)
        lines = self.read(self.glue.path, name)
        if kind == "delete" and len(lines) < 2:
            self.say(f"glue: delete a line of {name}: skipped (last line)")
            return
        at = self.at(lines, list(range(len(lines))), lpick)
        if kind == "insert":
            lines.insert(at + 1, f"g{(k := self.new())} = {k}\n")
            self.hot = f"g{k}"
            self.say(f"glue: insert g{k} after {ident(lines[at])} in {name}")
        elif kind == "edit":
            old = ident(lines[at])
            lines[at] = f"g{(k := self.new())} = {k}\n"
            self.hot = f"g{k}"
            self.say(f"glue: edit {old} -> g{k} in {name}")
        else:
            self.say(f"glue: delete {ident(lines.pop(at))} in {name}")
            self.hot = ident(lines[min(at, len(lines) - 1)])
        self.write(self.glue.path, name, lines)
        self.glue_commit(f"Glue {kind}s a line")

    def glue_api(self, fpick: int, lpick: int) -> None:
        name = self.choose(self.glue_files(), fpick, dbx_side=False)
        lines = self.read(self.glue.path, name)
        api = [i for i, line in enumerate(lines) if line.startswith("df")]
        k = self.new()
        if api:
            at = self.at(lines, api, lpick)
            self.say(f"glue: API call {ident(lines[at])} -> df{k} (table t{k}) in {name}")
            lines[at] = API.format(n=k)
        else:
            at = self.at(lines, list(range(len(lines))), lpick)
            self.say(f"glue: new API call df{k} after {ident(lines[at])} in {name}")
            lines.insert(at + 1, API.format(n=k))
        self.hot = f"df{k}"
        self.write(self.glue.path, name, lines)
        self.glue_commit("Glue changes a catalog read")

    def glue_add_file(self, size: int) -> None:
        name = f"jobs/g{self.new()}.py"
        self.touch(name)
        self.write(self.glue.path, name, [f"g{(k := self.new())} = {k}\n" for _ in range(size)])
        self.say(f"glue: add {name}")
        self.glue_commit("Glue adds a job")

    def glue_delete_file(self, pick: int) -> None:
        files = self.glue_files()
        if len(files) < 2:
            self.say("glue: delete a file: skipped (last file)")
            return
        name = self.choose(files, pick, dbx_side=False)
        git(self.glue.path, "rm", "-q", name)
        self.say(f"glue: delete {name}")
        self.glue_commit("Glue retires a job")

    def glue_rename(self, pick: int) -> None:
        name = self.choose(self.glue_files(), pick, dbx_side=False)
        new = f"jobs/g{self.new()}.py"
        git(self.glue.path, "mv", name, new)
        self.origin[new] = name
        self.say(f"glue: git mv {name} {new}")
        self.glue_commit("Glue renames a job")

    def glue_rewind(self, depth: int) -> None:
        count = int(git(self.glue.path, "rev-list", "--count", "HEAD"))
        depth = min(depth, count - 1)
        if depth < 1:
            self.say("glue: reset --hard: skipped (the root commit)")
            return
        git(self.glue.path, "reset", "-q", "--hard", f"HEAD~{depth}")
        self.say(f"glue: reset --hard HEAD~{depth} (force-push), head {self.glue_rev()[:7]}")

    # -- Databricks steps --------------------------------------------------------------------------------------

    def _outside_regions(self, lines: list[str]) -> set[int]:
        inside = {i for a, b in self.region_spans(lines) for i in range(a, b + 1)}
        return set(range(len(lines))) - inside

    def dbx_line(self, kind: str, fpick: int, lpick: int) -> None:
        files = self.dbx_files()
        if not files:
            self.say("dbx: line step skipped (no files)")
            return
        name = self.choose(files, fpick, dbx_side=True)
        lines = self.read(self.dbx.path, name)
        free = sorted(i for i in self._outside_regions(lines) if TOKEN.match(lines[i]))
        if kind == "insert":
            prelude = 0
            while prelude < len(lines) and (lines[prelude].startswith(HEADER) or lines[prelude].rstrip() == NATIVE):
                prelude += 1
            spans = self.region_spans(lines)
            gaps = [g for g in range(prelude, len(lines) + 1) if not any(a < g <= b for a, b in spans)]
            at = self.at(lines, gaps, lpick, shift=1)
            lines.insert(at, f"d{(k := self.new())} = {k}\n")
            self.hot = f"d{k}"
            self.dbx_lines.add(f"d{k}")
            self.say(f"dbx: insert d{k} at line {at + 1} of {name}")
        elif not free:
            self.say(f"dbx: {kind} a line of {name}: skipped (no free line)")
            return
        else:
            at = self.at(lines, free, lpick)
            old = ident(lines[at])
            assert old is not None
            self.dbx_lines.discard(old)
            if is_glue_token(old):
                self.dbx_removed.add(old)
            if kind == "edit":
                lines[at] = f"d{(k := self.new())} = {k}\n"
                self.hot = f"d{k}"
                self.dbx_lines.add(f"d{k}")
                self.say(f"dbx: edit {old} -> d{k} in {name}")
            else:
                del lines[at]
                self.hot = ident(lines[min(at, len(lines) - 1)]) if lines else None
                self.say(f"dbx: delete {old} in {name}")
        self.write(self.dbx.path, name, lines)
        if name in self.natives:
            self.natives[name] = (self.dbx.path / name).read_bytes()
        self.dbx_commit(f"Databricks {kind}s a line")

    def dbx_add_file(self, size: int) -> None:
        name = f"dbx/d{self.new()}.py"
        self.touch(name)
        lines = [f"d{(k := self.new())} = {k}\n" for _ in range(size)]
        self.dbx_lines.update(idents(lines))
        self.write(self.dbx.path, name, lines)
        self.say(f"dbx: add {name}")
        self.dbx_commit("Databricks adds a module")

    def dbx_delete_file(self, pick: int) -> None:
        files = self.dbx_files()
        if not files:
            self.say("dbx: delete a file: skipped (no files)")
            return
        name = self.choose(files, pick, dbx_side=True)
        text = (self.dbx.path / name).read_text()
        for token in idents(text.splitlines()):
            self.dbx_lines.discard(token)
            if is_glue_token(token):
                self.dbx_removed.add(token)
        self.natives.pop(name, None)
        self.regions = {r: b for r, b in self.regions.items() if b.decode() not in text}
        git(self.dbx.path, "rm", "-q", name)
        self.say(f"dbx: delete {name}")
        self.dbx_commit("Databricks deletes a file")

    def dbx_rename(self, pick: int, natives_only: bool = False) -> None:
        files = [f for f in self.dbx_files() if f in self.natives] if natives_only else self.dbx_files()
        what = "native file" if natives_only else "file"
        if not files:
            self.say(f"dbx: move a {what}: skipped (none)")
            return
        name = self.choose(files, pick, dbx_side=True)
        new = f"moved/m{self.new()}.py"
        (self.dbx.path / "moved").mkdir(exist_ok=True)
        git(self.dbx.path, "mv", name, new)
        if self.dbx_key(new) == new:
            self.touch(new)
        if name in self.natives:
            self.natives[new] = self.natives.pop(name)
        self.say(f"dbx: git mv {name} {new}{' (native)' if name in self.natives or new in self.natives else ''}")
        self.dbx_commit(f"Databricks moves a {what}")

    def dbx_native(self, pick: int) -> None:
        files = [
            f
            for f in self.dbx_files()
            if (lines := self.read(self.dbx.path, f)) and lines[0].startswith(HEADER) and not self.is_native(lines)
        ]
        if not files:
            self.say("dbx: mark native: skipped (no converted file)")
            return
        name = self.choose(files, pick, dbx_side=True)
        lines = self.read(self.dbx.path, name)
        lines.insert(1, NATIVE + "\n")
        self.write(self.dbx.path, name, lines)
        self.natives[name] = (self.dbx.path / name).read_bytes()
        self.say(f"dbx: mark {name} native")
        self.dbx_commit("Databricks owns a job")

    def dbx_protect(self, fpick: int, lpick: int, length: int) -> None:
        starts = {}
        for name in self.dbx_files():
            lines = self.read(self.dbx.path, name)
            free = self._outside_regions(lines)
            if name not in self.natives and any(TOKEN.match(lines[i]) for i in free):
                starts[name] = sorted(i for i in free if TOKEN.match(lines[i]))
        if not starts:
            self.say("dbx: protect: skipped (no free line)")
            return
        name = self.choose(list(starts), fpick, dbx_side=True)
        lines = self.read(self.dbx.path, name)
        start = self.at(lines, starts[name], lpick)
        free = self._outside_regions(lines)
        end = start
        while end + 1 < len(lines) and end + 1 - start < length and end + 1 in free and TOKEN.match(lines[end + 1]):
            end += 1
        region = f"r{self.new()}"
        block = [BEGIN + region + "\n", *lines[start : end + 1], END + region + "\n"]
        lines[start : end + 1] = block
        self.write(self.dbx.path, name, lines)
        self.regions[region] = "".join(block).encode()
        self.hot = ident(block[1])
        self.say(f"dbx: protect {idents(block)} in {name} as {region}")
        self.dbx_commit("Databricks protects lines")

    # -- syncs -------------------------------------------------------------------------------------------------

    def sync(self, how: str, branch_mode: bool = False, merge: bool = True) -> None:
        dbx = self.dbx
        self.syncs += 1
        old_tip, old_mirror = dbx.rev("main"), dbx.rev("glue-mirror")
        old_main_files = tree_files(dbx.path, old_tip) if branch_mode else {}
        previous_glue, head = self.mirror_glue, self.glue_rev()
        rewritten = (
            subprocess.run(
                ["git", "merge-base", "--is-ancestor", previous_glue, head], cwd=self.glue.path, check=False
            ).returncode
            != 0
        )
        branch = f"g2l/sync-{self.syncs}"
        args = ["sync", "--json", *(["--branch", branch] if branch_mode else [])]
        self.say(
            f"sync{' --branch ' + branch if branch_mode else ''} (Glue head {head[:7]}"
            f"{', history rewritten since ' + previous_glue[:7] if rewritten else ''})"
        )
        run = g2l(dbx.path, *args)
        problems: list[str] = []
        if run.code not in (0, 1) or "Traceback" in run.output:
            raise Violations(f"sync exited {run.code}:\n{run.output}")
        report = parse_report(run.output)
        status = report["status"]
        event(f"sync: {status}")
        for kind in sorted({c["kind"] for c in report.get("conflicts", [])}):
            event(f"sync: {kind} conflict")
        if rewritten:
            event("sync after a rewrite of synced Glue history")
        if report.get("skipped_native"):
            event("sync: skipped_native listed")
        if any(path not in self.glue_head() for path in self.natives):
            event("sync with a native file off its Glue path")
        if (status == "conflicts") != (run.code == 1):
            problems.append(f"exit {run.code} with status {status}")
        conflicts = report.get("conflicts", [])
        new_mirror = dbx.rev("glue-mirror")
        if branch_mode:
            result_rev = dbx.rev(branch) if status != "up-to-date" else old_tip
            files = tree_files(dbx.path, result_rev)
        else:
            files = worktree_files(dbx.path)
        self._check_refs(problems, status, branch_mode, branch, old_tip, old_mirror, new_mirror)
        self._check_mirror(problems, report, new_mirror, head, status)
        if rewritten:
            said = run.output.lower()
            if "history was rewritten" not in said or previous_glue[:7] not in said or head[:7] not in said:
                problems.append(
                    f"I8: Glue history was rewritten ({previous_glue[:7]} is not an ancestor of "
                    f"{head[:7]}) but the sync output does not say so with both commits"
                )
        for item in report.get("skipped_native", []):
            if item["path"] in self.natives:
                self.skipped.update(
                    idents(
                        line[1:]
                        for line in item["patch"].splitlines()
                        if line.startswith("+") and not line.startswith("+++")
                    )
                )
        self._check_result(problems, files, conflicts)
        if problems:
            raise Violations("\n".join([f"after: {self.log[-1]}", *problems, "report:", run.output]))
        self.mirror_glue = head
        if status == "up-to-date":
            return
        if branch_mode and not merge:
            self.say(f"  {status}; {branch} left unmerged")
            return
        if branch_mode:
            git(dbx.path, "merge", "-q", "--ff-only", branch)
        self.say(
            f"  {status}"
            + (
                f", resolved '{how}': " + ", ".join(f"{c['kind']} {c['path']}" for c in conflicts)
                if status == "conflicts"
                else ""
            )
        )
        if status == "conflicts":
            self._resolve(
                how, branch_mode, {c["path"] for c in conflicts}, old_main_files, tree_files(dbx.path, new_mirror)
            )

    def _check_refs(
        self,
        problems: list[str],
        status: str,
        branch_mode: bool,
        branch: str,
        old_tip: str,
        old_mirror: str,
        new_mirror: str,
    ) -> None:
        dbx = self.dbx
        if new_mirror != old_mirror and dbx.parents(new_mirror) != [old_mirror]:
            problems.append(f"I5: glue-mirror moved from {old_mirror[:7]} to {new_mirror[:7]}, not a child of it")
        tip = dbx.rev("main")
        if branch_mode:
            if tip != old_tip:
                problems.append("I5: sync --branch moved main")
            if status != "up-to-date" and dbx.parents(branch) != [old_tip, new_mirror]:
                problems.append(f"I5: {branch} is not a merge [main tip, new mirror]: {dbx.parents(branch)}")
            if git(dbx.path, "status", "--porcelain"):
                problems.append("I5: sync --branch touched the work tree")
        elif status == "up-to-date" or status == "conflicts":
            if tip != old_tip:
                problems.append(f"I5: main moved on a sync with status {status}")
            merge_head = dbx.path / ".git" / "MERGE_HEAD"
            if status == "conflicts" and (not merge_head.exists() or merge_head.read_text().strip() != new_mirror):
                problems.append("I5: conflicts in the work tree without MERGE_HEAD = the new mirror commit")
        else:
            if dbx.parents(tip) != [old_tip, new_mirror]:
                problems.append(f"I5: main moved to {tip[:7]} whose parents are not [old tip, new mirror]")
            dirty = git(dbx.path, "status", "--porcelain")
            if dirty:
                problems.append(f"git status is not clean after a clean sync:\n{dirty}")

    def _check_mirror(
        self, problems: list[str], report: dict[str, Any], new_mirror: str, head: str, status: str
    ) -> None:
        dbx = self.dbx
        if report.get("glue_commit") != head:
            problems.append(
                f"I8: the sync merged Glue {str(report.get('glue_commit'))[:7]}, not the Glue head {head[:7]}"
            )
        message = git(dbx.path, "log", "-1", "--format=%B", new_mirror)
        if f"G2l-Glue-Commit: {head}" not in message:
            problems.append(f"I8: the mirror tip {new_mirror[:7]} is not the conversion of the Glue head {head[:7]}")
        if (
            status == "up-to-date"
            and subprocess.run(
                ["git", "merge-base", "--is-ancestor", new_mirror, "main"], cwd=dbx.path, check=False
            ).returncode
            != 0
        ):
            problems.append("up-to-date, but main does not contain the mirror tip")
        mirror_files = {p: b for p, b in tree_files(dbx.path, new_mirror).items() if not p.endswith("glue_compat.py")}
        expected = self.glue_head()
        actual = {p: idents(b.decode().splitlines()) for p, b in mirror_files.items()}
        if actual != expected:
            problems.append(
                f"I8: the mirror tree is not the conversion of the Glue head:\n  mirror {actual}\n  glue   {expected}"
            )
        leftovers = [p for p, b in mirror_files.items() if b"create_dynamic_frame" in b]
        if leftovers:
            problems.append(f"conversion: create_dynamic_frame left in the mirror: {leftovers}")

    def _check_result(self, problems: list[str], files: dict[str, bytes], conflicts: list[dict[str, Any]]) -> None:
        listed = {c["path"] for c in conflicts}
        whole_file = {c["path"] for c in conflicts if c["kind"] == "modify-delete"}
        present: set[str] = set()
        outside: dict[str, set[str]] = {}
        glue_side: set[str] = set()
        texts = {p: b.decode("utf-8", "replace") for p, b in files.items()}
        for path, text in texts.items():
            segments, malformed = parse_blocks(text)
            if malformed:
                problems.append(f"malformed conflict markers in {path}")
            if any(isinstance(s, Block) for s in segments) and path not in listed:
                problems.append(f"{path} holds conflict markers but the report does not list it")
            outside[path] = set(idents(s for s in segments if isinstance(s, str)))
            present.update(outside[path])
            present.update(t for s in segments if isinstance(s, Block) for t in idents(s.ours + s.theirs))
            glue_side.update(t for s in segments if isinstance(s, Block) for t in idents(s.theirs))
        lost = sorted(self.dbx_lines - present)  # the base section of a block does not count
        if lost:
            problems.append(f"I1: Databricks lines lost: {lost}")
        for path, data in self.natives.items():
            if files.get(path) != data:
                got = files.get(path)
                problems.append(f"I2: native {path} is not byte-identical:\n  want {data!r}\n  got  {got!r}")
            if path in listed:
                problems.append(f"I2: native {path} is listed as conflicted")
        every = "\n".join(texts.values())
        for name, data in self.regions.items():
            if data.decode() not in every:
                problems.append(f"I3: protected region {name} not verbatim in the result:\n  want {data!r}")
        for name, tokens in self.glue_head().items():
            if name in whole_file:
                continue
            missing = [t for t in tokens if t not in present and t not in self.dbx_removed and t not in self.skipped]
            if missing:
                problems.append(f"I4: Glue lines of {name} missing from the result: {missing}")
        discarded = self.discarded()
        if glue_side & discarded:
            problems.append(f"I8: discarded Glue lines on Glue's side of a conflict: {sorted(glue_side & discarded)}")
        region_tokens = set(idents("\n".join(b.decode() for b in self.regions.values()).splitlines()))
        for path, tokens in outside.items():
            if path in self.natives or path in whole_file:
                continue
            back = tokens & discarded - self.dbx_lines - region_tokens
            if back:
                problems.append(f"I8: lines of discarded Glue commits in {path}: {sorted(back)}")

    # -- resolving conflicts -----------------------------------------------------------------------------------

    def _resolve(
        self, how: str, branch_mode: bool, listed: set[str], ours_tree: dict[str, bytes], theirs_tree: dict[str, bytes]
    ) -> None:
        dbx = self.dbx
        head_tokens = {t for ts in self.glue_head().values() for t in ts}

        def account(ours: Iterable[str], theirs: Iterable[str], kept: Iterable[str]) -> None:
            ours, theirs, kept = set(ours), set(theirs), set(kept)
            for token in ours - kept:
                self.dbx_lines.discard(token)
            for token in theirs - kept:
                if token in head_tokens:
                    self.dbx_removed.add(token)
            for token in ours & kept:
                if is_glue_token(token) and token not in head_tokens:
                    self.dbx_lines.add(token)

        stages: dict[str, set[int]] = {}
        if not branch_mode:
            raw = subprocess.run(["git", "ls-files", "-u", "-z"], cwd=dbx.path, capture_output=True, check=True).stdout
            for record in filter(None, raw.split(b"\0")):
                meta, name = record.split(b"\t", 1)
                stages.setdefault(name.decode(), set()).add(int(meta.split()[2]))
        else:
            for name in listed:
                stages[name] = {s for s, tree in ((2, ours_tree), (3, theirs_tree)) if name in tree}
        for name, text in worktree_files(dbx.path).items():
            if has_markers(text.decode("utf-8", "replace")):
                stages.setdefault(name, {2, 3})
        for name, have in sorted(stages.items()):
            target = dbx.path / name
            text = target.read_text() if target.exists() else None
            if text is not None and has_markers(text):
                out: list[str] = []
                for segment in parse_blocks(text)[0]:
                    if isinstance(segment, str):
                        out.append(segment)
                        continue
                    chosen = {"ours": segment.ours, "theirs": segment.theirs}.get(how, segment.ours + segment.theirs)
                    account(idents(segment.ours), idents(segment.theirs), idents(chosen))
                    out.extend(chosen)
                target.write_text("".join(out))
            elif {2, 3} <= have or not have & {2, 3}:
                pass
            elif 3 not in have:  # Glue deleted (or moved away) what the Databricks side has
                content = ours_tree.get(name) if branch_mode else git_show(dbx.path, f":2:{name}")
                lines = (content or b"").decode().splitlines()
                if how == "theirs":
                    account(idents(lines), [], [])
                    target.unlink(missing_ok=True)
                elif content is not None:
                    account(idents(lines), [], idents(lines))
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(content)
            else:  # the Databricks side deleted what Glue changed
                content = theirs_tree.get(name) if branch_mode else git_show(dbx.path, f":3:{name}")
                lines = (content or b"").decode().splitlines()
                if how == "ours":
                    account([], idents(lines), [])
                    target.unlink(missing_ok=True)
                elif content is not None:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(content)
        git(dbx.path, "add", "-A")  # a listed path may exist on neither side (rename/rename)
        if branch_mode:
            git(dbx.path, "commit", "-q", "--allow-empty", "-m", f"Resolve the conflicts of g2l/sync-{self.syncs}")
        else:
            git(dbx.path, "commit", "-q", "--no-edit")
        every = "".join(b.decode("utf-8", "replace") for b in worktree_files(dbx.path).values())
        self.regions = {r: b for r, b in self.regions.items() if b.decode() in every}

    # -- driver ------------------------------------------------------------------------------------------------

    def step(self, step: tuple[Any, ...]) -> None:
        kind, *args = step
        if kind == "sync":
            self.sync(args[0])
        elif kind == "sync_branch":
            self.sync(args[0], branch_mode=True, merge=args[1] == "merge")
        elif kind == "dbx_move_native":
            self.dbx_rename(args[0], natives_only=True)
        else:
            getattr(self, kind)(*args)


def git_show(path: Path, spec: str) -> bytes | None:
    proc = subprocess.run(["git", "show", spec], cwd=path, capture_output=True, check=False)
    return proc.stdout if proc.returncode == 0 else None


def run_history(setup: dict[str, Any], steps: list[tuple[Any, ...]]) -> World:
    """Set both repositories up, run the steps, end with a work-tree sync; raise on the first violation."""
    with tempfile.TemporaryDirectory(prefix="g2l-hist-") as tmp:
        world = World(Path(tmp))
        world.setup(**setup)
        for step in steps:
            world.step(step)
        world.step(("sync", "ours"))
        return world


# The examples are split over SHARDS test items that differ only in their random stream, so pytest-xdist can
# spread them over its workers (one item of 200 examples was the whole suite's critical path).  Every shard runs
# the same property with the same strategies and oracle; together they run the profile's max_examples.  Each
# shard starts with hypothesis's minimal example, and a fixed --hypothesis-seed would give every shard the same
# examples: run one item (its node id ends in [0]) when replaying a seed.
SHARDS = 8
assert PROFILE.max_examples % SHARDS == 0


@pytest.mark.parametrize("shard", range(SHARDS))
@settings(PROFILE, max_examples=PROFILE.max_examples // SHARDS)
@given(setup=SETUP, steps=st.lists(STEP, min_size=3, max_size=8))
def test_random_histories_keep_both_teams_work(shard: int, setup: dict[str, Any], steps: list[tuple[Any, ...]]) -> None:
    run_history(setup, steps)
