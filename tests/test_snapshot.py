"""Glue code that is not in git: a plain folder and an S3 prefix (moto's S3, never a live account), snapshotted
onto refs/g2l/glue-snapshots, mirrored, merged, and read back by status and log."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import JOB_A, LIB, DbxRepo, g2l, git
from g2l_merge import git as g2l_git
from g2l_merge import snapshot
from g2l_merge.errors import G2lError

boto3 = pytest.importorskip("boto3")
moto = pytest.importorskip("moto")

SNAPSHOTS = "refs/g2l/glue-snapshots"
BUCKET = "aws-glue-assets-123456789012-eu-west-1"
A = "risk_engine/jobs/process_a.py"
LIB_PATH = "risk_engine/lib/collateral.py"
NAME = "../glue-scripts"  # the folder, as snapshots name it: from the Databricks repository


def converted(path: str, text: str) -> str:
    return f"# g2l: converted from {path}\n{text}"


def write(folder: Path, files: dict[str, str | bytes | None]) -> None:
    for name, content in files.items():
        where = folder / name
        if content is None:
            where.unlink()
            continue
        where.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            where.write_bytes(content)
        else:
            where.write_text(content)


def message(dbx: DbxRepo, rev: str) -> str:
    return git(dbx.path, "log", "-1", "--format=%B", rev)


def mirror_glue_commit(dbx: DbxRepo) -> str:
    trailer = [line for line in message(dbx, "glue-mirror").splitlines() if line.startswith("G2l-Glue-Commit: ")]
    return trailer[0].removeprefix("G2l-Glue-Commit: ")


def init(dbx: DbxRepo, source: str, *extra: str) -> None:
    run = g2l(dbx.path, "init", "--glue", source, "--target-root", "risk_engine", *extra)
    assert run.code == 0, run.output


# -- a folder ---------------------------------------------------------------------------------------------


@pytest.fixture
def scripts(tmp_path: Path) -> Path:
    """The Glue team's scripts in a plain folder (no git)."""
    folder = tmp_path / "glue-scripts"
    write(folder, {"jobs/process_a.py": JOB_A, "lib/collateral.py": LIB, "README.md": "Glue jobs\n"})
    os.chmod(folder / "jobs/process_a.py", 0o755)
    return folder


@pytest.fixture
def dbx(tmp_path: Path) -> DbxRepo:
    return DbxRepo(tmp_path / "risk-engine-dbx")


def test_init_from_a_folder_mirrors_a_snapshot_commit_on_the_hidden_ref(scripts: Path, dbx: DbxRepo) -> None:
    init(dbx, "../glue-scripts")
    assert dbx.read(A) == converted("jobs/process_a.py", JOB_A)
    assert dbx.read(LIB_PATH) == converted("lib/collateral.py", LIB)
    refs = dbx.refs()
    shot = refs[SNAPSHOTS]
    assert refs["refs/g2l/glue"] == shot
    assert mirror_glue_commit(dbx) == shot
    assert dbx.parents(shot) == []
    assert git(dbx.path, "log", "-1", "--format=%an <%ae>|%cn", shot) == (
        "g2l-merge snapshot <snapshot@g2l-merge.invalid>|g2l-merge snapshot"
    )
    assert message(dbx, shot) == (
        f"Snapshot of {NAME}: 3 added\n\nAdded: README.md, jobs/process_a.py, lib/collateral.py\n\n"
        f"G2l-Snapshot-Source: {NAME}"
    )
    tree = git(dbx.path, "ls-tree", "-r", shot)
    assert "100755 blob" in next(line for line in tree.splitlines() if line.endswith("jobs/process_a.py"))
    assert "100644 blob" in next(line for line in tree.splitlines() if line.endswith("README.md"))
    assert "Glue scripts: ../glue-scripts (snapshots on refs/g2l/glue-snapshots)" in message(dbx, "main~1")


