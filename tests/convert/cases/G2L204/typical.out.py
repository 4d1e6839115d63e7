# g2l: converted from jobs/typical.py
# case-config: {"catalog": "main", "databases": {"risk": "prod.risk"}}
import sys
import glue_compat
from pyspark.sql import SparkSession

args = glue_compat.resolved_options(sys.argv, ["JOB_NAME"])
spark = SparkSession.builder.getOrCreate()
job = glue_compat.Job(spark, bookmarks="/Volumes/main/g2l/g2l_bookmarks")
job.init(args["JOB_NAME"], args)

# Script generated for node Data Catalog table
DataCatalogtable_node1 = glue_compat.bookmarked(spark, "DataCatalogtable_node1").table("prod.risk.trades_raw")

# Script generated for node Amazon S3
# g2l: review G2L204: Glue also updated the table's schema on write (enableUpdateCatalog, UPDATE_IN_DATABASE): add .option("mergeSchema", True) if new columns must still be added
DataCatalogtable_node1.write.mode("append").partitionBy("day").saveAsTable("prod.risk.trades")
job.commit()
