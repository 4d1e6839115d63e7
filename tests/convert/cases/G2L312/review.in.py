from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import Filter


def is_odd_lot(record):
    return record["qty"] % 100 != 0


def odd(trades: DynamicFrame, other):
    either = trades.filter(lambda r: r["ntl"] > 1e6 or r["book"] == "EQ")
    lots = Filter.apply(frame=trades, f=is_odd_lot)
    fancy = trades.filter(lambda r: r["name"].startswith("A"))
    unknown = other.filter(lambda r: r["qty"] > 0)
    return either, lots, fancy, unknown
