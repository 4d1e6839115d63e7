"""Nightly positions load."""
from __future__ import annotations

from awsglue.context import GlueContext
from pyspark.context import SparkContext


def load(glue_context, table):
    return read_positions(glue_context, table)


def main():
    glue_context = GlueContext(SparkContext.getOrCreate())
    positions = load(glue_context, "positions")
    warehouse = glue_context.extract_jdbc_conf("risk-warehouse")
