from awsglue.dynamicframe import DynamicFrame
from pyspark.sql import functions as F


def cleaned(trades: DynamicFrame, condition):
    trades = trades.toDF()
    big = trades.filter(F.col("qty") > 100)
    live = trades.filter("status = 'LIVE'")
    chosen = trades.filter(condition)
    return big, live, chosen
