import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from awsgluedq.transforms import EvaluateDataQuality
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

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

exposures = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="exposures")

checked = EvaluateDataQuality().process_rows(
    frame=exposures,
    ruleset=EXPOSURE_RULES,
    publishing_options={
        "dataQualityEvaluationContext": "exposures_dq",
        "enableDataQualityCloudWatchMetrics": True,
    },
    additional_options={"performanceTuning.caching": "CACHE_NOTHING"},
)
rule_outcomes = SelectFromCollection.apply(dfc=checked, key="ruleOutcomes", transformation_ctx="rule_outcomes")
row_outcomes = SelectFromCollection.apply(dfc=checked, key="rowLevelOutcomes", transformation_ctx="row_outcomes")

failed_rules = rule_outcomes.toDF().filter("Outcome = 'Failed'")
if failed_rules.count() > 0:
    raise RuntimeError("exposure batch failed its data quality rules")

clean = row_outcomes.toDF().filter("DataQualityEvaluationResult = 'Passed'")
clean.write.mode("append").saveAsTable("risk.exposures_checked")
job.commit()
