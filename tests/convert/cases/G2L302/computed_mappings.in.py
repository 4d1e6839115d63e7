from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import ApplyMapping

TRADE_MAPPING = [("id", "string", "id", "long")]


def apply(trades: DynamicFrame, extra):
    mapped = ApplyMapping.apply(frame=trades, mappings=TRADE_MAPPING + extra, transformation_ctx="mapped")
    strict = trades.apply_mapping([("ID", "string", "id", "long")], case_sensitive=True)
    return mapped, strict
