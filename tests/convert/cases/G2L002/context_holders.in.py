"""Where the liquidity library keeps its GlueContext: a factory, and a wrapper that holds one."""
from awsglue.context import GlueContext
from pyspark.context import SparkContext


def liquidity_context() -> GlueContext:
    return GlueContext(SparkContext.getOrCreate())


class LiquiditySpark:
    def __init__(self, sc):
        self._glue = GlueContext(sc)
        # the session the report queries run on
        self.session = self._glue.spark_session

    @property
    def context(self) -> GlueContext:
        return self._glue


def lcr_inputs():
    ctx = liquidity_context()
    outflows = ctx.spark_session.table("risk.lcr_outflows")
    return outflows, ctx.sql("select * from risk.hqla")
