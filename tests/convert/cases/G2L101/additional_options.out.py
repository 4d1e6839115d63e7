# g2l: converted from jobs/additional_options.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

pruned = spark.read.table("main.risk.trades").where("region = 'EU'").where("day >= '2024-01-01'")
# g2l: review G2L101: boundedFiles/boundedSize capped each run's input: as converted, every run reads all of it: use Auto Loader with maxFilesPerTrigger or maxBytesPerTrigger if the job still needs that
bounded = spark.read.table("main.risk.fills")
# g2l: review G2L101: catalog_id "123456789012" named another account's Glue catalog: as converted, the table of that name in this workspace's catalog is used: check the Unity Catalog name
shared = spark.read.table("main.risk.fx")
# g2l: review G2L101: jobBookmarkKeys: in a run with job bookmarks Glue read only the rows past the keys its last committed run saved; this reads every row on every run (an append target gets the earlier rows again): if the job ran with bookmarks, read through glue_compat.bookmarked(spark, <transformation_ctx>, keys=...) with a glue_compat.Job init()ed and commit()ted
incremental = spark.read.table("main.ledger.entries")
