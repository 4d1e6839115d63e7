from awsgluedq.transforms import EvaluateDataQuality

# a rule without its expression: Glue rejects this ruleset when the job runs
BROKEN_RULES = 'Rules = [ Completeness "collateral_value" ]'

EvaluateDataQuality().process_rows(frame=Collateral_node1700000000001, ruleset=BROKEN_RULES)
