# case-config: {"paths": {"s3://risk-debug/": "/Volumes/dev/risk/debug/"}}
from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import Spigot


def sample(trades: DynamicFrame, where: str):
    # a literal S3 path goes through [convert] paths as a writer's does; a computed one stays
    checked = Spigot.apply(frame=trades, path="s3://risk-debug/trades", options={"topk": 10})
    again = trades.spigot(where)
    return checked, again
