# g2l: converted from jobs/ruleset_does_not_parse.py
from awsgluedq.transforms import EvaluateDataQuality

# a rule without its expression: Glue rejects this ruleset when the job runs
BROKEN_RULES = 'Rules = [ Completeness "collateral_value" ]'

# g2l: review G2L406: Glue Data Quality (DQDL) ruleset does not parse (DQDL rule needs an expression (> 0, between 1 and 9, in [...]): 'Completeness "collateral_value"'), so Glue fails this job too: fix it, or express it as Lakeflow (DLT) expectations or DQX checks: as written, it fails on Databricks (no Glue Data Quality library there) and the job stops
EvaluateDataQuality().process_rows(frame=Collateral_node1700000000001, ruleset=BROKEN_RULES)
