"""CreditRiskContext: the GlueContext the credit risk jobs share, with the team's helpers."""
import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext


class CreditRiskContext(GlueContext):
    """A GlueContext that knows the risk schemas."""

    SCHEMA = "risk"

    def __init__(self, sc=None, **options):
        super().__init__(sc or SparkContext.getOrCreate(), **options)

    def exposures(self, as_of):
        # exposures are partitioned by as_of date
        return self.spark_session.table(f"{self.SCHEMA}.exposures").where(f"as_of = '{as_of}'")

    def ratings(self):
        return self.sql(f"select counterparty_id, rating from {self.SCHEMA}.ratings where current = true")

    def clear_staging(self, prefix):
        self.purge_s3_path(f"s3://bank-risk-staging/{prefix}/", options={"retentionPeriod": 0})


def start_job(names=("JOB_NAME",)):
    """Context and Job for a run: the caller commits the job at the end."""
    args = getResolvedOptions(sys.argv, list(names))
    context = CreditRiskContext()
    job = Job(context)
    job.init(args["JOB_NAME"], args)
    return context, job, args
