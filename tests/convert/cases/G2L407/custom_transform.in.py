from awsglue.dynamicframe import DynamicFrame, DynamicFrameCollection


# Script generated for node Stress scenario
def ApplyStressScenario(glueContext, dfc) -> DynamicFrameCollection:
    from pyspark.sql.functions import col

    df = dfc.select(list(dfc.keys())[0]).toDF()
    stressed = df.withColumn("stressed_pd", col("pd") * 1.5)
    return DynamicFrameCollection({"ApplyStressScenario0": DynamicFrame.fromDF(stressed, glueContext, "stressed")}, glueContext)
