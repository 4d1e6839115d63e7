import sys

from awsglue.utils import getResolvedOptions


def run_arguments():
    names = ["AS_OF"]
    # on Glue the service adds --JOB_NAME; a notebook session does not
    if "--JOB_NAME" in sys.argv:
        names.append("JOB_NAME")
    return getResolvedOptions(sys.argv, names)
