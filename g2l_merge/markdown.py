"""A SyncReport as a pull request: its title and its Markdown body, in sections a forge's size limit can cut
between (the rest goes into follow-up comments, never into a file in the repository)."""

from __future__ import annotations

import html
import re
from typing import NamedTuple

from g2l_merge.mirror import SYNC_TRAILER
from g2l_merge.report import SyncReport

MERGE_REMINDER = (
    "**Merge this pull request with a merge commit.** Squash or rebase drops the glue-mirror commit from the "
    "branch's history, and the next sync would have to work out its merge base from the commit message (the "
    "last line below, which a squash that takes this description keeps)."
)
_CONTINUED = "\n\n*The report continues in the comments below.*"


class Section(NamedTuple):
    heading: str  # empty for the summary at the top
    blocks: tuple[str, ...]  # each block is one item: the body is only ever cut between blocks


def title(report: SyncReport) -> str:
    """`Glue sync: 3 commits, a1b2c3d..e4f5a6b` (from the last sync's Glue commit to this one)."""
    count = report.glue_commits_total
    commits = f"{count} commit{'s' if count != 1 else ''}"
    head = report.glue_commit[:7]
    if report.previous_glue_commit:
        return f"Glue sync: {commits}, {report.previous_glue_commit[:7]}..{head}"
    return f"Glue sync: {commits}, up to {head}"


