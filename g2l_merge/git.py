"""Every git call g2l-merge makes: objects, trees, commits, compare-and-swap ref updates, merges, the lock.

Commands run as argument lists (never through a shell). Objects are read through one `cat-file --batch`
process for the whole run; new blobs are written together before the next git command (see Objects).
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import os
import re
import socket
import subprocess
import tempfile
import time
import zlib
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from g2l_merge.errors import G2lError, refused

MIN_GIT = (2, 38)
NULL_SHA = "0" * 40
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"  # git's well-known id of the empty tree
LOCK_NAME = "g2l-sync.lock"


class Repo(NamedTuple):
    git_dir: Path
    work_tree: Path | None
    odb: Objects | None  # blob reads and writes; None for commands that start fast and read no objects
    stand_in_identity: bool = False  # a dry run without user.name/email: commit objects it never keeps get one

    @property
    def root(self) -> Path:
        """Where relative paths in g2l.toml start: the work tree, or a bare repository's folder."""
        return self.work_tree if self.work_tree is not None else self.git_dir


class Result(NamedTuple):
    code: int
    out: bytes
    err: bytes


class TreeEntry(NamedTuple):
    mode: str
    sha: str


class Commit(NamedTuple):
    sha: str
    tree: str
    parents: tuple[str, ...]
    author: str  # "Name <email> timestamp tz", as git stores it
    message: str
    committer: str = ""  # the same form

    @property
    def subject(self) -> str:
        return self.message.split("\n", 1)[0]

    @property
    def author_date(self) -> int:
        return int(self.author.rsplit(" ", 2)[1])


def iso_date(ident: str) -> str:
    """The date of a "Name <email> timestamp tz" ident as ISO 8601 with its own offset, as git's %aI gives it."""
    stamp, zone = ident.rsplit(" ", 2)[1:]
    sign = -1 if zone.startswith("-") else 1
    offset = datetime.timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5])) * sign
    return datetime.datetime.fromtimestamp(int(stamp), datetime.timezone(offset)).isoformat()


class RefUpdate(NamedTuple):
    ref: str
    new: str
    old: str  # NULL_SHA: the ref must not exist yet


class ConflictStage(NamedTuple):
    mode: str
    sha: str
    stage: int
    path: str


class TreeMerge(NamedTuple):
    tree: str
    stages: tuple[ConflictStage, ...]  # the index stages of each conflicted path; none when the merge is clean


class Change(NamedTuple):
    status: str  # A, M, D, R (renamed), T (type change)
    old_path: str | None
    new_path: str | None


def _spawn(args: list[str], cwd: Path | None, input: bytes | None, env: Mapping[str, str] | None) -> Result:
    full_env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", **(env or {})}
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, input=input, capture_output=True, env=full_env, check=False)
    except FileNotFoundError:
        raise G2lError("git is not installed or not on PATH; g2l-merge needs git 2.38 or newer") from None
    return Result(proc.returncode, proc.stdout, proc.stderr)


def _fail(args: list[str], result: Result) -> G2lError:
    detail = result.err.decode(errors="replace").strip().splitlines()
    last = detail[-1] if detail else f"exit {result.code}"
    return G2lError(f"git {args[0]} failed: {last}")


def _run(
    repo: Repo, *args: str, input: bytes | None = None, env: Mapping[str, str] | None = None, ok: tuple[int, ...] = (0,)
) -> Result:
    """Run one git command in `repo`; an exit code outside `ok` is a G2lError with git's message."""
    if repo.odb is not None:
        repo.odb.flush()  # the blobs written so far exist for the command
    cwd = repo.work_tree or repo.git_dir
    git_env = {"GIT_DIR": str(repo.git_dir), **(env or {})}
    result = _spawn(list(args), cwd, input, git_env)
    if result.code not in ok:
        raise _fail(list(args), result)
    return result


def run_in(folder: Path, *args: str, input: bytes | None = None) -> str:
    """Run git in a folder that is not the repository being synced (the demo's sample repositories)."""
    result = _spawn(list(args), folder, input, None)
    if result.code != 0:
        raise _fail(list(args), result)
    return result.out.decode(errors="replace")


def _out(repo: Repo, *args: str, **kwargs: Any) -> str:
    """Run git and return its standard output as stripped text."""
    return _run(repo, *args, **kwargs).out.decode().strip()


@lru_cache(maxsize=1)
def check_version() -> tuple[int, int]:
    """git 2.38 brought `merge-tree --write-tree`; refuse anything older with exit 2."""
    return require_version(_spawn(["--version"], None, None, None).out)


def require_version(version_output: bytes) -> tuple[int, int]:
    """Parse `git --version` output; a G2lError (exit 2) below 2.38."""
    match = re.search(rb"(\d+)\.(\d+)", version_output)
    version = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
    if version < MIN_GIT:
        found = version_output.decode(errors="replace").strip() or "no git"
        raise G2lError(f"g2l-merge needs git 2.38 or newer (found: {found}); upgrade git and retry")
    return version


def open_repo(path: Path | str = ".", *, objects: bool = True) -> Repo:
    """The repository that contains `path`; `objects=False` for commands that read no objects (a faster start)."""
    check_version()
    where = Path(path).resolve()
    result = _spawn(
        ["rev-parse", "--absolute-git-dir", "--is-bare-repository", "--git-path", "objects"], where, None, None
    )
    if result.code != 0:
        raise G2lError(f"{where}: not a git repository; run this inside the Databricks repository")
    git_dir, bare, objects_dir = result.out.decode().split("\n")[:3]
    work_tree = None
    if bare != "true":
        top = _spawn(["rev-parse", "--show-toplevel"], where, None, None)
        work_tree = Path(top.out.decode().strip()) if top.code == 0 else None
    return Repo(Path(git_dir), work_tree, Objects(Path(git_dir), where / objects_dir) if objects else None)


def close(repo: Repo) -> None:
    """Write the blobs still buffered and stop the object reader."""
    if repo.odb is not None:
        repo.odb.close()


def blob_sha(data: bytes, kind: bytes = b"blob") -> str:
    """The id git gives an object of these bytes (a blob unless `kind` says otherwise)."""
    return hashlib.sha1(b"%s %d\0" % (kind, len(data)) + data, usedforsecurity=False).hexdigest()


