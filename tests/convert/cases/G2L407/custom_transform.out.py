# g2l: converted from jobs/custom_transform.py
from pyspark.sql import DataFrame


# Script generated for node Stress scenario
# g2l: review G2L407: Glue Studio custom transform ApplyStressScenario took and returned a DynamicFrameCollection: check that its body works on the DataFrames its call site passes
def ApplyStressScenario(glueContext, dfc) -> dict[str, DataFrame]:
    from pyspark.sql.functions import col

    df = dfc[list(dfc.keys())[0]]
    stressed = df.withColumn("stressed_pd", col("pd") * 1.5)
    return {"ApplyStressScenario0": stressed}
