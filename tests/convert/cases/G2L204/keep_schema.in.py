from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())


def publish(frame):
    # LOG: keep the table's schema, add new partitions only
    sink = glueContext.getSink(path="s3://risk-curated/limits/", connection_type="s3", updateBehavior="LOG",
                               partitionKeys=[], enableUpdateCatalog=True)
    sink.setCatalogInfo("risk", "limits")  # positional catalog info
    sink.setFormat("json")
    sink.writeFrame(frame)
    return frame
