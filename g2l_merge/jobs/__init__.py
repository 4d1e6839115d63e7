"""Glue job definitions (`aws glue get-job` JSON, triggers, workflows) as Databricks Asset Bundle jobs.

This module holds what the sync side needs without loading the mapping and the YAML writer."""

from __future__ import annotations

import ast
import re
from collections.abc import Container, Iterator

from g2l_merge.config import Config
from g2l_merge.convert.findings import HEADER_PREFIX, Finding

BUNDLE_FILE = "databricks.yml"  # the bundle's configuration, at the Databricks repository's top
JOB_RULES = "G2L5"  # the rules of job definitions: G2L500-G2L599
DEFINITIONS_RULE = "G2L500"  # a definitions file that cannot be read, or a job left out of it
_REVIEW = re.compile(r"# g2l: review (G2L\d+): (.*)")


def is_resource(config: Config, path: str, glue: Container[str]) -> bool:
    """Whether a mirror path is a resource file of this module: `<resources>/<key>.job.yml`, and none of `glue`
    (the mirror paths of the Glue commit's files: the mapping never writes over a converted Glue file)."""
    folder = config.jobs.resources.strip("/")
    name = path.removeprefix(f"{folder}/") if folder else path
    if (folder and name == path) or "/" in name or not name.endswith(".job.yml"):
        return False
    return path not in glue


def review_lines(path: str, text: str) -> Iterator[Finding]:
    """The review items a resource file holds (its `# g2l: review` lines), where they are now."""
    for number, line in enumerate(text.split("\n"), start=1):
        found = _REVIEW.fullmatch(line.strip())
        if found:
            yield Finding(path, number, found.group(1), found.group(2))


def resource_source(text: str) -> str | None:
    """The Glue definitions file a resource file was made from, as its first line names it."""
    found = _header(text)
    return found[0] if found else None


def resource_owner(text: str) -> tuple[str, str] | None:
    """What a resource file was made from, as its first line names it: ("job" or "workflow", the Glue name)."""
    found = _header(text)
    return found[1:] if found else None


def _header(text: str) -> tuple[str, str, str] | None:
    """(definitions file, kind, Glue name) of a resource file's first line, `<prefix><file> (Glue <kind> <repr>)`:
    split where the rest reads as a kind and a Python string, so a name or a path that holds " (Glue " reads too."""
    first = text.split("\n", 1)[0]
    if not first.startswith(HEADER_PREFIX):
        return None
    line = first.removeprefix(HEADER_PREFIX)
    for found in re.finditer(r" \(Glue (job|workflow) ", line):
        rest = line[found.end() :]
        try:
            name = ast.literal_eval(rest.removesuffix(")")) if rest.endswith(")") else None
        except (ValueError, SyntaxError):
            continue
        if isinstance(name, str):
            return line[: found.start()], found.group(1), name
    return None
