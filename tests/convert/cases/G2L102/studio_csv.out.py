# g2l: converted from jobs/studio_csv.py
import sys
import glue_compat
from pyspark.sql import SparkSession

args = glue_compat.resolved_options(sys.argv, ["JOB_NAME"])
spark = SparkSession.builder.getOrCreate()

# Script generated for node Amazon S3
# g2l: review G2L004: this job used Glue job bookmarks (transformation_ctx): read incrementally with Auto Loader (cloudFiles) or a watermark table
AmazonS3_node1700000000000 = (
    spark.read.format("csv")
    .option("quote", '"')
    .option("header", True)
    .option("sep", ",")
    .option("escape", '"')
    .option("inferSchema", True)
    .option("recursiveFileLookup", True)
    .load(["s3://risk-landing/positions/"])
    .transform(glue_compat.csv_types)
)
