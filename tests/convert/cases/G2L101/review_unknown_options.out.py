# g2l: converted from jobs/review_unknown_options.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
glueContext = spark  # g2l: kept for the Glue calls left for review

options = catalog_options("t")
# g2l: review G2L101: additional_options mergeSchema not understood: convert this read by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
merged = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="t", additional_options={"mergeSchema": "true"})
# g2l: review G2L101: additional_options is not a literal dict: read the table with spark.read.table by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
computed = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="t", additional_options=options)
# g2l: review G2L101: this catalog read has an argument Glue does not document (format): convert it by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
unexpected = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="t", format="parquet")
# g2l: review G2L101: database and table_name not understood: read the table with spark.read.table by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
no_table = glueContext.create_dynamic_frame.from_catalog(database="risk")
# g2l: review G2L101: this catalog read takes **source: convert it by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
splatted = glueContext.create_dynamic_frame.from_catalog(**source)
