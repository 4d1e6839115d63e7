import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext


class NettingReportJob(Job):
    """One run of the netting report: init() at the start, commit() at the end."""

    def __init__(self, glue_context):
        super().__init__(glue_context)
        self.args = getResolvedOptions(sys.argv, ["JOB_NAME", "AS_OF"])
        self.spark = glue_context.spark_session

    def run(self):
        self.init(self.args["JOB_NAME"], self.args)
        self.spark.table("risk.netting_sets").where(f"as_of = '{self.args['AS_OF']}'").show()
        self.commit()


if __name__ == "__main__":
    NettingReportJob(GlueContext(SparkContext.getOrCreate())).run()
