# g2l: converted from jobs/widgets.py
# case-config: {"job_parameters": "widgets"}
import sys
import glue_compat

args = glue_compat.widget_options(dbutils, ["JOB_NAME", "as_of_date"])
