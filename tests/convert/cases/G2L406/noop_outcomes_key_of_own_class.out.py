# g2l: converted from jobs/noop_outcomes_key_of_own_class.py
from risk_lib.quality import EvaluateDataQuality

# a constant of the team's own class with the same name as Glue's: not Glue's key
failed = checks[EvaluateDataQuality.DATA_QUALITY_RULE_OUTCOMES_KEY].where("Outcome = 'Failed'")
