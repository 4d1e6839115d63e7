# g2l: converted from jobs/additional_options.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

pruned = spark.read.table("main.risk.trades").where("region = 'EU'").where("day >= '2024-01-01'")
# g2l: review G2L101: boundedFiles/boundedSize capped each run's input: use Auto Loader with maxFilesPerTrigger or maxBytesPerTrigger if the job still needs that
bounded = spark.read.table("main.risk.fills")
# g2l: review G2L101: catalog_id "123456789012" named another account's Glue catalog: check the Unity Catalog name
shared = spark.read.table("main.risk.fx")
# g2l: review G2L101: jobBookmarkKeys made Glue read only new rows (this reads them all): filter on a stored watermark
incremental = spark.read.table("main.ledger.entries")