class Objects:
    """A repository's objects through git itself: one long-lived `cat-file --batch` reads them, and new objects are
    buffered (their ids computed here, as git does) and written together before the next git command runs: trees
    and a few blobs as loose objects, in-process; many blobs as one pack, through one `git fast-import`."""

    PACK_FROM = 64  # at least this many new blobs go into one pack instead of loose files

    def __init__(self, git_dir: Path, objects_dir: Path) -> None:
        self.git_dir = git_dir
        self.objects_dir = objects_dir  # a linked work tree's objects are the main repository's
        self._reader: subprocess.Popen[bytes] | None = None
        self._pending: dict[str, tuple[bytes, bytes]] = {}  # sha -> (kind, content)

    def read(self, sha: str) -> bytes:
        if sha in self._pending:
            return self._pending[sha][1]
        reader = self._reader or self._start_reader()
        assert reader.stdin is not None and reader.stdout is not None
        reader.stdin.write(sha.encode() + b"\n")
        reader.stdin.flush()
        header = reader.stdout.readline().split()
        if len(header) != 3:
            raise G2lError(f"object {sha} is missing from {self.git_dir}; run `git fsck` there")
        data = reader.stdout.read(int(header[2]))
        reader.stdout.read(1)  # the newline after each object
        return data

    def _start_reader(self) -> subprocess.Popen[bytes]:
        env = {**os.environ, "GIT_DIR": str(self.git_dir)}
        self._reader = subprocess.Popen(
            ["git", "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=self.git_dir, env=env
        )
        return self._reader

    def write(self, data: bytes, kind: bytes = b"blob") -> str:
        sha = blob_sha(data, kind)
        self._pending[sha] = (kind, data)
        return sha

    def flush(self) -> None:
        if not self._pending:
            return
        pending, self._pending = self._pending, {}
        blobs = {sha: data for sha, (kind, data) in pending.items() if kind == b"blob"}
        packed = len(blobs) >= self.PACK_FROM
        if packed:
            self._pack(blobs)
        for sha, (kind, data) in pending.items():
            if not (packed and kind == b"blob"):
                self._loose(sha, kind, data)

    def _loose(self, sha: str, kind: bytes, data: bytes) -> None:
        path = self.objects_dir / sha[:2] / sha[2:]
        if path.exists():
            return
        path.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix="tmp_obj_")
        with os.fdopen(fd, "wb") as out:
            out.write(zlib.compress(b"%s %d\0" % (kind, len(data)) + data))
        os.chmod(tmp, 0o444)
        os.replace(tmp, path)

    def _pack(self, pending: Mapping[str, bytes]) -> None:
        stream = b"".join(b"blob\ndata %d\n%s\n" % (len(data), data) for data in pending.values()) + b"done\n"
        result = _spawn(["fast-import", "--quiet", "--done"], self.git_dir, stream, {"GIT_DIR": str(self.git_dir)})
        if result.code != 0:
            raise _fail(["fast-import"], result)

    def close(self) -> None:
        self.flush()
        if self._reader is not None:
            assert self._reader.stdin is not None
            self._reader.stdin.close()
            self._reader.wait()
            self._reader = None


# -- reading ---------------------------------------------------------------------------------


def rev_parse(repo: Repo, rev: str) -> str | None:
    """The commit `rev` names, or None."""
    result = _run(repo, "rev-parse", "--verify", "-q", "--end-of-options", f"{rev}^{{commit}}", ok=(0, 1, 128))
    return result.out.decode().strip() if result.code == 0 else None


def show_file(repo: Repo, rev: str, path: str) -> bytes | None:
    """A file's content at a commit, with no object reader (for fast-starting commands); None when absent."""
    result = _run(repo, "cat-file", "blob", f"{rev}:{path}", ok=(0, 1, 128))
    return result.out if result.code == 0 else None


def config_value(repo: Repo, key: str) -> str | None:
    result = _run(repo, "config", "--get", key, ok=(0, 1))
    return result.out.decode().strip() if result.code == 0 else None


def ref_value(repo: Repo, ref: str) -> str | None:
    """The object a full ref name points to, or None when it does not exist."""
    result = _run(repo, "rev-parse", "--verify", "-q", ref, ok=(0, 1, 128))
    return result.out.decode().strip() if result.code == 0 else None


def local_branches(repo: Repo) -> list[str]:
    """The names of the repository's branches (refs/heads/...), sorted."""
    return _out(repo, "for-each-ref", "--format=%(refname:lstrip=2)", "refs/heads/").splitlines()


def current_branch(repo: Repo) -> str | None:
    """The full ref of the checked-out branch, or None when HEAD is detached."""
    result = _run(repo, "symbolic-ref", "-q", "HEAD", ok=(0, 1))
    return result.out.decode().strip() if result.code == 0 else None


def read_commit(repo: Repo, sha: str) -> Commit:
    """Parse one commit object."""
    raw = read_blob(repo, sha).decode("utf-8", errors="replace")
    header, _, message = raw.partition("\n\n")
    fields: dict[str, list[str]] = {}
    for line in header.split("\n"):
        if line and not line.startswith(" "):
            key, _, value = line.partition(" ")
            fields.setdefault(key, []).append(value)
    parents = tuple(fields.get("parent", []))
    return Commit(sha, fields["tree"][0], parents, fields["author"][0], message, fields["committer"][0])


def read_blob(repo: Repo, sha: str) -> bytes:
    """The raw content of one object."""
    assert repo.odb is not None, "open_repo(objects=True) reads objects"
    return repo.odb.read(sha)


def ls_tree(repo: Repo, treeish: str) -> dict[str, TreeEntry]:
    """Every file in a tree, recursively: path -> (mode, blob sha)."""
    raw = _run(repo, "ls-tree", "-r", "-z", "--full-tree", treeish).out
    entries = {}
    for record in raw.split(b"\0"):
        if record:
            meta, _, path = record.partition(b"\t")
            mode, _kind, sha = meta.decode().split(" ")
            entries[path.decode("utf-8", errors="surrogateescape")] = TreeEntry(mode, sha)
    return entries


def tree_entry(repo: Repo, tree: str, path: str) -> TreeEntry | None:
    """One file's entry in a tree (None when there is none), without listing the tree."""
    return tree_entries(repo, tree, [path]).get(path)


def tree_entries(repo: Repo, tree: str, paths: Iterable[str]) -> dict[str, TreeEntry]:
    """The entries of the given files in a tree (files it does not hold are left out), without listing the
    whole tree: `ls-tree` limited to those paths, a thousand at a time."""
    wanted = sorted(set(paths))
    entries: dict[str, TreeEntry] = {}
    for start in range(0, len(wanted), 1000):
        chunk = wanted[start : start + 1000]
        raw = _run(repo, "--literal-pathspecs", "ls-tree", "-r", "-z", "--full-tree", tree, "--", *chunk).out
        for record in filter(None, raw.split(b"\0")):
            meta, _, name = record.partition(b"\t")
            mode, _kind, sha = meta.decode().split(" ")
            entries[name.decode("utf-8", errors="surrogateescape")] = TreeEntry(mode, sha)
    return {path: entries[path] for path in wanted if path in entries}


def files_under(repo: Repo, tree: str, folder: str) -> dict[str, TreeEntry]:
    """Every file in one folder of a tree, recursively (the whole tree for "")."""
    if not folder:
        return ls_tree(repo, tree)
    raw = _run(repo, "--literal-pathspecs", "ls-tree", "-r", "-z", "--full-tree", tree, "--", folder).out
    entries = {}
    for record in filter(None, raw.split(b"\0")):
        meta, _, name = record.partition(b"\t")
        mode, _kind, sha = meta.decode().split(" ")
        entries[name.decode("utf-8", errors="surrogateescape")] = TreeEntry(mode, sha)
    return entries


def ls_names(repo: Repo, treeish: str) -> list[str]:
    """Every file path in a tree, recursively (names only: no entry is parsed)."""
    raw = _run(repo, "ls-tree", "-r", "-z", "--name-only", "--full-tree", treeish).out
    return [name.decode("utf-8", errors="surrogateescape") for name in raw.split(b"\0") if name]


def tree_changes(repo: Repo, old: str, new: str) -> dict[str, TreeEntry | None]:
    """The entries that differ between two trees, from one `diff-tree` (no rename detection): path -> its entry
    in `new`, None when `new` has no file there."""
    return {path: entry for _status, path, entry in _raw_changes(repo, old, new)}