def test_a_changed_folder_syncs_as_a_snapshot_whose_parent_is_the_previous_one(scripts: Path, dbx: DbxRepo) -> None:
    init(dbx, "../glue-scripts")
    first = dbx.rev(SNAPSHOTS)
    write(
        scripts,
        {
            "jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.7"),
            "jobs/process_c.py": "c = 1\n",
            "lib/collateral.py": None,
        },
    )
    run = g2l(dbx.path, "sync", "--json")
    assert run.code == 0, run.output
    report = json.loads(run.output)
    second = dbx.rev(SNAPSHOTS)
    assert dbx.parents(second) == [first]
    assert report["glue_commit"] == second == mirror_glue_commit(dbx) == dbx.rev("refs/g2l/glue")
    assert report["previous_glue_commit"] == first
    assert report["files"] == {
        "added": ["risk_engine/jobs/process_c.py"],
        "deleted": [LIB_PATH],
        "renamed": [],
        "updated": [A],
    }
    assert [c["subject"] for c in report["glue_commits"]] == [f"Snapshot of {NAME}: 1 added, 1 changed, 1 deleted"]
    assert message(dbx, second) == (
        f"Snapshot of {NAME}: 1 added, 1 changed, 1 deleted\n\nAdded: jobs/process_c.py\n"
        f"Changed: jobs/process_a.py\nDeleted: lib/collateral.py\n\nG2l-Snapshot-Source: {NAME}"
    )
    assert dbx.read(A) == converted("jobs/process_a.py", JOB_A.replace("threshold = 0.8", "threshold = 0.7"))
    assert not (dbx.path / LIB_PATH).exists()
    log = json.loads(g2l(dbx.path, "log", "--json").output)
    assert [entry["glue_commit"] for entry in log] == [second, first]
    assert log[0]["glue_subject"] == f"Snapshot of {NAME}: 1 added, 1 changed, 1 deleted"


def test_an_unchanged_folder_is_up_to_date_and_makes_no_snapshot(scripts: Path, dbx: DbxRepo) -> None:
    init(dbx, "../glue-scripts")
    refs = dbx.refs()
    run = g2l(dbx.path, "sync", "--json")
    assert run.code == 0, run.output
    assert json.loads(run.output)["status"] == "up-to-date"
    assert dbx.refs() == refs
    status = json.loads(g2l(dbx.path, "status", "--json").output)
    assert status["glue_head"] == refs[SNAPSHOTS]
    assert status["glue_commits_behind"] == 0


