"""Collateral valuations: check each day's file with Glue Data Quality, quarantine the rows that fail."""
import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.transforms import SelectFromCollection
from awsglue.utils import getResolvedOptions
from awsgluedq.transforms import EvaluateDataQuality
from pyspark.context import SparkContext
from pyspark.sql import functions as F

args = getResolvedOptions(sys.argv, ["JOB_NAME", "business_date"])
glueContext = GlueContext(SparkContext.getOrCreate())
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# Owned by the collateral management team: change with their sign-off only
COLLATERAL_RULES = """
    Rules = [
        RowCount > 0,
        IsPrimaryKey "collateral_id",
        IsComplete "valuation_date",
        ColumnValues "collateral_type" in ["CASH", "BOND", "EQUITY", "REAL_ESTATE"],
        ColumnValues "haircut" between -0.01 and 1.01,
        ColumnValues "currency" matches "[A-Z]{3}",
        ColumnLength "isin" = 12,
        (Completeness "market_value" >= 0.99) and (Mean "market_value" > 0)
    ]
"""
# Portfolio-level sanity checks on the summary
SUMMARY_RULES = 'Rules = [ Sum "market_value" > 0, DistinctValuesCount "currency" <= 40, StandardDeviation "haircut" < 0.5 ]'


def checked_summary(frame: DynamicFrame) -> DynamicFrame:
    """The rule outcomes of the portfolio summary checks."""
    return EvaluateDataQuality.apply(
        frame=frame,
        ruleset=SUMMARY_RULES,
        publishing_options={"dataQualityEvaluationContext": "collateral_summary"},
    )


valuations = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": [f"s3://bank-risk-raw/collateral/{args['business_date']}/"]},
    format="parquet",
)

outcomes = EvaluateDataQuality().process_rows(
    frame=valuations,
    ruleset=COLLATERAL_RULES,
    publishing_options={
        "dataQualityEvaluationContext": "collateral_valuations",
        "enableDataQualityCloudWatchMetrics": True,  # the risk ops dashboard reads these
        "enableDataQualityResultsPublishing": True,
    },
    additional_options={"performanceTuning.caching": "CACHE_NOTHING"},
)

rule_outcomes = SelectFromCollection.apply(dfc=outcomes, key="ruleOutcomes").toDF()
row_outcomes = SelectFromCollection.apply(dfc=outcomes, key="rowLevelOutcomes").toDF()

# Rows that failed a rule go to quarantine with the rules they failed
quarantine = row_outcomes.filter(F.col("DataQualityEvaluationResult") == "Failed").withColumn(
    "business_date", F.lit(args["business_date"])
)
quarantine.write.mode("append").parquet("s3://bank-risk-raw/quarantine/collateral/")

clean = row_outcomes.filter(F.col("DataQualityEvaluationResult") == "Passed").drop(
    "DataQualityRulesPass", "DataQualityRulesFail", "DataQualityRulesSkip", "DataQualityEvaluationResult"
)
clean.write.mode("overwrite").saveAsTable("risk.collateral_valuations_clean")

rule_outcomes.withColumn("business_date", F.lit(args["business_date"])).write.mode("append").saveAsTable(
    "risk.dq_rule_outcomes"
)

summary = clean.groupBy("currency").agg(F.sum("market_value").alias("market_value"), F.avg("haircut").alias("haircut"))
summary_outcomes = checked_summary(DynamicFrame.fromDF(summary, glueContext, "summary")).toDF()
if summary_outcomes.filter(F.col("Outcome") == "Failed").count() > 0:
    summary_outcomes.show(truncate=False)
    raise RuntimeError("collateral summary failed its data quality checks")

job.commit()
