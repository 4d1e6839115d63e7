# g2l: converted from jobs/noop_dataframe_code.py
from pyspark import SparkContext
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

spark = SparkSession.builder.getOrCreate()

# DataFrame code runs on Spark Connect: nothing to say
desks = spark.createDataFrame([("FX", 1), ("RATES", 2)], ["desk", "rank"])
trades = spark.table("risk.trades").repartition(8).coalesce(2)
parts = trades.select(F.spark_partition_id().alias("part")).distinct().count()
numbers = spark.range(3)
sc = "scenario-7"
label = sc.upper()
report = build_report()
source = report.rdd
rdd = {"desk": "FX"}
first = rdd.get("desk")
sparkContext = settings.sparkContext
empty = trades.isEmpty()
heading = report.rdd.title()
nested = report.frame.rdd
is_context = isinstance(spark, SparkContext)
