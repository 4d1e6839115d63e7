"""Glue job definitions (`aws glue get-job` JSON, triggers, workflows) as Databricks Asset Bundle jobs.

This module holds what the sync side needs without loading the mapping and the YAML writer."""

from __future__ import annotations

import ast
import re
from collections.abc import Container, Iterator

from g2l_merge.config import Config, selected
from g2l_merge.convert.findings import HEADER_PREFIX, Finding

BUNDLE_FILE = "databricks.yml"  # the bundle's configuration, at the Databricks repository's top
JOB_RULES = "G2L5"  # the rules of job definitions: G2L500-G2L599
DEFINITIONS_RULE = "G2L500"  # a definitions file that cannot be read, or a job left out of it
_REVIEW = re.compile(r"# g2l: review (G2L\d+): (.*)")


def is_resource(config: Config, path: str, glue: Container[str] | None = None) -> bool:
    """Whether a mirror path is a resource file of this module: `<resources>/<key>.job.yml`, and no converted
    Glue file (the mapping never writes over one): none of `glue` (the mirror paths of the Glue commit's files)
    when given, else none [source] could select."""
    folder = config.jobs.resources.strip("/")
    name = path.removeprefix(f"{folder}/") if folder else path
    if (folder and name == path) or "/" in name or not name.endswith(".job.yml"):
        return False
    if glue is not None:
        return path not in glue
    root = config.target.root.strip("/")
    glue = path.removeprefix(f"{root}/") if root and root != "." else path
    return (root not in ("", ".") and glue == path) or not selected(glue, config.source)


def review_lines(path: str, text: str) -> Iterator[Finding]:
    """The review items a resource file holds (its `# g2l: review` lines), where they are now."""
    for number, line in enumerate(text.split("\n"), start=1):
        found = _REVIEW.fullmatch(line.strip())
        if found:
            yield Finding(path, number, found.group(1), found.group(2))


def resource_source(text: str) -> str | None:
    """The Glue definitions file a resource file was made from, as its first line names it."""
    first = text.split("\n", 1)[0]
    if not first.startswith(HEADER_PREFIX):
        return None
    return first.removeprefix(HEADER_PREFIX).rsplit(" (Glue ", 1)[0]


def resource_owner(text: str) -> tuple[str, str] | None:
    """What a resource file was made from, as its first line names it: ("job" or "workflow", the Glue name)."""
    first = text.split("\n", 1)[0]
    if not first.startswith(HEADER_PREFIX) or " (Glue " not in first:
        return None
    kind, _, name = first.rsplit(" (Glue ", 1)[1].removesuffix(")").partition(" ")
    try:
        value = ast.literal_eval(name)
    except (ValueError, SyntaxError):
        return None
    return (kind, value) if isinstance(value, str) else None
