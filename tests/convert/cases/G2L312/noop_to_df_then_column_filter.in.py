from awsglue.context import GlueContext
from pyspark.context import SparkContext
from pyspark.sql import functions as F

glueContext = GlueContext(SparkContext.getOrCreate())
exposures = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="exposures")
df = exposures.toDF()
# from here on the DataFrame API
df = df.filter(F.col("ead") > 1)
df = df.filter("stage = 2")
df.show(5)
print(df.count())
