# case-config: {"catalog": "main", "paths": {"s3://risk-curated/": "/Volumes/prod/risk/curated/"}}
import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

## @params: [JOB_NAME]
args = getResolvedOptions(sys.argv, ['JOB_NAME'])

sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args['JOB_NAME'], args)
## @type: DataSource
datasource0 = glueContext.create_dynamic_frame.from_catalog(database = "risk", table_name = "trades", transformation_ctx = "datasource0")
## @type: DataSink
## @return: datasink4
datasink4 = glueContext.write_dynamic_frame.from_options(frame = datasource0, connection_type = "s3", connection_options = {"path": "s3://risk-curated/trades"}, format = "parquet", transformation_ctx = "datasink4")
# the result of this one is read again, so its name stays
written = glueContext.write_dynamic_frame.from_options(frame = datasource0, connection_type = "s3", connection_options = {"path": "s3://risk-curated/copy"}, format = "json")
print(written)
job.commit()
