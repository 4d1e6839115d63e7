# g2l: converted from jobs/custom_transform.py
from pyspark.sql import DataFrame


# Script generated for node Stress scenario
# g2l: review G2L407: Glue Studio custom transform ApplyStressScenario took and returned a DynamicFrameCollection: as written, a DynamicFrame call in its body fails on the DataFrames its call site passes now, and stops the job: check its body
def ApplyStressScenario(glueContext, dfc) -> dict[str, DataFrame]:
    from pyspark.sql.functions import col

    df = dfc[list(dfc.keys())[0]]
    stressed = df.withColumn("stressed_pd", col("pd") * 1.5)
    return {"ApplyStressScenario0": stressed}
