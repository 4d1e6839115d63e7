from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

excluded = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://risk-raw/x/"], "exclusions": "[\"s3://risk-raw/x/**.tmp\"]"},
    format="json",
)
nested = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://risk-raw/y/"]}, format="json",
    format_options={"jsonPath": "$.items[*]"},
)
skipped = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://risk-raw/z/"]}, format="csv",
    format_options={"skipFirst": True, "withHeader": False},
)
logs = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://risk-raw/logs/"]}, format="grokLog",
    format_options={"logFormat": "%{COMMONAPACHELOG}"},
)
computed_options = glueContext.create_dynamic_frame.from_options(connection_type="s3", connection_options=options_for("w"), format="csv")
no_paths = glueContext.create_dynamic_frame.from_options(connection_type="s3", connection_options={"path": "s3://a/"}, format="csv")
# converted, but Spark only decompresses files whose extension says so
compressed = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://risk-raw/gz/"], "compressionType": "gzip"}, format="csv")
