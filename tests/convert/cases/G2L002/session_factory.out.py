# g2l: converted from jobs/session_factory.py
"""Session factory and fixtures for the market risk library."""
import pytest
from pyspark.sql import SparkSession


def make_glue_context():
    return SparkSession.builder.getOrCreate()


def scenario_context(conf):
    # a stressed run gets its own settings
    # g2l: review G2L002: a Databricks job runs on a cluster that is already started: only the spark.sql.* settings of this SparkConf reach the session (builder.config); as converted, the job runs with the cluster's settings for the rest: put cluster settings in the job's cluster configuration
    return SparkSession.builder.config(conf=conf).getOrCreate()


@pytest.fixture(scope="session")
def glue_context():
    return SparkSession.builder.getOrCreate()


def test_var_table_has_rows(glue_context):
    assert glue_context.table("risk.var_daily").count() > 0
