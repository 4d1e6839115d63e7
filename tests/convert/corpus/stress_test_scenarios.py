import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.transforms import Relationalize, SelectFromCollection
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "scenario_set", "TempDir"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# EBA stress test scenario files: one nested JSON document per scenario
scenarios = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": [f"s3://bank-risk-raw/stress/{args['scenario_set']}/"], "recurse": True},
    format="json",
    format_options={"multiline": True},
)

tables = Relationalize.apply(frame=scenarios, staging_path=args["TempDir"], name="scenario")
print(sorted(tables.keys()))

shocks = SelectFromCollection.apply(dfc=tables, key="scenario_shocks")
roots = tables.select("scenario")

glueContext.write_dynamic_frame.from_options(
    frame=shocks,
    connection_type="s3",
    connection_options={"path": "s3://bank-risk-curated/stress/shocks/"},
    format="parquet",
)
glueContext.write_dynamic_frame.from_options(
    frame=roots,
    connection_type="s3",
    connection_options={"path": "s3://bank-risk-curated/stress/scenarios/"},
    format="parquet",
)
job.commit()
