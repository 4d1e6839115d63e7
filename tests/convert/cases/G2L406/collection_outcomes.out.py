# g2l: converted from jobs/collection_outcomes.py
import sys
from pyspark.sql import SparkSession
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["JOB_NAME"])
spark = SparkSession.builder.getOrCreate()

# Checks every exposure batch must pass before the capital run reads it
EXPOSURE_RULES = """
    Rules = [
        RowCount > 0,
        IsComplete "exposure_id",
        IsUnique "exposure_id",
        ColumnValues "asset_class" in ["CORPORATE", "RETAIL", "SOVEREIGN"],
        ColumnValues "pd" between 0 and 1,
        Mean "lgd" <= 0.6,
        Completeness "collateral_id" >= 0.99 where "asset_class = 'RETAIL'"
    ]
"""

exposures = spark.read.table("main.risk.exposures")

# g2l: review G2L406: Glue Data Quality results are no longer published (publishing_options and additional_options: the Data Quality tab, CloudWatch metrics, results in S3): as converted, only the ruleOutcomes DataFrame holds them: write it to a table, or fail the job on a Failed Outcome, where the team relied on them
checked = glue_compat.evaluate_data_quality(exposures, EXPOSURE_RULES)
rule_outcomes = checked["ruleOutcomes"]
row_outcomes = checked["rowLevelOutcomes"]

failed_rules = rule_outcomes.filter("Outcome = 'Failed'")
if failed_rules.count() > 0:
    raise RuntimeError("exposure batch failed its data quality rules")

clean = row_outcomes.filter("DataQualityEvaluationResult = 'Passed'")
clean.write.mode("append").saveAsTable("risk.exposures_checked")
