# g2l: converted from jobs/apply_from_star.py
from awsgluedq.transforms import EvaluateDataQuality

# g2l: review G2L406: Glue Data Quality (DQDL) does not run on Databricks: express this ruleset as Lakeflow (DLT) expectations or DQX checks
EvaluateDataQuality_node1700000000010 = EvaluateDataQuality.apply(
    frame=Collateral_node1700000000001,
    ruleset="""Rules = [ IsComplete "collateral_id", ColumnValues "haircut" between 0 and 1 ]""",
    publishing_options={"dataQualityEvaluationContext": "EvaluateDataQuality_node1700000000010"},
)
