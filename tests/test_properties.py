"""Property tests: random Glue and Databricks edits to non-overlapping lines, several syncs in a row.

Invariants (DESIGN.md): I1 every Databricks line survives, I4 every Glue change arrives, I5 the target only
moves to a merge commit whose first parent is its old tip, and the mirror only to a child of its old tip.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DbxRepo, GlueRepo, g2l, git

HEADER = "# g2l: converted from jobs/p.py\n"


@st.composite
def owners(draw: st.DrawFn) -> list[str | None]:
    """Who may edit each line; a Glue line is never next to a Databricks line (that would be one hunk)."""
    raw = draw(st.lists(st.sampled_from(["g", "d", None, None]), min_size=6, max_size=18))
    for i in range(1, len(raw)):
        if raw[i] and raw[i - 1] and raw[i] != raw[i - 1]:
            raw[i] = None
    return raw


@st.composite
def rounds(draw: st.DrawFn, size: int) -> list[list[tuple[int, str]]]:
    """Per sync round, the edits: (line, 'edit' | 'insert')."""
    count = draw(st.integers(min_value=1, max_value=3))
    return [
        draw(
            st.lists(
                st.tuples(st.integers(0, size - 1), st.sampled_from(["edit", "insert"])),
                min_size=1,
                max_size=6,
                unique=True,
            )
        )
        for _ in range(count)
    ]


def render(lines: list[str], inserted: list[list[str]]) -> str:
    return "".join(line + "\n" + "".join(extra + "\n" for extra in inserted[i]) for i, line in enumerate(lines))


class Side:
    """One team's view of the file: base lines with its own edits applied."""

    def __init__(self, size: int) -> None:
        self.lines = [f"line_{i} = 'base'" for i in range(size)]
        self.inserted: list[list[str]] = [[] for _ in range(size)]

    def apply(self, who: str, round_no: int, edits: list[tuple[int, str]], owner: list[str | None]) -> bool:
        changed = False
        for line, kind in edits:
            if owner[line] != who:
                continue
            if kind == "edit":
                self.lines[line] = f"line_{line} = '{who} r{round_no}'"
            else:
                self.inserted[line].append(f"{who}_r{round_no}_after_{line} = {line}")
            changed = True
        return changed


@pytest.mark.slow
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(owner=owners(), data=st.data(), branch_mode=st.booleans())
def test_non_overlapping_edits_all_survive_repeated_syncs(
    owner: list[str | None], data: st.DataObject, branch_mode: bool
) -> None:
    size = len(owner)
    plan_glue = data.draw(rounds(size), label="glue rounds")
    plan_dbx = data.draw(
        st.lists(
            st.lists(
                st.tuples(st.integers(0, size - 1), st.sampled_from(["edit", "insert"])),
                min_size=1,
                max_size=6,
                unique=True,
            ),
            min_size=len(plan_glue),
            max_size=len(plan_glue),
        ),
        label="dbx rounds",
    )
    with tempfile.TemporaryDirectory() as tmp:
        glue_side, dbx_side = Side(size), Side(size)
        glue = GlueRepo(Path(tmp) / "glue")
        glue.commit("Glue v0", {"jobs/p.py": render(glue_side.lines, glue_side.inserted)})
        dbx = DbxRepo(Path(tmp) / "dbx")
        assert g2l(dbx.path, "init", "--glue", "../glue").code == 0
        for round_no, (glue_edits, dbx_edits) in enumerate(zip(plan_glue, plan_dbx, strict=True), start=1):
            if glue_side.apply("g", round_no, glue_edits, owner):
                glue.commit(
                    f"Glue r{round_no}",
                    {
                        "jobs/p.py": render(glue_side.lines, glue_side.inserted),
                        f"jobs/new_{round_no}.py": f"n = {round_no}\n",
                    },
                )
            if dbx_side.apply("d", round_no, dbx_edits, owner):
                dbx.write("jobs/p.py", HEADER + _merged(glue_side_at_last_sync(dbx), dbx_side))
                dbx.commit(f"Databricks r{round_no}")
            _sync_and_check_refs(dbx, branch_mode, round_no)
        expected = HEADER + _combine(glue_side, dbx_side, owner)
        assert dbx.show("main", "jobs/p.py") + "\n" == expected
        for round_no, _ in enumerate(plan_glue, start=1):
            if (Path(tmp) / "glue" / f"jobs/new_{round_no}.py").exists():
                assert (
                    dbx.show("main", f"jobs/new_{round_no}.py")
                    == f"# g2l: converted from jobs/new_{round_no}.py\nn = {round_no}"
                )


def glue_side_at_last_sync(dbx: DbxRepo) -> str:
    """The Databricks file as it is now, without its header (edits are applied on top of it)."""
    return dbx.show("main", "jobs/p.py").split("\n", 1)[1] + "\n"


def _merged(current: str, dbx_side: Side) -> str:
    """Apply the Databricks side's edits to the current file text, line by identity."""
    out = []
    for text in current.splitlines():
        name = text.split(" = ")[0]
        if name.startswith("d_r"):
            continue
        if not name.startswith("line_"):
            out.append(text)
            continue
        index = int(name.removeprefix("line_"))
        out.append(dbx_side.lines[index] if "'d r" in dbx_side.lines[index] else text)
        out.extend(dbx_side.inserted[index])
    return "\n".join(out) + "\n"


def _combine(glue_side: Side, dbx_side: Side, owner: list[str | None]) -> str:
    lines = [dbx_side.lines[i] if owner[i] == "d" else glue_side.lines[i] for i in range(len(owner))]
    inserted = [glue_side.inserted[i] + dbx_side.inserted[i] for i in range(len(owner))]
    return render(lines, inserted)


def _sync_and_check_refs(dbx: DbxRepo, branch_mode: bool, round_no: int) -> None:
    old_tip, old_mirror = dbx.rev("main"), dbx.rev("glue-mirror")
    if branch_mode:
        run = g2l(dbx.path, "sync", "--branch", f"g2l/sync-{round_no}")
        assert run.code == 0, run.output
        if "up to date" not in run.output:
            git(dbx.path, "merge", "-q", "--ff-only", f"g2l/sync-{round_no}")
    else:
        run = g2l(dbx.path, "sync")
        assert run.code == 0, run.output
    new_tip, new_mirror = dbx.rev("main"), dbx.rev("glue-mirror")
    if new_tip == old_tip:
        assert "up to date" in run.output
        return
    assert dbx.parents(new_tip) == [old_tip, new_mirror]
    assert new_mirror == old_mirror or dbx.parents(new_mirror) == [old_mirror]
    assert git(dbx.path, "status", "--porcelain") == ""
