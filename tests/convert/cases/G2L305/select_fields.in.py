from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import SelectFields

COLUMNS = ["trade_id", "book"]


def pick(trades: DynamicFrame):
    ids = SelectFields.apply(frame=trades, paths=["trade_id", "book"], transformation_ctx="ids")
    one = trades.select_fields("trade_id")
    nested = trades.select_fields(["trade_id", "address.city"])
    computed = SelectFields.apply(trades, COLUMNS)
    return ids, one, nested, computed
