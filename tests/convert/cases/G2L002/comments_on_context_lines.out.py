# g2l: converted from jobs/comments_on_context_lines.py
from pyspark.sql import SparkSession

# one context per run
# the driver's context
# Glue wraps it
spark = SparkSession.builder.getOrCreate()  # Glue's context
# the session we use
lgd = spark.read.table("risk.lgd_curves")
