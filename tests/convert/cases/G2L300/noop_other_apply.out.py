# g2l: converted from jobs/noop_other_apply.py
from mylib.transforms import ApplyMapping

mapped = ApplyMapping.apply(frame=trades, mappings=[("id", "string", "id", "long")])
