from typing import Optional

from awsglue.context import GlueContext
from awsglue.job import Job
from pyspark.context import SparkContext


class ManagedRiskRun:
    """with ManagedRiskRun() as glue_context: ... commits the job on the way out."""

    glue_context: GlueContext
    job: Job

    def __init__(self, options=None):
        self.options = options or {}
        self.previous: Optional[GlueContext] = None

    def __enter__(self) -> GlueContext:
        self.glue_context = GlueContext(SparkContext.getOrCreate())
        self.job = Job(self.glue_context)
        self.job.init(self.options.get("JOB_NAME", "risk-run"), self.options)
        return self.glue_context

    def __exit__(self, *exc):
        self.job.commit()
        return False
