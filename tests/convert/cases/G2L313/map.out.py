# g2l: converted from jobs/map.py
import glue_compat
from pyspark.sql import DataFrame


def add_desk(record):
    record["desk"] = record["book"][:2]
    return record


def enrich(trades: DataFrame):
    # g2l: review G2L313: add_desk runs in Python for every record (glue_compat.map_records: a Python UDF, and one more pass to read the result's schema): rewrite it with withColumn/select
    a = glue_compat.map_records(trades, add_desk)
    # g2l: review G2L313: this function runs in Python for every record (glue_compat.map_records: a Python UDF, and one more pass to read the result's schema): rewrite it with withColumn/select
    b = glue_compat.map_records(trades, lambda r: dict(r, qty=abs(r["qty"])))
    return a, b
