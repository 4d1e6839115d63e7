# g2l: converted from jobs/forms.py
# case-config: {"catalog": "risk-prod"}
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

risk.write.mode("append").saveAsTable("`risk-prod`.risk.exposures")
risk.write.mode("append").saveAsTable("`risk-prod`.`risk-raw`.`exposure-events`")
df.write.mode("append").saveAsTable("`risk-prod`.risk.limits")
risk.write.mode("append").saveAsTable("`risk-prod`.risk.archive")
