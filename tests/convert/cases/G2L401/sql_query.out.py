# g2l: converted from jobs/sql_query.py
from pyspark.sql import DataFrame
from pyspark.sql import SparkSession


def sparkSqlQuery(glueContext, query, mapping, transformation_ctx) -> DataFrame:
    # g2l: note: glueContext receives the SparkSession: call sites stay as Glue Studio wrote them
    for alias, frame in mapping.items():
        frame.createOrReplaceTempView(alias)
    result = glueContext.sql(query)
    return result


spark = SparkSession.builder.getOrCreate()

# Script generated for node Exposure by desk
SqlQuery0 = """
select desk, sum(ead) as ead from exposures group by desk
"""
SQLQuery_node1700000000001 = sparkSqlQuery(
    spark,
    query=SqlQuery0,
    mapping={"exposures": AmazonS3_node1700000000000},
    transformation_ctx="SQLQuery_node1700000000001",
)
