"""Transformations shared by the exposure jobs. Inputs and outputs are DynamicFrames."""
from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import ApplyMapping, DropNullFields, ResolveChoice
from pyspark.sql import functions as F

EXPOSURE_MAPPING = [
    ("exposure_id", "string", "exposure_id", "string"),
    ("counterparty_id", "string", "counterparty_id", "string"),
    ("exposure_class", "string", "exposure_class", "string"),
    ("ead", "double", "ead", "double"),
    ("ccf", "double", "ccf", "double"),
    ("maturity_years", "double", "maturity_years", "double"),
]


def standardise_exposures(frame: DynamicFrame) -> DynamicFrame:
    """The exposure columns every downstream job expects, with types fixed."""
    resolved = ResolveChoice.apply(frame=frame, specs=[("ead", "cast:double"), ("ccf", "cast:double")])
    mapped = ApplyMapping.apply(frame=resolved, mappings=EXPOSURE_MAPPING)
    return DropNullFields.apply(frame=mapped)


def add_maturity_bucket(frame: DynamicFrame, glue_context) -> DynamicFrame:
    df = frame.toDF()
    df = df.withColumn(
        "maturity_bucket",
        F.when(F.col("maturity_years") <= 1, "<=1Y").when(F.col("maturity_years") <= 5, "1-5Y").otherwise(">5Y"),
    )
    return DynamicFrame.fromDF(df, glue_context, "with_maturity_bucket")


def counterparty_totals(frame: DynamicFrame):
    """Plain DataFrame out: the caller aggregates further."""
    return frame.toDF().groupBy("counterparty_id").agg(F.sum("ead").alias("total_ead"))
