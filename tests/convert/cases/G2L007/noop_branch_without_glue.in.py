import os

from pyspark.sql import SparkSession

# a runtime switch with no awsglue import in it: nothing to say
if os.environ.get("RISK_RUNTIME") == "glue":
    import json

    settings = json.loads(os.environ.get("RISK_SETTINGS", "{}"))
else:
    settings = {}

spark = SparkSession.builder.getOrCreate()
spark.conf.set("spark.sql.shuffle.partitions", settings.get("partitions", "8"))
