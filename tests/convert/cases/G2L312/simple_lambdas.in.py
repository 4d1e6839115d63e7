import re

from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import Filter


def live(trades: DynamicFrame, args: dict):
    a = Filter.apply(frame=trades, f=lambda r: r["status"] != "CANCELLED" and r["qty"] > 0, transformation_ctx="a")
    b = trades.filter(lambda row: row["book"] in ["EQ", "FX"])
    c = trades.filter(f=lambda r: r["desk"] not in ("XX",) and r.get("region") is not None)
    d = trades.filter(lambda r: 0 < r["qty"] <= 100)
    e = trades.filter(lambda r: r["cpty"]["rating"] == "AAA")
    f = trades.filter(lambda r: not (r["status"] == "DRAFT"))
    g = trades.filter(lambda r: r["ntl"] * r["fx"] >= 1e6)
    h = trades.filter(lambda r: r["buy_ccy"] == r["sell_ccy"])
    i = Filter.apply(frame=trades, f=lambda row: (bool(re.match("^(ISSUED|DISPUTED)$", row["status"]))))
    j = trades.filter(lambda row: row["period"] == args["period"] and re.search("X", row["desk"]))
    return a, b, c, d, e, f, g, h, i, j
