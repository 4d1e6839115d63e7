import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.transforms import DropFields, RenameField, ApplyMapping
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F

args = getResolvedOptions(sys.argv, ["JOB_NAME", "as_of_date"])
glueContext = GlueContext(SparkContext.getOrCreate())
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

hqla = glueContext.create_dynamic_frame.from_catalog(database="treasury", table_name="hqla_holdings")
outflows = glueContext.create_dynamic_frame.from_catalog(database="treasury", table_name="cash_outflows_30d")

hqla = DropFields.apply(frame=hqla, paths=["trader_comment", "booking_system_ref"])
hqla = RenameField.apply(frame=hqla, old_name="mkt_val", new_name="market_value")
hqla = ApplyMapping.apply(
    frame=hqla,
    mappings=[
        ("isin", "string", "isin", "string"),
        ("hqla_level", "string", "level", "string"),
        ("market_value", "double", "market_value", "decimal(18,2)"),
        ("haircut", "double", "haircut", "double"),
    ],
)

stock = hqla.toDF().withColumn("eligible_value", F.col("market_value") * (1 - F.col("haircut")))
level_caps = stock.groupBy("level").agg(F.sum("eligible_value").alias("value"))
total_hqla = level_caps.agg(F.sum("value")).first()[0] or 0.0

net_outflows = outflows.toDF().agg(F.sum(F.col("outflow") - F.col("inflow"))).first()[0] or 0.0
lcr = total_hqla / net_outflows if net_outflows else None

summary = spark.createDataFrame(
    [(args["as_of_date"], float(total_hqla), float(net_outflows), lcr)],
    "as_of_date string, hqla double, net_outflows double, lcr double",
)
summary.write.mode("append").saveAsTable("treasury.lcr_daily")
job.commit()
