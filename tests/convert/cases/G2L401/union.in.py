from awsglue import DynamicFrame
from awsglue.context import GlueContext
from pyspark.context import SparkContext


def sparkUnion(glueContext, unionType, mapping, transformation_ctx) -> DynamicFrame:
    for alias, frame in mapping.items():
        frame.toDF().createOrReplaceTempView(alias)
    result = spark.sql(
        "(select * from source1) UNION " + unionType + " (select * from source2)"
    )
    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)


glueContext = GlueContext(SparkContext.getOrCreate())
spark = glueContext.spark_session

# Script generated for node Union
Union_node1700000000003 = sparkUnion(
    glueContext,
    unionType="ALL",
    mapping={"source1": EmeaLimits_node1700000000001, "source2": ApacLimits_node1700000000002},
    transformation_ctx="Union_node1700000000003",
)
