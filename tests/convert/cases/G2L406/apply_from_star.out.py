# g2l: converted from jobs/apply_from_star.py
import glue_compat

# g2l: review G2L406: Glue Data Quality results are no longer published (publishing_options and additional_options: the Data Quality tab, CloudWatch metrics, results in S3): as converted, only the ruleOutcomes DataFrame holds them: write it to a table, or fail the job on a Failed Outcome, where the team relied on them
EvaluateDataQuality_node1700000000010 = glue_compat.evaluate_data_quality(Collateral_node1700000000001, """Rules = [ IsComplete "collateral_id", ColumnValues "haircut" between 0 and 1 ]""")["ruleOutcomes"]
