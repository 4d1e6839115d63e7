# g2l: converted from jobs/formats.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# Glue writes a CSV header unless told otherwise
report.write.mode("append").format("csv").option("header", True).save("s3://risk-out/report/")
(
    report.write.mode("append")
    .format("csv")
    .option("header", False)
    .option("sep", "\t")
    .option("quote", "")
    .save("s3://risk-out/feed/")
)
report.write.mode("append").format("json").option("compression", "gzip").save("s3://risk-out/json/")
report.write.mode("append").format("orc").save("s3://risk-out/orc/")
report.write.mode("append").format("avro").save("s3://risk-out/avro/")
(
    report.write.mode("append")
    .format("xml")
    .option("rowTag", "trade")
    .option("rootTag", "trades")
    .save("s3://risk-out/xml/")
)
(
    report.write.mode("append")
    .format("parquet")
    .option("parquet.block.size", 134217728)
    .option("parquet.page.size", 1048576)
    .save("s3://risk-out/pq/")
)
