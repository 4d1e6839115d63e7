import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "TempDir"])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

var_daily = spark.table("risk.var_daily")
limits = spark.table("risk.var_limits")
mart = var_daily.join(limits, "desk").selectExpr("desk", "as_of_date", "var_99", "limit_amount",
                                                 "var_99 / limit_amount as utilisation")

glueContext.write_dynamic_frame.from_jdbc_conf(
    frame=DynamicFrame.fromDF(mart, glueContext, "mart"),
    catalog_connection="redshift-risk-mart",
    connection_options={
        "dbtable": "mart.var_utilisation",
        "database": "riskmart",
        "preactions": "truncate table mart.var_utilisation;",
    },
    redshift_tmp_dir=args["TempDir"],
)
job.commit()
