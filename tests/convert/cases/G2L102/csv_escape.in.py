from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
QUOTE = "'"

# no escaper: Glue's reader has none, so a backslash stays an ordinary character (desk file paths end in one)
desks = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://risk-raw/desks/"]}, format="csv",
    format_options={"withHeader": True},
)
# single quotes and no escaper: the quote character escapes itself
notes = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://risk-raw/notes/"]}, format="csv",
    format_options={"withHeader": True, "quoteChar": "'"},
)
# the quote character known only at run time escapes itself too
memos = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://risk-raw/memos/"]}, format="csv",
    format_options={"withHeader": True, "quoteChar": QUOTE},
)
# an escaper of its own: Spark's escape
limits = glueContext.create_dynamic_frame.from_options(
    connection_type="s3", connection_options={"paths": ["s3://risk-raw/limits/"]}, format="csv",
    format_options={"withHeader": True, "escaper": "\\"},
)
