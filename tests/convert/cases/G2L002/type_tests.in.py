"""Tests of the risk library's run setup: what it builds, checked by type."""
from awsglue.context import GlueContext
from awsglue.job import Job
from pyspark.sql import SparkSession

from risk_common.run import RunSetup


def test_setup_builds_a_context_and_a_job():
    setup = RunSetup(["--JOB_NAME", "var-nightly"])
    assert isinstance(setup.glue_context, GlueContext)
    assert type(setup.spark) == SparkSession
    # the job is kept for commit() at the end of the run
    assert type(setup.job) is Job
