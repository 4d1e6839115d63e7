# g2l: converted from jobs/frame_types.py
from typing import Optional
from awsglue.dynamicframe import DynamicFrame
from pyspark.sql import DataFrame


def clean(frame: DataFrame, fallback: Optional[DataFrame] = None) -> DataFrame:
    if isinstance(frame, DataFrame) or fallback is None:
        return frame
    return fallback


def first(parts: dict[str, DataFrame], name: str) -> DataFrame:
    if not isinstance(parts, dict):
        raise TypeError(name)
    return parts[name]


def rebuilt(jdf, glue_ctx):
    # g2l: review G2L324: DynamicFrame(...) from a Java frame: as written, it fails on Databricks and the job stops: build the DataFrame instead
    return DynamicFrame(jdf, glue_ctx, "rebuilt")