def test_status_counts_the_snapshots_not_synced_and_moves_no_ref(
    scripts: Path, dbx: DbxRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"):  # the same snapshot each time status looks
        monkeypatch.setenv(name, "2026-01-05T10:00:00Z")
    init(dbx, "../glue-scripts")
    refs = dbx.refs()
    write(scripts, {"jobs/process_c.py": "c = 1\n"})
    run = g2l(dbx.path, "status", "--json")
    assert run.code == 0, run.output
    status = json.loads(run.output)
    assert status["last_synced_glue_commit"] == refs[SNAPSHOTS]
    assert status["glue_commits_behind"] == 1
    assert dbx.parents(status["glue_head"]) == [refs[SNAPSHOTS]]
    assert dbx.refs() == refs
    text = g2l(dbx.path, "status").output
    assert f"Glue head: {status['glue_head'][:12]} (1 commit not synced)" in text


def test_a_dry_run_takes_a_snapshot_and_moves_no_ref(scripts: Path, dbx: DbxRepo) -> None:
    init(dbx, "../glue-scripts")
    refs = dbx.refs()
    write(scripts, {"jobs/process_c.py": "c = 1\n"})
    run = g2l(dbx.path, "sync", "--dry-run", "--json")
    assert run.code == 0, run.output
    report = json.loads(run.output)
    assert report["files"]["added"] == ["risk_engine/jobs/process_c.py"]
    assert dbx.parents(report["glue_commit"]) == [refs[SNAPSHOTS]]
    assert dbx.refs() == refs
    assert not (dbx.path / "risk_engine/jobs/process_c.py").exists()


def test_the_commit_date_follows_git_s_date_variables(
    scripts: Path, dbx: DbxRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_AUTHOR_DATE", "2026-01-05T10:00:00Z")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-01-05T10:00:00Z")
    init(dbx, "../glue-scripts")
    assert git(dbx.path, "log", "-1", "--format=%aI %cI", SNAPSHOTS) == (
        "2026-01-05T10:00:00+00:00 2026-01-05T10:00:00+00:00"
    )


def test_a_folder_snapshot_keeps_bytes_and_inner_symlinks_and_leaves_out_what_git_cannot_hold(
    scripts: Path, dbx: DbxRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot, "MAX_FILE", 1024 * 1024)
    (tmp_path / "outside.py").write_text("secret = 1\n")
    write(scripts, {"lib/latin1.txt": b"caf\xe9\n", "big.bin": b"x" * 1600 * 1024, "vendored/.git/config": "x"})
    (scripts / "lib/alias.py").symlink_to("collateral.py")
    (scripts / "lib/leak.py").symlink_to(tmp_path / "outside.py")
    (scripts / "lib/up.py").symlink_to("../../outside.py")
    (scripts / "jobs_link").symlink_to("jobs")
    (scripts / "loop").symlink_to("loop")
    os.mkfifo(scripts / "pipe")
    init(dbx, "../glue-scripts")
    shot = dbx.rev(SNAPSHOTS)
    tree = {line.split("\t")[1]: line.split(" ")[0] for line in git(dbx.path, "ls-tree", "-r", shot).splitlines()}
    assert tree == {
        "README.md": "100644",
        "jobs/process_a.py": "100755",
        "jobs_link": "120000",
        "lib/alias.py": "120000",
        "lib/collateral.py": "100644",
        "lib/latin1.txt": "100644",
    }
    assert git(dbx.path, "cat-file", "blob", f"{shot}:lib/alias.py") == "collateral.py"
    raw = g2l_git.run_in(dbx.path, "cat-file", "blob", f"{shot}:lib/latin1.txt")
    assert raw == "caf\ufffd\n"  # the bytes as stored: not UTF-8
    assert (
        "Skipped: big.bin (2 MB, over the 1 MB limit), lib/leak.py (a symlink that leaves the folder), "
        "lib/up.py (a symlink that leaves the folder), loop (a symlink that leaves the folder), "
        "pipe (not a regular file)"
    ) in message(dbx, shot)


def test_source_of_tells_snapshot_sources_from_git_repositories(tmp_path: Path) -> None:
    repo = tmp_path / "glue-git"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "sub").mkdir()
    bare = tmp_path / "glue.git"
    git(tmp_path, "init", "-q", "--bare", str(bare))
    root = tmp_path / "dbx"
    assert snapshot.source_of(str(repo), root) is None
    assert snapshot.source_of(str(bare), root) is None
    assert snapshot.source_of(str(tmp_path / "nowhere"), root) is None
    assert snapshot.source_of("https://git.example/glue.git", root) is None
    assert snapshot.source_of("git@git.example:glue.git", root) is None
    assert snapshot.source_of(str(repo / "sub"), root) == snapshot.Source("../glue-git/sub", folder=repo / "sub")
    assert snapshot.source_of(str(repo / "sub"), repo) == snapshot.Source("sub", folder=repo / "sub")
    assert snapshot.source_of("s3://my-bucket", root) == snapshot.Source("s3://my-bucket", bucket="my-bucket")
    assert snapshot.source_of("s3://my-bucket/scripts/", root) == snapshot.Source(
        "s3://my-bucket/scripts", bucket="my-bucket", prefix="scripts/"
    )
    with pytest.raises(G2lError) as error:
        snapshot.source_of("s3://My_Bucket/scripts", root)
    assert error.value.message == (
        "s3://My_Bucket/scripts: 'My_Bucket' is not an S3 bucket name; write s3://BUCKET or s3://BUCKET/PREFIX"
    )


def test_an_empty_folder_is_refused_and_nothing_changes(tmp_path: Path, dbx: DbxRepo) -> None:
    (tmp_path / "empty").mkdir()
    refs = dbx.refs()
    run = g2l(dbx.path, "init", "--glue", "../empty")
    assert run.code == 2
    assert run.output == (
        "git g2l-sync: ../empty: holds no files; check the bucket and prefix or the folder "
        "([source] repo in g2l.toml or --glue); a snapshot of nothing would delete every mirrored file\n"
    )
    assert dbx.refs() == refs
    assert not (dbx.path / "g2l.toml").exists()


