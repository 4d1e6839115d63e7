"""risk_common.spark: one place where the credit risk jobs get their Spark session and run arguments.

Used by every job of the monorepo; the same code runs on Glue and in the team's local docker image.
"""
import logging
import os
import sys

# awsglue is only installed on the Glue workers
try:
    from awsglue.context import GlueContext
    from awsglue.utils import getResolvedOptions
    from pyspark.context import SparkContext

    RUNTIME = "glue"
except ImportError:  # local docker image or CI
    RUNTIME = "local"

from pyspark.sql import SparkSession

log = logging.getLogger("risk_common.spark")

DEFAULT_ARGS = {"JOB_NAME": "local-run", "AS_OF": "2026-11-30", "BOOK": "all"}


def get_session(app_name="credit-risk"):
    """The session of this run: Glue's own, or a local one with small shuffles."""
    if RUNTIME == "glue":
        glue_context = GlueContext(SparkContext.getOrCreate())
        session = glue_context.spark_session
        session.conf.set("spark.sql.session.timeZone", "UTC")
        return session
    log.info("local session for %s", app_name)
    return (
        SparkSession.builder.master("local[2]")
        .appName(app_name)
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )


def run_args(required, optional=()):
    """Job arguments: required ones fail the run when missing, optional ones only when given."""
    if RUNTIME != "glue":
        return {name: DEFAULT_ARGS.get(name, "") for name in [*required, *optional]}
    args = getResolvedOptions(sys.argv, list(required))
    present = [name for name in optional if f"--{name}" in sys.argv]
    if present:
        args.update(getResolvedOptions(sys.argv, present))
    return args


def output_root():
    # the bucket comes from the environment in both runtimes
    return os.environ.get("RISK_OUTPUT_ROOT", "s3://bank-risk-curated/credit")
