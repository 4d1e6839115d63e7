# g2l: converted from jobs/unbox.py
from pyspark.sql import DataFrame
import glue_compat


def parse(events: DataFrame):
    # g2l: review G2L314: glue_compat.unbox reads the JSON schema from all the values on every run, as Glue does (the same data): pass schema= to fix it
    parsed = glue_compat.unbox(events, "payload", "json")
    # g2l: review G2L314: glue_compat.unbox reads the JSON schema from all the values on every run, as Glue does (the same data): pass schema= to fix it
    method = glue_compat.unbox(events, "meta.raw", "json")
    # g2l: review G2L314: unbox of a format other than json: as written, it fails on Databricks and the job stops: parse the field with from_csv or split and a schema
    csv = events.unbox(path="line", format="csv", separator="|")
    return parsed, method, csv
