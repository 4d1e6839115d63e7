import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "business_date"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

snapshot = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="positions_snapshot")
corrections = glueContext.create_dynamic_frame.from_catalog(
    database="risk",
    table_name="position_corrections",
    push_down_predicate=f"business_date = '{args['business_date']}'",
)

# late booking corrections replace the snapshot rows with the same position id
merged = snapshot.mergeDynamicFrame(corrections, ["position_id"])
merged = merged.repartition(20)

glueContext.write_dynamic_frame.from_options(
    frame=merged,
    connection_type="s3",
    connection_options={"path": "s3://bank-risk-curated/positions_corrected/", "partitionKeys": ["book"]},
    format="parquet",
)
job.commit()
