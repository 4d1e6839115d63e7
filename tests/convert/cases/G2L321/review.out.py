# g2l: converted from jobs/review.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
glueContext = spark  # g2l: kept for the Glue calls left for review


def run(stream, options):
    # g2l: review G2L321: forEachBatch needs its options written as a dict with windowSize and checkpointLocation: as written, it fails on Databricks and the job stops: write the writeStream.foreachBatch query by hand
    glueContext.forEachBatch(frame=stream, batch_function=print, options=options)
    # g2l: review G2L321: forEachBatch needs its options written as a dict with windowSize and checkpointLocation: as written, it fails on Databricks and the job stops: write the writeStream.foreachBatch query by hand
    glueContext.forEachBatch(stream, print, {"windowSize": "1 minute", "checkpointLocation": "/chk", "batchMaxRetries": 5, "mode": "x"})
    # g2l: review G2L321: forEachBatch needs its options written as a dict with windowSize and checkpointLocation: as written, it fails on Databricks and the job stops: write the writeStream.foreachBatch query by hand
    glueContext.forEachBatch(frame=stream, batch_function=print, options={"checkpointLocation": "/chk"})
