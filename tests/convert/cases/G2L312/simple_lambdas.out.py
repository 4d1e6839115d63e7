# g2l: converted from jobs/simple_lambdas.py
from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def live(trades: DataFrame, args: dict):
    a = trades.filter(~F.col("status").eqNullSafe("CANCELLED") & (F.col("qty") > 0))
    b = trades.filter(F.col("book").isin(["EQ", "FX"]))
    c = trades.filter((F.col("desk").isNull() | ~F.col("desk").isin(["XX"])) & F.col("region").isNotNull())
    d = trades.filter((F.col("qty") > 0) & (F.col("qty") <= 100))
    e = trades.filter(F.col("cpty.rating") == "AAA")
    f = trades.filter(~F.col("status").eqNullSafe("DRAFT"))
    g = trades.filter((F.col("ntl") * F.col("fx")) >= 1e6)
    h = trades.filter(F.col("buy_ccy").eqNullSafe(F.col("sell_ccy")))
    i = trades.filter(F.col("status").rlike("^(ISSUED|DISPUTED)$"))
    j = trades.filter((F.col("period") == args["period"]) & F.col("desk").rlike("X"))
    return a, b, c, d, e, f, g, h, i, j
