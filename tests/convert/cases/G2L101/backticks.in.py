# case-config: {"catalog": "risk-prod", "databases": {"market-data": "shared.market_data"}}
from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

events = glueContext.create_dynamic_frame.from_catalog(database="risk-raw", table_name="trade-events")
quotes = glueContext.create_dynamic_frame.from_catalog(database="market-data", table_name="fx.quotes")
plain = glueContext.create_dynamic_frame.from_catalog(database="risk_raw", table_name="trades")
