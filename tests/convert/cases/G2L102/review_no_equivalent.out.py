# g2l: converted from jobs/review_no_equivalent.py
from pyspark.sql import SparkSession
import glue_compat

spark = SparkSession.builder.getOrCreate()
glueContext = spark  # g2l: kept for the Glue calls left for review

# g2l: review G2L102: exclusions has no Spark equivalent (pathGlobFilter only includes file names): convert this read by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
excluded = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://risk-raw/x/"], "exclusions": "[\"s3://risk-raw/x/**.tmp\"]"},
    format="json",
)
# g2l: review G2L102: jsonPath has no Spark equivalent (select or explode the fields it names after reading): convert this read by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
nested = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://risk-raw/y/"]}, format="json",
    format_options={"jsonPath": "$.items[*]"},
)
# g2l: review G2L102: skipFirst has no Spark equivalent (drop the first data line after reading): convert this read by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
skipped = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://risk-raw/z/"]}, format="csv",
    format_options={"skipFirst": True, "withHeader": False},
)
# g2l: review G2L102: format "grokLog" has no Spark reader here: convert this read by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
logs = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://risk-raw/logs/"]}, format="grokLog",
    format_options={"logFormat": "%{COMMONAPACHELOG}"},
)
# g2l: review G2L102: connection_options and format_options must be literal dicts (or a name bound once to one and read only here): convert this read by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
computed_options = glueContext.create_dynamic_frame.from_options(connection_type="s3", connection_options=options_for("w"), format="csv")
# g2l: review G2L102: connection_options has no "paths" list: convert this read by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
no_paths = glueContext.create_dynamic_frame.from_options(connection_type="s3", connection_options={"path": "s3://a/"}, format="csv")
# converted, but Spark only decompresses files whose extension says so
# g2l: review G2L102: compressionType dropped: Spark decompresses by file extension (.gz, .bz2): as converted, a file without one is read as it is, not decompressed: check the files have one
compressed = (
    spark.read.format("csv")
    .option("escape", '"')
    .option("inferSchema", True)
    .load(["s3://risk-raw/gz/"])
    .transform(glue_compat.csv_types)
    .transform(glue_compat.csv_column_names)
)
