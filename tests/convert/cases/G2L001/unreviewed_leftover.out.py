# g2l: converted from jobs/unreviewed_leftover.py
# g2l: review G2L001: awsglue.utils is still imported: code the rules did not convert uses it (with no review item): convert that code by hand, and the import goes
from awsglue.utils import makeOptions
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
# an internal awsglue helper no rule knows: its import stays, flagged
purge_options = makeOptions(spark.sparkContext, {"retentionPeriod": 168})
