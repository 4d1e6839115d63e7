"""What the semantic tests share: convert a Glue snippet, run the converted code on the test's Spark session
(classic or Spark Connect, see tests/conftest.py) and say what each test proves.

Each semantic test is decorated with `proves(...)`: the rule it proves, the Glue API, the source its
expected rows and schema come from (the AWS Glue documentation page, or the awsglue library's file), and a
verdict. `scripts/conversion_table.py` reads these decorators (without running anything) and writes the
README's conversion table from them and from the rule docstrings.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from g2l_merge.config import ConvertConfig
from g2l_merge.convert.compat import glue_compat
from g2l_merge.convert.engine import Conversion, convert_source

# exact: the converted code gives the rows and schema Glue documents, asserted exactly.
# open: Glue's documentation leaves the case open; the test states the reading it checks (`note` says which).
# review: the conversion carries a review item; the test shows what the converted code does meanwhile.
# workspace: only a real Databricks workspace can show it (`note` says why); the test runs what runs locally.
VERDICTS = ("exact", "open", "review", "workspace")

GLUE_HEADER = """\
import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

sc = SparkContext.getOrCreate()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
"""


def proves(rule: str, glue: str, source: str, verdict: str = "exact", note: str = "") -> pytest.MarkDecorator:
    """Mark a semantic test: it proves rule `rule`'s conversion of the Glue API `glue` against `source`."""
    if verdict not in VERDICTS:
        raise ValueError(f"verdict {verdict!r} is not one of {VERDICTS}")
    if verdict in ("open", "workspace") and not note:
        raise ValueError(f"a {verdict!r} verdict needs a note saying what is open")
    return pytest.mark.semantics(rule=rule, glue=glue, source=source, verdict=verdict, note=note)


def config(tmp_path: Path, **paths: str) -> ConvertConfig:
    """The converter's settings in the Spark tests: catalog tables are `spark_catalog.<database>.<table>`
    (the local session catalog) and each `s3://bucket/prefix/` in `paths` maps to a folder under tmp_path."""
    return ConvertConfig(
        catalog="spark_catalog", paths={prefix: str(tmp_path / folder) + "/" for prefix, folder in paths.items()}
    )


def convert_glue(glue_code: str, settings: ConvertConfig | None = None, header: bool = True) -> Conversion:
    """The conversion of GLUE_HEADER + glue_code (as a job at jobs/semantics.py); it must import no awsglue."""
    conversion = convert_source(
        (GLUE_HEADER if header else "") + glue_code, "jobs/semantics.py", settings or ConvertConfig()
    )
    assert "import awsglue" not in conversion.text and "from awsglue" not in conversion.text, conversion.text
    return conversion


def run_converted(
    conversion: Conversion,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str] | None = None,
    **inputs: Any,
) -> dict[str, Any]:
    """Run converted code as a job would (`import glue_compat` finds the module the mirror ships, sys.argv
    holds the job's parameters); `inputs` are bound as globals first. Returns the job's globals."""
    module = ModuleType("glue_compat")
    module.__dict__.update(glue_compat.__dict__)
    monkeypatch.setitem(sys.modules, "glue_compat", module)
    monkeypatch.setattr(sys, "argv", ["jobs/semantics.py", *(argv or [])])
    namespace: dict[str, Any] = {"__name__": "__main__", **inputs}
    exec(compile(conversion.text, "jobs/semantics.py", "exec"), namespace)
    return namespace


def run_glue(
    glue_code: str,
    monkeypatch: pytest.MonkeyPatch,
    settings: ConvertConfig | None = None,
    argv: list[str] | None = None,
    **inputs: Any,
) -> dict[str, Any]:
    """Convert GLUE_HEADER + glue_code and run it (see run_converted)."""
    return run_converted(convert_glue(glue_code, settings), monkeypatch, argv, **inputs)


def rows(df: Any) -> list[dict[str, Any]]:
    """Every row as a dict (nested rows too), in the DataFrame's order."""
    return [row.asDict(recursive=True) for row in df.collect()]


def sorted_rows(df: Any, *keys: str) -> list[dict[str, Any]]:
    """rows(df) sorted by `keys` (nulls last)."""
    return sorted(rows(df), key=lambda row: [(row[key] is None, row[key]) for key in keys])
