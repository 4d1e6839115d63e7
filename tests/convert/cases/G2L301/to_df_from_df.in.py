from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())
spark = glueContext.spark_session

trades = DynamicFrame.fromDF(spark.table("risk.trades"), glueContext, "trades")
df = trades.toDF()
back = DynamicFrame.fromDF(dataframe=df.where("qty > 0"), glue_ctx=glueContext, name="back")
count = back.toDF().count()
either = DynamicFrame.fromDF(df if count else spark.table("risk.empty"), glueContext, "either").count()