def added_paths(repo: Repo, old: str, new: str) -> list[str]:
    """The files `new` has where `old` has none, from one `diff-tree` (a file moved is added at its new path)."""
    return [path for status, path, _entry in _raw_changes(repo, old, new) if status == "A"]


def _raw_changes(repo: Repo, old: str, new: str) -> Iterator[tuple[str, str, TreeEntry | None]]:
    """(status, path, entry in `new` or None) for every file that differs, without rename detection."""
    raw = _run(repo, "diff-tree", "-r", "-z", "--no-renames", "--no-commit-id", old, new).out
    fields = raw.split(b"\0")
    for meta, path in zip(fields[0::2], fields[1::2], strict=False):
        if not meta.startswith(b":"):
            break
        _old_mode, new_mode, _old_sha, new_sha, status = meta[1:].decode().split(" ")
        name = path.decode("utf-8", errors="surrogateescape")
        yield status, name, None if status == "D" else TreeEntry(new_mode, new_sha)


def tracks(repo: Repo, tree: str, path: str) -> bool:
    """Whether a tree holds a file at `path` or any file under the folder `path`."""
    out = _run(repo, "--literal-pathspecs", "ls-tree", "-r", "-z", "--name-only", "--full-tree", tree, "--", path).out
    return bool(out)


def files_containing(repo: Repo, treeish: str, texts: Iterable[str]) -> list[str]:
    """The regular files of a tree that hold any of `texts` (fixed strings, case-sensitive; binary files too), from
    one `git grep` (symlinks and submodules are not searched)."""
    patterns = [arg for text in texts for arg in ("-e", text)]
    raw = _run(
        repo,
        "grep",
        "-l",
        "-z",
        "-F",
        "--full-name",
        "--no-color",
        "--no-textconv",
        "--no-recurse-submodules",
        *patterns,
        treeish,  # a commit id (git grep takes no --end-of-options)
        "--",
        ok=(0, 1),
    ).out
    prefix = f"{treeish}:".encode()
    return [p.removeprefix(prefix).decode("utf-8", errors="surrogateescape") for p in raw.split(b"\0") if p]


def not_reached(repo: Repo, tip: str, by: str) -> set[str]:
    """The commits `tip` reaches that `by` does not (`git rev-list tip ^by`): one walk for any number of
    ancestry questions."""
    return set(_out(repo, "rev-list", "--end-of-options", tip, f"^{by}", "--").split())


def in_history(repo: Repo, commit: str, head: str) -> bool:
    """True when `head`'s history holds `commit` (a commit this repository lacks: it cannot)."""
    return rev_parse(repo, commit) is not None and is_ancestor(repo, commit, head)


def is_ancestor(repo: Repo, ancestor: str, descendant: str) -> bool:
    """True when `ancestor` is reachable from `descendant` (or equal)."""
    return _run(repo, "merge-base", "--is-ancestor", ancestor, descendant, ok=(0, 1)).code == 0


def merge_base(repo: Repo, ours: str, theirs: str) -> str | None:
    """The best common ancestor of two commits, or None when they share no history."""
    result = _run(repo, "merge-base", ours, theirs, ok=(0, 1))
    return result.out.decode().strip() or None


def newest_with_trailer(
    repo: Repo, tip: str, trailer: str, *, first_parent: bool = False, since: str | None = None
) -> str | None:
    """The newest commit reachable from `tip` (and not from `since`) whose message has a `trailer: ` line
    (topological order), or None."""
    walk = ["--first-parent"] if first_parent else ["--topo-order"]
    selection = [tip, f"^{since}"] if since else [tip]
    result = _run(
        repo, "rev-list", "-1", f"--grep=^{trailer}: ", *walk, "--end-of-options", *selection, "--", ok=(0, 128)
    )
    found = result.out.decode().split()
    return found[0] if found else None


def merges_by_parent(repo: Repo, tip: str) -> dict[str, str]:
    """Each commit merged (as a second or later parent) into `tip`'s history -> the oldest merge that did it."""
    merged_by: dict[str, str] = {}
    for line in _out(repo, "rev-list", "--merges", "--parents", "--reverse", tip).splitlines():
        merge, _first, *others = line.split()
        for parent in others:
            merged_by.setdefault(parent, merge)
    return merged_by


def first_parent_commits(repo: Repo, tip: str) -> list[str]:
    """A branch's own commits, newest first (the mirror's history: merges into it are not followed)."""
    return _out(repo, "rev-list", "--first-parent", tip).split()


class LogLine(NamedTuple):
    sha: str
    author: str  # the name only
    date: str  # the author date, ISO 8601
    subject: str


def log_lines(repo: Repo, since: str | None, head: str, limit: int) -> tuple[list[LogLine], int]:
    """The newest `limit` commits `head` has that `since` does not (all of its history without `since`), and
    how many there are in all."""
    selection = [f"{since}..{head}"] if since else [head]
    raw = _run(repo, "log", f"--max-count={limit}", "--format=%H%x1f%an%x1f%aI%x1f%s%x1e", *selection).out
    lines = [
        LogLine(*record.decode("utf-8", errors="replace").strip("\n").split("\x1f", 3))
        for record in raw.split(b"\x1e")
        if record.strip()
    ]
    total = int(_out(repo, "rev-list", "--count", *selection)) if len(lines) == limit else len(lines)
    return lines, total


def count_commits(repo: Repo, since: str, head: str) -> int:
    """How many commits `head` has that `since` does not (how far Glue is ahead of the last sync)."""
    return int(_out(repo, "rev-list", "--count", f"{since}..{head}"))


def diff_trees(repo: Repo, old: str | None, new: str) -> list[Change]:
    """Files changed between two trees (or from nothing), with git's rename detection."""
    if old is None:
        return [Change("A", None, path) for path in ls_tree(repo, new)]
    raw = _run(repo, "diff-tree", "-r", "-z", "-M", "--no-commit-id", "--name-status", old, new).out
    fields = [f.decode("utf-8", errors="surrogateescape") for f in raw.split(b"\0")]
    changes, i = [], 0
    while i < len(fields) and fields[i]:
        status = fields[i][0]
        if status in "RC":
            changes.append(
                Change("R" if status == "R" else "A", fields[i + 1] if status == "R" else None, fields[i + 2])
            )
            i += 3
            continue
        path = fields[i + 1]
        changes.append(Change(status, None if status == "A" else path, None if status == "D" else path))
        i += 2
    return changes


def mirror_renames(repo: Repo, tip: str) -> list[tuple[str, str]]:
    """(old, new) for every rename in the first-parent history of `tip`, newest first (git's rename detection)."""
    raw = _run(
        repo,
        "log",
        "--first-parent",
        "-M",
        "--diff-filter=R",
        "--name-status",
        "--format=",
        "-z",
        "--end-of-options",
        tip,
        "--",
    ).out
    fields = [f.decode("utf-8", errors="surrogateescape") for f in raw.split(b"\0")]
    renames, i = [], 0
    while i + 2 < len(fields):
        status = fields[i].strip()
        if status.startswith("R"):
            renames.append((fields[i + 1], fields[i + 2]))
            i += 3
        else:
            i += 1
    return renames


