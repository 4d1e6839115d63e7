import sys

from awsglue.utils import GlueArgumentError, getResolvedOptions

try:
    args = getResolvedOptions(sys.argv, ["JOB_NAME", "as_of_date"])
except GlueArgumentError:
    # a manual run without --as_of_date takes the latest business day
    args = getResolvedOptions(sys.argv, ["JOB_NAME"])
