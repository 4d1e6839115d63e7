# g2l: converted from jobs/typical.py
# case-config: {"catalog": "main", "databases": {"risk": "prod.risk"}}
import sys
from pyspark.sql import SparkSession
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["JOB_NAME"])
spark = SparkSession.builder.getOrCreate()
job = glue_compat.Job(spark, bookmarks="/Volumes/main/g2l/g2l_bookmarks")
job.init(args["JOB_NAME"], args)

# Script generated for node Data Catalog table
DataCatalogtable_node1 = glue_compat.bookmarked(spark, "DataCatalogtable_node1").table("prod.risk.trades_raw")

# Script generated for node Amazon S3
# g2l: review G2L204: the table is an external parquet table at s3://risk-curated/trades/, where Glue wrote its files: Unity Catalog needs an external location that covers that path (and CREATE EXTERNAL TABLE on it); without one the write fails and no data is written; Glue also added new columns to the table (enableUpdateCatalog, UPDATE_IN_DATABASE): an append with a new column fails here (ALTER TABLE ADD COLUMNS first)
(
    DataCatalogtable_node1.write.mode("append")
    .format("parquet")
    .option("compression", "snappy")
    .partitionBy("day")
    .option("path", "s3://risk-curated/trades/")
    .saveAsTable("prod.risk.trades")
)
job.commit()
