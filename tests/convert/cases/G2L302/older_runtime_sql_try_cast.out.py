# g2l: converted from jobs/older_runtime_sql_try_cast.py
# case-config: {"runtime": "14.3"}
from pyspark.sql import functions as F

positions = glueContext.read.table("main.risk.positions")
# Databricks Runtime 14.3 has no Column.try_cast: the casts go through SQL's try_cast
mapped = positions.select(
    F.expr("try_cast(`position id` AS bigint)").alias("position_id"),
    F.col("book.desk").alias("desk"),
    F.expr("try_cast(mtm.amount AS decimal(18,2))").alias("mtm"),
    F.expr("try_cast(`fx.rate` AS double)").alias("fx_rate"),
)
