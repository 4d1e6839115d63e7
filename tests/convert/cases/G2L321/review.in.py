from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())


def run(stream, options):
    glueContext.forEachBatch(frame=stream, batch_function=print, options=options)
    glueContext.forEachBatch(stream, print, {"windowSize": "1 minute", "checkpointLocation": "/chk", "batchMaxRetries": 5, "mode": "x"})
    glueContext.forEachBatch(frame=stream, batch_function=print, options={"checkpointLocation": "/chk"})
