import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.transforms import ApplyMapping, Spigot
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "TempDir"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

sensitivities = glueContext.create_dynamic_frame.from_catalog(
    database="risk",
    table_name="cva_sensitivities",
    transformation_ctx="sensitivities",
)

# keep a sample of what arrived, for the model validation team
Spigot.apply(frame=sensitivities, path=args["TempDir"] + "/cva_sample", options={"topk": 100})

mapped = ApplyMapping.apply(
    frame=sensitivities,
    mappings=[
        ("counterparty_id", "string", "counterparty_id", "string"),
        ("risk_factor", "string", "risk_factor", "string"),
        ("bucket", "int", "bucket", "int"),
        ("delta", "double", "delta", "double"),
        ("vega", "double", "vega", "double"),
    ],
    transformation_ctx="mapped",
    stageThreshold=10,
    totalThreshold=100,
)

errors = mapped.errorsAsDynamicFrame()
if errors.count() > 0:
    errors.toDF().show(20, truncate=False)
mapped.assertErrorThreshold()

glueContext.write_dynamic_frame.from_catalog(frame=mapped, database="risk", table_name="cva_sensitivities_clean")
job.commit()
