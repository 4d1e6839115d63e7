from awsglue.context import GlueContext
from awsgluedq.transforms import EvaluateDataQuality
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

positions = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="positions")

# CustomSql, DataFreshness and a dynamic rule: glue_compat does not evaluate them
FRESHNESS_RULES = """Rules = [
    RowCount > 0,
    DataFreshness "valued_at" <= 24 hours,
    CustomSql "select count(*) from primary where notional < 0" = 0
]"""
EvaluateDataQuality().process_rows(frame=positions, ruleset=FRESHNESS_RULES, publishing_options={"dataQualityEvaluationContext": "positions_dq"})

desk_check = EvaluateDataQuality.apply(
    frame=positions,
    ruleset='Rules = [ RowCount >= avg(last(5)) * 0.8 ]',
)
