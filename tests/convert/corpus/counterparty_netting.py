import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.transforms import SplitFields, SelectFromCollection
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

derivatives = glueContext.create_dynamic_frame.from_catalog(
    database="risk", table_name="otc_derivatives", transformation_ctx="derivatives"
)

# keep the netting attributes apart from the valuation columns
parts = SplitFields.apply(
    frame=derivatives,
    paths=["netting_set_id", "counterparty_id", "csa_id", "trade_id"],
    name1="netting",
    name2="valuation",
    transformation_ctx="parts",
)
netting = SelectFromCollection.apply(dfc=parts, key="netting", transformation_ctx="netting")
valuation = SelectFromCollection.apply(dfc=parts, key="valuation", transformation_ctx="valuation")

netting_df = netting.toDF()
valuation_df = valuation.toDF()
netted = (
    netting_df.join(valuation_df, "trade_id")
    .groupBy("netting_set_id", "counterparty_id")
    .agg(F.sum("mtm").alias("net_mtm"), F.sum("potential_future_exposure").alias("pfe"))
    .withColumn("replacement_cost", F.greatest(F.col("net_mtm"), F.lit(0)))
)
netted.write.mode("overwrite").partitionBy("counterparty_id").parquet("s3://bank-risk-curated/netting_sets/")
job.commit()
