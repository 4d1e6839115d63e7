import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from pyspark.context import SparkContext


# the job's own step (as Glue Studio writes its helpers): a transformation_ctx here bookmarks nothing
def net_exposure(frame, transformation_ctx):
    return frame


glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init("exposures", {})
exposures = net_exposure(glueContext.sql("select 1 as trade_id"), transformation_ctx="net")
job.commit()
