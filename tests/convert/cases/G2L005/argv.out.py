# g2l: converted from jobs/argv.py
import sys
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["JOB_NAME", "as_of_date"])
print(args["as_of_date"])
