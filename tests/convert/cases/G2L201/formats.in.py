from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

# Glue writes a CSV header unless told otherwise
glueContext.write_dynamic_frame.from_options(
    frame=report, connection_type="s3", connection_options={"path": "s3://risk-out/report/"}, format="csv")
glueContext.write_dynamic_frame.from_options(
    frame=report,
    connection_type="s3",
    connection_options={"path": "s3://risk-out/feed/"},
    format="csv",
    format_options={"writeHeader": False, "separator": "\t", "quoteChar": -1},
)
glueContext.write_dynamic_frame_from_options(
    report, "s3", {"path": "s3://risk-out/json/", "compression": "gzip"}, "json")
glueContext.write_from_options(frame_or_dfc=report, connection_type="s3",
                               connection_options={"path": "s3://risk-out/orc/"}, format="orc")
glueContext.write_dynamic_frame.from_options(
    frame=report, connection_type="s3", connection_options={"path": "s3://risk-out/avro/"}, format="avro")
glueContext.write_dynamic_frame.from_options(
    frame=report, connection_type="s3", connection_options={"path": "s3://risk-out/xml/"}, format="xml",
    format_options={"rowTag": "trade", "rootTag": "trades"})
glueContext.write_dynamic_frame.from_options(
    frame=report, connection_type="s3", connection_options={"path": "s3://risk-out/pq/"}, format="parquet",
    format_options={"useGlueParquetWriter": True, "blockSize": 134217728, "pageSize": 1048576})
