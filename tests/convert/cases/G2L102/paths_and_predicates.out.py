# g2l: converted from jobs/paths_and_predicates.py
# case-config: {"catalog": "main", "paths": {"s3://risk-raw/": "/Volumes/prod/risk/raw/", "s3://risk-raw/restricted/": "s3://risk-restricted/", "s3://risk-ref": "/Volumes/prod/ref/files"}}
import sys
from pyspark.sql import SparkSession
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["day", "input"])
spark = SparkSession.builder.getOrCreate()

# the longest matching prefix wins; s3a:// is the same bucket
several = (
    spark.read.format("parquet")
    .load([
        "/Volumes/prod/risk/raw/trades/",
        "s3://risk-restricted/pnl/",
        "/Volumes/prod/ref/files/desks",
        "s3://elsewhere/x/",
    ])
)
# a partitioned folder: the predicate filters partition columns
pruned = (
    spark.read.format("parquet")
    .load([f"/Volumes/prod/risk/raw/trades/day={args['day']}/"])
    .where("desk = 'rates'")
)
# g2l: review G2L102: a path is computed at run time: as converted, [convert] paths does not map it (an S3 path stays one): map its S3 prefix as [convert] paths would
computed = spark.read.format("json").load([args["input"]])
