from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

items = glueContext.create_dynamic_frame.from_options(
    connection_type="dynamodb",
    connection_options={"dynamodb.input.tableName": "items", "dynamodb.throughput.read.percent": "0.5"},
)
profiles = glueContext.create_dynamic_frame.from_options(
    connection_type="mongodb", connection_options={"connectionName": "mongo", "database": "crm", "collection": "p"})
documents = glueContext.create_dynamic_frame.from_options("documentdb", {"uri": uri, "database": "d", "collection": "c"})
search = glueContext.create_dynamic_frame.from_options(connection_type="opensearch", connection_options={"opensearch.resource": "idx"})
chosen = glueContext.create_dynamic_frame.from_options(connection_type=args["source"], connection_options=options)
