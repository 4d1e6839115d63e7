# g2l: converted from jobs/argument_error.py
import sys

import glue_compat

try:
    args = glue_compat.resolved_options(sys.argv, ["JOB_NAME", "as_of_date"])
except glue_compat.GlueArgumentError:
    # a manual run without --as_of_date takes the latest business day
    args = glue_compat.resolved_options(sys.argv, ["JOB_NAME"])
