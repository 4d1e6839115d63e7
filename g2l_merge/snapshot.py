"""Glue code that is not in git: an S3 prefix (`s3://bucket/prefix`) or a plain folder, recorded as a commit.

Glue Studio keeps job scripts in S3, and many teams keep theirs only there or in a folder. A snapshot is a
commit of every file's bytes (paths relative to the prefix or folder) on SNAPSHOT_REF in the Databricks
repository, its parent the previous snapshot of the same source, so the mirror, its G2l-Glue-Commit trailer,
`status` and `log` work as with a git source, and `git log refs/g2l/glue-snapshots` shows what the Glue team
changed between syncs. A source that has not changed gives back the previous snapshot: nothing new is made.

Taking a snapshot writes objects only; SNAPSHOT_REF moves with the mirror branch and refs/g2l/glue in the sync's
one ref transaction (ref_updates), so a dry run, `status` or a refused sync moves nothing.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from g2l_merge import git
from g2l_merge.errors import G2lError, refused

SNAPSHOT_REF = "refs/g2l/glue-snapshots"
SOURCE_TRAILER = "G2l-Snapshot-Source"  # the source a snapshot was taken of: its history continues only from it
REPLACES_TRAILER = "G2l-Snapshot-Replaces"  # the snapshot of another source that SNAPSHOT_REF held before
IDENTITY = ("g2l-merge snapshot", "snapshot@g2l-merge.invalid")
MAX_FILE = 50 * 1024 * 1024  # larger files are left out (named in the commit message): not Glue code
FLUSH_FROM = 64 * 1024 * 1024  # new blob bytes buffered before they are written out
PAGE_SIZE = 1000  # keys per list_objects_v2 call (S3's own maximum)
LISTED = 20  # file names listed per kind of change in a snapshot's message
_BUCKET = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
_TRAILER = re.compile(r"^(G2l-Snapshot-[A-Za-z]+): (.+)$", re.MULTILINE)


class Source(NamedTuple):
    """Where a snapshot is taken from: an S3 bucket and key prefix, or a folder."""

    name: str  # s3://bucket/prefix, or the folder's path from the Databricks repository: in SOURCE_TRAILER
    bucket: str | None = None
    prefix: str = ""  # S3 keys start with it ("" or ending in "/")
    folder: Path | None = None


class File(NamedTuple):
    path: str  # relative to the prefix or folder, with "/"
    mode: str  # 100644, 100755, or 120000 for a symlink
    read: Callable[[], bytes]
    stamp: str | None = None  # an S3 object's ETag and size: the same stamp, the same bytes
    known: str | None = None  # the blob id STAMPS recorded for this stamp, if any


class Listing(NamedTuple):
    files: list[File]
    skipped: list[str]  # "path (why)", for the commit message


def source_of(location: str, root: Path) -> Source | None:
    """The snapshot source `location` names, or None for a git repository (a path or URL), fetched as today.

    `s3://bucket[/prefix]` is S3; an existing folder that is not itself a git repository (no `.git` in it, not a
    bare repository) is a folder, even inside another repository's work tree: git cannot fetch from that. A
    folder is named by its path from `root` (the Databricks repository), so clones of both side by side on
    another machine (a CI runner) continue the same snapshot history.
    """
    if location.startswith("s3://"):
        return _s3_source(location)
    if "://" in location or location.startswith("git@"):
        return None
    folder = Path(location)
    if not folder.is_dir() or _is_repository(folder):
        return None
    resolved = folder.resolve()
    return Source(Path(os.path.relpath(resolved, root.resolve())).as_posix(), folder=resolved)


def _is_repository(folder: Path) -> bool:
    """What git itself takes for a repository at exactly this folder: a `.git` in it, or a bare repository."""
    if (folder / ".git").exists():
        return True
    return (folder / "HEAD").is_file() and (folder / "objects").is_dir() and (folder / "refs").is_dir()


def _s3_source(location: str) -> Source:
    bucket, _, prefix = location.removeprefix("s3://").partition("/")
    if not _BUCKET.fullmatch(bucket):
        raise G2lError(f"{location}: {bucket!r} is not an S3 bucket name; write s3://BUCKET or s3://BUCKET/PREFIX")
    prefix = prefix.strip("/")
    name = f"s3://{bucket}/{prefix}" if prefix else f"s3://{bucket}"
    return Source(name, bucket=bucket, prefix=f"{prefix}/" if prefix else "")


def glue_commit(
    repo: git.Repo, location: str, ref: str, ref_option: str | None = None, source_option: str | None = None
) -> str:
    """The Glue commit of `location`: fetched from a git repository, or a snapshot of an S3 prefix or folder.

    A snapshot source has no refs: [source] ref is ignored, and `ref_option` (the command-line option that set
    `ref`, if one did) is refused rather than silently ignored. `source_option` ("--glue SRC") is the option that
    named `location`, if one did (see git.fetch_commit).
    """
    source = source_of(location, repo.root)
    if source is None:
        return git.fetch_commit(repo, location, ref, source_option=source_option, ref_option=ref_option)
    if ref_option is not None:
        raise G2lError(
            f"{ref_option} {ref!r}: {source.name} is not a git repository and has no branches or tags; "
            f"drop {ref_option} (each sync takes a snapshot of it)"
        )
    return take(repo, source)


def take(repo: git.Repo, source: Source) -> str:
    """A commit of every file of `source` whose parent is the previous snapshot of the same source; that
    previous snapshot itself when nothing changed. Writes objects only, never a ref (see ref_updates)."""
    previous, replaces = _previous(repo, source)
    listing = _list_s3(source, _read_stamps(repo, source)) if source.bucket is not None else _list_folder(source)
    old = git.ls_tree(repo, previous.tree) if previous else {}
    new = _store(repo, listing.files, old)
    if source.bucket is not None:
        _write_stamps(repo, source, listing.files, new)
    changes: dict[str, git.TreeEntry | None] = {path: entry for path, entry in new.items() if old.get(path) != entry}
    changes |= {path: None for path in old if path not in new}
    if previous is not None and not changes:
        return previous.sha
    if not new:
        raise G2lError(
            f"{source.name}: holds no files; check the bucket and prefix or the folder ([source] repo in g2l.toml "
            "or --glue); a snapshot of nothing would delete every mirrored file"
        )
    tree = git.edit_tree(repo, previous.tree if previous else git.EMPTY_TREE, changes)
    message = _message(source, changes, old, listing.skipped, replaces)
    return git.commit_tree(repo, tree, [previous.sha] if previous else [], message, identity=IDENTITY)


def _previous(repo: git.Repo, source: Source) -> tuple[git.Commit | None, str | None]:
    """(the snapshot SNAPSHOT_REF holds when it is of this source, the one it holds when it is of another):
    a different source starts a history of its own, which records the snapshot it replaces."""
    current = git.ref_value(repo, SNAPSHOT_REF)
    if current is None:
        return None, None
    commit = git.read_commit(repo, current)
    if _trailers(commit.message).get(SOURCE_TRAILER) == _text(source.name):
        return commit, None
    return None, current


def _trailers(message: str) -> dict[str, str]:
    return dict(_TRAILER.findall(message))


def _text(name: str) -> str:
    """A name as a commit message holds it: bytes that are not UTF-8 (in a folder's file names) replaced."""
    return name.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")


def _store(repo: git.Repo, files: list[File], old: dict[str, git.TreeEntry]) -> dict[str, git.TreeEntry]:
    """Each file's tree entry; only blobs the previous snapshot lacks are written, a batch at a time. An S3
    object whose stamp names the blob the previous snapshot holds at its path is not read at all."""
    entries: dict[str, git.TreeEntry] = {}
    buffered = 0
    for file in files:
        if file.known is not None and old.get(file.path) == git.TreeEntry(file.mode, file.known):
            entries[file.path] = old[file.path]
            continue
        data = file.read()
        sha = git.blob_sha(data)
        entries[file.path] = git.TreeEntry(file.mode, sha)
        if old.get(file.path, git.TreeEntry("", "")).sha != sha:
            git.write_blob(repo, data)
            buffered += len(data)
        if buffered >= FLUSH_FROM:
            git.flush_objects(repo)
            buffered = 0
    return entries


def _message(
    source: Source,
    changes: dict[str, git.TreeEntry | None],
    old: dict[str, git.TreeEntry],
    skipped: list[str],
    replaces: str | None,
) -> str:
    """What changed since the previous snapshot, counted and named, with the source as a trailer."""
    kinds: dict[str, list[str]] = {"added": [], "changed": [], "deleted": []}
    for path in sorted(changes):
        kind = "deleted" if changes[path] is None else "changed" if path in old else "added"
        kinds[kind].append(path)
    counts = ", ".join(f"{len(paths)} {kind}" for kind, paths in kinds.items() if paths)
    body = [f"{kind.capitalize()}: {_names(paths)}" for kind, paths in kinds.items() if paths]
    body += [f"Skipped: {_names(sorted(skipped))}"] if skipped else []
    trailers = [f"{SOURCE_TRAILER}: {source.name}"] + ([f"{REPLACES_TRAILER}: {replaces}"] if replaces else [])
    parts = [f"Snapshot of {source.name}: {counts}", "\n".join(body), "\n".join(trailers)]
    return _text("\n\n".join(part for part in parts if part) + "\n")


def _names(paths: list[str]) -> str:
    shown = ", ".join(paths[:LISTED])
    return shown + (f" and {len(paths) - LISTED} more" if len(paths) > LISTED else "")


def ref_updates(repo: git.Repo, glue: git.Commit) -> list[git.RefUpdate]:
    """SNAPSHOT_REF to the snapshot a new mirror commit records, by compare-and-swap against the snapshot it was
    taken after, in the same transaction as the mirror branch; [] for a commit of a git source, or a snapshot
    SNAPSHOT_REF already holds. A snapshot is a commit by IDENTITY with SOURCE_TRAILER: a Glue commit whose
    message merely quotes the trailer is not one."""
    found = _trailers(glue.message)
    if SOURCE_TRAILER not in found or not glue.author.startswith(f"{IDENTITY[0]} <{IDENTITY[1]}> "):
        return []
    if git.ref_value(repo, SNAPSHOT_REF) == glue.sha:
        return []
    old = glue.parents[0] if glue.parents else found.get(REPLACES_TRAILER, git.NULL_SHA)
    return [git.RefUpdate(SNAPSHOT_REF, glue.sha, old)]


# -- a folder ---------------------------------------------------------------------------------


def _list_folder(source: Source) -> Listing:
    """Every file below the folder. `.git` folders are left out; a symlink is kept as a symlink when
    it is relative and stays inside the folder (as git would commit it), else left out; so are files over
    MAX_FILE and anything that is not a regular file (sockets, pipes)."""
    assert source.folder is not None
    top = source.folder
    files: list[File] = []
    skipped: list[str] = []
    for folder, names in _walk(top):
        for name in names:
            where = folder / name
            path = where.relative_to(top).as_posix()
            kept = _folder_file(top, where, path)
            if isinstance(kept, File):
                files.append(kept)
            elif kept:
                skipped.append(f"{path} ({kept})")
    return Listing(files, skipped)


def _walk(top: Path) -> Iterator[tuple[Path, list[str]]]:
    """(folder, its entries but folders to descend into), top down, without following symlinks or entering
    `.git`."""
    for folder, dirs, names in os.walk(top, onerror=_unreadable):
        links = [d for d in dirs if os.path.islink(os.path.join(folder, d))]  # symlinks to folders
        dirs[:] = sorted(d for d in dirs if d not in links and d.lower() != ".git")
        yield Path(folder), sorted(n for n in [*names, *links] if n.lower() != ".git")


def _unreadable(error: OSError) -> None:
    raise G2lError(f"{error.filename}: cannot read this folder ({error.strerror}); fix its permissions and rerun")


def _folder_file(top: Path, where: Path, path: str) -> File | str | None:
    """The file to snapshot, or why it is left out (None: it is gone since the folder was listed)."""
    try:
        info = os.lstat(where)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(info.st_mode):
        target = os.readlink(where)
        if os.path.isabs(target) or not _inside(top, where.parent / target):
            return "a symlink that leaves the folder"
        return File(path, "120000", lambda: os.fsencode(target))
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if info.st_size > MAX_FILE:
        return _too_large(info.st_size)
    mode = "100755" if info.st_mode & stat.S_IXUSR else "100644"
    return File(path, mode, lambda: _read(where))


def _inside(top: Path, where: Path) -> bool:
    try:
        return where.resolve().is_relative_to(top)
    except (OSError, RuntimeError):  # a loop of symlinks (RuntimeError before Python 3.13)
        return False


def _read(where: Path) -> bytes:
    try:
        return where.read_bytes()
    except OSError as error:
        raise G2lError(f"{where}: cannot read this file ({error.strerror}); fix its permissions and rerun") from None


def _too_large(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB, over the {MAX_FILE // 1024 // 1024} MB limit"


# -- S3 -------------------------------------------------------------------------------------


def _list_s3(source: Source, stamps: dict[str, tuple[str, str]]) -> Listing:
    """Every object under the prefix (list_objects_v2, page by page), each read when it is stored unless
    `stamps` (path -> (stamp, blob id)) knows its ETag and size. Keys ending in "/" are the console's folder
    placeholders; keys that cannot be a file path in git (empty, `.` or `..` parts, `.git`), a key that is also
    a folder of other keys, and objects over MAX_FILE are left out."""
    client, errors = _client(source)
    files: list[File] = []
    skipped: list[str] = []
    sizes: dict[str, int] = {}
    etags: dict[str, str] = {}
    with errors:
        pages = client.get_paginator("list_objects_v2").paginate(
            Bucket=source.bucket, Prefix=source.prefix, PaginationConfig={"PageSize": PAGE_SIZE}
        )
        for page in pages:
            for item in page.get("Contents", []):
                key: str = item["Key"]
                if not key.endswith("/"):
                    sizes[key.removeprefix(source.prefix)] = int(item["Size"])
                    etags[key.removeprefix(source.prefix)] = str(item.get("ETag", ""))
    folders = {"/".join(parts[:n]) for parts in (path.split("/") for path in sizes) for n in range(1, len(parts))}
    for path, size in sorted(sizes.items()):
        why = _bad_key(path, size, folders)
        if why:
            skipped.append(f"{path} ({why})")
        else:
            stamp = f"{etags[path]} {size}" if etags[path] else None
            known = stamps.get(path, ("", ""))
            reader = _object_reader(client, errors, source, path)
            files.append(File(path, "100644", reader, stamp, known[1] if stamp and known[0] == stamp else None))
    return Listing(files, skipped)


STAMPS = "g2l-snapshot-stamps"  # in the git directory: each S3 object's ETag and size -> blob id, last snapshot


def _read_stamps(repo: git.Repo, source: Source) -> dict[str, tuple[str, str]]:
    """What the last snapshot of `source` recorded, path -> (stamp, blob id); {} when there is no record, it is
    of another source, or it cannot be read. It changes how much a snapshot downloads, never what it holds: a
    blob id is used only where the previous snapshot's tree has that very blob at that path."""
    try:
        record = json.loads((repo.git_dir / STAMPS).read_bytes())
        return (
            {path: (stamp, sha) for path, (stamp, sha) in record["files"].items()}
            if record["source"] == source.name
            else {}
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _write_stamps(repo: git.Repo, source: Source, files: list[File], entries: dict[str, git.TreeEntry]) -> None:
    stamps = {file.path: [file.stamp, entries[file.path].sha] for file in files if file.stamp}
    record = json.dumps({"source": source.name, "files": stamps}, sort_keys=True).encode()
    with contextlib.suppress(OSError):  # a read-only repository: the next snapshot reads every object again
        git.write_git_file(repo, STAMPS, record)


def _bad_key(path: str, size: int, folders: set[str]) -> str | None:
    parts = path.split("/")
    if any(part in ("", ".", "..") or part.lower() == ".git" for part in parts):
        return "not a file path git can hold"
    if path in folders:
        return "also the name of a folder of other objects"
    if size > MAX_FILE:
        return _too_large(size)
    return None


def _object_reader(client: Any, errors: _S3Errors, source: Source, path: str) -> Callable[[], bytes]:
    def read() -> bytes:
        with errors:
            try:
                body: bytes = client.get_object(Bucket=source.bucket, Key=source.prefix + path)["Body"].read()
            except client.exceptions.NoSuchKey:
                raise refused(
                    f"{source.name}: {path} was deleted while the snapshot was taken; nothing changed, rerun"
                ) from None
        return body

    return read


def _client(source: Source) -> tuple[Any, _S3Errors]:
    """An S3 client from the standard AWS credential chain (boto3, imported only here), and the context that
    turns its errors into one line naming the source."""
    try:  # by name: boto3 has no type information, and it is an optional dependency ([aws])
        boto3 = importlib.import_module("boto3")
        exceptions = importlib.import_module("botocore.exceptions")
    except ImportError:
        raise G2lError(
            f"{source.name}: reading Glue scripts from S3 needs boto3; install it with pip install 'g2l-merge[aws]'"
        ) from None
    errors = _S3Errors(source, exceptions)
    with errors:
        return boto3.session.Session().client("s3"), errors  # a session of its own: the environment as it is now


class _S3Errors:
    """botocore's errors as a G2lError (exit 2) that names the bucket and prefix and says what to do."""

    def __init__(self, source: Source, exceptions: Any) -> None:
        self.source = source
        self.exceptions = exceptions

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, _trace: object) -> None:
        if error is None or isinstance(error, G2lError):
            return
        found = self._message(error)
        if found is not None:
            raise G2lError(f"{self.source.name}: {found}") from None

    def _message(self, error: BaseException) -> str | None:
        missing = (self.exceptions.NoCredentialsError, self.exceptions.PartialCredentialsError)
        if isinstance(error, missing):
            return (
                "no AWS credentials found; set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or "
                "run where an IAM role is available (the standard AWS credential chain), and rerun"
            )
        if isinstance(error, self.exceptions.ClientError):
            code = str(error.response.get("Error", {}).get("Code", "?"))
            if code in ("NoSuchBucket", "404"):
                return f"no such bucket {self.source.bucket!r}; check [source] repo in g2l.toml or --glue"
            if code in ("AccessDenied", "403", "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken"):
                return (
                    f"access denied ({code}); the AWS credentials need s3:ListBucket and s3:GetObject on "
                    f"{self.source.name}"
                )
            return f"S3 refused the request ({code}: {error.response.get('Error', {}).get('Message', '')})"
        if isinstance(error, self.exceptions.BotoCoreError):
            return f"cannot read from S3 ({error}); check the network, AWS_DEFAULT_REGION and the credentials"
        return None
