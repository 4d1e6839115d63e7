# g2l: converted from jobs/backticks.py
# case-config: {"catalog": "risk-prod", "databases": {"market-data": "shared.market_data"}}
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

events = spark.read.table("`risk-prod`.`risk-raw`.`trade-events`")
quotes = spark.read.table("shared.market_data.`fx.quotes`")
plain = spark.read.table("`risk-prod`.risk_raw.trades")
