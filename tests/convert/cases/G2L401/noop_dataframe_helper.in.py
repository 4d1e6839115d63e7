from pyspark.sql import DataFrame


def sparkSqlQuery(glueContext, query, mapping, transformation_ctx) -> DataFrame:
    # g2l: note: glueContext receives the SparkSession: call sites stay as Glue Studio wrote them
    for alias, frame in mapping.items():
        frame.createOrReplaceTempView(alias)
    result = glueContext.sql(query)
    return result


def sparkUnion(spark, frames):
    return frames[0].unionByName(frames[1])
