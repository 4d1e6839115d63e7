from awsglue.dynamicframe import DynamicFrame


def inspect(trades: DynamicFrame):
    fields = trades.schema().fields
    parts = trades.getNumPartitions()
    trades.show(num_rows=5)
    trades.show()
    trades.printSchema()
    flat = trades.unnest_ddb_json()
    return fields, parts, trades.count(), flat
