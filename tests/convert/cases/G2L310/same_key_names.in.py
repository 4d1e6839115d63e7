from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import Join


def enrich(trades: DynamicFrame, positions: DynamicFrame, keys):
    same = Join.apply(trades, positions, "trade_id", "trade_id")
    same = same.drop_fields(["`.trade_id`"])
    computed = Join.apply(frame1=trades, frame2=positions, keys1=keys, keys2=keys)
    nested = Join.apply(trades, positions.drop_fields(["x"]), ["cpty.id"], ["cpty_id"])
    return same, computed, nested
