# g2l: converted from jobs/job_name_test.py
import sys
import glue_compat


def run_arguments():
    names = ["AS_OF"]
    # on Glue the service adds --JOB_NAME; a notebook session does not
    # g2l: review G2L005: Glue passed --JOB_NAME to every job run; a Databricks run passes it only when the job's parameters list it: as converted, this test is false on a run whose parameters do not: add --JOB_NAME to the task's parameters, or test "DATABRICKS_RUNTIME_VERSION" in os.environ
    if "--JOB_NAME" in sys.argv:
        names.append("JOB_NAME")
    return glue_compat.resolved_options(sys.argv, names)
