from awsglue.transforms import *
from awsglue.dynamicframe import DynamicFrame


def change_schema(S3bucket_node1: DynamicFrame) -> DynamicFrame:
    ApplyMapping_node2 = ApplyMapping.apply(
        frame=S3bucket_node1,
        mappings=[
            ("trade_id", "string", "trade_id", "long"),
            ("ntl", "double", "notional", "double"),
            ("trade_date", "string", "trade_date", "date"),
            ("price", "string", "price", "decimal"),
            ("book", "string", "book", "string"),
        ],
        transformation_ctx="ApplyMapping_node2",
    )
    return ApplyMapping_node2
