# g2l: converted from jobs/context_holders.py
"""Where the liquidity library keeps its GlueContext: a factory, and a wrapper that holds one."""
from pyspark.sql import SparkSession


def liquidity_context() -> SparkSession:
    return SparkSession.builder.getOrCreate()


class LiquiditySpark:
    def __init__(self, sc):
        self._glue = SparkSession.builder.getOrCreate()
        # the session the report queries run on
        self.session = self._glue

    @property
    def context(self) -> SparkSession:
        return self._glue


def lcr_inputs():
    ctx = liquidity_context()
    outflows = ctx.table("risk.lcr_outflows")
    return outflows, ctx.sql("select * from risk.hqla")