def changed_paths(repo: Repo, old: str, new: str) -> list[str]:
    """Paths whose entry differs between two trees (no rename detection: a move is a delete and an add)."""
    raw = _run(repo, "diff-tree", "-r", "-z", "--no-renames", "--no-commit-id", "--name-only", old, new).out
    return [f.decode("utf-8", errors="surrogateescape") for f in raw.split(b"\0") if f]


def dirty_paths(repo: Repo) -> list[str]:
    """Tracked files with uncommitted changes (staged or not)."""
    raw = _run(repo, "status", "--porcelain=v1", "-z", "--untracked-files=no").out
    return [rec[3:].decode(errors="replace") for rec in raw.split(b"\0") if len(rec) > 3]


def merge_in_progress(repo: Repo) -> bool:
    return (repo.git_dir / "MERGE_HEAD").exists()


def identity_problem(repo: Repo) -> str | None:
    """Why git cannot make commits here (no user.name/user.email), or None."""
    result = _run(repo, "var", "GIT_COMMITTER_IDENT", ok=(0, 128))
    if result.code == 0:
        return None
    return "git does not know who you are: set user.name and user.email (git config) and retry"


# -- checking: subprocesses only, so `check` and the hooks start fast ------------------------


class StagedChange(NamedTuple):
    status: str  # A, M, D, R (renamed), T (type change), U (unmerged), as `git diff --cached --raw` says
    head_path: str | None  # None: not in HEAD
    path: str | None  # in the index; None: deleted
    head_blob: str | None
    blob: str | None
    mode: str  # the index's mode: 100644, 100755, 120000 (symlink), 160000 (submodule)


def staged_changes(repo: Repo) -> list[StagedChange]:
    """What a commit would change against HEAD (against nothing on an unborn branch), with renames."""
    raw = _run(repo, "diff", "--cached", "--raw", "-z", "-M", "--no-abbrev", "--no-ext-diff").out
    fields = [f.decode("utf-8", errors="surrogateescape") for f in raw.split(b"\0")]
    changes, i = [], 0
    while i + 1 < len(fields) and fields[i].startswith(":"):
        _old_mode, mode, old_sha, new_sha, status = fields[i][1:].split(" ")
        paths = fields[i + 1 : i + (3 if status[0] in "RC" else 2)]
        head_path = None if status[0] in "AC" else paths[0]
        path = None if status[0] == "D" else paths[-1]
        changes.append(
            StagedChange(
                status[0],
                head_path,
                path,
                None if old_sha == NULL_SHA else old_sha,
                None if new_sha == NULL_SHA else new_sha,
                mode,
            )
        )
        i += 1 + len(paths)
    return changes


def read_objects(repo: Repo, names: Iterable[str]) -> dict[str, bytes | None]:
    """Many objects (shas, or `HEAD:path` / `:path`) through one `git cat-file --batch`; None when missing."""
    wanted = list(dict.fromkeys(names))
    lines = b"".join(name.encode("utf-8", errors="surrogateescape") + b"\n" for name in wanted)
    raw = _run(repo, "cat-file", "--batch", input=lines).out
    found: dict[str, bytes | None] = {}
    at = 0
    for name in wanted:
        end = raw.index(b"\n", at)
        header = raw[at:end].split(b" ")
        if len(header) != 3 or header[-1] in (b"missing", b"ambiguous"):
            found[name], at = None, end + 1
            continue
        size = int(header[2])
        found[name], at = raw[end + 1 : end + 1 + size], end + 2 + size
    return found


def tracked_files(repo: Repo) -> list[str]:
    """Every tracked path of the work tree, relative to its top."""
    raw = _run(repo, "ls-files", "-z", "--full-name").out
    return sorted({p.decode("utf-8", errors="surrogateescape") for p in raw.split(b"\0") if p})


def tracked_files_in(folder: Path) -> list[str]:
    """Tracked paths below `folder`, relative to it, as `git ls-files` prints them there."""
    result = _spawn(["ls-files", "-z"], folder, None, None)
    if result.code != 0:
        raise G2lError(f"{folder}: not in a git repository; name the files to check instead")
    return sorted({p.decode("utf-8", errors="surrogateescape") for p in result.out.split(b"\0") if p})


def merge_heads(repo: Repo, environ: Mapping[str, str]) -> list[str]:
    """The commits a merge in progress brings in, or [] when no merge is in progress.

    A merge waiting for `git commit` has MERGE_HEAD; during the pre-merge-commit hook it does not exist yet,
    but `git merge` has exported GITHEAD_<sha> for each commit it merges (the labels of its merge strategies).
    """
    path = repo.git_dir / "MERGE_HEAD"
    heads = path.read_text().split() if path.exists() else []
    heads += [key[len("GITHEAD_") :] for key in environ if re.fullmatch(r"GITHEAD_(?:[0-9a-f]{40}|[0-9a-f]{64})", key)]
    return list(dict.fromkeys(heads))


def commits_without_trailer(repo: Repo, ref: str, trailer: str) -> list[tuple[str, str]]:
    """(sha, subject) of each commit reachable from `ref` whose message lacks `trailer`; [] when `ref` is absent."""
    result = _run(
        repo,
        "rev-list",
        "--no-commit-header",
        "--format=%H %s",
        "--invert-grep",
        "-E",
        f"--grep=^{trailer}: ",
        "--end-of-options",
        ref,
        "--",
        ok=(0, 128),
    )
    if result.code != 0:
        return []
    lines = result.out.decode("utf-8", errors="replace").splitlines()
    return [(line[:40], line[41:]) for line in lines if line]


def hooks_dir(repo: Repo) -> Path:
    """Where git looks for hooks (`core.hooksPath` and worktrees respected)."""
    where = Path(_out(repo, "rev-parse", "--git-path", "hooks"))
    return where if where.is_absolute() else (repo.work_tree or repo.git_dir) / where


# -- the Glue side ----------------------------------------------------------------------------


GLUE_REF = "refs/g2l/glue"  # the Glue commit of the last sync: not a branch, only its objects matter


def fetch_commit(
    repo: Repo, source: str, ref: str, *, source_option: str | None = None, ref_option: str | None = None
) -> str:
    """Bring the Glue commit `ref` of `source` into this repository's objects; write no ref.

    A branch or tag name costs one `ls-remote`, then a fetch only when that commit is not here yet (a commit id:
    no `ls-remote`). The fetch names GLUE_REF (see glue_ref_update) as a commit this repository has, so only what
    is new since the last sync comes over. `source_option` ("--glue ../glue") and `ref_option` ("--glue-ref") name
    the command-line option that gave the source or the ref, for the messages; None: g2l.toml's [source] key.
    """
    if re.fullmatch(r"[0-9a-f]{4,39}", ref) and Path(source).is_dir():
        ref = _local_sha(source, ref, ref_option)
    if re.fullmatch(r"[0-9a-f]{40}", ref):
        sha, what = ref, ref
    else:
        what, sha = _remote_ref(repo, source, ref, source_option, ref_option)
    if not _has_object(repo, sha):
        _fetch(repo, source, what)
        if not _has_object(repo, sha):
            raise refused(f"Glue ref {ref} of {source} moved while it was fetched; nothing changed, rerun")
    return sha