def test_a_folder_emptied_after_init_is_refused(scripts: Path, dbx: DbxRepo) -> None:
    init(dbx, "../glue-scripts")
    refs = dbx.refs()
    write(scripts, {"jobs/process_a.py": None, "lib/collateral.py": None, "README.md": None})
    run = g2l(dbx.path, "sync")
    assert run.code == 2
    assert "holds no files" in run.output
    assert dbx.refs() == refs


def test_glue_ref_is_refused_for_a_snapshot_source(scripts: Path, dbx: DbxRepo) -> None:
    init(dbx, "../glue-scripts")
    run = g2l(dbx.path, "sync", "--glue-ref", "main")
    assert run.code == 2
    assert run.output == (
        f"git g2l-sync: --glue-ref 'main': {NAME} is not a git repository and has no branches or tags; "
        "drop --glue-ref (each sync takes a snapshot of it)\n"
    )


def test_adopt_takes_the_snapshot_or_refuses_another_name(scripts: Path, dbx: DbxRepo) -> None:
    run = g2l(dbx.path, "init", "--glue", "../glue-scripts", "--adopt", "main")
    assert run.code == 2
    assert run.output == (
        f"git g2l-sync: --adopt 'main': {NAME} is not a git repository; write --adopt snapshot to record "
        "the snapshot init takes now as merged\n"
    )
    init(dbx, "../glue-scripts", "--adopt", "snapshot")
    assert not (dbx.path / A).exists()  # adopted: the tree is kept as it is
    assert dbx.parents("main")[1] == dbx.rev("glue-mirror")
    assert mirror_glue_commit(dbx) == dbx.rev(SNAPSHOTS) == dbx.rev("refs/g2l/glue")


def test_another_source_starts_a_new_snapshot_history_that_names_the_one_it_replaces(
    scripts: Path, dbx: DbxRepo, tmp_path: Path
) -> None:
    init(dbx, "../glue-scripts")
    first = dbx.rev(SNAPSHOTS)
    other = tmp_path / "other-scripts"
    write(other, {"jobs/process_a.py": JOB_A.replace("0.8", "0.6")})
    run = g2l(dbx.path, "sync", "--glue", str(other), "--json")
    assert run.code == 0, run.output
    second = dbx.rev(SNAPSHOTS)
    assert dbx.parents(second) == []
    assert message(dbx, second).endswith(f"G2l-Snapshot-Source: ../other-scripts\nG2l-Snapshot-Replaces: {first}")
    assert json.loads(run.output)["rewritten_glue_commit"] == first
    assert dbx.read(A) == converted("jobs/process_a.py", JOB_A.replace("0.8", "0.6"))


def test_a_snapshot_ref_moved_meanwhile_refuses_the_sync(scripts: Path, dbx: DbxRepo) -> None:
    init(dbx, "../glue-scripts")
    write(scripts, {"jobs/process_c.py": "c = 1\n"})
    repo = g2l_git.open_repo(dbx.path)
    try:
        shot = snapshot.take(repo, snapshot.Source(NAME, folder=scripts))
        glue = g2l_git.read_commit(repo, shot)
        assert snapshot.ref_updates(repo, glue) == [g2l_git.RefUpdate(SNAPSHOTS, shot, dbx.rev(SNAPSHOTS))]
        git(dbx.path, "update-ref", SNAPSHOTS, shot)
        assert snapshot.ref_updates(repo, glue) == []
        assert snapshot.ref_updates(repo, g2l_git.read_commit(repo, dbx.rev("main"))) == []
        tree = git(dbx.path, "rev-parse", "main^{tree}")
        quoting = git(dbx.path, "commit-tree", tree, "-m", f"Glue: note\n\nG2l-Snapshot-Source: {NAME}")
        assert snapshot.ref_updates(repo, g2l_git.read_commit(repo, quoting)) == []
    finally:
        g2l_git.close(repo)


def test_large_snapshots_write_their_blobs_in_batches(
    scripts: Path, dbx: DbxRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot, "FLUSH_FROM", 1)
    flushed: list[int] = []
    real = g2l_git.flush_objects
    monkeypatch.setattr(g2l_git, "flush_objects", lambda repo: flushed.append(1) or real(repo))
    init(dbx, "../glue-scripts")
    assert len(flushed) == 3
    assert git(dbx.path, "cat-file", "-t", f"{SNAPSHOTS}:lib/collateral.py") == "blob"


