# g2l: converted from jobs/library_parameter.py
# case-config: {"catalog": "main", "databases": {"risk": "prod.risk"}}
"""Shared readers used by several jobs."""
from pyspark.sql import SparkSession


def load_trades(glue_context: SparkSession, day: str):
    """Trades of one day."""
    return glue_context.read.table("prod.risk.trades").where(f"day = '{day}'")


def load_limits(glueContext):
    return glueContext.read.table("prod.risk.limits")
