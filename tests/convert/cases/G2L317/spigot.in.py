from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import Spigot


def sample(trades: DynamicFrame):
    checked = Spigot.apply(frame=trades, path="s3://risk-debug/trades", options={"topk": 10},
                           transformation_ctx="checked")
    again = trades.spigot("s3://risk-debug/again")
    return checked, again
