"""merge_file(): the per-file three-way merge with constraints, shared by the sync and the merge driver.

Base O is the old mirror, ours A the Databricks branch, theirs B the new mirror (DESIGN.md "Merge rules"):
1. native (marker in A, or a `protect.native` path): the result is A, byte for byte; O->B is reported as skipped;
2. a protected region of A comes out byte for byte, unless B changed lines that the O<->A alignment maps
   inside it (or inserted lines strictly inside it): then that region is a conflict (or, keep-ours, the
   dropped upstream hunk is reported);
3. everything else is git's own three-way merge.

Rule 2 works by replacing each region (grown to whole diff hunks) with one sentinel line in all three texts,
so the region and the lines next to it are separate hunks for git; the sentinels are put back afterwards.
"""

from __future__ import annotations

import hashlib
from typing import NamedTuple

from g2l_merge import git, markers
from g2l_merge.owners import native_by_marker
from g2l_merge.states import ConflictKind, OnProtected


class FileConflict(NamedTuple):
    path: str
    kind: ConflictKind
    region: str | None = None


class DroppedHunk(NamedTuple):
    path: str
    region: str
    patch: str


class MergedFile(NamedTuple):
    content: bytes
    conflicts: tuple[FileConflict, ...] = ()
    skipped_native: str | None = None  # the upstream patch a native file did not take
    dropped: tuple[DroppedHunk, ...] = ()


class Labels(NamedTuple):
    ours: str
    base: str
    theirs: str


DEFAULT_LABELS = Labels("ours", "base", "theirs")


class _Span(NamedTuple):
    """A protected block: A lines [a_start, a_end), O lines [o_start, o_end), names, upstream change inside."""

    a_start: int
    a_end: int
    o_start: int
    o_end: int
    names: tuple[str, ...]
    touched: bool


def split_lines(data: bytes) -> list[bytes]:
    """Lines as git counts them (split at LF only), each keeping its ending."""
    parts = data.split(b"\n")
    lines = [part + b"\n" for part in parts[:-1]]
    return [*lines, parts[-1]] if parts[-1] else lines


def merge_file(
    base: bytes | None,
    ours: bytes,
    theirs: bytes,
    path: str,
    labels: Labels = DEFAULT_LABELS,
    *,
    native: bool = False,
    protected: OnProtected = OnProtected.CONFLICT,
    diffs: git.DiffCache | None = None,
) -> MergedFile:
    """Merge one file under the rules above; `native` says the path is native by configuration. `diffs` holds
    git diff outputs computed ahead (see diffs_needed); any other diff is computed here."""
    regions = _regions(base, ours, native)
    if regions is None:
        return MergedFile(ours, skipped_native=git.unified_patch(base or b"", theirs, path, diffs) or None)
    if base is None or not regions:
        return _git_merge(base, ours, theirs, path, labels)
    return _merge_with_regions(base, ours, theirs, path, labels, regions, protected, diffs)


def diffs_needed(
    base: bytes | None, ours: bytes, theirs: bytes, *, native: bool = False
) -> list[tuple[bytes, bytes, str]]:
    """The diffs merge_file computes for these texts, for git.diff_batch to compute many files' in one go."""
    regions = _regions(base, ours, native)
    if regions is None:
        return [(base or b"", theirs, "-U3")]
    if base is None or not regions:
        return []
    return [(base, ours, "-U0"), (base, theirs, "-U0")]


def _regions(base: bytes | None, ours: bytes, native: bool) -> tuple[markers.Region, ...] | None:
    """None: the file is native (rule 1); else the regions rule 2 keeps (none when there are none, the markers do
    not parse, or there is no base)."""
    if native or native_by_marker(ours):
        return None
    if base is None:
        return ()
    found = markers.parse(ours.decode("utf-8", errors="surrogateescape"))
    return () if found.problems else found.regions


def _git_merge(base: bytes | None, ours: bytes, theirs: bytes, path: str, labels: Labels) -> MergedFile:
    content, clean = git.merge_file(base or b"", ours, theirs, (labels.ours, labels.base, labels.theirs))
    kind: ConflictKind = "add-add" if base is None else "content"
    return MergedFile(content, () if clean else (FileConflict(path, kind),))


