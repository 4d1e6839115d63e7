from pyspark.sql.types import LongType, StringType, StructField, StructType

# Spark's types of the same names as awsglue.gluetypes': already what the rule writes
schema = StructType([StructField("id", LongType()), StructField("book", StringType())])
