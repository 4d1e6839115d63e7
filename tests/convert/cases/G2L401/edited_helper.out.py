# g2l: converted from jobs/edited_helper.py
from pyspark.sql import DataFrame


# g2l: review G2L401: Glue Studio helper sparkSqlQuery is not the one Glue Studio generates: as written, a DynamicFrame call in it fails on Databricks and stops the job: check by hand that it takes and returns DataFrames
def sparkSqlQuery(glueContext, query, mapping, transformation_ctx) -> DataFrame:
    for alias, frame in mapping.items():
        # g2l: review G2L301: frame.toDF(): if this is a DynamicFrame (a DataFrame after conversion), drop .toDF(); an RDD keeps it: as written, on a DataFrame it fails and the job stops
        frame.toDF().createOrReplaceTempView(alias)
    result = spark.sql(query).dropDuplicates()
    return result
