# g2l: converted from jobs/type_tests.py
"""Tests of the risk library's run setup: what it builds, checked by type."""
from pyspark.sql import SparkSession
import glue_compat

from risk_common.run import RunSetup


def test_setup_builds_a_context_and_a_job():
    setup = RunSetup(["--JOB_NAME", "var-nightly"])
    assert isinstance(setup.glue_context, SparkSession)
    assert type(setup.spark) == SparkSession
    # the job is kept for commit() at the end of the run
    assert type(setup.job) is glue_compat.Job
