# g2l: converted from jobs/ruleset_not_literal.py
import sys
from awsgluedq.transforms import EvaluateDataQuality
from pyspark.sql import SparkSession
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["RULESET_KEY"])
spark = SparkSession.builder.getOrCreate()

limits = spark.read.table("main.risk.credit_limits")
ruleset = spark.read.text(f"s3://bank-risk-config/dq/{args['RULESET_KEY']}.dqdl").first()[0]

# g2l: review G2L406: Glue Data Quality (DQDL) with a ruleset that is not one string literal written in this file: express it as Lakeflow (DLT) expectations or DQX checks: as written, it fails on Databricks (no Glue Data Quality library there) and the job stops
checked = EvaluateDataQuality().process_rows(frame=limits, ruleset=ruleset)
