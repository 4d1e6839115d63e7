import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

# CRR Part Four: an exposure to a group of connected clients is large at 10% of Tier 1 capital.
LARGE_EXPOSURE_SHARE = 0.10

args = getResolvedOptions(sys.argv, ["JOB_NAME", "tier1_capital"])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

tier1 = float(args["tier1_capital"])

exposures_dyf = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="exposures_net")
groups_dyf = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="connected_clients")

exposures_dyf.toDF().createOrReplaceTempView("exposures")
groups_dyf.toDF().createOrReplaceTempView("groups")

large = spark.sql(f"""
    select g.group_id, sum(e.exposure_after_crm) as exposure, sum(e.exposure_after_crm) / {tier1} as share_of_tier1
    from exposures e join groups g on e.counterparty_id = g.counterparty_id
    group by g.group_id
    having sum(e.exposure_after_crm) >= {LARGE_EXPOSURE_SHARE * tier1}
""")

large_dyf = DynamicFrame.fromDF(large, glueContext, "large_exposures")
large_dyf.printSchema()
print("large exposures:", large_dyf.count())

glueContext.write_dynamic_frame.from_options(
    frame=large_dyf,
    connection_type="s3",
    connection_options={"path": "s3://bank-risk-reports/large_exposures/"},
    format="json",
)
job.commit()
