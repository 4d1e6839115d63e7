"""`log`: when each sync ran and when its Glue commit was made, both labelled, in text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DbxRepo, GlueRepo, g2l, git
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
        },
    ]
