# g2l: converted from jobs/transform_imported_by_name.py
from pyspark.sql import DataFrame


def tidy(frame: DataFrame) -> DataFrame:
    slim = frame.drop("ssn")
    return slim.withColumnRenamed("ntl", "notional")
