"""Bundle resource files as text: YAML in one style, so that a three-way merge of two edits stays clean.

Keys come in the order the mapping builds them (never sorted by the writer, never in the order a Glue export
happened to list them: bundle.py sorts what has no order of its own), block style throughout, lists indented
under their key, no line folding, strings quoted only where YAML needs it. The same resource always gives the
same bytes.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from g2l_merge.convert.findings import HEADER_PREFIX
from g2l_merge.jobs.bundle import BundleJob


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key (`tasks:` then `  - task_key: ...`), as the Databricks CLI writes them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _string(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """A string with a NEL (U+0085) double-quoted, where it is escaped: written raw in any other style, YAML reads
    it back as a line break, so the job's name or parameter would change."""
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"' if "\x85" in value else None)


_Dumper.add_representer(str, _string)
_UNSAFE = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029\ud800-\udfff]")


def one_line(text: str) -> str:
    """`text` as one line of a YAML comment: line breaks (and lone surrogates, which UTF-8 cannot hold) escaped,
    so a Glue value in a review item never ends the comment and turns the rest into YAML."""
    return _UNSAFE.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), text)


def dump(data: Any) -> str:
    """`data` (dicts, lists, strings, numbers, booleans) as YAML text."""
    text: str = yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, default_flow_style=False, allow_unicode=True, width=1_000_000, indent=2
    )
    return text


def job_file(job: BundleJob, source: str) -> bytes:
    """The resource file of one job: the converted-from line (the definitions file and the job's name), a
    `# g2l: review` line per review item, then the resource."""
    lines = [one_line(f"{HEADER_PREFIX}{source} (Glue {job.kind} {job.glue_name!r})")]
    lines += [one_line(f"# g2l: review {review.rule}: {review.message}") for review in job.reviews]
    body = dump({"resources": {"jobs": {job.key: job.resource}}})
    return ("\n".join(lines) + "\n" + body).encode("utf-8")


BUNDLE_HEADER = "# g2l: made by g2l-merge once, for the job resources a sync converts; yours to edit\n"


def bundle_file(name: str, resources: str) -> bytes:
    """databricks.yml for a repository that has none: the bundle, its resource files, and a development target.
    Made once; a sync never changes it again, so it is the Databricks team's to edit."""
    folder = resources.strip("/")
    include = f"{folder}/*.yml" if folder else "*.job.yml"
    body = dump(
        {
            "bundle": {"name": name},
            "include": [include],
            "targets": {"dev": {"mode": "development", "default": True}},
        }
    )
    return (BUNDLE_HEADER + body).encode()
