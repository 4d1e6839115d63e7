# g2l: converted from jobs/bookmarks.py
from pyspark.sql import SparkSession
import glue_compat

spark = SparkSession.builder.getOrCreate()
job = glue_compat.Job(spark, bookmarks="/Volumes/main/g2l/g2l_bookmarks")
job.init("risk", {})
# g2l: review G2L004: a job bookmark named by this transformation_ctx: if this function reads a Glue source, that read now reads all its input on every run (an append target gets the earlier rows again): read through glue_compat.bookmarked(spark, <transformation_ctx>) as the converted reads do
trades = load(spark, "trades", transformation_ctx="trades")
job.commit()
