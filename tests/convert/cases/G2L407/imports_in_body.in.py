# Script generated for node Haircut floor
# (pasted on its own: the awsglue imports are in the body, below the annotation)
def ApplyHaircutFloor(glueContext, dfc) -> DynamicFrameCollection:
    from pyspark.sql.functions import col, greatest, lit
    from awsglue.dynamicframe import DynamicFrame, DynamicFrameCollection

    collateral = dfc.select(list(dfc.keys())[0]).toDF()
    floored = collateral.withColumn("haircut", greatest(col("haircut"), lit(0.02)))
    return DynamicFrameCollection({"ApplyHaircutFloor0": DynamicFrame.fromDF(floored, glueContext, "floored")}, glueContext)
