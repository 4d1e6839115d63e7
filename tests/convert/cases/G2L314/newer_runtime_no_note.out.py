# g2l: converted from jobs/newer_runtime_no_note.py
# case-config: {"runtime": "15.3"}
import glue_compat
events = glueContext.read.table("main.risk.limit_events")
# g2l: review G2L314: glue_compat.unbox reads the JSON schema from all the values on every run, as Glue does (the same data): pass schema= to fix it
parsed = glue_compat.unbox(events, "payload", "json")
