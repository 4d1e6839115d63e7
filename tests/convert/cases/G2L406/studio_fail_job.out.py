# g2l: converted from jobs/studio_fail_job.py
from pyspark.sql import functions as F
import glue_compat

# Script generated for node Evaluate Data Quality
EvaluateDataQuality_node1700000000020_ruleset = """
    Rules = [
        IsComplete "limit_id",
        ColumnValues "utilisation" between -0.001 and 1.5
    ]
"""

# g2l: review G2L406: Glue Data Quality results are no longer published (publishing_options and additional_options: the Data Quality tab, CloudWatch metrics, results in S3): as converted, only the ruleOutcomes DataFrame holds them: write it to a table, or fail the job on a Failed Outcome, where the team relied on them
EvaluateDataQuality_node1700000000020 = glue_compat.evaluate_data_quality(CreditLimits_node1700000000019, EvaluateDataQuality_node1700000000020_ruleset)

assert EvaluateDataQuality_node1700000000020["ruleOutcomes"].filter(F.col("Outcome") == "Failed").count() == 0, "The job failed due to failing DQ rules for node: CreditLimits_node1700000000019"

# Script generated for node originalData
originalData_node1700000000021 = EvaluateDataQuality_node1700000000020["originalData"]