def glue_ref_update(repo: Repo, commit: str) -> RefUpdate:
    """GLUE_REF to the Glue commit of a new mirror commit, in the same transaction as the mirror branch: `git gc`
    keeps Glue's history, and the next fetch from Glue names it as a commit this repository has. Overwritten,
    never fast-forwarded: it follows a rewritten Glue history."""
    return RefUpdate(GLUE_REF, commit, ref_value(repo, GLUE_REF) or NULL_SHA)


class RemoteHead(NamedTuple):
    branch: str | None  # the branch the Glue repository's HEAD names; None: HEAD is detached or names no commit
    detached: bool  # HEAD is a commit, not a branch
    branches: list[str]  # every branch it has
    empty: bool  # it has no commits at all


def remote_head(repo: Repo, source: str, source_option: str | None = None) -> RemoteHead:
    """The HEAD branch of the Glue repository at `source` (a path or URL), and its branches, from one
    `ls-remote --symref` (for a repository with a work tree: its checked-out branch)."""
    head: str | None = None
    refs: dict[str, str] = {}
    for line in _ls_remote_lines(repo, source, source_option, "--symref"):
        left, _, name = line.partition("\t")
        if left.startswith("ref: "):
            head = left.removeprefix("ref: ") if name == "HEAD" else head
        elif name:
            refs[name] = left
    branches = _branches(refs)
    if "HEAD" not in refs:
        return RemoteHead(None, False, branches, not refs)
    if head is None or not head.startswith("refs/heads/"):
        return RemoteHead(None, True, branches, False)
    return RemoteHead(head.removeprefix("refs/heads/"), False, branches, False)


def no_commits(source: str, source_option: str | None) -> G2lError:
    """The Glue repository at `source` has no commits (`source_option`: the option that named it, if one did)."""
    named = f"{source_option}: the Glue repository" if source_option else f"Glue repository {source}"
    return G2lError(f"{named} has no commits yet; commit the Glue scripts to it, then rerun")


def branches_text(branches: list[str]) -> str:
    """A few of a Glue repository's branches, for a message: "its branches: main, dev" (or that it has none)."""
    if not branches:
        return "it has no branches"
    shown = ", ".join(branches[:5]) + (f" and {len(branches) - 5} more" if len(branches) > 5 else "")
    return f"its branches: {shown}"


def _local_sha(source: str, short: str, ref_option: str | None) -> str:
    result = _spawn(["rev-parse", "--verify", "-q", f"{short}^{{commit}}"], Path(source), None, None)
    if result.code != 0:
        named, where = (ref_option, f"pass {ref_option}") if ref_option else ("g2l.toml: [source] ref", "set it to")
        raise G2lError(
            f"{named} {short!r}: Glue repository {source} has no such commit; {where} a commit of its history "
            f"(git -C {source} log --oneline)"
        )
    return result.out.decode().strip()


def _has_object(repo: Repo, sha: str) -> bool:
    return _run(repo, "cat-file", "-e", f"{sha}^{{commit}}", ok=(0, 1, 128)).code == 0


def _fetch(repo: Repo, source: str, what: str) -> None:
    result = _run(repo, "fetch", "-q", "--no-tags", "--no-write-fetch-head", "--", source, what, ok=(0, 1, 128))
    if result.code != 0:
        last = result.err.decode(errors="replace").strip().splitlines()
        raise G2lError(f"cannot fetch {what} from Glue repository {source}: {last[-1] if last else 'failed'}")


def _ls_remote_lines(repo: Repo, source: str, source_option: str | None, *options: str) -> list[str]:
    result = _run(repo, "ls-remote", *options, "--", source, ok=(0, 1, 2, 128))
    if result.code == 0:
        return result.out.decode(errors="surrogateescape").splitlines()
    if source_option is None:
        raise G2lError(f"cannot read Glue repository {source}: check [source] repo in g2l.toml")
    if "://" in source or source.startswith("git@"):
        detail = result.err.decode(errors="replace").strip().splitlines()
        reason = detail[0].removeprefix("fatal: ") if detail else f"git ls-remote exit {result.code}"
        raise G2lError(
            f"{source_option}: cannot read the Glue repository ({reason}); check the URL and your access to it"
        )
    raise G2lError(
        f"{source_option}: not a git repository, an s3:// URL or a folder; pass the path or URL of the Glue repository"
    )


def _remote_ref(
    repo: Repo, source: str, ref: str, source_option: str | None, ref_option: str | None
) -> tuple[str, str]:
    """The full name `ref` has in the Glue repository and the commit it points to (a tag peeled), from one
    `ls-remote`."""
    pairs = (line.split("\t") for line in _ls_remote_lines(repo, source, source_option) if "\t" in line)
    refs = {name: sha for sha, name in pairs}
    for candidate in (ref, f"refs/heads/{ref}", f"refs/tags/{ref}"):
        if candidate in refs:
            return candidate, refs.get(f"{candidate}^{{}}", refs[candidate])
    if not refs:
        raise no_commits(source, source_option)
    if ref_option is None:
        raise G2lError(
            f"Glue repository {source} has no branch or tag {ref!r}: check [source] ref in g2l.toml "
            f"({branches_text(_branches(refs))})"
        )
    raise G2lError(
        f"{ref_option} {ref!r}: Glue repository {source} has no branch or tag of that name; "
        f"pass {ref_option} one of them ({branches_text(_branches(refs))})"
    )


def _branches(refs: dict[str, str]) -> list[str]:
    return sorted(name.removeprefix("refs/heads/") for name in refs if name.startswith("refs/heads/"))


# -- the Databricks repository's remote (sync --pr) ----------------------------------------------


def remotes(repo: Repo) -> list[str]:
    """The names of the repository's remotes."""
    return _out(repo, "remote").split()


def remote_url(repo: Repo, remote: str) -> str | None:
    """The fetch URL of a remote of this repository, or None when there is no such remote."""
    return config_value(repo, f"remote.{remote}.url")


def remote_branches(repo: Repo, remote: str, branches: Iterable[str]) -> dict[str, str | None]:
    """Where each branch of the remote points (None: no such branch), read with one `ls-remote` and the commits
    brought into this repository with one fetch."""
    refs = {branch: f"refs/heads/{branch}" for branch in branches}
    result = _run(repo, "ls-remote", "--", remote, *refs.values(), ok=(0, 1, 2, 128))
    if result.code != 0:
        raise G2lError(f"cannot read remote {remote!r}: {_last_line(result)}; check [pr] remote in g2l.toml")
    pairs = (line.split("\t", 1) for line in result.out.decode().splitlines() if "\t" in line)
    advertised = {name: sha for sha, name in pairs}
    tips = {branch: advertised.get(ref) for branch, ref in refs.items()}
    missing = [refs[branch] for branch, sha in tips.items() if sha is not None and not _has_object(repo, sha)]
    if missing:
        fetched = _run(
            repo, "fetch", "-q", "--no-tags", "--no-write-fetch-head", "--", remote, *missing, ok=(0, 1, 128)
        )
        if fetched.code != 0:
            raise G2lError(f"cannot fetch {', '.join(missing)} from remote {remote!r}: {_last_line(fetched)}")
    return tips


