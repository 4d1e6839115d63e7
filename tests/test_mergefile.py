"""merge_file(): byte-level cases and property tests for DESIGN.md invariants I1-I4."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from g2l_merge.mergefile import Labels, merge_file, split_lines

LABELS = Labels("main", "glue old", "glue new")


def test_bom_and_missing_final_newline_inside_a_region_survive() -> None:
    base = b"\xef\xbb\xbfa = 1\nb = 2\nc = 3"
    ours = b"\xef\xbb\xbfa = 1\n# g2l: protect begin r\nb = 2  # ours\n# g2l: protect end r\nc = 3"
    theirs = b"\xef\xbb\xbfa = 10\nb = 2\nc = 30"
    result = merge_file(base, ours, theirs, "f.py", LABELS)
    assert result.conflicts == ()
    assert result.content == b"\xef\xbb\xbfa = 10\n# g2l: protect begin r\nb = 2  # ours\n# g2l: protect end r\nc = 30"


def test_region_at_the_end_without_final_newline_keeps_its_bytes() -> None:
    base = b"a\nb\n"
    ours = b"a\nb\n# g2l: protect begin tail\nmonitor()\n# g2l: protect end tail"
    theirs = b"A\nb\n"
    result = merge_file(base, ours, theirs, "f.py", LABELS)
    assert result.content == b"A\nb\n# g2l: protect begin tail\nmonitor()\n# g2l: protect end tail"


def test_crlf_region_is_compared_exactly() -> None:
    base = b"a\r\nb\r\nc\r\n"
    ours = b"a\r\n# g2l: protect begin r\r\nb\r\n# g2l: protect end r\r\nc\r\n"
    result = merge_file(base, ours, b"a\r\nB\r\nc\r\n", "f.py", LABELS)
    assert [c.kind for c in result.conflicts] == ["protected"]
    assert (
        b"<<<<<<< main\n# g2l: protect begin r\r\nb\r\n# g2l: protect end r\r\n||||||| glue old\nb\r\n"
        b"=======\nB\r\n>>>>>>> glue new\n" in result.content
    )


def test_glue_insertion_strictly_inside_a_region_conflicts() -> None:
    base = b"a\nb\nc\nd\n"
    ours = b"a\n# g2l: protect begin r\nb\nc\n# g2l: protect end r\nd\n"
    result = merge_file(base, ours, b"a\nb\nnew\nc\nd\n", "f.py", LABELS)
    assert [(c.kind, c.region) for c in result.conflicts] == [("protected", "r")]


def test_broken_markers_fall_back_to_git_merge() -> None:
    base = b"a\nb\nc\n"
    ours = b"a\n# g2l: protect begin r\nb\nc\n"
    result = merge_file(base, ours, b"a\nb\nC\n", "f.py", LABELS)
    assert result.content == b"a\n# g2l: protect begin r\nb\nC\n"


def test_two_regions_in_one_hunk_are_kept_together() -> None:
    base = b"a\nb\nc\n"
    ours = (
        b"a\n# g2l: protect begin x\nX\n# g2l: protect end x\n# g2l: protect begin y\nY\n# g2l: protect end y\nb\nc\n"
    )
    result = merge_file(base, ours, b"a\nb\nC\n", "f.py", LABELS)
    assert result.conflicts == ()
    assert result.content == ours.replace(b"c\n", b"C\n")


# -- properties -------------------------------------------------------------------------------

EDIT = st.sampled_from(["keep", "keep", "keep", "change", "delete", "insert"])


@st.composite
def edited(draw: st.DrawFn, base: list[str], tag: str) -> list[str]:
    out = []
    for i, line in enumerate(base):
        kind = draw(EDIT)
        if kind == "keep":
            out.append(line)
        elif kind == "change":
            out.append(f"{tag}{i} = 1\n")
        elif kind == "insert":
            out += [line, f"{tag}_new{i} = 2\n"]
    if draw(st.booleans()):
        out.append(f"{tag}_tail = 3\n")
    return out


@st.composite
def with_regions(draw: st.DrawFn, lines: list[str]) -> tuple[list[str], list[str]]:
    """Wrap random disjoint ranges of `lines` in markers; returns (text lines, region blocks)."""
    cuts = sorted(draw(st.sets(st.integers(0, len(lines)), max_size=6)))
    pairs = list(zip(cuts[::2], cuts[1::2], strict=False))
    out, blocks, at = [], [], 0
    for number, (start, end) in enumerate(pairs):
        seed = draw(st.booleans())
        begin = f"# PROTECTED: START r{number}\n" if seed else f"# g2l: protect begin r{number}\n"
        finish = "# PROTECTED: END\n" if seed else f"# g2l: protect end r{number}\n"
        out += lines[at:start]
        block = [begin, *lines[start:end], finish]
        out += block
        blocks.append("".join(block))
        at = end
    return out + lines[at:], blocks


@st.composite
def three_way(draw: st.DrawFn) -> tuple[str, str, str, list[str], bool]:
    base = [f"o{i} = 0\n" for i in range(draw(st.integers(1, 12)))]
    ours_lines, blocks = draw(with_regions(draw(edited(base, "a"))))
    theirs = draw(edited(base, "b"))
    return "".join(base), "".join(ours_lines), "".join(theirs), blocks, draw(st.booleans())


@settings(max_examples=150, deadline=None)
@given(case=three_way(), keep_ours=st.booleans())
def test_invariants_hold_for_random_regions_and_edits(
    case: tuple[str, str, str, list[str], bool], keep_ours: bool
) -> None:
    base, ours, theirs, blocks, native = case
    result = merge_file(
        base.encode(),
        ours.encode(),
        theirs.encode(),
        "f.py",
        LABELS,
        native=native,
        protected="keep-ours" if keep_ours else "conflict",
    )
    merged = result.content.decode()
    if native:  # I2
        assert result.content == ours.encode()
        assert (result.skipped_native is not None) == (base != theirs)
        return
    merged_lines = set(split_lines(result.content))
    base_lines = set(split_lines(base.encode()))
    for line in split_lines(ours.encode()):  # I1: every Databricks line is in the result (or in a conflict)
        if line not in base_lines:
            assert line in merged_lines or line + b"\n" in merged_lines, line
    in_conflict = {name for c in result.conflicts if c.kind == "protected" and c.region for name in c.region.split(",")}
    for block in blocks:  # I3: every region byte for byte, or inside a protected conflict naming it
        name = block.split("\n", 1)[0].split()[-1]
        assert block in merged or name in in_conflict, (block, result.conflicts)
    dropped = "".join(d.patch for d in result.dropped)
    for line in split_lines(theirs.encode()):  # I4: every Glue line applied, in a conflict, or listed as dropped
        if line not in base_lines:
            assert line in merged_lines or line + b"\n" in merged_lines or ("+" + line.decode()) in dropped, line
