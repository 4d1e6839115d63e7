"""Daily exposure snapshot: trades joined to counterparties, written partitioned by as-of date."""
import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F

args = getResolvedOptions(sys.argv, ["JOB_NAME", "as_of_date", "target_path"])

sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
logger = glueContext.get_logger()
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

as_of_date = args["as_of_date"]
logger.info(f"exposure snapshot for {as_of_date}")

trades = glueContext.create_dynamic_frame.from_catalog(
    database="risk",
    table_name="trades",
    push_down_predicate=f"as_of_date = '{as_of_date}'",
    transformation_ctx="trades",
)
counterparties = glueContext.create_dynamic_frame.from_catalog(
    database="risk",
    table_name="counterparties",
    transformation_ctx="counterparties",
)

trades_mapped = ApplyMapping.apply(
    frame=trades,
    mappings=[
        ("trade_id", "string", "trade_id", "string"),
        ("counterparty_id", "string", "counterparty_id", "string"),
        ("notional", "double", "notional", "double"),
        ("mtm", "double", "mtm", "double"),
        ("add_on_factor", "double", "add_on_factor", "double"),
        ("as_of_date", "string", "as_of_date", "date"),
    ],
    transformation_ctx="trades_mapped",
)

joined = Join.apply(trades_mapped, counterparties, "counterparty_id", "counterparty_id")

exposures = joined.toDF()
exposures = exposures.withColumn(
    "ead", F.greatest(F.col("mtm"), F.lit(0.0)) + F.col("notional") * F.col("add_on_factor")
)
if exposures.rdd.isEmpty():
    logger.warn(f"no trades for {as_of_date}")

result = DynamicFrame.fromDF(exposures, glueContext, "result")

glueContext.write_dynamic_frame.from_options(
    frame=result,
    connection_type="s3",
    connection_options={"path": args["target_path"], "partitionKeys": ["as_of_date"]},
    format="parquet",
    transformation_ctx="write_exposures",
)

job.commit()
