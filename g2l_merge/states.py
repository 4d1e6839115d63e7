"""The names of the states g2l-merge reports, in one place: each is a closed set that the JSON report, the
text rendering and the tests spell the same way. Cheap to import (the CLI declares `--protected` with it)."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

SyncStatus = Literal["clean", "conflicts", "up-to-date"]
ConflictKind = Literal["content", "protected", "modify-delete", "add-add"]
RegionFate = Literal["kept", "changed", "gone", "unmarked"]  # what a commit did to one of HEAD's regions
InstallAction = Literal["installed", "updated", "up to date", "chained"]
JournalKind = Literal["clean", "conflicts"]  # which kind of work-tree sync an interrupted run was finishing


class OnProtected(StrEnum):
    """What a sync does with a Glue change inside a protected region (`sync --protected`)."""

    CONFLICT = "conflict"
    KEEP_OURS = "keep-ours"
