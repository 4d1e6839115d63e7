import pyspark.sql.functions as fn
from awsglue.dynamicframe import DynamicFrame


def typed(trades: DynamicFrame):
    stamp = fn.current_date()
    return trades.apply_mapping([("qty", "string", "qty", "int")]), stamp
