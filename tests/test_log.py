"""`log`: when each sync ran and when its Glue commit was made, both labelled, in text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import JOB_A, DbxRepo, GlueRepo, Story, g2l, git
from g2l_merge import __version__


def dated(monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    """Commits made from here on (by the test or by g2l-merge) are dated `when`."""
    monkeypatch.setenv("GIT_AUTHOR_DATE", when)
    monkeypatch.setenv("GIT_COMMITTER_DATE", when)


def test_log_shows_when_each_sync_ran_and_when_glue_committed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    glue = GlueRepo(tmp_path / "glue")
    dated(monkeypatch, "2024-03-01T09:00:00+01:00")
    v1 = glue.commit("Glue v1", {"jobs/a.py": "a = 1\n"})
    dated(monkeypatch, "2024-03-04T10:15:00+00:00")
    dbx = DbxRepo(tmp_path / "dbx")
    assert g2l(dbx.path, "init", "--glue", "../glue", "--target-root", "risk").code == 0
    first_merge, first_mirror = dbx.rev("main"), dbx.rev("glue-mirror")
    dated(monkeypatch, "2024-03-08T17:30:00-05:00")  # a Glue engineer in New York
    v2 = glue.commit("Glue v2", {"jobs/b.py": "b = 1\n"})
    dated(monkeypatch, "2024-03-11T08:00:00+02:00")  # the weekly sync, run in Helsinki
    assert g2l(dbx.path, "sync").code == 0
    second_merge, second_mirror = dbx.rev("main"), dbx.rev("glue-mirror")
    config = git(dbx.path, "log", "-1", "--format=%(trailers:key=G2l-Config,valueonly)", "glue-mirror").strip()

    assert g2l(dbx.path, "log") == (
        0,
        f"synced 2024-03-11T08:00:00+02:00  glue {v2[:12]}  mirror {second_mirror[:12]}  "
        f"merged in {second_merge[:12]}\n"
        f"    Glue v2  (glue committed 2024-03-08T17:30:00-05:00, converter {__version__}, config {config})\n"
        f"synced 2024-03-04T10:15:00+00:00  glue {v1[:12]}  mirror {first_mirror[:12]}  "
        f"merged in {first_merge[:12]}\n"
        f"    Glue v1  (glue committed 2024-03-01T09:00:00+01:00, converter {__version__}, config {config})\n",
    )
    run = g2l(dbx.path, "log", "--json")
    assert run.code == 0
    assert json.loads(run.output) == [
        {
            "mirror_commit": second_mirror,
            "glue_commit": v2,
            "glue_subject": "Glue v2",
            "synced_at": "2024-03-11T08:00:00+02:00",
            "glue_committed_at": "2024-03-08T17:30:00-05:00",
            "date": "2024-03-08T22:30:00Z",  # the older key: the Glue date in UTC
            "converter": __version__,
            "config_hash": config,
            "merge_commit": second_merge,
            "merged_with": None,
        },
        {
            "mirror_commit": first_mirror,
            "glue_commit": v1,
            "glue_subject": "Glue v1",
            "synced_at": "2024-03-04T10:15:00+00:00",
            "glue_committed_at": "2024-03-01T09:00:00+01:00",
            "date": "2024-03-01T08:00:00Z",
            "converter": __version__,
            "config_hash": config,
            "merge_commit": first_merge,
            "merged_with": None,
        },
    ]


@pytest.mark.parametrize("how", ["--ff-only", "--no-ff"])
def test_a_sync_merged_with_a_later_one_names_the_merge_that_brought_it(story: Story, how: str) -> None:
    """Two syncs on branches, only the second merged into main (fast-forward, or a PR's merge commit): the first
    mirror commit is in main's history through the second's merge, so it is merged, not "not merged yet"."""
    dbx, glue = story
    glue.commit("Glue v2", {"jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.7")})
    assert g2l(dbx.path, "sync", "--branch", "g2l/s1").code == 0
    first_mirror = dbx.rev("glue-mirror")
    glue.commit("Glue v3", {"jobs/process_a.py": JOB_A.replace("threshold = 0.8", "threshold = 0.6")})
    assert g2l(dbx.path, "sync", "--branch", "g2l/s2").code == 0
    second_mirror, second_merge = dbx.rev("glue-mirror"), dbx.rev("g2l/s2")
    git(dbx.path, "merge", "-q", how, "g2l/s2")

    lines = g2l(dbx.path, "log").output.splitlines()
    assert [line.split("  ", 2)[2] for line in lines[0:4:2]] == [
        f"mirror {second_mirror[:12]}  merged in {second_merge[:12]}",
        f"mirror {first_mirror[:12]}  merged in {second_merge[:12]} (with a later sync)",
    ]
    entries = json.loads(g2l(dbx.path, "log", "--json").output)
    assert [(e["mirror_commit"], e["merge_commit"], e["merged_with"]) for e in entries[:2]] == [
        (second_mirror, second_merge, None),
        (first_mirror, second_merge, second_mirror),
    ]
