# case-config: {"catalog": "risk-prod"}
from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

glueContext.write_dynamic_frame.from_catalog(risk, "risk", "exposures")
glueContext.write_dynamic_frame_from_catalog(frame=risk, database="risk-raw", table_name="exposure-events",
                                             redshift_tmp_dir=args["TempDir"])
glueContext.write_data_frame.from_catalog(frame=df, database="risk", table_name="limits")
sink = glueContext.write_dynamic_frame.from_catalog(frame=risk, database="risk", table_name="archive")
