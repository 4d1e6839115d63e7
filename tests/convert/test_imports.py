"""Where the converter puts the imports it adds: where isort would (standard library, third party, first party;
`import x` before `from x import y`), each on a line of its own, never moving or changing a Glue import line."""

from __future__ import annotations

import pytest

from g2l_merge.config import ConvertConfig
from g2l_merge.convert.engine import convert_source
from g2l_merge.convert.imports import FIRST_PARTY, STANDARD_LIBRARY, THIRD_PARTY, section_of

READ = """glueContext = GlueContext(SparkContext.getOrCreate())
frame = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="trades")
frame = frame.resolveChoice(specs=[("notional", "cast:double")])
"""
CONVERTED_READ = """spark = SparkSession.builder.getOrCreate()
frame = spark.read.table("main.risk.trades")
frame = frame.withColumn("notional", F.col("notional").try_cast("double"))
"""

EVERY_SECTION = (
    """import os
import sys

import boto3
from awsglue.context import GlueContext
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

# the risk library (--extra-py-files)
from risk_common import naming
from risk_common.frames import tidy

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
"""
    + READ
    + 'tidy(frame.toDF(), naming.SNAKE, os.environ["ENV"], boto3)\n'
)

ONLY_LOCAL = """from risk_common import naming
from .frames import tidy

frame = tidy(naming, glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="trades"))
frame = frame.resolveChoice(specs=[("notional", "cast:double")])
"""

NO_IMPORTS = """frame = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="trades")
frame = frame.resolveChoice(specs=[("notional", "cast:double")])
"""

FUTURE = (
    '''"""Trades, cast for the risk mart."""
from __future__ import annotations

from awsglue.context import GlueContext
from pyspark.context import SparkContext
from risk_common import naming

'''
    + READ
    + "naming.apply(frame)\n"
)

GUARDED = (
    """import sys

try:
    import yaml
except ImportError:  # the local runner has no PyYAML
    yaml = None

from awsglue.context import GlueContext
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from risk_common import naming

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
"""
    + READ
    + "naming.apply(frame, yaml)\n"
)


def convert(text: str) -> str:
    return convert_source(text, "jobs/trades.py", ConvertConfig()).text


def test_new_imports_go_among_the_third_party_ones_and_glue_compat_before_the_local_from_imports() -> None:
    assert convert(EVERY_SECTION) == (
        """# g2l: converted from jobs/trades.py
import os
import sys

import boto3
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
import glue_compat

# the risk library (--extra-py-files)
from risk_common import naming
from risk_common.frames import tidy

args = glue_compat.resolved_options(sys.argv, ["JOB_NAME"])
"""
        + CONVERTED_READ
        + 'tidy(frame, naming.SNAKE, os.environ["ENV"], boto3)\n'
    )


def test_a_file_with_only_local_imports_gets_the_third_party_one_before_them() -> None:
    assert convert(ONLY_LOCAL) == (
        """# g2l: converted from jobs/trades.py
from pyspark.sql import functions as F
from risk_common import naming
from .frames import tidy

frame = tidy(naming, glueContext.read.table("main.risk.trades"))
frame = frame.withColumn("notional", F.col("notional").try_cast("double"))
"""
    )


def test_a_file_without_imports_gets_them_on_top() -> None:
    assert convert(NO_IMPORTS) == (
        """# g2l: converted from jobs/trades.py
from pyspark.sql import functions as F
frame = glueContext.read.table("main.risk.trades")
frame = frame.withColumn("notional", F.col("notional").try_cast("double"))
"""
    )


def test_the_docstring_and_future_import_stay_first() -> None:
    # (the blank line above the awsglue imports goes with them: a dropped import line keeps only its comments)
    assert convert(FUTURE) == (
        '''# g2l: converted from jobs/trades.py
"""Trades, cast for the risk mart."""
from __future__ import annotations
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from risk_common import naming

'''
        + CONVERTED_READ
        + "naming.apply(frame)\n"
    )


def test_new_imports_stay_above_a_top_level_try_block() -> None:
    assert convert(GUARDED) == (
        """# g2l: converted from jobs/trades.py
import sys
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
import glue_compat

try:
    import yaml
except ImportError:  # the local runner has no PyYAML
    yaml = None
from risk_common import naming

args = glue_compat.resolved_options(sys.argv, ["JOB_NAME"])
"""
        + CONVERTED_READ
        + "naming.apply(frame, yaml)\n"
    )


def test_an_import_the_converted_guard_uses_goes_above_it() -> None:
    """G2L007 turns the awsglue fallback into an `if` on os.environ: `import os` must come before it, not
    among the third-party imports after it."""
    glue = """try:
    from awsglue.context import GlueContext
except ImportError:
    pass
from pyspark.sql import functions as F
"""
    assert convert(glue) == (
        """# g2l: converted from jobs/trades.py
import os
# g2l: the awsglue imports of this branch succeeded on Glue only: it runs on a Databricks \
cluster now (DATABRICKS_RUNTIME_VERSION is set), the ImportError fallback elsewhere (a local run)
if "DATABRICKS_RUNTIME_VERSION" in os.environ:
    pass
from pyspark.sql import functions as F
"""
    )


CASES = [EVERY_SECTION, ONLY_LOCAL, NO_IMPORTS, FUTURE, GUARDED]


@pytest.mark.parametrize("glue", CASES, ids=["every_section", "only_local", "no_imports", "future", "guarded"])
def test_converting_again_changes_nothing(glue: str) -> None:
    once = convert(glue)
    assert convert(once) == once


@pytest.mark.parametrize("glue", CASES, ids=["every_section", "only_local", "no_imports", "future", "guarded"])
def test_every_glue_import_line_the_conversion_keeps_is_byte_identical_and_in_order(glue: str) -> None:
    glue_imports = [line for line in glue.splitlines(keepends=True) if line.startswith(("import ", "from "))]
    kept = [line for line in glue_imports if "awsglue" not in line and "pyspark.context" not in line]
    converted = convert(glue).splitlines(keepends=True)
    assert [line for line in converted if line in glue_imports] == kept


@pytest.mark.parametrize(
    ("after", "added"),
    [
        ("import sys\n", "import json\n"),  # standard library, before the new lines
        ("from pyspark.context import SparkContext\n", "import pandas\n"),  # third party, after them
        ("from risk_common.frames import tidy\n", "from risk_common import dates\n"),  # local
    ],
)
def test_a_glue_import_added_later_moves_no_new_line(after: str, added: str) -> None:
    before = convert(EVERY_SECTION).splitlines(keepends=True)
    edited = convert(EVERY_SECTION.replace(after, after + added, 1)).splitlines(keepends=True)
    assert added in edited
    at = edited.index(added)
    assert edited[:at] + edited[at + 1 :] == before  # the same file but for the added line


def test_sections() -> None:
    assert [section_of(name) for name in ("os.path", "pyspark.sql", "delta.tables", "boto3", "awsglue.context")] == [
        STANDARD_LIBRARY,
        THIRD_PARTY,
        THIRD_PARTY,
        THIRD_PARTY,
        THIRD_PARTY,
    ]
    assert [section_of(name) for name in ("glue_compat", "risk_common.frames", "gs_now")] == [FIRST_PARTY] * 3
