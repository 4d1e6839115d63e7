from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import DropFields


def slim(trades: DynamicFrame, pii):
    a = DropFields.apply(frame=trades, paths=["ssn", "raw_payload"], transformation_ctx="a")
    b = trades.drop_fields(["address.zip"])
    c = trades.drop_fields(["`.customerid`"])
    d = DropFields.apply(trades, pii)
    e = trades.drop_fields("ssn")
    return a, b, c, d, e
