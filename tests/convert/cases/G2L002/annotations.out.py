# g2l: converted from jobs/annotations.py
from typing import Optional
from pyspark.sql import SparkSession
import glue_compat


class ManagedRiskRun:
    """with ManagedRiskRun() as glue_context: ... commits the job on the way out."""

    glue_context: SparkSession
    job: glue_compat.Job

    def __init__(self, options=None):
        self.options = options or {}
        self.previous: Optional[SparkSession] = None

    def __enter__(self) -> SparkSession:
        self.glue_context = SparkSession.builder.getOrCreate()
        # g2l: review G2L004: this Glue Job object is handed on (stored, returned or given to a function): it is glue_compat's stand-in now, whose init() and commit() do nothing (a Databricks run needs no Job): the data is the same: remove it, and its init()/commit() calls, by hand
        self.job = glue_compat.Job(self.glue_context)
        self.job.init(self.options.get("JOB_NAME", "risk-run"), self.options)
        return self.glue_context

    def __exit__(self, *exc):
        self.job.commit()
        return False