def code(text: str) -> str:
    """Inline code that holds any text: the fence is longer than any run of backticks inside."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _block(text: str, language: str) -> str:
    longest = max((len(run) for run in re.findall(r"`{3,}", text)), default=2)
    fence = "`" * (longest + 1)
    return f"{fence}{language}\n{text.rstrip(chr(10))}\n{fence}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def sections(report: SyncReport, branch: str, remote: str) -> list[Section]:
    """The body, section by section, in reading order."""
    return [
        Section("", (_summary(report),)),
        _commits(report),
        _files(report),
        _review(report),
        _native(report),
        _conflicts(report, branch, remote),
        Section("### Notes", tuple(f"- {note}" for note in report.notes)),
        Section("", (MERGE_REMINDER, f"{SYNC_TRAILER}: {report.glue_commit}")),
    ]


def _summary(report: SyncReport) -> str:
    previous = code(report.previous_glue_commit[:12]) if report.previous_glue_commit else "none (first sync)"
    state = (
        f"**{len(report.conflicts)} conflict{'s' if len(report.conflicts) != 1 else ''} to resolve** before merging"
        if report.conflicts
        else "merged cleanly"
    )
    lines = [
        f"Brings Glue {code(report.glue_commit[:12])} into {code(report.target_branch)} (previous sync: {previous}): "
        f"{state}.",
        f"Mirror commit {code(report.mirror_commit[:12])}"
        + (f", merge commit {code(report.merge_commit[:12])}" if report.merge_commit else "")
        + ".",
    ]
    return "\n\n".join(lines)


def _commits(report: SyncReport) -> Section:
    shown = report.glue_commits
    rows = tuple(f"| {code(c.sha[:7])} | {_cell(c.subject)} | {_cell(c.author)} | {c.date[:10]} |" for c in shown)
    more = report.glue_commits_total - len(shown)
    tail = (f"\n\n…and {more} older commit{'s' if more != 1 else ''}.",) if more > 0 else ()
    table = ("| commit | subject | author | date |\n|---|---|---|---|",) if rows else ()
    return Section(f"### Glue commits since the last sync ({report.glue_commits_total})", table + rows + tail)


def _files(report: SyncReport) -> Section:
    files = report.files
    items = [f"- updated {code(path)}" for path in files.updated]
    items += [f"- added {code(path)}" for path in files.added]
    items += [f"- deleted {code(path)}" for path in files.deleted]
    items += [f"- renamed {code(old)} → {code(new)}" for old, new in files.renamed]
    return Section(f"### Files ({len(items)})", tuple(items))


def _review(report: SyncReport) -> Section:
    items = tuple(f"- {code(f'{f.path}:{f.line}')} {f.rule}: {f.message}" for f in report.review)
    return Section(f"### Converter review items ({len(items)})", items)


def _native(report: SyncReport) -> Section:
    items = tuple(
        f"<details><summary><code>{html.escape(item.path)}</code>: Glue changed its source; the Databricks file "
        "was kept</summary>"
        f"\n\n{_block(item.patch, 'diff')}\n\n</details>"
        for item in report.skipped_native
    )
    kept = tuple(
        f"- {code(d.path)} region {code(d.region)}: `--protected keep-ours` dropped this Glue change\n\n"
        f"{_block(d.patch, 'diff')}"
        for d in report.dropped_protected
    )
    return Section(
        f"### Databricks-native files and kept regions Glue changed ({len(items) + len(kept)})", items + kept
    )


def _conflicts(report: SyncReport, branch: str, remote: str) -> Section:
    if not report.conflicts:
        return Section("### Conflicts (0)", ())
    items = tuple(
        f"- {c.kind} {code(c.path)}" + (f" (protected region {code(c.region)})" if c.region else "")
        for c in report.conflicts
    )
    steps = _block(
        "\n".join(
            [
                f"git fetch {remote} {branch}",
                f"git switch {branch}",
                "# edit each file above: keep what belongs, remove the <<<<<<< ======= >>>>>>> lines",
                "git g2l-sync check",
                'git commit -am "Resolve the Glue sync conflicts"',
                f"git push {remote} {branch}",
            ]
        ),
        "sh",
    )
    how = (
        f"The branch carries the conflict markers; `git g2l-sync check` (and the pre-commit hook) fails until "
        f"they are gone. To resolve them locally:\n\n{steps}"
    )
    return Section(f"### Conflicts ({len(items)})", (*items, how))


def render(section: Section) -> str:
    """A section as Markdown; an empty one is left out of the body."""
    if not section.blocks:
        return ""
    return _join(((section.heading,) if section.heading else ()) + section.blocks)


def _tight(block: str) -> bool:
    return block.startswith(("- ", "| "))


def _join(blocks: tuple[str, ...]) -> str:
    """List items and table rows on consecutive lines; anything else as its own paragraph."""
    out = ""
    for previous, block in zip(("", *blocks), blocks, strict=False):
        if out:
            out += "\n" if _tight(block) and _tight(previous) else "\n\n"
        out += block
    return out


def body(report: SyncReport, branch: str, remote: str) -> str:
    """The whole Markdown body."""
    return "\n\n".join(filter(None, (render(s) for s in sections(report, branch, remote)))) + "\n"


def paginate(report: SyncReport, branch: str, remote: str, limit: int) -> list[str]:
    """The body cut to fit `limit` characters: the first page is the pull request's body, the others are
    follow-up comments. Cuts fall between sections, or between the items of a section that alone is too big;
    an item longer than a page is shortened with a note (the full report stays in `--report FILE`)."""
    pages: list[str] = []
    current = ""
    room = limit - len(_CONTINUED)
    for section in sections(report, branch, remote):
        if not section.blocks:
            continue
        for piece in _pieces(section, room):
            joined = f"{current}\n\n{piece}" if current else piece
            if len(joined) <= room:
                current = joined
                continue
            pages.append(current)
            current = piece
    pages.append(current)
    return [page + (_CONTINUED if i < len(pages) - 1 else "") + "\n" for i, page in enumerate(pages)]


def _pieces(section: Section, room: int) -> list[str]:
    """A section as one piece when it fits a page, else its items in groups that do, the heading on the first."""
    whole = render(section)
    if len(whole) <= room:
        return [whole]
    pieces: list[str] = []
    group: list[str] = [section.heading] if section.heading else []
    for block in section.blocks:
        block = _shorten(block, room - len(section.heading) - 2)
        if group and len(_join((*group, block))) > room:
            pieces.append(_join(tuple(group)))
            group = []
        group.append(block)
    pieces.append(_join(tuple(group)))
    return pieces


def _shorten(block: str, room: int) -> str:
    """An item longer than a page, cut with a note; a code block or <details> left open is closed first."""
    if len(block) <= room:
        return block
    note = f"\n\n*(cut here: this item has {len(block)} characters; the whole report is in `--report FILE`)*"
    kept = block[: max(room - len(note) - 40, 0)]
    fences = re.findall(r"^`{3,}", kept, flags=re.MULTILINE)
    closing = f"\n{fences[-1]}" if len(fences) % 2 else ""
    if kept.count("<details>") > kept.count("</details>"):
        closing += "\n\n</details>"
    return kept + closing + note
