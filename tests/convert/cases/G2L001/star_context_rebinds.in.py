from awsglue.context import *
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
log = logging.getLogger("limit_breaches")


def breaches(limits: DataFrame, exposures: DataFrame) -> DataFrame:
    # exposures over their counterparty limit, as a DataFrame
    joined = exposures.join(limits, "counterparty_id")
    log.info("limits for %s: %d", os.environ.get("RISK_DATE"), limits.count())
    return joined.where("exposure > limit_amount")
