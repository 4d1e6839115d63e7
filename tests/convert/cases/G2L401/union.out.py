# g2l: converted from jobs/union.py
from pyspark.sql import DataFrame
from pyspark.sql import SparkSession


def sparkUnion(glueContext, unionType, mapping, transformation_ctx) -> DataFrame:
    # g2l: note: glueContext receives the SparkSession: call sites stay as Glue Studio wrote them
    for alias, frame in mapping.items():
        frame.createOrReplaceTempView(alias)
    result = glueContext.sql("(select * from source1) UNION " + unionType + " (select * from source2)")
    return result


spark = SparkSession.builder.getOrCreate()

# Script generated for node Union
Union_node1700000000003 = sparkUnion(
    spark,
    unionType="ALL",
    mapping={"source1": EmeaLimits_node1700000000001, "source2": ApacLimits_node1700000000002},
    transformation_ctx="Union_node1700000000003",
)
