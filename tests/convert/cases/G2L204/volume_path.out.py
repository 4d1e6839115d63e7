# g2l: converted from jobs/volume_path.py
# case-config: {"catalog": "main", "paths": {"s3://risk-curated/": "/Volumes/prod/risk/curated/"}}
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()


def publish(limits):
    # the path maps into a Volume: no table can live there
    # g2l: review G2L204: Glue wrote the parquet files of this table under s3://risk-curated/limits/; [convert] paths maps that into the Volume /Volumes/prod/risk/curated/limits/, where no table can live, so this is a managed Delta table: nothing new lands in /Volumes/prod/risk/curated/limits/ and whatever reads the files there gets no new data (map the prefix to an external location to keep the files there, or have those readers read the table)
    limits.write.mode("append").partitionBy("desk").saveAsTable("main.risk.limits")
