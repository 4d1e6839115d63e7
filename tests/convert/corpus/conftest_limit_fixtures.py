"""Fixtures for the limit monitoring tests: a local Glue context and small frames."""
import pytest
from awsglue.context import GlueContext
from pyspark.context import SparkContext
from pyspark.sql import Row


@pytest.fixture(scope="session")
def glue_context():
    # one context for the whole session: starting Spark is slow
    context = GlueContext(SparkContext.getOrCreate(), minPartitions=1, targetPartitions=1)
    yield context
    context.spark_session.stop()


@pytest.fixture(scope="session")
def spark(glue_context):
    return glue_context.spark_session


@pytest.fixture
def limits(spark):
    rows = [
        Row(desk="rates", limit_eur=5_000_000.0),
        Row(desk="credit", limit_eur=2_500_000.0),
    ]
    return spark.createDataFrame(rows)


def test_limits_have_positive_amounts(limits):
    assert limits.where("limit_eur <= 0").count() == 0
