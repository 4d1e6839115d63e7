from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import SplitFields


def split(trades: DynamicFrame):
    parts = SplitFields.apply(frame=trades, paths=["trade_id", "ntl"], name1="core", name2="rest")
    core = parts.select("core")
    nested = trades.split_fields(["address.city"], "where", "what")
    unnamed = SplitFields.apply(frame=trades, paths=["trade_id"])
    return core, nested, unnamed
