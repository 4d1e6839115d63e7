# g2l: converted from jobs/drop_null_fields.py
from pyspark.sql import DataFrame
import glue_compat


def clean(mapped: DataFrame):
    a = glue_compat.drop_null_fields(mapped)
    b = glue_compat.drop_null_fields(mapped)
    c = glue_compat.drop_null_fields(glue_compat.drop_null_fields(mapped))
    return a, b, c
