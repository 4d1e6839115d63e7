# g2l: converted from jobs/flow_globals.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()


def with_retail(extra):
    # retail is a DynamicFrame wherever the module sets it: converted
    return retail.unionByName(extra, allowMissingColumns=True)


def with_corporate(extra):
    # corporate is a DynamicFrame, then a DataFrame: review
    # g2l: review G2L311: corporate is a DynamicFrame on one path to here and not on another: union is left as written: where it was a DynamicFrame, this is the DataFrame's own union now, which matches columns by position, not by name as Glue did: convert it by hand there
    return corporate.union(extra)


retail = spark.read.table("main.risk.retail")
corporate = spark.read.table("main.risk.corporate")
