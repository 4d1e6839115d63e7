import pyspark.sql.functions as F
from awsglue import DynamicFrame


# self is the DynamicFrame the visual node transforms
def mask_column(self, column, mask="***"):
    masked = self.toDF().withColumn(column, F.lit(mask))
    return DynamicFrame.fromDF(masked, self.glue_ctx, self.name)


# the name must match the functionName of the transform's JSON config
DynamicFrame.mask_column = mask_column
