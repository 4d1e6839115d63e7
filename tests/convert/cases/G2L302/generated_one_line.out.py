# g2l: converted from jobs/generated_one_line.py
from pyspark.sql import functions as F

## @type: ApplyMapping
## @return: applymapping1
## @inputs: [frame = datasource0]
applymapping1 = datasource0.select(
    F.col("trade_id"),
    F.col("book"),
    F.col("notional").try_cast("double").alias("notional"),
    F.col("currency"),
    F.col("trade_date").try_cast("date").alias("trade_date"),
)