def push_branches(repo: Repo, remote: str, expected: Mapping[str, str | None]) -> None:
    """Push local branches to the same names on the remote, all or none, each only if the remote's branch is
    still where `expected` says (None: absent): a push never drops a commit someone else pushed meanwhile."""
    refs = [f"refs/heads/{branch}" for branch in expected]
    leases = [f"--force-with-lease={ref}:{old or ''}" for ref, old in zip(refs, expected.values(), strict=True)]
    specs = [f"{ref}:{ref}" for ref in refs]
    result = _run(repo, "push", "--quiet", "--atomic", *leases, "--", remote, *specs, ok=(0, 1, 128))
    if result.code != 0 and "atomic" in _last_line(result):  # a server without atomic pushes: one by one
        result = _run(repo, "push", "--quiet", *leases, "--", remote, *specs, ok=(0, 1, 128))
    if result.code != 0:
        raise G2lError(
            f"pushing {', '.join(expected)} to {remote!r} failed: {_last_line(result)}; the branches are kept "
            "here, rerun `git g2l-sync sync --pr` to finish"
        )


def _last_line(result: Result) -> str:
    detail = result.err.decode(errors="replace").strip().splitlines()
    return detail[-1] if detail else f"exit {result.code}"


# -- writing ----------------------------------------------------------------------------------


def flush_objects(repo: Repo) -> None:
    """Write the objects buffered so far now, so that many large blobs are never all held in memory at once."""
    if repo.odb is not None:
        repo.odb.flush()


def write_blob(repo: Repo, data: bytes) -> str:
    """Store a blob and return its sha (written before the next git command runs; see Objects)."""
    assert repo.odb is not None, "open_repo(objects=True) writes objects"
    return repo.odb.write(data)


DRY_RUN_IDENTITY = {
    "GIT_AUTHOR_NAME": "g2l-merge dry run",
    "GIT_AUTHOR_EMAIL": "dry-run@g2l-merge.invalid",
    "GIT_COMMITTER_NAME": "g2l-merge dry run",
    "GIT_COMMITTER_EMAIL": "dry-run@g2l-merge.invalid",
}


def commit_tree(
    repo: Repo,
    tree: str,
    parents: Iterable[str],
    message: str,
    author: str | None = None,
    *,
    identity: tuple[str, str] | None = None,
) -> str:
    """Create a commit object; `author` is git's "Name <email> timestamp tz" form. `identity` (name, email) is
    author and committer both, dated now (or as GIT_AUTHOR_DATE / GIT_COMMITTER_DATE say): a commit g2l-merge
    makes in nobody's name, which needs no user.name or user.email."""
    env: dict[str, str] = dict(DRY_RUN_IDENTITY) if repo.stand_in_identity else {}
    if identity:
        for role in ("AUTHOR", "COMMITTER"):
            env |= {f"GIT_{role}_NAME": identity[0], f"GIT_{role}_EMAIL": identity[1]}
    if author:
        match = re.fullmatch(r"(.*) <(.*)> (\d+ [+-]\d{4})", author)
        if match:
            env |= {
                "GIT_AUTHOR_NAME": match.group(1),
                "GIT_AUTHOR_EMAIL": match.group(2),
                "GIT_AUTHOR_DATE": match.group(3),
            }
    args = ["commit-tree", tree]
    for parent in parents:
        args += ["-p", parent]
    return _out(repo, *args, input=message.encode(), env=env)


def update_refs(repo: Repo, updates: Iterable[RefUpdate], reason: str) -> None:
    """Move refs by compare-and-swap in one transaction: all move, or none and exit 3."""
    lines = "".join(f"update {u.ref} {u.new} {u.old}\n" for u in updates)
    if not lines:
        return
    result = _run(repo, "update-ref", "-m", reason, "--stdin", input=lines.encode(), ok=(0, 1, 128))
    if result.code != 0:
        detail = result.err.decode(errors="replace").strip().splitlines()
        if any("hook" in line for line in detail):
            raise refused(f"the reference-transaction hook refused the ref update ({detail[-1]}); nothing changed")
        raise refused(
            "a branch moved while g2l-merge was working (another push or commit?); nothing changed, rerun the command"
        )


def set_config(repo: Repo, key: str, value: str) -> None:
    _run(repo, "config", key, value)


def commit_file(repo: Repo, path: str, data: bytes, message: str) -> str:
    """Write one file into the work tree and commit just that file on the current branch."""
    assert repo.work_tree is not None
    (repo.work_tree / path).write_bytes(data)
    _run(repo, "add", "--", path)
    # g2l-merge's own commit: no hook may stop or rewrite it (--no-verify alone still runs prepare-commit-msg)
    _run(repo, "-c", "core.hooksPath=/dev/null", "commit", "--no-verify", "-q", "-m", message, "--", path)
    return _out(repo, "rev-parse", "HEAD")


# -- merging ----------------------------------------------------------------------------------


def merge_tree(repo: Repo, ours: str, theirs: str) -> TreeMerge:
    """git's own three-way merge of two commits into a tree, with no work tree (zdiff3 markers)."""
    # The registered g2l driver is swapped for git's own text merge here: plan.py applies the same rules
    # in-process afterwards. Where $GIT_DIR/info/attributes selects it (as `init` registers it), merge-tree
    # runs in a stand-in git directory whose attributes select git's built-in text merge, so no process is
    # started per file; the driver entry below covers a g2l driver selected any other way.
    with _builtin_merge_dir(repo) as env:
        result = _run(
            repo,
            "-c",
            "merge.conflictStyle=zdiff3",
            "-c",
            "merge.g2l.driver=git merge-file -q --zdiff3 %A %O %B",
            "-c",
            "merge.directoryRenames=false",  # a Glue folder rename never drags Databricks files along
            "merge-tree",
            "--write-tree",
            "-z",
            "--allow-unrelated-histories",
            ours,
            theirs,
            env=env,
            ok=(0, 1),
        )
    tree, _, rest = result.out.partition(b"\0")
    records = b"" if rest.startswith(b"\0") else rest.partition(b"\0\0")[0]  # git's messages after: not used
    stages = []
    for record in filter(None, records.split(b"\0")):
        meta, _, path = record.partition(b"\t")
        mode, sha, stage = meta.decode().split(" ")
        stages.append(ConflictStage(mode, sha, int(stage), path.decode("utf-8", errors="surrogateescape")))
    return TreeMerge(tree.decode(), tuple(stages))


class TreeFiles:
    """The files of one tree (None: no tree, no files), looked up only for the paths asked about: `git ls-tree` on
    those paths, remembered. prefetch() looks up many paths with one git process."""

    def __init__(self, repo: Repo, tree: str | None) -> None:
        self._repo, self._tree = repo, tree
        self._known: dict[str, TreeEntry | None] = {}

    def prefetch(self, paths: Iterable[str | None]) -> None:
        todo = sorted({path for path in paths if path and path not in self._known})
        found = tree_entries(self._repo, self._tree, todo) if self._tree and todo else {}
        for path in todo:
            self._known[path] = found.get(path)

    def get(self, path: str) -> TreeEntry | None:
        if path not in self._known:
            self.prefetch([path])
        return self._known.get(path)

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and self.get(path) is not None

    def __getitem__(self, path: str) -> TreeEntry:
        entry = self.get(path)
        if entry is None:
            raise KeyError(path)
        return entry


def edit_tree(repo: Repo, tree: str, changes: Mapping[str, TreeEntry | None]) -> str:
    """`tree` with these paths set (None: removed), written in-process: only the trees on the way from the root to
    a changed path are read and written again, whatever the size of the tree (a folder left empty goes)."""
    if not changes:
        return tree
    return _edit_tree(repo, tree, dict(changes)) or _write_object(repo, b"tree", b"")


