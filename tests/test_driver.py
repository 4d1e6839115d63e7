"""The merge driver outside glue-mirror merges: git's own behaviour, whatever git operation runs it."""

from __future__ import annotations

from conftest import Story, git

PATH = "risk_engine/lib/collateral.py"


def _diverge(story: Story) -> None:
    dbx = story.dbx
    git(dbx.path, "checkout", "-q", "-b", "feature")
    dbx.edit(PATH, "def haircut(value, rate):", "def haircut(value, rate):  # feature")
    dbx.commit("feature edit")
    git(dbx.path, "checkout", "-q", "main")
    dbx.edit(PATH, "def netting_set(rows):", "def netting_set(rows):  # main")
    dbx.commit("main edit")


def test_cherry_pick_runs_the_driver_as_git_s_own_merge(story: Story) -> None:
    """A cherry-pick gives the driver no GITHEAD_<sha>: it merges as git would."""
    dbx = story.dbx
    _diverge(story)
    git(dbx.path, "cherry-pick", "feature")
    text = dbx.read(PATH)
    assert "def haircut(value, rate):  # feature\n" in text
    assert "def netting_set(rows):  # main\n" in text


def test_a_broken_config_on_the_branch_leaves_merges_to_git(story: Story) -> None:
    """With no readable g2l.toml, the driver cannot tell glue-mirror apart: every merge is git's own."""
    dbx = story.dbx
    _diverge(story)
    dbx.write("g2l.toml", "[source\n")
    dbx.commit("a broken config")
    git(dbx.path, "merge", "-q", "--no-edit", "feature")
    text = dbx.read(PATH)
    assert "def haircut(value, rate):  # feature\n" in text
    assert "def netting_set(rows):  # main\n" in text
    assert dbx.parents("HEAD")[1] == dbx.rev("feature")
