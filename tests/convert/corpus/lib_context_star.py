"""Run metadata for the liquidity jobs; everything comes in through one star import of awsglue.context."""

from awsglue.context import *

log = logging.getLogger("liquidity")


def run_stamp() -> str:
    # the risk date the scheduler passes, or today's
    return os.environ.get("RISK_DATE") or time.strftime("%Y-%m-%d")


def stamped(outflows: DataFrame, glue_context) -> DynamicFrame:
    log.info("stamping %d outflow rows", outflows.count())
    stamped_rows = outflows.withColumnRenamed("bucket", "lcr_bucket")
    return DynamicFrame.fromDF(stamped_rows, glue_context, "outflows_stamped")
