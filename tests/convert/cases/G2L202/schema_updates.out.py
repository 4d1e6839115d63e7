# g2l: converted from jobs/schema_updates.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# Glue also adds new columns and partitions to the catalog table
# g2l: review G2L202: Glue also updated the table's schema on write (enableUpdateCatalog, UPDATE_IN_DATABASE): as converted, an append with a new column fails: add .option("mergeSchema", True) if new columns must still be added
risk.write.mode("append").partitionBy("desk", "day").saveAsTable("main.risk.exposures")
# LOG keeps the schema: only partitions are added, which a Delta table needs no help with
risk.write.mode("append").saveAsTable("main.risk.exposures_log")
