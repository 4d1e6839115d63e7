"""Session factory and fixtures for the market risk library."""
import pytest
from awsglue.context import GlueContext
from pyspark.context import SparkContext


def make_glue_context():
    sc = SparkContext.getOrCreate()
    return GlueContext(sc)


def scenario_context(conf):
    # a stressed run gets its own settings
    return GlueContext(SparkContext.getOrCreate(conf))


@pytest.fixture(scope="session")
def glue_context():
    return GlueContext(SparkContext.getOrCreate(), minPartitions=2, targetPartitions=2)


def test_var_table_has_rows(glue_context):
    assert glue_context.spark_session.table("risk.var_daily").count() > 0