def test_an_unreadable_file_is_an_error_naming_it(scripts: Path, dbx: DbxRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Path.read_bytes

    def denied(path: Path) -> bytes:
        if path.name == "collateral.py":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", denied)
    run = g2l(dbx.path, "init", "--glue", "../glue-scripts")
    assert run.code == 2
    assert run.output == (
        f"git g2l-sync: {scripts / 'lib/collateral.py'}: cannot read this file (Permission denied); fix its "
        "permissions and rerun\n"
    )


def test_an_unreadable_folder_is_an_error_naming_it(scripts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def walk(top: str, onerror: Any) -> Iterator[tuple[str, list[str], list[str]]]:
        onerror(PermissionError(13, "Permission denied", str(scripts / "lib")))
        yield from ()

    monkeypatch.setattr(os, "walk", walk)
    with pytest.raises(G2lError) as error:
        snapshot._list_folder(snapshot.Source(NAME, folder=scripts))
    assert error.value.message == (
        f"{scripts / 'lib'}: cannot read this folder (Permission denied); fix its permissions and rerun"
    )


def test_a_file_gone_while_listed_is_left_out(scripts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.lstat
    monkeypatch.setattr(
        os, "lstat", lambda where: (_ for _ in ()).throw(FileNotFoundError()) if "README" in str(where) else real(where)
    )
    listing = snapshot._list_folder(snapshot.Source(NAME, folder=scripts))
    assert [file.path for file in listing.files] == ["jobs/process_a.py", "lib/collateral.py"]
    assert listing.skipped == []


# -- S3 ---------------------------------------------------------------------------------------------------


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Fake credentials and empty AWS configuration files: nothing can reach a real account."""
    for name in ("config", "credentials"):
        (tmp_path / f"aws-{name}").write_text("")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "aws-credentials"))
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.delenv("AWS_PROFILE", raising=False)


@pytest.fixture
def s3(aws_env: None) -> Iterator[Any]:
    """moto's S3 with Glue Studio's assets bucket: scripts under scripts/, a folder placeholder, and a file
    outside the prefix."""
    with moto.mock_aws():
        client = boto3.client("s3")
        client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
        for key, body in {
            "scripts/": "",
            "scripts/jobs/": "",
            "scripts/jobs/process_a.py": JOB_A,
            "scripts/lib/collateral.py": LIB,
            "temporary/spark-ui/log.json": "{}",
        }.items():
            client.put_object(Bucket=BUCKET, Key=key, Body=body.encode())
        yield client


def test_init_and_sync_from_s3_bring_changes_and_deletions(s3: Any, dbx: DbxRepo) -> None:
    init(dbx, f"s3://{BUCKET}/scripts/")
    assert 'repo = "s3://aws-glue-assets-123456789012-eu-west-1/scripts/"' in dbx.read("g2l.toml")
    first = dbx.rev(SNAPSHOTS)
    assert git(dbx.path, "ls-tree", "-r", "--name-only", first).splitlines() == [
        "jobs/process_a.py",
        "lib/collateral.py",
    ]
    assert message(dbx, first).endswith(f"G2l-Snapshot-Source: s3://{BUCKET}/scripts")
    assert dbx.read(A) == converted("jobs/process_a.py", JOB_A)
    s3.delete_object(Bucket=BUCKET, Key="scripts/lib/collateral.py")
    s3.put_object(Bucket=BUCKET, Key="scripts/jobs/process_a.py", Body=JOB_A.replace("0.8", "0.7").encode())
    run = g2l(dbx.path, "sync", "--json")
    assert run.code == 0, run.output
    second = dbx.rev(SNAPSHOTS)
    assert dbx.parents(second) == [first]
    assert mirror_glue_commit(dbx) == second == json.loads(run.output)["glue_commit"]
    assert not (dbx.path / LIB_PATH).exists()
    assert dbx.read(A) == converted("jobs/process_a.py", JOB_A.replace("0.8", "0.7"))
    assert git(dbx.path, "log", "--format=%s", SNAPSHOTS).splitlines() == [
        f"Snapshot of s3://{BUCKET}/scripts: 1 changed, 1 deleted",
        f"Snapshot of s3://{BUCKET}/scripts: 2 added",
    ]
    refs = dbx.refs()
    again = g2l(dbx.path, "sync", "--json")
    assert json.loads(again.output)["status"] == "up-to-date"
    assert dbx.refs() == refs


def test_s3_listing_pages_and_leaves_out_keys_git_cannot_hold(
    s3: Any, dbx: DbxRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot, "PAGE_SIZE", 2)
    monkeypatch.setattr(snapshot, "MAX_FILE", 1024 * 1024)
    for key, body in {
        "scripts/jobs": b"a key that is also a folder",
        "scripts/a/../b.py": b"x = 1\n",
        "scripts/big.bin": b"x" * 1600 * 1024,
        "scripts/data/latin1.csv": b"caf\xe9\n",
    }.items():
        s3.put_object(Bucket=BUCKET, Key=key, Body=body)
    init(dbx, f"s3://{BUCKET}/scripts")
    shot = dbx.rev(SNAPSHOTS)
    assert git(dbx.path, "ls-tree", "-r", "--name-only", shot).splitlines() == [
        "data/latin1.csv",
        "jobs/process_a.py",
        "lib/collateral.py",
    ]
    assert g2l_git.run_in(dbx.path, "cat-file", "-s", f"{shot}:data/latin1.csv") == "5\n"
    assert (
        "Skipped: a/../b.py (not a file path git can hold), big.bin (2 MB, over the 1 MB limit), "
        "jobs (also the name of a folder of other objects)"
    ) in message(dbx, shot)


def test_a_whole_bucket_is_a_source(s3: Any, dbx: DbxRepo) -> None:
    init(dbx, f"s3://{BUCKET}", "--include", "scripts/**/*.py")
    assert dbx.read("risk_engine/scripts/jobs/process_a.py") == converted("scripts/jobs/process_a.py", JOB_A)
    assert message(dbx, SNAPSHOTS).endswith(f"G2l-Snapshot-Source: s3://{BUCKET}")


def test_an_empty_prefix_is_refused(s3: Any, dbx: DbxRepo) -> None:
    run = g2l(dbx.path, "init", "--glue", f"s3://{BUCKET}/scirpts")
    assert run.code == 2
    assert f"s3://{BUCKET}/scirpts: holds no files; check the bucket and prefix" in run.output
    assert not (dbx.path / "g2l.toml").exists()


def test_no_such_bucket_is_an_error_and_changes_nothing(s3: Any, dbx: DbxRepo) -> None:
    init(dbx, f"s3://{BUCKET}/scripts")
    refs = dbx.refs()
    s3.put_object(Bucket=BUCKET, Key="scripts/jobs/process_c.py", Body=b"c = 1\n")
    run = g2l(dbx.path, "sync", "--glue", "s3://no-such-bucket/scripts")
    assert run.code == 2
    assert run.output == (
        "git g2l-sync: s3://no-such-bucket/scripts: no such bucket 'no-such-bucket'; check [source] repo in "
        "g2l.toml or --glue\n"
    )
    assert dbx.refs() == refs


def test_missing_credentials_are_an_error_naming_the_source(aws_env: None, dbx: DbxRepo, monkeypatch: Any) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name)
    run = g2l(dbx.path, "init", "--glue", f"s3://{BUCKET}/scripts")
    assert run.code == 2
    assert run.output == (
        f"git g2l-sync: s3://{BUCKET}/scripts: no AWS credentials found; set AWS_PROFILE, or AWS_ACCESS_KEY_ID "
        "and AWS_SECRET_ACCESS_KEY, or run where an IAM role is available (the standard AWS credential chain), "
        "and rerun\n"
    )
    assert not (dbx.path / "g2l.toml").exists()


def test_access_denied_is_an_error_saying_which_permissions(
    aws_env: None, dbx: DbxRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from moto.core import set_initial_no_auth_action_count

    @set_initial_no_auth_action_count(3)  # moto checks IAM after these: the bucket, a user, its key
    def as_a_user_without_permissions() -> Any:
        client = boto3.client("s3")
        client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
        iam = boto3.client("iam")
        iam.create_user(UserName="glue-reader")
        key = iam.create_access_key(UserName="glue-reader")["AccessKey"]
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", key["AccessKeyId"])
        monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", key["SecretAccessKey"])
        monkeypatch.delenv("AWS_SESSION_TOKEN")
        return g2l(dbx.path, "init", "--glue", f"s3://{BUCKET}/scripts")

    with moto.mock_aws():
        run = as_a_user_without_permissions()
    assert run.code == 2
    assert run.output == (
        f"git g2l-sync: s3://{BUCKET}/scripts: access denied (AccessDenied); the AWS credentials need "
        f"s3:ListBucket and s3:GetObject on s3://{BUCKET}/scripts\n"
    )


def test_boto3_missing_is_an_error_saying_what_to_install(
    aws_env: None, dbx: DbxRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "boto3", None)
    run = g2l(dbx.path, "init", "--glue", f"s3://{BUCKET}/scripts")
    assert run.code == 2
    assert run.output == (
        f"git g2l-sync: s3://{BUCKET}/scripts: reading Glue scripts from S3 needs boto3; install it with "
        "pip install 'g2l-merge[aws]'\n"
    )


def test_an_object_deleted_while_the_snapshot_is_taken_refuses(
    s3: Any, dbx: DbxRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = snapshot._list_s3

    def listed_then_deleted(source: snapshot.Source, stamps: Any) -> snapshot.Listing:
        listing = real(source, stamps)
        s3.delete_object(Bucket=BUCKET, Key="scripts/lib/collateral.py")
        return listing

    monkeypatch.setattr(snapshot, "_list_s3", listed_then_deleted)
    run = g2l(dbx.path, "init", "--glue", f"s3://{BUCKET}/scripts")
    assert run.code == 3
    assert run.output == (
        f"git g2l-sync: s3://{BUCKET}/scripts: lib/collateral.py was deleted while the snapshot was taken; "
        "nothing changed, rerun\n"
    )


def test_other_s3_and_botocore_errors_name_the_source() -> None:
    import botocore.exceptions

    source = snapshot.Source("s3://b-1/x", bucket="b-1", prefix="x/")
    errors = snapshot._S3Errors(source, botocore.exceptions)
    slow = botocore.exceptions.ClientError({"Error": {"Code": "SlowDown", "Message": "Reduce your rate"}}, "GetObject")
    unreachable = botocore.exceptions.EndpointConnectionError(endpoint_url="https://s3.example")
    found = []
    for error in (slow, unreachable):
        with pytest.raises(G2lError) as raised, errors:
            raise error
        found.append(raised.value.message)
    assert found == [
        "s3://b-1/x: S3 refused the request (SlowDown: Reduce your rate)",
        's3://b-1/x: cannot read from S3 (Could not connect to the endpoint URL: "https://s3.example"); check the '
        "network, AWS_DEFAULT_REGION and the credentials",
    ]
    with pytest.raises(KeyError), errors:
        raise KeyError("not an AWS error: left as it is")


def test_a_deleted_snapshot_ref_starts_a_new_history_reported_as_rewritten(
    scripts: Path, dbx: DbxRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-01-05T10:00:00Z")
    init(dbx, "../glue-scripts")
    first = dbx.rev(SNAPSHOTS)
    git(dbx.path, "update-ref", "-d", SNAPSHOTS)
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-01-12T10:00:00Z")  # a week later
    run = g2l(dbx.path, "sync", "--json")
    assert run.code == 0, run.output
    report = json.loads(run.output)
    second = dbx.rev(SNAPSHOTS)
    assert second != first
    assert dbx.parents(second) == []
    assert "G2l-Snapshot-Replaces" not in message(dbx, second)
    assert report["rewritten_glue_commit"] == first
    assert report["files"] == {"added": [], "deleted": [], "renamed": [], "updated": []}


def test_s3_objects_whose_etag_and_size_are_unchanged_are_not_downloaded_again(
    s3: Any, dbx: DbxRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    downloaded: list[str] = []
    real = snapshot._object_reader

    def counting(client: Any, errors: Any, source: snapshot.Source, path: str) -> Any:
        read = real(client, errors, source, path)
        return lambda: downloaded.append(path) or read()

    monkeypatch.setattr(snapshot, "_object_reader", counting)
    init(dbx, f"s3://{BUCKET}/scripts")
    assert downloaded == ["jobs/process_a.py", "lib/collateral.py"]
    stamps = dbx.path / ".git" / snapshot.STAMPS
    assert json.loads(stamps.read_text())["source"] == f"s3://{BUCKET}/scripts"
    downloaded.clear()
    assert json.loads(g2l(dbx.path, "sync", "--json").output)["status"] == "up-to-date"
    assert downloaded == []
    s3.put_object(Bucket=BUCKET, Key="scripts/jobs/process_a.py", Body=JOB_A.replace("0.8", "0.7").encode())
    assert g2l(dbx.path, "sync").code == 0
    assert downloaded == ["jobs/process_a.py"]
    assert dbx.read(A) == converted("jobs/process_a.py", JOB_A.replace("0.8", "0.7"))
    for broken in ("not json", '{"source": 1}', json.dumps({"source": f"s3://{BUCKET}/scripts", "files": [1]})):
        stamps.write_text(broken)
        downloaded.clear()
        assert g2l(dbx.path, "status").code == 0
        assert downloaded == ["jobs/process_a.py", "lib/collateral.py"]
    stamps.write_text(json.dumps({"source": "s3://another-bucket", "files": {"lib/collateral.py": ["x", "y"]}}))
    downloaded.clear()
    assert g2l(dbx.path, "status").code == 0
    assert downloaded == ["jobs/process_a.py", "lib/collateral.py"]


def test_a_stamps_record_that_cannot_be_written_costs_downloads_only(s3: Any, dbx: DbxRepo) -> None:
    (dbx.path / ".git" / snapshot.STAMPS).mkdir()  # neither readable nor replaceable as a file
    init(dbx, f"s3://{BUCKET}/scripts")
    assert dbx.read(A) == converted("jobs/process_a.py", JOB_A)
    assert (dbx.path / ".git" / snapshot.STAMPS).is_dir()


def test_sync_pr_from_a_folder_pushes_the_sync_and_a_rerun_reuses_the_snapshot(
    scripts: Path, dbx: DbxRepo, tmp_path: Path
) -> None:
    init(dbx, "../glue-scripts")
    bare = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", str(bare))
    git(dbx.path, "remote", "add", "origin", bare.as_uri())
    dbx.edit("g2l.toml", 'forge = "auto"', 'forge = "none"')
    dbx.commit("pull requests")
    git(dbx.path, "push", "-q", "origin", "main", "glue-mirror")
    write(scripts, {"jobs/process_c.py": "c = 1\n"})
    run = g2l(dbx.path, "sync", "--pr", "--json")
    assert run.code == 0, run.output
    report = json.loads(run.output)
    shot = dbx.rev(SNAPSHOTS)
    assert report["glue_commit"] == shot
    assert report["pull_request"]["branch"] == f"g2l/sync-{shot[:7]}"
    assert "- added `risk_engine/jobs/process_c.py`" in report["pull_request"]["body"]
    remote = git(bare, "for-each-ref", "--format=%(refname) %(objectname)")
    again = json.loads(g2l(dbx.path, "sync", "--pr", "--json").output)
    assert again["pull_request"]["branch"] == report["pull_request"]["branch"]
    assert dbx.rev(SNAPSHOTS) == shot
    assert git(bare, "for-each-ref", "--format=%(refname) %(objectname)") == remote


def test_file_names_that_are_not_utf8_keep_their_bytes(scripts: Path, dbx: DbxRepo) -> None:
    fd = os.open(os.fsencode(scripts / "lib") + b"/caf\xe9.txt", os.O_CREAT | os.O_WRONLY)
    os.write(fd, b"menu\n")
    os.close(fd)
    init(dbx, "../glue-scripts")
    names = g2l_git.run_in(dbx.path, "-c", "core.quotePath=true", "ls-tree", "-r", "--name-only", SNAPSHOTS)
    assert '"lib/caf\\351.txt"' in names.splitlines()
    assert "Added: README.md, jobs/process_a.py, lib/caf\ufffd.txt, lib/collateral.py" in message(dbx, SNAPSHOTS)
    refs = dbx.refs()
    assert json.loads(g2l(dbx.path, "sync", "--json").output)["status"] == "up-to-date"
    assert dbx.refs() == refs
