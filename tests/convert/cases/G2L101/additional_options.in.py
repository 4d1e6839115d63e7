from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

pruned = glueContext.create_dynamic_frame.from_catalog(
    database="risk",
    table_name="trades",
    push_down_predicate="region = 'EU'",
    additional_options={"catalogPartitionPredicate": "day >= '2024-01-01'", "groupFiles": "inPartition",
                        "useS3ListImplementation": True},
)
bounded = glueContext.create_dynamic_frame.from_catalog(
    database="risk", table_name="fills", additional_options={"boundedFiles": "500"}
)
shared = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="fx", catalog_id="123456789012")
incremental = glueContext.create_dynamic_frame.from_catalog(
    database="ledger", table_name="entries",
    additional_options={"jobBookmarkKeys": ["entry_id"], "jobBookmarkKeysSortOrder": "asc", "hashpartitions": "10"},
)
