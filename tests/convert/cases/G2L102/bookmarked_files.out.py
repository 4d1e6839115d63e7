# g2l: converted from jobs/bookmarked_files.py
import sys
from pyspark.sql import SparkSession
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["JOB_NAME"])
spark = SparkSession.builder.getOrCreate()
job = glue_compat.Job(spark, bookmarks="/Volumes/main/g2l/g2l_bookmarks")
job.init(args["JOB_NAME"], args)

# each run takes the trade files that landed since the last committed run
trades = (
    glue_compat.bookmarked(spark, "trades").format("csv")
    .option("header", False)
    .option("sep", "|")
    .option("escape", '"')
    .option("inferSchema", True)
    .option("recursiveFileLookup", True)
    .load(["s3://risk-raw/trades/"])
    .transform(glue_compat.csv_types)
    .transform(glue_compat.csv_column_names)
)
# every run reads all the desk files: no transformation_ctx, no bookmark
desks = spark.read.format("json").load(["s3://risk-raw/desks/"])
trades.write.mode("append").format("parquet").save("s3://risk-curated/trades/")
job.commit()
