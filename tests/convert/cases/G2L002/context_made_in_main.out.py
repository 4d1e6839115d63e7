# g2l: converted from jobs/context_made_in_main.py
"""Nightly positions load."""
from __future__ import annotations
from pyspark.sql import SparkSession


def load(glue_context, table):
    return read_positions(glue_context, table)


def main():
    spark = SparkSession.builder.getOrCreate()
    glue_context = spark  # g2l: kept for the Glue calls left for review
    positions = load(spark, "positions")
    # g2l: review G2L106: extract_jdbc_conf reads the url and credentials of a Glue connection: keep them in a secret scope and read them with dbutils.secrets.get: left as written, it fails on Databricks (no GlueContext there), so the job stops here
    warehouse = glue_context.extract_jdbc_conf("risk-warehouse")
