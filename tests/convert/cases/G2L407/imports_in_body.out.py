# g2l: converted from jobs/imports_in_body.py
# Script generated for node Haircut floor
# (pasted on its own: the awsglue imports are in the body, below the annotation)
from pyspark.sql import DataFrame
# g2l: review G2L407: Glue Studio custom transform ApplyHaircutFloor took and returned a DynamicFrameCollection: as written, a DynamicFrame call in its body fails on the DataFrames its call site passes now, and stops the job: check its body
def ApplyHaircutFloor(glueContext, dfc) -> dict[str, DataFrame]:
    from pyspark.sql.functions import col, greatest, lit

    collateral = dfc[list(dfc.keys())[0]]
    floored = collateral.withColumn("haircut", greatest(col("haircut"), lit(0.02)))
    return {"ApplyHaircutFloor0": floored}
