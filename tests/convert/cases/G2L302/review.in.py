from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import ApplyMapping


def unclear(trades: DynamicFrame):
    ambiguous = trades.apply_mapping([("qty", "long")])
    arrays = ApplyMapping.apply(frame=trades, mappings=[("legs[].ntl", "double", "ntl", "double")])
    weird = trades.apply_mapping([("payload", "string", "payload", "struct")])
    twice = trades.apply_mapping([("a", "string", "x", "string"), ("b", "string", "x", "string")])
    return ambiguous, arrays, weird, twice
