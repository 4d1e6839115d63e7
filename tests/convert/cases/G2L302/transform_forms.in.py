import awsglue.transforms as T
from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import *


def shapes(trades: DynamicFrame) -> list:
    # every way Glue scripts call a transform
    keyword = ApplyMapping.apply(frame=trades, mappings=[("id", "string", "id", "long")], transformation_ctx="k")
    positional = ApplyMapping.apply(trades, [("id", "string", "id", "long")])
    aliased = T.ApplyMapping.apply(frame=trades, mappings=[("id", "string", "id", "long")])
    instance = ApplyMapping()(frame=trades, mappings=[("id", "string", "id", "long")])
    method = trades.apply_mapping([("id", "string", "id", "long")])
    camel = trades.applyMapping(mappings=[("id", "string", "id", "long")])
    return [keyword, positional, aliased, instance, method, camel]
