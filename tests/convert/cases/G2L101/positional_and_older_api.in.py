from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

positional = glueContext.create_dynamic_frame.from_catalog("risk", "trades", "", "trades_ctx", "day = '01'")
older = glueContext.create_dynamic_frame_from_catalog("risk", "positions", transformation_ctx="positions")
data_frame = glueContext.create_data_frame.from_catalog(database="risk", table_name="limits")
data_frame_older = glueContext.create_data_frame_from_catalog(database="risk", table_name="books")
legacy_name_space = glueContext.create_dynamic_frame.from_catalog(name_space="risk", table_name="desks")
