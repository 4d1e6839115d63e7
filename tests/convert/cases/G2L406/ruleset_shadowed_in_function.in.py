from awsgluedq.transforms import EvaluateDataQuality

# the desk-level default; each desk passes its own ruleset to check_desk
desk_rules = 'Rules = [ RowCount > 0, IsComplete "desk_id" ]'


def check_desk(frame, desk_rules):
    return EvaluateDataQuality.apply(frame=frame, ruleset=desk_rules)


def check_all(frame):
    return EvaluateDataQuality.apply(frame=frame, ruleset=desk_rules)