def _merge_with_regions(
    base: bytes,
    ours: bytes,
    theirs: bytes,
    path: str,
    labels: Labels,
    regions: tuple[markers.Region, ...],
    protected: OnProtected,
    diffs: git.DiffCache | None,
) -> MergedFile:
    o_lines, a_lines, b_lines = split_lines(base), split_lines(ours), split_lines(theirs)
    ours_hunks, theirs_hunks = git.diff_hunks(base, ours, diffs), git.diff_hunks(base, theirs, diffs)
    spans = _spans(regions, ours_hunks, theirs_hunks)
    tokens = _sentinels(len(spans), base + ours + theirs)
    b_ranges = [_b_range(span, theirs_hunks) for span in spans]
    masked = [
        _mask(lines, [(lo, hi) for lo, hi in ranges], tokens)
        for lines, ranges in (
            (o_lines, [(s.o_start, s.o_end) for s in spans]),
            (a_lines, [(s.a_start, s.a_end) for s in spans]),
            (b_lines, b_ranges),
        )
    ]
    masked_base, masked_ours, masked_theirs = (b"".join(m) for m in masked)
    merged, clean = git.merge_file(masked_base, masked_ours, masked_theirs, (labels.ours, labels.base, labels.theirs))
    conflicts = [] if clean else [FileConflict(path, "content")]
    dropped: list[DroppedHunk] = []
    pieces: dict[bytes, bytes] = {}
    for span, token, (b_start, b_end) in zip(spans, tokens, b_ranges, strict=True):
        ours_block = b"".join(a_lines[span.a_start : span.a_end])
        if not span.touched:
            pieces[token] = ours_block
            continue
        upstream = (b"".join(o_lines[span.o_start : span.o_end]), b"".join(b_lines[b_start:b_end]))
        name = ",".join(span.names)
        if _same_change(ours_block, upstream[1]):
            pieces[token] = ours_block
        elif protected == OnProtected.KEEP_OURS:
            pieces[token] = ours_block
            dropped.append(DroppedHunk(path, name, _hunk_patch(span, b_start, upstream, path)))
        else:
            pieces[token] = _conflict_block(ours_block, upstream, labels)
            conflicts.append(FileConflict(path, "protected", name))
    content = _unmask(merged, pieces)
    if content is None:  # a sentinel did not survive as one line: let git show everything as a conflict
        return MergedFile(
            git.merge_file(base, ours, theirs, (labels.ours, labels.base, labels.theirs))[0],
            (FileConflict(path, "protected", ",".join(n for s in spans for n in s.names)),),
        )
    return MergedFile(content, tuple(conflicts), None, tuple(dropped))


def _spans(
    regions: tuple[markers.Region, ...], ours_hunks: list[git.Hunk], theirs_hunks: list[git.Hunk]
) -> list[_Span]:
    """Each region grown to whole hunks and mapped onto O; overlapping ones joined."""
    spans = [_grow(_initial(r, ours_hunks), ours_hunks, theirs_hunks) for r in regions]
    joined: list[_Span] = []
    for span in sorted(spans):
        if joined and span.a_start < joined[-1].a_end:
            last = joined.pop()
            span = _grow(
                _Span(
                    last.a_start,
                    max(last.a_end, span.a_end),
                    min(last.o_start, span.o_start),
                    max(last.o_end, span.o_end),
                    last.names + span.names,
                    last.touched or span.touched,
                ),
                ours_hunks,
                theirs_hunks,
            )
        joined.append(span)
    return joined


def _initial(region: markers.Region, ours_hunks: list[git.Hunk]) -> _Span:
    a_start, a_end = region.start - 1, region.end
    o_start = _map_gap(ours_hunks, a_start, start=True, reverse=True)
    o_end = max(o_start, _map_gap(ours_hunks, a_end, start=False, reverse=True))
    name = region.name or f"lines {region.start}-{region.end}"
    return _Span(a_start, a_end, o_start, o_end, (name,), False)


def _grow(span: _Span, ours_hunks: list[git.Hunk], theirs_hunks: list[git.Hunk]) -> _Span:
    """Widen a span until no hunk of either side straddles its edges; note upstream changes inside it."""
    while True:
        o_start, o_end, touched = span.o_start, span.o_end, span.touched
        for hunk in theirs_hunks:
            overlaps = hunk.old_start < o_end and hunk.old_end > o_start
            inserts_inside = hunk.old_start == hunk.old_end and o_start < hunk.old_start < o_end
            if overlaps or inserts_inside:
                touched = True
                o_start, o_end = min(o_start, hunk.old_start), max(o_end, hunk.old_end)
        a_start = min(span.a_start, _map_gap(ours_hunks, o_start, start=True))
        a_end = max(span.a_end, _map_gap(ours_hunks, o_end, start=False))
        o_start = min(o_start, _map_gap(ours_hunks, a_start, start=True, reverse=True))
        o_end = max(o_end, _map_gap(ours_hunks, a_end, start=False, reverse=True))
        grown = _Span(a_start, a_end, o_start, o_end, span.names, touched)
        if grown == span:
            return span
        span = grown


