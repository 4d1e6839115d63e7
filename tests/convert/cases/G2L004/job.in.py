import sys
from awsglue.context import GlueContext
from awsglue.job import Job
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init("risk", {})
total = glueContext.sql("select 1")
job.commit()
