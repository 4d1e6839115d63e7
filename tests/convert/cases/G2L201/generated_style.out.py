# g2l: converted from jobs/generated_style.py
# case-config: {"catalog": "main", "paths": {"s3://risk-curated/": "/Volumes/prod/risk/curated/"}}
import sys
from pyspark.sql import SparkSession
import glue_compat

## @params: [JOB_NAME]
args = glue_compat.resolved_options(sys.argv, ['JOB_NAME'])

spark = SparkSession.builder.getOrCreate()
job = glue_compat.Job(spark, bookmarks="/Volumes/main/g2l/g2l_bookmarks")
job.init(args['JOB_NAME'], args)
## @type: DataSource
datasource0 = glue_compat.bookmarked(spark, "datasource0").table("main.risk.trades")
## @type: DataSink
## @return: datasink4
datasource0.write.mode("append").format("parquet").save("/Volumes/prod/risk/curated/trades")
# the result of this one is read again, so its name stays
# g2l: review G2L201: Glue's write returned the frame it wrote; a Spark write returns None: as converted, written is None, so code that uses it as a frame fails: read that frame where written is read
written = datasource0.write.mode("append").format("json").save("/Volumes/prod/risk/curated/copy")
print(written)
job.commit()
