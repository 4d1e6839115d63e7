# g2l: converted from jobs/unsupported_rule_type.py
from awsgluedq.transforms import EvaluateDataQuality
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

positions = spark.read.table("main.risk.positions")

# CustomSql, DataFreshness and a dynamic rule: glue_compat does not evaluate them
FRESHNESS_RULES = """Rules = [
    RowCount > 0,
    DataFreshness "valued_at" <= 24 hours,
    CustomSql "select count(*) from primary where notional < 0" = 0
]"""
# g2l: review G2L406: Glue Data Quality (DQDL) ruleset uses rule type DataFreshness and rule type CustomSql, which glue_compat.evaluate_data_quality does not evaluate: express it as Lakeflow (DLT) expectations or DQX checks: as written, it fails on Databricks (no Glue Data Quality library there) and the job stops
EvaluateDataQuality().process_rows(frame=positions, ruleset=FRESHNESS_RULES, publishing_options={"dataQualityEvaluationContext": "positions_dq"})

# g2l: review G2L406: Glue Data Quality (DQDL) ruleset uses the dynamic expression 'avg(last(5)) * 0.8', which glue_compat.evaluate_data_quality does not evaluate: express it as Lakeflow (DLT) expectations or DQX checks: as written, it fails on Databricks (no Glue Data Quality library there) and the job stops
desk_check = EvaluateDataQuality.apply(
    frame=positions,
    ruleset='Rules = [ RowCount >= avg(last(5)) * 0.8 ]',
)
