# g2l: converted from jobs/library_parameter.py
from pyspark.sql import SparkSession


def trades(glue_context: SparkSession, day):
    return glue_context.sql(f"select * from risk.trades where day = '{day}'")
