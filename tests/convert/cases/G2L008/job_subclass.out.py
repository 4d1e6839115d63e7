# g2l: converted from jobs/job_subclass.py
import sys
from pyspark.sql import SparkSession
import glue_compat


# g2l: review G2L008: NettingReportJob subclassed Glue's Job: its base is glue_compat.Job now, whose init() and commit() do nothing (a Databricks run needs no Job, and has no job bookmarks to commit): as converted, the data is the same
class NettingReportJob(glue_compat.Job):
    """One run of the netting report: init() at the start, commit() at the end."""

    def __init__(self, glue_context):
        super().__init__(glue_context)
        self.args = glue_compat.resolved_options(sys.argv, ["JOB_NAME", "AS_OF"])
        self.spark = glue_context

    def run(self):
        self.init(self.args["JOB_NAME"], self.args)
        self.spark.table("risk.netting_sets").where(f"as_of = '{self.args['AS_OF']}'").show()
        self.commit()


if __name__ == "__main__":
    NettingReportJob(SparkSession.builder.getOrCreate()).run()
