"""Test doubles for the exposure jobs: catalog reads served from memory, writes recorded, arguments fixed."""
from unittest.mock import MagicMock, patch

import pytest
from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame, DynamicFrameReader, DynamicFrameWriter
from pyspark.context import SparkContext


@pytest.fixture(scope="session")
def glue_context():
    return GlueContext(SparkContext.getOrCreate())


@pytest.fixture(scope="session")
def spark(glue_context):
    return glue_context.spark_session


@pytest.fixture
def catalog(spark):
    """Rows per "database.table"; a read of a table the test did not register fails loudly."""
    tables = {}

    def read_from_catalog(self, database, table_name, *args, **kwargs):
        key = f"{database}.{table_name}"
        if key not in tables:
            raise KeyError(f"no rows registered for {key}")
        return DynamicFrame.fromDF(spark.createDataFrame(tables[key]), self._glue_context, key)

    DynamicFrameReader.from_catalog = read_from_catalog
    return tables


@pytest.fixture
def s3_writes():
    DynamicFrameWriter.from_options = MagicMock(name="s3_writes")
    return DynamicFrameWriter.from_options


@pytest.fixture
def job_arguments():
    # the exposure jobs read AS_OF and the output bucket
    with patch("exposure_jobs.daily.getResolvedOptions") as resolved:
        resolved.return_value = {"JOB_NAME": "exposures-test", "AS_OF": "2026-11-30", "OUT": "s3://bank-risk-test/"}
        yield resolved


@pytest.fixture
def quiet_context(glue_context):
    glue_context.write_dynamic_frame_from_catalog = MagicMock(name="catalog_writes")
    return glue_context
