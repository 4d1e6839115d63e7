# g2l: converted from jobs/match_catalog.py
# case-config: {"catalog": "main", "databases": {"risk-raw": "prod.risk_raw"}}
from pyspark.sql import DataFrame
import glue_compat


def aligned(raw: DataFrame):
    a = glue_compat.match_catalog(raw, "main.risk.trades")
    b = glue_compat.match_catalog(raw, "prod.risk_raw.`trades-v2`")
    return a, b
