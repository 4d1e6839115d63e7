"""The pull request a sync opens: its title, its Markdown body (a golden file), and the cut a forge's size limit
forces, between sections or items, never inside a code block."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from g2l_merge import markdown
from g2l_merge.convert.engine import Finding
from g2l_merge.mergefile import DroppedHunk, FileConflict
from g2l_merge.report import FileChanges, GlueCommit, SkippedNative, SyncReport

GOLDEN = Path(__file__).parent / "golden" / "pr_body.md"
GLUE, PREVIOUS = "e4f5a6b7c8d9" + "0" * 28, "a1b2c3d4e5f6" + "0" * 28


def report(**changes: object) -> SyncReport:
    base = SyncReport(
        "conflicts",
        "main",
        GLUE,
        PREVIOUS,
        "9" * 40,
        "f" * 40,
        files=FileChanges(
            ("risk_engine/jobs/process_a.py",),
            ("risk_engine/jobs/process_c.py",),
            ("risk_engine/old.py",),
            (("risk_engine/lib/a.py", "risk_engine/lib/b.py"),),
        ),
        skipped_native=(SkippedNative("risk_engine/monitoring.py", "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n"),),
        conflicts=(
            FileConflict("risk_engine/lib/collateral.py", "protected", "haircut"),
            FileConflict("risk_engine/jobs/process_b.py", "content"),
        ),
        dropped_protected=(DroppedHunk("risk_engine/lib/limits.py", "cap", "@@ -2 +2 @@\n-1\n+2\n"),),
        review=(Finding("risk_engine/jobs/process_c.py", 12, "G2L004", "job bookmarks: check incremental reads"),),
        notes=("Glue history was rewritten",),
        glue_commits=(
            GlueCommit(GLUE, "Gina Glue", "2026-11-30T10:00:00+00:00", "Glue: add process C | faster"),
            GlueCommit("b" * 40, "Gina Glue", "2026-11-29T09:00:00+00:00", "Glue: tweak B"),
        ),
        glue_commits_total=2,
    )
    return replace(base, **changes)


def test_the_title_names_the_glue_range() -> None:
    assert markdown.title(report()) == "Glue sync: 2 commits, a1b2c3d..e4f5a6b"
    assert (
        markdown.title(report(previous_glue_commit=None, glue_commits_total=1)) == "Glue sync: 1 commit, up to e4f5a6b"
    )


def test_the_body_is_the_golden_markdown() -> None:
    assert markdown.body(report(), "g2l/sync-e4f5a6b", "origin") == GOLDEN.read_text()


def test_a_clean_sync_leaves_out_the_empty_sections() -> None:
    body = markdown.body(
        report(conflicts=(), skipped_native=(), dropped_protected=(), review=(), notes=()), "g2l/sync-x", "origin"
    )
    assert "merged cleanly" in body
    assert "### Conflicts" not in body and "### Converter review items" not in body and "### Notes" not in body
    assert body.endswith(f"{markdown.MERGE_REMINDER}\n\nG2l-Sync: {GLUE}\n")  # the trailer a squash keeps


@pytest.mark.parametrize(
    ("text", "expected"), [("a.py", "`a.py`"), ("we`ird.py", "``we`ird.py``"), ("`x`", "`` `x` ``")]
)
def test_inline_code_holds_any_path(text: str, expected: str) -> None:
    assert markdown.code(text) == expected


def _fences_balanced(page: str) -> bool:
    fences = re.findall(r"^(`{3,})", page, flags=re.MULTILINE)
    return len(fences) % 2 == 0 and page.count("<details>") == page.count("</details>")


def big_report(files: int, patch_lines: int) -> SyncReport:
    patch = "".join(f"-old line {i}\n+new line {i}\n" for i in range(patch_lines))
    return report(
        files=FileChanges(tuple(f"risk_engine/jobs/job_{i:05}.py" for i in range(files))),
        skipped_native=tuple(SkippedNative(f"risk_engine/native_{i}.py", patch) for i in range(3)),
    )


def test_a_sync_too_big_for_one_body_continues_in_comments_cut_between_items() -> None:
    big = big_report(files=3000, patch_lines=400)
    whole = markdown.body(big, "g2l/sync-e4f5a6b", "origin")
    pages = markdown.paginate(big, "g2l/sync-e4f5a6b", "origin", 65_536)
    assert len(whole) > 65_536 and len(pages) > 1
    assert all(len(page) <= 65_536 for page in pages)
    assert all(_fences_balanced(page) for page in pages)
    assert pages[0].startswith("Brings Glue") and "continues in the comments below" in pages[0]
    joined = "\n".join(pages)
    for i in range(3000):  # every file is listed once, on some page
        assert joined.count(f"`risk_engine/jobs/job_{i:05}.py`") == 1
    assert joined.rstrip().endswith(f"{markdown.MERGE_REMINDER}\n\nG2l-Sync: {GLUE}")


def test_an_item_longer_than_a_page_is_cut_with_a_note_and_its_code_block_closed() -> None:
    big = big_report(files=1, patch_lines=200)
    pages = markdown.paginate(big, "g2l/sync-e4f5a6b", "origin", 4_000)  # Azure DevOps' limit
    assert all(len(page) <= 4_000 for page in pages)
    assert all(_fences_balanced(page) for page in pages)
    assert sum("cut here: this item has" in page for page in pages) == 3
    assert "risk_engine/native_2.py" in "".join(pages)


@settings(max_examples=60, deadline=None)
@given(
    files=st.integers(0, 400),
    patch_lines=st.integers(0, 300),
    limit=st.sampled_from([2_000, 4_000, 20_000, 65_536]),
)
def test_every_page_fits_and_nothing_short_is_lost(files: int, patch_lines: int, limit: int) -> None:
    big = big_report(files, patch_lines)
    pages = markdown.paginate(big, "b", "origin", limit)
    assert all(len(page) <= limit for page in pages)
    assert all(_fences_balanced(page) for page in pages)
    if len(markdown.body(big, "b", "origin")) <= limit:
        assert pages == [markdown.body(big, "b", "origin")]
    joined = "\n".join(pages)
    assert all(f"job_{i:05}.py" in joined for i in range(files))
