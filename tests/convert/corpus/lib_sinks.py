"""Catalog-updating S3 sinks, as the curated zone wants them (parquet, snappy, partitions registered)."""
from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame


def publish(glue_context: GlueContext, frame: DynamicFrame, path: str, database: str, table: str,
            partition_keys: list) -> None:
    sink = glue_context.getSink(
        path=path,
        connection_type="s3",
        updateBehavior="UPDATE_IN_DATABASE",
        partitionKeys=partition_keys,
        enableUpdateCatalog=True,
        transformation_ctx=f"publish_{table}",
    )
    sink.setCatalogInfo(catalogDatabase=database, catalogTableName=table)
    sink.setFormat("glueparquet", compression="snappy")
    sink.writeFrame(frame)
