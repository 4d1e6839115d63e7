import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "db_host", "db_user", "db_password"])
sc = SparkContext()
glueContext = GlueContext(sc)
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

rates = glueContext.create_dynamic_frame.from_options(
    connection_type="postgresql",
    connection_options={
        "url": f"jdbc:postgresql://{args['db_host']}:5432/marketdata",
        "dbtable": "public.fx_rates_eod",
        "user": args["db_user"],
        "password": args["db_password"],
    },
)

latest = rates.toDF()
latest.createOrReplaceTempView("fx")
snapshot = glueContext.sql("select ccy_pair, mid_rate, rate_date from fx where rate_date = (select max(rate_date) from fx)")

snapshot.write.mode("overwrite").format("parquet").save("s3://bank-risk-curated/fx_rates/latest/")
job.commit()
