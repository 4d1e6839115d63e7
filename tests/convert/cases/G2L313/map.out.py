# g2l: converted from jobs/map.py
from pyspark.sql import DataFrame
import glue_compat


def add_desk(record):
    record["desk"] = record["book"][:2]
    return record


def enrich(trades: DataFrame):
    # g2l: review G2L313: add_desk runs in Python for every record (glue_compat.map_records: a Python UDF, and one more pass to read the result's schema): rewrite it with withColumn/select; as converted, the result has one schema, the union of the returned records' (a field a record lacks is null there, whole and fractional numbers of a field become double, a field with values of different types is a string, as is one only ever null), and dates, timestamps and decimals the function returns come back as text
    a = glue_compat.map_records(trades, add_desk)
    # g2l: review G2L313: this function runs in Python for every record (glue_compat.map_records: a Python UDF, and one more pass to read the result's schema): rewrite it with withColumn/select; as converted, the result has one schema, the union of the returned records' (a field a record lacks is null there, whole and fractional numbers of a field become double, a field with values of different types is a string, as is one only ever null), and dates, timestamps and decimals the function returns come back as text
    b = glue_compat.map_records(trades, lambda r: dict(r, qty=abs(r["qty"])))
    return a, b
