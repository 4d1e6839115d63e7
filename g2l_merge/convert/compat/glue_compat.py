"""glue_compat: the few AWS Glue behaviours that take more than a line or two of PySpark.

g2l-merge copies this module next to the converted code (on the glue-mirror branch, at the target root)
whenever a converted file imports it. It depends on PySpark only. Every function documents the Glue
behaviour it reproduces.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

# Arguments the Glue service passes to every job run; a Databricks run does not, so they get defaults.
RESERVED_DEFAULTS = {
    "JOB_ID": "",
    "JOB_RUN_ID": "",
    "SECURITY_CONFIGURATION": "",
    "encryption_type": "",
    "enable_data_lineage": "false",
    "RedshiftTempDir": "",
    "TempDir": "",
}


class GlueArgumentError(SystemExit):
    """A required job argument is missing (Glue's getResolvedOptions exits the same way)."""


def resolved_options(argv: Sequence[str], options: Sequence[str]) -> dict[str, str]:
    """getResolvedOptions(sys.argv, options): every listed option is required, others are ignored.

    Accepts `--KEY value` and `--KEY=value`; the result's keys have '-' turned into '_' (argparse's dest).
    JOB_NAME defaults to the script's name and the other reserved Glue arguments to empty values.
    """
    given = _parse_argv(argv)
    resolved: dict[str, str] = {}
    missing = []
    for option in options:
        if option in given:
            resolved[option.replace("-", "_")] = given[option]
        elif option == "JOB_NAME":
            resolved[option] = os.path.splitext(os.path.basename(argv[0] if argv else "job"))[0]
        elif option in RESERVED_DEFAULTS:
            resolved[option] = RESERVED_DEFAULTS[option]
        else:
            missing.append(option)
    if missing:
        raise GlueArgumentError("the following arguments are required: " + ", ".join(f"--{o}" for o in missing))
    return resolved


def _parse_argv(argv: Sequence[str]) -> dict[str, str]:
    given: dict[str, str] = {}
    items = list(argv[1:])
    at = 0
    while at < len(items):
        item = items[at]
        at += 1
        if not item.startswith("--"):
            continue
        key, sep, value = item[2:].partition("=")
        if not sep:
            if at >= len(items):
                continue
            value = items[at]
            at += 1
        given[key] = value  # the last one wins, as with argparse
    return given


def widget_options(dbutils: Any, options: Sequence[str]) -> dict[str, str]:
    """getResolvedOptions for a notebook task: each option is a job parameter read as a widget."""
    resolved: dict[str, str] = {}
    for option in options:
        try:
            resolved[option.replace("-", "_")] = dbutils.widgets.get(option)
        except Exception:
            if option == "JOB_NAME":
                resolved[option] = "notebook"
            elif option in RESERVED_DEFAULTS:
                resolved[option] = RESERVED_DEFAULTS[option]
            else:
                raise GlueArgumentError(f"the following arguments are required: --{option}") from None
    return resolved
