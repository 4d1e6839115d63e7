from awsglue.transforms import *

EvaluateDataQuality_node1700000000010 = EvaluateDataQuality.apply(
    frame=Collateral_node1700000000001,
    ruleset="""Rules = [ IsComplete "collateral_id", ColumnValues "haircut" between 0 and 1 ]""",
    publishing_options={"dataQualityEvaluationContext": "EvaluateDataQuality_node1700000000010"},
)
