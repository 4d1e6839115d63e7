"""Medallion jobs of the risk lake: one base class reads bronze and writes silver; each job fills in transform()."""

import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.transforms import ApplyMapping, DropNullFields
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F


class MedallionJob:
    """Bronze in, silver out; subclasses name their tables and write transform()."""

    source_table = ""
    target_path = ""

    def __init__(self, argv):
        self.args = getResolvedOptions(argv, ["JOB_NAME", "business_date"])
        self.sc = SparkContext.getOrCreate()
        self.glue_context = GlueContext(self.sc)
        self.spark = self.glue_context.spark_session
        self.job = Job(self.glue_context)
        self.job.init(self.args["JOB_NAME"], self.args)

    def read_bronze(self):
        # bronze tables are registered by the landing crawler
        return self.glue_context.create_dynamic_frame.from_catalog(
            database="risk", table_name=self.source_table, transformation_ctx="bronze_" + self.source_table
        )

    def transform(self, frame):
        raise NotImplementedError

    def write_silver(self, frame):
        self.glue_context.write_dynamic_frame.from_options(
            frame=frame,
            connection_type="s3",
            connection_options={"path": self.target_path, "partitionKeys": ["business_date"]},
            format="parquet",
        )

    def run(self):
        silver = self.transform(self.read_bronze())
        self.write_silver(silver)
        self.job.commit()


class SilverExposures(MedallionJob):
    source_table = "exposures_bronze"
    target_path = "s3://bank-risk-raw/silver/exposures/"

    def transform(self, frame):
        mapped = ApplyMapping.apply(
            frame=frame,
            mappings=[
                ("trade_id", "string", "trade_id", "string"),
                ("notional", "string", "notional", "double"),
                ("business_date", "string", "business_date", "date"),
            ],
        )
        cleaned = DropNullFields.apply(frame=mapped)
        df = cleaned.toDF().withColumn("loaded_at", F.current_timestamp())
        return DynamicFrame.fromDF(df, self.glue_context, "silver_exposures")


if __name__ == "__main__":
    SilverExposures(sys.argv).run()
