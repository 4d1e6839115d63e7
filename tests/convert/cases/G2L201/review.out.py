# g2l: converted from jobs/review.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
glueContext = spark  # g2l: kept for the Glue calls left for review

# g2l: review G2L201: format "hudi" has no Spark writer here: convert this write by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
glueContext.write_dynamic_frame.from_options(
    frame=report, connection_type="s3", connection_options={"path": "s3://risk-out/hudi/"}, format="hudi")
# g2l: review G2L201: connection_options and format_options must be literal dicts (or a name bound once to one and read only here): convert this write by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
glueContext.write_dynamic_frame.from_options(
    frame=report, connection_type="s3", connection_options=sink_options, format="parquet")
# g2l: review G2L201: connection_options groupFiles not understood: convert this write by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
glueContext.write_dynamic_frame.from_options(
    frame=report, connection_type="s3", connection_options={"path": "s3://risk-out/x/", "groupFiles": "none"},
    format="parquet")
# g2l: review G2L201: connection_options has no "path" (Glue writes to one path): convert this write by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
glueContext.write_dynamic_frame.from_options(
    frame=report, connection_type="s3", connection_options={"paths": ["s3://risk-out/y/"]}, format="parquet")
# g2l: review G2L201: format_options strictCheckForQuoting not understood: convert this write by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
glueContext.write_dynamic_frame.from_options(
    frame=report, connection_type="s3", connection_options={"path": "s3://risk-out/z/"}, format="csv",
    format_options={"strictCheckForQuoting": True})
