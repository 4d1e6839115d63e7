import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.transforms import Unbox, UnnestFrame
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# the swift_payload column holds the parsed MT message as a JSON string
messages = glueContext.create_dynamic_frame.from_catalog(database="payments", table_name="swift_messages")
unboxed = Unbox.apply(frame=messages, path="swift_payload", format="json")
flat = UnnestFrame.apply(frame=unboxed)
flat = flat.unnest()

glueContext.write_dynamic_frame.from_options(
    frame=flat,
    connection_type="s3",
    connection_options={"path": "s3://bank-payments-curated/swift_flat/"},
    format="orc",
)
job.commit()
