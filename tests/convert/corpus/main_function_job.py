"""Counterparty credit risk: expected exposure profile per netting set, structured as functions."""
import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.transforms import ApplyMapping, Filter
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F


def load_paths(glue_context: GlueContext, run_id: str) -> DynamicFrame:
    return glue_context.create_dynamic_frame.from_catalog(
        database="risk",
        table_name="mc_exposure_paths",
        push_down_predicate=f"run_id = '{run_id}'",
    )


def expected_exposure(paths: DynamicFrame, glue_context: GlueContext) -> DynamicFrame:
    positive = Filter.apply(frame=paths, f=lambda row: row["exposure"] > 0)
    profile = positive.toDF().groupBy("netting_set_id", "time_bucket").agg(
        F.avg("exposure").alias("ee"), F.expr("percentile_approx(exposure, 0.95)").alias("pfe_95")
    )
    return DynamicFrame.fromDF(profile, glue_context, "profile")


def main() -> None:
    args = getResolvedOptions(sys.argv, ["JOB_NAME", "run_id"])
    glue_context = GlueContext(SparkContext.getOrCreate())
    job = Job(glue_context)
    job.init(args["JOB_NAME"], args)

    profile = expected_exposure(load_paths(glue_context, args["run_id"]), glue_context)
    profile = ApplyMapping.apply(
        frame=profile,
        mappings=[
            ("netting_set_id", "string", "netting_set_id", "string"),
            ("time_bucket", "int", "time_bucket", "int"),
            ("ee", "double", "expected_exposure", "double"),
            ("pfe_95", "double", "pfe_95", "double"),
        ],
    )
    glue_context.write_dynamic_frame.from_catalog(frame=profile, database="risk", table_name="ee_profiles")
    job.commit()


if __name__ == "__main__":
    main()