def _edit_tree(repo: Repo, tree: str | None, changes: dict[str, TreeEntry | None]) -> str | None:
    entries: dict[bytes, tuple[bytes, bytes]] = _tree_entries(read_blob(repo, tree)) if tree else {}
    inside: dict[bytes, dict[str, TreeEntry | None]] = {}
    for path, entry in changes.items():
        head, slash, rest = path.partition("/")
        name = head.encode("utf-8", errors="surrogateescape")
        if slash:
            inside.setdefault(name, {})[rest] = entry
        elif entry is None:
            if entries.get(name, (b"", b""))[0] != b"40000":  # a path names a file: a folder there stays
                entries.pop(name, None)
        else:
            entries[name] = (entry.mode.lstrip("0").encode(), bytes.fromhex(entry.sha))
    for name, below in inside.items():
        mode, sha = entries.get(name, (b"", b""))
        edited = _edit_tree(repo, sha.hex() if mode == b"40000" else None, below)
        if edited is not None:
            entries[name] = (b"40000", bytes.fromhex(edited))
        elif mode == b"40000":
            del entries[name]
    if not entries:
        return None
    ordered = sorted(entries.items(), key=lambda item: item[0] + b"/" if item[1][0] == b"40000" else item[0])
    return _write_object(repo, b"tree", b"".join(mode + b" " + name + b"\0" + sha for name, (mode, sha) in ordered))


def _tree_entries(data: bytes) -> dict[bytes, tuple[bytes, bytes]]:
    """A raw tree object's entries: name -> (mode, binary sha)."""
    entries, at = {}, 0
    while at < len(data):
        space = data.index(b" ", at)
        nul = data.index(b"\0", space)
        entries[data[space + 1 : nul]] = (data[at:space], data[nul + 1 : nul + 21])
        at = nul + 21
    return entries


def _write_object(repo: Repo, kind: bytes, data: bytes) -> str:
    assert repo.odb is not None, "open_repo(objects=True) writes objects"
    return repo.odb.write(data, kind)


_G2L_MERGE_ATTR = re.compile(rb"(?<!\S)merge=g2l(?!\S)")


def common_dir(repo: Repo) -> Path:
    """The folder holding objects, refs, config and info/ (a linked work tree's git directory names it)."""
    pointer = repo.git_dir / "commondir"
    if not pointer.is_file():
        return repo.git_dir
    return (repo.git_dir / pointer.read_text().strip()).resolve()


@contextlib.contextmanager
def _builtin_merge_dir(repo: Repo) -> Iterator[dict[str, str]]:
    """The environment for a git command that must merge with git's built-in text merge where
    $GIT_DIR/info/attributes names the g2l driver (that file outranks every other attribute source).

    It is a stand-in git directory: the repository's own config, refs, shallow and grafts through symbolic links,
    its objects through GIT_OBJECT_DIRECTORY, and a copy of info/attributes with `merge=g2l` set to `merge` (git's
    text merge, in-process). Everything else reads as in the repository itself; when the attributes do not name
    the driver, or the stand-in cannot be made, the command runs in the repository as it is (empty environment).
    """
    common = common_dir(repo)
    try:
        attributes = (common / "info" / "attributes").read_bytes()
    except OSError:
        attributes = b""
    if not _G2L_MERGE_ATTR.search(attributes):
        yield {}
        return
    with tempfile.TemporaryDirectory(dir=repo.git_dir, prefix="g2l-merge-dir-") as tmp:
        shadow = Path(tmp)
        try:
            (shadow / "info").mkdir()
            (shadow / "info" / "attributes").write_bytes(_G2L_MERGE_ATTR.sub(b"merge", attributes))
            for name in ("config", "refs", "packed-refs", "shallow", "info/grafts"):
                if (common / name).exists():
                    (shadow / name).symlink_to(common / name)
            if (repo.git_dir / "config.worktree").exists():  # a linked work tree's own settings
                (shadow / "config.worktree").symlink_to(repo.git_dir / "config.worktree")
            (shadow / "HEAD").write_bytes((repo.git_dir / "HEAD").read_bytes())
        except OSError:
            yield {}  # no symbolic links here: the driver entry merges, one process per file
            return
        env = {"GIT_DIR": str(shadow), "GIT_COMMON_DIR": str(shadow)}
        if repo.work_tree is not None:  # a relative core.worktree (a submodule's) would read from the stand-in
            env["GIT_WORK_TREE"] = str(repo.work_tree)
        if "GIT_OBJECT_DIRECTORY" not in os.environ:
            env["GIT_OBJECT_DIRECTORY"] = str(common / "objects")
        yield env


def merge_file(
    base: bytes, ours: bytes, theirs: bytes, labels: tuple[str, str, str], style: str = "zdiff3"
) -> tuple[bytes, bool]:
    """git merge-file on three texts (zdiff3 markers unless `style` says merge or diff3); (result, clean)."""
    with tempfile.TemporaryDirectory(prefix="g2l-merge-") as tmp:
        paths = []
        for name, data in (("ours", ours), ("base", base), ("theirs", theirs)):
            path = Path(tmp) / name
            path.write_bytes(data)
            paths.append(str(path))
        style_flag = {"merge": [], "diff3": ["--diff3"]}.get(style, ["--zdiff3"])
        result = _spawn(
            ["merge-file", "-p", *style_flag, "-L", labels[0], "-L", labels[1], "-L", labels[2], *paths],
            Path(tmp),
            None,
            None,
        )
    if result.code < 0 or result.code > 127:
        raise G2lError(f"git merge-file failed: {result.err.decode(errors='replace').strip()}")
    return result.out, result.code == 0


class Hunk(NamedTuple):
    """One change between two texts, as 0-based half-open line ranges."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int


# `git diff --no-index` outputs computed ahead: (old text, new text, context option) -> git's output
DiffCache = dict[tuple[bytes, bytes, str], bytes]


def diff_hunks(old: bytes, new: bytes, known: DiffCache | None = None) -> list[Hunk]:
    """git's own line alignment of two texts (`git diff -U0`, histogram, as merges use), parsed with unidiff."""
    if old == new:
        return []
    from unidiff.patch import PatchSet

    patch = _diff_no_index(old, new, "-U0", known)
    hunks = []
    for patched in PatchSet(patch.decode("utf-8", errors="surrogateescape")):
        for hunk in patched:
            old_start = hunk.source_start - (1 if hunk.source_length else 0)
            new_start = hunk.target_start - (1 if hunk.target_length else 0)
            hunks.append(Hunk(old_start, old_start + hunk.source_length, new_start, new_start + hunk.target_length))
    return hunks


def unified_patch(old: bytes, new: bytes, path: str, known: DiffCache | None = None) -> str:
    """A reviewable unified diff of one file's upstream change, headed with its repository path."""
    if old == new:
        return ""
    patch = _diff_no_index(old, new, "-U3", known).decode("utf-8", errors="replace")
    body = patch[patch.index("@@") :] if "@@" in patch else patch
    old_name = f"a/{path}" if old else "/dev/null"
    new_name = f"b/{path}" if new else "/dev/null"
    return f"--- {old_name}\n+++ {new_name}\n{body}"


