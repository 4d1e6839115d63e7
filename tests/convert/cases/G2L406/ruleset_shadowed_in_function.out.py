# g2l: converted from jobs/ruleset_shadowed_in_function.py
from awsgluedq.transforms import EvaluateDataQuality
import glue_compat

# the desk-level default; each desk passes its own ruleset to check_desk
desk_rules = 'Rules = [ RowCount > 0, IsComplete "desk_id" ]'


def check_desk(frame, desk_rules):
    # g2l: review G2L406: Glue Data Quality (DQDL) with a ruleset that is not one string literal written in this file: express it as Lakeflow (DLT) expectations or DQX checks: as written, it fails on Databricks (no Glue Data Quality library there) and the job stops
    return EvaluateDataQuality.apply(frame=frame, ruleset=desk_rules)


def check_all(frame):
    return glue_compat.evaluate_data_quality(frame, desk_rules)["ruleOutcomes"]
