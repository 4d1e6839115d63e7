# An older job, written before the team used DynamicFrames: GlueContext only as a SQLContext.
import sys

from awsglue.context import GlueContext
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["source_path", "target_path"])

sc = SparkContext.getOrCreate()
glueContext = GlueContext(sc)
logger = glueContext.get_logger()

positions = glueContext.read.parquet(args["source_path"])
positions.createOrReplaceTempView("positions")
glueContext.udf.register("bp", lambda x: x * 10000.0)

concentration = glueContext.sql("""
    select issuer_id, sum(market_value) as exposure, bp(sum(market_value) / max(total)) as share_bp
    from positions cross join (select sum(market_value) as total from positions)
    group by issuer_id
""")
if concentration.count() == 0:
    logger.warn("no positions")
logger.info("writing concentration report")
concentration.write.mode("overwrite").parquet(args["target_path"])
