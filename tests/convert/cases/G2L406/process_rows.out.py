# g2l: converted from jobs/process_rows.py
from awsgluedq.transforms import EvaluateDataQuality

# Default ruleset used by all target nodes with data quality enabled
DEFAULT_DATA_QUALITY_RULESET = """
    Rules = [
        ColumnCount > 0
    ]
"""

# Script generated for node Exposure report
# g2l: review G2L406: Glue Data Quality (DQDL) does not run on Databricks: express this ruleset as Lakeflow (DLT) expectations or DQX checks
EvaluateDataQuality().process_rows(frame=ChangeSchema_node1700000000003, ruleset=DEFAULT_DATA_QUALITY_RULESET, publishing_options={"dataQualityEvaluationContext": "EvaluateDataQuality_node1700000000000", "enableDataQualityResultsPublishing": True}, additional_options={"dataQualityResultsPublishing.strategy": "BEST_EFFORT", "observations.scope": "ALL"})
