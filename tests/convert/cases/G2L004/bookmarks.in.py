from awsglue.context import GlueContext
from awsglue.job import Job
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init("risk", {})
trades = load(glueContext, "trades", transformation_ctx="trades")
job.commit()
