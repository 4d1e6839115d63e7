# g2l: converted from jobs/review.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
glueContext = spark  # g2l: kept for the Glue calls left for review

# g2l: review G2L105: this from_rdd call takes *rdd_and_name: use spark.createDataFrame by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
spread = glueContext.create_dynamic_frame.from_rdd(*rdd_and_name)
# g2l: review G2L105: this from_rdd call has no data: use spark.createDataFrame by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
unnamed = glueContext.create_dynamic_frame.from_rdd(name="x")
