from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from pyspark.context import SparkContext


def sparkSqlQuery(glueContext, query, mapping, transformation_ctx) -> DynamicFrame:
    for alias, frame in mapping.items():
        frame.toDF().createOrReplaceTempView(alias)
    result = spark.sql(query)
    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)


glueContext = GlueContext(SparkContext.getOrCreate())
spark = glueContext.spark_session

# Script generated for node Exposure by desk
SqlQuery0 = """
select desk, sum(ead) as ead from exposures group by desk
"""
SQLQuery_node1700000000001 = sparkSqlQuery(
    glueContext,
    query=SqlQuery0,
    mapping={"exposures": AmazonS3_node1700000000000},
    transformation_ctx="SQLQuery_node1700000000001",
)
