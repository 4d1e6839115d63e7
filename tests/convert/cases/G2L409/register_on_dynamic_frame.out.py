# g2l: converted from jobs/register_on_dynamic_frame.py
import pyspark.sql.functions as F
from pyspark.sql import DataFrame


# self is the DynamicFrame the visual node transforms
def mask_column(self, column, mask="***"):
    # g2l: review G2L301: self.toDF(): if this is a DynamicFrame (a DataFrame after conversion), drop .toDF(); an RDD keeps it: as written, on a DataFrame it fails and the job stops
    masked = self.toDF().withColumn(column, F.lit(mask))
    return masked


# the name must match the functionName of the transform's JSON config
# g2l: review G2L409: Glue Studio custom visual transform mask_column: now a DataFrame method, so self is a DataFrame: check the function's DynamicFrame calls (self.toDF(), self.glue_ctx, self.name, self.schema()): as written, most of them fail on a DataFrame and stop the job
DataFrame.mask_column = mask_column
