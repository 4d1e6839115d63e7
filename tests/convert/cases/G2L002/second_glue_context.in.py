from awsglue.context import GlueContext
from pyspark.context import SparkContext

sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
glueContext = GlueContext(spark.sparkContext)
trades = glueContext.sql("select * from risk.trades")
