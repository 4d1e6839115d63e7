# case-config: {"catalog": "main", "databases": {"risk": "prod.risk"}}
import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "as_of"])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# trades since the start of the year (partition pruning)
trades = glueContext.create_dynamic_frame.from_catalog(
    database="risk",
    table_name="trades",
    push_down_predicate="day >= '2024-01-01'",
    transformation_ctx="trades",
)
counterparties = glueContext.create_dynamic_frame.from_catalog(database="reference", table_name="counterparties")

job.commit()
