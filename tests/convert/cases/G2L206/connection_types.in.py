from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

glueContext.write_dynamic_frame.from_options(
    frame=alerts, connection_type="kafka", connection_options={"topicName": "alerts", "connectionName": "msk"})
glueContext.write_dynamic_frame.from_options(
    frame=alerts, connection_type="kinesis", connection_options={"streamName": "alerts"})
glueContext.write_dynamic_frame_from_options(
    items, "dynamodb", {"dynamodb.output.tableName": "items", "dynamodb.throughput.write.percent": "1.0"})
glueContext.write_dynamic_frame.from_options(
    frame=profiles, connection_type="documentdb", connection_options={"uri": uri, "database": "crm"})
glueContext.write_dynamic_frame.from_options(
    frame=alerts, connection_type="opensearch", connection_options={"opensearch.resource": "alerts"})
glueContext.write_dynamic_frame.from_options(frame=alerts, connection_type=args["sink"], connection_options=opts)
