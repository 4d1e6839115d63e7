# g2l: converted from jobs/noop_own_evaluator.py
from risk_lib.quality import EvaluateDataQuality

# the team's own checker, not Glue's: it keeps its process_rows
LIMIT_RULES = 'Rules = [ IsComplete "limit_id" ]'
checked = EvaluateDataQuality().process_rows(frame=limits, ruleset=LIMIT_RULES)
