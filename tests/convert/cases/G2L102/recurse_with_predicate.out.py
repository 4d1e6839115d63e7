# g2l: converted from jobs/recurse_with_predicate.py
# case-config: {"paths": {"s3://risk-raw/": "/Volumes/prod/risk/raw/"}}
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# key=value folders under the path (region=EU/day=2024-03-28/...): the predicate filters on region
# g2l: review G2L102: recurse with push_down_predicate: Glue read only the key=value folders the predicate selects; this read keeps Spark's partition discovery (recursiveFileLookup would drop the columns the predicate filters on): as converted, it reads key=value folders at any depth, a file in a folder that is not key=value makes it fail, and the frame has the partition columns (types inferred) that Glue's from_options frame did not have: a write of all columns writes them too unless you drop them
eu = spark.read.format("json").load(["/Volumes/prod/risk/raw/trades/"]).where("region = 'EU'")
# no predicate: recurse stays recursiveFileLookup
every = (
    spark.read.format("json")
    .option("recursiveFileLookup", True)
    .load(["/Volumes/prod/risk/raw/trades/"])
)
