import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
spark = glueContext.spark_session
# one run a business day
job = Job(glueContext)  # bookmarks off
job.init(args["JOB_NAME"], args)  # start the run

ratings = spark.read.table("risk.ratings")
ratings.write.mode("overwrite").saveAsTable("risk.ratings_snapshot")

# close the run (the scheduler watches for it)
job.commit()  # end of the nightly ratings snapshot
