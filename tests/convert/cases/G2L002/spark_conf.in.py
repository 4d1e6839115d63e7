from awsglue.context import GlueContext
from pyspark import SparkConf
from pyspark.context import SparkContext

conf = SparkConf().set("spark.sql.session.timeZone", "UTC").set("spark.executor.memory", "8g")
sc = SparkContext(conf=conf)
glueContext = GlueContext(sc)
positions = glueContext.sql("select * from risk.positions")