def _diff_no_index(old: bytes, new: bytes, context: str, known: DiffCache | None = None) -> bytes:
    if known is not None and (old, new, context) in known:
        return known[(old, new, context)]
    with tempfile.TemporaryDirectory(prefix="g2l-diff-") as tmp:
        (Path(tmp) / "old").write_bytes(old)
        (Path(tmp) / "new").write_bytes(new)
        return _git_diff(Path(tmp), context)


def _git_diff(folder: Path, context: str) -> bytes:
    """`git diff --no-index` of `old` and `new` in `folder` (two files, or two folders of files)."""
    result = _spawn(
        [
            "-c",
            "core.quotePath=false",
            "diff",
            "--no-index",
            "--no-color",
            "--no-ext-diff",
            "--no-renames",
            "--histogram",
            "--text",
            context,
            "old",
            "new",
        ],
        folder,
        None,
        {"GIT_CONFIG_NOSYSTEM": "1"},
    )
    if result.code not in (0, 1):
        raise G2lError(f"git diff failed: {result.err.decode(errors='replace').strip()}")
    return result.out


_DIFF_HEADER = re.compile(rb"^diff --git a/old/(\d+) b/new/\1\n", re.MULTILINE)


def diff_batch(wanted: Iterable[tuple[bytes, bytes, str]]) -> DiffCache:
    """The `git diff --no-index` output of each (old, new, context) pair, from one git process per context:
    the pairs are files of two folders, and git's output for the folders is cut at each file's header."""
    known: DiffCache = {}
    by_context: dict[str, dict[tuple[bytes, bytes], None]] = {}
    for old, new, context in wanted:
        if old != new:
            by_context.setdefault(context, {})[(old, new)] = None
    for context, unique in by_context.items():
        pairs = list(unique)
        with tempfile.TemporaryDirectory(prefix="g2l-diff-") as tmp:
            for side in ("old", "new"):
                (Path(tmp) / side).mkdir()
            for number, (old, new) in enumerate(pairs):
                (Path(tmp) / "old" / str(number)).write_bytes(old)
                (Path(tmp) / "new" / str(number)).write_bytes(new)
            out = _git_diff(Path(tmp), context)
        headers = list(_DIFF_HEADER.finditer(out))
        for header, following in zip(headers, [*headers[1:], None], strict=True):
            name = header.group(1)
            body = out[header.end() : following.start() if following else len(out)]
            head, at, hunks = body.partition(b"\n@@")  # the names as git writes them for two files
            head = head.replace(b"--- a/old/" + name, b"--- a/old").replace(b"+++ b/new/" + name, b"+++ b/new")
            known[pairs[int(name)] + (context,)] = b"diff --git a/old b/new\n" + head + at + hunks
    return known


def checkout_tree(repo: Repo, old_commit: str, new_tree: str) -> None:
    """Move the index and work tree from `old_commit` to `new_tree` (like a fast-forward)."""
    _run(repo, "read-tree", "-m", "-u", old_commit, new_tree)


def index_tree(repo: Repo) -> str | None:
    """The tree the index holds now; None while it has unmerged entries."""
    result = _run(repo, "write-tree", ok=(0, 128))
    return result.out.decode().strip() if result.code == 0 else None


def has_unstaged_changes(repo: Repo) -> bool:
    return _run(repo, "diff-files", "--quiet", ok=(0, 1)).code == 1


def worktree_changes(repo: Repo) -> tuple[set[str], set[str]]:
    """(paths whose work-tree file differs from the index, paths that are unmerged in the index)."""
    raw = _run(repo, "diff-files", "--raw", "-z").out
    fields = [f.decode("utf-8", errors="surrogateescape") for f in raw.split(b"\0")]
    changed: set[str] = set()
    unmerged: set[str] = set()
    for meta, path in zip(fields[0::2], fields[1::2], strict=False):
        (unmerged if meta.endswith(" U") else changed).add(path)
    return changed, unmerged


def hash_files(repo: Repo, paths: list[str]) -> list[str]:
    """The blob ids `git add` would record for these work-tree files (filters and line endings applied)."""
    if not paths:
        return []
    listing = "".join(f"{path}\n" for path in paths).encode("utf-8", errors="surrogateescape")
    return _run(repo, "hash-object", "--stdin-paths", input=listing).out.decode().split()


def set_conflict_stages(repo: Repo, stages: Mapping[str, tuple[ConflictStage, ...]]) -> None:
    """Replace each path's index entry by its conflict stages (base / ours / theirs), in one update-index call."""
    records = []
    for path, entries in stages.items():
        encoded = path.encode("utf-8", errors="surrogateescape")
        records.append(f"0 {NULL_SHA}\t".encode() + encoded)
        records += [
            f"{s.mode} {s.sha} {s.stage}\t".encode() + s.path.encode("utf-8", errors="surrogateescape") for s in entries
        ]
    if records:
        _run(repo, "update-index", "-z", "--index-info", input=b"".join(r + b"\0" for r in records))


def write_merge_state(repo: Repo, merging: str, head: str, message: str) -> None:
    """The files `git merge --no-ff --no-commit` leaves for `git commit`, `git status` and `git merge --abort`;
    MERGE_HEAD goes last, so a merge is "in progress" only once everything else is in place."""
    for name, text in (("ORIG_HEAD", f"{head}\n"), ("MERGE_MSG", message), ("MERGE_MODE", "no-ff")):
        write_git_file(repo, name, text)
    write_git_file(repo, "MERGE_HEAD", f"{merging}\n")


def write_git_file(repo: Repo, name: str, text: str | bytes) -> None:
    """Write a file in the git directory atomically (a reader sees the old content or the new, never half; two
    writers at once each replace it whole, as each writes its own temporary file)."""
    path = repo.git_dir / name
    tmp = path.with_name(f"{path.name}.{os.getpid()}.g2l-tmp")
    try:
        tmp.write_bytes(text.encode("utf-8", errors="surrogateescape") if isinstance(text, str) else text)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


# -- the lock ---------------------------------------------------------------------------------


@contextlib.contextmanager
def lock(repo: Repo, command: str) -> Iterator[str | None]:
    """One sync at a time per repository; a lock left by a dead process on this host is taken over, and the
    context value says so (None when the lock was free)."""
    path = repo.git_dir / LOCK_NAME
    holder = f"pid {os.getpid()} on {socket.gethostname()} since {time.strftime('%Y-%m-%d %H:%M:%S')}: {command}"
    taken_over = _acquire(path, holder)
    try:
        yield taken_over
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _acquire(path: Path, holder: str) -> str | None:
    taken_over = None
    for _attempt in range(2):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            current = path.read_text(errors="replace").strip()
            if _holder_is_dead(current):
                path.unlink(missing_ok=True)
                taken_over = f"removed a stale lock left by a process that is gone ({current})"
                continue
            raise refused(
                f"another g2l-sync holds the lock ({current}); wait for it, or remove {path} if that process is gone"
            ) from None
        with os.fdopen(fd, "w") as handle:
            handle.write(holder + "\n")
        return taken_over
    raise refused(f"could not take the lock {path}; rerun")


def _holder_is_dead(holder: str) -> bool:
    match = re.match(r"pid (\d+) on (\S+) ", holder)
    if not match or match.group(2) != socket.gethostname():
        return False
    try:
        os.kill(int(match.group(1)), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False
