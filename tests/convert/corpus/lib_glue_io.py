"""Shared readers and writers for the risk jobs: every job goes through these, never through the catalog directly."""
from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame

RAW_BUCKET = "s3://bank-risk-raw"
CURATED_BUCKET = "s3://bank-risk-curated"


def read_table(glue_context: GlueContext, database: str, table: str, predicate: str = "") -> DynamicFrame:
    """A catalog table as a DynamicFrame, optionally pruned by partition predicate."""
    if predicate:
        return glue_context.create_dynamic_frame.from_catalog(
            database=database, table_name=table, push_down_predicate=predicate
        )
    return glue_context.create_dynamic_frame.from_catalog(database=database, table_name=table)


def read_raw_parquet(glue_context: GlueContext, dataset: str) -> DynamicFrame:
    return glue_context.create_dynamic_frame.from_options(
        connection_type="s3",
        connection_options={"paths": [f"{RAW_BUCKET}/{dataset}/"], "recurse": True},
        format="parquet",
    )


def write_curated(glue_context: GlueContext, frame: DynamicFrame, dataset: str, partition_keys=None) -> None:
    glue_context.write_dynamic_frame.from_options(
        frame=frame,
        connection_type="s3",
        connection_options={"path": f"{CURATED_BUCKET}/{dataset}/", "partitionKeys": partition_keys or []},
        format="parquet",
    )


def write_table(glue_context: GlueContext, frame: DynamicFrame, database: str, table: str) -> None:
    glue_context.write_dynamic_frame.from_catalog(frame=frame, database=database, table_name=table)
