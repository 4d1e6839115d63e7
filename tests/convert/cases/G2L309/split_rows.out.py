# g2l: converted from jobs/split_rows.py
from pyspark.sql import DataFrame
import glue_compat


def segments(loans: DataFrame):
    split = glue_compat.split_rows(loans, {"ead": {">": 1000000}}, "large", "rest")
    large = split["large"]
    defaults = glue_compat.split_rows(loans, {"pd": {">=": 0.5, "<": 1}}, "frame1", "frame2")
    method = glue_compat.split_rows(loans, {"stage": {"=": 3}}, "stage3", "performing")
    return large, defaults["frame2"], method
