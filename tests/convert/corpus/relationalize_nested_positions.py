import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.transforms import Relationalize
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "TempDir"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# custody statements: one document per account with nested holdings and cash legs
statements = glueContext.create_dynamic_frame.from_catalog(database="custody", table_name="statements_json")

flattened = Relationalize.apply(
    frame=statements,
    staging_path=args["TempDir"] + "/relationalize/",
    name="statement",
    transformation_ctx="flattened",
)

for table_name in flattened.keys():
    frame = flattened.select(table_name)
    print(table_name, frame.count())
    glueContext.write_dynamic_frame.from_options(
        frame=frame,
        connection_type="s3",
        connection_options={"path": f"s3://bank-risk-curated/custody/{table_name.replace('.', '_')}/"},
        format="parquet",
    )
job.commit()
