# g2l: converted from jobs/noop.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

trades = spark.read.table("main.risk.trades")
# a name that is no glue context: its methods are someone else's
frames = catalog_client.create_dynamic_frame.from_catalog(database="risk", table_name="trades")
rows = self.reader.from_catalog("risk", "trades")
