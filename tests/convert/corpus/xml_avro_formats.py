import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# regulator feedback files arrive as XML; the rating agency feed as Avro
feedback = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://bank-risk-raw/regulator/feedback/"]},
    format="xml",
    format_options={"rowTag": "ValidationResult"},
)
ratings = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://bank-risk-raw/agency/ratings/"], "compressionType": "gzip"},
    format="avro",
)

glueContext.write_dynamic_frame.from_options(
    frame=feedback,
    connection_type="s3",
    connection_options={"path": "s3://bank-risk-curated/regulator_feedback/"},
    format="parquet",
)
glueContext.write_dynamic_frame.from_options(
    frame=ratings,
    connection_type="s3",
    connection_options={"path": "s3://bank-risk-curated/agency_ratings/"},
    format="orc",
)
job.commit()
