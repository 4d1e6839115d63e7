# g2l: converted from jobs/star_context_rebinds.py
import logging
import os
from pyspark.sql import SparkSession
from pyspark.sql import DataFrame

spark = SparkSession.builder.getOrCreate()
log = logging.getLogger("limit_breaches")


def breaches(limits: DataFrame, exposures: DataFrame) -> DataFrame:
    # exposures over their counterparty limit, as a DataFrame
    joined = exposures.join(limits, "counterparty_id")
    log.info("limits for %s: %d", os.environ.get("RISK_DATE"), limits.count())
    return joined.where("exposure > limit_amount")
