from awsglue.transforms import *
from awsgluedq.transforms import EvaluateDataQuality

# Script generated for node Evaluate Data Quality
EvaluateDataQuality_node1700000000020_ruleset = """
    Rules = [
        IsComplete "limit_id",
        ColumnValues "utilisation" between -0.001 and 1.5
    ]
"""

EvaluateDataQuality_node1700000000020 = EvaluateDataQuality().process_rows(frame=CreditLimits_node1700000000019, ruleset=EvaluateDataQuality_node1700000000020_ruleset, publishing_options={"dataQualityEvaluationContext": "EvaluateDataQuality_node1700000000020", "enableDataQualityCloudWatchMetrics": True, "enableDataQualityResultsPublishing": True}, additional_options={"observations.scope":"ALL","performanceTuning.caching":"CACHE_NOTHING"})

assert EvaluateDataQuality_node1700000000020[EvaluateDataQuality.DATA_QUALITY_RULE_OUTCOMES_KEY].filter(lambda x: x["Outcome"] == "Failed").count() == 0, "The job failed due to failing DQ rules for node: CreditLimits_node1700000000019"

# Script generated for node originalData
originalData_node1700000000021 = SelectFromCollection.apply(dfc=EvaluateDataQuality_node1700000000020, key="originalData", transformation_ctx="originalData_node1700000000021")
