# g2l: converted from jobs/process_rows.py
import glue_compat

# Default ruleset used by all target nodes with data quality enabled
DEFAULT_DATA_QUALITY_RULESET = """
    Rules = [
        ColumnCount > 0
    ]
"""

# Script generated for node Exposure report
# g2l: review G2L406: Glue Data Quality results are no longer published (publishing_options and additional_options: the Data Quality tab, CloudWatch metrics, results in S3): as converted, only the ruleOutcomes DataFrame holds them: write it to a table, or fail the job on a Failed Outcome, where the team relied on them
glue_compat.evaluate_data_quality(ChangeSchema_node1700000000003, DEFAULT_DATA_QUALITY_RULESET)
