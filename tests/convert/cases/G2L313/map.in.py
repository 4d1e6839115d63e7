from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import Map


def add_desk(record):
    record["desk"] = record["book"][:2]
    return record


def enrich(trades: DynamicFrame):
    a = Map.apply(frame=trades, f=add_desk, transformation_ctx="a")
    b = trades.map(lambda r: dict(r, qty=abs(r["qty"])))
    return a, b
