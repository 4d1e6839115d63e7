# g2l: converted from jobs/collections.py
from awsglue.dynamicframe import DynamicFrameCollection
from pyspark.sql import DataFrame
from pyspark.sql import SparkSession


def regions(glueContext: SparkSession, eu: DataFrame, us: DataFrame):
    parts = {"eu": eu, "us": us}
    eu_again = parts["eu"]
    us_again = parts["us"]
    # g2l: review G2L320: DynamicFrameCollection from a list keys the frames by their Glue names: as written, it fails on Databricks and the job stops: write the dict of DataFrames by hand
    listed = DynamicFrameCollection([eu, us], glueContext)
    # g2l: review G2L320: map over a DynamicFrameCollection (a dict of DataFrames now): as written, it fails on Databricks and the job stops: rewrite it as a dict comprehension
    mapped = parts.map(lambda frame, ctx: frame)
    return eu_again, us_again, listed, mapped, len(parts), list(parts.keys())
