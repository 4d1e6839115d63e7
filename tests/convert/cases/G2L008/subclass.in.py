from awsglue.context import GlueContext
from pyspark.context import SparkContext


class CreditRiskContext(GlueContext):
    """GlueContext plus the credit risk team's table helpers."""

    def __init__(self, sc=None, **options):
        super().__init__(sc or SparkContext.getOrCreate(), **options)

    # plain Spark: keeps working on the session
    def limits(self, desk):
        return self.spark_session.table("risk.limits").where(f"desk = '{desk}'")

    def exposures(self):
        return self.sql("select * from risk.exposures")

    def purge_staging(self, path):
        self.purge_s3_path(path, options={"retentionPeriod": 0})
