# g2l: converted from jobs/studio_csv.py
import sys
from pyspark.sql import SparkSession
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["JOB_NAME"])
spark = SparkSession.builder.getOrCreate()
job = glue_compat.Job(spark, bookmarks="/Volumes/main/g2l/g2l_bookmarks")
job.init(args["JOB_NAME"], args)

# Script generated for node Amazon S3
AmazonS3_node1700000000000 = (
    glue_compat.bookmarked(spark, "AmazonS3_node1700000000000").format("csv")
    .option("quote", '"')
    .option("header", True)
    .option("sep", ",")
    .option("escape", '"')
    .option("inferSchema", True)
    .option("recursiveFileLookup", True)
    .load(["s3://risk-landing/positions/"])
    .transform(glue_compat.csv_types)
)

job.commit()