def _map_gap(hunks: list[git.Hunk], gap: int, *, start: bool, reverse: bool = False) -> int:
    """Map a gap between lines from one side of a diff to the other (old->new, or new->old with reverse).

    A gap strictly inside a hunk maps to the hunk's outer edge (the span grows). Where the other side
    inserted lines at exactly this gap, a span's start goes after them and its end before them, so
    inserted lines next to a region stay outside it.
    """
    delta = 0
    for hunk in hunks:
        here_start, here_end, there_start, there_end = (
            (hunk.new_start, hunk.new_end, hunk.old_start, hunk.old_end) if reverse else hunk
        )
        if gap < here_start:
            break
        if here_start == here_end == gap:
            return there_end if start else there_start
        if gap == here_start:
            return there_start
        if gap < here_end:
            return there_start if start else there_end
        if gap == here_end:
            return there_end
        delta = there_end - here_end
    return gap + delta


def _b_range(span: _Span, theirs_hunks: list[git.Hunk]) -> tuple[int, int]:
    b_start = _map_gap(theirs_hunks, span.o_start, start=True)
    b_end = _map_gap(theirs_hunks, span.o_end, start=False)
    return b_start, max(b_start, b_end)


def _same_change(ours_block: bytes, theirs_block: bytes) -> bool:
    """Glue made the very change the region already holds (its lines equal the region without markers)."""
    inner = [
        line
        for line in split_lines(ours_block)
        if not markers.is_region_marker(line.decode("utf-8", "surrogateescape").rstrip("\r\n"))
    ]
    return b"".join(inner) == theirs_block


def _sentinels(count: int, seen: bytes) -> list[bytes]:
    """One line per span that cannot occur in any of the three texts."""
    salt = hashlib.sha256(seen).hexdigest()[:16]
    return [f"g2l-protected-region-{i}-{salt}\n".encode() for i in range(count)]


def _mask(lines: list[bytes], ranges: list[tuple[int, int]], tokens: list[bytes]) -> list[bytes]:
    """Replace each range of lines by its sentinel line (ranges are sorted and disjoint)."""
    out: list[bytes] = []
    at = 0
    for (lo, hi), token in zip(ranges, tokens, strict=True):
        out.extend(lines[at:lo])
        if out and not out[-1].endswith(b"\n"):
            out[-1] += b"\n"
        out.append(token)
        at = hi
    out.extend(lines[at:])
    return out


def _unmask(merged: bytes, pieces: dict[bytes, bytes]) -> bytes | None:
    """Put each protected block back in place of its sentinel; None unless each sentinel is there once."""
    blocks = {token.rstrip(b"\n"): block for token, block in pieces.items()}
    lines = split_lines(merged)
    found = sorted(line.rstrip(b"\n") for line in lines if line.rstrip(b"\n") in blocks)
    if found != sorted(blocks):
        return None
    return _join_lines([blocks.get(line.rstrip(b"\n"), line) for line in lines])


def _join_lines(parts: list[bytes]) -> bytes:
    """Concatenate, giving a block that lost its final newline one back when something follows it."""
    out = b""
    for part in parts:
        if out and not out.endswith(b"\n"):
            out += b"\n"
        out += part
    return out


def _conflict_block(ours_block: bytes, upstream: tuple[bytes, bytes], labels: Labels) -> bytes:
    def section(data: bytes) -> bytes:
        return data if not data or data.endswith(b"\n") else data + b"\n"

    return (
        b"<<<<<<< "
        + labels.ours.encode()
        + b"\n"
        + section(ours_block)
        + b"||||||| "
        + labels.base.encode()
        + b"\n"
        + section(upstream[0])
        + b"=======\n"
        + section(upstream[1])
        + b">>>>>>> "
        + labels.theirs.encode()
        + b"\n"
    )


def _hunk_patch(span: _Span, b_start: int, upstream: tuple[bytes, bytes], path: str) -> str:
    old, new = (split_lines(data) for data in upstream)
    header = f"--- a/{path}\n+++ b/{path}\n@@ -{span.o_start + 1},{len(old)} +{b_start + 1},{len(new)} @@\n"
    body = [b"-" + line for line in old] + [b"+" + line for line in new]
    return header + b"".join(line if line.endswith(b"\n") else line + b"\n" for line in body).decode(
        "utf-8", errors="replace"
    )
