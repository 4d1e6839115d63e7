import sys

from awsglue.context import GlueContext
from awsglue.utils import getResolvedOptions
from awsgluedq.transforms import EvaluateDataQuality
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["RULESET_KEY"])
glueContext = GlueContext(SparkContext.getOrCreate())
spark = glueContext.spark_session

limits = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="credit_limits")
ruleset = spark.read.text(f"s3://bank-risk-config/dq/{args['RULESET_KEY']}.dqdl").first()[0]

checked = EvaluateDataQuality().process_rows(frame=limits, ruleset=ruleset)
