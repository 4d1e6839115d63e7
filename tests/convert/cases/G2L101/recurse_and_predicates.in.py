# case-config: {"catalog": "main"}
from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

# recurse: a table read reads every file of the table anyway
eu = glueContext.create_dynamic_frame.from_catalog(
    database="risk",
    table_name="trades",
    push_down_predicate="region = 'EU'",
    additional_options={"recurse": True, "catalogPartitionPredicate": "day >= '2024-03-01'"},
)
