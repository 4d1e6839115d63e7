# g2l: converted from jobs/frame_methods.py
from pyspark.sql import DataFrame


def inspect(trades: DataFrame):
    fields = trades.schema.fields
    parts = trades.rdd.getNumPartitions()
    trades.show(5)
    trades.show()
    trades.printSchema()
    # g2l: review G2L325: unnest_ddb_json reads DynamoDB JSON (attribute-type wrappers): unwrap the fields with Column expressions
    flat = trades.unnest_ddb_json()
    return fields, parts, trades.count(), flat
