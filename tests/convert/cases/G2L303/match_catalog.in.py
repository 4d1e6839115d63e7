# case-config: {"catalog": "main", "databases": {"risk-raw": "prod.risk_raw"}}
from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import ResolveChoice


def aligned(raw: DynamicFrame):
    a = ResolveChoice.apply(frame=raw, choice="match_catalog", database="risk", table_name="trades")
    b = raw.resolveChoice(choice="match_catalog", database="risk-raw", table_name="trades-v2")
    return a, b
